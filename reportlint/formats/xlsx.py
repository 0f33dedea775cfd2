"""Read an .xlsx (openpyxl, read-only, cached values — never formula text): each sheet's rows as text, its
tables as grids with merged ranges resolved (merged ranges are read from the sheet XML, which openpyxl's
read-only mode does not expose). A row with one cell outside a table is a paragraph."""

from __future__ import annotations

import datetime
import re
import zipfile
from decimal import Decimal

from reportlint.formats.archive import check_zip
from reportlint.formats.grid import PlacedCell, dump_rows
from reportlint.formats.view import TextView, ViewBuilder
from reportlint.parse.read import InputProblem

MAX_CELLS = 2_000_000  # non-empty cells read from a workbook
MAX_EMPTY_RUN = 10_000  # consecutive empty rows after which a sheet is taken to be over
_MERGE = re.compile(rb'<(?:\w+:)?mergeCell\s+ref="([A-Z]+)(\d+):([A-Z]+)(\d+)"')


def column_letter(col: int) -> str:
    """1 → A, 28 → AB."""
    out = ""
    while col:
        col, rest = divmod(col - 1, 26)
        out = chr(65 + rest) + out
    return out


def _column_number(letters: bytes) -> int:
    n = 0
    for ch in letters:
        n = n * 26 + ch - 64
    return n


def merged_ranges(path: str) -> dict[str, list[tuple[int, int, int, int]]]:
    """Sheet XML part name → merged ranges (min_row, min_col, max_row, max_col), read in chunks."""
    out: dict[str, list[tuple[int, int, int, int]]] = {}
    with zipfile.ZipFile(path) as archive:
        for name in archive.namelist():
            if not (name.startswith("xl/worksheets/") and name.endswith(".xml")):
                continue
            found: list[tuple[int, int, int, int]] = []
            with archive.open(name) as handle:
                tail = b""
                while True:
                    chunk = handle.read(1 << 20)
                    if not chunk:
                        break
                    data = tail + chunk
                    cut = data.rfind(b"<")
                    scan, tail = (data[:cut], data[cut:]) if cut > 0 else (data, b"")
                    for m in _MERGE.finditer(scan):
                        found.append((int(m.group(2)), _column_number(m.group(1)), int(m.group(4)), _column_number(m.group(3))))
                for m in _MERGE.finditer(tail):
                    found.append((int(m.group(2)), _column_number(m.group(1)), int(m.group(4)), _column_number(m.group(3))))
            out[name] = found
    return out


def display(value, number_format: str = "General") -> str:
    """A cached cell value as Excel shows it: decimals and percent from the number format, no float noise."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, (datetime.datetime, datetime.date)):
        return value.strftime("%Y-%m-%d") if not isinstance(value, datetime.datetime) or not (
            value.hour or value.minute or value.second) else value.isoformat(" ")
    if isinstance(value, (int, float)):
        fmt = (number_format or "General").split(";")[0]
        percent = "%" in fmt
        number = Decimal(repr(value)) * (100 if percent else 1)
        m = re.search(r"0\.(0+)", fmt)
        if m:
            text = f"{number:,.{len(m.group(1))}f}" if "," in fmt else f"{number:.{len(m.group(1))}f}"
        elif re.search(r"[0#]", fmt):
            text = f"{number:,.0f}" if "," in fmt else f"{number:.0f}"
        else:
            text = f"{float(number):.10g}" if isinstance(value, float) else str(value)
            if "e" in text:
                text = format(number.normalize(), "f")
        return text + ("%" if percent else "")
    return str(value)


def read_xlsx(path: str) -> TextView:
    """The text view of a workbook; raises InputProblem for one that cannot be read."""
    check_zip(path, ".xlsx", "xl/workbook.xml")
    import openpyxl  # imported only for .xlsx input

    try:
        merges = merged_ranges(path)
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except InputProblem:
        raise
    except Exception as exc:
        raise InputProblem("RL022", f"文件已损坏或不是有效的 .xlsx 文件：{type(exc).__name__}",
                           f"damaged or not a valid .xlsx file: {type(exc).__name__}: {exc}") from None
    view = ViewBuilder()
    budget = [MAX_CELLS]
    try:
        for sheet in book.worksheets:
            part = _sheet_part(book, sheet)
            _read_sheet(sheet, merges.get(part, []), view, budget)
    finally:
        book.close()
    return view.build("xlsx")


def _sheet_part(book, sheet) -> str:
    """The zip member holding a read-only sheet's XML."""
    name = getattr(sheet, "_worksheet_path", "") or ""
    return name.lstrip("/")


