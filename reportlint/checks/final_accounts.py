"""部门决算 completeness (RL507, RL508): the standard tables a 部门决算 publishes, and the notes on empty ones.

A 部门决算 publishes nine tables (收入支出决算总表, 收入决算表, 支出决算表, 财政拨款收入支出决算总表, 一般公共预算
财政拨款支出决算表, 一般公共预算财政拨款基本支出决算表, 财政拨款“三公”经费支出决算表, 政府性基金预算财政拨款收入
支出决算表, 国有资本经营预算财政拨款收入支出决算表; ``rules/final_accounts.toml``). A table the department has no
data for is kept, empty, with a note saying so ("故本表无数据"). A table is found by its title line: the standard
table whose longest name the line ends with (quotes, numbering and "（公开01表）" aside).
"""

from __future__ import annotations

from typing import Final, Any, Iterator

import re
from functools import lru_cache

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.headings import contents_entries
from reportlint.document import Document, Figure, Pos, Span
from reportlint.rules import RULES_DIR, load_toml

_DECORATION: Final = patterns.compile(r"[“”\"'‘’「」\s]")
_TRAILER: Final = patterns.compile(r"[(（][^()（）]{0,12}[)）]$|(?:金额)?单位[:：][^表]{0,6}$")
_CODE: Final = patterns.compile(r"^[23][0-9]{2}(?:[0-9]{2}){0,2}$")
_NUMBERING: Final = patterns.compile(r"^(?:[一二三四五六七八九十]+[、.]|[0-9]+[、.．]|[(（][一二三四五六七八九十0-9]+[)）])")


@lru_cache(maxsize=1)
def _data() -> tuple[dict[str, Any], list[tuple[str, dict[str, Any]]], "re.Pattern[str]"]:
    data = load_toml(RULES_DIR / "final_accounts.toml")
    names = sorted(((n, t) for t in data["table"] for n in t["names"]), key=lambda p: len(p[0]), reverse=True)
    notes = patterns.compile("|".join(re.escape(n) for n in data["empty"]["notes"]))
    return data, names, notes


def table_title(text: str) -> dict[str, Any] | None:
    """The standard table a line is the title of, or None."""
    _, names, _ = _data()
    line = _TRAILER.sub("", _DECORATION.sub("", text))
    if len(line) > 60 or not line.endswith("表"):
        return None
    line = _NUMBERING.sub("", line)
    return next((table for name, table in names if line.endswith(name)), None)


def _titles(ctx: Context) -> tuple[dict[str, int], dict[str, int]]:
    """(table id → first body line titled so, table id → first contents line naming it)."""
    contents = {ctx.doc.headings[i].line for i in contents_entries(ctx.doc)}
    body: dict[str, int] = {}
    listed: dict[str, int] = {}
    for number, norm in ctx.normalised_lines():
        if "表" not in norm.text:
            continue
        table = table_title(norm.text.strip())
        if table is None:
            continue
        (listed if number in contents else body).setdefault(table["id"], number)
    return body, listed


@rule("RL507", "missing-final-account-table", "warning")
def missing_final_account_table(ctx: Context) -> Iterator[Finding]:
    """部门决算公开表不全：目录列出的决算表在正文里没有；或按九张表格式公开的部门决算（标题写明，正文中至少有 6 张标准
    决算表）缺少某张标准表。

    检查什么：九张部门决算公开表（收入支出决算总表、收入决算表、支出决算表、财政拨款收入支出决算总表、一般公共预算
    财政拨款支出决算表、一般公共预算财政拨款基本支出决算表、财政拨款“三公”经费支出决算表、政府性基金预算财政拨款
    收入支出决算表、国有资本经营预算财政拨款收入支出决算表）各有一个标题行；没有数据的表也应保留并注明。

    会报：目录列出“八、政府性基金预算财政拨款收入支出决算表”，正文中却没有这张表。
    不会报：只有“部门决算说明”文字、不含决算表的报告（表格另行公开）；按其他格式公开、标准表不足 6 张且目录没有
    列出所缺表的报告（如教育部直属高校的四张表）；部门预算。

    怎么改：补上缺少的表（无数据时保留表样并注明“本表无数据”）。

    A 部门决算 that publishes its tables lacks one of the nine standard tables, or one its contents list names.
    """
    data, _, _ = _data()
    title = ctx.doc.title or ""
    if not any(word in title for word in data["title_words"]):
        return
    body, listed = _titles(ctx)
    if not body:
        return
    nine_tables = len(body) >= int(data["min_present"])
    anchor = min(body.values())
    for table in data["table"]:
        if table["id"] in body or not (nine_tables or table["id"] in listed):
            continue
        line = listed.get(table["id"])
        where = f"目录（第{line}行）列出了“{table['name']}”，正文中却没有这张表" if line else \
            f"部门决算缺少“{table['name']}”（九张公开表之一；无数据时也应保留表样并注明）"
        span_line = line or anchor
        text = ctx.doc.line_text(span_line)
        yield ctx.finding(
            "RL507", Span(Pos(span_line, 1), Pos(span_line, max(2, len(text) + 1))), where,
            f"the 部门决算 lacks the standard table '{table['name']}'", subject=f"final-table:{table['id']}",
            reading=f"本报告是部门决算（标题），正文中有 {len(body)} 张标准决算表",
        )


