"""One small report, written for the format tests as .txt (the tab-cell dump), .docx, .xlsx, .html and .pdf.

The report (written for these tests): prose with a breakdown, a 收支 table with a 合计 row, a score table with
merged 一级/二级指标 cells and two-line cells; one planted sum error (the table's 决算 合计 is 10.00 too high),
one planted rate error (预算执行率 96.52% where 1520.36 ÷ 1600.00 = 95.02%), and one clean relation with a 0.01
rounding tail (371.88 + 112.27 = 484.15 against 484.14).

A table is a list of rows; each row lists the cells that START in it as (text, rowspan, colspan) — HTML's model.
"""

from __future__ import annotations

TITLE = "某市文化局2023年度部门整体支出绩效自评报告"
SPENDING = [
    [("项目", 1, 1), ("预算数（万元）", 1, 1), ("决算数（万元）", 1, 1)],
    [("基本支出", 1, 1), ("490.00", 1, 1), ("484.14", 1, 1)],
    [("项目支出", 1, 1), ("1110.00", 1, 1), ("1036.22", 1, 1)],
    [("合计", 1, 1), ("1600.00", 1, 1), ("1530.36", 1, 1)],  # planted: 484.14 + 1036.22 = 1520.36
]
SCORES = [
    [("一级指标", 1, 1), ("二级指标", 1, 1), ("三级指标", 1, 1), ("分值", 1, 1), ("得分", 1, 1)],
    [("投  入\n（15分）", 2, 1), ("预算编制\n（5分）", 1, 1), ("预算编制科学性", 1, 1), ("5", 1, 1), ("5", 1, 1)],
    [("预算执行\n（10分）", 1, 1), ("预算执行率", 1, 1), ("10", 1, 1), ("10", 1, 1)],
    [("产  出\n（45分）", 3, 1), ("产出数量\n（25分）", 2, 1), ("任务完成率", 1, 1), ("15", 1, 1), ("15", 1, 1)],
    [("培训人次完成率", 1, 1), ("10", 1, 1), ("10", 1, 1)],
    [("产出质量\n（20分）", 1, 1), ("验收合格率", 1, 1), ("20", 1, 1), ("20", 1, 1)],
    [("效  益\n（30分）", 1, 1), ("社会效益\n（30分）", 1, 1), ("群众受益率", 1, 1), ("30", 1, 1), ("28", 1, 1)],
    [("满意度\n（10分）", 1, 1), ("满意度\n（10分）", 1, 1), ("服务对象满意度", 1, 1), ("10", 1, 1), ("9", 1, 1)],
    [("合计", 1, 3), ("100", 1, 1), ("97", 1, 1)],
]
BLOCKS = [
    ("p", TITLE),
    ("p", "一、部门基本情况"),
    ("p", "本部门负责全市文化事业的规划、管理和公共文化服务，内设办公室、财务科、公共服务科等六个科室，下属单位两个，"
          "年末实有人员四十二人。2023年度本部门支出合计1520.36万元，其中基本支出484.14万元，项目支出1036.22万元。"),
    ("p", "二、预算执行情况"),
    ("p", "基本支出484.14万元，其中人员经费371.88万元，公用经费112.27万元，主要用于保障机构正常运转和在职人员的工资福利，"
          "各项支出均按照预算批复的用途执行。"),
    ("p", "全年预算数1600.00万元，实际支出1520.36万元，预算执行率为96.52%。"),
    ("p", "表1 收入支出决算表"),
    ("table", SPENDING),
    ("p", "三、绩效自评结论"),
    ("p", "经自评，本部门2023年度部门整体支出绩效自评得分97分，等级为优。"),
    ("p", "附件：评分表"),
    ("table", SCORES),
]


def grid(table):
    """(row, col, rowspan, colspan, text) of every cell, placing cells as HTML does."""
    taken: set[tuple[int, int]] = set()
    out = []
    for r, row in enumerate(table):
        c = 0
        for text, rowspan, colspan in row:
            while (r, c) in taken:
                c += 1
            out.append((r, c, rowspan, colspan, text))
            taken.update((r + dr, c + dc) for dr in range(rowspan) for dc in range(colspan))
            c += colspan
    return out


def width(table) -> int:
    return max(c + cs for _, c, _, cs, _ in grid(table))


