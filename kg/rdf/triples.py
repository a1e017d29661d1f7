"""Records -> quads: the resolved corpus in standard vocabularies.

Each document's facts go into a named graph named by the document IRI (so a
store can drop one article); entity and role descriptions go into
``ENTITIES_GRAPH``. A fact stated in several documents is one node (its IRI is
a hash of the fact), with provenance to every sentence behind it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from rdflib import Literal, URIRef
from rdflib.term import Node

from kg.extract.records import (
    DocumentFacts,
    Entity,
    Evidence,
    Membership,
    ResolvedCorpus,
    Statement,
)
from kg.rdf.iris import ENTITIES_GRAPH, document_iri, entity_iri, fact_iri, role_iri, span_iri
from kg.rdf.vocab import KG, NIF, ORG, PROV, RDF, RDFS, SDO, SEM, SKOS, XSD
from kg.resolve import fold, slugify

Quad = tuple[URIRef, URIRef, Node, URIRef]

ENTITY_CLASSES: dict[str, tuple[URIRef, ...]] = {
    "Person": (SDO.Person,),
    "Organization": (SDO.Organization, ORG.Organization),
    "Place": (SDO.Place, SEM.Place),
    "Operation": (KG.Operation, SEM.Event, SDO.Event),
}


_WEB_IRI = re.compile(r"https?://[^\s<>\"{}|\\^`]+\Z")


def is_web_iri(text: str) -> bool:
    """True for an http(s) IRI that is safe to write as one: "http://a.b/c?d=e"."""
    return bool(_WEB_IRI.match(text)) and all(ord(c) > 0x20 for c in text)


def confidence_literal(value: float) -> Literal:
    """A confidence as an ``xsd:decimal`` in [0, 1], at most two places, in canonical form
    (what stores return): ``0.923`` -> ``0.92``, ``0.9`` -> ``0.9``, ``1`` -> ``1.0``."""
    clamped = min(max(float(value), 0.0), 1.0)
    text = f"{clamped:.2f}".rstrip("0")
    return Literal(text + "0" if text.endswith(".") else text, datatype=XSD.decimal)


def corpus_quads(corpus: ResolvedCorpus) -> Iterator[Quad]:
    """Every quad of the corpus: entities, then each document's graph."""
    membership_keys = _membership_keys(corpus)
    organizations = _membership_organizations(corpus)
    yield from _entity_quads(corpus, organizations)
    for facts in corpus.documents:
        yield from _document_quads(corpus, facts, membership_keys)


def _entity_quads(corpus: ResolvedCorpus, organizations: set[str]) -> Iterator[Quad]:
    g = ENTITIES_GRAPH
    for entity in corpus.entities.values():
        node = entity_iri(entity.key)
        for cls in ENTITY_CLASSES[entity.type]:
            yield node, RDF.type, cls, g
        if entity.type == "Place" and entity.key in organizations:
            yield node, RDF.type, ORG.Organization, g  # a place acting as its government
        yield node, RDFS.label, Literal(entity.name), g
        for alias in entity.aliases:
            yield node, SKOS.altLabel, Literal(alias), g
        yield node, KG.mentionCount, Literal(entity.mention_count), g
    roles = sorted({role_label(m) for f in corpus.documents for m in f.memberships})
    for label in roles:
        node = role_iri(slugify(label))
        yield node, RDF.type, ORG.Role, g
        yield node, RDF.type, SKOS.Concept, g
        yield node, RDFS.label, Literal(label), g


def role_label(membership: Membership) -> str:
    """The role as labelled on its concept: one spelling per folded form."""
    return " ".join(membership.role.split())


def _membership_organizations(corpus: ResolvedCorpus) -> set[str]:
    keys: set[str] = set()
    for facts in corpus.documents:
        for m in facts.memberships:
            org = corpus.entity_for(facts.document.name, m.organization)
            if org is not None:
                keys.add(org.key)
    return keys


