"""Plain records passed between the pipeline stages.

read -> parse -> extract -> resolve -> rdf -> export. Extractors yield the
per-document records below; the resolver turns mentions into corpus-wide
entities (`Entity`) and wraps everything in a `ResolvedCorpus`.
All character offsets are Python string (code point) offsets into the
document text, the same as spaCy's ``start_char``/``end_char``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Organization", "Place", "Operation"]
StatementKind = Literal["direct", "partial", "reported"]
ENTITY_TYPES: tuple[EntityType, ...] = ("Person", "Organization", "Place", "Operation")


@dataclass(frozen=True, slots=True)
class Mention:
    """One surface form of an entity in a document: ``Mention("Homan", "Person", 120, 125)``."""

    text: str
    type: EntityType
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Evidence:
    """Where a fact came from: the sentence span, the rule that fired, its confidence in [0, 1]."""

    sentence_start: int
    sentence_end: int
    rule: str
    confidence: float


# Ends the rule name of a membership whose organization the text did not give but the
# extractor took from what the document is about ("President Jane Roe" in an article on
# Norway); resolve drops it where the corpus states another one for the same person.
FROM_THE_DOCUMENT = "+document-place"
# Ends the rule name of a membership whose organization is the body its title sits in,
# named elsewhere in the sentence ("Sen. Jane Roe … the Senate").
FROM_THE_SENTENCE = "+sentence-body"


@dataclass(frozen=True, slots=True)
class Membership:
    """Person holds a role, optionally in an organization: "Minnesota Governor Tim Walz".

    ``role`` is the title as a user would label it ("Governor", "border czar");
    ``qualifier`` keeps "former", "acting", "interim", "then" when the text says so.
    """

    person: Mention
    role: str
    organization: Mention | None
    evidence: Evidence
    qualifier: str | None = None


@dataclass(frozen=True, slots=True)
class OperationLocation:
    """A named operation and a place where it takes place."""

    operation: Mention
    location: Mention
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class Statement:
    """A quotation or reported statement and who made it.

    ``start``/``end`` delimit ``text`` in the document; a quote its cue interrupts (“A,” she
    said, “B.”) is one statement whose ``text`` joins the quoted parts ("A, B.") and whose
    span runs from the first part to the last, cue included. ``speaker`` is the named
    mention the statement is attributed to (a pronoun already resolved to its
    antecedent's mention), or None when the source is unnamed ("officials said").
    """

    text: str
    start: int
    end: int
    kind: StatementKind
    cue: str | None
    speaker: Mention | None
    evidence: Evidence


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A source document: its file name (unique within a build) and what the text states."""

    name: str
    title: str | None
    date: str | None  # ISO yyyy-mm-dd when the text states one
    sha256: str
    length: int
    url: str | None = None
    source: str | None = None


@dataclass(slots=True)
class DocumentFacts:
    """Everything extracted from one document."""

    document: DocumentInfo
    text: str
    mentions: list[Mention] = field(default_factory=list)
    memberships: list[Membership] = field(default_factory=list)
    operations: list[OperationLocation] = field(default_factory=list)
    statements: list[Statement] = field(default_factory=list)


@dataclass(frozen=True, slots=True)
class Entity:
    """One real-world entity across the corpus; ``key`` is stable, e.g. ``person/tom-homan``."""

    key: str
    type: EntityType
    name: str
    aliases: tuple[str, ...]
    mention_count: int
    documents: tuple[str, ...]


@dataclass(slots=True)
class ResolvedCorpus:
    """The merged corpus: entities plus every document's facts.

    ``entity_keys`` maps ``(document name, mention surface text)`` to an entity key;
    use :meth:`entity_for` rather than reading it directly.
    """

    entities: dict[str, Entity]
    documents: list[DocumentFacts]
    entity_keys: dict[tuple[str, str], str]

    def entity_for(self, document: str, mention: Mention | None) -> Entity | None:
        """The entity a mention of ``document`` was resolved to, or None."""
        if mention is None:
            return None
        key = self.entity_keys.get((document, mention.text))
        return self.entities.get(key) if key else None
