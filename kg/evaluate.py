"""``kg eval``: build a corpus and score the graph against a gold file.

The scorer is the evaluation's own ``score.py`` (not shipped with kg: by default
``../shared/eval/score.py``, or ``--scorer PATH`` / ``$KG_SCORER``); kg only
builds the graph and hands it over with the ontology, so the figures are the
ones the acceptance computes.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from kg.pipeline import build

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
DEFAULT_SCORER = Path("../shared/eval/score.py")


def find_scorer(explicit: str | None) -> Path:
    """The scorer script to run; raises ``FileNotFoundError`` saying where it looked."""
    candidate = Path(explicit or os.environ.get("KG_SCORER") or DEFAULT_SCORER)
    if not candidate.is_file():
        raise FileNotFoundError(f"scorer {candidate} not found; pass --scorer PATH")
    return candidate


def evaluate(
    corpus: str,
    gold: str,
    out_dir: Path,
    *,
    scorer: str | None = None,
    errors: bool = False,
    model: str | None = None,
) -> int:
    """Build ``corpus`` into ``out_dir`` and print the scorer's table; return its exit code."""
    script = find_scorer(scorer)
    build([corpus], out_dir, model=model, html=False)
    command = [sys.executable, str(script), "--gold", gold, str(out_dir / "graph.ttl")]
    if ONTOLOGY.is_file():
        command += ["--ontology", str(ONTOLOGY)]
    if errors:
        command.append("--errors")
    return subprocess.run(command, check=False).returncode
