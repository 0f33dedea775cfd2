"""Hostile and broken input: every case ends in a finding or a clear message with the right exit status,
never a traceback; inputs are never written; output is deterministic and written atomically."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reportlint.cli import main
from reportlint.lint import lint_bytes, lint_text

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args, input=None):
    return CliRunner().invoke(main, [str(a) for a in args], input=input)


def findings_within_file(text: str, findings) -> bool:
    lines = text.split("\n")
    for f in findings:
        if not 1 <= f.line <= max(1, len(lines)):
            return False
        if f.code.startswith("RL0"):
            continue
        if not 1 <= f.column <= len(lines[f.line - 1]) + 1:
            return False
    return True


@pytest.mark.parametrize("name,data,code", [
    ("empty", b"", "RL003"),
    ("blank", b"  \n\n\t \r\n", "RL003"),
    ("binary", bytes(range(256)) * 8, "RL002"),
    ("nul-in-text", "基本支出100万元\x00其中".encode("utf-8"), "RL002"),
    ("bad-utf8-and-gb18030", b"abc\x80\xffdef" * 20, "RL004"),
])
def test_broken_input_is_a_finding(tmp_path, name, data, code):
    path = tmp_path / f"{name}.txt"
    path.write_bytes(data)
    result = run(path, "--format", "concise")
    assert result.exit_code == 1
    assert f"{path}:1:1: {code} [error]" in result.stdout
    assert "Traceback" not in result.output


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "gb18030", "utf-8-sig"])
def test_encodings_give_the_same_findings(tmp_path, encoding):
    text = (EXAMPLES / "defective.txt").read_text(encoding="utf-8")
    path = tmp_path / "r.txt"
    path.write_bytes(text.encode(encoding))
    expected = [(f.code, f.line, f.column, f.message) for f in lint_text(text, str(path)).findings]
    got = [(f.code, f.line, f.column, f.message) for f in lint_bytes(path.read_bytes(), str(path)).findings]
    assert got == expected


@pytest.mark.parametrize("text", [
    "1" * 1_000_000 + "\n",                       # a 1 MB line of digits
    "1.\n" * 30_000,                              # many list markers (300,000 in bench/run)
    "1." * 300_000,                               # 300,000 repetitions on one line
    "支出合计20000.00万元，其中" + "、".join(f"项目{i}经费1.00万元" for i in range(20_000)) + "。",
    "占" * 100_000 + "5%",
    "\t1\n\n" * 20_000,                           # a table of 20,000 one-cell rows
    "（一）" * 50_000,
    "基本支出" * 50_000 + "100万元",
])
def test_pathological_inputs_finish_without_error(text):
    result = lint_text(text, "p.txt")
    assert not [f for f in result.findings if f.code == "RL009"]
    assert findings_within_file(text, result.findings)


def test_too_large_is_a_finding(tmp_path):
    path = tmp_path / "big.txt"
    path.write_bytes(b"a" * 2048)
    result = run(path, "--max-bytes", "1024", "--format", "concise")
    assert result.exit_code == 1 and "RL006" in result.stdout


def test_symlink_loop_and_missing_path(tmp_path):
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "r.txt").write_text("一、概况\n内容。\n", encoding="utf-8")
    os.symlink(tmp_path, tmp_path / "sub" / "loop")
    result = run(tmp_path, "--format", "concise")
    assert result.exit_code == 0 and "Traceback" not in result.output
    assert run(tmp_path / "nope.txt").exit_code == 2


def test_inputs_are_never_written(tmp_path):
    targets = []
    for name in ("clean.txt", "defective.txt", "scored.txt"):
        target = tmp_path / name
        target.write_bytes((EXAMPLES / name).read_bytes())
        targets.append((target, target.read_bytes(), os.stat(target).st_mtime_ns))
    for fmt in ("full", "json", "junit", "sarif", "github", "gitlab"):
        run(tmp_path, "--format", fmt, "--report", f"json:{tmp_path / 'out.json'}")
    for target, data, mtime in targets:
        assert target.read_bytes() == data and os.stat(target).st_mtime_ns == mtime


def test_output_is_deterministic(tmp_path):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000")
    outputs = set()
    for _ in range(2):
        for fmt in ("json", "junit", "sarif", "gitlab", "concise"):
            proc = subprocess.run([sys.executable, "-m", "reportlint", str(EXAMPLES), "--format", fmt],
                                  capture_output=True, env=env, cwd=ROOT)
            outputs.add((fmt, proc.stdout))
    assert len(outputs) == 5


def test_failed_write_leaves_no_partial_file(tmp_path, monkeypatch):
    from reportlint.output import atomic

    target = tmp_path / "r.xml"
    target.write_text("previous", encoding="utf-8")

    class Boom(Exception):
        pass

    real_replace = os.replace

    def failing_replace(src, dst):
        raise Boom()

    monkeypatch.setattr(atomic.os, "replace", failing_replace)
    with pytest.raises(Boom):
        atomic.write_atomic(str(target), "new content")
    monkeypatch.setattr(atomic.os, "replace", real_replace)
    assert target.read_text(encoding="utf-8") == "previous"
    assert [p.name for p in tmp_path.iterdir()] == ["r.xml"]


def test_a_broken_rule_is_a_finding_and_exit_2(monkeypatch):
    from reportlint.checks import REGISTRY, Rule, all_rules

    all_rules()

    def broken(ctx):
        raise RuntimeError("boom")
        yield

    monkeypatch.setitem(REGISTRY, "RL998", Rule("RL998", "broken", "error", broken, "A broken rule."))
    result = run(EXAMPLES / "clean.txt", "--format", "concise")
    assert result.exit_code == 2 and "RL009" in result.stdout and "RL998" in result.stdout


def test_config_is_data_never_executed(tmp_path, monkeypatch):
    payload = "__import__('pathlib').Path('owned').touch()"
    (tmp_path / "reportlint.toml").write_text(f'profile = "{payload}"\n', encoding="utf-8")
    (tmp_path / "c.txt").write_text("一、概况\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("c.txt")
    assert result.exit_code == 2 and not (tmp_path / "owned").exists()


TOKENS = st.sampled_from([
    "一、", "（二）", "1.", "2、", "(3)", "①", "基本支出", "项目支出", "人员经费", "公用经费", "支出合计", "三公经费",
    "其中", "占", "增长", "减少", "执行率", "预算数", "执行数", "编制数", "实有人数", "万元", "元", "%", "人", "，", "。", "；",
    "：", "\n", "\t", "|", " ", "　", "１２", "３．５", "100", "2665.79", "0.01", "20", "2022年", "萬元", "預算", "得分", "分值",
    "优秀", "等次为", "自评得分为", "98分", "(", ")", "约", "以上", "≤", "-", "……", "合计", "\r\n", "\x0c", "\ufeff",
])


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(TOKENS, max_size=80).map("".join))
def test_fuzz_lint_never_crashes_and_stays_in_the_file(text):
    result = lint_text(text, "f.txt")
    assert not [f for f in result.findings if f.code == "RL009"], [f.message for f in result.findings]
    assert findings_within_file(text.replace("\r\n", "\n"), result.findings)


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_fuzz_bytes_never_crash(data):
    result = lint_bytes(data, "b.txt")
    assert not [f for f in result.findings if f.code == "RL009"]


# --- issue 16, data loss: an output is never an input; devices and links are written safely -------------

@pytest.mark.parametrize("how", [
    ["-o", "{r}"], ["-o", "{link}"], ["--report", "json:{r}"], ["--report", "sarif:{link}"],
    ["--write-baseline", "{r}"], ["facts", "-o", "{r}"], ["facts", "-o", "{link}"],
])
def test_an_output_that_is_an_input_is_refused(tmp_path, how):
    report = tmp_path / "r.txt"
    report.write_bytes((EXAMPLES / "defective.txt").read_bytes())
    link = tmp_path / "link.txt"
    link.symlink_to(report)
    args = [a.format(r=report, link=link) for a in how]
    command = [args[0], str(report), *args[1:]] if args[0] == "facts" else [str(report), *args]
    before = report.read_bytes()
    result = run(*command)
    assert result.exit_code == 2
    assert "refusing to overwrite an input" in result.output
    assert report.read_bytes() == before
    assert "Traceback" not in result.output


def test_an_output_inside_the_folder_of_an_input_is_allowed(tmp_path):
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    result = run(tmp_path / "r.txt", "-o", tmp_path / "out.txt")
    assert result.exit_code == 1
    assert "RL101" in (tmp_path / "out.txt").read_text(encoding="utf-8")


def test_write_atomic_keeps_a_device_a_device(tmp_path):
    """A device node (here a private copy of /dev/null, never the real one) is written, not renamed over."""
    import stat as st

    from reportlint.output.atomic import write_atomic

    device = tmp_path / "null"
    try:
        os.mknod(device, st.S_IFCHR | 0o666, os.makedev(1, 3))
    except (PermissionError, AttributeError):
        pytest.skip("creating a device node needs root")
    link = tmp_path / "stdout-like"
    link.symlink_to(device)
    write_atomic(str(device), "x\n")
    write_atomic(str(link), "x\n")
    assert st.S_ISCHR(os.stat(device).st_mode)
    assert link.is_symlink()


def test_write_atomic_writes_through_a_fifo(tmp_path):
    import threading

    from reportlint.output.atomic import write_atomic

    fifo = tmp_path / "out.fifo"
    os.mkfifo(fifo)
    got = []
    reader = threading.Thread(target=lambda: got.append(fifo.read_text(encoding="utf-8")), daemon=True)
    reader.start()
    write_atomic(str(fifo), "hello\n")
    reader.join(10)
    assert got == ["hello\n"]
    assert fifo.is_fifo()


def test_write_atomic_replaces_a_links_target_and_keeps_its_mode(tmp_path):
    from reportlint.output.atomic import write_atomic

    target = tmp_path / "target.json"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o640)
    link = tmp_path / "out.json"
    link.symlink_to(target)
    write_atomic(str(link), "new")
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == "new"
    assert (target.stat().st_mode & 0o777) == 0o640


def test_write_atomic_error_names_the_given_path_not_a_temporary_file(tmp_path):
    from reportlint.output.atomic import write_atomic

    with pytest.raises(OSError) as info:
        write_atomic(str(tmp_path / "missing" / "x.json"), "x")
    assert str(tmp_path / "missing" / "x.json") in str(info.value)
    assert ".reportlint-" not in str(info.value)


@pytest.mark.parametrize("fmt", ["concise", "full", "json", "sarif", "junit", "gitlab", "github", "html"])
def test_outputs_written_into_a_linted_folder_are_not_linted_next_time(tmp_path, fmt):
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    first = run(tmp_path, "--format", "json")
    run(tmp_path, "--format", fmt, "-o", tmp_path / f"out-{fmt}.txt")
    assert (tmp_path / f"out-{fmt}.txt").stat().st_size > 0
    again = run(tmp_path, "--format", "json")
    assert again.stdout == first.stdout


def test_statistics_baseline_and_facts_outputs_are_not_linted(tmp_path):
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    first = run(tmp_path, "--format", "json")
    run(tmp_path, "--statistics", "-o", tmp_path / "stats.txt")
    run(tmp_path, "--write-baseline", tmp_path / "baseline.txt")
    run("facts", tmp_path, "-o", tmp_path / "facts.txt")
    run("facts", tmp_path, "--format", "csv", "--relations", "-o", tmp_path / "facts-csv.txt")
    assert run(tmp_path, "--format", "json").stdout == first.stdout


def test_an_empty_output_of_a_clean_run_is_not_linted_by_the_same_command(tmp_path):
    (tmp_path / "clean.txt").write_bytes((EXAMPLES / "clean.txt").read_bytes())
    assert run(tmp_path, "--format", "concise", "-o", tmp_path / "out.txt").exit_code == 0
    again = run(tmp_path, "--format", "concise", "-o", tmp_path / "out.txt")
    assert again.exit_code == 0
    assert "1 个文件" in again.stderr


# --- issue 16: devices, FIFOs, workers, crashes ------------------------------------------------------------

def test_fifos_and_devices_in_a_folder_are_findings_not_hangs(tmp_path):
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    os.mkfifo(tmp_path / "fifo.txt")
    (tmp_path / "zero.txt").symlink_to("/dev/zero")
    # (--follow-links: by default a link leaving the folder is not even opened, RL007 — tests/test_hardening2.py)
    done = subprocess.run([sys.executable, "-m", "reportlint", str(tmp_path), "--format", "concise", "--follow-links"],
                          capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1
    assert f"{tmp_path / 'fifo.txt'}:1:1: RL001 [error]" in done.stdout
    assert f"{tmp_path / 'zero.txt'}:1:1: RL001 [error]" in done.stdout
    assert "RL101" in done.stdout  # the real report is still checked


def test_max_bytes_is_enforced_while_reading_not_from_stat():
    import io

    from reportlint.parse.read import InputProblem, read_limited

    with pytest.raises(InputProblem) as info:
        read_limited(io.BytesIO(b"x" * 5000), 4096)
    assert info.value.code == "RL006"
    assert read_limited(io.BytesIO(b"x" * 4096), 4096) == b"x" * 4096


def test_a_device_as_profile_or_config_is_a_clear_error(tmp_path, monkeypatch):
    (tmp_path / "r.txt").write_bytes((EXAMPLES / "defective.txt").read_bytes())
    (tmp_path / "reportlint.toml").write_text('profile = "/dev/zero"\n', encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    result = run("r.txt")
    assert result.exit_code == 2 and "not a regular file" in result.output
    assert run("r.txt", "--config", "/dev/zero").exit_code == 2


def test_workers_are_capped_at_files_and_cpus(monkeypatch):
    from reportlint import pool

    monkeypatch.setattr(pool, "available_cpus", lambda: 8)
    assert pool.worker_count(4000, 3) == 3
    assert pool.worker_count(4000, 100) == 8
    assert pool.worker_count(None, 2) == 2
    assert pool.worker_count(1, 100) == 1


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as handle:
            state = next(line for line in handle if line.startswith("State:"))
    except (FileNotFoundError, StopIteration):
        return False
    return "Z" not in state.split()[1]


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_a_worker_dies_when_its_parent_is_killed(tmp_path):
    import signal
    import time

    script = tmp_path / "parent.py"
    script.write_text(
        "import multiprocessing, os, sys, time\n"
        "from reportlint.pool import die_with_parent\n"
        "def child(parent):\n"
        "    die_with_parent(parent)\n"
        "    time.sleep(120)\n"
        "if __name__ == '__main__':\n"
        "    p = multiprocessing.get_context('fork').Process(target=child, args=(os.getpid(),))\n"
        "    p.start()\n"
        "    print(p.pid, flush=True)\n"
        "    time.sleep(120)\n", encoding="utf-8")
    parent = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                              env={**os.environ, "PYTHONPATH": str(ROOT)})
    worker = int(parent.stdout.readline())
    time.sleep(0.5)
    assert _alive(worker)
    parent.send_signal(signal.SIGKILL)
    parent.wait(10)
    deadline = time.monotonic() + 10
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not _alive(worker)


def test_the_pool_initializer_ties_workers_to_the_parent(monkeypatch):
    from reportlint import lint as lint_module
    from reportlint import pool

    import signal

    calls = []
    monkeypatch.setattr(pool, "die_with_parent", calls.append)
    monkeypatch.setattr(signal, "signal", lambda *args: None)  # (the test process keeps its Ctrl-C)
    lint_module._worker_init(12345)
    assert calls == [12345]


def test_a_parser_crash_is_that_files_rl009_and_the_run_goes_on(tmp_path, monkeypatch):
    import reportlint.lint as lint_module

    good = tmp_path / "b.txt"
    good.write_bytes((EXAMPLES / "defective.txt").read_bytes())
    bad = tmp_path / "a.txt"
    bad.write_text("首行\n", encoding="utf-8")
    real = lint_module.parse_text

    def parse(text, path, encoding="utf-8"):
        if path.endswith("a.txt"):
            raise AttributeError("'NoneType' object has no attribute 'group'")
        return real(text, path, encoding)

    monkeypatch.setattr(lint_module, "parse_text", parse)
    out = tmp_path / "out.json"
    result = run(bad, good, "--format", "json", "-o", out, "-j", "1")
    assert result.exit_code == 2  # an internal error is never "findings" (1) nor a pass
    assert "Traceback" not in result.output
    import json

    codes = [(Path(f["path"]).name, f["code"]) for f in json.loads(out.read_text(encoding="utf-8"))["findings"]]
    assert ("a.txt", "RL009") in codes and ("b.txt", "RL101") in codes
    assert run(bad, good, "--exit-zero", "--format", "concise").exit_code == 2


@pytest.mark.parametrize("digits", [21, 27, 28, 29, 33, 40, 100])
def test_absurdly_long_numbers_never_crash_a_rule(digits):
    big = "9" * digits
    text = (f"2023年部门整体支出绩效自评报告\n一、基本情况\n支出合计{big}万元，其中基本支出{big}.50万元，"
            f"项目支出100万元。预算执行率为{big}%。\n| 项目 | 金额 |\n| 合计 | {big} |\n| 甲 | {big}.5 |\n"
            f"总分{big}分，等次为优。增长{big}.5%。\n")
    codes = [f.code for f in lint_text(text, "t.txt").findings]
    assert "RL009" not in codes


def test_a_27_digit_figure_is_not_a_figure():
    from reportlint.parse.numbers import find_numbers

    assert find_numbers("支出" + "1" * 27 + "万元") == []
    assert [m.text for m in find_numbers("支出12345678901234.56万元")] == ["12345678901234.56万元"]


@pytest.mark.parametrize("extra", [[], ["--format", "csv"], ["--format", "csv", "--relations", "--findings", "-o", "{out}"]])
def test_facts_on_a_report_without_figures_is_an_empty_table(tmp_path, extra):
    report = tmp_path / "r.txt"
    report.write_text("2023年部门整体支出绩效自评报告\n一、基本情况\n本单位认真开展工作。\n", encoding="utf-8")
    result = run("facts", report, *[a.format(out=tmp_path / "f.csv") for a in extra])
    assert result.exit_code == 0, result.output
    if not extra:
        import json

        assert json.loads(result.stdout) == {"figures": [], "relations": []}


def test_audit_on_a_report_without_figures_runs(tmp_path):
    report = tmp_path / "r.txt"
    report.write_text("2023年部门整体支出绩效自评报告\n一、基本情况\n本单位认真开展工作。\n", encoding="utf-8")
    result = run("audit", report, "--suite", EXAMPLES / "audit-suite.json", "--format", "concise")
    assert result.exit_code in (0, 1), result.output
    assert "bug in reportlint" not in result.output


# --- issue 16 item 12: exit statuses ---------------------------------------------------------------------

def _many_reports(folder: Path, n: int) -> Path:
    data = (EXAMPLES / "defective.txt").read_bytes()
    for k in range(n):
        (folder / f"r{k:04d}.txt").write_bytes(data)
    return folder


def _cli(*args, **kwargs):
    return subprocess.Popen([sys.executable, "-m", "reportlint", *map(str, args)], text=True,
                            env={**os.environ, "PYTHONPATH": str(ROOT)}, **kwargs)


def _wait_for(condition, seconds=20.0):
    import time

    deadline = time.monotonic() + seconds
    while not condition() and time.monotonic() < deadline:
        time.sleep(0.02)
    return condition()


def _proc_text(pid: int, name: str) -> str:
    try:
        with open(f"/proc/{pid}/{name}", encoding="ascii") as handle:
            return handle.read()
    except OSError:
        return ""


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_while_reading_exits_130_without_a_traceback():
    import signal

    proc = _cli("-", stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert _wait_for(lambda: "pipe_read" in _proc_text(proc.pid, "wchan"))  # blocked reading stdin
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 130, err
    assert "Traceback" not in err and "interrupted" in err


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_ctrl_c_with_workers_exits_130_and_leaves_no_worker(tmp_path):
    import signal

    folder = _many_reports(tmp_path, 3000)
    proc = _cli(folder, "-j", "2", "--format", "json", stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)

    def workers():
        return [int(p) for t in os.listdir(f"/proc/{proc.pid}/task") for p in _proc_text(proc.pid, f"task/{t}/children").split()] \
            if os.path.exists(f"/proc/{proc.pid}/task") else []

    if not _wait_for(lambda: len(workers()) >= 2 or proc.poll() is not None) or proc.poll() is not None:
        pytest.skip("the run ended before its workers could be seen")
    import time

    time.sleep(0.3)  # past the moment the workers are forked (SIGINT is ignored for those few milliseconds)
    children = workers()
    proc.send_signal(signal.SIGINT)
    for child in children:  # a terminal sends Ctrl-C to the whole process group
        try:
            os.kill(child, signal.SIGINT)
        except ProcessLookupError:
            pass
    _, err = proc.communicate(timeout=30)
    if proc.returncode != 130 and "检查了 3000 个文件" in err:
        pytest.skip("the run ended before the interrupt arrived")
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    assert _wait_for(lambda: not any(_alive(c) for c in children), 10)


def test_a_closed_pipe_ends_the_run_quietly(tmp_path):
    folder = _many_reports(tmp_path, 300)
    proc = _cli(folder, "--format", "concise", stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert proc.stdout.readline()
    proc.stdout.close()
    err = proc.stderr.read()
    proc.wait(30)
    assert err == ""
    assert proc.returncode != 0


@pytest.mark.parametrize("value", ["0", "-1"])
def test_max_bytes_must_be_positive(value):
    result = run(EXAMPLES / "clean.txt", "--max-bytes", value)
    assert result.exit_code == 2 and "--max-bytes" in result.output


@pytest.mark.parametrize("value", ["true", "0", "-5", '"16M"'])
def test_max_bytes_in_config_must_be_a_positive_integer(tmp_path, value):
    config = tmp_path / "reportlint.toml"
    config.write_text(f"max-bytes = {value}\n", encoding="utf-8")
    result = run(EXAMPLES / "clean.txt", "--config", config)
    assert result.exit_code == 2 and "max-bytes" in result.output


def test_a_baseline_never_hides_input_problems(tmp_path):
    import json

    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    baseline = tmp_path / "baseline.json"
    assert run(empty, "--write-baseline", baseline).exit_code == 0
    assert json.loads(baseline.read_text(encoding="utf-8"))["findings"] == []
    from reportlint.ci.baseline import apply_baseline
    from reportlint.ci.fingerprint import fingerprints
    from reportlint.lint import lint_path

    findings = lint_path(str(empty)).findings
    kept, hidden = apply_baseline(findings, set(fingerprints(findings)))
    assert [f.code for f in kept] == ["RL003"] and hidden == 0


@pytest.mark.parametrize("content", ['{"findings": [{"fingerprint": ["a"]}]}', "[" * 100000 + "]" * 100000,
                                     '{"findings": 3}', "not json"])
def test_a_broken_baseline_is_a_clear_error(tmp_path, content):
    baseline = tmp_path / "baseline.json"
    baseline.write_text(content, encoding="utf-8")
    result = run(EXAMPLES / "defective.txt", "--baseline", baseline)
    assert result.exit_code == 2 and str(baseline) in result.output
    assert "Traceback" not in result.output


# --- issue 16 items 17, 18: positions ------------------------------------------------------------------

def test_cr_only_line_endings_are_line_breaks():
    text = (EXAMPLES / "defective.txt").read_text(encoding="utf-8")
    expected = [(f.code, f.line, f.column, f.message) for f in lint_text(text, "t.txt").findings]
    got = [(f.code, f.line, f.column, f.message) for f in lint_text(text.replace("\n", "\r"), "t.txt").findings]
    assert got == expected
    assert ("RL101", 8, 5) in [(c, line, col) for c, line, col, _ in got]


@pytest.mark.parametrize("invisible", ["\u200b", "\u200d", "\u2060", "\u00ad", "\ufeff"])
def test_invisible_characters_inside_a_number_are_dropped(invisible):
    text = (EXAMPLES / "defective.txt").read_text(encoding="utf-8")
    expected = [(f.code, f.line, f.column) for f in lint_text(text, "t.txt").findings]
    line8 = text.split("\n")[7]
    assert "610.20" in line8
    spoiled = text.replace("610.20", f"610.{invisible}20")
    got = lint_text(spoiled, "t.txt").findings
    assert [(f.code, f.line, f.column) for f in got] == expected
    assert not any("0.20万元" in f.message and "610" not in f.message for f in got)


def test_dropping_invisible_characters_keeps_the_original_columns():
    from reportlint.parse.normalize import normalize_line

    norm = normalize_line("合计6\u200b10.20万元", 3)
    assert norm.text == "合计610.20万元"
    start = norm.text.index("610")
    assert (norm.pos(start).column, norm.pos(start + 1).column) == (3, 5)  # the 1 after the zero-width space


# --- issue 16 items 14, 15: escaping ---------------------------------------------------------------------

FORMATS_ALL = ["concise", "full", "json", "junit", "sarif", "github", "gitlab", "html"]


def _spoiled_report(folder: Path, name: str = "r.txt") -> Path:
    lines = (EXAMPLES / "defective.txt").read_text(encoding="utf-8").split("\n")
    lines[15] = lines[15] + "\x1b[1A\x1b[2K\r未发现问题\x9b"
    path = folder / name
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


@pytest.mark.parametrize("fmt", ["concise", "full", "github"])
def test_terminal_escapes_in_a_report_are_printed_visibly(tmp_path, fmt):
    path = _spoiled_report(tmp_path)
    result = run(path, "--format", fmt)
    assert result.exit_code == 1
    assert "\x1b" not in result.stdout and "\x9b" not in result.stdout and "\r" not in result.stdout
    if fmt == "full":
        assert "\\x1b[1A" in result.stdout
    out = tmp_path / "out.txt"
    run(path, "--format", fmt, "-o", out)
    assert "\x1b" not in out.read_text(encoding="utf-8")


def test_a_newline_in_a_file_name_cannot_forge_a_line(tmp_path):
    path = _spoiled_report(tmp_path, "a\nforged.txt:1:1: RL101 [error] fake.txt")
    result = run(path, "--format", "concise")
    lines = result.stdout.splitlines()
    assert lines and all(line.startswith(str(tmp_path) + "/a\\nforged") for line in lines)


def test_github_legacy_commands_are_neutralised_and_percent_is_not_encoded_in_plain_lines(tmp_path):
    path = _spoiled_report(tmp_path, "##[error]forged.txt")
    result = run(path, "--format", "github")
    assert result.exit_code == 1
    assert "##[" not in result.stdout
    plain = [line for line in result.stdout.splitlines() if not line.startswith("::")]
    assert any("90.04%" in line for line in plain)
    assert not any("%25" in line for line in plain)
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert any("90.04%25" in line for line in commands)  # the workflow commands stay escaped


def test_a_control_character_in_a_file_name_keeps_junit_valid_xml(tmp_path):
    import xml.etree.ElementTree as ET

    path = _spoiled_report(tmp_path, "bad\x07name\x1b.txt")
    result = run(path, "--format", "junit", "--junit-flavor", "xunit1")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout.encode("utf-8"))
    assert root.find("testsuite").get("name").endswith("bad\\x07name\\x1b.txt")


@pytest.mark.parametrize("fmt", FORMATS_ALL)
def test_a_file_name_that_is_not_utf8_works_in_every_format(tmp_path, fmt):
    folder = os.fsencode(tmp_path)
    name = os.path.join(folder, "\u62a5\u544a".encode("gbk") + b".txt")
    with open(name, "wb") as handle:
        handle.write((EXAMPLES / "defective.txt").read_bytes())
    done = subprocess.run([sys.executable, "-m", "reportlint", str(tmp_path), "--format", fmt],
                          capture_output=True, timeout=60, env={**os.environ, "PYTHONPATH": str(ROOT)})
    assert done.returncode == 1, done.stderr
    assert b"Traceback" not in done.stderr
    done.stdout.decode("utf-8")  # valid UTF-8
