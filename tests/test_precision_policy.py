"""Default severities follow the precision measured on real text (rules/precision.toml)."""

import pytest

from reportlint import checks
from reportlint.checks import all_rules, by_precision, default_rules


@pytest.mark.parametrize("true,total,declared,expected", [
    (19, 20, "error", ("error", False)),      # 0.95: as declared
    (17, 20, "error", ("warning", False)),    # 0.85: a warning by default
    (11, 20, "error", ("warning", True)),     # 0.55: opt-in
    (1, 4, "error", ("error", False)),        # four findings measure nothing yet
    (5, 10, "warning", ("warning", True)),    # a warning rule below 0.6: opt-in
])
def test_severity_from_measured_precision(monkeypatch, true, total, declared, expected):
    monkeypatch.setattr(checks, "_MEASURED", {"RL999": {"true": true, "all": total}})
    severity, measured, opt_in = by_precision("RL999", declared)
    assert (severity, opt_in) == expected
    assert measured == (true, total)


def test_unmeasured_rules_keep_their_declared_severity(monkeypatch):
    monkeypatch.setattr(checks, "_MEASURED", {})
    assert by_precision("RL101", "error") == ("error", None, False)


def test_every_rule_records_its_declared_severity_and_opt_in_rules_do_not_run_by_default():
    rules = all_rules()
    assert all(r.declared for r in rules if r.func is not None)
    assert {r.code for r in default_rules()} == {r.code for r in rules if not r.opt_in}
    assert next(r for r in rules if r.code == "RL301").precision_text != ""


def test_an_opt_in_rule_runs_only_when_selected_by_code(monkeypatch):
    from reportlint.cli_options import select_rules as _select_rules
    from reportlint.checks import Rule

    rules = [Rule("RL998", "sure-thing", "error", None, ""), Rule("RL999", "shaky-thing", "warning", None, "", opt_in=True)]
    assert [r.code for r in _select_rules(rules, "", "")] == ["RL998"]
    assert [r.code for r in _select_rules(rules, "RL9", "")] == ["RL998"]
    assert [r.code for r in _select_rules(rules, "RL999", "")] == ["RL999"]
