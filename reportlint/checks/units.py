"""Unit checks (RL4xx)."""

from __future__ import annotations

from dataclasses import replace
from typing import Iterator, Sequence

from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import sum_gap
from reportlint.document import MONEY_UNITS, Document, Figure


def slipped_parts(total: Figure, parts: Sequence[Figure], complete: bool) -> list[Figure]:
    """Parts whose money unit differs from the total's and that only fit when read in the total's unit."""
    if total.unit not in MONEY_UNITS:
        return []
    odd = [p for p in parts if p.unit in MONEY_UNITS and p.unit != total.unit]
    if not odd:
        return []
    slipped = []
    for part in odd:
        same_digits = part.value == total.value and len(parts) == 1
        if same_digits:
            slipped.append(part)
    if slipped or (not complete and len(parts) < 2):
        return slipped
    # read in the total's unit the parts add up exactly: the slip explains it (a partial list that
    # happens to add up exactly only under that reading is too unlikely to matter)
    gap, tol = sum_gap(total, parts)
    if abs(gap) <= tol:
        return []
    fixed = [replace(p, unit=total.unit) if p in odd else p for p in parts]
    gap2, tol2 = sum_gap(total, fixed)
    return odd if abs(gap2) <= tol2 else []


def _sentence_figures(doc: Document, fig: Figure) -> list[Figure]:
    """The figures of ``fig``'s sentence: the run of figures around it (a sentence's figures are read together,
    one after the other), not a scan of every figure of the report."""
    figures, sentence = doc.figures, fig.sentence
    first = last = fig.id
    while first > 0 and figures[first - 1].sentence == sentence:
        first -= 1
    while last + 1 < len(figures) and figures[last + 1].sentence == sentence:
        last += 1
    return list(figures[first:last + 1])


def slipped_total(total: Figure, parts: Sequence[Figure], doc: Document | None = None) -> bool:
    """The total is in another money unit than all its parts, and only fits when read in theirs
    ("全年支出543.02元，其中人员经费514.98万元，公用经费28.04万元"). When a single part has the total's
    digits, the one whose unit is the odd one out in its sentence is taken for the slip."""
    units = {p.unit for p in parts}
    if total.unit not in MONEY_UNITS or len(units) != 1 or total.unit in units:
        return False
    if doc is not None and total.sentence >= 0:
        same = [f.unit for f in _sentence_figures(doc, total) if f.unit in MONEY_UNITS]
        if same.count(total.unit) >= same.count(next(iter(units))):
            return False  # the total's unit is the sentence's usual one: a part slipped, not the total
    unit = units.pop()
    if unit not in MONEY_UNITS:
        return False
    fixed = replace(total, unit=unit)
    gap, tol = sum_gap(fixed, parts)
    if abs(gap) <= tol:
        return True
    original_gap, _ = sum_gap(total, parts)
    # a partial breakdown: the parts must fit under the total only when it is read in their unit
    return original_gap > 0 and gap <= tol and len(parts) >= 1


def explained_by_unit_slip(total: Figure, parts: Sequence[Figure], complete: bool, doc: Document | None = None) -> bool:
    return bool(slipped_parts(total, parts, complete)) or slipped_total(total, parts, doc)


@rule("RL401", "unit-slip", "error")
def unit_slip(ctx: Context) -> Iterator[Finding]:
    """金额单位错写：分项与合计单位不一致，且只有按合计的单位读才说得通。

    检查什么：在“X，其中 A a、B b”这样的分解里，某个分项的金额单位（元/万元/亿元）与合计不同，
    而把它按合计的单位读时数字恰好吻合（同样的数字，或分项之和正好等于合计）。这通常是把“万元”写成了“元”。

    会报：``总收入286.16万元，其中一般预算拨款收入286.16元`` — 分项 286.16 元 应为 286.16 万元。
    不会报：``三公经费合计700元，均为公务接待费`` — 没有与之不一致的合计。

    怎么改：把分项的单位改成与合计一致。

    Unit slip: a part of a breakdown is written in another money unit than its total and only fits
    when read in the total's unit (e.g. 286.16元 as the part of 286.16万元).
    """
    for rel, total, parts in ctx.sum_relations():
        if slipped_total(total, parts, ctx.doc):
            unit = parts[0].unit
            yield ctx.finding(
                "RL401", total.span,
                f"单位疑似错写：合计 {total.text} 的分项都以“{unit}”计（{'、'.join(p.text for p in parts)}），"
                f"按“{total.unit}”读合计比分项还小，应为 {total.value}{unit}",
                f"unit slip: the total {total.text} only fits its parts ({', '.join(p.text for p in parts)}) "
                f"when read as {total.value}{unit}",
                related=[(p.span, f"分项 {p.text}", f"part {p.text}") for p in parts],
                subject=f"total:{total.concept or total.label}:{total.text}", figures=[total, *parts],
            )
            continue
        for part in slipped_parts(total, parts, rel.complete):
            yield ctx.finding(
                "RL401", part.span,
                f"单位疑似错写：{part.text} 是“{total.text}”（{ctx.where(total)}）的分项，"
                f"按“{part.unit}”只相当于 {(part.value * MONEY_UNITS[part.unit] / MONEY_UNITS[total.unit]).normalize():f}{total.unit}，"
                f"应为 {part.value}{total.unit}",
                f"unit slip: {part.text} is a part of {total.text} (line {total.span.start.line}); "
                f"it only fits when read as {part.value}{total.unit}",
                related=[(total.span, f"合计 {total.text}", f"total {total.text}")],
                subject=f"{part.concept or part.label}:{part.text}", figures=[part, total],
            )
