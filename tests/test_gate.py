"""Issue 15: the CI gate never passes by accident — unknown codes, broken configuration, a run that checks
nothing, a missing optional dependency and a typo'd subcommand are usage errors (exit 2) with a clear line."""

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective.txt"


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.mark.parametrize("option,value,suggestion", [
    ("--select", "RL999", "did you mean"), ("--select", "RL1O1", "RL101"), ("--ignore", "RL91", "RL901"),
    ("--select", "sum-mismach", "sum-mismatch"), ("--select", "RL1,XYZ", "XYZ"),
])
def test_an_unknown_code_on_the_command_line_is_a_usage_error(option, value, suggestion):
    result = run(DEFECTIVE, option, value)
    assert result.exit_code == 2
    assert suggestion in result.stderr
    assert "Traceback" not in result.output


@pytest.mark.parametrize("value,expected", [("sum-mismatch", {"RL101"}), ("RL1 RL3", {"RL101", "RL301"}),
                                            ("RL101, RL301", {"RL101", "RL301"})])
def test_rule_names_and_space_separated_codes_are_accepted(value, expected):
    result = run(DEFECTIVE, "--select", value, "--format", "concise")
    assert result.exit_code == 1
    codes = {line.split(": ")[1].split()[0] for line in result.stdout.splitlines()}
    assert codes == expected


@pytest.mark.parametrize("config", [
    'select = ["RL999"]', 'ignore = ["RL88"]', 'severity = {RL999 = "info"}', 'severity = {RL1 = "info"}',
    'per-file-ignores = {"*.txt" = ["RL1O1"]}', 'extend-select = ["nosuch-rule"]',
])
def test_an_unknown_code_in_the_configuration_is_a_usage_error(tmp_path, monkeypatch, config):
    (tmp_path / "reportlint.toml").write_text(config + "\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(DEFECTIVE)
    assert result.exit_code == 2
    assert "reportlint.toml" in result.stderr and "unknown rule" in result.stderr


def test_rule_names_work_in_the_configuration(tmp_path, monkeypatch):
    (tmp_path / "reportlint.toml").write_text('ignore = ["sum-mismatch"]\nseverity = {part-exceeds-total = "info"}\n',
                                              encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(DEFECTIVE, "--format", "concise")
    assert "RL101" not in result.stdout


@pytest.mark.parametrize("name,content,problem", [
    ("reportlint.toml", "select = [\n", "invalid TOML"),
    ("reportlint.toml", "a = 1\nb = \n", "line 2"),
    ("pyproject.toml", "[tool\n", "invalid TOML"),
    ("pyproject.toml", "tool = 1\n", "'tool' must be a table"),
    ("pyproject.toml", "[tool]\nreportlint = 3\n", "must be a table"),
    ("pyproject.toml", "x = " + "[" * 5000 + "]" * 5000 + "\n", "pyproject.toml"),
])
def test_a_broken_config_file_is_an_error_naming_the_file(tmp_path, monkeypatch, name, content, problem):
    (tmp_path / name).write_text(content, encoding="utf-8")
    inner = tmp_path / "sub"
    inner.mkdir()
    monkeypatch.chdir(inner)  # found on the way up, not skipped
    result = run(DEFECTIVE)
    assert result.exit_code == 2
    assert str(tmp_path / name) in result.stderr and problem in result.stderr
    assert "Traceback" not in result.output


def test_a_run_that_checks_no_report_is_exit_2(tmp_path):
    result = run(tmp_path)
    assert result.exit_code == 2
    assert "no report to check" in result.stderr


def test_parquet_without_pyarrow_names_the_extra(tmp_path, monkeypatch):
    monkeypatch.setitem(sys.modules, "pyarrow", None)  # import pyarrow now raises ImportError
    result = run("facts", DEFECTIVE, "--format", "parquet", "-o", tmp_path / "f.parquet")
    assert result.exit_code == 2
    assert "reportlint[parquet]" in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "f.parquet").exists()


def test_audit_without_great_expectations_names_the_extra(monkeypatch):
    monkeypatch.setitem(sys.modules, "great_expectations", None)
    result = run("audit", DEFECTIVE, "--suite", ROOT / "examples" / "audit-suite.json")
    assert result.exit_code == 2
    assert "reportlint[gx]" in result.stderr


def test_github_plain_lines_keep_the_percent_sign():
    result = run(DEFECTIVE, "--format", "github")
    plain = [line for line in result.stdout.splitlines() if not line.startswith("::")]
    assert any("90.04%" in line for line in plain)
    assert "%25" not in "\n".join(plain)


@pytest.mark.parametrize("typo,command", [("rulez", "rules"), ("fatcs", "facts"), ("chekc", "check")])
def test_a_typo_in_a_subcommand_suggests_the_command(typo, command):
    result = run(typo, DEFECTIVE)
    assert result.exit_code == 2
    assert f"reportlint {command}" in result.stderr
