"""Template residue (RL504 placeholders, RL505 instructions, RL506 lost % signs) and the text slips RL902/RL903,
each with phrasings written for these tests in several templates' wording."""

from pathlib import Path

import pytest

from reportlint.lint import lint_text

ARITHMETIC = ("RL1", "RL2", "RL3", "RL4", "RL6")


def found(text, code):
    return [(f.line, f.column, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == code]


@pytest.mark.parametrize("text, shown", [
    ("一、部门概况\n宁远县XX局2023年度收入总计XXX万元。\n", "县XX局2023"),
    ("二、支出情况\n本年支出合计xx万元，其中基本支出xx万元。\n", "本年支出合计xx万元"),
    ("三、机构设置\n本部门下设××科、××中心两个内设机构。\n", "下设××科"),
    ("（一）项目概况\n{单位名称}2024年项目支出绩效自评报告\n", "{单位名称}"),
    ("四、三公经费\n“三公”经费支出比上年减少（增加）3.20万元，下降（增长）8.00%。\n", "减少(增加)3.20"),
    ("五、决算情况\n决算数大于（小于）预算数的主要原因是新增培训项目。\n", "大于(小于)"),
])
def test_a_placeholder_left_in_is_an_error_quoting_it(text, shown):
    hits = found(text, "RL504")
    assert len(hits) == 1 and hits[0][0] == 2 and hits[0][2] == "error" and shown in hits[0][3]


@pytest.mark.parametrize("text, column", [
    ("基本支出 万元，占 %。\n", 1),
    ("项目支出合计万元，完成%，主要用于设备购置。\n", 5),
    ("公用经费比上年增加 万元。\n", 6),
])
def test_a_figure_left_blank_is_a_warning(text, column):
    hits = found(text, "RL504")
    assert len(hits) == 1 and hits[0][2] == "warning" and "数字空着没填" in hits[0][3]
    assert hits[0][1] >= column


def test_two_placeholders_on_a_line_are_one_finding_that_counts_them():
    hits = found("本年收入XXX万元，占XX%；事业收入XXX万元。\n", "RL504")
    assert len(hits) == 1 and "本行共 3 处" in hits[0][3]


def test_both_words_of_a_choice_on_a_zero_change_are_only_information():
    hits = found("因公出国（境）费0万元，较上年增加（减少）0万元。\n", "RL504")
    assert [(h[2]) for h in hits] == ["info"]


@pytest.mark.parametrize("text", [
    "单位：万元\n金额单位为万元，以万元计。\n",
    "购置3×4米展板两块，XXL号工作服20套。\n",
    "本年支出合计120.00万元，比上年增加（主要是人员增加）8.00万元。\n",
    "比上年增加或减少的原因见下表。\n",
    "二○二三年度部门决算\n",
])
def test_filled_in_text_has_no_placeholder(text):
    assert found(text, "RL504") == []


@pytest.mark.parametrize("text, phrase", [
    ("无政府性基金预算财政拨款收入支出的部门，作下述说明：\n", "作下述说明"),
    ("按上述格式依次说明到各项级科目。\n", "按上述格式"),
    ("本年收入合计120.00万元，其中：财政拨款收入100.00万元（不涉及的不列）。\n", "不涉及的不列"),
    ("主要原因是人员增加。（如持平作持平表述）\n", "如持平作持平表述"),
])
def test_an_instruction_to_the_author_is_reported(text, phrase):
    hits = found(text, "RL505")
    assert len(hits) == 1 and phrase in hits[0][3] and hits[0][2] == "warning"


def test_a_reports_own_explanations_are_not_instructions():
    assert found("三、收入支出决算情况说明\n下述说明以万元为单位。\n", "RL505") == []


def test_a_blank_template_gives_template_findings_and_no_arithmetic():
    template = (
        "XX区XX局2024年度部门决算\n一、收入支出决算总体情况说明\n"
        "2024年度收入总计XXX万元，支出总计XXX万元。与2023年度相比，收入支出总计增加（减少）XXX万元，增长（下降）XX%。\n"
        "二、收入决算情况说明\n本年收入合计XXX万元，其中：财政拨款收入XXX万元，占XX%；事业收入XXX万元，占XX%。\n"
        "三、支出决算情况说明\n本年支出合计XXX万元，其中：基本支出XXX万元，占XX%；项目支出XXX万元，占XX%。\n"
        "按上述格式依次说明到各项级科目。\n"
    )
    result = lint_text(template, "t.txt")
    codes = [f.code for f in result.findings]
    assert codes.count("RL504") == 4 and codes.count("RL505") == 1
    assert not [c for c in codes if c.startswith(ARITHMETIC)]


@pytest.mark.parametrize("text, number", [
    ("机关运行经费比上年增长 12.40。\n", "12.40"),
    ("本年度预算执行率为98.50，较上年提高。\n", "98.50"),
    ("基本支出120.00万元，占 75.25；项目支出39.50万元。\n", "75.25"),
])
def test_a_rate_without_its_percent_sign_is_reported(text, number):
    hits = found(text, "RL506")
    assert len(hits) == 1 and number in hits[0][3]


@pytest.mark.parametrize("text", [
    "比上年增长12.40%。\n", "比上年下降3.50个百分点。\n", "比上年增加12.40万元。\n", "指标\t分值\n占\t20.00\n",
])
def test_a_rate_with_its_unit_is_silent(text):
    assert found(text, "RL506") == []


@pytest.mark.parametrize("text, pair", [
    ("完成年度目标；，资金及时到位。\n", "；，"),
    ("全年支出120.00万元，。\n", "，。"),
    ("完成了既定任务。，群众满意。\n", "。，"),
])
def test_two_different_marks_side_by_side(text, pair):
    hits = found(text, "RL903")
    assert len(hits) == 1 and pair in hits[0][3]


def test_quotes_and_brackets_next_to_a_mark_are_fine():
    assert found("达到“优秀”。（详见附表）；下一步……。\n", "RL903") == []


@pytest.mark.parametrize("text, double", [
    ("增加原因主要是是接待任务增加。\n", "是是"),
    ("支出减少的原因原因是压减会议。\n", "原因原因"),
    ("按期办结率率99%。\n", "率率"),
])
def test_a_doubled_character_or_word_is_reported(text, double):
    hits = found(text, "RL902")
    assert len(hits) == 1 and double in hits[0][3]


@pytest.mark.parametrize("text", [
    "为了了解群众需求，开展问卷调查。\n", "但是是否达到预期仍需评估。\n", "为实现绩效目标的目的的手段。\n",
    "扎扎实实推进，方方面面落实，等等。\n", "民政部门部门整体绩效自评得分96分。\n", "序号\t名称\n1\t。。。\n",
    "项目\t执行执行\n",
])
def test_legitimate_doublings_are_silent(text):
    assert found(text, "RL902") == []


TEMPLATE_PDF = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "pdf" / "附件2：部门决算模板.pdf"


@pytest.mark.skipif(not TEMPLATE_PDF.exists(), reason="../shared/corpus/pdf is not beside the project")
def test_the_real_blank_template_gives_template_findings_and_no_arithmetic():
    from reportlint.lint import lint_path

    codes = [f.code for f in lint_path(str(TEMPLATE_PDF)).findings]
    assert codes.count("RL504") >= 40 and codes.count("RL505") >= 10
    assert not [c for c in codes if c.startswith(ARITHMETIC)] and "RL902" not in codes


@pytest.mark.parametrize("text", [
    "项目\t上年数\t本年数\t增加（减少）额\n基本支出\t343.15\t331.84\t-11.31\n",
    "| 科目 | 增长（下降）率 |\n| 项目支出 | -3.20% |\n",
    "各项支出的增加（减少）幅度见下表。\n",
])
def test_the_name_of_a_signed_quantity_is_not_a_choice_left_in(text):
    assert found(text, "RL504") == []


@pytest.mark.parametrize("text", [
    "保障性住房项目容积率为2.2，绿地率为35.00%。\n", "年末流动比率为1.35，资产负债率为42.00%。\n",
    "应收账款周转率为6.80，较上年提高。\n",
])
def test_a_ratio_without_a_unit_has_not_lost_its_percent_sign(text):
    assert found(text, "RL506") == []


@pytest.mark.parametrize("text", [
    "財政撥款收入1380.00萬元，佔本年收入合計的86.25，其他收入220.00萬元。\n",
    "基本支出120.00万元，占支出总额的 75.25；项目支出39.50万元。\n",
])
def test_a_share_of_a_named_whole_without_its_percent_sign(text):
    assert len(found(text, "RL506")) == 1


@pytest.mark.parametrize("text", ["羣衆的的確確得到了實惠。\n", "為了了解群眾需求，開展問卷調查。\n", "但是是否達到預期仍需評估。\n"])
def test_legitimate_doublings_in_traditional_characters(text):
    assert found(text, "RL902") == []


@pytest.mark.parametrize("text", ["该项目由×××同志具体负责。\n", "经办人：×××；复核人：××。\n", "×××局长带队开展督导。\n"])
def test_a_name_blanked_out_for_privacy_is_only_a_warning(text):
    assert [h[2] for h in found(text, "RL504")] == ["warning"]
