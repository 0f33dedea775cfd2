"""RL304: the same quantity's change against the same reference stated twice with different values."""

import pytest

from reportlint.lint import lint_text


def rl304(text):
    return [(f.line, f.severity, f.message) for f in lint_text(text, "r.txt").findings if f.code == "RL304"]


@pytest.mark.parametrize("text, line", [
    ("一、收入情况\n2024年度收入合计120.00万元，比上年减少8.00万元。\n二、小结\n2024年度收入合计120.00万元，比上年增加8.00万元。\n", 4),
    ("本年“三公”经费支出15.60万元，较上年减少2.40万元。\n……\n“三公”经费支出15.60万元，比2023年减少3.40万元。\n", 3),
    ("机关运行经费支出决算86.20万元，比年初预算减少4.00万元。\n机关运行经费支出决算86.20万元，比预算减少6.00万元。\n", 2),
])
def test_a_change_stated_twice_with_different_values(text, line):
    hits = rl304(text)
    assert [(h[0], h[1]) for h in hits] == [(line, "warning")] and "不一致" in hits[0][2]


@pytest.mark.parametrize("text", [
    # the same change twice
    "2024年度收入合计120.00万元，比上年减少8.00万元。\n2024年度收入合计120.00万元，较上年减少8.0万元。\n",
    # one against last year, one against the budget
    "支出决算86.20万元，比预算增加0万元，比去年增加1.55万元。\n支出决算86.20万元，比上年增加1.55万元。\n",
    # the levels differ: maybe two scopes (RL301's business, not this rule's)
    "收入合计120.00万元，比上年减少8.00万元。\n收入合计118.00万元，比上年减少6.00万元。\n",
    # later changes in a sentence are its items'
    "收入总计477.45万元，比上年增加46.72万元，其中：财政拨款增加36.80万元，事业收入增加7.63万元。\n",
])
def test_consistent_or_different_statements_are_silent(text):
    assert rl304(text) == []
