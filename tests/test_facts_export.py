"""The facts export keeps figures exact (strings as printed in JSON and CSV, a decimal type in Parquet), writes
CSV that Excel on Chinese Windows opens (--excel), names its side files as they are written; and the install
split: linting needs no pandas, the extras are named when missing. Reports written for these tests."""

import json
import re
import sys
import tomllib
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main

ROOT = Path(__file__).resolve().parent.parent
REPORT = ("一、部门基本情况\n"
          "2023年度本部门支出合计2677.20万元，其中基本支出2049.72万元，项目支出627.48万元。\n"
          "“三公”经费支出3.50万元。\n")


def run(*args):
    return CliRunner().invoke(main, [str(a) for a in args])


@pytest.fixture
def report(tmp_path):
    path = tmp_path / "报告.txt"
    path.write_text(REPORT, encoding="utf-8")
    return path


def test_json_figures_are_exact_decimal_strings(report):
    figures = json.loads(run("facts", report).stdout)["figures"]
    total = next(f for f in figures if f["text"] == "2677.20万元")
    assert total["value"] == "2677.20" and total["value_yuan"] == "26772000.00"
    assert next(f for f in figures if f["text"] == "3.50万元")["value"] == "3.50"


def test_csv_figures_are_exact_decimal_strings(report):
    text = run("facts", report, "--format", "csv").stdout
    assert ",2677.20,2677.20,万元,2," in text and ",26772000.00," in text
    assert "2677.2," not in text and "e+" not in text.lower()


def test_parquet_figures_are_a_decimal_type(report, tmp_path):
    pq = pytest.importorskip("pyarrow.parquet")
    out = tmp_path / "facts.parquet"
    assert run("facts", report, "--format", "parquet", "-o", out).exit_code == 0
    table = pq.read_table(out)
    assert str(table.schema.field("value").type).startswith("decimal")
    assert str(table.schema.field("value_yuan").type).startswith("decimal")
    rows = table.to_pylist()
    total = next(r for r in rows if r["text"] == "2677.20万元")
    assert total["value"] == Decimal("2677.20") and total["value_yuan"] == Decimal("26772000.00")


def test_excel_csv_has_a_byte_order_mark_and_crlf(report, tmp_path):
    out = tmp_path / "facts.csv"
    assert run("facts", report, "--format", "csv", "--excel", "-o", out, "--relations").exit_code == 0
    for path in (out, tmp_path / "facts.relations.csv"):
        data = path.read_bytes()
        assert data.startswith(b"\xef\xbb\xbf")
        assert data.count(b"\r\n") == data.count(b"\n") > 1
        assert "2677.20" in data.decode("utf-8-sig") or path.name.startswith("facts.relations")


def test_help_names_the_side_files_as_they_are_written(report, tmp_path):
    helptext = " ".join(run("facts", "--help").stdout.split())
    assert "-o facts.csv writes facts.relations.csv and facts.findings.csv" in helptext
    folder = tmp_path / "out.d"
    folder.mkdir()
    for fmt, ext in (("csv", "csv"), ("parquet", "parquet")):
        if fmt == "parquet":
            pytest.importorskip("pyarrow")
        result = run("facts", report, "--format", fmt, "-o", folder / f"facts.{ext}", "--relations", "--findings")
        assert result.exit_code == 0, result.output
        assert {p.name for p in folder.iterdir() if p.suffix == f".{ext}"} == {
            f"facts.{ext}", f"facts.relations.{ext}", f"facts.findings.{ext}"}


def test_facts_without_pandas_names_the_audit_extra(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    result = run("facts", report)
    assert result.exit_code == 2
    assert result.stderr.strip() == ("reportlint: reportlint facts needs pandas, which is not installed: "
                                     "pip install 'reportlint[audit]'")


def test_linting_needs_no_dataframes_and_the_extras_carry_them():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]
    names = [re.split(r"[<>=\[; ]", d, maxsplit=1)[0].lower() for d in project["dependencies"]]
    assert not {"pandas", "pandera", "numpy", "pydantic", "great-expectations", "pyspark", "pyarrow"} & set(names)
    extras = project["optional-dependencies"]
    assert any(d.startswith("pandera[pandas]") for d in extras["audit"])
    assert any(d.startswith("great-expectations") for d in extras["gx"])
    assert any(d.startswith("pyspark") for d in extras["spark"])
    for spec in project["dependencies"] + [d for group in extras.values() for d in group]:
        requirement = spec.split(";")[0]
        assert ">=" in requirement and "<" in requirement.replace("<=", ""), spec  # a lower and an upper bound


def test_audit_without_pandas_names_the_gx_extra(report, monkeypatch):
    monkeypatch.setitem(sys.modules, "pandas", None)
    result = run("audit", report, "--suite", ROOT / "examples" / "audit-suite.json")
    assert result.exit_code == 2
    assert result.stderr.strip().endswith("pip install 'reportlint[gx]'")


def test_ci_templates_install_from_a_path_or_url_not_an_unpublished_name():
    templates = ROOT / "reportlint" / "ci" / "templates"
    for path in templates.iterdir():
        text = path.read_text(encoding="utf-8")
        installs = [line.strip().lstrip("- ").removeprefix("run: ") for line in text.splitlines() if "pip install" in line]
        assert installs == ['pip install "$REPORTLINT_SOURCE"'], path.name
        assert "REPORTLINT_SOURCE: ./tools/reportlint" in text, path.name
