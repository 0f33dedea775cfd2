"""The document model: what the parser produces and the checks read.

Everything here is a frozen dataclass. Positions are 1-based lines and columns counted in
Unicode code points of the *original* file, so a finding points at what the author sees.
Money is ``Decimal``, never float.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from decimal import Decimal
from typing import Final, TYPE_CHECKING, Any, Optional, cast

if TYPE_CHECKING:  # normalize builds on Pos and Span: imported for the annotations only
    from reportlint.parse.normalize import NormText


class Rebuilt:
    """The base of the model's frozen dataclasses: an instance pickles and copies as its class called with its
    fields' values. (The default restores the attributes one by one, which a frozen class compiled by mypyc
    refuses; ``--jobs``, ``copy.deepcopy`` and Spark need both builds to pickle.)"""

    def __reduce__(self) -> tuple[type[Any], tuple[Any, ...]]:
        return type(self), tuple(getattr(self, f.name) for f in fields(cast(Any, self)))


@dataclass(frozen=True, order=True)
class Pos(Rebuilt):
    line: int
    column: int

    # The hot classes spell out the __init__ the dataclass would make: the compiled build then builds them
    # natively, about ten times faster than by running the generated one (tests/test_build.py holds each to
    # its fields).
    def __init__(self, line: int, column: int) -> None:
        object.__setattr__(self, "line", line)
        object.__setattr__(self, "column", column)


@dataclass(frozen=True)
class Span(Rebuilt):
    start: Pos
    end: Pos  # exclusive: the column just after the last character

    def __init__(self, start: Pos, end: Pos) -> None:
        object.__setattr__(self, "start", start)
        object.__setattr__(self, "end", end)


@dataclass(frozen=True)
class Heading(Rebuilt):
    """A numbered or titled heading: ``一、部门概况`` or ``（二）项目支出``."""

    index: int
    line: int
    column: int
    marker: str  # the numbering as written, e.g. "一、", "（二）", "8、"
    style: str  # "cn-dun" (一、), "cn-paren" (（一）), "num-dun" (1、), "num-dot" (1.), "num-paren" ((1)), "circled" (①), "part" (第一部分)
    number: int  # the value of the numbering (一 → 1)
    title: str  # the normalised (simplified) title text without the marker
    text: str  # the original line text


@dataclass(frozen=True)
class Cell(Rebuilt):
    row: int
    col: int
    text: str  # normalised text of the cell
    raw: str  # original text
    span: Optional[Span]
    norm: Optional[NormText] = field(default=None, compare=False, repr=False)  # NormText of the cell (positions)

    def __init__(self, row: int, col: int, text: str, raw: str, span: Optional[Span],
                 norm: Optional[NormText] = None) -> None:
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "col", col)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "raw", raw)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "norm", norm)


@dataclass(frozen=True)
class Table(Rebuilt):
    """A table rebuilt as a grid, with the header rows told apart from the data rows."""

    index: int
    caption: str  # caption or title line(s) just above/inside the table
    unit: str  # declared unit ("万元", "元", …) or ""
    rows: tuple[tuple[Cell, ...], ...]
    header_rows: int  # number of leading rows that are headers
    column_headers: tuple[str, ...]  # per column: the header labels joined with "/"
    row_headers: tuple[str, ...]  # per row: the row label (first non-empty non-numeric cell)
    first_line: int
    last_line: int
    source: str = "docx"  # "docx" dump, "pipe" (a cell a line) or "pipe-rows" (a row a line)
    stub: int = 1  # how many leading columns hold row labels

    @property
    def width(self) -> int:
        return len(self.column_headers)

    def cell(self, row: int, col: int) -> Optional[Cell]:
        cells = self.rows[row]
        return cells[col] if col < len(cells) else None


@dataclass(frozen=True)
class TablePlace(Rebuilt):
    table: int
    row: int
    col: int
    row_header: str
    column_header: str
    key_value: bool = False  # "人员编制 | 18 | 实有人数 | 38": the label just left of the number names it

    def __init__(self, table: int, row: int, col: int, row_header: str, column_header: str,
                 key_value: bool = False) -> None:
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "row", row)
        object.__setattr__(self, "col", col)
        object.__setattr__(self, "row_header", row_header)
        object.__setattr__(self, "column_header", column_header)
        object.__setattr__(self, "key_value", key_value)


@dataclass(frozen=True)
class Figure(Rebuilt):
    """One number the report states, with what it is a number of."""

    id: int
    text: str  # as written in the original (number and unit)
    value: Decimal  # the number as printed, in its own unit
    decimals: int  # printed decimals
    unit: str  # "万元", "元", "亿元", "%", "人", "个", … or "" when none
    span: Span
    concept: Optional[str]  # concept id from rules/concepts.toml, or None
    label: str  # the words the concept was read from
    qualifiers: tuple[tuple[str, str], ...]  # sorted (key, value) pairs: year, state, fund, entity, kind
    approx: str = ""  # approximate wording ("约", "以上", …) that turns equality into a bound
    direct: bool = False  # the concept's words stand right before the number
    table: Optional[TablePlace] = None
    sentence: int = -1  # index of the sentence (prose) it belongs to, -1 for table cells
    block: int = -1
    magnitude_exact: bool = False  # a whole amount among amounts with decimals: counts as exact

    def __init__(self, id: int, text: str, value: Decimal, decimals: int, unit: str, span: Span,  # noqa: A002
                 concept: Optional[str], label: str, qualifiers: tuple[tuple[str, str], ...], approx: str = "",
                 direct: bool = False, table: Optional[TablePlace] = None, sentence: int = -1, block: int = -1,
                 magnitude_exact: bool = False) -> None:
        object.__setattr__(self, "id", id)
        object.__setattr__(self, "text", text)
        object.__setattr__(self, "value", value)
        object.__setattr__(self, "decimals", decimals)
        object.__setattr__(self, "unit", unit)
        object.__setattr__(self, "span", span)
        object.__setattr__(self, "concept", concept)
        object.__setattr__(self, "label", label)
        object.__setattr__(self, "qualifiers", qualifiers)
        object.__setattr__(self, "approx", approx)
        object.__setattr__(self, "direct", direct)
        object.__setattr__(self, "table", table)
        object.__setattr__(self, "sentence", sentence)
        object.__setattr__(self, "block", block)
        object.__setattr__(self, "magnitude_exact", magnitude_exact)

    def qualifier(self, key: str, default: str = "") -> str:
        for k, v in self.qualifiers:
            if k == key:
                return v
        return default

    @property
    def is_money(self) -> bool:
        return self.unit in MONEY_UNITS

    @property
    def yuan(self) -> Optional[Decimal]:
        """The value in 元 when the figure is money."""
        factor = MONEY_UNITS.get(self.unit)
        return None if factor is None else self.value * factor

    @property
    def half_unit(self) -> Decimal:
        """Half a unit of the last printed digit, in the figure's own unit (0 when exact)."""
        if self.magnitude_exact:
            return Decimal(0)
        return Decimal(5).scaleb(-(self.decimals + 1))


