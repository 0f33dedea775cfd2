"""Machine formats validated against their schemas (skipped cleanly where ../shared is absent), exit
statuses, configuration, baselines and rule documentation."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from tests.conftest import SHARED

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
SCHEMAS = SHARED / "schemas"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def schema(name):
    path = SCHEMAS / name
    if not path.exists():
        pytest.skip(f"schema not available: {path}")
    return path


@pytest.fixture
def chinese_copy(tmp_path):
    """A defective report under a Chinese, space-containing file name, plus an unreadable file."""
    folder = tmp_path / "报告 2023"
    folder.mkdir()
    shutil.copy(EXAMPLES / "defective.txt", folder / "农业农村局 自评报告.txt")
    (folder / "坏文件.txt").write_bytes(b"\x00\x01binary")
    return folder


def test_junit_is_valid_against_both_schemas(chinese_copy, tmp_path):
    import xmlschema

    out = tmp_path / "r.xml"
    result = run(chinese_copy, "--format", "junit", "-o", out)
    assert result.exit_code == 1
    text = out.read_text(encoding="utf-8")
    for name in ("junit-jenkins-xunit-10.xsd", "junit.xsd"):
        xmlschema.XMLSchema(str(schema(name))).validate(str(out))
    import xml.etree.ElementTree as ET

    root = ET.fromstring(text)
    assert root.tag == "testsuites" and not root.attrib
    suites = root.findall("testsuite")
    assert len(suites) == 2
    for suite in suites:
        names = [c.get("name") for c in suite.findall("testcase")]
        assert len(names) == len(set(names))  # unique within the suite
        import re

        assert not any(re.search(r":\d+:\d+|第\d+行|line \d+", n) for n in names)  # never a line number
    errors = [s for s in suites if s.get("errors") == "1"]
    assert errors and errors[0].find("testcase/error").get("type") == "RL002"
    report = next(s for s in suites if "自评报告" in s.get("name"))
    failures = int(report.get("failures"))
    gating = len(json.loads(run(chinese_copy / "农业农村局 自评报告.txt", "--format", "json").stdout)["findings"])
    warnings = sum(1 for c in report.findall("testcase") if c.find("failure") is None)
    assert failures + warnings == gating and failures == len(report.findall("testcase/failure"))


def test_junit_clean_report_is_one_passing_case(tmp_path):
    out = tmp_path / "r.xml"
    assert run(EXAMPLES / "clean.txt", "--format", "junit", "-o", out).exit_code == 0
    text = out.read_text(encoding="utf-8")
    assert 'name="all checks passed"' in text and "<failure" not in text


def test_junit_xunit1_flavour_has_file_and_line(tmp_path):
    text = run(EXAMPLES / "defective.txt", "--format", "junit", "--junit-flavor", "xunit1").stdout
    assert 'file="' in text and 'line="8"' in text


def test_sarif_is_valid_with_format_checking(chinese_copy):
    import jsonschema

    document = json.loads(run(chinese_copy, "--format", "sarif").stdout)
    sarif_schema = json.loads(schema("sarif-schema-2.1.0.json").read_text(encoding="utf-8"))
    jsonschema.validate(document, sarif_schema, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER)
    run_ = document["runs"][0]
    assert run_["columnKind"] == "unicodeCodePoints"
    assert all(r["locations"] for r in run_["results"])
    assert all("%" in a["location"]["uri"] for a in run_["artifacts"])  # percent-encoded Chinese paths
    assert all(len(a["hashes"]["sha-256"]) == 64 for a in run_["artifacts"] if "hashes" in a)
    rule_ids = {r["id"] for r in run_["tool"]["driver"]["rules"]}
    assert {r["ruleId"] for r in run_["results"]} <= rule_ids
    assert all(r["help"]["text"] for r in run_["tool"]["driver"]["rules"])


def test_raw_chinese_uri_would_be_rejected():
    """The format checker really checks URIs (so the test above can fail)."""
    import jsonschema

    checker = jsonschema.Draft7Validator.FORMAT_CHECKER
    assert not checker.conforms("报告 2023/a.txt", "uri-reference")


def test_gitlab_code_quality(chinese_copy, monkeypatch):
    import jsonschema

    monkeypatch.chdir(chinese_copy.parent)
    raw = run("报告 2023", "--format", "gitlab").stdout_bytes
    assert not raw.startswith(b"\xef\xbb\xbf")
    issues = json.loads(raw)
    jsonschema.validate(issues, json.loads(schema("gitlab-codequality.schema.json").read_text(encoding="utf-8")))
    prints = [i["fingerprint"] for i in issues]
    assert len(prints) == len(set(prints))
    assert all(i["description"].startswith(i["check_name"] + ":") for i in issues)
    assert json.loads(run(EXAMPLES / "clean.txt", "--format", "gitlab").stdout) == []


def test_github_annotations_and_summary(tmp_path):
    summary = tmp_path / "summary.md"
    hostile = tmp_path / "hostile.txt"
    hostile.write_text("基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。::error file=x::forged\n",
                       encoding="utf-8")
    result = run(hostile, "--format", "github", env={"GITHUB_STEP_SUMMARY": str(summary)})
    lines = result.stdout.splitlines()
    assert lines[0].startswith("::error file=") and ",line=1,col=5," in lines[0] and "title=RL101" in lines[0]
    assert not any(line.startswith("::error file=x") for line in lines)
    assert all(line.count("::") <= 2 for line in lines)
    assert "| RL101 |" in summary.read_text(encoding="utf-8")


def test_report_option_writes_several_formats_under_one_status(tmp_path):
    result = run(EXAMPLES / "defective.txt", "--format", "concise", "--report", f"junit:{tmp_path / 'a.xml'}",
                 "--report", f"sarif:{tmp_path / 'a.sarif'}", "--report", f"gitlab:{tmp_path / 'cq.json'}")
    assert result.exit_code == 1
    assert (tmp_path / "a.xml").exists() and (tmp_path / "a.sarif").exists() and (tmp_path / "cq.json").exists()
    assert run(EXAMPLES / "defective.txt", "--report", "nonsense").exit_code == 2


def test_exit_statuses_and_fail_levels():
    assert run(EXAMPLES / "clean.txt").exit_code == 0
    assert run(EXAMPLES / "defective.txt").exit_code == 1
    assert run(EXAMPLES / "defective.txt", "--exit-zero").exit_code == 0
    assert run(EXAMPLES / "defective.txt", "--select", "RL9").exit_code == 0
    assert run(EXAMPLES / "defective.txt", "--select", "RL9", "--fail-level", "warning").exit_code == 1
    assert run("no/such/file.txt").exit_code == 2
    assert run(EXAMPLES / "defective.txt", "--format", "junit", "-o", "/no/such/dir/r.xml").exit_code == 2


def test_pyproject_ignore_is_honoured(tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "defective.txt", tmp_path / "d.txt")
    (tmp_path / "pyproject.toml").write_text('[tool.reportlint]\nignore = ["RL1", "RL2", "RL3", "RL4", "RL5", "RL6"]\n',
                                             encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("d.txt", "--format", "concise")
    assert result.exit_code == 0 and "RL101" not in result.stdout and "RL902" in result.stdout
    assert run("d.txt", "--isolated").exit_code == 1


def test_config_severity_and_per_file_ignores(tmp_path, monkeypatch):
    shutil.copy(EXAMPLES / "defective.txt", tmp_path / "d.txt")
    (tmp_path / "reportlint.toml").write_text(
        'fail-level = "warning"\nseverity = {RL902 = "info"}\n[per-file-ignores]\n"d.txt" = ["RL1", "RL2", "RL3", "RL4", "RL5", "RL6"]\n',
        encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("d.txt", "--format", "json")
    payload = json.loads(result.stdout)
    assert {f["code"] for f in payload["findings"]} == {"RL902"}
    assert payload["findings"][0]["severity"] == "info"
    assert result.exit_code == 0


@pytest.mark.parametrize("content,word", [
    ('colour = "red"\n', "colour"),
    ('fail-level = "fatal"\n', "fail-level"),
    ('select = ["E501"]\n', "E501"),
    ('severity = {RL101 = "loud"}\n', "RL101"),
])
def test_invalid_config_exits_2_naming_the_key(tmp_path, monkeypatch, content, word):
    (tmp_path / "reportlint.toml").write_text(content, encoding="utf-8")
    shutil.copy(EXAMPLES / "clean.txt", tmp_path / "c.txt")
    monkeypatch.chdir(tmp_path)
    result = run("c.txt")
    assert result.exit_code == 2 and word in result.stderr


def test_baseline_survives_lines_inserted_above(tmp_path):
    report = tmp_path / "d.txt"
    shutil.copy(EXAMPLES / "defective.txt", report)
    base = tmp_path / "baseline.json"
    assert run(report, "--write-baseline", base).exit_code == 0
    assert run(report, "--baseline", base).exit_code == 0
    text = report.read_text(encoding="utf-8")
    report.write_text("说明：本报告于今日修订。\n\n" + text, encoding="utf-8")
    result = run(report, "--baseline", base, "--format", "concise")
    assert result.exit_code == 0 and "RL" not in result.stdout
    assert "基线隐藏了" in result.stderr
    # a new defect is still reported
    report.write_text(text + "\n基本支出100.00万元，其中人员经费90.00万元，公用经费20.00万元。\n", encoding="utf-8")
    result = run(report, "--baseline", base, "--format", "concise")
    assert result.exit_code == 1 and result.stdout.count("RL101") == 1


def test_statistics():
    out = run(EXAMPLES / "defective.txt", "--statistics").stdout
    assert "RL501" in out and "missing-section" in out


def test_every_rule_has_useful_documentation():
    from reportlint.checks import all_rules

    for item in all_rules():
        doc = run("rule", item.code).stdout
        english = run("rule", item.code, "--lang", "en").stdout
        assert item.name in doc and len(doc) > 80, item.code
        assert english.strip() and any(c.isascii() and c.isalpha() for c in english), item.code
        if item.func is not None:
            assert "会报" in doc and "不会报" in doc and "怎么改" in doc, item.code


def test_precommit_and_ci_templates_are_valid_and_call_real_commands():
    import yaml

    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    assert hooks[0]["id"] == "reportlint" and hooks[0]["entry"].split()[0] == "reportlint"
    templates = ROOT / "reportlint" / "ci" / "templates"
    for path in templates.iterdir():
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        text = path.read_text(encoding="utf-8")
        assert data and "reportlint" in text
        for line in text.splitlines():
            stripped = line.strip().lstrip("- ").strip()
            if stripped.startswith("reportlint "):
                args = stripped.split()[1:]
                args = [a for a in args if not a.startswith("$")]
                result = CliRunner().invoke(main, ["check", "--help"] if not args else args[:1] + ["--help"])
                assert result.exit_code == 0, line
