"""Hardening, second round (issue 16, items 11, 12, 13, 16 and 19): the environment and the file system
turning hostile, Big5 reports, links leaving a folder, positions on a very long line."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from reportlint.lint import expand_paths, lint_bytes

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
DEFECTIVE = EXAMPLES / "defective.txt"
CORPUS = ROOT.parent / "shared" / "corpus"
ENV = {**os.environ, "PYTHONPATH": str(ROOT)}


def cli(*args, **kwargs):
    """``python -m reportlint ARGS`` as a user runs it (``run()``: signals and standard streams set up)."""
    if "stdout" not in kwargs and "stderr" not in kwargs:
        kwargs["capture_output"] = True
    return subprocess.run([sys.executable, "-m", "reportlint", *map(str, args)], env=kwargs.pop("env", ENV),
                          timeout=120, **kwargs)


def invoke(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


def stderr_lines(proc) -> list[str]:
    """The lines reportlint itself wrote on stderr (warnings of third-party imports left out)."""
    text = proc.stderr.decode("utf-8", "replace") if isinstance(proc.stderr, bytes) else proc.stderr
    return [line for line in text.splitlines() if line.startswith("reportlint:")]


# --- 19: positions past column 2^24 -------------------------------------------------------------------------

def test_a_position_past_column_2_24_stays_on_its_line():
    from reportlint.document import Pos
    from reportlint.parse.normalize import decode_pos, encode, normalize_line

    width = 1 << 24
    assert decode_pos(encode(3, width + 4)) == Pos(3, width + 5)
    norm = normalize_line("a" * (width + 10) + "\u200b1", 3)  # (a deletion: origins become a tuple)
    assert norm.pos(width + 5) == Pos(3, width + 6)
    span = norm.span(width + 1, width + 3)
    assert (span.start.line, span.start.column, span.end.line, span.end.column) == (3, width + 2, 3, width + 4)
    assert norm.pos(len(norm) - 1) == Pos(3, width + 12)  # the "1" after the dropped zero-width space


# --- 11: the environment and standard output ----------------------------------------------------------------

@pytest.mark.parametrize("where", ["missing-folder", "a-folder"])
def test_an_unwritable_job_summary_is_a_warning(tmp_path, where):
    summary = tmp_path / "no" / "summary.md" if where == "missing-folder" else tmp_path
    done = cli(DEFECTIVE, "--format", "github", env={**ENV, "GITHUB_STEP_SUMMARY": str(summary)})
    assert done.returncode == 1  # the findings' status, not a crash
    assert b"Traceback" not in done.stderr
    assert any("warning: cannot write the job summary" in line for line in stderr_lines(done))
    assert done.stdout.count(b"::error ") == 7  # the annotations are all there


def _closed_stdout():
    os.close(1)


@pytest.mark.parametrize("args", [["--format", "concise"], ["--format", "json"], ["--format", "full"],
                                  ["--statistics"]])
def test_a_closed_stdout_is_exit_2_and_one_line(args):
    done = cli(DEFECTIVE, *args, stdout=None, stderr=subprocess.PIPE, preexec_fn=_closed_stdout)
    assert done.returncode == 2
    assert b"Traceback" not in done.stderr
    assert stderr_lines(done)[0].endswith("standard output is closed")
    assert len([line for line in stderr_lines(done) if "cannot write" in line]) == 1


def test_a_closed_stdout_with_nothing_to_write_or_an_output_file_works(tmp_path):
    assert cli(EXAMPLES / "clean.txt", stdout=None, stderr=subprocess.PIPE, preexec_fn=_closed_stdout).returncode == 0
    out = tmp_path / "out.json"
    done = cli(DEFECTIVE, "--format", "json", "-o", out, stdout=None, stderr=subprocess.PIPE,
               preexec_fn=_closed_stdout)
    assert done.returncode == 1 and len(json.loads(out.read_text("utf-8"))["findings"]) == 11


def test_facts_to_a_closed_stdout_is_exit_2():
    done = cli("facts", DEFECTIVE, stdout=None, stderr=subprocess.PIPE, preexec_fn=_closed_stdout)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert stderr_lines(done) == ["reportlint: cannot write the output: standard output is closed"]


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full")
@pytest.mark.parametrize("args", [["--format", "concise"], ["--format", "json"], ["--format", "full"],
                                  ["--statistics"], ["--format", "sarif"]])
def test_a_full_stdout_is_exit_2_and_one_line(args):
    """(This already worked before issue 16; kept as a test.)"""
    with open("/dev/full", "wb") as full:
        done = cli(DEFECTIVE, *args, stdout=full, stderr=subprocess.PIPE)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    lines = stderr_lines(done)
    assert len(lines) == 1 and "No space left on device" in lines[0]


def test_a_deleted_working_folder_is_a_clear_error_or_works(tmp_path):
    """(This already worked before issue 16: the configuration search names the problem; --isolated, which
    searches nothing, checks the file.)"""
    gone = tmp_path / "gone"

    def enter_and_remove():
        os.mkdir(gone)
        os.chdir(gone)
        os.rmdir(gone)

    done = cli(DEFECTIVE, stderr=subprocess.PIPE, stdout=subprocess.PIPE, preexec_fn=enter_and_remove)
    assert done.returncode == 2 and b"Traceback" not in done.stderr
    assert stderr_lines(done) == ["reportlint: configuration error: cannot find the working folder: "
                                  "No such file or directory"]
    done = cli(DEFECTIVE, "--isolated", "--format", "concise", stderr=subprocess.PIPE, stdout=subprocess.PIPE,
               preexec_fn=enter_and_remove)
    assert done.returncode == 1 and done.stdout.count(b"\n") == 11


# --- 12: an unreadable subfolder ----------------------------------------------------------------------------

def _tree_with_locked_folder(tmp_path: Path) -> Path:
    top = tmp_path / "reports"
    (top / "locked").mkdir(parents=True)
    (top / "a.txt").write_bytes((EXAMPLES / "clean.txt").read_bytes())
    (top / "locked" / "b.txt").write_bytes(DEFECTIVE.read_bytes())
    return top


def test_an_unreadable_subfolder_is_an_rl001_finding(tmp_path, monkeypatch):
    top = _tree_with_locked_folder(tmp_path)
    locked = str(top / "locked")
    real_scandir = os.scandir

    def scandir(path="."):
        if os.fspath(path) == locked:
            raise PermissionError(13, "Permission denied", os.fspath(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)
    result = invoke(top, "--format", "json", "-j", "1")
    report = json.loads(result.stdout)
    assert [(f["path"], f["code"], f["severity"]) for f in report["findings"]] == [(locked, "RL001", "error")]
    assert "Permission denied" in report["findings"][0]["message"]
    assert result.exit_code == 1  # a gate does not pass with reports out of reach


@pytest.mark.skipif(hasattr(os, "geteuid") and os.geteuid() == 0, reason="root reads a chmod 000 folder")
def test_a_chmod_000_subfolder_is_an_rl001_finding(tmp_path):
    top = _tree_with_locked_folder(tmp_path)
    (top / "locked").chmod(0)
    try:
        result = invoke(top, "--format", "concise", "-j", "1")
    finally:
        (top / "locked").chmod(0o755)
    assert f"{top / 'locked'}:1:1: RL001 [error]" in result.stdout and result.exit_code == 1


# --- 16: links that leave the tree --------------------------------------------------------------------------

SECRET = "机密：支出合计100.00万元，其中甲项60.00万元、乙项50.00万元。\n"


def _tree_with_links(tmp_path: Path) -> Path:
    outside = tmp_path / "outside"
    (outside / "folder").mkdir(parents=True)
    (outside / "secret.txt").write_text(SECRET, "utf-8")
    (outside / "folder" / "more.txt").write_text(SECRET, "utf-8")
    top = tmp_path / "reports"
    (top / "sub").mkdir(parents=True)
    (top / "a.txt").write_bytes((EXAMPLES / "clean.txt").read_bytes())
    (top / "sub" / "b.txt").write_bytes((EXAMPLES / "clean.txt").read_bytes())
    (top / "secret.txt").symlink_to(outside / "secret.txt")
    (top / "folder").symlink_to(outside / "folder", target_is_directory=True)
    (top / "again.txt").symlink_to("sub/b.txt")  # inside the tree: read
    (top / "sub" / "up").symlink_to("..", target_is_directory=True)  # a loop inside the tree: walked once
    return top


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_links_leaving_a_folder_are_noted_not_read(tmp_path, jobs):
    top = _tree_with_links(tmp_path)
    result = invoke(top, "--format", "json", "-j", jobs)
    assert result.exit_code == 0, result.output  # an info note does not fail the gate
    report = json.loads(result.stdout)
    assert [f["path"] for f in report["files"]] == [str(top / n) for n in ("a.txt", "again.txt", "folder",
                                                                          "secret.txt", "sub/b.txt")]
    notes = [(f["path"], f["code"], f["severity"]) for f in report["findings"]]
    assert notes == [(str(top / "folder"), "RL007", "info"), (str(top / "secret.txt"), "RL007", "info")]
    sarif = invoke(top, "--format", "sarif", "-j", jobs).stdout
    assert "机密" not in sarif and "甲项" not in result.stdout and "RL007" in sarif


def test_follow_links_reads_them(tmp_path):
    top = _tree_with_links(tmp_path)
    result = invoke(top, "--format", "sarif", "--follow-links")
    assert result.stdout.count("甲项60.00万元") == 2 and '"ruleId": "RL007"' not in result.stdout
    (tmp_path / "reportlint.toml").write_text("follow-links = true\n", "utf-8")
    result = invoke(top, "--format", "json", "--config", tmp_path / "reportlint.toml")
    assert {f["path"] for f in json.loads(result.stdout)["findings"]} == {str(top / "secret.txt"),
                                                                          str(top / "folder" / "more.txt")}


def test_a_link_named_on_the_command_line_is_read(tmp_path):
    top = _tree_with_links(tmp_path)
    result = invoke(top / "secret.txt", "--format", "concise")
    assert result.stdout.startswith(f"{top / 'secret.txt'}:1:") and "RL101" in result.stdout


def test_follow_links_in_config_must_be_a_boolean(tmp_path):
    (tmp_path / "reportlint.toml").write_text('follow-links = "yes"\n', "utf-8")
    result = invoke(DEFECTIVE, "--config", tmp_path / "reportlint.toml")
    assert result.exit_code == 2 and "'follow-links' must be true or false" in result.output


def test_facts_does_not_read_links_leaving_the_folder(tmp_path):
    top = _tree_with_links(tmp_path)
    result = invoke("facts", top)
    assert "甲项" not in result.stdout and "RL007" in result.stderr


def test_expand_paths_keeps_links_inside_the_tree():
    # (the walk's order is os.walk's: a folder's files sorted, then each subfolder)
    assert expand_paths([str(EXAMPLES)]) == sorted(str(p) for p in EXAMPLES.glob("*.txt"))


# --- 13: Big5 -------------------------------------------------------------------------------------------------

TRADITIONAL = """一、部門概況
本部門實有人數20人，其中女性職工10人，佔全部20人的50%。
二、收支情況
本年支出合計980.40萬元，其中基本支出610.20萬元、項目支出360.20萬元。
基本支出610.20萬元，其中人員經費520.10萬元、公用經費95.10萬元。
年初預算1000.00萬元，實際支出980.40萬元，預算執行率為90.04%。
"""


def _seen(result):
    return [(f.code, f.line, f.column, f.message) for f in result.findings]


def test_a_big5_report_is_read_as_big5_and_gives_the_findings_of_every_other_encoding():
    results = {enc: lint_bytes(TRADITIONAL.encode(enc), "r.txt") for enc in ("big5", "gb18030", "utf-8", "utf-16")}
    assert {enc: r.encoding for enc, r in results.items()} == {"big5": "big5", "gb18030": "gb18030",
                                                               "utf-8": "utf-8", "utf-16": "utf-16"}
    assert [f[:3] for f in _seen(results["utf-8"])] == [("RL101", 5, 5), ("RL201", 6, 34)]
    assert all(_seen(r) == _seen(results["utf-8"]) for r in results.values())


def test_big5_beyond_big5_is_read_as_cp950():
    text = TRADITIONAL + "另有€5元。\n"  # (the euro sign is in cp950, Windows' Big5, not in Big5 itself)
    result = lint_bytes(text.encode("cp950"), "r.txt")
    assert result.encoding == "cp950" and [f[:3] for f in _seen(result)] == [("RL101", 5, 5), ("RL201", 6, 34)]


def test_garbage_that_decodes_as_gb18030_is_rl005_not_a_clean_report():
    import random

    rng = random.Random(5)
    # rare GBK-extension characters (lead bytes below Big5's): valid GB18030, valid nothing else, not Chinese text
    data = b"".join(bytes((rng.randrange(0x81, 0xA1), rng.randrange(0x40, 0x7F))) for _ in range(400))
    result = lint_bytes(data + "支出合计100万元。\n".encode("gb18030"), "r.txt")
    assert [f.code for f in result.findings] == ["RL005"] and result.failed
    assert "无法确定编码" in result.findings[0].message


def test_short_gb18030_text_is_never_judged_garbled():
    for text in ("合计100万元", "繁體：合計100萬元", "甲乙丙丁", "拼音 jīng fèi 经费"):
        assert lint_bytes(text.encode("gb18030"), "r.txt").encoding == "gb18030"


@pytest.mark.skipif(not CORPUS.exists(), reason="needs ../shared/corpus")
def test_every_real_report_reads_back_in_gb18030_and_in_big5():
    import opencc

    from reportlint.parse.read import decode

    to_traditional = opencc.OpenCC("s2t")
    files = sorted(CORPUS.rglob("*.txt"))
    assert files
    for path in files:
        text = path.read_text("utf-8", errors="replace")
        assert decode(text.encode("gb18030", "replace"))[1] == "gb18030", path
        assert decode(to_traditional.convert(text).encode("big5", "replace"))[1] == "big5", path


# --- found by the grammar fuzzer (bench/fuzz --kind grammar) ---------------------------------------------------

def test_a_share_whose_whole_is_only_a_figure_is_no_crash():
    from reportlint.lint import lint_text

    result = lint_text("占5元的6％\n三公经费356.46元，占财政拨款0亿元的15%。\n", "r.txt")
    assert not result.failed and [f.code for f in result.findings if f.code == "RL009"] == []


def test_spark_is_not_handed_links_leaving_the_folder(tmp_path):
    from reportlint.spark import _inputs

    top = _tree_with_links(tmp_path)
    _, names = _inputs(str(top))
    assert sorted(names) == sorted((top / n).resolve().as_uri() for n in ("a.txt", "sub/b.txt"))
