"""Table total checks (RL108): a table's 合计 row (or 合计 column) against its item rows (or the columns
under 其中), only where the table is flat and its other columns add up."""

from __future__ import annotations

from typing import Iterator

from decimal import Decimal

from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import half_units, sum_gap, value
from reportlint.checks.sums import _amount
from reportlint.document import Document, Figure, Relation


def _has_subtotals(parts: list[Figure]) -> bool:
    """Whether some row equals the sum of the two or more rows right below it (a 类 row over its 款 rows): the
    rows of such a table are levels of a hierarchy, and adding them all counts the same money twice."""
    values = [value(p) for p in parts]
    halves = half_units(parts)
    for i in range(len(values) - 2):
        running, slack = Decimal(0), halves[i]
        for j in range(i + 1, min(len(values), i + 40)):
            running += values[j]
            slack += halves[j]
            if j >= i + 2 and values[i] != 0 and abs(running - values[i]) <= slack:
                return True
            if running > values[i] + slack:
                break
    return False


def _one_value_column(doc: Document, total: Figure) -> bool:
    """A plain two-column table ("科目 | 金额"): one label column, one headed value column and no other column
    that could confirm the structure — judged, but only as an inferred reading (a warning)."""
    if total.table is None or not total.table.column_header:
        return False
    table = doc.tables[total.table.table]
    return table.width - table.stub == 1 and table.header_rows >= 1


@rule("RL108", "table-total-mismatch", "error")
def table_total_mismatch(ctx: Context) -> Iterator[Finding]:
    """表格合计不符：表中“合计/总计”（或“…汇总”）一行的某列，不等于各项（同一层级的行，空行按 0）该列之和；或“合计”一列不等于
    表头“其中：”下各列之和。

    检查什么：只有一个合计行、其余行是同一层级的项目（没有“其中”行、没有两种编号层级）时，逐列比较合计与各行之和。
    表头“收入合计 | 其中：上年结转 | 财政拨款 | … | 其他收入”以“其他…”一列收尾（说明列全了）时，逐行比较合计与
    其中各列之和（空格按 0）。为避免误报，只在至少另有一列（或一行）能对上时才报告对不上的（说明表的结构读对了）。

    会报：三个项目的预算数之和为 100、执行数之和为 90，而合计行写 100、95；只有“科目 | 金额”两列的表中各行之和不等于合计
    （没有另一列可印证表的结构，只是警告）。
    不会报：各列都对得上；有“其中”子行的分层表格。

    怎么改：核对该列各项和合计。

    A table's total row disagrees with the sum of the rows above it in one column while the other columns agree;
    or, in a row, the 合计 column disagrees with the columns under 其中 (ending with 其他…) while other rows agree.
    """
    doc = ctx.doc
    groups: dict[str, list[Relation]] = {}
    for rel in doc.relations:
        if rel.kind == "table-sum":
            groups.setdefault(rel.note, []).append(rel)
    for key, rels in groups.items():
        checked: list[tuple[bool, Figure, list[Figure], Decimal]] = []
        for rel in rels:
            if rel.total is None:  # cannot be: a table sum is read from its total cell
                continue
            total = doc.figure(rel.total)
            parts = [doc.figure(p) for p in rel.parts]
            gap, tol = sum_gap(total, parts)
            checked.append((abs(gap) <= tol, total, parts, gap))
        single = len(checked) == 1 and _one_value_column(doc, checked[0][1])
        if not any(ok for ok, *_ in checked) and not single:
            continue  # no column adds up: the table is probably not flat
        for ok, total, parts, gap in checked:
            if ok or _has_subtotals(parts) or (total.table is not None and not total.table.column_header
                                               and not key.endswith(":columns")):
                continue  # rows that hold their own subtotals are not flat; a column without a header is unknown
            summed = _amount(value(total) + gap, total)
            listed = f"{' + '.join(p.text for p in parts[:12])}{' + …' if len(parts) > 12 else ''}"
            if key.endswith(":columns"):  # the 合计 column against the columns under 其中, in one row
                row = total.table.row_header if total.table else ""
                message = f"“{row}”一行的合计写作 {total.text}，但其中各列之和为 {summed}（{listed}）"
                message_en = f"row '{row}': the total is {total.text}, but the columns under it add up to {summed}"
                header = row
            else:
                header = total.table.column_header.split("/")[-1] if total.table else ""
                message = f"合计行“{header}”列写作 {total.text}，但各行之和为 {summed}（{listed}）"
                message_en = f"total row, column '{header}': {total.text}, but the rows add up to {summed}"
            yield ctx.finding(
                "RL108", total.span, message, message_en,
                related=[(p.span, p.text, p.text) for p in parts[:20]],
                subject=f"tablesum:{key}:{header}", figures=[total, *parts],
                **({"reading": "表中只有一列数，没有另一列可印证表的结构", "certainty": "inferred"} if single else {}),
            )