def _membership_keys(corpus: ResolvedCorpus) -> dict[tuple[str, str, str, str], str]:
    """Map (person, role, organization or "", qualifier or "") to the key of its node.

    A membership whose text names no organization joins the one membership of the
    same person and role that does name one, so "President Trump" and "U.S.
    President Donald Trump" are one claim.
    """
    claims: set[tuple[str, str, str, str]] = set()
    for facts in corpus.documents:
        for m in facts.memberships:
            claim = _claim(corpus, facts, m)
            if claim:
                claims.add(claim)
    with_org: dict[tuple[str, str, str], list[tuple[str, str, str, str]]] = {}
    for claim in sorted(claims):
        if claim[2]:
            with_org.setdefault((claim[0], claim[1], claim[3]), []).append(claim)
    keys: dict[tuple[str, str, str, str], str] = {}
    for claim in sorted(claims):
        target = claim
        if not claim[2]:
            options = with_org.get((claim[0], claim[1], claim[3]), [])
            if len(options) == 1:
                target = options[0]
        keys[claim] = "\x1f".join(target)
    return keys


def fact_nodes(corpus: ResolvedCorpus) -> Iterator[tuple[str, DocumentFacts, object, URIRef]]:
    """``(kind, document facts, fact, node IRI)`` for every statement and membership written
    ("statement" / "membership"): how a fact of the records is found in the graph."""
    membership_keys = _membership_keys(corpus)
    for facts in corpus.documents:
        for s in facts.statements:
            yield "statement", facts, s, _statement_node(facts.document.name, s)
        for m in facts.memberships:
            claim = _claim(corpus, facts, m)
            if claim is not None:
                yield "membership", facts, m, _membership_node(membership_keys, claim)


def _statement_node(document: str, statement: Statement) -> URIRef:
    return fact_iri("quote", document, statement.start, statement.end)


def _membership_node(
    membership_keys: dict[tuple[str, str, str, str], str], claim: tuple[str, str, str, str]
) -> URIRef:
    return fact_iri("membership", membership_keys[claim])


def _claim(
    corpus: ResolvedCorpus, facts: DocumentFacts, m: Membership
) -> tuple[str, str, str, str] | None:
    person = corpus.entity_for(facts.document.name, m.person)
    if person is None or person.type != "Person":
        return None
    org = corpus.entity_for(facts.document.name, m.organization)
    return (person.key, fold(role_label(m)), org.key if org else "", m.qualifier or "")


