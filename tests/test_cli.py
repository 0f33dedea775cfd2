import json
import os
import subprocess
import sys
from pathlib import Path

from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"


def run(*args, input=None):
    result = CliRunner().invoke(main, list(args), input=input)
    return result


def test_clean_example_exits_zero():
    result = run(str(EXAMPLES / "clean.txt"))
    assert result.exit_code == 0, result.output
    assert "RL" not in result.stdout


def test_defective_example_exits_one_with_lint_lines():
    result = run(str(EXAMPLES / "defective.txt"), "--format", "concise")
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert any(line.startswith(f"{EXAMPLES / 'defective.txt'}:8:5: RL101 [error]") for line in lines)


def test_check_subcommand_is_the_default():
    assert run("check", str(EXAMPLES / "clean.txt")).exit_code == 0


def test_json_contract():
    result = run(str(EXAMPLES / "defective.txt"), "--format", "json")
    payload = json.loads(result.stdout)
    assert set(payload) == {"version", "files", "findings", "summary"}
    finding = payload["findings"][0]
    for key in ("path", "line", "column", "end_line", "end_column", "code", "name", "severity", "message", "related"):
        assert key in finding
    assert payload["files"][0]["profile"] == "overall"
    assert payload["summary"]["errors"] == sum(1 for f in payload["findings"] if f["severity"] == "error")


def test_english_messages():
    result = run(str(EXAMPLES / "defective.txt"), "--lang", "en", "--select", "RL101")
    assert "but basic expenditure is 610.20万元" in result.stdout


def test_exit_statuses(tmp_path):
    assert run(str(tmp_path / "missing.txt")).exit_code == 2
    assert run(str(EXAMPLES / "defective.txt"), "--exit-zero").exit_code == 0
    assert run(str(EXAMPLES / "defective.txt"), "--select", "RL9").exit_code == 0  # warnings only
    assert run(str(EXAMPLES / "defective.txt"), "--select", "RL9", "--fail-level", "warning").exit_code == 1
    assert run(str(EXAMPLES / "defective.txt"), "--ignore", "RL1,RL2,RL3,RL4,RL5,RL6").exit_code == 0


def test_bad_inputs_are_findings_not_tracebacks(tmp_path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "binary.txt").write_bytes(b"\x00\x01\x02PK\x03\x04")
    (tmp_path / "gbk.txt").write_bytes("基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。".encode("gb18030"))
    result = run(str(tmp_path))
    assert result.exit_code == 1
    assert "Traceback" not in result.output
    out = result.stdout
    assert "binary.txt:1:1: RL002" in out and "empty.txt:1:1: RL003" in out and "gbk.txt:1:5: RL101" in out


def test_stdin():
    result = run("-", input="基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。".encode())
    assert result.exit_code == 1 and "-:1:5: RL101" in result.stdout


def test_input_is_never_modified(tmp_path):
    target = tmp_path / "r.txt"
    target.write_bytes((EXAMPLES / "defective.txt").read_bytes())
    before = (target.read_bytes(), os.stat(target).st_mtime_ns)
    run(str(target), "--format", "json")
    assert (target.read_bytes(), os.stat(target).st_mtime_ns) == before


def test_output_file(tmp_path):
    out = tmp_path / "o.json"
    result = run(str(EXAMPLES / "defective.txt"), "--format", "json", "-o", str(out))
    assert result.exit_code == 1
    assert json.loads(out.read_text(encoding="utf-8"))["summary"]["files"] == 1


def test_rules_and_rule_docs():
    listing = run("rules").stdout
    for code in ("RL101", "RL201", "RL301", "RL401", "RL501", "RL601", "RL901", "RL003"):
        assert code in listing
    doc = run("rule", "RL301").stdout
    assert "contradictory-figure" in doc and "会报" in doc and "不会报" in doc
    assert "same quantity" in run("rule", "contradictory-figure", "--lang", "en").stdout
    assert run("rule", "RL999").exit_code == 2


def test_facts_json_and_csv():
    result = run("facts", str(EXAMPLES / "clean.txt"))
    payload = json.loads(result.stdout)
    row = next(r for r in payload["figures"] if r["text"] == "830.25万元" and r["line"] == 12)
    assert row["concept"] == "basic_expenditure" and row["unit"] == "万元" and row["decimals"] == 2
    assert row["value_yuan"] == "8302500.00" and row["value"] == "830.25" and row["value_text"] == "830.25"
    assert row["qualifiers"]["state"] == "actual"
    assert any(r["kind"] == "breakdown" for r in payload["relations"])
    csv_out = run("facts", str(EXAMPLES / "clean.txt"), "--format", "csv").stdout
    assert csv_out.splitlines()[0].startswith("path,line,column,end_line,end_column,text,value,value_text,unit,decimals")


def test_version():
    assert "0.1.0" in run("--version").stdout


def test_linting_a_file_imports_no_heavy_library():
    code = (
        "import sys, runpy; sys.argv=['reportlint', %r];\n"
        "try:\n    runpy.run_module('reportlint', run_name='__main__')\nexcept SystemExit: pass\n"
        "heavy=[m for m in ('pandas','pandera','great_expectations','numpy') if m in sys.modules]\n"
        "print('HEAVY', heavy)" % str(EXAMPLES / "clean.txt")
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT).stdout
    assert "HEAVY []" in out


def test_jobs_output_equals_serial_output(tmp_path):
    import shutil

    for i in range(6):
        for name in ("clean.txt", "defective.txt", "scored.txt"):
            shutil.copy(EXAMPLES / name, tmp_path / f"{i}_{name}")
    serial = subprocess.run([sys.executable, "-m", "reportlint", str(tmp_path), "--format", "json", "--jobs", "1"],
                            capture_output=True, cwd=ROOT).stdout
    parallel = subprocess.run([sys.executable, "-m", "reportlint", str(tmp_path), "--format", "json", "--jobs", "2"],
                              capture_output=True, cwd=ROOT).stdout
    assert serial == parallel and json.loads(serial)["summary"]["files"] == 18


def test_a_broken_table_is_a_bug_report_not_a_file(tmp_path, monkeypatch):
    from reportlint.output import tables

    real = tables.figure_records

    def corrupt(doc):
        for row in real(doc):
            row["line"] = 0
            yield row

    monkeypatch.setattr(tables, "figure_records", corrupt)
    out = tmp_path / "f.csv"
    result = run("facts", str(EXAMPLES / "clean.txt"), "--format", "csv", "-o", str(out))
    assert result.exit_code == 2 and "figures table failed its schema" in result.stderr and "line" in result.stderr
    assert not out.exists()


def test_text_streamed_to_stdout_equals_text_written_to_a_file(tmp_path):
    # to stdout each file is printed as soon as it is done; -o renders the whole run at the end
    for fmt in ("concise", "full"):
        out = tmp_path / f"o.{fmt}"
        streamed = run(str(EXAMPLES), "--format", fmt, "--jobs", "1")
        written = run(str(EXAMPLES), "--format", fmt, "-o", str(out))
        assert streamed.exit_code == written.exit_code == 1
        assert streamed.stdout == out.read_text(encoding="utf-8")
        assert streamed.stderr.splitlines()[-1] == written.stderr.splitlines()[-1]
    # the gate's status and the summary come from the counts
    clean = run(str(EXAMPLES / "clean.txt"), "--format", "concise")
    assert clean.exit_code == 0 and clean.stdout == ""
    assert run(str(EXAMPLES / "defective.txt"), "--format", "concise", "--exit-zero").exit_code == 0
