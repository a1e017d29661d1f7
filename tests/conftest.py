"""Shared fixtures: the real spaCy pipeline and one real build of seeds/."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


@pytest.fixture(scope="session")
def nlp():
    from kg.nlp import load_pipeline

    return load_pipeline()


@pytest.fixture(scope="session")
def seeds_build(tmp_path_factory) -> Path:
    """The output folder of ``kg build seeds/`` (built once per test session)."""
    from kg.pipeline import build

    out = tmp_path_factory.mktemp("seeds-out")
    build([str(SEEDS)], out, html=True)
    return out
