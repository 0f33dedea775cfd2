"""Rebuild raw table rows as grids that know each cell's row and column headers.

A dumped table often holds several logical tables (a caption row, a header, data rows, then the next
header). A one-cell row is a caption; a header-like row after data rows starts a new table. Header
rows are the leading rows without numbers; a header row with fewer cells than the grid is aligned to
the row below it (``其中：`` spans the cells it heads), so multi-row headers resolve per column.
"""

from __future__ import annotations

from typing import Final, Sequence

from reportlint import patterns

from reportlint.document import Cell, Table
from reportlint.parse.normalize import NormText
from reportlint.parse.numbers import parse_cell_number
from reportlint.parse.segment import RawCell, RawTable

_UNIT_DECL: Final = patterns.compile(r"(?:单位|金额单位)\s*[:：]?\s*(万元|元|亿元)|[(（]\s*(万元|元|亿元)\s*[)）]")
_PARENT: Final = patterns.compile(r"^(其中|按.{1,8}分)|[:：]$")
_LABEL_HEADER: Final = patterns.compile(r"指标$|^指标|项目|科目|名称|机构|单位|类别|内容|^类$|^款$|^项$")
_VALUE_HEADER: Final = patterns.compile(r"指标值|完成值|目标值|预期|实际|标准|分值|得分|权重|数$|额$|率|合计|金额|费$|支出|收入|结余")


def is_numeric(text: str) -> bool:
    return parse_cell_number(text) is not None


def _is_header_like(row: list[RawCell]) -> bool:
    texts = [c.text for c in row]
    nonempty = [t for t in texts if t]
    if len(nonempty) < 2:
        return False
    return not any(is_numeric(t) for t in texts)


_RULE_CELL: Final = patterns.compile(r"^\s*:?[-－—]+:?\s*$")


def is_rule_row(row: list[RawCell]) -> bool:
    """A Markdown / pipe-table delimiter row (``|---|:---:|---:|``): the header's underline, neither a header
    nor a data row."""
    texts = [c.text for c in row if c.text.strip()]
    return bool(texts) and all(_RULE_CELL.match(t) for t in texts) and any("-" in t or len(t) > 1 for t in texts)


def _has_number(row: list[RawCell]) -> bool:
    return any(is_numeric(c.text) for c in row[1:]) or (len(row) > 1 and is_numeric(row[0].text) and len(row) > 2)


def split_segments(raw: RawTable) -> list[tuple[str, list[list[RawCell]]]]:
    """Split a dumped table into (caption, rows) segments."""
    segments: list[tuple[str, list[list[RawCell]]]] = []
    caption: list[str] = []
    current: list[list[RawCell]] = []
    seen_data = False
    data_width = 0

    def close() -> None:
        nonlocal current, seen_data, data_width
        if current:
            segments.append(("".join(caption), current))
            caption.clear()
        current = []
        seen_data = False
        data_width = 0

    for row in raw.rows:
        if raw.kind != "docx" and is_rule_row(row):
            continue
        nonempty = [c for c in row if c.text]
        if len(row) == 1 and nonempty and not is_numeric(nonempty[0].text):
            close()
            caption.append(nonempty[0].text)
            continue
        if not nonempty and not current:
            continue
        continuation = not row[0].text and len(row) == data_width
        if seen_data and _is_header_like(row) and not continuation:
            close()
        current.append(row)
        if _has_number(row):
            seen_data = True
            data_width = max(data_width, len(row))
    close()
    if caption and not segments:
        segments.append(("".join(caption), []))
    return segments


def _align(row: list[str], below: list[str] | None, width: int) -> list[str]:
    """Stretch a short header row to ``width`` columns using the row below it."""
    if len(row) >= width:
        return row[:width]
    out: list[str] = []
    c = 0
    for k, text in enumerate(row):
        remaining = len(row) - k - 1
        span = 1
        if k == len(row) - 1:
            span = max(1, width - c)
        elif below is not None and (_PARENT.search(text) or below[c]):
            # a cell over sub-headers spans them; over an empty cell (a vertically merged one's continuation
            # in a full-width dump) it spans one column
            run = 0
            while c + run < width and below[c + run]:
                run += 1
            span = max(1, min(run, width - c - remaining))
        out.extend([text] * span)
        c += span
    return (out + [""] * width)[:width]


def resolve_headers(header_rows: list[list[str]], width: int) -> list[list[str]]:
    """Per header row, its label for each of ``width`` columns."""
    resolved: list[list[str]] = [[] for _ in header_rows]
    below: list[str] | None = None
    for r in range(len(header_rows) - 1, -1, -1):
        resolved[r] = _align(header_rows[r], below, width)
        below = resolved[r]
    return resolved


def _column_labels(resolved: list[list[str]], width: int) -> list[str]:
    labels = []
    for col in range(width):
        parts: list[str] = []
        for row in resolved:
            text = row[col] if col < len(row) else ""
            if text and not _PARENT.search(text) and (not parts or parts[-1] != text):
                parts.append(text)
        labels.append("/".join(parts))
    return labels


def _under_merged_cells(row: list[RawCell], width: int) -> list[RawCell]:
    """A data row of a .docx dump that is short of the grid's width because its first cells are merged with
    the rows above (一级指标 "投入（15分）" spanning three indicator rows) ends at the grid's right edge: its
    cells are the last ones, the merged ones before them empty (carried down by the readers)."""
    if len(row) >= width or not row or not is_numeric(row[-1].text):
        return row
    return [RawCell(NormText("", []), "") for _ in range(width - len(row))] + row


