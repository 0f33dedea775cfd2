"""Text checks (RL9xx): typing slips that survive into published reports."""

from __future__ import annotations

from reportlint import patterns

from reportlint.checks import Context, rule
from reportlint.document import Pos, Span

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_ASCII_DIGIT = patterns.compile(r"[0-9]")

_FULLWIDTH_DIGIT = patterns.compile(r"[０-９]")
_MIXED = patterns.compile(r"[0-9][０-９]|[０-９][0-9]")
_DOUBLED_PUNCT = patterns.compile(r"([。，、；：！？])\1")
_DOUBLED_CHAR = patterns.compile(r"(率|的|了|和|在|是|及|与|等|元|万)\1")
_ALLOWED_DOUBLES = ("等等", "万万", "在在")


@rule("RL901", "mixed-width-digits", "warning")
def mixed_width_digits(ctx: Context):
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
        yield ctx.finding(
            "RL901", Span(Pos(number, m.start() + 1), Pos(number, m.end() + 1)),
            f"全角数字与半角数字混用：“{line[max(0, m.start() - 4):m.end() + 4]}”",
            f"full-width and half-width digits mixed: '{line[max(0, m.start() - 4):m.end() + 4]}'",
            subject=f"width:{line[max(0, m.start() - 4):m.end() + 4]}",
        )


@rule("RL902", "doubled-character", "warning")
def doubled_character(ctx: Context):
    """重复的标点或字：``。。``、``，，``、``办结率率``。

    会报：``…督查机制。。``、``按期办结率率``。 不会报：``等等``、``万万``。

    怎么改：删去多余的字符。

    A doubled punctuation mark or character.
    """
    for number, line in enumerate(ctx.doc.lines, start=1):
        for pattern in (_DOUBLED_PUNCT, _DOUBLED_CHAR):
            for m in pattern.finditer(line):
                if m.group() in _ALLOWED_DOUBLES:
                    continue
                context = line[max(0, m.start() - 6):m.end() + 2]
                yield ctx.finding(
                    "RL902", Span(Pos(number, m.start() + 1), Pos(number, m.end() + 1)),
                    f"重复的字符“{m.group()}”：“{context}”", f"doubled character '{m.group()}': '{context}'",
                    subject=f"double:{context}",
                )