def _document_quads(
    corpus: ResolvedCorpus,
    facts: DocumentFacts,
    membership_keys: dict[tuple[str, str, str, str], str],
) -> Iterator[Quad]:
    info = facts.document
    doc = document_iri(info.name)
    g = doc
    yield doc, RDF.type, SDO.NewsArticle, g
    yield doc, RDF.type, PROV.Entity, g
    yield doc, SDO.name, Literal(info.name), g
    if info.title:
        yield doc, SDO.headline, Literal(info.title), g
    if info.date:
        yield doc, SDO.datePublished, Literal(info.date, datatype=XSD.date), g
    yield doc, KG.sha256, Literal(info.sha256), g
    if info.url and is_web_iri(info.url):
        yield doc, SDO.url, URIRef(info.url), g
    if info.source:
        yield doc, SDO.publisher, Literal(info.source), g
    context = span_iri(doc, 0, info.length)
    yield context, RDF.type, NIF.Context, g
    yield context, RDF.type, NIF.OffsetBasedString, g
    yield context, NIF.beginIndex, Literal(0), g
    yield context, NIF.endIndex, Literal(info.length), g
    yield context, NIF.sourceUrl, doc, g

    for key in sorted({e.key for e in _mentioned(corpus, facts)}):
        yield doc, SDO.mentions, entity_iri(key), g

    sentences: set[tuple[int, int]] = set()
    for m in facts.memberships:
        claim = _claim(corpus, facts, m)
        if claim is None:
            continue
        node = _membership_node(membership_keys, claim)
        person, org = (
            corpus.entity_for(info.name, m.person),
            corpus.entity_for(info.name, m.organization),
        )
        yield node, RDF.type, ORG.Membership, g
        yield node, RDF.type, KG.RoleMention, g
        yield node, ORG.member, entity_iri(person.key), g  # type: ignore[union-attr]
        yield node, ORG.role, role_iri(slugify(role_label(m))), g
        if org is not None:
            yield node, ORG.organization, entity_iri(org.key), g
            if not m.qualifier:
                yield entity_iri(person.key), ORG.memberOf, entity_iri(org.key), g  # type: ignore[union-attr]
        if m.qualifier:
            yield node, KG.qualifier, Literal(m.qualifier), g
        if info.date:
            yield node, KG.reportedOn, Literal(info.date, datatype=XSD.date), g
        yield from _provenance(node, doc, m.evidence, g)
        sentences.add((m.evidence.sentence_start, m.evidence.sentence_end))

    for op in facts.operations:
        event, place = (
            corpus.entity_for(info.name, op.operation),
            corpus.entity_for(info.name, op.location),
        )
        if event is None or place is None or event.type != "Operation" or place.type != "Place":
            continue
        event_node, place_node = entity_iri(event.key), entity_iri(place.key)
        yield event_node, SDO.location, place_node, g
        yield event_node, SEM.hasPlace, place_node, g
        node = fact_iri("placement", event.key, place.key)
        yield node, RDF.type, KG.OperationPlacement, g
        yield node, KG.operation, event_node, g
        yield node, KG.place, place_node, g
        yield from _provenance(node, doc, op.evidence, g)
        sentences.add((op.evidence.sentence_start, op.evidence.sentence_end))

    for s in facts.statements:
        node = _statement_node(info.name, s)
        speaker = corpus.entity_for(info.name, s.speaker)
        yield node, RDF.type, SDO.Quotation, g
        yield node, RDF.type, KG.Statement, g
        yield node, SDO.text, Literal(s.text), g
        yield node, KG.quoteKind, Literal(s.kind), g
        if s.cue:
            yield node, KG.cueVerb, Literal(s.cue), g
        if speaker is not None:
            yield node, SDO.creator, entity_iri(speaker.key), g
            yield node, PROV.wasAttributedTo, entity_iri(speaker.key), g
        else:
            yield node, KG.unknownSpeaker, Literal(True), g
        yield node, SDO.isPartOf, doc, g
        yield node, NIF.beginIndex, Literal(s.start), g
        yield node, NIF.endIndex, Literal(s.end), g
        yield from _provenance(node, doc, s.evidence, g)
        sentences.add((s.evidence.sentence_start, s.evidence.sentence_end))

    for start, end in sorted(sentences):
        node = span_iri(doc, start, end)
        yield node, RDF.type, NIF.Sentence, g
        yield node, RDF.type, NIF.OffsetBasedString, g
        yield node, NIF.referenceContext, context, g
        yield node, NIF.beginIndex, Literal(start), g
        yield node, NIF.endIndex, Literal(end), g
        yield node, NIF.anchorOf, Literal(facts.text[start:end]), g


def _mentioned(corpus: ResolvedCorpus, facts: DocumentFacts) -> Iterator[Entity]:
    for mention in facts.mentions:
        entity = corpus.entity_for(facts.document.name, mention)
        if entity is not None:
            yield entity


def _provenance(node: URIRef, doc: URIRef, evidence: Evidence, g: URIRef) -> Iterator[Quad]:
    sentence = span_iri(doc, evidence.sentence_start, evidence.sentence_end)
    yield node, PROV.wasDerivedFrom, doc, g
    yield node, PROV.wasDerivedFrom, sentence, g
    yield node, KG.confidence, confidence_literal(evidence.confidence), g
    yield node, KG.extractionRule, Literal(evidence.rule), g