def _is_code(doc: Document, fig: Figure) -> bool:
    """A 科目编码 ("205", "2050205") in a table's label columns: a classification code, not an amount."""
    place = fig.table
    if place is None:  # not a table's figure
        return False
    table = doc.tables[place.table]
    if fig.decimals or not _CODE.match(fig.text):
        return False
    return place.col < table.stub or "编码" in place.column_header or "代码" in place.column_header


@rule("RL508", "empty-table-note", "warning")
def empty_table_note(ctx: Context) -> Iterator[Finding]:
    """空表说明与表不符：表下注明“本表无数据”“故本表为空表”，表中却有数（错误）；或一张没有任何数的表没有注明为空表
    （警告，只在报告中还有填了数的表时）。

    会报：``注：本部门2024年无“三公”经费预算，故本表为空表。`` 紧接在写有 47.91、1.35、46.56 的表下。
    不会报：空表下的“本表无数据”；整份都是空表的模板（由 RL504 报告占位符）。

    怎么改：删去不实的说明，或核对表中的数。

    A note saying a table is empty under a table with figures, or an empty table without its note.
    """
    data, _, notes = _data()
    within = int(data["empty"]["within_lines"])
    doc = ctx.doc
    filled: dict[int, list[Figure]] = {}
    for fig in doc.figures:
        if fig.table is not None and fig.is_money and fig.value != 0 and not _is_code(doc, fig):
            filled.setdefault(fig.table.table, []).append(fig)
    if not filled:
        return
    tables = sorted(doc.tables, key=lambda t: t.first_line)
    for i, table in enumerate(tables):
        stop = tables[i + 1].first_line - 1 if i + 1 < len(tables) else len(doc.lines)
        after = [n for n in range(table.last_line + 1, stop + 1) if doc.line_text(n).strip()][:within]
        note = next(((n, m) for n in after if (m := notes.search(doc.line_text(n)))), None)
        if note and any(table_title(doc.line_text(n).strip()) for n in after if n < note[0]):
            note = None  # another table's title stands between: the note is that table's (its grid not found)
        figures = filled.get(table.index, [])
        if note and figures:
            n, m = note
            shown = ", ".join(f.text for f in figures[:3]) + ("…" if len(figures) > 3 else "")
            yield ctx.finding(
                "RL508", Span(Pos(n, m.start() + 1), Pos(n, m.end() + 1)),
                f"说明写“{m.group()}”，但上面的表（第{table.first_line}–{table.last_line}行）中有数：{shown}",
                f"the note says the table is empty, but it holds {shown}",
                severity="error", related=[(figures[0].span, f"表中的数 {figures[0].text}", figures[0].text)],
                subject=f"empty-note:{table.index}", figures=figures[:3],
                reading="说明紧接在这张表之后", certainty="explicit",
            )
        elif not note and not figures and (standard := table_title(table.caption or "")) and len(table.rows) > 2:
            yield ctx.finding(
                "RL508", Span(Pos(table.first_line, 1), Pos(table.first_line, 2)),
                f"“{standard['name']}”没有任何数，表下也没有注明为空表（“本表无数据”）",
                f"the table '{standard['name']}' is empty and has no note saying so",
                subject=f"empty-table:{table.index}",
            )
