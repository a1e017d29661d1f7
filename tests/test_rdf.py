"""The RDF: contract triples, safe IRIs and literals, round trips, determinism."""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.export.rdf_files import serialize_turtle, write_rdf
from kg.extract.records import (
    DocumentFacts,
    DocumentInfo,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
    Statement,
)
from kg.rdf.iris import document_iri, entity_iri, span_iri
from kg.rdf.triples import confidence_literal, corpus_quads
from kg.resolve import resolve

HOSTILE = [
    "<img src=x onerror=alert(1)>",
    '" ; ex:p ex:o .',
    "Back\\slash {curly} and\nnewline",
    "Emoji 🎉 and \u202eRTL mark",
    "Ctrl\x01char",
    "x" * 10_000,
]
PREFIXES = """
PREFIX schema: <https://schema.org/>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX kg: <https://w3id.org/kg-news/ontology#>
"""


def _corpus(name: str, person: str, org: str, quote: str):
    text = f"{org} chief {person} said: “{quote}” in {person}ville during Operation {person}."
    p = Mention(person, "Person", text.index(person), text.index(person) + len(person))
    o = Mention(org, "Organization", 0, len(org))
    place = f"{person}ville"
    pl = Mention(place, "Place", text.index(place), text.index(place) + len(place))
    op_text = f"Operation {person}"
    op = Mention(op_text, "Operation", text.index(op_text), text.index(op_text) + len(op_text))
    ev = Evidence(0, len(text), "test-rule", 0.9)
    q_start = text.index("“") + 1
    facts = DocumentFacts(
        document=DocumentInfo(name, "Title " + quote[:20], "2025-01-02", "0" * 64, len(text)),
        text=text,
        mentions=[o, p, pl, op],
        memberships=[Membership(p, "chief", o, ev)],
        operations=[OperationLocation(op, pl, ev)],
        statements=[Statement(quote, q_start, q_start + len(quote), "direct", "say", p, ev)],
    )
    return resolve([facts])


@pytest.mark.parametrize("hostile", HOSTILE)
def test_hostile_text_keeps_turtle_valid_and_round_trips(hostile, tmp_path):
    corpus = _corpus(f"../{hostile[:40]}.txt", f"Jo {hostile}", f"Org {hostile}", hostile)
    paths, _ = write_rdf(corpus_quads(corpus), tmp_path)
    # the strictest parser here accepts every IRI and literal
    strict = list(ox.parse(path=str(paths["turtle"]), format=ox.RdfFormat.TURTLE))
    assert strict
    list(ox.parse(path=str(paths["nquads"]), format=ox.RdfFormat.N_QUADS))
    graph = Graph().parse(paths["turtle"], format="turtle")
    texts = [str(t) for t in graph.objects(None, None) if str(t) == hostile]
    assert texts, "the hostile text is kept as a literal, unchanged"
    dataset = Dataset().parse(paths["nquads"], format="nquads")
    union = Graph()
    for s, p, o, _ in dataset.quads():
        union.add((s, p, o))
    assert isomorphic(union, graph)


def test_iris_are_percent_safe():
    assert str(document_iri("a b/<c>.txt")).endswith("/doc/a%20b%2F%3Cc%3E.txt")
    assert str(span_iri(document_iri("x.txt"), 3, 9)).endswith("x.txt#char=3,9")
    assert str(entity_iri("person/tom-homan")).endswith("/id/person/tom-homan")


def test_confidence_is_a_decimal_in_unit_interval():
    assert str(confidence_literal(0.923)) == "0.92"
    assert str(confidence_literal(0.9)) == "0.9"
    assert str(confidence_literal(7)) == "1.0"
    assert str(confidence_literal(-1)) == "0.0"


def test_same_corpus_gives_identical_bytes():
    one = serialize_turtle(corpus_quads(_corpus("d.txt", "Ann Lee", "Acme Corp", "We won.")))
    two = serialize_turtle(corpus_quads(_corpus("d.txt", "Ann Lee", "Acme Corp", "We won.")))
    assert one == two
    assert b"_:" not in one, "no blank nodes"


def test_contract_triples_on_a_small_corpus(tmp_path):
    paths, _ = write_rdf(
        corpus_quads(_corpus("d.txt", "Ann Lee", "Acme Corp", "We won.")), tmp_path
    )
    g = Graph().parse(paths["turtle"], format="turtle")
    rows = list(
        g.query(
            PREFIXES
            + """
        SELECT ?name ?role ?org WHERE {
          ?m a org:Membership ; org:member ?p ; org:role ?r ; org:organization ?o ;
             prov:wasDerivedFrom ?d .
          ?p a schema:Person ; rdfs:label ?name . ?r rdfs:label ?role . ?o rdfs:label ?org .
          ?d schema:name "d.txt" .
        }"""
        )
    )
    assert [(str(a), str(b), str(c)) for a, b, c in rows] == [("Ann Lee", "chief", "Acme Corp")]
    quotes = list(
        g.query(
            PREFIXES
            + """
        SELECT ?text ?who WHERE { ?q a schema:Quotation ; schema:text ?text ;
          schema:creator/rdfs:label ?who ; kg:quoteKind "direct" ; kg:confidence ?c . }"""
        )
    )
    assert [(str(a), str(b)) for a, b in quotes] == [("We won.", "Ann Lee")]
    ops = list(
        g.query(
            PREFIXES
            + """
        SELECT ?op ?place WHERE { ?e a schema:Event ; rdfs:label ?op ;
          schema:location/rdfs:label ?place . }"""
        )
    )
    assert [(str(a), str(b)) for a, b in ops] == [("Operation Ann Lee", "Ann Leeville")]


def test_each_document_has_its_own_named_graph(tmp_path):
    paths, _ = write_rdf(
        corpus_quads(_corpus("d.txt", "Ann Lee", "Acme Corp", "We won.")), tmp_path
    )
    quads = ox.parse(path=str(paths["nquads"]), format=ox.RdfFormat.N_QUADS)
    graphs = {q.graph_name.value for q in quads}
    assert str(document_iri("d.txt")) in graphs
    assert any(g.endswith("/id/graph/entities") for g in graphs)
