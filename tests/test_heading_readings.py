"""Numbered lines that are not headings of the body (RL502 judges only real headings)."""

import pytest

from reportlint.lint import lint_text


def numbering(text: str):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == "RL502"]


BODY = "本部门认真落实预算管理要求，全年完成各项任务，资金使用规范。\n"


@pytest.mark.parametrize("contents", [
    "目录\n一、部门概况\n二、绩效目标\n三、自评结论\n附件1 评分表\n",
    "目  录\n一、基本情况\n（一）机构设置\n（二）人员情况\n二、预算执行\n三、存在问题\n",
    "一、部门基本情况 ……………… 1\n二、部门整体支出情况 ………… 3\n三、绩效评价结论 …………… 5\n四、改进措施 ………………… 7\n\n",
])
def test_a_table_of_contents_is_not_numbered_with_the_body(contents):
    text = "某局2023年度部门整体支出绩效自评报告\n" + contents + "某局2023年度部门整体支出绩效自评报告\n" + \
        "一、部门概况\n" + BODY + "二、绩效目标\n" + BODY + "三、自评结论\n" + BODY
    assert numbering(text) == []


def test_a_restart_inside_a_chapter_is_still_reported():
    text = "一、部门概况\n" + BODY + "二、绩效情况\n" + BODY + "一、推行不见面审批\n" + BODY + "二、优化服务\n" + BODY
    assert [line for line, _, _ in numbering(text)] == [5]


@pytest.mark.parametrize("items", [
    "1.基本支出2956.36万元，其中工资福利支出2424.00万元。\n2.项目支出2604.10万元，其中案件审判414.35万元。\n",
    "1、人员经费支出120.50万元。\n2、公用经费支出30.20万元。\n",
    "1.办公费12.00万元；\n2.印刷费3.00万元；\n",
])
def test_numbered_sentences_start_their_own_list(items):
    text = "1.引言\n" + BODY + "2.部门支出描述\n" + BODY + items
    assert [m for _, _, m in numbering(text) if "重复" in m] == []


@pytest.mark.parametrize("line", [
    "一、工作情况及成效 （一）专项基本情况 1.立项申报情况\n",
    "一、项目概况 (一)项目基本情况 1.立项依据\n",
    "一、基本情况（一）资金安排 1.资金来源\n",
])
def test_headings_flattened_onto_one_line_carry_their_sub_numbering(line):
    text = line + BODY + "2.资金安排情况\n" + BODY
    assert numbering(text) == []


@pytest.mark.parametrize("pair", [("1、", "2."), ("1.", "2、"), ("（1）", "(2)、")])
def test_a_change_of_style_with_the_numbers_running_on_is_only_info(pair):
    first, second = pair
    text = "一、部门概况\n" + BODY + f"{first}机构设置\n" + BODY + f"{second}人员编制\n" + BODY
    assert all(severity == "info" for _, severity, _ in numbering(text))


def test_a_circled_number_lost_in_pdf_text_is_not_a_gap():
    text = "一、基本情况\n" + BODY + "①内设股室7个\n" + BODY + " 局下辖3个大队\n" + BODY + "③区级办公室2个\n" + BODY
    assert numbering(text) == []
    kept = "一、基本情况\n" + BODY + "①内设股室7个\n" + BODY + "  局下辖3个大队。\n" + "③区级办公室2个\n" + BODY
    assert [m for _, _, m in numbering(kept) if "跳号" in m]


@pytest.mark.parametrize("text", [
    "第一部分 部门概况\n一、部门职责\n二、机构设置\n第二部分 2023年度部门决算情况说明\n一、收入支出决算总体情况说明\n二、收入决算情况说明\n第三部分 名词解释\n",
    "三、项目绩效目标完成情况\n（一）产出目标\n1.数量指标：完成。\n2.质量指标：完成。\n（二）效益目标\n1.社会效益：完成。\n（三）满意度目标\n",
    "一、基本情况\n（一）职能\n（二）机构\n二、预算执行\n（一）收入\n（二）支出\n三、问题\n",
])
def test_numbering_that_starts_over_under_a_new_parent_is_not_a_contents_list(text):
    assert numbering(text) == []
