"""The ``kg`` command end to end on seeds/, and its errors."""

from __future__ import annotations

import json
import os
import select
import signal
import socket
import subprocess
import sys
import time
import urllib.parse
import urllib.request
from importlib import metadata
from pathlib import Path

import pytest
from rdflib import Graph

from kg.documents import SUPPORTED_SUFFIXES
from kg.pipeline import build
from kg.store import free_port, port_is_free
from tests.conftest import SEEDS

KG = [sys.executable, "-m", "kg.cli"]


def run_kg(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([*KG, *args], capture_output=True, text=True, timeout=300)


def test_build_seeds_writes_graph_and_summary(tmp_path):
    result = run_kg("build", str(SEEDS), "-o", str(tmp_path), "--no-html")
    assert result.returncode == 0, result.stderr
    assert "5 documents read, 0 skipped" in result.stdout
    assert "statements:" in result.stdout
    graph = Graph().parse(tmp_path / "graph.ttl", format="turtle")
    assert len(graph) > 100
    report = json.loads((tmp_path / "report.json").read_text())
    assert report["documents"] == 5 and report["skipped"] == []


def test_no_input_is_an_error_with_nonzero_exit(tmp_path):
    result = run_kg("build", str(tmp_path / "missing"), "-o", str(tmp_path / "out"))
    assert result.returncode == 2
    assert "missing" in result.stderr
    assert not (tmp_path / "out").exists()


def test_bad_file_is_warned_and_rest_builds(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_text("Mayor Jane Roe said the city is safe.", encoding="utf-8")
    (corpus / "bad.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x01")
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    result = run_kg("build", str(corpus), "-o", str(tmp_path / "out"), "--no-html")
    assert result.returncode == 0, result.stderr
    warnings = [line for line in result.stderr.splitlines() if "warning: skipped" in line]
    assert len(warnings) == 2
    assert any("empty.txt: empty" in w for w in warnings)
    assert "1 documents read, 2 skipped" in result.stdout


def test_failed_build_keeps_previous_output(tmp_path):
    out = tmp_path / "out"
    assert (
        run_kg(
            "build", str(SEEDS / "004_6c96d012bcc02df8.txt"), "-o", str(out), "--no-html"
        ).returncode
        == 0
    )
    before = (out / "graph.ttl").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_text("", encoding="utf-8")
    result = run_kg("build", str(bad), "-o", str(out), "--no-html")
    assert result.returncode == 1
    assert "empty" in result.stderr
    assert (out / "graph.ttl").read_bytes() == before
    assert not [p for p in out.iterdir() if p.name.endswith(".tmp")]


def test_two_builds_are_byte_identical(tmp_path):
    for name in ("a", "b"):
        assert run_kg("build", str(SEEDS), "-o", str(tmp_path / name)).returncode == 0
    for file in ("graph.ttl", "graph.nq", "graph.html"):
        assert (tmp_path / "a" / file).read_bytes() == (tmp_path / "b" / file).read_bytes(), file


def test_help_names_every_command():
    result = run_kg("--help")
    assert result.returncode == 0
    assert "build" in result.stdout
    assert Path(SEEDS).is_dir()


def test_version_comes_from_the_package_metadata():
    result = run_kg("--version")
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"kg {metadata.version('kg')}"


def test_build_help_names_every_input_kind_and_output_file(seeds_build):
    result = run_kg("build", "--help")
    assert result.returncode == 0
    text = " ".join(result.stdout.split())
    for suffix in SUPPORTED_SUFFIXES:
        assert suffix in text, suffix
    written = [p.name for p in seeds_build.iterdir() if p.is_file()]
    assert {"graph.html", "graph.graphml", "report.json", "graph.nt"} <= set(written)
    for name in written:
        assert name in text, f"build --help does not name {name}"


def test_no_html_rebuild_removes_the_stale_page(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Mayor Jane Roe of Springfield said the bridge will reopen.", "utf-8")
    out = tmp_path / "out"
    build([str(article)], out, html=True)
    assert (out / "graph.html").is_file()
    summary = build([str(article)], out, html=False)
    assert not (out / "graph.html").exists()
    assert not any(path.endswith("graph.html") for path in summary.outputs)


# --- kg serve, with real processes ---------------------------------------------------------

TINY_GRAPH = '<http://example.org/a> <http://example.org/p> "one" .\n'


def _children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
            found.append(int(entry.name))
    return found


def _start_serving(graph: Path, port: int) -> tuple[subprocess.Popen, int, Path]:
    """Run ``kg serve`` and wait for its banner; return it, its oxigraph child's pid and
    the child's temporary store folder."""
    serve = subprocess.Popen(
        [*KG, "serve", str(graph), "--port", str(port)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    ready, _, _ = select.select([serve.stdout], [], [], 120)
    banner = serve.stdout.readline() if ready else ""
    if f"http://127.0.0.1:{port}/query" not in banner:
        serve.kill()
        pytest.fail(f"no banner from kg serve: {banner!r} {serve.stderr.read()}")
    (child,) = _children(serve.pid)
    arguments = Path(f"/proc/{child}/cmdline").read_bytes().split(b"\0")
    store = Path(arguments[arguments.index(b"--location") + 1].decode()).parent
    assert store.is_dir()
    return serve, child, store


def _alive(pid: int) -> bool:
    """Whether ``pid`` exists and is not a zombie."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
@pytest.mark.parametrize("stop", [signal.SIGTERM, signal.SIGINT, signal.SIGHUP])
def test_serve_stops_its_server_and_frees_the_port_on_a_signal(tmp_path, stop):
    graph = tmp_path / "tiny.nt"
    graph.write_text(TINY_GRAPH, encoding="utf-8")
    port = free_port()
    serve, child, store = _start_serving(graph, port)
    try:
        query = urllib.parse.urlencode({"query": "ASK { ?s ?p 'one' }"})
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/query?{query}", timeout=10) as r:
            assert json.loads(r.read())["boolean"] is True
        serve.send_signal(stop)
        assert serve.wait(timeout=30) == 0, serve.stderr.read()
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    assert "Traceback" not in serve.stderr.read()
    deadline = time.monotonic() + 10
    while _alive(child) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(child), "the oxigraph server outlived kg serve"
    assert port_is_free(port)
    assert not store.exists(), "the temporary store was left behind"


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs Linux /proc")
def test_serve_reports_a_server_that_dies(tmp_path):
    graph = tmp_path / "tiny.nt"
    graph.write_text(TINY_GRAPH, encoding="utf-8")
    serve, child, store = _start_serving(graph, free_port())
    try:
        os.kill(child, signal.SIGKILL)
        assert serve.wait(timeout=30) == 1
    finally:
        if serve.poll() is None:
            serve.kill()
            serve.wait()
    assert "the oxigraph server exited" in serve.stderr.read()
    assert not store.exists()


def test_serve_on_a_busy_port_is_an_error(tmp_path):
    graph = tmp_path / "tiny.nt"
    graph.write_text(TINY_GRAPH, encoding="utf-8")
    with socket.socket() as holder:
        holder.bind(("127.0.0.1", 0))
        holder.listen()
        port = holder.getsockname()[1]
        result = subprocess.run(
            [*KG, "serve", str(graph), "--port", str(port)],
            capture_output=True,
            text=True,
            timeout=60,
        )
    assert result.returncode == 2
    assert "SPARQL endpoint" not in result.stdout
    assert f"port {port} on 127.0.0.1 is already in use" in result.stderr
    assert "Traceback" not in result.stderr


# --- kg query errors ------------------------------------------------------------------------


@pytest.fixture()
def tiny_graph(tmp_path) -> Path:
    graph = tmp_path / "tiny.nt"
    graph.write_text(TINY_GRAPH, encoding="utf-8")
    return graph


@pytest.mark.parametrize("name", ["missing.rq", "queries/missing.sparql", "sub/dir/q"])
def test_query_names_a_missing_query_file(tiny_graph, name):
    assert not Path(name).exists()
    result = run_kg("query", str(tiny_graph), name)
    assert result.returncode == 2
    assert result.stderr.strip() == f"kg query: error: {name}: no such query file"


def test_query_names_an_unknown_prefix_and_its_file(tiny_graph, tmp_path):
    query = tmp_path / "bad.rq"
    query.write_text("SELECT ?x WHERE {\n  ?x foo:bar ?y ; schema:name ?n\n}\n", "utf-8")
    result = run_kg("query", str(tiny_graph), str(query))
    assert result.returncode == 2
    assert f"{query}: unknown prefix 'foo:'" in result.stderr
    assert "u{" not in result.stderr and "Traceback" not in result.stderr
    inline = run_kg("query", str(tiny_graph), "SELECT * WHERE { ?x foo:bar ?y }")
    assert inline.returncode == 2 and "unknown prefix 'foo:'" in inline.stderr
    describe = run_kg("query", str(tiny_graph), "DESCRIBE <http://example.org/a>")
    assert describe.returncode == 0 and '"one"' in describe.stdout, "text with a / is a query"


def test_query_rejects_a_bind_of_a_variable_it_does_not_use(tiny_graph):
    query = str(SEEDS.parent / "ontology" / "queries" / "who-said-what.rq")
    result = run_kg("query", str(tiny_graph), query, "--bind", "nosuchvar=x")
    assert result.returncode == 2
    assert "no variable ?nosuchvar" in result.stderr
    assert "?entity" in result.stderr and "?speaker" in result.stderr
    assert "Traceback" not in result.stderr
    assert run_kg("query", str(tiny_graph), query, "--bind", "entity=x").returncode == 0
