"""RL303: comparison words (决算数大于/小于/等于预算数) against the figures they compare."""

import pytest

from reportlint.lint import lint_text


def rl303(text):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == "RL303"]


@pytest.mark.parametrize("text", [
    "本会2021年度一般公共预算财政拨款“三公”经费支出预算为1.80万元，支出决算为2.52万元，完成预算的140.00%，决算数小于预算数的主要原因是接待减少。",
    "2022年度“三公”经费支出年初预算为10.00万元，支出决算为8.00万元。“三公”经费支出决算数大于预算数的主要原因是公务接待增加。",
    "本年度机关运行经费预算为50.00万元，支出决算为42.00万元，决算数与预算数持平。",
])
def test_a_word_against_the_figures_is_reported(text):
    found = rl303(text)
    assert len(found) == 1 and found[0][1] == "warning"


@pytest.mark.parametrize("text", [
    "本镇2020年度“三公”经费支出预算为30.8万元，支出决算为25.7万元，完成预算的83.44%，决算数小于预算数的主要原因是公务用车减少。",
    "2022年度“三公”经费支出年初预算为10.00万元，支出决算为12.00万元。决算数大于预算数的主要原因是公务接待增加。",
    "本年度机关运行经费预算为50.00万元，支出决算为49.00万元，决算数与预算数基本持平。",
    # rounding: 10.0 and 10.00 may stand for 10.04 and 9.996
    "本单位“三公”经费支出年初预算为10.0万元，支出决算为10.00万元。决算数大于预算数的主要原因是公务接待增加。",
])
def test_a_word_the_figures_allow_is_silent(text):
    assert rl303(text) == []


def test_two_items_in_a_paragraph_without_a_subject_are_not_judged():
    text = ("公务接待费预算为5.00万元，支出决算为6.00万元；会议费预算为8.00万元，支出决算为7.00万元。"
            "决算数小于预算数的主要原因是压减会议。")
    assert rl303(text) == []


def found(text, code):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == code]


@pytest.mark.parametrize("text", [
    "某局2024年度部门决算\n本年度机关运行经费支出100.00万元，上年为80.00万元，与上年持平。\n",
    "某局2024年度部门决算\n“三公”经费支出12.00万元，2023年为9.00万元，与上年相比无变化。\n",
    "某局2024年度部门决算\n公务接待费支出6.00万元，上年同期为4.50万元，与上年持平。\n",
])
def test_no_change_against_last_year_stated_in_the_sentence(text):
    hits = found(text, "RL302")
    assert [h[0] for h in hits] == [2] and "上年" in hits[0][2]


@pytest.mark.parametrize("text", [
    # 基本持平 allows the documented tolerance (5%)
    "某局2024年度部门决算\n本年度机关运行经费支出100.00万元，上年为99.00万元，与上年基本持平。\n",
    "某局2024年度部门决算\n会议费支出6.10万元，上年为6.00万元，与上年大致持平。\n",
    # the words are about the part named just before them
    "某局2024年度部门决算\n一般公共预算财政拨款支出100.00万元，上年为80.00万元，其中基本支出60.00万元，与上年持平。\n",
    # RL303 judges "决算数与预算数基本持平"; RL302 does not repeat it
    "“三公”经费支出决算100.00万元，年初预算99.00万元，决算数与预算数基本持平。\n",
])
def test_nearly_unchanged_within_tolerance_or_about_another_item(text):
    assert found(text, "RL302") == []


@pytest.mark.parametrize("text", [
    "公务接待费年初预算为0万元，支出决算为5.00万元，完成年初预算的100%。\n",
    "培训费年初预算0元，全年支出3200.00元，执行年初预算的100.00%。\n",
    "本项目年初预算数为0，调整后预算20.00万元，实际支出18.00万元，完成年初预算的90%。\n",
])
def test_a_rate_of_a_zero_initial_budget(text):
    hits = found(text, "RL305")
    assert len(hits) == 1 and hits[0][1] == "warning" and "年初预算为 0" in hits[0][2]


@pytest.mark.parametrize("text", [
    "年初预算为0万元，调整预算为5.00万元，完成调整预算的100%。\n",
    "年初预算为10万元，支出决算为5.00万元，完成年初预算的50%。\n",
    "因公出国费年初预算0万元，决算0万元，完成年初预算的0%。\n",
    "因公出国费年初预算为0万元；公务接待费年初预算为5.00万元，决算5.00万元，完成年初预算的100%。\n",
])
def test_rates_of_a_budget_that_is_not_zero_are_not_this_rules(text):
    assert found(text, "RL305") == []


@pytest.mark.parametrize("text", [
    "三、财政拨款支出决算情况说明\n年初预算为860.00万元，支出决算为812.40万元，完成年初预算的94.47%。\n决算数大于预算数的主要原因是年中追加资金。\n",
    "（二）三公经费\n“三公”经费支出年初预算为20.00万元，支出决算为24.00万元。\n决算数小于预算数的主要原因是压减公务接待。\n",
    "一般公共预算财政拨款支出年初预算为300.00万元，支出决算为290.00万元。\n支出决算数大于年初预算数，主要是追加了项目。\n",
])
def test_a_comparison_in_a_paragraph_of_its_own_judges_the_paragraph_before(text):
    assert [h[1] for h in found(text, "RL303")] == ["warning"]


def test_a_comparison_after_a_heading_does_not_reach_across_it():
    text = "年初预算为860.00万元，支出决算为812.40万元。\n二、其他情况\n决算数大于预算数的主要原因是追加资金。\n"
    assert found(text, "RL303") == []


@pytest.mark.parametrize("text", [
    "培训费年初预算15.00万元，决算13.80万元，与预算相比无增减。\n",
    "会议费预算数为6.00万元，实际支出5.20万元，与预算相比无变化。\n",
    "印刷费年初预算2.00万元，支出决算2.50万元，与年初预算持平。\n",
])
def test_no_change_of_an_unnamed_item_against_its_own_budget(text):
    assert [h[1] for h in found(text, "RL302")] == ["error"]


def test_an_unnamed_item_that_is_unchanged_is_silent():
    assert found("培训费年初预算15.00万元，决算15.00万元，与预算相比无增减。\n", "RL302") == []


@pytest.mark.parametrize("text", [
    "年初预算数：0.00万元；全年预算数：48.00万元；全年执行数：48.00万元。\n项目全年执行数48.00万元，完成年初预算的100%。\n",
    "本项目年初预算为0元。全年支出12000.00元，完成年初预算的100.00%。\n",
    "年初预算0万元，追加预算30.00万元。实际支出29.10万元，执行年初预算的97.00%。\n",
])
def test_a_zero_initial_budget_stated_in_the_sentence_before(text):
    assert [h[1] for h in found(text, "RL305")] == ["warning"]


@pytest.mark.parametrize("text", [
    "共发放问卷500份，服务对象满意率为95.00%，不满意率为4.00%。\n",
    "群众满意率达到96.5%，不满意率为4.5%。\n",
    "验收合格率是98.00%，不合格率是3.00%。\n",
])
def test_complementary_rates_written_with_a_copula(text):
    assert [h[1] for h in found(text, "RL205")] == ["error"]
