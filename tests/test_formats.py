"""Structured formats (issue 14): the same report as .txt, .docx, .xlsx, .html and .pdf gives the same findings,
each located in its own terms; hostile files end in an RL0xx finding; the real PDFs read."""

from __future__ import annotations

import re
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import format_writers as W
from reportlint.lint import expand_paths, lint_path

FORMATS = {"txt": W.write_txt, "docx": W.write_docx, "xlsx": W.write_xlsx, "html": W.write_html, "pdf": W.write_pdf}
CORPUS = Path(__file__).resolve().parents[1].parent / "shared" / "corpus" / "pdf"
if not CORPUS.exists():
    CORPUS = Path("/work/shared/corpus/pdf")
LOCATION = {"docx": r"^(第\d+段|表\d+ 第\d+行 第\d+列)$", "xlsx": r"^自评报告![A-Z]+\d+$",
            "html": r"^(第\d+段|表\d+ 第\d+行 第\d+列)$", "pdf": r"^第\d+页( ?表\d+ 第\d+行 第\d+列|第\d+行)$", "txt": r"^$"}


@pytest.fixture(scope="module")
def written(tmp_path_factory):
    folder = tmp_path_factory.mktemp("formats")
    paths = {}
    for ext, write in FORMATS.items():
        paths[ext] = folder / f"自评报告.{ext}"
        write(paths[ext])
    return paths


def summary(result):
    """(code, the figures in the message) — line numbers in the message differ between views."""
    return sorted((f.code, tuple(re.findall(r"\d+(?:\.\d+)?%?", re.sub(r"第\d+行", "", f.message)))) for f in result.findings)


def test_five_formats_give_the_same_findings(written):
    results = {ext: lint_path(str(path)) for ext, path in written.items()}
    expected = summary(results["txt"])
    assert [code for code, _ in expected] == ["RL108", "RL201"], expected  # the planted sum and rate errors
    for ext, result in results.items():
        assert summary(result) == expected, ext


@pytest.mark.parametrize("ext", sorted(FORMATS))
def test_each_finding_is_located_in_the_formats_own_terms(written, ext):
    result = lint_path(str(written[ext]))
    assert result.findings
    for f in result.findings:
        assert re.match(LOCATION[ext], f.location), (ext, f.location)
    if ext == "xlsx":
        assert {f.code: f.location for f in result.findings}["RL108"] == "自评报告!C11"
    if ext in ("docx", "html"):
        assert {f.code: f.location for f in result.findings}["RL108"] == "表1 第4行 第3列"


def test_json_and_show_carry_the_location(written):
    from click.testing import CliRunner

    from reportlint.cli import main

    out = CliRunner().invoke(main, ["check", str(written["docx"]), "--format", "json"])
    assert out.exit_code == 1 and '"location": "表1 第4行 第3列"' in out.output
    shown = CliRunner().invoke(main, ["show", str(written["pdf"])])
    assert shown.exit_code == 0 and "第1页 表1 第4行 第3列  →1530.36" in shown.output
    assert "- 1 -" not in shown.output and "某市文化局信息公开" not in shown.output  # page furniture dropped


def test_merged_cells_are_resolved_as_the_dump_convention_says(written):
    from reportlint.formats import extract

    for ext in ("docx", "xlsx", "html", "pdf"):
        lines = list(extract(str(written[ext])).lines)
        start = lines.index("\t一级指标")
        assert lines[start:start + 6] == ["\t一级指标", "\t二级指标", "\t三级指标", "\t分值", "\t得分", ""], ext
        body = "\n".join(lines[start:])
        assert "\t投 入\n（15分）" in body.replace("投  入", "投 入"), ext  # a two-line cell
        assert "\t\n\t预算执行\n（10分）" in body, ext  # the merged 一级指标's continuation is an empty cell
        assert "\t合计\n\t100\n\t97\n" in body, ext  # the 合计 row's horizontal merge appears once


def test_directories_pick_up_every_supported_type(written, tmp_path):
    found = expand_paths([str(next(iter(written.values())).parent)])
    assert sorted(Path(p).suffix for p in found) == [".docx", ".html", ".pdf", ".txt", ".xlsx"]
    folder = str(written["pdf"].parent)
    assert [Path(p).suffix for p in expand_paths([folder], extensions=(".pdf",))] == [".pdf"]


def test_a_folder_without_reports_exits_2(tmp_path):
    from click.testing import CliRunner

    from reportlint.cli import main

    (tmp_path / "notes.md").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, [str(tmp_path)])
    assert result.exit_code == 2


def test_plain_text_start_up_does_not_import_the_readers(tmp_path):
    target = tmp_path / "r.txt"
    target.write_text("基本支出135.36万元。\n", encoding="utf-8")
    code = ("import sys; from reportlint.cli import main\n"
            "try:\n    main([%r])\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in ('docx', 'pdfplumber', 'pdfminer', 'openpyxl', 'lxml') if m in sys.modules))") % str(target)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=Path(__file__).parents[1])
    assert out.stdout.strip().splitlines()[-1] == "[]", out.stderr


# hostile input: an RL0xx finding, never a traceback

def codes(path) -> list[str]:
    return [f.code for f in lint_path(str(path)).findings]


def test_a_docx_that_is_not_a_zip(tmp_path):
    target = tmp_path / "假的.docx"
    target.write_bytes(b"this is not a zip file at all" * 10)
    assert codes(target) == ["RL022"]


