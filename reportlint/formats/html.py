"""Read an .html/.htm page (lxml's HTML parser): the body's text as paragraphs, ``<table>``s as grids with
``rowspan``/``colspan`` resolved; scripts, styles and navigation left out. Layout tables (a table holding
tables or a single column) are read as running text. The walk is iterative: deep nesting cannot overflow."""

from __future__ import annotations

import codecs
import re

from reportlint.formats.grid import PlacedCell, dump_rows
from reportlint.formats.view import TextView, ViewBuilder
from reportlint.parse.read import InputProblem

_IGNORED = {"script", "style", "nav", "noscript", "template", "head", "iframe", "svg", "select", "button",
            "object", "canvas", "math"}
_BLOCKS = {"p", "div", "section", "article", "main", "header", "footer", "aside", "h1", "h2", "h3", "h4", "h5",
           "h6", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre", "address", "figure", "figcaption", "hr",
           "form", "fieldset", "center", "caption", "table", "tr", "td", "th", "tbody", "thead", "tfoot", "body"}
_META = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_\-]+)""", re.I)
_XML_DECL = re.compile(r"^\s*<\?xml[^>]*\?>")
_SPACE = re.compile(r"[ \t\r\n\f\v]+")
MAX_SPAN = 1000


def decode_html(data: bytes) -> str:
    """Bytes → text: a BOM, else the page's <meta charset>, else UTF-8, else GB18030."""
    for bom, name in ((codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16")):
        if data.startswith(bom):
            return data.decode(name, errors="replace")
    m = _META.search(data[:4096])
    candidates = []
    if m:
        name = m.group(1).decode("ascii", "ignore").lower()
        candidates.append("gb18030" if name in ("gb2312", "gbk", "gb18030") else name)
    candidates += ["utf-8", "gb18030"]
    for name in candidates:
        try:
            return data.decode(name)
        except (UnicodeDecodeError, LookupError):
            continue
    return data.decode("utf-8", errors="replace")


def _span(value, default: int = 1) -> int:
    try:
        return max(1, min(int(str(value).strip() or default), MAX_SPAN))
    except ValueError:
        return default


def _tag(el) -> str:
    tag = el.tag
    return tag.lower() if isinstance(tag, str) else ""


class _Reader:
    def __init__(self) -> None:
        self.view = ViewBuilder()
        self.buffer: list[str] = []
        self.paragraphs = 0

    def flush(self) -> None:
        text = _SPACE.sub(" ", "".join(self.buffer)).strip()
        self.buffer = []
        if text:
            self.paragraphs += 1
            self.view.paragraph(text, f"第{self.paragraphs}段")

    def walk(self, root) -> None:
        """Depth-first over the tree with an explicit stack: ("open", el) then ("tail", el)."""
        stack = [("open", root)]
        while stack:
            action, el = stack.pop()
            tag = _tag(el)
            if action == "tail":
                if tag in _BLOCKS or tag == "br":
                    self.flush()
                if el.tail:
                    self.buffer.append(el.tail)
                continue
            if not tag or tag in _IGNORED or (el.get("role") or "").lower() == "navigation" or el.get("hidden") is not None:
                if el.tail:
                    self.buffer.append(el.tail)
                continue
            if tag in _BLOCKS or tag == "br":
                self.flush()
            if tag == "table" and self.data_table(el):
                stack.append(("tail", el))
                continue
            if el.text:
                self.buffer.append(el.text)
            stack.append(("tail", el))
            stack.extend(("open", child) for child in reversed(list(el)))
        self.flush()

    def data_table(self, table) -> bool:
        """Emit ``table`` as a grid unless it is a layout table; whether it was emitted."""
        rows = [tr for tr in table.iter("tr") if _owner(tr) is table]
        if not rows or any(_owner(t) is table for t in table.iter("table") if t is not table):
            return False
        number = self.view.tables + 1
        cells: list[PlacedCell] = []
        taken: set[tuple[int, int]] = set()
        for r, tr in enumerate(rows):
            c = 0
            for td in tr:
                if _tag(td) not in ("td", "th"):
                    continue
                while (r, c) in taken:
                    c += 1
                rowspan = min(_span(td.get("rowspan")), len(rows) - r)
                colspan = _span(td.get("colspan"))
                cells.append(PlacedCell(r, c, rowspan, colspan, _cell_text(td), f"表{number} 第{r + 1}行 第{c + 1}列"))
                for dr in range(rowspan):
                    for dc in range(colspan):
                        taken.add((r + dr, c + dc))
                c += colspan
        if max((c.col + c.colspan for c in cells), default=0) < 2:
            return False
        self.flush()
        caption = table.find("caption")
        if caption is not None:
            self.view.paragraph(_SPACE.sub(" ", caption.text_content()).strip(), f"表{number} 标题")
        self.view.table(dump_rows(cells, len(rows), lambda r, c: f"表{number} 第{r + 1}行 第{c + 1}列"))
        return True


def _owner(el):
    """The nearest enclosing <table> of an element."""
    el = el.getparent() if el is not None else None
    while el is not None and _tag(el) != "table":
        el = el.getparent()
    return el


def _cell_text(td) -> str:
    """A cell's text, one line per block (<p>, <br>, <div>) inside it."""
    lines = [_SPACE.sub(" ", line).strip() for line in "".join(_cell_pieces(td)).split("\n")]
    return "\n".join(line for line in lines if line)


def _cell_pieces(td):
    stack = [("open", td)]
    while stack:
        action, el = stack.pop()
        tag = _tag(el)
        if action == "tail":
            if tag in _BLOCKS or tag == "br":
                yield "\n"
            if el.tail and el is not td:
                yield el.tail
            continue
        if not tag or tag in _IGNORED:
            if el.tail and el is not td:
                yield el.tail
            continue
        if el.text:
            yield el.text
        stack.append(("tail", el))
        stack.extend(("open", child) for child in reversed(list(el)))


def read_html(path: str) -> TextView:
    """The text view of an HTML page."""
    import lxml.html  # imported only for HTML input
    from lxml import etree

    with open(path, "rb") as handle:
        data = handle.read()
    text = _XML_DECL.sub("", decode_html(data))
    if not text.strip():
        raise InputProblem("RL003", "文件为空", "the file is empty")
    try:
        root = lxml.html.document_fromstring(text)
    except (etree.ParserError, ValueError) as exc:
        raise InputProblem("RL022", f"无法解析 HTML：{exc}", f"cannot parse the HTML: {exc}") from None
    body = root.find("body")
    reader = _Reader()
    reader.walk(body if body is not None else root)
    return reader.view.build("html")
