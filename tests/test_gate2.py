"""Issue 15 item 4: per-file-ignores and baselines match a path however it is spelled — relative to the
configuration's folder (per-file-ignores) and to the baseline file's folder (baselines) — and baseline entries
carry a reason, kept when the baseline is written again and shown by --show-baselined."""

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective.txt"


def run(*args, **kwargs):
    return CliRunner().invoke(main, [str(a) for a in args], **kwargs)


@pytest.fixture
def project(tmp_path):
    """A project with a configuration at its root and a report in archive/2019."""
    (tmp_path / "reportlint.toml").write_text('per-file-ignores = {"archive/2019/*" = ["RL101"]}\n', encoding="utf-8")
    folder = tmp_path / "archive" / "2019"
    folder.mkdir(parents=True)
    shutil.copy(DEFECTIVE, folder / "x.txt")
    return tmp_path


SPELLINGS = [
    (".", "archive/2019/x.txt"), (".", "./archive/2019/x.txt"), (".", "."), (".", "{abs}"),
    ("archive/2019", "x.txt"), ("archive/2019", "."), ("archive", "./2019/../2019/x.txt"),
]


@pytest.mark.parametrize("cwd,spelling", SPELLINGS)
def test_per_file_ignores_match_however_the_path_is_spelled(project, monkeypatch, cwd, spelling):
    monkeypatch.chdir(project / cwd)
    target = spelling.format(abs=project / "archive" / "2019" / "x.txt")
    result = run(target, "--format", "concise")
    assert "RL301" in result.stdout  # the file was checked …
    assert "RL101" not in result.stdout  # … and RL101 is ignored for it


def test_per_file_ignores_of_a_named_config_are_relative_to_its_folder(project, tmp_path, monkeypatch):
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    monkeypatch.chdir(elsewhere)
    result = run("../archive/2019/x.txt", "--config", "../reportlint.toml", "--format", "concise")
    assert "RL301" in result.stdout and "RL101" not in result.stdout


def test_a_file_outside_the_pattern_keeps_its_findings(project, monkeypatch):
    shutil.copy(DEFECTIVE, project / "current.txt")
    monkeypatch.chdir(project)
    result = run(".", "--format", "concise")
    assert "current.txt:8:5: RL101" in result.stdout
    assert "x.txt:8:5: RL101" not in result.stdout


@pytest.mark.parametrize("cwd,spelling,baseline", [
    (".", "./archive/2019/x.txt", "baseline.json"), (".", ".", "baseline.json"), (".", "{abs}", "{base}"),
    ("archive/2019", "x.txt", "../../baseline.json"), ("archive", ".", "{base}"),
])
def test_a_baseline_matches_however_the_path_is_spelled(project, monkeypatch, cwd, spelling, baseline):
    monkeypatch.chdir(project)
    assert run("--isolated", "archive/2019/x.txt", "--write-baseline", "baseline.json").exit_code == 0
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    assert {e["path"] for e in entries} == {"archive/2019/x.txt"}  # relative to the baseline's folder
    monkeypatch.chdir(project / cwd)
    fill = dict(abs=project / "archive" / "2019" / "x.txt", base=project / "baseline.json")
    result = run("--isolated", spelling.format(**fill), "--baseline", baseline.format(**fill), "--format", "concise")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert f"基线隐藏了 {len(entries)} 个" in result.stderr


def test_a_baseline_written_from_a_subfolder_works_from_the_root(project, monkeypatch):
    monkeypatch.chdir(project / "archive")
    assert run("--isolated", ".", "--write-baseline", "../baseline.json").exit_code == 0
    monkeypatch.chdir(project)
    result = run("--isolated", "archive", "--baseline", "baseline.json", "--format", "concise")
    assert result.exit_code == 0 and result.stdout == ""


def _with_reason(project, reason):
    path = project / "baseline.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["findings"][0]["reason"] = reason
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    return data["findings"][0]["fingerprint"]


