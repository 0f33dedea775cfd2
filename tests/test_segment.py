from reportlint.parse.segment import chinese_number, match_heading


def test_chinese_numbers():
    assert [chinese_number(x) for x in ("一", "九", "十", "十二", "二十", "二十三")] == [1, 9, 10, 12, 20, 23]


def test_heading_styles():
    assert match_heading("一、部门概况")[:2] == ("cn-dun", 1)
    assert match_heading("(二)项目支出")[:2] == ("cn-paren", 2)
    assert match_heading("8、 下一步改进措施")[:2] == ("num-dun", 8)
    assert match_heading("1.基本支出情况")[:2] == ("num-dot", 1)
    assert match_heading("(3) 主要职能")[:2] == ("num-paren", 3)
    assert match_heading("③区级办公室")[:2] == ("circled", 3)
    assert match_heading("第二部分 部门决算")[:2] == ("part", 2)
    assert match_heading("1.5万元") is None
    assert match_heading("2022年预算") is None


DOCX = (
    "标题\n\n"
    "\t部门（单位）年度支出和结余情况（万元）\n\n"
    "\t机构名称\n\t支出合计\n\t其中：\n\t结余\n\n"
    "\t\n\t\n\t基本支出\n\t其中：\n\t项目支出\n\t当年结余\n\t累计结余\n\n"
    "\t\n\t\n\t\n\t人员支出\n\t公用支出\n\t\n\t\n\t\n\n"
    "\t局机关及二级机构汇总\n\t1125.76\n\t135.36\n\t112.53\n\t22.83\n\t990.4\n\t469.57\n\t\n\n"
    "\t1、局机关\n\t1125.76\n\t135.36\n\t112.53\n\t22.83\n\t990.4\n\t469.57\n\t\n\n"
    "说明文字。\n"
)


def test_docx_table_with_a_three_row_merged_header(parse):
    doc = parse(DOCX)
    assert len(doc.tables) == 1
    table = doc.tables[0]
    assert table.unit == "万元"
    assert table.header_rows == 3
    leaves = [h.split("/")[-1] for h in table.column_headers]
    assert leaves == ["机构名称", "支出合计", "基本支出", "人员支出", "公用支出", "项目支出", "当年结余", "累计结余"]
    cell = next(f for f in doc.figures if f.text == "1125.76")
    assert cell.table.row_header == "局机关及二级机构汇总"
    assert cell.table.column_header.endswith("支出合计")
    assert (cell.span.start.line, cell.span.start.column) == (28, 2)
    assert cell.concept == "expenditure_total"
    people = next(f for f in doc.figures if f.text == "112.53")
    assert people.concept == "personnel_cost" and people.unit == "万元"


PIPE = (
    "单位:万元\n"
    "项 目 |\n预 算 数 |\n决 算 数 |\n"
    "合 计 |\n49.9 |\n7.69 |\n"
    "公务接待费 |\n14.9 |\n5.21 |\n"
    "因公出国(境)费 |\n20 |\n|\n"
    "说明。\n"
)


def test_pipe_table_one_cell_a_line(parse):
    doc = parse(PIPE)
    table = doc.tables[0]
    assert [[c.text for c in row] for row in table.rows] == [
        ["项目", "预算数", "决算数"], ["合计", "49.9", "7.69"], ["公务接待费", "14.9", "5.21"], ["因公出国(境)费", "20", ""],
    ]
    budget = next(f for f in doc.figures if f.text == "14.9")
    assert budget.concept == "sangong_reception"
    assert dict(budget.qualifiers)["state"] == "budget"
    assert budget.unit == "万元"
