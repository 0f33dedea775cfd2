"""Unit checks (RL4xx)."""

from __future__ import annotations

from dataclasses import replace
from typing import Sequence

from reportlint.checks import Context, rule
from reportlint.checks.arithmetic import sum_gap
from reportlint.document import MONEY_UNITS, Figure


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
    if slipped or not complete:
        return slipped
    gap, tol = sum_gap(total, parts)
    if abs(gap) <= tol:
        return []
    fixed = [replace(p, unit=total.unit) if p in odd else p for p in parts]
    gap2, tol2 = sum_gap(total, fixed)
    return odd if abs(gap2) <= tol2 else []


@rule("RL401", "unit-slip", "error")
def unit_slip(ctx: Context):
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
        for part in slipped_parts(total, parts, rel.complete):
            yield ctx.finding(
                "RL401", part.span,
                f"单位疑似错写：{part.text} 是“{total.text}”（{ctx.where(total)}）的分项，"
                f"按“{part.unit}”计只有合计的 {part.value * MONEY_UNITS[part.unit] / MONEY_UNITS[total.unit]:f}，"
                f"应为 {part.value}{total.unit}",
                f"unit slip: {part.text} is a part of {total.text} (line {total.span.start.line}); "
                f"it only fits when read as {part.value}{total.unit}",
                related=[(total.span, f"合计 {total.text}", f"total {total.text}")],
                subject=f"{part.concept or part.label}:{part.text}", figures=[part, total],
            )
