"""Fitted confidences: how likely each fact is to be right, and which facts to keep.

read -> parse -> extract -> resolve -> **confidence** -> RDF -> export. An extractor states
a fixed prior per rule; this stage replaces it with a probability from a small logistic
model per kind of fact, over what the extractor knows about the fact: for a statement
the rule and how it found the speaker, the cue verb, where and how far the speaker is,
the quote's length and kind; for a membership the rule and whether an organization was
named (see :func:`membership_features` for why no more). The weights are
fitted on annotated training news by ``scripts/fit_confidence.py`` and ship in
``kg/data/confidence.json``; facts below the kind's threshold (the one that maximised F1
on the training sets, or ``--min-confidence``) are left out of the graph.

Operations have no training set: they keep their rule's prior and are never dropped.
"""

from __future__ import annotations

import json
import math
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, replace
from functools import cache
from pathlib import Path

from kg.extract.records import (
    FROM_THE_DOCUMENT,
    FROM_THE_SENTENCE,
    DocumentFacts,
    Membership,
    ResolvedCorpus,
    Statement,
)

MODEL_PATH = Path(__file__).resolve().parent / "data" / "confidence.json"
RARE = "~rare"  # the value a feature takes when the training data saw it too seldom

STATEMENT = "statement"
MEMBERSHIP = "membership"


@dataclass(frozen=True, slots=True)
class KindModel:
    """A logistic model for one kind of fact: ``p = sigmoid(bias + sum of feature weights)``.

    ``rare`` names the features (the part before ``=``) whose unseen values count as
    ``name=~rare``; ``threshold`` is the default cut (facts below it are left out).
    """

    bias: float
    weights: dict[str, float]
    rare: frozenset[str]
    threshold: float

    def probability(self, features: list[str]) -> float:
        """The fitted probability that a fact with ``features`` is right."""
        score = self.bias
        for feature in sorted(set(self.known(features))):
            score += self.weights.get(feature, 0.0)
        return 1.0 / (1.0 + math.exp(-score))

    def known(self, features: list[str]) -> Iterator[str]:
        """The features as the model knows them: an unseen value of a rare-bucketed name
        becomes ``name=~rare``."""
        for feature in features:
            name = feature.split("=", 1)[0]
            if feature not in self.weights and name in self.rare:
                yield f"{name}={RARE}"
            else:
                yield feature


@dataclass(frozen=True, slots=True)
class ConfidenceModel:
    """The fitted models by kind of fact (``statement``, ``membership``)."""

    kinds: dict[str, KindModel]

    @classmethod
    def from_json(cls, data: dict) -> ConfidenceModel:
        kinds = {
            kind: KindModel(
                bias=float(spec["bias"]),
                weights={k: float(v) for k, v in spec["weights"].items()},
                rare=frozenset(spec.get("rare", [])),
                threshold=float(spec["threshold"]),
            )
            for kind, spec in data["kinds"].items()
        }
        return cls(kinds)


@cache
def load_model(path: Path = MODEL_PATH) -> ConfidenceModel | None:
    """The shipped model, or None where no model file exists (priors are then kept)."""
    if not path.is_file():
        return None
    return ConfidenceModel.from_json(json.loads(path.read_text(encoding="utf-8")))


# -- features ---------------------------------------------------------------------------


def _bucket(value: float, edges: tuple[float, ...]) -> str:
    """The first edge ``value`` is below, as a label ("<8"), or the last as ">=N"."""
    for edge in edges:
        if value < edge:
            return f"<{edge:g}"
    return f">={edges[-1]:g}"


def _gap(a_start: int, a_end: int, b_start: int, b_end: int) -> int:
    """Characters between two spans (0 when they touch or overlap)."""
    return max(0, b_start - a_end, a_start - b_end)


def _words(text: str) -> int:
    return len(text.split())


@dataclass(frozen=True, slots=True)
class DocumentView:
    """What the statement features need of a whole document, counted once per document:
    mentions per entity, statements per sentence, the statements overlapping another."""

    mentions: Counter[str]
    per_sentence: Counter[int]
    overlapping: frozenset[Statement]


def document_view(facts: DocumentFacts, corpus: ResolvedCorpus) -> DocumentView:
    """The counts of :class:`DocumentView` for one document."""
    name = facts.document.name
    mentions = Counter(
        entity.key for m in facts.mentions if (entity := corpus.entity_for(name, m)) is not None
    )
    per_sentence = Counter(s.evidence.sentence_start for s in facts.statements)
    ordered = sorted(facts.statements, key=lambda s: (s.start, s.end))
    overlapping: set[Statement] = set()
    for i, a in enumerate(ordered):
        for b in ordered[i + 1 :]:
            if b.start >= a.end:
                break
            overlapping.update((a, b))
    return DocumentView(mentions, per_sentence, frozenset(overlapping))


