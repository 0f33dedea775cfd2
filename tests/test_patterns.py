"""Patterns compile with the faster engine they allow, and mean the same as with ``regex``."""

import re

import regex

from reportlint import patterns


def test_han_ranges_equal_regex_han_script():
    ours = re.compile(patterns.HAN)
    theirs = regex.compile(r"\p{Han}")
    differ = [cp for cp in range(0x110000) if bool(ours.match(chr(cp))) != bool(theirs.match(chr(cp)))]
    assert differ == []


def test_plain_pattern_compiles_with_re_and_matches_the_same():
    pattern = r"(?<=\p{Han})[ \t]+(?=\p{Han})"
    fast = patterns.compile(pattern)
    assert isinstance(fast, re.Pattern)
    text = "預 算 數 12 3 元\t萬"
    assert fast.sub("", text) == regex.sub(pattern, "", text) == "預算數 12 3 元萬"


def test_regex_only_features_fall_back_to_regex():
    assert not isinstance(patterns.compile(r"(?<=.{2,3})x"), re.Pattern)  # variable-width look-behind
    assert not isinstance(patterns.compile(r"[a\p{Han}]"), re.Pattern)  # \p{Han} inside a set
    assert not isinstance(patterns.compile(r"\p{Lu}"), re.Pattern)
    assert patterns.compile(r"[a\p{Han}]").findall("a中b") == ["a", "中"]
