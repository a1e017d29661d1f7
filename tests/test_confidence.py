"""The confidence stage: fitted probabilities per fact, the cut, and the refit's model."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import numpy as np
import pytest
from rdflib import Dataset

from kg.confidence import (
    MEMBERSHIP,
    RARE,
    STATEMENT,
    ConfidenceModel,
    KindModel,
    apply_confidence,
    load_model,
    membership_features,
    statement_features,
)
from kg.extract.records import (
    DocumentFacts,
    DocumentInfo,
    Evidence,
    Membership,
    Mention,
    OperationLocation,
    Statement,
)
from kg.rdf.vocab import KG
from kg.resolve import resolve
from tests.support import load_script

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"


def _corpus(copies: int = 1):
    text = (
        "Acme chief Jo Roe said: “We will open the new plant in spring.” "
        "Operation Lark began in Oslo."
    )
    person = Mention("Jo Roe", "Person", text.index("Jo Roe"), text.index("Jo Roe") + 6)
    org = Mention("Acme", "Organization", 0, 4)
    op = Mention("Operation Lark", "Operation", text.index("Operation"), text.index(" began"))
    place = Mention("Oslo", "Place", text.index("Oslo"), text.index("Oslo") + 4)
    start = text.index("“") + 1
    end = text.index("”")
    facts = [DocumentFacts(
        document=DocumentInfo(f"{n}.txt", None, None, f"{n:064d}", len(text)),
        text=text,
        mentions=[org, person, op, place],
        memberships=[Membership(person, "chief", org, Evidence(0, 60, "title-before-name", 0.9))],
        operations=[OperationLocation(op, place, Evidence(61, len(text), "op-in-place", 0.5))],
        statements=[
            Statement(text[start:end], start, end, "direct", "say", person,
                      Evidence(0, 60, "quote-colon", 0.6))
        ],
    ) for n in range(copies)]
    return resolve(facts)


def _model(statement_weights: dict[str, float], threshold: float = 0.5) -> ConfidenceModel:
    return ConfidenceModel({
        STATEMENT: KindModel(0.0, statement_weights, frozenset({"cue"}), threshold),
        MEMBERSHIP: KindModel(-1.0, {"rule=title-before-name": 3.0}, frozenset(), 0.5),
    })


def test_probability_is_the_logistic_of_the_known_weights():
    model = KindModel(0.5, {"rule=a": 1.0, f"cue={RARE}": -2.0}, frozenset({"cue"}), 0.3)
    assert model.probability(["rule=a"]) == pytest.approx(1 / (1 + np.exp(-1.5)))
    # an unseen value of a bucketed feature counts as its rare value; of another, as nothing
    assert model.probability(["rule=a", "cue=mumble"]) == pytest.approx(1 / (1 + np.exp(0.5)))
    assert model.probability(["rule=b"]) == pytest.approx(1 / (1 + np.exp(-0.5)))


def test_features_say_what_the_extractor_knows():
    corpus = _corpus()
    facts = corpus.documents[0]
    features = statement_features(facts.statements[0], facts, corpus)
    assert "rule=quote-colon" in features and "cue=say" in features
    assert "speaker=Person" in features and "speaker_side=before" in features
    assert "kind=direct" in features and "speaker_in_sentence=True" in features
    roles = membership_features(facts.memberships[0], facts, corpus)
    assert "rule=title-before-name" in roles and "organization=named" in roles
    assert len(roles) == 2


def test_fitted_confidence_replaces_the_prior_and_the_cut_drops_facts():
    corpus = _corpus()
    high = apply_confidence(corpus, _model({"rule=quote-colon": 2.0}))
    statement = high.documents[0].statements[0]
    assert statement.evidence.confidence == pytest.approx(round(1 / (1 + np.exp(-2.0)), 4))
    assert high.documents[0].memberships[0].evidence.confidence == pytest.approx(0.8808)
    low = apply_confidence(corpus, _model({"rule=quote-colon": -2.0}))
    assert low.documents[0].statements == []  # 0.12 is below the kind's threshold 0.5
    kept = apply_confidence(corpus, _model({"rule=quote-colon": -2.0}), min_confidence=0.0)
    assert kept.documents[0].statements[0].evidence.confidence == pytest.approx(0.1192)
    # operations have no model: their prior stays, and only an explicit cut applies
    assert low.documents[0].operations == corpus.documents[0].operations
    cut = apply_confidence(corpus, _model({}), min_confidence=0.6)
    assert cut.documents[0].operations == []


def test_a_facts_confidence_does_not_depend_on_the_other_articles():
    alone, among = apply_confidence(_corpus(1), None, 0.0), apply_confidence(_corpus(3), None, 0.0)
    assert len(among.entities["person/jo-roe"].documents) == 3  # one Jo Roe in 3 articles
    assert (alone.documents[0].statements[0].evidence.confidence
            == among.documents[0].statements[0].evidence.confidence)


def test_the_shipped_model_covers_statements_and_memberships():
    model = load_model()
    assert model is not None
    for kind in (STATEMENT, MEMBERSHIP):
        fitted = model.kinds[kind]
        assert 0.0 < fitted.threshold < 1.0
        assert any(f.startswith("rule=") for f in fitted.weights)
    data = json.loads((ROOT / "kg" / "data" / "confidence.json").read_text(encoding="utf-8"))
    assert data["kinds"][STATEMENT]["training"]["set"] == "polnear-train"


def _facts_in(out: Path) -> dict[str, float]:
    dataset = Dataset(default_union=True)
    dataset.parse(out / "graph.nq", format="nquads")
    return {str(s): float(o) for s, _, o in dataset.triples((None, KG.confidence, None))}


def test_build_leaves_out_facts_below_the_threshold(tmp_path):
    run = [sys.executable, "-m", "kg.cli", "build", str(SEEDS), "--no-html", "-q"]
    outputs = {}
    for name, extra in (("every", ["--min-confidence", "0"]), ("default", []),
                        ("high", ["--min-confidence", "0.9"])):
        outputs[name] = tmp_path / name
        subprocess.run([*run, "-o", str(outputs[name]), *extra], check=True)
    every, default, high = (_facts_in(outputs[n]) for n in ("every", "default", "high"))
    model = load_model()
    assert model is not None
    kinds = {"quote": model.kinds[STATEMENT], "membership": model.kinds[MEMBERSHIP]}
    assert set(default) <= set(every)
    for fact, confidence in every.items():
        kind = fact.rsplit("/", 2)[-2]
        # a fitted kind is kept when at or above its threshold (written to two places)
        if kind in kinds and abs(confidence - kinds[kind].threshold) > 0.005:
            assert (fact in default) == (confidence > kinds[kind].threshold), fact
        if abs(confidence - 0.9) > 0.005:
            assert (fact in high) == (confidence > 0.9), fact
    assert set(high) < set(every), "a cut of 0.9 leaves some seed fact out"
    bad = subprocess.run([*run, "-o", str(tmp_path / "x"), "--min-confidence", "2"],
                         capture_output=True, text=True)
    assert bad.returncode == 2 and "not a probability" in bad.stderr


def _fit_script():
    return load_script("fit_confidence")


def test_the_refit_is_calibrated_and_deterministic():
    fit = _fit_script()
    rng = np.random.default_rng(7)
    n = 4000
    group = rng.integers(0, 2, n)  # feature on/off; the rate of right facts differs by group
    y = (rng.random(n) < np.where(group == 1, 0.8, 0.25)).astype(float)
    x = np.column_stack([np.ones(n), group])
    w = fit.fit_logistic(x, y, 1.0)
    p = 1 / (1 + np.exp(-(x @ w)))
    for g in (0, 1):
        assert p[group == g].mean() == pytest.approx(y[group == g].mean(), abs=0.01)
    assert np.array_equal(w, fit.fit_logistic(x, y, 1.0))
    ece, _ = fit.reliability(p, y)
    assert ece < 0.02


def test_threshold_maximises_f1_counting_each_node_once():
    fit = _fit_script()
    p = np.array([0.9, 0.8, 0.3, 0.2, 0.2])
    y = np.array([1, 1, 0, 1, 1])
    nodes = ["a", "b", "c", "d", "d"]  # d is one node stated twice
    cut, f1 = fit.best_threshold(p, y, nodes, required=4, tolerance=0.0)
    # keeping all: tp 3 (a, b, d), fp 1, fn 1 -> 0.75; above 0.2: tp 2, fp 0, fn 2 -> 0.667
    assert cut == 0.0 and f1 == pytest.approx(0.75)
    cut, f1 = fit.best_threshold(p, np.array([1, 1, 0, 0, 0]), nodes, required=2, tolerance=0.0)
    assert cut == pytest.approx(0.31) and f1 == pytest.approx(1.0)  # c at 0.3 is out
    # within a tolerance the smallest cut near the best wins: 0.21 keeps c, not d (F1 0.8)
    cut, f1 = fit.best_threshold(
        p, np.array([1, 1, 0, 0, 0]), nodes, required=2, tolerance=0.2
    )
    assert cut == pytest.approx(0.21) and f1 == pytest.approx(0.8)


def test_by_rule_table_counts_judged_facts_per_rule(seeds_build):
    from kg.evaluate import Judgement, by_rule_table, facts_by_rule

    rules = facts_by_rule(seeds_build / "graph.nq")
    assert rules and all(0.0 <= c <= 1.0 for _, c in rules.values())
    nodes = sorted(rules)
    rule, _ = rules[nodes[0]]
    same = [n for n in nodes if rules[n][0] == rule][:2]
    judged = [Judgement("statement", same[0], True), Judgement("statement", nodes[-1], None)]
    if len(same) > 1:
        judged.append(Judgement("statement", same[1], False))
    lines = by_rule_table(judged, rules)
    row = next(line for line in lines[1:] if rule[:39] in line)
    counts = row.split()[-4:]
    assert counts[0] == str(len(same)) and counts[1] == "1"  # the optional one is not judged
    mean = sum(rules[n][1] for n in same) / len(same)
    assert counts[3] == f"{mean:.2f}"


def test_html_page_cuts_facts_like_the_build(seeds_build, tmp_path):
    pages = {}
    for cut in ("0", "0.95"):
        page = tmp_path / f"page-{cut}.html"
        subprocess.run(
            [sys.executable, "-m", "kg.cli", "html", str(seeds_build), "--min-confidence", cut,
             "-o", str(page)],
            check=True, capture_output=True,
        )
        pages[cut] = page.read_text(encoding="utf-8").count('"confidence"')
    assert pages["0"] > pages["0.95"], "the page of a higher cut shows fewer fact edges"


EVAL = ROOT.parent / "shared" / "eval"


@pytest.mark.skipif(not (EVAL / "score.py").is_file(), reason="needs ../shared/eval")
def test_judge_facts_scores_the_seeds_like_the_scorer(seeds_build):
    from kg.evaluate import judge_facts, load_scorer

    judged, summary = judge_facts(
        load_scorer(EVAL / "score.py"), seeds_build / "graph.nq", EVAL / "seeds-gold.json"
    )
    assert set(summary) == {"entities", "roles", "operations", "statements"}
    assert summary["entities"]["f1"] == pytest.approx(1.0)
    assert summary["roles"]["tp"] == sum(1 for j in judged if j.kind == "membership" and j.right)


def test_the_refit_names_an_evaluation_folder_without_the_scorer(tmp_path, capsys):
    assert _fit_script().main(["--eval", str(tmp_path), "-o", str(tmp_path / "m.json")]) == 2
    assert f"{tmp_path}: no score.py there" in capsys.readouterr().err
    assert not (tmp_path / "m.json").exists()
