"""Issue 15, the terminal: colour (NO_COLOR, FORCE_COLOR, --color), one source line with several markers,
--quiet, --exclude / extend-exclude, --stdin-filename, --show-settings and `rules --format json`."""

import io
import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.output.colour import wanted

ROOT = Path(__file__).resolve().parent.parent
DEFECTIVE = ROOT / "examples" / "defective.txt"
ESC = "\x1b["


def run(*args, env=None, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env, input=input)


class Tty(io.StringIO):
    def isatty(self):
        return True


# --- colour ------------------------------------------------------------------------------------------------

def test_piped_output_has_no_colour_by_default():
    for fmt in ("full", "concise"):
        result = run(DEFECTIVE, "--format", fmt, env={"NO_COLOR": None, "FORCE_COLOR": None})
        assert ESC not in result.stdout and "RL101" in result.stdout


def test_color_always_colours_severity_code_and_the_marked_figure():
    out = run(DEFECTIVE, "--format", "full", "--color", "always").stdout
    assert "\x1b[1;31m[error]\x1b[0m" in out  # the severity
    assert "\x1b[1mRL101\x1b[0m" in out  # the code
    assert "基本支出\x1b[1;31m610.20万元\x1b[0m，其中人员经费\x1b[34m520.10万元\x1b[0m" in out  # the whole figures
    assert "\x1b[1;31m^^^^^^^^^^\x1b[0m" in out and "\x1b[34m----------\x1b[0m" in out  # their markers, whole figures
    assert "\x1b[1;33m[warning]\x1b[0m" in out


