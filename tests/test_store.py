"""Queries, exports, SHACL and a real Oxigraph server, on the seeds build."""

from __future__ import annotations

import json
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.store import bind_variables, format_results, graphs_of, push_to_store, start_server
from kg.validate import validate

QUERIES = Path(__file__).resolve().parent.parent / "ontology" / "queries"


def _sparql(server, query: str) -> dict:
    url = f"{server.url}/query?{urllib.parse.urlencode({'query': query})}"
    request = urllib.request.Request(url, headers={"Accept": "application/sparql-results+json"})
    with urllib.request.urlopen(request, timeout=30) as response:
        return json.loads(response.read())


def _count(server, graph: str | None = None) -> int:
    where = f"GRAPH <{graph}> {{ ?s ?p ?o }}" if graph else "GRAPH ?g { ?s ?p ?o }"
    result = _sparql(server, f"SELECT (COUNT(*) AS ?n) WHERE {{ {where} }}")
    return int(result["results"]["bindings"][0]["n"]["value"])


def _union(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


@pytest.fixture(scope="module")
def server():
    running = start_server()
    yield running
    running.stop()


def test_every_rdf_file_parses_strictly(seeds_build):
    for name, fmt in [
        ("graph.ttl", ox.RdfFormat.TURTLE),
        ("graph.nt", ox.RdfFormat.N_TRIPLES),
        ("graph.nq", ox.RdfFormat.N_QUADS),
        ("graph.trig", ox.RdfFormat.TRIG),
        ("graph.jsonld", ox.RdfFormat.JSON_LD),
    ]:
        assert list(ox.parse(path=str(seeds_build / name), format=fmt)), name
    for ttl in Path("ontology").glob("*.ttl"):
        assert list(ox.parse(path=str(ttl), format=ox.RdfFormat.TURTLE)), ttl


def test_all_syntaxes_hold_the_same_graph(seeds_build):
    turtle = rdflib.Graph().parse(seeds_build / "graph.ttl", format="turtle")
    for name, fmt in [("graph.nq", "nquads"), ("graph.trig", "trig"), ("graph.jsonld", "json-ld")]:
        dataset = rdflib.Dataset()
        dataset.parse(seeds_build / name, format=fmt)
        assert isomorphic(_union(dataset), turtle), name


def test_load_query_with_bound_values(seeds_build):
    graph = kg.load(seeds_build)
    rows = list(graph.query("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": "Tom Homan"}))
    assert len(rows) == 1
    hostile = 'x" } . ?s ?p ?o . FILTER("1" = "1'
    assert list(graph.query("SELECT ?e WHERE { ?e rdfs:label ?name }", {"name": hostile})) == []
    assert format_results(graph.query("ASK { ?p a schema:Person }")) == "yes"


