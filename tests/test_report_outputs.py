"""The outputs an auditor and a CI gate read: every format carries a finding's place in the document's own terms
(第1页第10行, 表1 第4行 第3列); related figures are whole figures, not their first digit; the HTML report shows a
table finding as its table, says how the run was made, keeps clean files to one line and exports its findings
as CSV; JUnit is byte-identical across runs under SOURCE_DATE_EPOCH. Reports written for these tests
(tests/format_writers.py, examples/)."""

import csv
import hashlib
import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from reportlint.cli import main
from tests import format_writers as W
from tests.test_html import browser

ROOT = Path(__file__).resolve().parent.parent
EXAMPLES = ROOT / "examples"
TABLE_TOTAL = "合计行“决算数(万元)”列写作 1530.36，但各行之和为 1520.36（484.14 + 1036.22）"


def run(*args, env=None):
    return CliRunner().invoke(main, [str(a) for a in args], env=env)


@pytest.fixture(scope="module")
def docx(tmp_path_factory):
    path = tmp_path_factory.mktemp("docx") / "报告.docx"
    W.write_docx(path)
    return path


@pytest.fixture(scope="module")
def pdf(tmp_path_factory):
    path = tmp_path_factory.mktemp("pdf") / "报告.pdf"
    W.write_pdf(path)
    return path


# --- locations in every format (#14) --------------------------------------------------------------------------

def test_json_carries_locations(docx):
    findings = json.loads(run(docx, "--format", "json").stdout)["findings"]
    table = next(f for f in findings if f["code"] == "RL108")
    assert table["location"] == "表1 第4行 第3列"
    rate = next(f for f in findings if f["code"] == "RL201")
    assert rate["location"] == "第6段" and [r["location"] for r in rate["related"]] == ["第6段", "第6段"]


def test_junit_carries_locations_in_the_text_and_as_an_xunit1_attribute(pdf):
    strict = run(pdf, "--format", "junit").stdout
    assert f'message="{TABLE_TOTAL}（第1页 表1 第4行 第3列）"' in strict
    assert "分子 1520.36万元（第1页第10行）" in strict  # a related place, in the failure text
    assert 'location="' not in strict  # the strict flavour stays schema-valid
    xunit1 = run(pdf, "--format", "junit", "--junit-flavor", "xunit1").stdout
    assert re.search(r'<testcase name="RL108[^>]* line="23"[^>]* location="第1页 表1 第4行 第3列"', xunit1)


def test_github_and_gitlab_carry_locations(docx):
    annotations = [line for line in run(docx, "--format", "github").stdout.splitlines() if line.startswith("::error")]
    assert any(line.endswith(f"::{TABLE_TOTAL}（表1 第4行 第3列）") for line in annotations)
    issues = json.loads(run(docx, "--format", "gitlab").stdout)
    assert f"RL108: {TABLE_TOTAL}（表1 第4行 第3列）" in [i["description"] for i in issues]


def test_sarif_related_locations_span_the_whole_figure():
    sarif = json.loads(run(EXAMPLES / "defective.txt", "--format", "sarif").stdout)
    lines = (EXAMPLES / "defective.txt").read_text(encoding="utf-8").splitlines()
    related = [r for result in sarif["runs"][0]["results"] for r in result.get("relatedLocations", [])]
    assert related
    texts = set()
    for r in related:
        region = r["physicalLocation"]["region"]
        assert region["endLine"] == region["startLine"]
        texts.add(lines[region["startLine"] - 1][region["startColumn"] - 1:region["endColumn"] - 1])
    assert {"520.10万元", "95.10万元", "980.40万元"} <= texts


# --- the HTML report -----------------------------------------------------------------------------------------

def _html(tmp_path, *paths, env=None, extra=()):
    out = tmp_path / "r.html"
    result = run(*paths, "--format", "html", "-o", out, *extra, env=env)
    assert result.exit_code in (0, 1), result.output
    return out, out.read_text(encoding="utf-8")


def test_a_table_finding_shows_its_table_with_the_cells_highlighted(tmp_path, docx):
    _, html = _html(tmp_path, docx)
    finding = html.split('data-code="RL108"')[1].split('<div class="finding"')[0]
    grid = re.search(r'<table class="grid".*?</table>', finding).group(0)
    assert "<caption>表1 收入支出决算表</caption>" in grid
    assert '<th scope="col">决算数(万元)</th>' in grid and '<th scope="row">合计</th>' in grid
    assert '<td class="hit">1530.36</td>' in grid
    assert re.findall(r'<td class="rel">([^<]*)</td>', grid) == ["484.14", "1036.22"]
    assert "表1 第4行 第3列" in finding


def test_related_figures_are_highlighted_whole(tmp_path):
    _, html = _html(tmp_path, EXAMPLES / "defective.txt")
    marks = re.findall(r'<mark class="related">([^<]*)</mark>', html)
    assert "520.10万元" in marks and "95.10万元" in marks
    assert all(len(m) > 1 for m in marks)


