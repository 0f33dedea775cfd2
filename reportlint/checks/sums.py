"""Sum checks (RL1xx): totals against their parts."""

from __future__ import annotations

from reportlint.checks import Context, rule
from reportlint.checks.arithmetic import fmt, half_units, scale, sum_gap, value
from reportlint.checks.units import slipped_parts
from reportlint.document import Figure
from reportlint.rules import vocabulary


def _name(ctx: Context, fig: Figure) -> str:
    return vocabulary().concept_name(fig.concept, "zh") or (fig.table.row_header if fig.table else "") or "分项"


def _name_en(ctx: Context, fig: Figure) -> str:
    return vocabulary().concept_name(fig.concept, "en") or "part"


def _display_unit(total: Figure) -> str:
    return total.unit if total.unit else ""


def _amount(v, total: Figure) -> str:
    places = max(2, total.decimals)
    return fmt(v / scale(total), places)


@rule("RL101", "sum-mismatch", "error")
def sum_mismatch(ctx: Context):
    """合计与分项之和不符：总数不等于它的组成部分之和（已考虑四舍五入）。

    检查什么：报告写明的分解（“X，其中 A a、B b”）和恒等式（支出合计 = 基本支出 + 项目支出；基本支出 =
    人员经费 + 公用经费；三公经费 = 因公出国（境）费 + 公务用车购置及运行维护费 + 公务接待费；公务用车购置及
    运行维护费 = 购置费 + 运行维护费），在正文的同一句和表格的同一行/列里，口径（预算/决算、年度、资金、单位）
    一致时，要求合计等于分项之和。每个数按其印出的位数代表 ±½ 个末位单位；只有在这些区间内无论如何都凑不上时才报。

    会报：``基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元``（112.53 + 22.80 = 135.33）。
    不会报：``484.14`` 对 ``371.88 + 112.27 = 484.15``（差 0.01，在两位小数的舍入范围内）。

    怎么改：核对合计与各分项，改正写错的数字。

    A total does not equal the sum of its parts (beyond rounding) in a stated breakdown or an identity.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind not in ("breakdown", "identity") or rel.total is None:
            continue
        total = doc.figure(rel.total)
        parts = [doc.figure(p) for p in rel.parts]
        if total.approx or any(p.approx for p in parts) or len(parts) < 2 and rel.kind == "breakdown":
            continue
        if slipped_parts(total, parts, rel.complete):
            continue
        gap, tol = sum_gap(total, parts)
        if abs(gap) <= tol:
            continue
        exact = rel.complete
        if not exact and gap < 0:
            if rel.kind != "identity":
                continue
            severity = "warning"  # parts short of the total: other categories may exist
        elif not exact and rel.kind == "breakdown":
            continue  # a partial breakdown only bounds (RL102)
        else:
            severity = "error" if (rel.explicit or rel.kind == "identity") else "warning"
        unit = _display_unit(total)
        terms = " + ".join(f"{_name(ctx, p)} {p.text.rstrip(unit) if p.unit == total.unit else p.text}" for p in parts)
        terms_en = " + ".join(f"{_name_en(ctx, p)} {p.text}" for p in parts)
        summed = _amount(value(total) + gap, total)
        yield ctx.finding(
            "RL101", total.span,
            f"{terms} = {summed}{unit}，与{_name(ctx, total)} {total.text}（{ctx.where(total)}）不符，相差 "
            f"{_amount(abs(gap), total)}{unit}",
            f"{terms_en} = {summed}{unit}, but {_name_en(ctx, total)} is {total.text}; off by {_amount(abs(gap), total)}{unit}",
            severity=severity,
            related=[(p.span, f"{_name(ctx, p)} {p.text}", f"{_name_en(ctx, p)} {p.text}") for p in parts],
            subject=f"{total.concept}={'+'.join(sorted(p.concept or '?' for p in parts))}:{total.text}",
            figures=[total, *parts],
        )


@rule("RL102", "part-exceeds-total", "error")
def part_exceeds_total(ctx: Context):
    """分项大于合计：“其中”列出的某一部分（或几部分之和）超过了它所属的总数。

    检查什么：“X，其中 A a、B b”里的每个分项不能大于 X；分项都属于同一个恒等式时，它们的和也不能大于 X。
    只列出部分分项时不要求相等，只检查这个上限。

    会报：``支出合计100.00万元，其中基本支出120.00万元``。
    不会报：``支出合计100.00万元，其中基本支出60.00万元``（只列了一部分，不要求相加等于合计）。

    怎么改：核对分项与合计，改正写错的数字。

    A part listed under a total (or the sum of listed parts) exceeds the total.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind != "breakdown" or rel.total is None or rel.complete:
            continue
        total = doc.figure(rel.total)
        parts = [doc.figure(p) for p in rel.parts]
        if total.approx or slipped_parts(total, parts, False):
            continue
        for part in parts:
            if part.approx or part.concept == total.concept:
                continue
            h = half_units([total, part])
            if value(part) - value(total) > h[0] + h[1]:
                yield ctx.finding(
                    "RL102", part.span,
                    f"分项 {_name(ctx, part)} {part.text} 大于其合计 {_name(ctx, total)} {total.text}（{ctx.where(total)}）",
                    f"part {_name_en(ctx, part)} {part.text} exceeds its total {_name_en(ctx, total)} {total.text}",
                    related=[(total.span, f"合计 {total.text}", f"total {total.text}")],
                    subject=f"{part.concept}>{total.concept}:{part.text}", figures=[part, total],
                )
