"""Years (RL801 wrong-year, RL802 compared-with-itself): phrasings written for these tests."""

import pytest

from reportlint.lint import lint_text


def found(text, code):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == code]


@pytest.mark.parametrize("text, line", [
    ("某某局2024年度部门决算\n一、概况\n截至2023年12月31日，本部门共有车辆12辆。\n", 3),
    ("某县文化馆2022年度部门决算\n（三）资产情况\n截止2021年12月31日，单位固定资产原值86.20万元。\n", 3),
    ("某区教育局2023年部门决算说明\n二、国有资产占用情况\n截至2022年12月31日，共有房屋3栋。\n", 3),
])
def test_a_stale_cut_off_date_in_an_actuals_report(text, line):
    hits = found(text, "RL801")
    assert [(h[0], h[1]) for h in hits] == [(line, "warning")] and "截至日期" in hits[0][2]


@pytest.mark.parametrize("text", [
    # a budget is written before its year: the end of the year before is its cut-off
    "某市统计局2026年部门预算\n七、国有资产占用情况\n截至2025年12月31日，本部门共有车辆2辆。\n",
    # the same sentence names the report year: a comparison of two dates
    "某某局2024年度部门决算\n截至2023年12月31日累计完成80%，2024年完成其余工程。\n",
    # a project's history, and a self-evaluation's
    "某某局2024年度部门决算\n项目于2021年启动，截至2023年底累计完成投资5000.00万元。\n",
    "某县文化馆2022年度部门整体支出绩效自评报告\n截至2021年12月31日，单位固定资产原值86.20万元。\n",
    # no year in the title: nothing to judge against
    "部门整体支出绩效自评报告\n截至2023年12月31日，本部门共有车辆12辆。\n",
    # an excerpt whose first line is a sentence, not a title
    "较2022年度决算数增加0.78万元，增长10.8%。\n截至2021年12月31日，共有车辆2辆。\n",
])
def test_cut_offs_that_are_right_or_cannot_be_judged(text):
    assert found(text, "RL801") == []


@pytest.mark.parametrize("text, line", [
    ("某某局2024年度部门决算\n一、部门概况\n二、2023年度部门决算表\n（一）收入支出决算总表\n", 3),
    ("某县文化馆2022年度部门整体支出绩效自评报告\n一、2021年度绩效自评报告\n", 2),
    ("某市统计局2026年部门预算\n第二部分 2025年部门预算表\n", 2),
])
def test_a_title_carried_over_from_last_year(text, line):
    hits = found(text, "RL801")
    assert [h[0] for h in hits] == [line] and "标题却写" in hits[0][2]


@pytest.mark.parametrize("text", [
    "某某局2024年度部门决算\n一、2023年度审计问题整改情况\n",
    "某县文化馆2022年度部门整体支出绩效自评报告\n三、2021年度部门预算执行情况回顾\n",
    "某市统计局2026年部门预算\n一、2025年部门预算与2026年对比\n",
])
def test_titles_about_another_years_business_are_fine(text):
    assert found(text, "RL801") == []


@pytest.mark.parametrize("text, severity", [
    ("某某局2024年度部门决算\n2024年“三公”经费支出12.00万元，比2024年减少3.00万元。\n", "error"),
    ("某区2022年度部门决算说明\n20123-民族事务156万元，与2022年决算数持平。\n", "warning"),
    ("某县2023年度部门整体支出绩效自评报告\n机关运行经费支出50.00万元，较2023年度增长5.00%。\n", "warning"),
    ("某市统计局2026年部门预算\n2026年部门预算收入5417.80万元，与2026年相比，增加206.09万元。\n", "error"),
])
def test_a_figure_compared_with_its_own_year(text, severity):
    hits = found(text, "RL802")
    assert [(h[0], h[1]) for h in hits] == [(2, severity)]


@pytest.mark.parametrize("text", [
    "某某局2024年度部门决算\n2024年“三公”经费支出12.00万元，比2023年减少3.00万元。\n",
    "某某局2024年度部门决算\n2024年支出决算数比2024年年初预算增加8.00万元。\n",
    "某某局2024年度部门决算\n2025年计划支出比2024年增加10.00万元。\n",
    "某某局2024年度部门决算\n与2024年预算相比，支出减少2.00万元。\n",
])
def test_comparisons_with_another_year_or_with_a_budget_are_fine(text):
    assert found(text, "RL802") == []