def test_a_zip_bomb_docx(tmp_path):
    target = tmp_path / "bomb.docx"
    with zipfile.ZipFile(target, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("word/document.xml", b"<" + b"a" * (300 * 1024 * 1024))
    assert codes(target) == ["RL023"]


def test_truncated_and_encrypted_pdfs(written, tmp_path):
    data = written["pdf"].read_bytes()
    truncated = tmp_path / "truncated.pdf"
    truncated.write_bytes(data[: len(data) // 3])
    assert all(c.startswith("RL0") for c in codes(truncated))
    garbage = tmp_path / "garbage.pdf"
    garbage.write_bytes(b"%PDF-1.4\n" + b"\x00garbage" * 100)
    assert codes(garbage) in (["RL022"], ["RL003"])
    from reportlab.lib import pdfencrypt
    from reportlab.pdfgen import canvas

    locked = tmp_path / "locked.pdf"
    page = canvas.Canvas(str(locked), encrypt=pdfencrypt.StandardEncryption("secret", ownerPassword="owner"))
    page.drawString(100, 700, "total 100")
    page.save()
    assert codes(locked) == ["RL021"]


def test_a_scan_without_text_layer(tmp_path):
    from PIL import Image
    from reportlab.pdfgen import canvas

    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(image)
    scan = tmp_path / "scan.pdf"
    page = canvas.Canvas(str(scan))
    page.drawImage(str(image), 50, 50, 400, 560)
    page.save()
    result = lint_path(str(scan))
    assert [f.code for f in result.findings] == ["RL020"] and "扫描件，无文字层" in result.findings[0].message


def test_a_scanned_page_inside_a_pdf_with_text_is_a_note_and_the_rest_is_checked(tmp_path):
    from PIL import Image
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.pdfgen import canvas

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    image = tmp_path / "scan.png"
    Image.new("RGB", (200, 280), "white").save(image)
    mixed = tmp_path / "mixed.pdf"
    page = canvas.Canvas(str(mixed))
    page.setFont("STSong-Light", 11)
    page.drawString(60, 760, "某局2024年度部门决算")
    page.drawString(60, 730, "基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元。")
    page.showPage()
    page.drawImage(str(image), 50, 50, 400, 560)
    page.showPage()
    page.save()
    result = lint_path(str(mixed))
    found = [(f.code, f.severity) for f in result.findings]
    assert ("RL024", "warning") in found and ("RL101", "error") in found
    note = next(f for f in result.findings if f.code == "RL024")
    assert "第2页" in note.message


def test_huge_html_and_an_xlsx_of_a_million_rows(tmp_path):
    big = tmp_path / "big.html"
    big.write_bytes(b"<html><body>" + b"<div><p>\xe5\x90\x88\xe8\xae\xa1 1.00</p></div>" * 2_000_000 + b"</body></html>")
    assert codes(big) == ["RL006"]  # 50 MB: over --max-bytes
    deep = tmp_path / "deep.html"
    deep.write_text("<div>" * 200_000 + "支出合计100万元" + "</div>" * 200_000, encoding="utf-8")
    start = time.time()
    assert all(c.startswith("RL") for c in codes(deep)) and time.time() - start < 30
    import openpyxl

    book = openpyxl.Workbook()
    book.active["A1"] = "合计"
    book.active["A1000000"] = 1
    sparse = tmp_path / "sparse.xlsx"
    book.save(str(sparse))
    start = time.time()
    lint_path(str(sparse))
    assert time.time() - start < 30


# the real documents in ../shared/corpus/pdf

def corpus(name):
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    return CORPUS / name


@pytest.fixture(scope="module")
def real():
    if not CORPUS.exists():
        pytest.skip("shared corpus not available")
    return {p.name: lint_path(str(p)) for p in sorted(CORPUS.iterdir()) if p.suffix in (".pdf", ".xlsx")}


def test_every_real_document_reads(real):
    assert len(real) == 9
    for name, result in real.items():
        assert not result.failed and not [f for f in result.findings if f.code.startswith("RL0")], name
        assert result.document.tables, name


def test_the_real_tables_come_out_as_grids_with_their_headers(real):
    doc = real["苏州市审计局2026年部门预算.pdf"].document
    headers = [t.column_headers for t in doc.tables]
    assert any("基本支出/人员经费" in h and "项目支出" in h for h in headers), headers[:8]


def test_the_known_defects_are_found(real):
    found = real["上海市普陀区财政局2024年度部门决算.pdf"].findings
    assert any(f.code == "RL202" and "71.73%" in f.message and "71.65%" in f.message and f.location == "第21页第25行"
               for f in found)
    jiangsu = [f.message for f in real["江苏省人民检察院2019年部门预算.pdf"].findings if f.code == "RL203"]
    assert any("13.22" in m and "22.21%" in m for m in jiangsu)


def test_the_blank_template_gives_no_arithmetic_finding(real):
    found = real["附件2：部门决算模板.pdf"].findings
    assert not [f for f in found if f.code[:3] in ("RL1", "RL2", "RL3")], [f.message for f in found]


@pytest.mark.parametrize("name", ["深圳市统计局2026年部门预算.pdf", "苏州市审计局2026年部门预算.pdf",
                                  "重庆市人民政府办公厅2026年部门预算.pdf"])
def test_the_clean_real_documents_have_no_error(real, name):
    assert not [f.message for f in real[name].findings if f.severity == "error"]
