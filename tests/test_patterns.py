"""Patterns compile with the faster engine they allow, and mean the same as with ``regex``."""

import re

import regex

from reportlint import patterns


def test_han_ranges_are_han_whatever_regex_is_installed():
    """``patterns.HAN`` is a fixed list (Unicode 15's Han script), so results do not depend on the installed
    ``regex`` or Python: every character in it is Han for any ``regex`` (a newer one only knows more)."""
    ours = re.compile(patterns.HAN)
    theirs = regex.compile(r"\p{Han}")
    not_han = [cp for cp in range(0x110000) if ours.match(chr(cp)) and not theirs.match(chr(cp))]
    assert not_han == []


def test_han_ranges_cover_the_cjk_blocks():
    ours = re.compile(patterns.HAN)
    blocks = [(0x4E00, 0x9FFF), (0x3400, 0x4DBF), (0x20000, 0x2A6DF), (0x2A700, 0x2B81D), (0xF900, 0xFA6D),
              (0x2F00, 0x2FD5), (0x30000, 0x3134A)]
    missing = [cp for lo, hi in blocks for cp in range(lo, hi + 1) if not ours.match(chr(cp))]
    assert missing == []
    assert all(ours.match(ch) for ch in "〇々預算数萬")
    assert not any(ours.match(ch) for ch in "a1，。ー가あ")


def test_p_han_in_a_pattern_uses_the_fixed_ranges():
    assert patterns.compile(r"\p{Han}+").pattern == patterns.HAN + "+"


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
