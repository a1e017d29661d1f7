"""The example notebook runs top to bottom against a real build."""

from __future__ import annotations

import pytest

from tests.conftest import ROOT


def test_explore_notebook_executes(seeds_build, monkeypatch):
    nbformat = pytest.importorskip("nbformat")
    nbclient = pytest.importorskip("nbclient")
    pytest.importorskip("ipykernel")
    monkeypatch.setenv("KG_OUT", str(seeds_build))
    notebook = nbformat.read(ROOT / "notebooks" / "explore.ipynb", as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=300,
        kernel_name="python3",
        resources={"metadata": {"path": str(ROOT / "notebooks")}},
    )
    client.execute()
    outputs = "\n".join(
        o.get("text", "")
        for cell in notebook.cells
        if cell.cell_type == "code"
        for o in cell.get("outputs", [])
    )
    assert "who-said-what.rq" in outputs
    assert "Tom Homan" in outputs
    assert "centrality" in outputs
