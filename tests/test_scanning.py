"""finditer_not_after gives what finditer gives for the pattern opened with negative look-behinds."""

from __future__ import annotations

import re

from hypothesis import given, strategies as st

from reportlint.checks.scanning import finditer_not_after

WORDS = ("单位", "以", "按", "。")
BODY = r"(?:增加|减少|合计|。)[ \t]*(?:万元|%|。)(?![0-9])"
TEXT = st.text(alphabet="单位以按增加减少合计万元% 。，0", max_size=40)


def _spans(matches):
    return [m.span() for m in matches]


@given(TEXT)
def test_the_same_matches_as_the_look_behind_pattern(text):
    behind = re.compile("".join(f"(?<!{re.escape(w)})" for w in WORDS) + BODY)
    assert _spans(finditer_not_after(re.compile(BODY), text, WORDS)) == _spans(behind.finditer(text))


@given(st.text(alphabet="。，、；x", max_size=30))
def test_doubled_marks_not_after_a_full_stop(text):
    behind = re.compile(r"(?<!。)([。，、；])\1(?!。)")
    assert _spans(finditer_not_after(re.compile(r"([。，、；])\1(?!。)"), text, ("。",))) == _spans(behind.finditer(text))


def test_a_match_after_a_forbidden_word_is_skipped_and_a_later_one_found():
    body = re.compile(r"增加\s*万元")
    assert _spans(finditer_not_after(body, "单位增加 万元，又增加万元", ("单位",))) == [(9, 13)]
    assert _spans(finditer_not_after(body, "以增加万元", ("单位", "以"))) == []
    assert _spans(finditer_not_after(body, "增加万元", ())) == [(0, 4)]


# the parser's patterns whose look-behind was moved after their first character: the same matches as written
# the plain way (checked with the regex module, which reads \p{Han})
MOVED_LOOK_BEHINDS = [
    ("reportlint.parse.normalize", "_SPACE_IN_HAN", r"(?<=\p{Han})[ \t]+(?=\p{Han})"),
    ("reportlint.parse.normalize", "_COMMA_IN_NUMBER", r"(?<=\d)，(?=\d{3}(?!\d))"),
    ("reportlint.parse.drafts", "_YEAR", r"(?<!\d)((?:19|20)\d{2})\s*年"),
    ("reportlint.checks.years", "_YEAR", r"(?<![0-9])((?:19|20)[0-9]{2})\s*年"),
]


@given(st.text(alphabet="预算 \t12090，年3a。", max_size=24))
def test_look_behinds_moved_after_the_first_character_match_the_same(text):
    import importlib

    import regex

    for module, name, plain in MOVED_LOOK_BEHINDS:
        moved = getattr(importlib.import_module(module), name)
        expected = [(m.span(), m.groups()) for m in regex.compile(plain).finditer(text)]
        assert [(m.span(), m.groups()) for m in moved.finditer(text)] == expected, (module, name)


@given(st.text(alphabet="1-6月上下半年前三季度截至底末份0 ，", max_size=20))
def test_the_period_prefilter_never_hides_a_period(text):
    from reportlint.parse.facts import _PERIOD, _period

    found, expected = _period(text), _PERIOD.search(text)
    assert (found and found.span()) == (expected and expected.span())


@given(st.text(alphabet="其中□，,:：()分别为包括如下以下方面几个项目 收入", max_size=24))
def test_the_list_opener_prefilter_never_hides_an_opener(text):
    from reportlint.parse.lists import _BREAK_OPEN, _may_open

    if _BREAK_OPEN.search(text):
        assert _may_open(text)


def test_a_label_without_an_opener_word_opens_no_list():
    from reportlint.parse.lists import _list_opened, _may_open

    assert not _may_open("，全年预算数")
    assert _list_opened("，全年预算数") is None
    assert _list_opened("，其中") is not None and _list_opened("，其中").group() == "其中"
    assert _list_opened("主要包括：").group() == "包括"