def build_tables(raw: RawTable, first_index: int, context: str = "") -> list[Table]:
    """Tables of a raw dump; ``context`` is the text just above it (a title, a unit line)."""
    tables: list[Table] = []
    for caption, rows in split_segments(raw):
        if not rows:
            continue
        width = max(len(r) for r in rows)
        header_count = 0
        for row in rows:
            if _has_number(row):
                break
            header_count += 1
        if header_count == len(rows):
            header_count = 0 if len(rows) == 1 else 1
        if raw.kind == "docx" and header_count:
            rows = rows[:header_count] + [_under_merged_cells(row, width) for row in rows[header_count:]]
        header_texts = [[c.text for c in row] for row in rows[:header_count]]
        resolved = resolve_headers(header_texts, width)
        column_headers = _column_labels(resolved, width)
        unit = ""
        if not caption and not tables and context:
            caption = context
        for text in [caption] + [c.text for row in rows[:header_count] for c in row] + [context]:
            m = _UNIT_DECL.search(text)
            if m:
                unit = m.group(1) or m.group(2)
                break
        index = first_index + len(tables)
        grid = []
        for r, row in enumerate(rows):
            cells = []
            for c, raw_cell in enumerate(row):
                span = raw_cell.norm.span(0, len(raw_cell.norm.text.rstrip())) if raw_cell.norm.text.strip() else None
                cells.append(Cell(r, c, raw_cell.text, raw_cell.raw, span, raw_cell.norm))
            grid.append(tuple(cells))
        row_headers = [_row_label(grid[r], column_headers) for r in range(len(grid))]
        first = raw.first_line
        last = raw.last_line
        spans = [cell.span for row in grid for cell in row if cell.span]
        if spans:
            first = min(s.start.line for s in spans)
            last = max(s.end.line for s in spans)
        tables.append(
            Table(index, caption, unit, tuple(grid), header_count, tuple(column_headers), tuple(row_headers), first, last,
                  raw.kind, stub_columns(column_headers, grid[header_count:]))
        )
    return tables


_TOTAL_LABEL: Final = patterns.compile(r"^(合计|总计|小计|总分|得分合计)")


def stub_columns(column_headers: tuple[str, ...] | list[str], rows: Sequence[Sequence[Cell]]) -> int:
    """How many leading columns hold row labels rather than values: up to the first column whose header
    names a value (指标值, 分值, 预算数 …), else up to the first column holding numbers (total rows aside)."""
    for col, header in enumerate(column_headers):
        leaf = header.split("/")[-1] if header else ""
        if col > 0 and leaf and _VALUE_HEADER.search(leaf) and not _LABEL_HEADER.search(leaf):
            return col
    body = [r for r in rows if not (r and _TOTAL_LABEL.search(r[0].text or (r[1].text if len(r) > 1 else "")))]
    for col in range(1, len(column_headers)):
        if any(col < len(r) and is_numeric(r[col].text) for r in body):
            return col
    return 1


def _key_value_row(cells: Sequence[Cell]) -> bool:
    """"人员编制 | 18 | 实有人数 | 38": every number has its own label just left of it."""
    numeric = [k for k, c in enumerate(cells) if c.text and is_numeric(c.text)]
    if not numeric:
        return False
    for k in numeric:
        if k == 0 or not cells[k - 1].text or is_numeric(cells[k - 1].text):
            return False
        if k >= 2 and cells[k - 2].text and not is_numeric(cells[k - 2].text) and k - 1 != 0:
            return False
    return True


def _row_label(row: tuple[Cell, ...], column_headers: Sequence[str]) -> str:
    texts = [c.text for c in row]
    labels = [t for t in texts if t and not is_numeric(t)]
    return labels[0] if labels else ""


def is_key_value(table: Table, row: int, col: int) -> bool:
    """Whether the cell's own label stands just left of it ("人员编制 | 18 | 实有人数 | 38")."""
    cells = table.rows[row]
    return 0 < col <= len(cells) and _key_value_table_row(table, cells)


def _key_value_table_row(table: Table, cells: Sequence[Cell]) -> bool:
    return _key_value_row(cells) and (
        not table.header_rows or sum(1 for c in cells if c.text and is_numeric(c.text)) >= 2)


def cell_labels(table: Table, row: int, col: int) -> tuple[str, str]:
    """(row label, column header) for a cell: the stub text of its row and its column's header."""
    return row_labels(table, row)[col]


def row_labels(table: Table, row: int) -> list[tuple[str, str]]:
    """``cell_labels`` for every column of a row, worked out once for the row."""
    cells = table.rows[row]
    texts = [c.text for c in cells]
    labels_left = [bool(t) and not is_numeric(t) for t in texts]  # which cells are labels
    drop_headers = False
    if table.source == "pipe-rows" and table.header_rows:
        header = table.rows[table.header_rows - 1]
        # HTML row spans drop cells in extracted text: columns cannot be trusted
        drop_headers = sum(1 for t in texts if t) != sum(1 for c in header if c.text)
    key_value = _key_value_table_row(table, cells)
    stub = table.stub
    width = max(len(cells), len(table.column_headers)) + 1
    # nearest[j]: the last label cell left of column j (-1: none), so that a wide row stays linear
    nearest = [-1] * (len(cells) + 1)
    for k, is_label in enumerate(labels_left):
        nearest[k + 1] = k if is_label else nearest[k]
    out: list[tuple[str, str]] = []
    for col in range(width):
        column_header = "" if drop_headers or col >= len(table.column_headers) else table.column_headers[col]
        if key_value and 0 < col <= len(cells):
            out.append((texts[col - 1], ""))
            continue
        label = ""
        if table.header_rows:
            stub_label = nearest[min(stub, col, len(cells))]
            if stub_label >= 0:
                out.append((texts[stub_label], column_header))
                continue
        # key-value rows: the nearest label to the left
        k = nearest[min(col, len(cells))]
        if k >= 0:
            label = texts[k]
        out.append((label, column_header))
    return out
