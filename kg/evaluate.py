"""``kg eval``: build a corpus and score the graph against a gold file.

The scorer is the evaluation's own ``score.py`` (not shipped with kg: by default
``../shared/eval/score.py``, or ``--scorer PATH`` / ``$KG_SCORER``); kg only
builds the graph and hands it over with the ontology, so the figures are the
ones the acceptance computes. ``--by-rule`` judges each fact with the scorer's own
matching and prints, per extraction rule, how many facts, how many right and the
mean stated confidence (what a rule change has to improve).
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path
from types import ModuleType
from typing import Any

from kg.pipeline import build

ONTOLOGY = Path(__file__).resolve().parent.parent / "ontology" / "kg.ttl"
DEFAULT_SCORER = Path("../shared/eval/score.py")
# The scorer's names of the fact kinds it judges one by one.
JUDGED_KINDS = {"statement": "statement", "role": "membership", "operation": "operation"}


def find_scorer(explicit: str | None) -> Path:
    """The scorer script to run; raises ``FileNotFoundError`` saying where it looked."""
    candidate = Path(explicit or os.environ.get("KG_SCORER") or DEFAULT_SCORER)
    if not candidate.is_file():
        raise FileNotFoundError(f"scorer {candidate} not found; pass --scorer PATH")
    return candidate


def load_scorer(path: Path) -> ModuleType:
    """The scorer script imported as a module (its matching functions are reused)."""
    spec = importlib.util.spec_from_file_location("kg_eval_scorer", path)
    if spec is None or spec.loader is None:
        raise FileNotFoundError(f"scorer {path} cannot be imported")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@dataclass(frozen=True, slots=True)
class Judgement:
    """One fact node of the graph as the scorer judged it (``right`` None: optional gold)."""

    kind: str  # "statement", "membership", "operation"
    node: str
    right: bool | None


def judge_facts(scorer: ModuleType, graph: Path, gold_path: Path) -> tuple[list[Judgement], dict]:
    """Every judged fact node of ``graph`` and the scorer's P/R/F1 per kind (and for the
    entities, where the gold scores them).

    Statements are matched one document at a time (the scorer's own ``match_facts``,
    ``overlap`` and resolver; a quotation only ever matches gold of its own document),
    which gives the scorer's result in linear rather than quadratic time.
    """
    gold = json.loads(gold_path.read_text(encoding="utf-8"))
    ontology = [str(ONTOLOGY)] if ONTOLOGY.is_file() else []
    g = scorer.load_graph([str(graph)], ontology)
    res = scorer.Resolver(g, gold["entities"])
    scorer.OUTCOMES.clear()
    summary: dict[str, dict] = {}
    scored = gold.get("score", ("entities", "roles", "operations", "statements"))
    if "entities" in scored and gold.get("entities"):
        summary["entities"], _ = scorer.score_entities(res, gold["entities"])
    if gold.get("roles"):
        summary["roles"], _ = scorer.score_roles(g, res, gold)
    if gold.get("operations"):
        summary["operations"], _ = scorer.score_operations(g, res, gold)
    if gold.get("statements"):
        summary["statements"] = _judge_statements(scorer, g, res, gold)
    judged = [
        Judgement(JUDGED_KINDS[name], str(node), right)
        for name in JUDGED_KINDS
        for node, right in scorer.OUTCOMES.get(name, [])
    ]
    return judged, summary


def _judge_statements(scorer: ModuleType, g: Any, res: Any, gold: dict) -> dict:
    """The scorer's statement matching, one document at a time; returns P/R/F1."""
    by_name = {e["name"]: i for i, e in enumerate(gold["entities"])}
    sources: dict[str, set[str]] = defaultdict(set)
    for q, doc, name in scorer.rows(g, """
        SELECT ?q ?d ?n WHERE {
          ?q a/rdfs:subClassOf* schema:Quotation ; prov:wasDerivedFrom ?d .
          OPTIONAL { ?d schema:name ?n }
        }"""):
        sources[q].update(x for x in (doc, name) if x)
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for item in gold["statements"]:
        gold_by_doc[Path(item.get("doc", "")).stem].append(item)
    predictions: dict[str, list[tuple]] = defaultdict(list)
    seen: set[str] = set()
    for q, text, speaker in scorer.rows(g, """
        SELECT ?q ?t ?s WHERE {
          ?q a/rdfs:subClassOf* schema:Quotation ; schema:text ?t .
          OPTIONAL { ?q schema:creator ?s }
        }"""):
        if q in seen:
            continue
        seen.add(q)
        stems = sorted({Path(x).stem for x in sources[q]} & gold_by_doc.keys() - {""})
        if not stems:  # a document named otherwise: the scorer's substring test
            stems = sorted(s for s in gold_by_doc if s and any(s in x for x in sources[q]))
        predictions[stems[0] if stems else ""].append((q, res.resolve(speaker, "Person"), text))

    def same(p: tuple, gf: dict) -> bool:
        return scorer.overlap(p[2], gf["text"]) >= 0.5 and (
            bool(gf.get("optional")) or p[1] == by_name.get(gf["speaker"])
        )

    tp = fp = fn = 0
    for stem in sorted(set(gold_by_doc) | set(predictions)):
        figures, _ = scorer.match_facts(
            [(*p, "") for p in predictions.get(stem, [])], gold_by_doc.get(stem, []), same,
            "statement",
        )
        tp, fp, fn = tp + figures["tp"], fp + figures["fp"], fn + figures["fn"]
    return scorer.prf(tp, fp, fn)


