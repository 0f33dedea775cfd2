"""Placed cells (row, column, row span, column span) → rows of the tab-cell dump.

The dump's convention for merged cells: a horizontally merged cell appears once; the rows a vertically merged
cell covers below its first row hold an EMPTY cell in its column (the parser carries empty stub cells down), so
every row keeps the grid's width in cells.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PlacedCell:
    row: int
    col: int
    rowspan: int
    colspan: int
    text: str
    location: str


def dump_rows(cells: list[PlacedCell], n_rows: int, label=None) -> list[list[tuple[str, str]]]:
    """Rows of (text, location). ``label(row, col)`` names a covered position's location."""
    starts: dict[tuple[int, int], PlacedCell] = {}
    covered: dict[tuple[int, int], PlacedCell] = {}
    for cell in cells:
        starts[(cell.row, cell.col)] = cell
        for r in range(cell.row + 1, min(cell.row + cell.rowspan, n_rows)):
            covered[(r, cell.col)] = cell
    width = max((c.col + c.colspan for c in cells), default=0)
    by_row: dict[int, list[int]] = {}
    for (r, c) in list(starts) + list(covered):
        by_row.setdefault(r, []).append(c)
    rows: list[list[tuple[str, str]]] = []
    for r in range(n_rows):
        row: list[tuple[str, str]] = []
        last = max(by_row.get(r, [-1]))
        c = 0
        while c <= last and c < width:
            if (r, c) in starts:
                cell = starts[(r, c)]
                row.append((cell.text, cell.location))
                c += max(cell.colspan, 1)
            elif (r, c) in covered:
                cell = covered[(r, c)]
                row.append(("", label(r, c) if label else cell.location))
                c += max(cell.colspan, 1)
            else:
                row.append(("", label(r, c) if label else ""))
                c += 1
        rows.append(row)
    return rows
