"""Queries, exports, SHACL and a real Oxigraph server, on the seeds build."""

from __future__ import annotations

import csv
import io
import json
import re
import shutil
import socket
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

import pyoxigraph as ox
import pytest
import rdflib
from rdflib.compare import isomorphic

import kg
from kg.cli import main
from kg.documents import read_document
from kg.store import (
    PortInUseError,
    bind_variables,
    format_results,
    graphs_of,
    launch_server,
    push_to_store,
    start_server,
)
from kg.validate import validate

ROOT = Path(__file__).resolve().parent.parent
QUERIES = ROOT / "ontology" / "queries"
SEEDS = ROOT / "seeds"


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


def _rows(output: str) -> list[dict[str, str]]:
    """The values of a W3C SPARQL JSON result, one dict per solution."""
    result = json.loads(output)
    return [{k: v["value"] for k, v in b.items()} for b in result["results"]["bindings"]]


def test_canned_queries_run(seeds_build, capsys):
    for query in sorted(QUERIES.glob("*.rq")):
        assert main(["query", str(seeds_build), str(query), "--format", "json"]) == 0, query
        result = json.loads(capsys.readouterr().out)
        assert isinstance(result["results"]["bindings"], list)
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
    rows = _rows(capsys.readouterr().out)
    assert rows and all(r["speaker"] == "Tom Homan" or "homan" in r["text"].lower() for r in rows)


def test_canned_queries_pair_each_fact_with_a_sentence_of_its_own_document(seeds_build, capsys):
    """A fact reported by several articles has a sentence in each: every row's sentence
    must come from the row's document, never from another article reporting the fact."""
    checked = 0
    for query in sorted(QUERIES.glob("*.rq")):
        assert main(["query", str(seeds_build), str(query), "--format", "json"]) == 0
        for row in _rows(capsys.readouterr().out):
            if "sentence" in row and "document" in row:
                # the article as kg reads it (no-break spaces read as spaces, one for one)
                text = read_document(SEEDS / row["document"], row["document"]).text
                assert row["sentence"] in text, (query.name, row["document"], row["sentence"])
                checked += 1
    assert checked > 10
    walz = [str(seeds_build), str(QUERIES / "roles-of-person.rq"), "--bind", "person=Walz"]
    assert main(["query", *walz, "--format", "json"]) == 0
    rows = _rows(capsys.readouterr().out)
    assert len({r["document"] for r in rows}) > 1, "Walz's role is reported by two seeds"
    for row in rows:
        assert row["name"] == "Tim Walz"
        assert row["sentence"] in read_document(SEEDS / row["document"], row["document"]).text


def test_rdflib_dataset_answers_the_readme_query(seeds_build):
    """The README's who-said-what SPARQL, run by rdflib on ``to_rdflib()``, sees the
    facts of every document graph (the default graph is their union)."""
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    sparql = re.search(r"```sparql\n(.*?)```", readme, re.DOTALL).group(1)
    assert "schema:Quotation" in sparql
    rows = list(kg.load(seeds_build).to_rdflib().query(sparql))
    expected = list(kg.load(seeds_build).query(sparql))
    assert len(rows) == len(expected) > 10
    assert {str(r[0]) for r in rows} == {s["speaker"].value for s in expected}


# --- the W3C SPARQL 1.1 result formats -----------------------------------------------------

RESULTS_GRAPH = """\
@prefix schema: <https://schema.org/> .
@prefix ex: <http://example.org/> .
ex:a a schema:Person ; schema:name "Ann \\"Tab\\"\\tRoe\\nsecond line, with comma" ; ex:age 41 .
ex:b a schema:Person ; schema:name "Bo"@en .
"""
RESULTS_QUERY = (
    "SELECT ?p ?type ?name ?age WHERE { ?p a ?type ; schema:name ?name "
    "OPTIONAL { ?p <http://example.org/age> ?age } } ORDER BY ?p"
)


@pytest.fixture()
def results_graph(tmp_path) -> Path:
    path = tmp_path / "people.ttl"
    path.write_text(RESULTS_GRAPH, encoding="utf-8")
    return path


def _query_output(graph: Path, fmt: str, capsys) -> str:
    assert main(["query", str(graph), RESULTS_QUERY, "--format", fmt]) == 0
    return capsys.readouterr().out


def test_json_results_follow_the_w3c_format(results_graph, capsys):
    result = json.loads(_query_output(results_graph, "json", capsys))
    assert result["head"]["vars"] == ["p", "type", "name", "age"]
    first, second = result["results"]["bindings"]
    assert first["p"] == {"type": "uri", "value": "http://example.org/a"}
    assert first["type"] == {"type": "uri", "value": "https://schema.org/Person"}
    assert first["name"]["value"] == 'Ann "Tab"\tRoe\nsecond line, with comma'
    assert first["age"] == {
        "type": "literal",
        "value": "41",
        "datatype": "http://www.w3.org/2001/XMLSchema#integer",
    }
    assert second["name"] == {"type": "literal", "value": "Bo", "xml:lang": "en"}
    assert "age" not in second, "an unbound variable is left out of its binding"
    assert main(["query", str(results_graph), "ASK { ?s ?p ?o }", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out) == {"head": {}, "boolean": True}


def test_csv_results_follow_the_w3c_format(results_graph, capsys):
    output = _query_output(results_graph, "csv", capsys)
    assert output.startswith("p,type,name,age\r\n")
    rows = list(csv.reader(io.StringIO(output, newline="")))
    assert rows[0] == ["p", "type", "name", "age"]
    assert rows[1] == [
        "http://example.org/a",
        "https://schema.org/Person",
        'Ann "Tab"\tRoe\nsecond line, with comma',
        "41",
    ]
    assert rows[2] == ["http://example.org/b", "https://schema.org/Person", "Bo", ""]
    assert len(rows) == 3


def test_tsv_results_follow_the_w3c_format_without_raw_tabs_or_newlines(results_graph, capsys):
    output = _query_output(results_graph, "tsv", capsys)
    lines = output.rstrip("\n").split("\n")
    assert len(lines) == 3, "one line per solution: a newline in a literal is escaped"
    cells = [line.split("\t") for line in lines]
    assert all(len(row) == 4 for row in cells), "a tab in a literal is escaped"
    assert cells[0] == ["?p", "?type", "?name", "?age"]
    assert cells[1][:2] == ["<http://example.org/a>", "<https://schema.org/Person>"]
    assert cells[1][2] == '"Ann \\"Tab\\"\\tRoe\\nsecond line, with comma"'
    assert cells[1][3] == "41"
    assert cells[2][2:] == ['"Bo"@en', ""]


def test_a_server_that_cannot_bind_its_port_is_reported_and_cleaned_up():
    """The start-up check itself (a port taken after kg looked): the server's own exit is
    seen even though the port answers, and its store is removed."""
    location = Path(tempfile.mkdtemp(prefix="kg-test-"))
    try:
        with socket.socket() as holder:
            holder.bind(("127.0.0.1", 0))
            holder.listen()
            port = holder.getsockname()[1]
            with pytest.raises(PortInUseError, match=f"port {port} .* already in use"):
                launch_server(location, port, union=True)
        assert not location.exists()
    finally:
        shutil.rmtree(location, ignore_errors=True)


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
