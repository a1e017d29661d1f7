"""Measure a rule change on every annotated set: keep it only if it helps the training sets
as well as the development sets (and lowers none).

    .venv/bin/python scripts/check_rule_change.py --eval ../shared/eval -o /tmp/before.json
    # ... change an extractor ...
    .venv/bin/python scripts/check_rule_change.py --eval ../shared/eval -o /tmp/after.json \\
        --against /tmp/before.json

Each set is built with every fact kept (``--min-confidence 0``) and with the default cut
(builds and their extraction cache in ``--work``, per set), and judged with the
evaluation's own matching (:func:`kg.evaluate.judge_facts`, linear in the corpus). Per
set and kind it records F1 with every fact kept (what a rule change moves) and with the
default cut.
With ``--against`` it prints the change per set and the verdict: ``keep`` when a training
set's F1 (every fact kept) rose and no set's fell by more than ``--tolerance``.
"""

from __future__ import annotations

import argparse
import json
import shutil
import sys
from pathlib import Path

from kg.cache import CACHE_DIR
from kg.evaluate import judge_facts, load_scorer
from kg.export.files import write_atomic
from kg.pipeline import build

# Annotated sets and what their gold judges; "seeds" is the repository's own seeds folder.
SETS = (
    "polnear-train", "conll04-train",
    "ggt-dev", "polnear-dev", "conll04-dev", "redocred-dev", "redocred-ops-dev",
    "seeds",
)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"
GOLD_KINDS = {
    "entities": "entity", "statements": "statement", "roles": "membership",
    "operations": "operation",
}


def measure(eval_dir: Path, work: Path, name: str, scorer) -> dict[str, dict[str, float]]:
    """F1 per kind of fact of set ``name``: every fact kept, and at the default cut."""
    if name == "seeds":
        corpus, gold = SEEDS, eval_dir / "seeds-gold.json"
    else:
        corpus, gold = eval_dir / name / "corpus", eval_dir / name / "gold.json"
    every, default = work / name / "every-fact", work / name / "default"
    build([str(corpus)], every, html=False, min_confidence=0.0)
    # the default build reuses the extraction cache: only resolve, confidence and RDF rerun
    shutil.copytree(every / CACHE_DIR, default / CACHE_DIR, dirs_exist_ok=True)
    build([str(corpus)], default, html=False)
    _, kept_all = judge_facts(scorer, every / "graph.nq", gold)
    _, at_cut = judge_facts(scorer, default / "graph.nq", gold)
    return {
        GOLD_KINDS[kind]: {
            "f1_every_fact": round(kept_all[kind]["f1"], 4),
            "f1_at_cut": round(at_cut[kind]["f1"], 4),
        }
        for kind in sorted(kept_all)
        if kind in GOLD_KINDS
    }


def verdict(now: dict, before: dict, tolerance: float) -> tuple[str, list[str]]:
    """``keep`` (a training set rose, no set fell) or ``reject``, and one line per set and
    kind measured in both runs."""
    lines, rose, fell = [], [], []
    for name in now:
        for kind, figures in now[name].items():
            old = before.get(name, {}).get(kind)
            if old is None:
                continue
            delta = figures["f1_every_fact"] - old["f1_every_fact"]
            lines.append(
                f"{name:<18}{kind:<12}{old['f1_every_fact']:>8.3f}{figures['f1_every_fact']:>8.3f}"
                f"{delta:>+8.3f}   at cut {old['f1_at_cut']:.3f} -> {figures['f1_at_cut']:.3f}"
            )
            if delta > tolerance:
                rose.append(f"{name} {kind}")
            elif delta < -tolerance:
                fell.append(f"{name} {kind}")
    if fell:
        return f"reject: fell on {', '.join(fell)}", lines
    if not any(entry.split()[0].endswith("-train") for entry in rose):
        # a change that only dev sets reward is fitted to their wording
        return "reject: no training set rose", lines
    return f"keep: rose on {', '.join(rose)}", lines


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", default="../shared/eval", help="folder of the evaluation sets")
    ap.add_argument("--work", default="/tmp/kg-check", help="where the builds go")
    ap.add_argument("--sets", default=",".join(SETS), help="comma-separated sets to measure")
    ap.add_argument("-o", "--output", required=True, help="JSON file of the figures to write")
    ap.add_argument("--against", help="figures of an earlier run to compare with")
    ap.add_argument("--tolerance", type=float, default=0.0005,
                    help="an F1 change smaller than this is no change (default 0.0005)")
    args = ap.parse_args(argv)
    eval_dir, work = Path(args.eval), Path(args.work)
    names = [n for n in args.sets.split(",") if n]
    unknown = [n for n in names if n not in SETS]
    if unknown:
        print(f"unknown set(s): {', '.join(unknown)} (known: {', '.join(SETS)})", file=sys.stderr)
        return 2
    before = None
    if args.against:
        try:
            before = json.loads(Path(args.against).read_text(encoding="utf-8"))
        except (OSError, ValueError) as error:
            print(f"{args.against}: cannot read figures ({error})", file=sys.stderr)
            return 2
    if not (eval_dir / "score.py").is_file():
        print(f"{eval_dir}: no score.py there (pass --eval, the evaluation's folder)",
              file=sys.stderr)
        return 2
    scorer = load_scorer(eval_dir / "score.py")
    now = {}
    for name in names:
        now[name] = measure(eval_dir, work, name, scorer)
        shown = "  ".join(
            f"{kind} {f['f1_every_fact']:.3f} (default cut {f['f1_at_cut']:.3f})"
            for kind, f in now[name].items()
        )
        print(f"{name:<18}{shown}", flush=True)
    write_atomic(Path(args.output), json.dumps(now, indent=1, sort_keys=True) + "\n")
    if before is not None:
        decision, lines = verdict(now, before, args.tolerance)
        header = f"{'set':<18}{'kind':<12}{'before':>8}{'after':>8}{'change':>8}"
        print(f"\n{header}   (F1, every fact kept)")
        print("\n".join(lines))
        print(decision)
    return 0


if __name__ == "__main__":
    sys.exit(main())
