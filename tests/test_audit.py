"""reportlint audit: a great-expectations suite over the corpus's figures (skipped when GX is absent)."""

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

pytest.importorskip("great_expectations")

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SUITE = EXAMPLES / "audit-suite.json"
BAD = "某局2023年部门整体支出绩效自评报告\n全年预算数100.00万元，执行数135.00万元，预算执行率135.00%。\n"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


def test_violated_expectation_gives_located_findings(tmp_path):
    report = tmp_path / "bad.txt"
    report.write_text(BAD, encoding="utf-8")
    result = run("audit", report, EXAMPLES, "--suite", SUITE, "--format", "json")
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    assert [(f["code"], f["line"], f["column"]) for f in findings] == [("RL701", 2, 32)]
    assert "0–120%" in findings[0]["message"] and "135.00%" in findings[0]["message"]
    assert not (tmp_path / "gx").exists()  # ephemeral: nothing written


def test_satisfied_suite_exits_zero():
    result = run("audit", EXAMPLES, "--suite", SUITE, "--format", "concise")
    assert result.exit_code == 0 and "RL7" not in result.stdout


def test_audit_findings_flow_into_other_formats(tmp_path):
    report = tmp_path / "bad.txt"
    report.write_text(BAD, encoding="utf-8")
    out = tmp_path / "audit.xml"
    result = run("audit", report, "--suite", SUITE, "--format", "junit", "-o", out)
    assert result.exit_code == 1 and 'type="RL701"' in out.read_text(encoding="utf-8")


def test_table_level_expectation_and_bad_suites(tmp_path):
    suite = tmp_path / "s.json"
    suite.write_text(json.dumps({"name": "s", "expectations": [
        {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 100000}}]}), encoding="utf-8")
    result = run("audit", EXAMPLES, "--suite", suite, "--format", "concise")
    assert result.exit_code == 1 and "RL702" in result.stdout
    suite.write_text("[1, 2]", encoding="utf-8")
    assert run("audit", EXAMPLES, "--suite", suite).exit_code == 2
    suite.write_text(json.dumps({"name": "s", "expectations": [
        {"type": "expect_column_values_to_be_between", "kwargs": {"column": "no_such_column", "min_value": 0}}]}),
        encoding="utf-8")
    assert run("audit", EXAMPLES, "--suite", suite).exit_code in (1, 2)


def test_data_docs_on_request(tmp_path):
    report = tmp_path / "bad.txt"
    report.write_text(BAD, encoding="utf-8")
    docs = tmp_path / "docs"
    assert run("audit", report, "--suite", SUITE, "--docs", docs).exit_code == 1
    assert list(docs.rglob("index.html"))
