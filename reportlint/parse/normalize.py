"""Normalise text for matching while keeping a map back to the original positions.

What changes (for matching only; messages quote the original):
  * full-width ASCII forms (``２０１８``, ``．``, ``％``, ``（）``, ``：``) become ASCII; U+3000 becomes a space;
    ``≦``/``≧`` become ``≤``/``≥``; a full-width comma between digit groups becomes ``,``;
  * traditional characters become simplified (萬元 → 万元, 預算 → 预算), character for character;
  * pinyin glosses that some mirror sites insert after characters (``經(jīng)費``) are dropped;
  * spaces between two Chinese characters (``預 算 數`` in PDF text) are dropped.

Every character of a ``NormText`` remembers the line and column it came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, TYPE_CHECKING, Iterable, Sequence
from functools import lru_cache

import re
from reportlint import patterns

from reportlint.document import Pos, Rebuilt, Span

if TYPE_CHECKING:
    import opencc

# A position packed in one int: line << LINE_SHIFT | 0-based column. 40 bits of column (10^12 characters on
# one line) cannot overflow on any text that fits in memory; 24 bits did after 16,777,216 characters.
LINE_SHIFT: Final = 40
COL_MASK: Final = (1 << LINE_SHIFT) - 1


def _build_char_table() -> dict[int, str]:
    table: dict[int, str] = {}
    for code in range(0xFF01, 0xFF5F):
        if code == 0xFF0C:  # ，stays: it is Chinese punctuation (handled between digits below)
            continue
        table[code] = chr(code - 0xFEE0)
    table[0x3000] = " "
    table[0x00A0] = " "
    table[0x2266] = "≤"  # ≦
    table[0x2267] = "≥"  # ≧
    table[0xFE6A] = "%"  # ﹪
    table[0x2014] = "—"
    return table


CHAR_TABLE: Final = _build_char_table()
_CHAR_MAP: Final = {chr(k): v for k, v in CHAR_TABLE.items()}
_TO_MAP: Final = patterns.compile("[" + "".join(re.escape(ch) for ch in _CHAR_MAP) + "]")


def _map_chars(text: str) -> str:
    """CHAR_TABLE applied to the few characters that need it (faster than str.translate on CJK text)."""
    found = _TO_MAP.findall(text)
    if not found:
        return text
    for ch in set(found):
        text = text.replace(ch, _CHAR_MAP[ch])
    return text

# A cheap test for traditional text: common characters that only traditional script uses.
_TRADITIONAL_HINTS: Final = set(
    "萬預決費經與為這個們國說員務會實際額數總計劃區縣財撥購運維發從變動達產開關"
    "項單報門資標準構環護療險歲鎮無應設據顯聯統體職"
)  # each only in traditional text (a character shared with simplified text, such as 位, would slow every report)

_HINT_RE: Final = patterns.compile("[" + "".join(sorted(_TRADITIONAL_HINTS)) + "]")

_PINYIN: Final = "a-zāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜüńňǹḿ"
_PINYIN_GLOSS: Final = patterns.compile(rf"(?<=\p{{Han}})\([{_PINYIN}]{{1,7}}\)")
# a gloss cut by a line break: "運(" at the end of one line, "yùn)" at the start of the next
_GLOSS_CUT_AT_END: Final = patterns.compile(rf"(?<=\p{{Han}})\([{_PINYIN}]{{0,6}}$")
_GLOSS_CUT_AT_START: Final = patterns.compile(rf"^[{_PINYIN}]{{1,7}}\)(?=\p{{Han}})")
# (each look-behind stands after the pattern's first character, not before it: a pattern that opens with one
# is tried at every character of the text, one that opens with a character is tried only where it occurs)
_SPACE_IN_HAN: Final = patterns.compile(r"[ \t](?<=\p{Han}[ \t])[ \t]*(?=\p{Han})")
_COMMA_IN_NUMBER: Final = patterns.compile(r"，(?<=\d，)(?=\d{3}(?!\d))")
# Invisible characters that word processors and web pages leave inside words and numbers (zero-width
# space/non-joiner/joiner, word joiner, soft hyphen, a BOM in the middle of the text): dropped, so that
# 610.\u200b20 is one figure; the characters around them keep their original columns.
INVISIBLE: Final = "\u200b\u200c\u200d\u2060\u00ad\ufeff"
_INVISIBLE: Final = patterns.compile(f"[{INVISIBLE}]+")


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    import opencc  # imported only for traditional text

    return opencc.OpenCC("t2s")


@lru_cache(maxsize=4096)
def _char_t2s(ch: str) -> str:
    out: str = _converter().convert(ch)  # (OpenCC.convert is not annotated: it returns a str)
    return out if len(out) == 1 else ch


def to_simplified(text: str) -> str:
    """Traditional → simplified, keeping the length (and so every position) unchanged."""
    if not _HINT_RE.search(text):
        return text
    converted: str = _converter().convert(text)
    if len(converted) == len(text):
        return converted
    return "".join(_char_t2s(ch) if ord(ch) > 0x2E80 else ch for ch in text)


def encode(line: int, column0: int) -> int:
    """Pack a 1-based line and a 0-based column into one int (see LINE_SHIFT)."""
    return (line << LINE_SHIFT) | column0


def decode_pos(code: int) -> Pos:
    """The Pos (1-based line and column) of a packed position."""
    return Pos(code >> LINE_SHIFT, (code & COL_MASK) + 1)


@dataclass(frozen=True)
class NormText(Rebuilt):
    """Normalised text with, for each character, its origin (line, 0-based column) encoded as an int
    (a ``range`` when the text is one untouched stretch of a line)."""

    text: str
    origin: Sequence[int]

    def __init__(self, text: str, origin: Sequence[int]) -> None:  # spelled out: built natively when compiled
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "origin", origin)

    def pos(self, index: int) -> Pos:
        if not self.origin:
            return Pos(1, 1)
        index = min(max(index, 0), len(self.origin) - 1)
        return decode_pos(self.origin[index])

    def span(self, start: int, end: int) -> Span:
        """Span of text[start:end] in the original file (end exclusive)."""
        origin = self.origin
        if not origin:
            return Span(Pos(1, 1), Pos(1, 2))
        top = len(origin) - 1
        first = origin[min(max(start, 0), top)]
        last = origin[min(max(max(start, end - 1), 0), top)]  # (two-argument max: native when compiled)
        return Span(Pos(first >> LINE_SHIFT, (first & COL_MASK) + 1), Pos(last >> LINE_SHIFT, (last & COL_MASK) + 2))

    def lines(self, start: int, end: int) -> tuple[int, int]:
        """The first and last line of ``span(start, end)``, without building the span."""
        origin = self.origin
        if not origin:
            return 1, 1
        top = len(origin) - 1
        return origin[min(max(start, 0), top)] >> LINE_SHIFT, origin[min(max(max(start, end - 1), 0), top)] >> LINE_SHIFT

    def __len__(self) -> int:
        return len(self.text)


def _apply_deletions(text: str, origin: list[int] | range, deletions: Iterable[re.Pattern[str]]
                     ) -> tuple[str, list[int] | range]:
    drops: list[tuple[int, int]] = []
    for pattern in deletions:
        drops.extend(m.span() for m in pattern.finditer(text))
    if not drops:
        return text, origin
    drops.sort()
    keep_text: list[str] = []
    keep_origin: list[int] = []
    cursor = 0
    for start, end in drops:
        if start < cursor:
            start = cursor
        if start >= end:
            continue
        keep_text.append(text[cursor:start])
        keep_origin.extend(origin[cursor:start])
        cursor = end
    keep_text.append(text[cursor:])
    keep_origin.extend(origin[cursor:])
    return "".join(keep_text), keep_origin


def normalize_line(simplified_line: str, line_no: int) -> NormText:
    """Normalise one line that has already been through ``to_simplified``."""
    text = _map_chars(simplified_line)
    base = encode(line_no, 0)
    origin: "list[int] | range" = range(base, base + len(text))
    if not text.isprintable() and any(ch in text for ch in INVISIBLE):  # every INVISIBLE one is unprintable
        text, origin = _apply_deletions(text, origin, (_INVISIBLE,))
    if "，" in text:
        text = _COMMA_IN_NUMBER.sub(",", text)  # (same length: the origins stay)
    if "(" in text or ")" in text:
        text, origin = _apply_deletions(text, origin, (_PINYIN_GLOSS, _GLOSS_CUT_AT_END, _GLOSS_CUT_AT_START))
    if " " in text or "\t" in text:
        text, origin = _apply_deletions(text, origin, (_SPACE_IN_HAN,))
    return NormText(text, origin if isinstance(origin, range) else tuple(origin))


def join(parts: list[NormText], separator: str = "") -> NormText:
    """Concatenate normalised pieces (e.g. PDF-wrapped lines of one paragraph)."""
    if not parts:
        return NormText("", ())
    if len(parts) == 1:
        return parts[0]
    texts: list[str] = []
    origin: list[int] = []
    for i, part in enumerate(parts):
        if i and separator:
            texts.append(separator)
            anchor = origin[-1] if origin else (part.origin[0] if part.origin else 0)
            origin.extend([anchor] * len(separator))
        texts.append(part.text)
        origin.extend(part.origin)
    return NormText("".join(texts), tuple(origin))


def normalize_text(text: str) -> str:
    """Normalise a short string (a label or a term) the same way, without positions."""
    return _SPACE_IN_HAN.sub("", _PINYIN_GLOSS.sub("", _INVISIBLE.sub("", _map_chars(to_simplified(text)))))
