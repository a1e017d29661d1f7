"""Incremental builds, parallel and Dask engines: the same input gives the same bytes."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kg.pipeline import build
from tests.conftest import SEEDS

OUTPUTS = ("graph.ttl", "graph.nq", "graph.trig", "graph.jsonld", "graph.graphml")


def _same_outputs(a: Path, b: Path) -> None:
    for name in OUTPUTS:
        assert (a / name).read_bytes() == (b / name).read_bytes(), name


@pytest.fixture(scope="module")
def full_build(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("full")
    build([str(SEEDS)], out, html=False)
    return out


def test_update_equals_full_rebuild_and_merges_new_mentions(full_build, tmp_path):
    first, second = tmp_path / "first", tmp_path / "second"
    first.mkdir()
    second.mkdir()
    seeds = sorted(SEEDS.glob("*.txt"))
    for path in seeds[:2]:
        shutil.copy(path, first / path.name)
    for path in seeds[2:]:
        shutil.copy(path, second / path.name)
    out = tmp_path / "out"
    build([str(first)], out, html=False)
    summary = build([str(second)], out, html=False, update=True)
    assert summary.parsed == len(seeds) - 2, "only the new documents are parsed"
    _same_outputs(out, full_build)
    # an entity first seen in the new documents ("Daily Glide" aside, any new name)
    # is merged with the old one: one node per name, as in the full build
    assert (out / "graph.ttl").read_bytes().count(b'rdfs:label "Tom Homan"') == 1


def test_deleting_a_document_removes_its_facts(tmp_path):
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    out = tmp_path / "out"
    build([str(corpus)], out, html=False)
    removed = sorted(corpus.glob("*.txt"))[-1]
    removed.unlink()
    summary = build([], out, html=False, update=True)
    assert summary.parsed == 0
    assert summary.documents == 4
    assert removed.name.encode() not in (out / "graph.nq").read_bytes()
    reference = tmp_path / "reference"
    build([str(corpus)], reference, html=False)
    _same_outputs(out, reference)


def test_input_order_does_not_change_output(full_build, tmp_path):
    files = [str(p) for p in sorted(SEEDS.glob("*.txt"), reverse=True)]
    out = tmp_path / "reversed"
    build(files, out, html=False)
    _same_outputs(out, full_build)


def test_two_processes_give_the_same_graph(full_build, tmp_path):
    out = tmp_path / "jobs"
    build([str(SEEDS)], out, html=False, jobs=2)
    _same_outputs(out, full_build)


def test_dask_local_cluster_gives_the_same_graph(full_build, tmp_path):
    pytest.importorskip("dask.distributed")
    out = tmp_path / "dask"
    build([str(SEEDS)], out, html=False, engine="dask", jobs=2)
    _same_outputs(out, full_build)