def test_a_reason_is_kept_when_the_baseline_is_written_again(project, monkeypatch):
    monkeypatch.chdir(project)
    run("--isolated", "archive", "--write-baseline", "baseline.json")
    fingerprint = _with_reason(project, "2019 年报告已公开，财政局确认不再修改")
    monkeypatch.chdir(project / "archive")  # rewritten from elsewhere, spelled differently
    assert run("--isolated", "2019/x.txt", "--write-baseline", "../baseline.json").exit_code == 0
    entries = json.loads((project / "baseline.json").read_text(encoding="utf-8"))["findings"]
    kept = [e for e in entries if e["fingerprint"] == fingerprint]
    assert kept and kept[0]["reason"] == "2019 年报告已公开，财政局确认不再修改"
    assert all("reason" not in e for e in entries if e["fingerprint"] != fingerprint)


def test_show_baselined_lists_the_hidden_findings_with_their_reasons(project, monkeypatch):
    monkeypatch.chdir(project)
    run("--isolated", "archive", "--write-baseline", "baseline.json")
    _with_reason(project, "已与财政局确认")
    result = run("--isolated", "archive", "--baseline", "baseline.json", "--show-baselined", "--format", "concise")
    assert result.exit_code == 0
    assert "基线接受的问题" in result.stdout
    assert "    理由：已与财政局确认" in result.stdout
    assert "理由：（基线未写理由）" in result.stdout  # the other entries say that they have none
    assert "archive/2019/x.txt:8:5: RL101" in result.stdout
    english = run("--isolated", "archive", "--baseline", "baseline.json", "--show-baselined", "--lang", "en",
                  "--format", "json")
    json.loads(english.stdout)  # a machine format stays clean: the list goes to stderr
    assert "reason: 已与财政局确认" in english.stderr


def test_show_baselined_needs_a_baseline():
    result = run(DEFECTIVE, "--show-baselined")
    assert result.exit_code == 2 and "--baseline" in result.output


def test_a_baseline_reason_must_be_a_string(tmp_path):
    baseline = tmp_path / "b.json"
    baseline.write_text('{"findings": [{"fingerprint": "a", "reason": 3}]}', encoding="utf-8")
    result = run(DEFECTIVE, "--baseline", baseline)
    assert result.exit_code == 2 and str(baseline) in result.stderr and "reason" in result.stderr


# --- issue 16 item 10: configuration and baseline shapes (the checks themselves landed with tests/test_gate.py
# and tests/test_hardening.py; these pin the shapes not covered there) ------------------------------------------

@pytest.mark.parametrize("content,problem", [
    ("x = " + "{a=" * 3000 + "1" + "}" * 3000 + "\n", "nested too deeply"),  # no reportlint section at all
    ("[tool.reportlint]\nper-file-ignores = {a = {b = 1}}\n", "per-file-ignores.a"),
    ("[tool.reportlint]\nseverity = {RL101 = [1]}\n", "severity.RL101"),
    ("[tool.reportlint]\nselect = 3\n", "'select' must be a list"),
])
def test_config_shapes_on_the_way_up_are_errors_naming_the_file(tmp_path, monkeypatch, content, problem):
    (tmp_path / "pyproject.toml").write_text(content, encoding="utf-8")
    (tmp_path / "a" / "b").mkdir(parents=True)
    monkeypatch.chdir(tmp_path / "a" / "b")
    result = run(DEFECTIVE)
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert f"{tmp_path / 'pyproject.toml'}: " in result.stderr and problem in result.stderr


def test_deep_dotted_keys_outside_the_section_are_harmless(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text("a" + ".a" * 20000 + " = 1\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(DEFECTIVE, "--format", "concise")
    assert result.exit_code == 1 and "RL101" in result.stdout


@pytest.mark.parametrize("content", [
    '{"findings": [{"fingerprint": "a", "path": ' + "[" * 5000 + "]" * 5000 + "}]}",
    '{"findings": [{"fingerprint": {"a": "b"}}]}',
])
def test_baseline_shapes_are_errors_naming_the_file(tmp_path, content):
    baseline = tmp_path / "b.json"
    baseline.write_text(content, encoding="utf-8")
    result = run(DEFECTIVE, "--baseline", baseline)
    assert result.exit_code == 2 and f"cannot read baseline {baseline}" in result.stderr
