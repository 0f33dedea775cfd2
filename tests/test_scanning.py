"""finditer_not_after gives what finditer gives for the pattern opened with negative look-behinds."""

from __future__ import annotations

import re

import pytest
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


@given(st.text(alphabet="。！？!?ab收入 \n", max_size=30))
def test_sentences_are_cut_after_each_end_mark_as_the_look_behind_split_did(text):
    import re

    from reportlint.parse.facts import split_sentences

    assert split_sentences(text) == [p for p in re.split(r"(?<=[。！？!?])", text) if p]


def test_sentences_keep_their_end_marks():
    from reportlint.parse.facts import split_sentences

    assert split_sentences("收入100万元。支出90万元！余额？") == ["收入100万元。", "支出90万元！", "余额？"]
    assert split_sentences("未完") == ["未完"]
    assert split_sentences("") == []


@given(st.text(alphabet="收入a1 ，", max_size=12), st.integers(min_value=0, max_value=5))
def test_han_at_least_counts_as_findall_did(text, count):
    from reportlint.parse.drafts import _HAN, han_at_least

    assert han_at_least(text, count) == (len(_HAN.findall(text)) >= count)


@given(st.text(alphabet="ab\r\n 收", max_size=20))
def test_lines_split_the_same_with_or_without_a_carriage_return(text):
    import re

    from reportlint.parse.read import split_lines

    expected = re.split(r"\r\n|\r|\n", text)
    if expected and expected[-1] == "":
        expected.pop()
    assert split_lines(text) == expected


def _line_scan_patterns():
    from reportlint.checks import residue, text

    run, _, _, field, choice, empty, said, bare, _, _, _ = residue._patterns()
    _, doubled_word, mixed, _ = text._text_words()
    return {"RL902 punct": text._DOUBLED_PUNCT, "RL902 char": text._DOUBLED_CHAR, "RL902 word": doubled_word,
            "RL903": mixed, "RL504 run": run, "RL504 field": field, "RL504 choice": choice, "RL504 blank": empty,
            "RL505": said, "RL506": bare}


_LINES = st.lists(st.text(alphabet="。，；：、,;XＸx×{}｛单位名称增加（减少）()占 %万元率为12.5的了\t|按上述格式依次说明长局", max_size=14),
                  min_size=1, max_size=6)


@given(_LINES)
def test_lines_matching_lists_every_line_a_pattern_matches_on_its_own(lines):
    from reportlint.checks.scanning import joined_lines, lines_matching

    text, starts = joined_lines(lines)
    for name, pattern in _line_scan_patterns().items():
        alone = [k for k, line in enumerate(lines) if pattern.search(line)]
        listed = lines_matching([pattern], text, starts)
        assert set(alone) <= set(listed), name
        assert listed == sorted(set(listed))


def test_lines_matching_reads_anchors_at_each_line():
    import re

    from reportlint.checks.scanning import joined_lines, lines_matching

    lines = ["增长12.40", "无", "执行率为98.50", "增长12.40%"]
    text, starts = joined_lines(lines)
    assert lines_matching([re.compile(r"[0-9]\.[0-9]+$")], text, starts) == [0, 2]
    assert lines_matching([re.compile(r"^无")], text, starts) == [1]
    assert joined_lines(["ab", "", "c"]) == ("ab\n\nc", [0, 3, 4])


@given(st.text(alphabet=" \u3000\t左右以上下内之余多(含)-~—至到5元", max_size=4))
def test_the_patterns_after_a_figure_start_with_the_listed_characters(tail):
    from reportlint.parse import numbers

    first = tail.lstrip()[:1]
    if numbers._APPROX_AFTER.match(tail):
        assert first in numbers._APPROX_AFTER_FIRST
    if numbers._RANGE_AFTER.match(tail):
        assert first in numbers._RANGE_AFTER_FIRST


def test_figures_after_which_the_words_make_them_approximate_or_a_range():
    from reportlint.parse.numbers import find_numbers

    assert [n.approx for n in find_numbers("支出100万元左右，收入5万元以上，人数3-5人，经费20万元 至 30万元，计50万元")] == [
        "左右", "以上", "range", "range", "range", ""]


@given(st.lists(st.text(alphabet="请填写报结合说明(（20字以内)）×X |年2023比较与增加同期", max_size=16), min_size=1, max_size=5))
def test_the_year_and_prompt_rules_see_every_line_they_would_scan(lines):
    from reportlint.checks import scoring, years
    from reportlint.checks.scanning import joined_lines, lines_matching

    text, starts = joined_lines(lines)
    for pattern in (years._YEAR, years._words()[3]):
        assert {k for k, line in enumerate(lines) if pattern.search(line)} <= set(lines_matching([pattern], text, starts))
    prompted = {k for k, line in enumerate(lines) if any(scoring._PROMPT.search(p.strip()) for p in line.split("|"))}
    assert prompted <= set(lines_matching(scoring._PROMPT_WORDS, text, starts))


@given(st.text(alphabet="0123456789,.万元% 人a", max_size=24))
def test_the_number_scan_with_its_first_digit_in_front_matches_as_written_before(text):
    import re

    from reportlint.parse import numbers

    before = re.compile(numbers._NUMBER_BODY.replace(
        r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))",
        r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)"))
    assert before.pattern != numbers._NUMBER_BODY
    assert [(m.span(), m.groups()) for m in numbers._NUMBER_SCAN.finditer(text)] == [
        (m.span(), m.groups()) for m in before.finditer(text)]


@pytest.mark.parametrize("module, name, written_before", [
    ("reportlint.checks.name_lists", "_COUNTED_LIST", ("(?P<count>\\d\\d{0,2})", "(?P<count>\\d{1,3})")),
    ("reportlint.parse.facts", "_MASKED_NAME", ("[*＊×#][*＊×#]+", "[*＊×#]{2,}")),
])
@given(text=st.text(alphabet="0123456789个家所项名位内设机构，,分别为即包括：:、A和B。；*＊×# ", max_size=30))
def test_patterns_opened_with_a_class_match_as_written_before(module, name, written_before, text):
    import importlib
    import re

    pattern = getattr(importlib.import_module(module), name)
    now, before = written_before
    assert now in pattern.pattern
    old = re.compile(pattern.pattern.replace(now, before), pattern.flags)
    assert [(m.span(), m.groups()) for m in pattern.finditer(text)] == [(m.span(), m.groups()) for m in old.finditer(text)]
