"""scripts/check_rule_change.py: the keep-or-reject verdict of a rule change."""

from __future__ import annotations

from tests.support import load_script


def _script():
    return load_script("check_rule_change")


def _figures(**f1: float) -> dict:
    """{set: {kind: figures}} from set_kind=F1 keywords (every fact kept; "_" in the set's
    name stands for "-")."""
    out: dict = {}
    for key, value in f1.items():
        name, kind = key.rsplit("_", 1)
        name = name.replace("_", "-")
        out.setdefault(name, {})[kind] = {"f1_every_fact": value, "f1_at_cut": value}
    return out


def test_a_change_is_kept_only_when_a_training_set_rises_and_no_set_falls():
    check = _script()
    before = _figures(x_train_statement=0.60, dev_statement=0.70, dev_membership=0.50)
    decision, lines = check.verdict(
        _figures(x_train_statement=0.62, dev_statement=0.70, dev_membership=0.50), before, 0.0005
    )
    assert decision == "keep: rose on x-train statement"
    assert len(lines) == 3 and "+0.020" in lines[0]
    decision, _ = check.verdict(
        _figures(x_train_statement=0.62, dev_statement=0.69, dev_membership=0.50), before, 0.0005
    )
    assert decision == "reject: fell on dev statement"
    decision, _ = check.verdict(before, before, 0.0005)
    assert decision == "reject: no training set rose"
    # a change within the tolerance is no change
    decision, _ = check.verdict(
        _figures(x_train_statement=0.6003, dev_statement=0.70, dev_membership=0.50), before, 0.0005
    )
    assert decision == "reject: no training set rose"
    # a change only a development set rewards is fitted to its wording
    decision, _ = check.verdict(
        _figures(x_train_statement=0.60, dev_statement=0.72, dev_membership=0.50), before, 0.0005
    )
    assert decision == "reject: no training set rose"


def test_a_set_measured_only_once_is_left_out_of_the_comparison():
    check = _script()
    decision, lines = check.verdict(
        _figures(x_train_statement=0.61, new_membership=0.1),
        _figures(x_train_statement=0.60),
        0.0005,
    )
    assert decision.startswith("keep") and len(lines) == 1


def test_bad_arguments_are_named(tmp_path, capsys):
    check = _script()
    assert check.main(["--sets", "nosuch-dev", "-o", str(tmp_path / "a.json")]) == 2
    assert "unknown set(s): nosuch-dev" in capsys.readouterr().err
    broken = tmp_path / "before.json"
    broken.write_text("{not json", encoding="utf-8")
    code = check.main(["--sets", "seeds", "-o", str(tmp_path / "a.json"), "--against", str(broken)])
    assert code == 2
    assert f"{broken}: cannot read figures" in capsys.readouterr().err
    assert not (tmp_path / "a.json").exists()


def test_an_evaluation_folder_without_the_scorer_is_named(tmp_path, capsys):
    check = _script()
    code = check.main(["--eval", str(tmp_path), "--sets", "seeds", "-o", str(tmp_path / "a.json")])
    assert code == 2
    assert f"{tmp_path}: no score.py there" in capsys.readouterr().err
    assert not (tmp_path / "a.json").exists()