def write_txt(path) -> None:
    """The Word-dump form: one cell a line behind a tab, a vertically merged cell's rows below it empty."""
    out: list[str] = []
    for kind, body in BLOCKS:
        if kind == "p":
            out.append(body)
            continue
        cells = grid(body)
        starts = {(r, c): (rs, cs, t) for r, c, rs, cs, t in cells}
        below = {(r + k, c): cs for r, c, rs, cs, _ in cells for k in range(1, rs)}
        out.append("")
        for r in range(len(body)):
            c = 0
            while c < width(body):
                if (r, c) in starts:
                    rs, cs, text = starts[(r, c)]
                    first, *rest = text.split("\n")
                    out.append("\t" + first)
                    out.extend(rest)
                    c += cs
                elif (r, c) in below:
                    out.append("\t")
                    c += below[(r, c)]
                else:
                    c += 1
            out.append("")
    path.write_text("\n".join(out) + "\n", encoding="utf-8")


def write_html(path) -> None:
    parts = ["<!DOCTYPE html><html><head><meta charset='utf-8'><title>x</title><style>td{border:1px}</style>"
             "<script>var 合计 = 999;</script></head><body><nav>首页 &gt; 信息公开 &gt; 合计 1.00</nav>"]
    for kind, body in BLOCKS:
        if kind == "p":
            parts.append(f"<p>{body}</p>")
            continue
        parts.append("<table border='1'>")
        for row in body:
            parts.append("<tr>" + "".join(
                f"<td rowspan='{rs}' colspan='{cs}'>{text.replace(chr(10), '<br>')}</td>" for text, rs, cs in row) + "</tr>")
        parts.append("</table>")
    parts.append("<footer><script>document.write('x')</script></footer></body></html>")
    path.write_text("\n".join(parts), encoding="utf-8")


def write_docx(path) -> None:
    import docx

    document = docx.Document()
    for kind, body in BLOCKS:
        if kind == "p":
            document.add_paragraph(body)
            continue
        table = document.add_table(rows=len(body), cols=width(body))
        table.style = "Table Grid"
        for r, c, rs, cs, text in grid(body):
            cell = table.cell(r, c)
            if rs > 1 or cs > 1:
                cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
            first, *rest = text.split("\n")
            cell.paragraphs[0].text = first
            for extra in cell.paragraphs[1:]:
                extra._p.getparent().remove(extra._p)
            for line in rest:
                cell.add_paragraph(line)
        document.add_paragraph("")
    document.save(str(path))


def write_xlsx(path) -> None:
    import openpyxl
    from openpyxl.styles import Alignment

    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "自评报告"
    r = 1
    for kind, body in BLOCKS:
        if kind == "p":
            sheet.cell(r, 1, body)
            r += 1
            continue
        for row, col, rs, cs, text in grid(body):
            cell = sheet.cell(r + row, 1 + col)
            if text.replace(".", "", 1).isdigit():
                cell.value = float(text) if "." in text else int(text)
                cell.number_format = "0.00" if "." in text else "0"
            else:
                cell.value = text
                cell.alignment = Alignment(wrap_text=True)
            if rs > 1 or cs > 1:
                sheet.merge_cells(start_row=r + row, start_column=1 + col, end_row=r + row + rs - 1,
                                  end_column=col + cs)
        r += len(body) + 1
    book.save(str(path))


def write_pdf(path) -> None:
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
    body_style = ParagraphStyle("body", fontName="STSong-Light", fontSize=11, leading=18, firstLineIndent=22,
                                wordWrap="CJK")
    head_style = ParagraphStyle("head", fontName="STSong-Light", fontSize=11, leading=18, wordWrap="CJK")
    story = []
    for kind, body in BLOCKS:
        if kind == "p":
            story.append(Paragraph(body, body_style if len(body) > 30 else head_style))
            continue
        data = [["" for _ in range(width(body))] for _ in body]
        spans = []
        for r, c, rs, cs, text in grid(body):
            data[r][c] = text
            if rs > 1 or cs > 1:
                spans.append(("SPAN", (c, r), (c + cs - 1, r + rs - 1)))
        table = Table(data)
        table.setStyle(TableStyle([("FONTNAME", (0, 0), (-1, -1), "STSong-Light"), ("FONTSIZE", (0, 0), (-1, -1), 10),
                                   ("GRID", (0, 0), (-1, -1), 0.5, colors.black), ("VALIGN", (0, 0), (-1, -1), "MIDDLE")]
                                  + spans))
        story.append(table)
        if body is SPENDING:
            story.append(PageBreak())

    def page_furniture(canvas, doc):
        canvas.setFont("STSong-Light", 9)
        canvas.drawCentredString(A4[0] / 2, A4[1] - 30, "某市文化局信息公开")
        canvas.drawCentredString(A4[0] / 2, 25, f"- {doc.page} -")

    SimpleDocTemplate(str(path), pagesize=A4).build(story, onFirstPage=page_furniture, onLaterPages=page_furniture)
