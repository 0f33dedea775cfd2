"""Two statements of one change (RL304): the same quantity's change against the same reference, stated twice
with different values.

"收入合计120.00万元，比上年减少8.00万元" and later "收入合计120.00万元，比上年增加8.00万元": RL301 compares
levels only, and the two levels agree; the changes cannot both be right. A change belongs to the level figure
stated just before it in its sentence (its subject); two changes are of one quantity only when their subjects
have the same concept, qualifiers (year, state, fund, entity) and value, and the same reference (the year before,
or a budget) — otherwise they may be of different scopes and are not compared.
"""

from __future__ import annotations

from typing import Final, Iterator, Optional

from decimal import Decimal

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import half_units, value
from reportlint.document import Figure

_LAST_YEAR: Final = patterns.compile(r"上年|去年|上一年|上年度|同期|(?:19|20)[0-9]{2}\s*年")
_BUDGET: Final = patterns.compile(r"预算|计划")
_OTHER_ITEM: Final = patterns.compile(r"其中|分别|包括|；|;|、")
_SCOPE: Final = ("concept", "year", "state", "fund", "entity")


def _between(ctx: Context, left: Figure, right: Figure) -> str:
    """The original text from the end of ``left`` to the start of ``right`` (both in one sentence)."""
    first, last = left.span.end, right.span.start
    if first.line == last.line:
        return ctx.doc.line_text(first.line)[first.column - 1:last.column - 1]
    lines = [ctx.doc.line_text(first.line)[first.column - 1:]]
    lines += [ctx.doc.line_text(n) for n in range(first.line + 1, last.line)]
    lines.append(ctx.doc.line_text(last.line)[:last.column - 1])
    return "".join(lines)


StatementKey = tuple[Optional[str], ...]  # the subject's concept and scope qualifiers, then the reference


def _statements(ctx: Context) -> Iterator[tuple[StatementKey, Figure, Figure, Decimal]]:
    """(key, subject, change, signed change in 元) for each money change with a subject and a reference.

    A level's changes follow it in its sentence, one for each reference ("比预算增加0万元，比去年增加1.55万元");
    a change after 其中, 分别, 包括, "；" or a second change against the same reference is another item's."""
    subject: Figure | None = None
    anchor: Figure | None = None
    used: set[str] = set()
    for fig in ctx.doc.figures:
        if fig.table is not None or fig.approx or not fig.is_money:
            subject = None if fig.table is not None else subject
            continue
        kind = fig.qualifier("kind")
        if kind == "level":
            subject, used, anchor = (fig if fig.concept else None), set(), fig
            continue
        if kind != "change" or subject is None or anchor is None or subject.sentence != fig.sentence:
            continue
        direction = fig.qualifier("direction")
        between = _between(ctx, anchor, fig)
        anchor = fig
        if _OTHER_ITEM.search(between):
            subject = None
            continue
        if _BUDGET.search(between):
            reference = "budget"
        elif _LAST_YEAR.search(between):
            reference = "last-year"
        else:
            continue
        if reference in used:
            subject = None
            continue
        used.add(reference)
        if direction not in ("+", "-"):
            continue
        key: StatementKey = tuple(subject.concept if q == "concept" else subject.qualifier(q) for q in _SCOPE) + (reference,)
        signed = value(fig) if direction == "+" else -value(fig)
        yield key, subject, fig, signed


def _same(a: Figure, b: Figure) -> bool:
    h_a, h_b = half_units([a, b])
    return abs(value(a) - value(b)) <= h_a + h_b


@rule("RL304", "change-restated", "warning")
def change_restated(ctx: Context) -> Iterator[Finding]:
    """一个变动说了两次、数不同：同一个数（同一概念、口径和数值）对同一比较对象（上年或预算）的增减，前后写成了不同的值。

    会报：``收入合计120.00万元，比上年减少8.00万元。`` …… ``收入合计120.00万元，比上年增加8.00万元。``
    不会报：两处的数本身不同（口径可能不同，由 RL301 判断）；一处比上年、一处比预算；四舍五入以内的差别。

    怎么改：核对上年数，改正其中写错的一处。

    The same quantity's change against the same reference stated twice with different values.
    """
    seen: dict[StatementKey, list[tuple[Figure, Figure, Decimal]]] = {}
    for key, subject, change, signed in _statements(ctx):
        earlier = seen.setdefault(key, [])
        for first_subject, first_change, first_signed in earlier:
            if not _same(subject, first_subject):
                continue
            halves = half_units([change, first_change])
            if abs(signed - first_signed) <= sum(halves, Decimal(0)):
                continue
            said = "比上年" if key[-1] == "last-year" else "比预算"
            words = {1: "增加", -1: "减少"}
            first_word = words[1 if first_signed > 0 else -1]
            word = words[1 if signed > 0 else -1]
            yield ctx.finding(
                "RL304", change.span,
                f"{subject.label or '同一个数'} {subject.text}，{said}{word} {change.text}，与{ctx.where(first_change)}"
                f"所写的“{said}{first_word} {first_change.text}”不一致",
                f"the change of {subject.text} against the same reference is stated as {change.text} here and "
                f"{first_change.text} at line {first_change.span.start.line}",
                related=[(first_change.span, "先前的说法", "the earlier statement")],
                subject=f"change-restated:{key}", figures=(subject, change, first_change),
                reading=f"两处都是 {subject.label or subject.concept} {subject.text} {said}的变动",
            )
            break
        earlier.append((subject, change, signed))
