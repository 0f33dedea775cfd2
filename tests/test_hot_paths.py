"""The hot-path shortcuts of issue 17 (item 1) give what the code they replace gave."""

from __future__ import annotations

import random

from reportlint.lint import lint_text
from reportlint.parse import numbers
from reportlint.parse.facts import _blank


def _blank_by_characters(text: str, spans) -> str:
    chars = list(text)
    for s, e in spans:
        for k in range(s, e):
            chars[k] = "□"
    return "".join(chars)


def test_blank_equals_the_character_list_it_replaces():
    rng = random.Random(3)
    for _ in range(5000):
        text = "".join(rng.choice("支出预算ab ") for _ in range(rng.randint(0, 14)))
        spans = []
        for _ in range(rng.randint(0, 4)):
            a = rng.randint(0, len(text))
            spans.append((a, rng.randint(a, len(text))))
        assert _blank(text, spans) == _blank_by_characters(text, spans)
    assert _blank("基本支出决算", [(0, 4), (2, 4)]) == "□□□□决算"


def test_end_anchored_patterns_end_with_the_listed_characters():
    """A text whose last character is not in a pattern's list (and is not a blank) is not searched: the
    lists must hold every character a match can end with."""
    cases = [(numbers._APPROX_BEFORE, numbers._APPROX_LAST), (numbers._NOT_FIGURE_BEFORE, numbers._NOT_FIGURE_LAST),
             (numbers._RANGE_BEFORE, numbers._RANGE_LAST), (numbers._JOINED_BEFORE, numbers._JOINED_LAST)]
    words = ["约", "大约", "将近", "超过", "不低于", "不足", "至少", "最高", "最低", "≤", "＞", "≈", "第", "〔", "No.",
             "编号", "电话", "手机", "热线", "邮编", "5-", "5%至", "10万元到", "3 ~", "2021/", "0730-", "预算", "共"]
    for pattern, last in cases:
        for word in words:
            for text in (word, "全年" + word, word + " ", word + "\u3000"):
                if pattern.search(text):
                    assert numbers._open_end(text) or text[-1] in last, (word, text)


def test_figures_keep_their_written_text():
    result = lint_text("本年支出合计１２０．５０萬元，其中基本支出100万元，项目支出20.50万元。\n", "w.txt")
    assert [f.text for f in result.document.figures] == ["１２０．５０萬元", "100万元", "20.50万元"]