def _read_sheet(sheet, merges, view: ViewBuilder, budget: list[int]) -> None:
    title = sheet.title
    values: dict[tuple[int, int], str] = {}
    empty_run = 0
    for row in sheet.iter_rows():
        got = False
        for cell in row:
            if cell is None or getattr(cell, "value", None) is None:
                continue
            text = display(cell.value, getattr(cell, "number_format", "General"))
            if text.strip():
                values[(cell.row, cell.column)] = text
                got = True
                budget[0] -= 1
        empty_run = 0 if got else empty_run + 1
        if budget[0] < 0:
            raise InputProblem("RL023", f"工作簿的非空单元格超过 {MAX_CELLS} 个，未检查",
                               f"the workbook has more than {MAX_CELLS} non-empty cells; not checked")
        if empty_run > MAX_EMPTY_RUN:
            break
    covered_by: dict[tuple[int, int], tuple[int, int, int, int]] = {}
    for box in merges:
        r1, c1, r2, c2 = box
        if (r2 - r1 + 1) * (c2 - c1 + 1) > 100_000:
            continue
        for r in range(r1, r2 + 1):
            for c in range(c1, c2 + 1):
                if (r, c) != (r1, c1):
                    covered_by[(r, c)] = box
    rows: dict[int, list[int]] = {}
    for (r, c) in values:
        if (r, c) not in covered_by:
            rows.setdefault(r, []).append(c)
    starts = {(b[0], b[1]): b for b in merges if (b[0], b[1]) in values}
    below: dict[int, int] = {}  # a row covered by a vertical merge → the merge's first row
    for (r1, c1, r2, c2) in starts.values():
        for r in range(r1 + 1, r2 + 1):
            rows.setdefault(r, [])
            below.setdefault(r, r1)
    order = sorted(rows)
    tabular: dict[int, bool] = {}
    for r in order:
        tabular[r] = len(rows[r]) >= 2 or tabular.get(below.get(r, -1), False)
    blocks: list[tuple[str, list[int]]] = []
    for k, r in enumerate(order):
        prev_r = order[k - 1] if k else None
        next_r = order[k + 1] if k + 1 < len(order) else None
        inside = bool(prev_r == r - 1 and tabular.get(prev_r) and next_r == r + 1 and tabular.get(next_r))
        kind = "table" if tabular[r] or inside else "para"
        if blocks and blocks[-1][0] == kind == "table" and blocks[-1][1][-1] == r - 1:
            blocks[-1][1].append(r)
        else:
            blocks.append((kind, [r]))
    for kind, block_rows in blocks:
        if kind == "para":
            for r in block_rows:
                for c in sorted(rows[r]):
                    view.paragraph(values[(r, c)], f"{title}!{column_letter(c)}{r}")
            continue
        first = block_rows[0]
        cells = []
        for r in block_rows:
            for c in rows[r]:
                box = starts.get((r, c))
                rowspan = min(box[2], block_rows[-1]) - r + 1 if box else 1
                colspan = box[3] - c + 1 if box else 1
                cells.append(PlacedCell(r - first, c, rowspan, colspan, values[(r, c)], f"{title}!{column_letter(c)}{r}"))
        left = min(c.col for c in cells)
        cells = [PlacedCell(c.row, c.col - left, c.rowspan, c.colspan, c.text, c.location) for c in cells]
        view.table(dump_rows(cells, len(block_rows), lambda r, c: f"{title}!{column_letter(c + left)}{r + first}"))
