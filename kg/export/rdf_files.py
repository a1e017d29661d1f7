"""Serialising quads with pyoxigraph (two orders of magnitude faster than rdflib's writers).

A build writes the same graph in every common RDF syntax:

* ``graph.ttl`` — the union of all graphs as Turtle with prefixes;
* ``graph.nt`` — the union as N-Triples;
* ``graph.nq`` / ``graph.trig`` — one named graph per source document, plus the
  entity graph;
* ``graph.jsonld`` — JSON-LD with kg's context (``ontology/context.jsonld``) inline.

Quads are sorted first, so the same corpus gives byte-identical files.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from pathlib import Path

import pyoxigraph as ox
from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from kg.export.files import write_atomic
from kg.rdf.triples import Quad
from kg.rdf.vocab import TURTLE_PREFIXES

RDF_OUTPUTS = {
    "turtle": "graph.ttl",
    "ntriples": "graph.nt",
    "nquads": "graph.nq",
    "trig": "graph.trig",
    "jsonld": "graph.jsonld",
}


def to_oxigraph(term: Node) -> ox.NamedNode | ox.Literal:
    """An rdflib IRI or literal as the pyoxigraph term (raises ValueError on an invalid IRI)."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, BNode):
        raise ValueError("kg writes no blank nodes")
    raise TypeError(f"unsupported RDF term {term!r}")


def sorted_quads(quads: Iterable[Quad]) -> list[ox.Quad]:
    """rdflib quads as pyoxigraph quads, without duplicates, in a stable order (that of
    their N-Quads lines)."""
    iris: dict[Node, ox.NamedNode | ox.Literal] = {}  # IRIs recur: convert each once

    def term(node: Node) -> ox.NamedNode | ox.Literal:
        if isinstance(node, URIRef):
            converted = iris.get(node)
            if converted is None:
                converted = iris[node] = to_oxigraph(node)
            return converted
        return to_oxigraph(node)

    unique = {ox.Quad(term(s), term(p), term(o), term(g)) for s, p, o, g in quads}
    return sorted(unique, key=str)


def union_of_sorted(ordered: list[ox.Quad]) -> list[ox.Triple]:
    """The triples of all graphs together, without duplicates, from quads in
    :func:`sorted_quads` order, in one pass.

    In N-Quads line order the copies of one triple in several graphs are adjacent
    (they share the line up to the graph name, so nothing sorts between them)."""
    triples: list[ox.Triple] = []
    last: tuple | None = None
    for q in ordered:
        key = (q.subject, q.predicate, q.object)
        if key != last:
            triples.append(ox.Triple(*key))
            last = key
    return triples


def serialize_turtle(quads: Iterable[Quad]) -> bytes:
    """The union of all graphs as Turtle with kg's prefixes."""
    triples = union_of_sorted(sorted_quads(quads))
    return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)


def jsonld_context() -> dict[str, dict[str, str]]:
    """kg's JSON-LD context: the prefixes of the vocabularies it uses."""
    return {"@context": dict(sorted(TURTLE_PREFIXES.items()))}


class _Compactor:
    """Shortens IRIs to ``prefix:local`` with kg's context (each IRI looked up once)."""

    def __init__(self) -> None:
        self.prefixes = sorted(TURTLE_PREFIXES.items(), key=lambda item: -len(item[1]))
        self.seen: dict[str, str] = {}

    def iri(self, iri: str) -> str:
        short = self.seen.get(iri)
        if short is None:
            short = iri
            for prefix, namespace in self.prefixes:
                if iri.startswith(namespace) and not iri[len(namespace) :].startswith("//"):
                    short = f"{prefix}:{iri[len(namespace) :]}"
                    break
            self.seen[iri] = short
        return short

    def node(self, node: object) -> object:
        if isinstance(node, list):
            return [self.node(item) for item in node]
        if not isinstance(node, dict):
            return node
        result: dict[str, object] = {}
        for key, value in node.items():
            if key in ("@id", "@type") and isinstance(value, str):
                result[key] = self.iri(value)
            elif key.startswith("@"):
                result[key] = self.node(value)
            else:
                result[self.iri(key)] = self.node(value)
        return result


def serialize_jsonld(quads: list[ox.Quad]) -> bytes:
    """JSON-LD of the dataset, IRIs shortened with kg's context, which is embedded.

    One top-level node per line (json's C encoder; ``indent`` would use the slow one)."""
    expanded = json.loads(ox.serialize(quads, format=ox.RdfFormat.JSON_LD))
    compactor = _Compactor()
    context = json.dumps(jsonld_context()["@context"], ensure_ascii=False, indent=1)
    nodes = ",\n".join(json.dumps(compactor.node(node), ensure_ascii=False) for node in expanded)
    return f'{{"@context": {context},\n"@graph": [\n{nodes}\n]}}\n'.encode()


def serialize(ordered: list[ox.Quad], kind: str, triples: list[ox.Triple] | None = None) -> bytes:
    """The sorted quads in one of the syntaxes of :data:`RDF_OUTPUTS` (``triples``: their
    :func:`union_of_sorted`, when already computed)."""
    if kind in ("turtle", "ntriples") and triples is None:
        triples = union_of_sorted(ordered)
    if kind == "turtle":
        return ox.serialize(triples, format=ox.RdfFormat.TURTLE, prefixes=TURTLE_PREFIXES)
    if kind == "ntriples":
        return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES)
    if kind == "nquads":
        return ox.serialize(ordered, format=ox.RdfFormat.N_QUADS)
    if kind == "trig":
        return ox.serialize(ordered, format=ox.RdfFormat.TRIG, prefixes=TURTLE_PREFIXES)
    if kind == "jsonld":
        return serialize_jsonld(ordered)
    raise ValueError(f"unknown RDF output {kind!r} (one of {', '.join(RDF_OUTPUTS)})")


def write_rdf(quads: Iterable[Quad], out_dir: Path) -> tuple[dict[str, Path], list[ox.Triple]]:
    """Write every RDF file of :data:`RDF_OUTPUTS` into ``out_dir`` atomically; returns
    the paths and the merged triples (for views of the graph built next)."""
    ordered = sorted_quads(quads)
    triples = union_of_sorted(ordered)
    paths = {kind: out_dir / name for kind, name in RDF_OUTPUTS.items()}
    for kind, path in paths.items():
        write_atomic(path, serialize(ordered, kind, triples))
    return paths, triples