def test_force_color_colours_a_pipe_and_color_never_wins():
    assert ESC in run(DEFECTIVE, "--format", "concise", env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in run(DEFECTIVE, "--format", "concise", "--color", "never", env={"FORCE_COLOR": "1"}).stdout
    assert ESC not in run(DEFECTIVE, "--format", "concise", env={"FORCE_COLOR": "0"}).stdout


@pytest.mark.parametrize("choice,environ,stream,expected", [
    ("auto", {}, Tty(), True), ("auto", {"NO_COLOR": "1"}, Tty(), False), ("auto", {}, io.StringIO(), False),
    ("auto", {"FORCE_COLOR": "1"}, io.StringIO(), True), ("auto", {"NO_COLOR": "1", "FORCE_COLOR": "1"}, Tty(), False),
    ("always", {"NO_COLOR": "1"}, io.StringIO(), True), ("never", {"FORCE_COLOR": "1"}, Tty(), False),
    ("auto", {"NO_COLOR": ""}, Tty(), True),
])
def test_when_to_colour(choice, environ, stream, expected):
    assert wanted(choice, stream, environ) is expected


def test_colour_never_reaches_a_file_or_machine_formats(tmp_path):
    out = tmp_path / "r.txt"
    run(DEFECTIVE, "--format", "full", "--color", "always", "-o", out)
    assert ESC not in out.read_text(encoding="utf-8")
    assert ESC not in run(DEFECTIVE, "--format", "json", "--color", "always").stdout


def test_escape_sequences_in_a_report_stay_visible_with_colour(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("基本支出610.20万元，其中人员经费520.10万元，公用经费95.10万元。\x1b[2K\n", encoding="utf-8")
    out = run(report, "--format", "full", "--color", "always").stdout
    assert "\\x1b[2K" in out and "\x1b[2K" not in out


# --- one source line, several markers ------------------------------------------------------------------------

def test_full_output_shows_a_line_once_with_every_marker():
    out = run(DEFECTIVE, "--format", "full").stdout
    block = out.split("RL101 [error]")[1].split("= help")[0]
    assert block.count("基本支出610.20万元，其中人员经费520.10万元，公用经费95.10万元。") == 1
    rows = block.splitlines()
    marker = next(row for row in rows if "^" in row)
    assert marker.split()[2:4] == ["-" * 10, "-" * 9]  # 520.10万元 and 95.10万元, each marked whole
    assert "^^^^^^^^^^" in marker  # 610.20万元, the total
    assert marker.rstrip().endswith("公用经费 95.10万元")  # the rightmost figure's label on the marker row
    assert any(row.strip().startswith("| ") and row.strip().endswith("人员经费 520.10万元") for row in rows)


def test_a_label_stays_under_its_own_figure():
    out = run(DEFECTIVE, "--format", "full").stdout
    block = out.split("RL401 [error]")[1].split("= help")[0]
    marker, label = [row for row in block.splitlines() if row.startswith("    |")][:2]
    assert marker.endswith("^^^^^^^^")  # the primary figure has no label of its own
    assert label.index("合计") == marker.index("-")  # the related figure's label starts under it


def test_related_figures_on_other_lines_get_their_own_line():
    out = run(DEFECTIVE, "--format", "full").stdout
    block = out.split("RL301 [error]")[1].split("= help")[0]
    assert "   7 | 2023年全年支出980.40万元" in block and "  12 | 全年支出890.40万元" in block


def test_far_apart_marks_on_a_long_line_are_shown_as_excerpts():
    from reportlint.finding import Finding, Related
    from reportlint.lint import FileResult
    from reportlint.output.text import render_full

    line = "支出合计100.00万元，" + "说明文字" * 40 + "其中基本支出120.00万元。"
    finding = Finding("t.txt", 1, 5, 1, 11, "RL102", "part-exceeds-total", "error", "分项大于合计", "",
                      related=(Related(1, line.index("120.00") + 1, "分项 120.00万元"),))
    out = render_full([FileResult("t.txt", findings=[finding], source_lines={1: line})])
    rows = [row for row in out.splitlines() if row.startswith("  1 |")]
    assert len(rows) == 2 and all(len(row) < 130 for row in rows)
    assert "100.00" in rows[0] and "120.00" in rows[1]


# --- quiet, exclude, stdin-filename -----------------------------------------------------------------------

def test_quiet_prints_findings_only():
    for args in ([], ["--format", "json"], ["--statistics"]):
        result = run(DEFECTIVE, "-q", *args)
        assert result.exit_code == 1 and result.stdout and result.stderr == ""
    assert "发现" in run(DEFECTIVE).stderr


@pytest.fixture
def tree(tmp_path):
    for name in ("current/a.txt", "archive/old.txt", "current/b.draft.txt"):
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy(DEFECTIVE, tmp_path / name)
    return tmp_path


def checked(result):
    return sorted({line.split(":")[0] for line in result.stdout.splitlines() if ": RL" in line})


def test_exclude_globs_leave_out_files_found_in_folders(tree, monkeypatch):
    monkeypatch.chdir(tree)
    assert checked(run("--isolated", ".", "--format", "concise")) == [
        "./archive/old.txt", "./current/a.txt", "./current/b.draft.txt"]
    assert checked(run("--isolated", ".", "--format", "concise", "--exclude", "archive,*.draft.txt")) == ["./current/a.txt"]
    assert checked(run("--isolated", ".", "--format", "concise", "--exclude", "archive/*", "--exclude", "current/b*")) == [
        "./current/a.txt"]
    # a file named on the command line is always checked
    assert checked(run("--isolated", "archive/old.txt", "--exclude", "archive", "--format", "concise")) == ["archive/old.txt"]


def test_extend_exclude_in_the_configuration_is_relative_to_its_folder(tree, monkeypatch):
    (tree / "reportlint.toml").write_text('extend-exclude = ["archive", "current/*.draft.txt"]\n', encoding="utf-8")
    monkeypatch.chdir(tree / "current")
    assert checked(run(".", "--format", "concise")) == ["./a.txt"]
    monkeypatch.chdir(tree)
    assert checked(run(".", "--format", "concise")) == ["./current/a.txt"]


def test_excluding_everything_is_exit_2(tree, monkeypatch):
    monkeypatch.chdir(tree)
    result = run("--isolated", ".", "--exclude", "*")
    assert result.exit_code == 2 and "excluded" in result.stderr


def test_extend_exclude_must_be_a_list_of_globs(tmp_path, monkeypatch):
    (tmp_path / "reportlint.toml").write_text('extend-exclude = "archive"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run(DEFECTIVE)
    assert result.exit_code == 2 and "extend-exclude" in result.stderr and "reportlint.toml" in result.stderr


def test_stdin_filename_names_the_input_and_drives_per_file_ignores(tmp_path, monkeypatch):
    (tmp_path / "reportlint.toml").write_text('per-file-ignores = {"archive/*" = ["RL101"]}\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = DEFECTIVE.read_text(encoding="utf-8")
    current = run("-", "--stdin-filename", "current/r.txt", "--format", "concise", input=text).stdout
    assert "current/r.txt:8:5: RL101" in current and "-:" not in current
    archived = run("--stdin-filename", "archive/r.txt", "--format", "concise", input=text).stdout  # - implied
    assert "archive/r.txt:12:5: RL301" in archived and "RL101" not in archived
    sarif = json.loads(run("-", "--stdin-filename", "current/r.txt", "--format", "sarif", input=text).stdout)
    assert sarif["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "current/r.txt"


# --- show-settings, rules --format json -------------------------------------------------------------------

def test_show_settings_prints_each_value_and_where_it_came_from(tmp_path, monkeypatch):
    config = tmp_path / "pyproject.toml"
    config.write_text('[tool.reportlint]\nselect = ["RL1", "rate-mismatch"]\nextend-exclude = ["archive"]\n',
                      encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("--show-settings", "--fail-level", "warning")
    assert result.exit_code == 0
    lines = {line.split(" = ")[0]: line for line in result.stdout.splitlines() if " = " in line and not line.startswith("#")}
    assert lines["select"].startswith('select = ["RL1", "RL201"]') and lines["select"].endswith(f"# {config}")
    assert lines["fail-level"].startswith('fail-level = "warning"') and lines["fail-level"].endswith("# command line (--fail-level)")
    assert lines["lang"].startswith('lang = "zh"') and lines["lang"].endswith("# default")
    assert lines["extend-exclude"].startswith('extend-exclude = ["archive"]')
    assert f"# configuration file: {config}" in result.stdout
    assert "RL101" not in result.stdout  # nothing was linted


def test_rules_as_json():
    from reportlint.checks import all_rules

    data = json.loads(run("rules", "--format", "json").stdout)
    assert [r["code"] for r in data] == [r.code for r in all_rules()]
    rl101 = next(r for r in data if r["code"] == "RL101")
    assert rl101["name"] == "sum-mismatch" and rl101["family"] == "sum" and rl101["severity"] == "error"
    assert rl101["summary"].endswith("。") and rl101["summary_en"].endswith(".")
    assert rl101["precision"] is None or set(rl101["precision"]) == {"true", "all"}


def test_force_exclude_applies_to_named_files_and_globs_reach_any_depth(tree, monkeypatch):
    monkeypatch.chdir(tree)
    result = run("--isolated", "archive/old.txt", "current/a.txt", "--exclude", "archive", "--force-exclude",
                 "--format", "concise")
    assert checked(result) == ["current/a.txt"]
    assert checked(run("--isolated", ".", "--exclude", "**/archive", "--exclude", "**/*.draft.txt",
                       "--format", "concise")) == ["./current/a.txt"]
