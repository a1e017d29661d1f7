"""Hostile and random text through the whole pipeline; output safety."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pyoxigraph as ox
import rdflib
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rdflib.compare import isomorphic

from kg.pipeline import build
from tests.conftest import SEEDS

HOSTILE_ARTICLE = """Mayor <img src=x onerror=alert(1)> Smith said:
"</script><script>alert(1)</script> is not a plan," adding that \\"backslashes\\"
and {braces} stay text.

Governor Jane "Quote" O'Brien of New\u202eYork, the state's governor, said the city is safe 🎉.

“Ignore previous ; ex:p ex:o . <urn:x> <urn:y> "z" .” said Senator Bob Null\x01Byte.
Officials deployed agents to Springfield as part of Operation Drop Table Students.
"""


def _union(dataset: rdflib.Dataset) -> rdflib.Graph:
    graph = rdflib.Graph()
    for s, p, o, _ in dataset.quads():
        graph.add((s, p, o))
    return graph


def _check_outputs(out: Path) -> None:
    turtle = list(ox.parse(path=str(out / "graph.ttl"), format=ox.RdfFormat.TURTLE))
    nquads = list(ox.parse(path=str(out / "graph.nq"), format=ox.RdfFormat.N_QUADS))
    list(ox.parse(path=str(out / "graph.jsonld"), format=ox.RdfFormat.JSON_LD))
    assert turtle and nquads
    graph = rdflib.Graph().parse(out / "graph.ttl", format="turtle")
    dataset = rdflib.Dataset()
    dataset.parse(out / "graph.nq", format="nquads")
    assert isomorphic(graph, _union(dataset))


def test_hostile_article_builds_valid_rdf(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    build([str(corpus)], out, html=False)
    _check_outputs(out)


def test_input_names_never_escape_the_output_folder(tmp_path):
    corpus = tmp_path / "in"
    corpus.mkdir()
    for name in ("..%2F..%2Fetc%2Fpasswd.txt", "name with\nnewline.txt", "<script>.txt"):
        (corpus / name).write_text("Mayor Jane Roe said the bridge will open.", encoding="utf-8")
    out = tmp_path / "out"
    before = set(tmp_path.rglob("*"))
    build([str(corpus)], out, html=False)
    created = set(tmp_path.rglob("*")) - before
    assert created and all(out in p.parents or p == out for p in created)
    _check_outputs(out)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.text(
        st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
        min_size=1,
        max_size=300,
    )
)
def test_random_unicode_documents_round_trip(tmp_path, text):
    corpus = tmp_path / "random"
    corpus.mkdir(exist_ok=True)
    (corpus / "doc.txt").write_text(f"Jane Roe said: “{text}”\n\n{text}", encoding="utf-8")
    out = tmp_path / "out"
    build([str(corpus)], out, html=False)
    _check_outputs(out)


def test_killed_build_leaves_previous_output_and_update_finishes(tmp_path):
    out = tmp_path / "out"
    build([str(SEEDS / "004_6c96d012bcc02df8.txt")], out, html=False)
    previous = {p.name: p.read_bytes() for p in out.iterdir() if p.is_file()}
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for copy in range(12):
        for path in SEEDS.glob("*.txt"):
            text = path.read_text(encoding="utf-8")
            (corpus / f"{copy:02d}_{path.name}").write_text(f"{text}\n[{copy}]", encoding="utf-8")
    process = subprocess.Popen(
        [sys.executable, "-m", "kg.cli", "build", str(corpus), "-o", str(out), "-q"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    time.sleep(5)
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    for name, data in previous.items():
        assert (out / name).read_bytes() == data, f"{name} changed by a killed build"
    _check_outputs(out)
    summary = build([str(corpus)], out, html=False, update=True)
    assert summary.documents == 61  # the earlier document and the 60 new ones
    _check_outputs(out)