def test_run_header_names_date_version_configuration_fail_level_and_hashes(tmp_path):
    project = tmp_path / "p"
    project.mkdir()
    (project / "reportlint.toml").write_text('ignore = ["RL502"]\nfail-level = "warning"\n', encoding="utf-8")
    report = project / "defective.txt"
    report.write_bytes((EXAMPLES / "defective.txt").read_bytes())
    digest = hashlib.sha256(report.read_bytes()).hexdigest()
    env = {"SOURCE_DATE_EPOCH": "1700000000"}
    cwd = os.getcwd()
    os.chdir(project)
    try:
        _, html = _html(tmp_path, "defective.txt", env=env)
    finally:
        os.chdir(cwd)
    header = html.split("<header>")[1].split("</header>")[0]
    assert "<dt>日期</dt><dd>2023-11-14 22:13:20 UTC</dd>" in header
    assert "<dt>版本</dt><dd>reportlint 0.1.0</dd>" in header
    assert f"<dt>配置</dt><dd>{project / 'reportlint.toml'}</dd>" in header
    assert "<dt>忽略规则</dt><dd>RL502</dd>" in header and "<dt>失败级别</dt><dd>warning</dd>" in header
    assert f'<td>defective.txt</td><td class="hash">{digest}</td>' in header


def test_chart_has_a_legend_and_clean_files_are_one_line(tmp_path):
    _, html = _html(tmp_path, EXAMPLES / "clean.txt", EXAMPLES / "defective.txt", EXAMPLES / "scored.txt")
    legend = re.search(r'<div class="legend" id="legend">(.*?)</div>', html).group(1)
    assert re.findall(r"</i>([^<]+)</span>", legend) == ["错误", "警告", "提示"]
    assert html.count('<section class="report"') == 1  # the clean reports have no section of their own
    clean = re.search(r'<details class="clean" id="clean"><summary>(.*?)</summary><p>(.*?)</p>', html)
    assert clean.group(1) == "2 个文件未发现问题"
    assert [Path(p).name for p in clean.group(2).split("、")] == ["clean.txt", "scored.txt"]
    overview = html.split('<table id="overview">')[1].split("</table>")[0]
    assert "clean.txt" not in overview


def test_the_page_exports_its_findings_as_csv_in_the_browser(tmp_path, docx):
    out, html = _html(tmp_path, docx, EXAMPLES / "defective.txt")
    assert 'id="export-csv"' in html and "exportCsv()" in html
    probe = tmp_path / "probe.html"  # the page, with a script that puts the CSV where --dump-dom shows it
    probe.write_text(html.replace("</body>", "<script>var p=document.createElement('pre');p.id='csv-out';"
                                             "p.textContent=findingsCsv();document.body.appendChild(p);</script></body>"),
                     encoding="utf-8")
    dom = browser(tmp_path, "--dump-dom", probe.as_uri()).stdout
    text = re.search(r'<pre id="csv-out">(.*?)</pre>', dom, re.S).group(1)
    text = text.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
    rows = list(csv.reader(io.StringIO(text)))
    assert rows[0] == ["文件", "行", "列", "位置", "代码", "严重程度", "说明"]
    table = next(r for r in rows if r[4] == "RL108")
    assert table[1:4] == ["23", "2", "表1 第4行 第3列"] and table[6] == TABLE_TOTAL
    assert len(rows) - 1 == html.count('<div class="finding"')


def test_screenshot_of_a_table_finding(tmp_path, docx):
    out, _ = _html(tmp_path, docx)
    shot = tmp_path / "table-finding.png"
    browser(tmp_path, "--window-size=1280,1200", f"--screenshot={shot}", out.as_uri())
    assert shot.exists() and shot.stat().st_size > 10_000
    (ROOT / "build").mkdir(exist_ok=True)
    (ROOT / "build" / "html-table-finding.png").write_bytes(shot.read_bytes())  # for a person to look at


def test_each_rule_is_documented_once_and_linked_from_its_findings(tmp_path):
    _, html = _html(tmp_path, EXAMPLES / "defective.txt", EXAMPLES / "defective.txt")
    assert html.count('<details class="rule" id="rule-RL101">') == 1
    assert html.count('href="#rule-RL101"') == html.count('data-code="RL101"') == 2


def test_html_of_many_files_is_not_quadratic_in_lookups():
    from reportlint.lint import FileResult
    from reportlint.output.html import render

    class Results(list):
        def index(self, *args):  # the page must not search the list once per file
            raise AssertionError("results.index called")

    results = Results(FileResult(f"r{k}.txt") for k in range(50))
    assert render(results).count("r49.txt") >= 2


# --- JUnit determinism (#16) ---------------------------------------------------------------------------------

def test_junit_is_byte_identical_under_source_date_epoch(tmp_path, pdf):
    env = dict(os.environ, SOURCE_DATE_EPOCH="1700000000", PYTHONPATH=str(ROOT))
    outputs = []
    for k in range(2):
        target = tmp_path / f"j{k}.xml"
        subprocess.run([sys.executable, "-m", "reportlint", str(EXAMPLES), str(pdf), "--format", "junit", "-j", "2",
                        "-o", str(target)], env=env, cwd=tmp_path, capture_output=True)
        outputs.append(target.read_bytes())
    assert outputs[0] == outputs[1]
    stamps = set(re.findall(rb'timestamp="([^"]+)"', outputs[0]))
    assert stamps == {b"2023-11-14T22:13:20"}
