"""A score table dumped from Word (one cell a line behind a tab) whose 一级/二级指标 cells span several rows
and hold two lines each ("投  入" / "（15分）"): the rows below a merged cell are short of the grid."""

import pytest

from reportlint.lint import lint_text

ROWS = [
    ["一级指标", "二级指标", "三级指标", "分值", "得分"],
    ["投  入\n（15分）", "预算编制\n（5分）", "预算编制科学性", "5", "5"],
    ["预算执行\n（10分）", "预算执行率", "10", "10"],
    ["产  出\n（45分）", "产出数量\n（25分）", "任务完成率", "15", "15"],
    ["培训人次完成率", "10", "10"],
    ["产出质量\n（20分）", "验收合格率", "20", "20"],
    ["效  益\n（30分）", "社会效益\n（30分）", "群众受益率", "30", "28"],
    ["满意度\n（10分）", "满意度\n（10分）", "服务对象满意度", "10", "9"],
    ["合计", "100", "97"],
]


def report(rows, claimed="97", grade="优") -> str:
    out = ["某局2023年度部门整体支出绩效自评报告", "一、自评结论",
           f"经自评，本部门2023年度部门整体支出绩效自评得分{claimed}分，等级为{grade}。", "附件：评分表", ""]
    for row in rows:
        for cell in row:
            first, *rest = cell.split("\n")
            out.append("\t" + first)
            out.extend(rest)
        out.append("")
    return "\n".join(out) + "\n"


def found(text):
    return [(f.code, f.severity) for f in lint_text(text, "r.txt").findings if f.code.startswith("RL6") or f.code == "RL503"]


def test_a_clean_merged_score_table_is_clean():
    assert found(report(ROWS)) == []


def test_a_wrong_stated_total_is_still_found():
    assert ("RL601", "error") in found(report(ROWS, claimed="92"))


@pytest.mark.parametrize("row,cell,value,code", [
    (4, 1, "8", "RL604"),   # 培训人次完成率 weight 8: 产出数量 15 + 8 ≠ 25
    (4, 2, "12", "RL603"),  # a score above its weight
])
def test_defects_in_rows_under_a_merged_cell_are_found(row, cell, value, code):
    rows = [list(r) for r in ROWS]
    rows[row][cell] = value
    assert code in [c for c, _ in found(report(rows))]


@pytest.mark.parametrize("text", [
    "三、自评结论\n决策17分、过程17分、产出34分、效益17分，合计85分，评价等次为“优”。\n",
    "项目决策得18分，项目过程得19分，项目产出得36分，项目效益得16分，共计89分，自评等级为优秀。\n",
    "投入12分、过程18分、产出38分、效益20分，总分88分，评定为优。\n",
])
def test_a_grade_against_a_total_of_the_listed_scores(text):
    """"A a分、B b分…，合计N分，等次为…": the 合计 of the listed scores is the score the grade is for."""
    found = [(f.code, f.severity) for f in lint_text(text, "r.txt").findings if f.code == "RL602"]
    assert found == [("RL602", "error")]


@pytest.mark.parametrize("text", [
    "决策17分、过程17分、产出34分、效益17分，合计85分，评价等次为“良”。\n",
    # the 合计 is not the sum of the listed scores: not known to be the score
    "决策17分、过程17分，合计85分，评价等次为“优”。\n",
])
def test_a_grade_that_fits_or_a_total_that_is_not_the_lists_is_silent(text):
    assert [f for f in lint_text(text, "r.txt").findings if f.code == "RL602"] == []
