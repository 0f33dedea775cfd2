"""部门决算 completeness: RL507 (the standard tables) and RL508 (notes on empty tables), on tables written here."""

import pytest

from reportlint.checks.final_accounts import table_title
from reportlint.lint import lint_text


def found(text, code):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == code]


def table(title, rows):
    return f"{title}\n单位：万元\n" + "".join(f"| {' | '.join(r)} |\n" for r in rows)


FILLED = [("项目", "决算数"), ("一般公共预算财政拨款收入", "120.00"), ("合计", "120.00")]
EMPTY = [("项目", "本年支出"), ("合计", ""), ("小计", "")]


@pytest.mark.parametrize("line, name", [
    ("七、财政拨款“三公”经费支出决算表", "财政拨款“三公”经费支出决算表"),
    ("收入支出决算总表（公开01表）", "收入支出决算总表"),
    ("4.财政拨款收入支出决算总表", "财政拨款收入支出决算总表"),
    ("一般公共预算财政拨款基本支出决算明细表 单位：万元", "一般公共预算财政拨款基本支出决算表"),
    ("（九）国有资本经营预算财政拨款支出决算表", "国有资本经营预算财政拨款收入支出决算表"),
])
def test_a_title_line_is_the_table_whose_longest_name_it_ends_with(line, name):
    assert table_title(line)["name"] == name


@pytest.mark.parametrize("line", ["上海市某局2024年度部门决算表", "一、收入支出决算总体情况说明", "支出决算表的编制说明如下。"])
def test_other_lines_are_not_table_titles(line):
    assert table_title(line) is None


def test_a_table_the_contents_names_but_the_body_lacks():
    text = ("某县农业局2024年度部门决算\n目录\n一、收入支出决算总表\n二、收入决算表\n三、政府性基金预算财政拨款收入支出决算表\n"
            + table("一、收入支出决算总表", FILLED) + table("二、收入决算表", FILLED))
    hits = found(text, "RL507")
    assert [(h[0], h[1]) for h in hits] == [(5, "warning")] and "政府性基金" in hits[0][2]


def test_a_nine_table_report_lacking_one():
    names = ["收入支出决算总表", "收入决算表", "支出决算表", "财政拨款收入支出决算总表", "一般公共预算财政拨款支出决算表",
             "一般公共预算财政拨款基本支出决算表", "财政拨款“三公”经费支出决算表", "政府性基金预算财政拨款收入支出决算表"]
    text = "某市审计局2023年度部门决算\n" + "".join(table(n, FILLED) + "注：本表反映本年度情况。\n" for n in names)
    hits = found(text, "RL507")
    assert len(hits) == 1 and "国有资本经营" in hits[0][2]


@pytest.mark.parametrize("text", [
    # a 决算说明 without its tables
    "某县农业局2024年度部门决算说明\n一、收入支出决算总体情况说明\n本年收入合计120.00万元。\n",
    # another format with three tables and no contents list naming the rest
    "某大学2024年度部门决算\n" + table("收入支出决算总表", FILLED) + table("收入决算表", FILLED) + table("支出决算表", FILLED),
    # a budget
    "某区统计局2026年部门预算\n" + table("收入支出预算总表", FILLED),
])
def test_reports_not_in_the_nine_table_format_are_not_judged(text):
    assert found(text, "RL507") == []


@pytest.mark.parametrize("note", ["注：本部门无“三公”经费支出，故本表为空表。", "说明：本单位本年度没有该项支出，本表无数据。",
                                  "本表为空表。"])
def test_a_note_saying_empty_under_a_table_with_figures_is_an_error(note):
    text = "某局2024年度部门决算\n" + table("三、“三公”经费支出决算表", [("项目", "公务接待费"), ("决算数", "1.20"), ("预算数", "1.50")]) + note + "\n"
    hits = found(text, "RL508")
    assert [h[1] for h in hits] == ["error"] and "1.20" in hits[0][2]


def test_an_empty_table_needs_its_note_in_a_filled_report():
    text = ("某局2024年度部门决算\n" + table("一、收入支出决算总表", FILLED)
            + table("九、国有资本经营预算财政拨款收入支出决算表", EMPTY))
    hits = found(text, "RL508")
    assert [h[1] for h in hits] == ["warning"] and "国有资本经营" in hits[0][2]


@pytest.mark.parametrize("text", [
    "某局2024年度部门决算\n" + table("一、收入支出决算总表", FILLED)
    + table("九、国有资本经营预算财政拨款收入支出决算表", EMPTY) + "注：本单位无国有资本经营预算财政拨款支出，故本表无数据。\n",
    # a blank template: every table empty, nothing filled in to judge against
    "某局2024年度部门决算\n" + table("一、收入支出决算总表", EMPTY) + table("二、收入决算表", EMPTY),
    # classification codes are not amounts
    "某局2024年度部门决算\n" + table("一、收入支出决算总表", FILLED)
    + table("五、一般公共预算财政拨款支出决算表", [("科目编码", "科目名称", "合计"), ("205", "教育支出", ""), ("20502", "普通教育", "")])
    + "注：本表无数据。\n",
])
def test_empty_tables_with_their_notes_are_fine(text):
    assert found(text, "RL508") == []


def test_a_note_after_another_tables_title_is_that_tables():
    """An empty table whose grid was not found (only its title): the note under it is not the table above's."""
    text = ("某局2024年度部门决算\n" + table("七、财政拨款“三公”经费支出决算表", [("项目", "公务接待费"), ("决算数", "1.20"), ("预算数", "1.50")])
            + "八、政府性基金预算财政拨款收入支出决算表\n注：本单位无政府性基金预算财政拨款收入支出，故本表无数据。\n")
    assert [h for h in found(text, "RL508") if h[1] == "error"] == []
