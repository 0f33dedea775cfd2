"""Read a .docx (python-docx): body paragraphs in order with Word's automatic numbers, tables as exact grids
(``gridSpan`` once, ``vMerge`` continuations empty), tracked changes accepted (insertions kept, deletions
dropped), comments and headers/footers left out."""

from __future__ import annotations

from reportlint.formats.archive import check_zip
from reportlint.formats.numbering import W, Numbering
from reportlint.formats.view import TextView, ViewBuilder
from reportlint.parse.read import InputProblem

_SKIP = {W + "del", W + "moveFrom", "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback",
         W + "instrText", W + "delText", W + "rPr", W + "pPr", W + "commentReference", W + "footnoteReference"}
_CONTAINERS = {W + "sdt", W + "sdtContent", W + "customXml", W + "smartTag", W + "ins", W + "moveTo"}


def paragraph_text(p) -> str:
    """A paragraph's visible text as accepted: runs (also inside insertions, hyperlinks, fields), tabs and breaks."""
    out: list[str] = []
    stack = list(reversed(list(p)))
    while stack:
        el = stack.pop()
        tag = el.tag
        if not isinstance(tag, str) or tag in _SKIP:
            continue
        if tag == W + "t":
            out.append(el.text or "")
        elif tag in (W + "tab", W + "ptab"):
            out.append(" ")
        elif tag in (W + "br", W + "cr"):
            out.append("\n")
        elif tag == W + "noBreakHyphen":
            out.append("-")
        elif tag == W + "p":  # a text box's paragraph
            out.append("\n")
            stack.extend(reversed(list(el)))
        else:
            stack.extend(reversed(list(el)))
    return "".join(out)


def _children(element, wanted: str):
    """Direct children named ``wanted``, looking through content controls and custom XML wrappers."""
    for child in element:
        if child.tag == wanted:
            yield child
        elif child.tag in _CONTAINERS:
            yield from _children(child, wanted)


def _int(element, path: str, default: int) -> int:
    child = element.find(path)
    try:
        return int(child.get(W + "val")) if child is not None else default
    except (TypeError, ValueError):
        return default


class _Reader:
    def __init__(self, document) -> None:
        self.numbering = Numbering(document)
        self.view = ViewBuilder()
        self.paragraphs = 0

    def text(self, p) -> str:
        marker = self.numbering.marker(p)
        text = paragraph_text(p)
        if marker and not text.lstrip().startswith(marker.strip()):
            text = marker + text.lstrip()
        return text

    def body(self, element) -> None:
        for child in element:
            if child.tag == W + "p":
                text = self.text(child)
                if text.strip():
                    self.paragraphs += 1
                    self.view.paragraph(text, f"第{self.paragraphs}段")
            elif child.tag == W + "tbl":
                self.table(child)
            elif child.tag in _CONTAINERS:
                self.body(child)

    def cell_text(self, tc) -> str:
        lines: list[str] = []
        for child in tc:
            if child.tag == W + "p":
                lines.append(self.text(child))
            elif child.tag == W + "tbl":  # a nested table: its rows as lines of this cell
                for tr in _children(child, W + "tr"):
                    lines.append(" ".join(self.cell_text(inner).replace("\n", " ") for inner in _children(tr, W + "tc")))
            elif child.tag in _CONTAINERS:
                lines.append(self.cell_text(child))
        return "\n".join(line for line in lines if line.strip())

    def table(self, tbl) -> None:
        number = self.view.tables + 1
        rows: list[list[tuple[str, str]]] = []
        for r, tr in enumerate(_children(tbl, W + "tr"), start=1):
            row: list[tuple[str, str]] = []
            col = 1
            for _ in range(_int(tr, f"{W}trPr/{W}gridBefore", 0)):
                row.append(("", f"表{number} 第{r}行 第{col}列"))
                col += 1
            for tc in _children(tr, W + "tc"):
                span = max(1, _int(tc, f"{W}tcPr/{W}gridSpan", 1))
                vmerge = tc.find(f"{W}tcPr/{W}vMerge")
                location = f"表{number} 第{r}行 第{col}列"
                if vmerge is not None and vmerge.get(W + "val", "continue") != "restart":
                    row.append(("", location))
                else:
                    row.append((self.cell_text(tc), location))
                col += span
            rows.append(row)
        self.view.table(rows)


def read_docx(path: str) -> TextView:
    """The text view of a .docx file; raises InputProblem for a file that is not a readable .docx."""
    check_zip(path, ".docx", "word/document.xml")
    import docx  # python-docx, imported only for .docx input

    try:
        document = docx.Document(path)
    except Exception as exc:  # python-docx raises a variety (KeyError, ValueError, lxml errors, PackageNotFoundError)
        raise InputProblem("RL022", f"文件已损坏或不是有效的 .docx 文件：{type(exc).__name__}",
                           f"damaged or not a valid .docx file: {type(exc).__name__}: {exc}") from None
    reader = _Reader(document)
    reader.body(document.element.body)
    return reader.view.build("docx")