def statement_features(
    statement: Statement,
    facts: DocumentFacts,
    corpus: ResolvedCorpus,
    view: DocumentView | None = None,
) -> list[str]:
    """What the extractor knows about a statement, as ``name=value`` features (``view``:
    the document's counts, computed here when not given)."""
    view = view if view is not None else document_view(facts, corpus)
    s, ev = statement, statement.evidence
    return [
        f"rule={ev.rule}",
        f"prior={ev.rule}:{ev.confidence:.2f}",
        f"kind={s.kind}",
        f"cue={s.cue or '-'}",
        f"length={_bucket(_words(s.text), (4, 8, 16, 32, 64))}",
        f"starts_upper={s.text[:1].isupper()}",
        f"ends_stop={s.text.rstrip()[-1:] in '.!?'}",
        f"headline={ev.sentence_start == 0}",
        f"in_sentence={min(view.per_sentence[ev.sentence_start], 3)}",
        f"overlaps={s in view.overlapping}",
        *_speaker_features(s, facts, corpus, view),
    ]


def _speaker_features(
    s: Statement, facts: DocumentFacts, corpus: ResolvedCorpus, view: DocumentView
) -> list[str]:
    speaker = s.speaker
    if speaker is None:
        return ["speaker=none"]
    entity = corpus.entity_for(facts.document.name, speaker)
    ev = s.evidence
    in_sentence = ev.sentence_start <= speaker.start < ev.sentence_end
    side = "inside" if s.start <= speaker.start < s.end else (
        "before" if speaker.end <= s.start else "after"
    )
    gap = _gap(speaker.start, speaker.end, s.start, s.end)
    out = [
        f"speaker={speaker.type}",
        f"speaker_words={min(_words(speaker.text), 3)}",
        f"speaker_side={side}",
        f"speaker_in_sentence={in_sentence}",
        f"speaker_gap={_bucket(gap, (3, 15, 40, 120, 400))}",
    ]
    if entity is None:
        out.append("speaker_entity=none")
    else:
        out.append(f"speaker_entity={entity.type}")
        out.append(f"speaker_name_words={min(_words(entity.name), 3)}")
        # mentions in this document, not the corpus: a fact's confidence must not depend
        # on which other articles share the build
        out.append(f"speaker_mentions={_bucket(view.mentions[entity.key], (2, 4, 10))}")
    return out


def membership_features(m: Membership, facts: DocumentFacts, corpus: ResolvedCorpus) -> list[str]:
    """What the extractor knows about a person–role–organization fact, kept coarse: the
    pattern that found it and whether the text named an organization.

    The one training set (CoNLL04, 205 judged facts) has conventions other news does not
    share: a public office in a place ("Governor" of a state) is no work-for link there,
    and a role with no organization is always wrong. Measured on conll04-dev, redocred-dev
    and the seeds, finer features (title, organization type and distance, the names'
    lengths, the prior) fitted those conventions and calibrated worse beyond them.
    """
    return [
        f"rule={m.evidence.rule.removesuffix(FROM_THE_DOCUMENT).removesuffix(FROM_THE_SENTENCE)}",
        f"organization={'none' if m.organization is None else 'named'}",
    ]


def fact_features(
    kind: str, fact: Statement | Membership, facts: DocumentFacts, corpus: ResolvedCorpus,
    view: DocumentView | None = None,
) -> list[str]:
    """The features of a fact of ``kind`` (``statement`` or ``membership``)."""
    if kind == STATEMENT:
        return statement_features(fact, facts, corpus, view)  # type: ignore[arg-type]
    return membership_features(fact, facts, corpus)  # type: ignore[arg-type]


# -- the stage ---------------------------------------------------------------------------


def apply_confidence(
    corpus: ResolvedCorpus,
    model: ConfidenceModel | None = None,
    min_confidence: float | None = None,
) -> ResolvedCorpus:
    """``corpus`` with each fact's confidence fitted and the facts below the cut left out.

    ``min_confidence`` None cuts each kind at its fitted threshold; a number cuts every
    kind there (0 keeps all). Without a model (no data file) the priors stay and only an
    explicit ``min_confidence`` cuts.
    """
    model = model if model is not None else load_model()
    documents = []
    for facts in corpus.documents:
        view = document_view(facts, corpus)
        scored = {
            kind: _scored(items, kind, model, min_confidence, facts, corpus, view)
            for kind, items in ((STATEMENT, facts.statements), (MEMBERSHIP, facts.memberships))
        }
        operations = [
            op for op in facts.operations
            if min_confidence is None or op.evidence.confidence >= min_confidence
        ]
        documents.append(
            replace(
                facts,
                statements=scored[STATEMENT],
                memberships=scored[MEMBERSHIP],
                operations=operations,
            )
        )
    return replace(corpus, documents=documents)


def _scored(
    items: list,
    kind: str,
    model: ConfidenceModel | None,
    min_confidence: float | None,
    facts: DocumentFacts,
    corpus: ResolvedCorpus,
    view: DocumentView,
) -> list:
    fitted = model.kinds.get(kind) if model is not None else None
    cut = min_confidence if min_confidence is not None else (
        fitted.threshold if fitted is not None else 0.0
    )
    kept = []
    for item in items:
        if fitted is not None:
            p = round(fitted.probability(fact_features(kind, item, facts, corpus, view)), 4)
            item = replace(item, evidence=replace(item.evidence, confidence=p))
        if item.evidence.confidence >= cut:
            kept.append(item)
    return kept


__all__ = [
    "ConfidenceModel",
    "DocumentView",
    "KindModel",
    "apply_confidence",
    "document_view",
    "fact_features",
    "load_model",
    "membership_features",
    "statement_features",
]
