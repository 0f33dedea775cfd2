"""Text checks (RL9xx): typing slips that survive into published reports."""

from __future__ import annotations

from typing import Final, Iterator

import re
from functools import lru_cache

from reportlint import patterns
from reportlint.parse.normalize import to_simplified

from reportlint.checks import Context, rule
from reportlint.checks.scanning import finditer_not_after
from reportlint.finding import Finding
from reportlint.document import Pos, Span

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_ASCII_DIGIT: Final = patterns.compile(r"[0-9]")

_FULLWIDTH_DIGIT: Final = patterns.compile(r"[０-９]")
_MIXED: Final = patterns.compile(r"[0-9][０-９]|[０-９][0-9]")
# "。。。" is an ellipsis placeholder, not a slip: a doubled mark after "。" is not reported (tested after the match)
_DOUBLED_PUNCT: Final = patterns.compile(r"([。，、；：！？])\1(?!。)")
_DOUBLED_CHAR: Final = patterns.compile(r"(率|的|了|和|在|是|及|与|等|元|万)\1")
_TABLE_LINE: Final = patterns.compile(r"\t|\|")


@lru_cache(maxsize=1)
def _text_words() -> tuple[tuple[str, ...], "re.Pattern[str]", "re.Pattern[str]", set[str]]:
    from reportlint.checks.residue import residue_words

    data = residue_words()
    doubling, punct = data["doubling"], data["punctuation"]
    marks = re.escape(punct["marks"])
    mixed = patterns.compile(r"([" + marks + r"])(?!\1)([" + marks + r"])")
    words = "|".join(re.escape(w) for w in sorted(doubling["words"], key=len, reverse=True))
    doubled_word = patterns.compile(r"(" + words + r")\1")
    return tuple(doubling["legitimate"]), doubled_word, mixed, set(punct["allowed"])


def _legitimate(line: str, start: int, end: int, words: tuple[str, ...]) -> bool:
    """Whether line[start:end] lies inside a listed legitimate doubling ("为了了解", "但是是否")."""
    for word in words:
        at = line.find(word, max(0, start - len(word)), end + len(word))
        while at >= 0 and at <= start:
            if at + len(word) >= end:
                return True
            at = line.find(word, at + 1, end + len(word))
    return False


@rule("RL901", "mixed-width-digits", "warning")
def mixed_width_digits(ctx: Context) -> Iterator[Finding]:
    """全角与半角数字混用：同一个数里既有半角又有全角数字（``201８``）。

    会报：``201８年``、``７月13日`` 所在的行（半角与全角混写）。 不会报：全文一致使用的全角或半角数字。

    怎么改：统一使用半角数字。

    Full-width and half-width digits mixed in one number or line.
    """
    for number, line in enumerate(ctx.doc.lines, start=1):
        if not _FULLWIDTH_DIGIT.search(line):
            continue
        m = _MIXED.search(line)
        if m is None:
            if not _ASCII_DIGIT.search(line):
                continue
            m = _FULLWIDTH_DIGIT.search(line)
            if m is None:  # cannot be: the line was found to hold a full-width digit above
                continue
        yield ctx.finding(
            "RL901", Span(Pos(number, m.start() + 1), Pos(number, m.end() + 1)),
            f"全角数字与半角数字混用：“{line[max(0, m.start() - 4):m.end() + 4]}”",
            f"full-width and half-width digits mixed: '{line[max(0, m.start() - 4):m.end() + 4]}'",
            subject=f"width:{line[max(0, m.start() - 4):m.end() + 4]}",
        )


@rule("RL902", "doubled-character", "warning")
def doubled_character(ctx: Context) -> Iterator[Finding]:
    """重复的标点、字或词：``。。``、``，，``、``办结率率``、``原因原因``。

    会报：``…督查机制。。``、``按期办结率率``、``主要是是接待``、正文中的``原因原因``。
    不会报：``等等``、``万万``、``为了了解``（为了＋了解）、``但是是否``、``目的的``，表格里的重复（多半是粘连的单元格），
    占位的``。。。``。合理的叠用列在 ``rules/residue.toml`` 的 ``[doubling]``。

    怎么改：删去多余的字符。

    A doubled punctuation mark or character.
    """
    legitimate, doubled_word, _, _ = _text_words()
    for number, line in ctx.lines_matching(_DOUBLED_PUNCT, _DOUBLED_CHAR, doubled_word):
        prose = _TABLE_LINE.search(line) is None
        simple = ""  # the line in simplified characters, made on the first match ("的的確確"; same length)
        for pattern in (_DOUBLED_PUNCT, _DOUBLED_CHAR, doubled_word):
            if pattern is doubled_word and not prose:
                continue
            for m in (finditer_not_after(pattern, line, ("。",)) if pattern is _DOUBLED_PUNCT else pattern.finditer(line)):
                simple = simple or to_simplified(line)
                if _legitimate(simple, m.start(), m.end(), legitimate):
                    continue
                context = line[max(0, m.start() - 6):m.end() + 2]
                yield ctx.finding(
                    "RL902", Span(Pos(number, m.start() + 1), Pos(number, m.end() + 1)),
                    f"重复的字符“{m.group()}”：“{context}”", f"doubled character '{m.group()}': '{context}'",
                    subject=f"double:{context}",
                )


@rule("RL903", "mixed-punctuation", "warning")
def mixed_punctuation(ctx: Context) -> Iterator[Finding]:
    """标点连用：两个不同的标点挨在一起（``；，``、``，。``、``。，``），其中一个是多打的。

    会报：``完成年度目标；，资金到位``、``全年支出120万元，。``。
    不会报：``……。``、引号或括号与标点相邻（``”。``、``）；``）。

    怎么改：删去多余的那个标点。

    Two different punctuation marks side by side; one of them is a slip.
    """
    _, _, mixed, allowed = _text_words()
    for number, line in ctx.lines_matching(mixed):
        for m in mixed.finditer(line):
            if m.group() in allowed:
                continue
            context = line[max(0, m.start() - 6):m.end() + 4]
            yield ctx.finding(
                "RL903", Span(Pos(number, m.start() + 1), Pos(number, m.end() + 1)),
                f"标点连用“{m.group()}”：“{context}”", f"two punctuation marks side by side '{m.group()}': '{context}'",
                subject=f"punct:{context}",
            )
            break
