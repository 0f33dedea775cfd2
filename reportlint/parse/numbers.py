"""Find the numbers in normalised text, with their unit, precision and approximate wording.

Not every run of digits is a figure. Dates (2022年, 7月13日), document numbers (〔2021〕15号),
phone numbers, hotline names (12345), ``5G``, ``24小时``, list numbers (``1、``) and the thresholds of
scoring criteria (``≦100%，计5分``) are left out or marked as bounds, so no check treats them as
amounts.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Final, NamedTuple
from decimal import Decimal, InvalidOperation

from reportlint import patterns

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_LIST_MARKER_AFTER: Final = patterns.compile(r"^\s*[、.．](?!\d)")

# Units, longest first so that 万元 wins over 万 and 批次 over 次.
COUNT_WORDS: Final = (
    "人次|批次|个百分点|百分点|平方米|公里|千米|余人|多人|"
    "人|名|个|件|项|户|次|家|台|条|份|场|辆|套|所|座|间|处|类|宗|笔|张|篇|位|支|栋|吨|册|部|门|期|本|块|棵|株|亩|㎡|m2"
)
_UNIT: Final = rf"(?:亿元|万元|千元|元|万(?:{COUNT_WORDS})?|亿|%|‰|分|{COUNT_WORDS})"

# (the number is written "\d(?:…|…)", the digit both alternatives of "\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?"
# open with taken out in front: the same matches, tried in the same order, but a pattern that opens with a
# character class lets ``re`` skip ahead to the next digit instead of trying the pattern at every character)
_NUMBER_BODY: Final = (
    r"(?P<num>\d(?:\d{0,2}(?:,\d{3})+(?:\.\d+)?|\d*(?:\.\d+)?))"
    r"(?![\d])"
    r"(?P<gap> ?)"
    rf"(?P<unit>{_UNIT})?"
)
NUMBER_RE: Final = patterns.compile(r"(?<![\d.A-Za-z])(?<!\d,)" + _NUMBER_BODY)
# The same figure without the look-behinds, which stop the engine from skipping to the next digit; the
# character before a match is tested in Python instead (``_glued``). A match that starts after a digit, a
# letter, "." or "digit," can hide no figure: every character it covers is one of those or a unit.
_NUMBER_SCAN: Final = patterns.compile(_NUMBER_BODY)
_GLUE: Final = frozenset(".ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")


def _glued(text: str, start: int) -> bool:
    """Whether the number at ``start`` continues a token (NUMBER_RE's look-behinds, in Python)."""
    if not start:
        return False
    before = text[start - 1]
    if before in _GLUE or before.isdecimal():
        return True
    return before == "," and start >= 2 and text[start - 2].isdecimal()

# Words that make a figure approximate or a bound rather than an exact statement.
_APPROX_BEFORE: Final = patterns.compile(
    r"((?<![节制合预签])约|大约|近|将近|接近|超过|超|逾|不低于|不少于|不超过|不高于|不足|低于|高于|少于|多于|大于|小于|至少|至多|最高|最低|≤|≥|<|>|=|＜|＞|≈)\s*$"
)
_APPROX_AFTER: Final = patterns.compile(r"^\s*(左右|以上|以下|以内|之内|余|多|上下|\(含\)|含)")
_RANGE_BEFORE: Final = patterns.compile(r"\d\s*(%|万元|元)?\s*[-~—至到]\s*$")
_RANGE_AFTER: Final = patterns.compile(r"^\s*[-~—至到]\s*\d")
# the characters the matches of _APPROX_AFTER and _RANGE_AFTER start with, after blanks: a figure followed by
# any other is not matched against them
_APPROX_AFTER_FIRST: Final = frozenset("左以之余多上(含")
_RANGE_AFTER_FIRST: Final = frozenset("-~—至到")
_SCORE_RULE_BEFORE: Final = patterns.compile(r"(计|扣|加|减|得|给|记|每[^，,。;；]{0,12})\s*$")

# Contexts that mean "not an amount at all".
_NOT_FIGURE_AFTER: Final = patterns.compile(r"^(年|月|日|号|时|点|周岁|岁|季度|小时|分钟|秒|[A-Za-z]|\s*[-/]\s*\d|〕|\]|】|\))")
_NOT_FIGURE_BEFORE: Final = patterns.compile(r"(第|〔|\[|【|No\.|NO\.|编号|电话|手机|热线|邮编)\s*$")
_JOINED_BEFORE: Final = patterns.compile(r"\d\s*[-/]\s*$")  # 0730-8177768, 2021/10: part of a code or a date
# the characters each end-anchored pattern above can end with: a text that ends with any other (and not with a
# blank, which \s*$ passes over) cannot match, and is not searched
_APPROX_LAST: Final = frozenset("约近过超逾于足少多高低≤≥<>=＜＞≈")
_NOT_FIGURE_LAST: Final = frozenset("第〔[【.号话机线编")
_RANGE_LAST: Final = frozenset("-~—至到")
_JOINED_LAST: Final = frozenset("-/")


def _open_end(text: str) -> bool:
    """Whether ``text`` is empty or ends with a blank: every end-anchored pattern above may match it; one that
    ends with another character only a pattern whose ``…_LAST`` characters hold it."""
    return not text or text[-1].isspace()


class NumberMatch(NamedTuple):  # immutable; a tuple is built several times faster than a frozen dataclass
    start: int  # index in the normalised text (number start)
    end: int  # index after the unit
    number_end: int
    text: str
    value: Decimal
    decimals: int
    unit: str
    approx: str  # "" when exact


def canonical_unit(unit: str) -> str:
    """万 alone after an amount means 万元; 万人 etc. stay counts in units of 10⁴."""
    if unit == "万":
        return "万元"
    if unit == "亿":
        return "亿元"
    if unit in ("余人", "多人"):
        return "人"
    if unit in ("万余人", "万多人"):
        return "万人"
    return unit


# More digits than any real amount has (a national budget in 元 with fen is 16; cells glued together by a
# careless export reach 22): a run of 25+ digits is an identifier or garbage, not a figure. This keeps the
# checks' products and quantize calls inside the default 28-digit decimal context (27+ digits overflowed it).
MAX_DIGITS: Final = 24


def parse_number(num: str) -> tuple[Decimal, int] | None:
    """(value, number of decimals) of a written number, or None when it is not a usable figure."""
    clean = num.replace(",", "")
    if len(clean) - clean.count(".") > MAX_DIGITS:
        return None
    try:
        value = Decimal(clean)
    except InvalidOperation:
        return None
    decimals = len(clean.split(".", 1)[1]) if "." in clean else 0
    return value, decimals


def find_numbers(text: str, *, require_unit: bool = True) -> list[NumberMatch]:
    """Numbers in ``text`` that are figures. With ``require_unit`` a bare number is skipped."""
    found: list[NumberMatch] = []
    for m in _NUMBER_SCAN.finditer(text):
        num, _, unit = m.groups()
        unit = unit or ""
        if require_unit and not unit:
            continue
        start = m.start()
        if _glued(text, start):
            continue
        number_end, end = m.end("num"), m.end()
        before = text[max(0, start - 14):start]
        # the end-anchored patterns before the number are searched only when ``before`` may end with a match
        # (``_open_end``, or its last character among the pattern's ``…_LAST``): the last character looked at once
        open_end = _open_end(before)
        last = before[-1:]
        if not unit:
            after = text[number_end:number_end + 6]
            if _NOT_FIGURE_AFTER.match(after) or (open_end or last in _JOINED_LAST) and _JOINED_BEFORE.search(before):
                continue
            if _LIST_MARKER_AFTER.match(after):
                continue  # a list number
        if (open_end or last in _NOT_FIGURE_LAST) and _NOT_FIGURE_BEFORE.search(before):
            continue
        parsed = parse_number(num)
        if parsed is None:
            continue
        value, decimals = parsed
        approx = ""
        hit = _APPROX_BEFORE.search(before) if open_end or last in _APPROX_LAST else None
        if hit:
            approx = hit.group(1)
        tail = text[end:end + 4]
        first = tail.lstrip()[:1]  # what _APPROX_AFTER and _RANGE_AFTER would see first, after blanks
        if first in _APPROX_AFTER_FIRST and not approx:
            hit = _APPROX_AFTER.match(tail)
            if hit:
                approx = hit.group(1)
        if "余" in unit or "多" in unit:
            approx = approx or "余"
        if ((open_end or last in _RANGE_LAST) and _RANGE_BEFORE.search(before)
                or first in _RANGE_AFTER_FIRST and _RANGE_AFTER.match(tail)):
            approx = approx or "range"
        if unit == "分" and _SCORE_RULE_BEFORE.search(before):
            approx = approx or "rule"
        found.append(
            NumberMatch(start, end, number_end, text[start:end], value, decimals, canonical_unit(unit), approx)
        )
    return found


_CELL_NUMBER: Final = patterns.compile(
    r"^\s*(?P<sign>[-−+]?)\s*(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s*(?P<unit>%|万元|元|分|人)?\s*$"
)


@lru_cache(maxsize=2048)  # table code asks about the same cells many times (labels, key-value rows)
def parse_cell_number(text: str) -> tuple[Decimal, int, str] | None:
    """A table cell that is just a number (optionally signed, optionally with % or a unit)."""
    m = _CELL_NUMBER.match(text)
    if not m:
        return None
    parsed = parse_number(m.group("num"))
    if parsed is None:
        return None
    value, decimals = parsed
    if m.group("sign") in ("-", "−"):
        value = -value
    return value, decimals, m.group("unit") or ""
