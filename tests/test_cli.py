"""The ``kg`` command end to end on seeds/, and its errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from rdflib import Graph

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
