"""Split normalised lines into headings, paragraphs and raw table regions.

Tables come in two dumps:
  * ``.docx`` text dumps: one cell a line starting with a tab, continuation lines of a multi-line
    cell without the tab, a blank line between rows, merged cells as empty cells;
  * ``|``-separated cells from PDF/HTML extraction: ``cell |`` a line, or cells separated by lines
    holding only ``|`` (a doubled ``|`` line ends a row).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Sequence

from reportlint import patterns

from reportlint.document import Heading
from reportlint.parse.normalize import NormText, join, normalize_line, to_simplified

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_STARTS_WITH_DIGIT: Final = patterns.compile(r"^\d")

CN_DIGITS: Final = {"零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
CIRCLED: Final = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"
_HEADING_FIRST: Final = frozenset("第(一二三四五六七八九十" + CIRCLED)  # or a digit: how every HEADING_PATTERNS match starts


def chinese_number(text: str) -> int:
    """一 → 1, 十二 → 12, 二十三 → 23 (numerals up to 99)."""
    if not text:
        return 0
    if "十" in text:
        tens, _, units = text.partition("十")
        return (CN_DIGITS.get(tens, 1) if tens else 1) * 10 + (CN_DIGITS.get(units, 0) if units else 0)
    value = 0
    for ch in text:
        value = value * 10 + CN_DIGITS.get(ch, 0)
    return value


_CN: Final = "[一二三四五六七八九十]{1,3}"
HEADING_PATTERNS: Final = (
    ("part", patterns.compile(rf"^第\s*({_CN})\s*部分\s*[、.:]?\s*")),
    ("cn-dun", patterns.compile(rf"^({_CN})\s*[、.]\s*")),
    ("cn-paren", patterns.compile(rf"^\(\s*({_CN})\s*\)\s*[、.]?\s*")),
    ("num-dun", patterns.compile(r"^(\d{1,2})\s*、\s*")),
    ("num-dot", patterns.compile(r"^(\d{1,2})\.(?!\d)\s*")),
    ("num-paren", patterns.compile(r"^\(\s*(\d{1,2})\s*\)\s*[、.]?\s*")),
    ("circled", patterns.compile(rf"^([{CIRCLED}])\s*")),
)


def match_heading(text: str) -> tuple[str, int, str, str] | None:
    """(style, number, marker, title) when the normalised line starts with a numbering marker."""
    stripped = text.lstrip(" \t")
    if not stripped or stripped[0] not in _HEADING_FIRST and not stripped[0].isdigit():
        return None
    for style, pattern in HEADING_PATTERNS:
        m = pattern.match(stripped)
        if not m:
            continue
        token = m.group(1)
        if style in ("num-dun", "num-dot", "num-paren"):
            number = int(token)
        elif style == "circled":
            number = CIRCLED.index(token) + 1
        else:
            number = chinese_number(token)
        title = stripped[m.end():].strip()
        if not title and style in ("cn-dun", "num-dun"):
            return None  # "一、" alone is not a heading; "2." alone may be (its title on the next line)
        if style == "num-dot" and _STARTS_WITH_DIGIT.match(title):
            return None
        return style, number, m.group(0).strip(), title
    return None


@dataclass
class RawCell:
    """A table cell as read: its normalised text (with positions) and original text."""

    norm: NormText
    raw: str

    @property
    def text(self) -> str:
        return self.norm.text.strip()


@dataclass
class RawTable:
    kind: str  # "docx" | "pipe"
    rows: list[list[RawCell]]
    first_line: int
    last_line: int


@dataclass
class RawParagraph:
    norm: NormText
    first_line: int
    last_line: int
    heading: Heading | None


_SENTENCE_END: Final = "。！？!?；;"
_TAB_CELL_MAX: Final = 40  # a longer piece between tabs is prose
_TAB_ROWS_MIN: Final = 3
_DIGIT_CELL: Final = patterns.compile(r"\t\s*-?[0-9][0-9,.]*%?\s*(?:\t|$)")
_PIPE_LINE: Final = patterns.compile(r"^\s*\|\s*$|\|\s*$|\|.*\|")


def is_cell_line(raw: str) -> bool:
    """A line of a .docx table dump: it starts with a tab (possibly after a few spaces)."""
    return raw.startswith("\t") or ("\t" in raw[:4] and raw[: raw.find("\t")].strip() == "")


def _is_pipe_line(raw: str) -> bool:
    return "|" in raw and bool(_PIPE_LINE.search(raw))


def segment(raw_lines: Sequence[str], norm_lines: Sequence[NormText]) -> list[RawParagraph | RawTable]:
    """Yield RawParagraph and RawTable items in document order."""
    items: list[RawParagraph | RawTable] = []
    n = len(raw_lines)
    i = 0
    heading_index = 0
    pending: list[NormText] = []
    pending_first = 0

    pending_heading: Heading | None = None

    def flush() -> None:
        nonlocal pending, pending_heading
        if pending:
            items.append(RawParagraph(join(pending), pending_first, pending_first + len(pending) - 1, pending_heading))
            pending = []
            pending_heading = None

    while i < n:
        raw = raw_lines[i]
        norm = norm_lines[i]
        if is_cell_line(raw):
            flush()
            table, i = _read_docx_table(raw_lines, norm_lines, i)
            items.append(table)
            continue
        if _tab_block_ahead(raw_lines, i):
            flush()
            table, i = _read_tab_rows(raw_lines, norm_lines, i)
            items.append(table)
            continue
        if _is_pipe_line(raw) and _pipe_block_ahead(raw_lines, i):
            flush()
            table, i = _read_pipe_table(raw_lines, norm_lines, i)
            items.append(table)
            continue
        text = norm.text.strip()
        if not text:
            flush()
            i += 1
            continue
        head = match_heading(norm.text)
        if head:
            flush()
            style, number, marker, title = head
            column = len(raw) - len(raw.lstrip(" \t\u3000")) + 1
            original = raw.lstrip(" \t\u3000")[: len(marker)]
            heading = Heading(heading_index, i + 1, column, original or marker, style, number, title, raw)
            heading_index += 1
            pending = [norm]  # a numbered line may wrap onto the next lines (PDF text)
            pending_first = i + 1
            pending_heading = heading
            i += 1
            continue
        if pending and _joins(pending[-1].text):
            pending.append(norm)
        else:
            flush()
            pending = [norm]
            pending_first = i + 1
        i += 1
    flush()
    return items


def _joins(previous: str) -> bool:
    """A PDF line-wrap: the previous line is long and stops mid-sentence."""
    stripped = previous.rstrip()
    return len(stripped) >= 20 and stripped[-1] not in _SENTENCE_END


def _read_docx_table(raw_lines: Sequence[str], norm_lines: Sequence[NormText], start: int) -> tuple[RawTable, int]:
    rows: list[list[RawCell]] = []
    row: list[list[int]] = []  # cells as lists of line indexes
    i = start
    n = len(raw_lines)
    last = start

    def close_row() -> None:
        nonlocal row
        if row:
            rows.append([_docx_cell(raw_lines, norm_lines, lines) for lines in row])
            row = []

    while i < n:
        raw = raw_lines[i]
        if is_cell_line(raw):
            row.append([i])
            last = i
        elif raw.strip() == "":
            close_row()
            # a table ends at a blank line followed by a line that is neither a cell nor blank
            j = i + 1
            while j < n and raw_lines[j].strip() == "" and not is_cell_line(raw_lines[j]):
                j += 1
            if j >= n or not is_cell_line(raw_lines[j]):
                i = j
                break
            i = j
            continue
        else:
            if row:
                row[-1].append(i)  # continuation of a multi-line cell
                last = i
            else:
                break
        i += 1
    close_row()
    return RawTable("docx", rows, start + 1, last + 1), i


def _docx_cell(raw_lines: Sequence[str], norm_lines: Sequence[NormText], line_indexes: list[int]) -> RawCell:
    parts: list[NormText] = []
    raws: list[str] = []
    for k, idx in enumerate(line_indexes):
        norm = norm_lines[idx]
        raw = raw_lines[idx]
        if k == 0:
            # drop the leading tab of the cell line (and any spaces before it)
            cut = norm.text.find("\t") + 1
            norm = NormText(norm.text[cut:], norm.origin[cut:])
            raw = raw[raw.find("\t") + 1:]
        parts.append(norm)
        raws.append(raw)
    return RawCell(join(parts), "\n".join(raws))


def _pipe_block_ahead(raw_lines: Sequence[str], start: int) -> bool:
    """At least four pipe lines among the next eight (or a line of several bars): a pipe table, not a stray bar."""
    window = raw_lines[start:start + 8]
    if raw_lines[start].count("|") >= 3:
        return True
    return sum(1 for line in window if _is_pipe_line(line)) >= 4


def _tab_row(raw: str) -> bool:
    """A row of a table copied as tab-separated text ("决策\t20\t18"): two or more short cells, not a sentence."""
    cells = raw.strip().split("\t")
    return (len(cells) >= 2 and all(len(c.strip()) <= _TAB_CELL_MAX for c in cells)
            and not raw.rstrip().endswith(("。", "；", ";", "，")))


def _tab_block_ahead(raw_lines: Sequence[str], start: int) -> bool:
    """At least three rows of tab-separated cells in a row, one of them with a number: a table (Word or Excel
    copied as text), not a stray tab in prose."""
    if is_cell_line(raw_lines[start]) or "\t" not in raw_lines[start].strip():
        return False
    block: list[str] = []
    for line in raw_lines[start:start + _TAB_ROWS_MIN]:
        if is_cell_line(line) or "\t" not in line.strip() or not _tab_row(line):
            return False
        block.append(line)
    return len(block) == _TAB_ROWS_MIN and any(_DIGIT_CELL.search(line) for line in block)


def _read_tab_rows(raw_lines: Sequence[str], norm_lines: Sequence[NormText], start: int) -> tuple[RawTable, int]:
    """Tab-separated rows, one a line, read like the "a | b | c" dialect."""
    n = len(raw_lines)
    rows: list[list[RawCell]] = []
    i = start
    while i < n and not is_cell_line(raw_lines[i]) and "\t" in raw_lines[i].strip() and _tab_row(raw_lines[i]):
        cells: list[RawCell] = []
        cursor = 0
        for piece in raw_lines[i].split("\t"):  # split the original: normalising drops a tab between two 汉字
            norm = normalize_line(to_simplified(piece), i + 1)
            shifted = NormText(norm.text, tuple(code + cursor for code in norm.origin))
            cursor += len(piece) + 1
            cells.append(RawCell(shifted, piece))
        while cells and not cells[-1].text.strip():
            cells.pop()
        if cells:
            rows.append(cells)
        i += 1
    return RawTable("pipe-rows", rows, start + 1, i), i


def _read_row_lines(raw_lines: Sequence[str], norm_lines: Sequence[NormText], start: int) -> tuple[RawTable, int]:
    """"a | b | c |" dialect: one row a line, cells split at the bars."""
    n = len(raw_lines)
    rows: list[list[RawCell]] = []
    i = start
    while i < n and raw_lines[i].count("|") >= 1 and raw_lines[i].strip():
        norm = norm_lines[i]
        text = norm.text
        cells: list[RawCell] = []
        cursor = 0
        raw_parts = raw_lines[i].split("|")
        for k, piece in enumerate(text.split("|")):
            piece_norm = NormText(text[cursor:cursor + len(piece)], norm.origin[cursor:cursor + len(piece)])
            cursor += len(piece) + 1
            cells.append(RawCell(piece_norm, raw_parts[k] if k < len(raw_parts) else piece))
        while cells and not cells[-1].text:
            cells.pop()
        if cells:
            rows.append(cells)
        i += 1
    return RawTable("pipe-rows", rows, start + 1, i), i


def _read_pipe_table(raw_lines: Sequence[str], norm_lines: Sequence[NormText], start: int) -> tuple[RawTable, int]:
    n = len(raw_lines)
    window = [line for line in raw_lines[start:start + 10] if line.strip()]
    if window and sum(1 for line in window if line.count("|") >= 2) * 2 > len(window):
        return _read_row_lines(raw_lines, norm_lines, start)
    i = start
    cells: list[tuple[list[int], bool]] = []  # (line indexes, row break before)
    current: list[int] = []
    bare_bars = 0
    end = start
    row_break = False
    while i < n:
        raw = raw_lines[i]
        stripped = raw.strip()
        if stripped == "|":
            bare_bars += 1
            if current:
                cells.append((current, row_break))
                current = []
                row_break = False
            elif bare_bars >= 1 and cells:
                row_break = True
            end = i
            i += 1
            continue
        if stripped.endswith("|"):
            current.append(i)
            cells.append((current, row_break))
            current = []
            row_break = False
            end = i
            i += 1
            continue
        if stripped == "":
            i += 1
            if current:
                continue
            # a blank line inside a pipe block is tolerated only if the block goes on
            if i < n and _is_pipe_line(raw_lines[i]):
                continue
            break
        # a plain line: part of a cell when bars follow soon, else the table is over
        lookahead = raw_lines[i + 1:i + 4]
        if any(_is_pipe_line(x) for x in lookahead):
            current.append(i)
            i += 1
            continue
        break
    if current:
        cells.append((current, row_break))
    # Two dialects: "cell |" lines (a bare "|" is an empty cell), or content lines separated by bare
    # "|" lines (a doubled bare "|" ends a row). Tell them apart by which kind of line dominates.
    ending = sum(1 for k in range(start, min(end + 1, n)) if raw_lines[k].strip().endswith("|") and raw_lines[k].strip() != "|")
    bare = sum(1 for k in range(start, min(end + 1, n)) if raw_lines[k].strip() == "|")
    if ending >= bare:
        cells = _bare_bars_as_empty(raw_lines, norm_lines, start, end)
    built: list[tuple[RawCell, bool]] = []
    for line_indexes, brk in cells:
        parts: list[NormText] = []
        raws: list[str] = []
        for idx in line_indexes:
            norm = norm_lines[idx]
            text = norm.text
            cut = len(text.rstrip())
            if text.rstrip().endswith("|"):
                cut = len(text.rstrip()) - 1
            parts.append(NormText(text[:cut], norm.origin[:cut]))
            raws.append(raw_lines[idx].rstrip().rstrip("|"))
        built.append((RawCell(join(parts), "\n".join(raws)), brk))
    rows = _pipe_rows(built)
    return RawTable("pipe", rows, start + 1, end + 1), max(i, end + 1)


def _bare_bars_as_empty(raw_lines: Sequence[str], norm_lines: Sequence[NormText], start: int, end: int
                        ) -> list[tuple[list[int], bool]]:
    """"cell |" dialect: every line is one cell; a bare "|" is an empty cell; other lines continue a cell."""
    cells: list[tuple[list[int], bool]] = []
    pending: list[int] = []
    for k in range(start, end + 1):
        stripped = raw_lines[k].strip()
        if not stripped:
            continue
        pending.append(k)
        if stripped.endswith("|"):
            cells.append((pending, False))
            pending = []
    if pending:
        cells.append((pending, False))
    return cells


def _pipe_rows(cells: list[tuple[RawCell, bool]]) -> list[list[RawCell]]:
    if any(brk for _, brk in cells):
        rows: list[list[RawCell]] = []
        for cell, brk in cells:
            if brk or not rows:
                rows.append([])
            rows[-1].append(cell)
        return [r for r in rows if any(c.text for c in r)]
    # No row breaks: infer the width from the header — the cells before the first row label that
    # is followed by a number.
    from reportlint.parse.numbers import parse_cell_number

    texts = [c.text for c, _ in cells]
    width = 0
    for k in range(1, len(texts)):
        if parse_cell_number(texts[k]) is not None and texts[k - 1] and parse_cell_number(texts[k - 1]) is None:
            width = k - 1
            break
    if width < 2:
        return [[c for c, _ in cells]]
    flat = [c for c, _ in cells]
    return [flat[k:k + width] for k in range(0, len(flat), width)]
