"""The tables a report's findings point at, kept small enough to outlive the parsed document, and drawn as
HTML grids for the audit report: header rows and row labels as headers, the cell a finding is about and the
cells it was checked against highlighted.

A finding is "in a table" when its position (or a related figure's) falls inside a table cell's span.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from reportlint.output.escape import visible

MAX_ROWS = 40  # a larger table is drawn as the rows around the highlighted cells, with the headers
MAX_COLUMNS = 16


@dataclass(frozen=True)
class Grid:
    """One table as the report printed it: cell texts by row, how many leading rows are headers, how many
    leading columns hold row labels."""

    index: int
    caption: str
    header_rows: int
    stub: int
    rows: tuple[tuple[str, ...], ...]


@dataclass(frozen=True)
class Place:
    """A cell of a table: (table index, row, column), 0-based."""

    table: int
    row: int
    col: int


def _cell_index(doc):
    """Per source line, the cells whose span touches it: (table, row, col, span)."""
    by_line: dict[int, list] = {}
    for table in doc.tables:
        for row in table.rows:
            for cell in row:
                if cell.span is None:
                    continue
                for line in range(cell.span.start.line, cell.span.end.line + 1):
                    by_line.setdefault(line, []).append((table.index, cell.row, cell.col, cell.span))
    return by_line


def table_places(doc, findings) -> tuple[dict[int, Grid], dict[tuple[int, int], Place]]:
    """The grids of the tables the findings (and their related figures) fall in, and the cell of each such
    position (line, column)."""
    if doc is None or not doc.tables:
        return {}, {}
    wanted = {(f.line, f.column) for f in findings} | {(r.line, r.column) for f in findings for r in f.related}
    lines = {line for line, _ in wanted}
    if not any(t.first_line <= line <= t.last_line for t in doc.tables for line in lines):
        return {}, {}
    index = _cell_index(doc)
    places: dict[tuple[int, int], Place] = {}
    for line, column in wanted:
        for table, row, col, span in index.get(line, ()):
            if (span.start.line, span.start.column) <= (line, column) < (span.end.line, span.end.column):
                places[(line, column)] = Place(table, row, col)
                break
    tables = {t.index: t for t in doc.tables}
    grids = {}
    for number in sorted({p.table for p in places.values()}):
        t = tables[number]
        grids[number] = Grid(number, t.caption, t.header_rows, t.stub, tuple(tuple(c.text for c in row) for row in t.rows))
    return grids, places


def _caption(text: str) -> str:
    """The table's own title: a caption often carries the sentence before the table too."""
    for mark in ("。", "；"):
        if mark in text.rstrip(mark):
            text = text.rstrip(mark).rsplit(mark, 1)[-1]
    return text[-80:]


def _window(size: int, keep: set[int], fixed: int, limit: int) -> list[int]:
    """The indexes to draw out of ``size``: the first ``fixed`` (headers) and, when the rest is too long,
    those around the ``keep`` ones; -1 marks an elision."""
    if size <= limit:
        return list(range(size))
    chosen = set(range(min(fixed, size)))
    for k in keep:
        chosen.update(range(max(0, k - 2), min(size, k + 3)))
    out: list[int] = []
    for k in sorted(chosen):
        if out and out[-1] != k - 1:
            out.append(-1)
        out.append(k)
    if out[-1] != size - 1:
        out.append(-1)
    return out


def render_grid(grid: Grid, hit: Place | None, related: list[Place], lang: str = "zh") -> str:
    """The table as HTML: header rows and row-label columns as <th>, the finding's cell marked ``hit``, the
    cells it was checked against marked ``rel``, every cell's text escaped."""
    related_cells = {(p.row, p.col) for p in related if p.table == grid.index}
    hit_cell = (hit.row, hit.col) if hit is not None and hit.table == grid.index else None
    marked = related_cells | ({hit_cell} if hit_cell else set())
    width = max((len(r) for r in grid.rows), default=0)
    rows = _window(len(grid.rows), {r for r, _ in marked}, grid.header_rows, MAX_ROWS)
    cols = _window(width, {c for _, c in marked}, grid.stub, MAX_COLUMNS)
    title = f"表{grid.index + 1}" if lang == "zh" else f"Table {grid.index + 1}"
    caption = _caption(grid.caption)
    heading = caption if caption.startswith(("表", "Table")) else f"{title} {caption}".strip()
    out = [f'<table class="grid" data-table="{grid.index + 1}"><caption>{escape(visible(heading))}</caption>']
    for r in rows:
        if r < 0:
            out.append(f'<tr class="gap"><td colspan="{len(cols)}">…</td></tr>')
            continue
        cells = []
        for c in cols:
            if c < 0:
                cells.append('<td class="gap">…</td>')
                continue
            text = grid.rows[r][c] if c < len(grid.rows[r]) else ""
            header = r < grid.header_rows or c < grid.stub
            klass = "hit" if (r, c) == hit_cell else ("rel" if (r, c) in related_cells else "")
            tag = "th" if header else "td"
            attrs = f' class="{klass}"' if klass else ""
            if header:
                attrs += ' scope="col"' if r < grid.header_rows else ' scope="row"'
            cells.append(f"<{tag}{attrs}>{escape(visible(text)).replace(chr(10), '<br>')}</{tag}>")
        out.append("<tr>" + "".join(cells) + "</tr>")
    out.append("</table>")
    return "".join(out)