def facts_by_rule(graph: Path) -> dict[str, tuple[str, float]]:
    """Each fact node's extraction rule and confidence (a node stated by several rules: the
    most confident one)."""
    from rdflib import Dataset

    from kg.rdf.vocab import KG

    dataset = Dataset()
    dataset.parse(str(graph))
    best: dict[str, tuple[str, float]] = {}
    for node, _, rule, _ in sorted(dataset.quads((None, KG.extractionRule, None, None))):
        for _, _, value, _ in dataset.quads((node, KG.confidence, None, None)):
            confidence = float(value)
            if str(node) not in best or best[str(node)][1] < confidence:
                best[str(node)] = (str(rule), confidence)
    return best


def by_rule_table(judged: list[Judgement], rules: dict[str, tuple[str, float]]) -> list[str]:
    """Lines of the per-rule table: kind, rule, facts judged, right, precision, mean confidence."""
    groups: dict[tuple[str, str], list[tuple[bool, float]]] = defaultdict(list)
    for j in judged:
        if j.right is None or j.node not in rules:
            continue
        rule, confidence = rules[j.node]
        groups[(j.kind, rule)].append((j.right, confidence))
    lines = [f"{'kind':<11}{'rule':<40}{'judged':>7}{'right':>7}{'P':>7}{'conf':>7}"]
    for (kind, rule), items in sorted(groups.items(), key=lambda kv: (kv[0][0], -len(kv[1]))):
        right = sum(ok for ok, _ in items)
        mean = sum(c for _, c in items) / len(items)
        lines.append(
            f"{kind:<11}{rule[:39]:<40}{len(items):>7}{right:>7}"
            f"{right / len(items):>7.2f}{mean:>7.2f}"
        )
    return lines


def evaluate(
    corpus: str,
    gold: str,
    out_dir: Path,
    *,
    scorer: str | None = None,
    errors: bool = False,
    model: str | None = None,
    by_rule: bool = False,
    min_confidence: float | None = None,
) -> int:
    """Build ``corpus`` into ``out_dir`` and print the scorer's table; return its exit code."""
    script = find_scorer(scorer)
    build([corpus], out_dir, model=model, html=False, min_confidence=min_confidence)
    command = [sys.executable, str(script), "--gold", gold, str(out_dir / "graph.ttl")]
    if ONTOLOGY.is_file():
        command += ["--ontology", str(ONTOLOGY)]
    if errors:
        command.append("--errors")
    if by_rule:
        judged, _ = judge_facts(load_scorer(script), out_dir / "graph.nq", Path(gold))
        print("\n".join(by_rule_table(judged, facts_by_rule(out_dir / "graph.nq"))))
        print()
    return subprocess.run(command, check=False).returncode
