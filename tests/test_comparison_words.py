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