def test_queries_see_each_triple_once(seeds_build):
    """A fact repeated in several document graphs is one triple to a query (the RDF merge),
    not one per graph: joins over the raw union multiply with the number of articles."""
    graph = kg.load(seeds_build)
    triples = len(ox.Dataset(ox.parse(path=str(seeds_build / "graph.ttl"))))
    assert len(graph) > triples, "the seeds repeat some facts across documents"
    rows = list(graph.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"))
    assert int(rows[0]["n"].value) == triples
    repeated = list(
        graph.query(
            "SELECT ?m WHERE { ?m org:member ?p ; org:role ?r ; prov:wasDerivedFrom ?d1, ?d2 "
            "FILTER(?d1 != ?d2) ?d1 a schema:NewsArticle . ?d2 a schema:NewsArticle }"
        )
    )
    assert repeated, "some membership is reported by two seed articles"
    member = list(graph.query("SELECT ?p WHERE { ?m org:member ?p }", {"m": repeated[0]["m"]}))
    assert len(member) == 1, "one row for a triple held by two document graphs"


def test_default_graph_triples_of_an_input_file_are_kept(tmp_path):
    trig = tmp_path / "mixed.trig"
    trig.write_text(
        "<http://ex.org/a> <http://ex.org/p> <http://ex.org/b> .\n"
        "<http://ex.org/g> { <http://ex.org/c> <http://ex.org/p> <http://ex.org/d> . }\n",
        encoding="utf-8",
    )
    graph = kg.load(trig)
    assert len(graph) == 2
    assert len(graph.to_rdflib()) == 2
    assert format_results(graph.query("ASK { <http://ex.org/c> ?p ?o }")) == "yes"


def test_bind_variables_rejects_bad_names():
    with pytest.raises(ValueError):
        bind_variables("SELECT ?x WHERE { ?x ?p ?o }", {"x }": "y"})


def test_networkx_view_has_entities_and_typed_edges(seeds_build):
    graph = kg.load(seeds_build)
    network = graph.to_networkx()
    people = {d["label"] for _, d in network.nodes(data=True) if d["type"] == "Person"}
    assert "Tom Homan" in people
    kinds = {d["kind"] for *_, d in network.edges(data=True)}
    assert kinds <= {"member_of", "located_in"}
    assert len(list(graph.to_rdflib().quads())) == len(graph)


def test_canned_queries_run(seeds_build, capsys):
    for query in sorted(QUERIES.glob("*.rq")):
        assert main(["query", str(seeds_build), str(query), "--format", "json"]) == 0, query
        rows = json.loads(capsys.readouterr().out)
        assert isinstance(rows, list)
    main(
        [
            "query",
            str(seeds_build),
            str(QUERIES / "who-said-what.rq"),
            "--format",
            "json",
            "--bind",
            "entity=Tom Homan",
        ]
    )
    rows = json.loads(capsys.readouterr().out)
    assert rows and all(r["speaker"] == "Tom Homan" or "homan" in r["text"].lower() for r in rows)


def test_seeds_build_conforms_and_broken_graph_is_caught(seeds_build, tmp_path):
    conforms, report = validate(seeds_build)
    assert conforms, report
    broken = tmp_path / "broken.ttl"
    broken.write_text(
        "@prefix schema: <https://schema.org/> .\n"
        "@prefix kg: <https://w3id.org/kg-news/ontology#> .\n"
        "<urn:q> a schema:Quotation ; kg:confidence 1.5 .\n"
        "<urn:p> a schema:Person .\n",
        encoding="utf-8",
    )
    conforms, report = validate(broken)
    assert not conforms
    assert "schema.org/text" in report or "schema:text" in report


def test_store_round_trip_idempotent_load_and_retraction(seeds_build, server):
    sent = graphs_of(seeds_build)
    assert push_to_store(seeds_build, f"{server.url}/store") == len(sent)
    total = _count(server)
    assert push_to_store(seeds_build, f"{server.url}/store") == len(sent)
    assert _count(server) == total, "loading twice must not duplicate"
    expected = rdflib.Dataset()
    expected.parse(seeds_build / "graph.nq", format="nquads")
    # what comes back over HTTP is what was sent
    construct = "CONSTRUCT { ?s ?p ?o } WHERE { GRAPH ?g { ?s ?p ?o } }"
    url = f"{server.url}/query?{urllib.parse.urlencode({'query': construct})}"
    request = urllib.request.Request(url, headers={"Accept": "application/n-triples"})
    with urllib.request.urlopen(request, timeout=30) as response:
        back = rdflib.Graph().parse(data=response.read().decode(), format="nt")
    assert isomorphic(back, _union(expected))
    # retracting one document removes exactly its graph
    document = next(name for name in sent if "/doc/" in name)
    before = _count(server, document)
    assert before > 0
    request = urllib.request.Request(
        f"{server.url}/store?{urllib.parse.urlencode({'graph': document})}", method="DELETE"
    )
    urllib.request.urlopen(request, timeout=30).read()
    assert _count(server, document) == 0
    assert _count(server) == total - before


def test_export_command_writes_each_format(seeds_build, tmp_path):
    for fmt in ("turtle", "ntriples", "nquads", "trig", "jsonld", "graphml"):
        target = tmp_path / f"graph.{fmt}"
        assert main(["export", str(seeds_build), "--format", fmt, "-o", str(target)]) == 0
        assert target.stat().st_size > 100
