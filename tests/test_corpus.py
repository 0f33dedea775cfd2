"""The real reports in ../shared/corpus (skipped when absent): what KNOWN.md says must and must not be found."""

import pytest

from tests.conftest import CORPUS, corpus_file
from reportlint.lint import lint_path

SEEDS = {
    "000": "000_67f550198d85a873.txt", "001": "001_b7240df7c1453165.txt", "002": "002_c42d57f465f58eea.txt",
    "003": "003_e6352aca6d0ff918.txt", "004": "004_08874745f9f1f8cd.txt",
}


def findings(seed):
    return lint_path(str(corpus_file("seeds", SEEDS[seed]))).findings


def at(found, code, line=None):
    return [f for f in found if f.code == code and (line is None or f.line == line)]


def test_every_corpus_file_parses_and_lints():
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    files = sorted(CORPUS.rglob("*.txt"))
    assert len(files) >= 45
    with_figures = 0
    for path in files:
        result = lint_path(str(path))
        assert not result.failed, path
        assert not [f for f in result.findings if f.code == "RL009"], path
        with_figures += bool(result.document.figures)
    assert with_figures >= len(files) - 3  # a few excerpts are prose without a single figure


def test_002_contradictory_totals():
    found = findings("002")
    lines = sorted((f.line, f.column) for f in at(found, "RL301"))
    assert lines == [(44, 5), (44, 21), (48, 25)]
    assert all(f.related[0].line == 38 for f in at(found, "RL301"))
    assert not at(found, "RL202")  # 76.46% and 23.54% are right arithmetic on the wrong total


def test_004_basic_and_personnel_restated():
    found = findings("004")
    assert sorted(f.line for f in at(found, "RL301")) == [392, 392]
    assert not [f for f in found if f.code in ("RL101", "RL102", "RL201", "RL202")]
    assert not at(found, "RL601") and not at(found, "RL602")  # 97 and 优秀 agree with the score table


def test_003_unit_slip_and_missing_sections():
    found = findings("003")
    assert [(f.line, f.column) for f in at(found, "RL401")] == [(16, 32)]
    missing = " ".join(f.message for f in at(found, "RL501"))
    for name in ("存在的主要问题", "下一步改进措施", "绩效自评结果拟应用和公开情况", "其他需要说明的情况"):
        assert name in missing
    assert at(found, "RL901") and at(found, "RL902", 44)


def test_001_score_and_numbering():
    found = findings("001")
    assert at(found, "RL601", 37) and "88" in at(found, "RL601", 37)[0].message
    assert at(found, "RL602", 37)
    assert {f.line for f in at(found, "RL502")} >= {42, 55, 59}
    assert not [f for f in found if f.code.startswith(("RL1", "RL2", "RL3"))]  # 484.14 vs 484.15, 87.50% = 7/8


def test_000_is_clean_of_arithmetic_findings():
    found = findings("000")
    assert not [f for f in found if f.code.startswith(("RL1", "RL2", "RL3", "RL4"))]


def test_002_restarted_numerals():
    assert at(findings("002"), "RL502", 91)


def test_real_excerpts_raise_no_false_errors():
    """✓ and ~ items must not be flagged; the errors left are real defects: 016 (下降0.006%; 因公出国 and 公务用车
    "与预算相比无增减/无变化" against budgets of 20 and 15), 024 (75800 with
    +52044.27/+50.63%), 001 (84.06% + 19.62% of one whole), 002 (基本支出 911000.39 where 人员经费 + 公用经费
    = 881300.39, the 基本支出 its line 4 states; the difference is exactly its 项目支出 29700), 035
    (公务用车运行维护费 3758 is "为年初预算数4688万元的80.51%", but 3758 / 4688 = 80.16%)."""
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    errors = {}
    for path in sorted((CORPUS / "real").glob("*.txt")):
        for f in lint_path(str(path)).findings:
            if f.severity == "error":
                errors.setdefault(path.name, []).append(f.code)
    assert errors == {"001.txt": ["RL204"], "002.txt": ["RL101"], "016.txt": ["RL302", "RL203", "RL302"],
                      "024.txt": ["RL203"], "035.txt": ["RL201"]}


def facts_of(seed):
    from reportlint.parse import parse_bytes

    path = corpus_file("seeds", SEEDS[seed])
    return parse_bytes(path.read_bytes(), str(path))


def test_facts_002_totals_under_one_concept():
    doc = facts_of("002")
    by = {(f.span.start.line, f.text): f for f in doc.figures}
    assert by[(38, "2677.20万元")].concept == by[(44, "2665.79万元")].concept == "expenditure_total"
    assert by[(38, "2049.72万元")].concept == by[(44, "2038.31万元")].concept == "basic_expenditure"


def test_facts_004_tables_are_grids_with_headers():
    doc = facts_of("004")
    cell = next(f for f in doc.figures if f.text == "1125.76" and f.table)
    assert cell.table.row_header == "局机关及二级机构汇总"
    assert cell.table.column_header.split("/")[-1] == "支出合计"
    assert cell.unit == "万元"
    income = next(t for t in doc.tables if "收入合计" in "".join(t.column_headers))
    row = next(r for r in income.rows if r[0].text == "局机关及二级机构汇总")
    assert [c.text for c in row] == ["局机关及二级机构汇总", "1595.33", "", "797.73", "797.6", "", ""]
    sangong = next(t for t in doc.tables if any("公务接待费" in h for h in t.column_headers))
    leaves = [h.split("/")[-1] for h in sangong.column_headers]
    assert leaves[1:6] == ["三公经费合计", "公务接待费", "公务用车运维费", "公务用车购置费", "因公出国费"]
    reception = next(f for f in doc.figures if f.table and f.table.table == sangong.index and f.text == "8")
    assert reception.concept == "sangong_reception"


def test_facts_001_self_evaluation_rows():
    doc = facts_of("001")
    weights = {f.table.row_header: f.value for f in doc.figures if f.concept == "weight"}
    scores = {f.table.row_header: f.value for f in doc.figures if f.concept == "score"}
    assert weights["网上中介服务超市"] == 5 and scores["网上中介服务超市"] == 5
    assert scores["优化资源，提高财政资金使用效益"] == 9
    assert sum(scores.values()) == 88


def test_every_encoding_gives_the_same_findings(tmp_path):
    path = corpus_file("seeds", SEEDS["002"])
    text = path.read_text(encoding="utf-8")
    results = []
    for name, data in (("u8", text.encode("utf-8")), ("gb", text.encode("gb18030")),
                       ("u16", text.encode("utf-16"))):
        target = tmp_path / f"{name}.txt"
        target.write_bytes(data)
        results.append([(f.code, f.line, f.column, f.message) for f in lint_path(str(target)).findings])
    assert results[0] == results[1] == results[2]


def test_facts_of_the_whole_corpus_load_in_pandas_and_pass_the_schema(tmp_path):
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    import pandas as pd
    from click.testing import CliRunner

    from reportlint.cli import main
    from reportlint.validators.schemas import FIGURES, FINDINGS, RELATIONS

    out = tmp_path / "facts.parquet"
    result = CliRunner().invoke(main, ["facts", str(CORPUS), "--format", "parquet", "-o", str(out),
                                       "--relations", "--findings"])
    assert result.exit_code == 0, result.output
    figures = pd.read_parquet(out)
    assert len(figures) > 1000 and figures["path"].nunique() >= 40
    FIGURES.validate(figures)
    RELATIONS.validate(pd.read_parquet(tmp_path / "facts.relations.parquet"))
    FINDINGS.validate(pd.read_parquet(tmp_path / "facts.findings.parquet"))