MONEY_UNITS: Final = {"元": Decimal(1), "万元": Decimal(10000), "亿元": Decimal(100000000)}


@dataclass(frozen=True)
class Relation(Rebuilt):
    """A relation the text or a table states between figures.

    kind:
      breakdown  total = parts (complete) or parts ≤ total (partial): "X，其中 A a、B b"
      share      result% = parts[0] / total: "占Y%"
      rate       result% = parts[0] / total: 执行率 = 执行数 / 预算数 (candidates in ``alternatives``)
      remainder-rate  result% = parts[0] / (parts[0] + parts[1]): "支付X，未支付Y，支付率r"
      change     result% = parts[0] / (total ∓ parts[0]): "增加X，增长Y%" (total = the current level)
      adjust     total = parts[0] ± parts[1]: "由年初预算X调整为Y，调增Δ"; 本年 = 上年 ± 变动
      difference total = |parts[0] − parts[1]|: "支出a，年初预算为b，差值为c"
      balance    total = parts[0] + parts[1] − parts[2]: 年末结转 = 年初结转 + 收入 − 支出
      table-sum  a table's total cell against its sub-rows or sub-columns
    """

    kind: str
    total: Optional[int]
    parts: tuple[int, ...]
    result: Optional[int] = None
    complete: bool = False
    explicit: bool = True
    note: str = ""
    alternatives: tuple[tuple[int, int], ...] = ()  # (numerator, denominator) candidates for rates
    direction: int = 0  # for change: +1 increase, -1 decrease

    def __init__(self, kind: str, total: Optional[int], parts: tuple[int, ...], result: Optional[int] = None,
                 complete: bool = False, explicit: bool = True, note: str = "",
                 alternatives: tuple[tuple[int, int], ...] = (), direction: int = 0) -> None:
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "total", total)
        object.__setattr__(self, "parts", parts)
        object.__setattr__(self, "result", result)
        object.__setattr__(self, "complete", complete)
        object.__setattr__(self, "explicit", explicit)
        object.__setattr__(self, "note", note)
        object.__setattr__(self, "alternatives", alternatives)
        object.__setattr__(self, "direction", direction)


@dataclass(frozen=True)
class Block(Rebuilt):
    """A paragraph (possibly several physical lines joined) or a heading line."""

    index: int
    kind: str  # "paragraph" | "heading" | "table"
    first_line: int
    last_line: int
    heading: Optional[Heading] = None
    table: Optional[int] = None

    def __init__(self, index: int, kind: str, first_line: int, last_line: int, heading: Optional[Heading] = None,
                 table: Optional[int] = None) -> None:  # spelled out: built natively when compiled
        object.__setattr__(self, "index", index)
        object.__setattr__(self, "kind", kind)
        object.__setattr__(self, "first_line", first_line)
        object.__setattr__(self, "last_line", last_line)
        object.__setattr__(self, "heading", heading)
        object.__setattr__(self, "table", table)


@dataclass(frozen=True)
class Document(Rebuilt):
    path: str
    encoding: str
    text: str  # the decoded original text
    lines: tuple[str, ...]  # original lines, without line terminators
    title: str
    year: Optional[int]
    blocks: tuple[Block, ...]
    headings: tuple[Heading, ...]
    tables: tuple[Table, ...]
    figures: tuple[Figure, ...]
    relations: tuple[Relation, ...]
    sentences: tuple[tuple[int, int, str], ...] = field(default=())  # (first line, last line, normalised text)
    kind: str = ""  # detected report kind (profile name)
    norm_lines: tuple[NormText, ...] = field(default=(), compare=False, repr=False)  # each line's NormText (simplified, positions kept)

    def figure(self, fid: int) -> Figure:
        return self.figures[fid]

    def line_text(self, line: int) -> str:
        return self.lines[line - 1] if 0 < line <= len(self.lines) else ""
