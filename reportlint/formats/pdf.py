"""Read a .pdf (pdfplumber on pdfminer.six): the text layer page by page; ruled tables found by pdfplumber's
table finder and emitted as grids (their text kept out of the prose); running headers, footers and page
numbers dropped; lines wrapped inside a sentence — also across a page break — joined into one line.

A PDF without a text layer (a scan) and an encrypted or damaged one raise InputProblem (RL020, RL021, RL022);
scanned pages inside a PDF that has text become a note (RL024)."""

from __future__ import annotations

from reportlint.formats import pdf_lines as L
from reportlint.formats.view import TextView, ViewBuilder
from reportlint.parse.read import InputProblem

MAX_PAGES = 3000


def _problem(exc: BaseException) -> InputProblem:
    """An exception from pdfminer/pdfplumber as an input problem: encrypted, or damaged."""
    chain, seen = [exc], set()
    while chain[-1].__cause__ or chain[-1].__context__:
        nxt = chain[-1].__cause__ or chain[-1].__context__
        if id(nxt) in seen:
            break
        seen.add(id(nxt))
        chain.append(nxt)
    names = " ".join(type(e).__name__ for e in chain) + " " + " ".join(str(a) for e in chain for a in getattr(e, "args", ())
                                                                       if isinstance(a, (str, BaseException)))
    if "Password" in names or "Encrypt" in names or "encrypt" in names:
        return InputProblem("RL021", "PDF 已加密（需要密码），无法读取", "the PDF is encrypted (a password is needed)")
    return InputProblem("RL022", f"PDF 文件已损坏或格式不符，无法读取（{type(chain[-1]).__name__}）",
                        f"the PDF is damaged or not a PDF ({type(chain[-1]).__name__}: {chain[-1]})")


def _center_in(obj, box) -> bool:
    x = (obj["x0"] + obj["x1"]) / 2
    y = (obj["top"] + obj["bottom"]) / 2
    return box[0] <= x <= box[2] and box[1] <= y <= box[3]


def _table_rows(table, chars, page_no: int, number: int) -> list[list[tuple[str, str]]]:
    """A pdfplumber table as dump rows: a horizontally merged cell once, a vertically merged one's rows below
    it an empty cell (once, even when it also spans columns)."""
    cells = table.cells
    xs = sorted({c[0] for c in cells})
    inside: dict[tuple, list[dict]] = {c: [] for c in cells}
    for ch in chars:
        for c in cells:
            if _center_in(ch, c):
                inside[c].append(ch)
                break
    out: list[list[tuple[str, str]]] = []
    for r, row in enumerate(table.rows):
        present = [c for c in row.cells if c is not None]
        if not present:
            continue
        top = present[0][1]
        cols: list[tuple[str, str, bool]] = []  # (text, location, a hole: no cell here at all)
        for ci, cell in enumerate(row.cells):
            location = f"第{page_no}页 表{number} 第{r + 1}行 第{ci + 1}列"
            if cell is not None:
                cols.append(("\n".join(line.text for line in L.make_lines(inside[cell])), location, False))
                continue
            x = xs[ci]
            if any(c[0] < x - 0.5 < c[2] - 1 for c in present):
                continue  # covered by a cell of this row spanning columns
            above = [c for c in cells if c[0] <= x + 0.5 < c[2] and c[1] < top - 0.5 and top + 0.5 < c[3]]
            if above and above[0][0] < x - 0.5:
                continue  # a merged cell from above that also spans columns: its empty cell is already there
            cols.append(("", location, not above))
        while cols and cols[-1][2]:
            cols.pop()  # no cell at all at the right edge
        cols = [(text, location) for text, location, _ in cols]
        out.append(cols)
    return out


def read_pdf(path: str) -> TextView:
    """The text view of a PDF."""
    import pdfplumber  # imported only for PDF input

    try:
        pdf = pdfplumber.open(path)
    except Exception as exc:
        raise _problem(exc) from None
    try:
        with pdf:
            return _read(pdf)
    except InputProblem:
        raise
    except Exception as exc:
        raise _problem(exc) from None


def _read(pdf) -> TextView:
    pages = pdf.pages
    if len(pages) > MAX_PAGES:
        raise InputProblem("RL023", f"PDF 有 {len(pages)} 页，超过上限 {MAX_PAGES} 页，未检查",
                           f"the PDF has {len(pages)} pages, over the limit of {MAX_PAGES}; not checked")
    laid: list[tuple[int, float, list]] = []  # (page number, height, items in reading order)
    scanned: list[int] = []
    total_chars = 0
    table_number = 0
    for page_no, page in enumerate(pages, start=1):
        chars = [c for c in page.dedupe_chars().chars if c.get("upright", True)]
        visible = sum(1 for c in chars if (c.get("text") or "").strip())
        total_chars += visible
        if not visible:
            if page.images:
                scanned.append(page_no)
            laid.append((page_no, float(page.height), []))
            continue
        items: list = []
        boxes = []
        for table in page.find_tables():
            xs = {c[0] for c in table.cells}
            if len(xs) < 2 or len(table.rows) < 1:
                continue  # a framed box of text, not a grid
            boxes.append(table.bbox)
            table_chars = [c for c in chars if _center_in(c, table.bbox)]
            table_number += 1
            items.append((table.bbox[1], "table", _table_rows(table, table_chars, page_no, table_number)))
        prose = [c for c in chars if not any(_center_in(c, box) for box in boxes)]
        for line in L.make_lines(prose):
            items.append((line.top, "line", line))
        items.sort(key=lambda item: item[0])
        laid.append((page_no, float(page.height), items))
        page.flush_cache() if hasattr(page, "flush_cache") else None
    if total_chars == 0:
        if scanned:
            raise InputProblem("RL020", f"扫描件，无文字层（{len(scanned)} 页都是图片），无法检查；请提供带文字层的 PDF 或原文档",
                               f"a scan without a text layer ({len(scanned)} image pages): cannot be checked")
        raise InputProblem("RL003", "PDF 中没有任何文字", "the PDF holds no text")
    return _assemble(laid, scanned)


def _assemble(laid, scanned: list[int]) -> TextView:
    from reportlint.parse.normalize import normalize_line
    from reportlint.parse.segment import match_heading

    def starts_heading(text: str) -> bool:
        return match_heading(normalize_line(text, 1).text) is not None

    running = L.running_keys([(height, [i[2] for i in items if i[1] == "line"]) for _, height, items in laid])
    kept: list[tuple[int, list]] = []
    for page_no, height, items in laid:
        page_items = [i for i in items if i[1] == "table" or not (
            L.in_band(i[2], height) and (L.is_page_number(i[2].text) or L.key(i[2].text) in running))]
        kept.append((page_no, page_items))
    all_lines = [i[2] for _, items in kept for i in items if i[1] == "line"]
    doc_left, doc_right = L.margins(all_lines)
    view = ViewBuilder()
    pending: list[tuple[L.Line, str]] = []

    def flush():
        if pending:
            view.pieces([(line.text, location) for line, location in pending])
            pending.clear()

    for page_no, items in kept:
        lines = [i[2] for i in items if i[1] == "line"]
        left, right = L.margins(lines) if len(lines) >= 6 else (doc_left, doc_right)
        first_on_page = True
        for _, kind, item in items:
            if kind == "table":
                flush()
                view.table(item)
                first_on_page = False
                continue
            location = f"第{page_no}页第{item.number}行"
            if pending:
                previous = pending[-1][0]
                gap_ok = first_on_page or item.top - previous.bottom < 1.6 * max(previous.bottom - previous.top, 1)
                edge = (doc_left, doc_right) if first_on_page else (left, right)
                if gap_ok and L.continues(previous, item, edge[0], edge[1], starts_heading):
                    pending.append((item, location))
                    first_on_page = False
                    continue
                flush()
            pending.append((item, location))
            first_on_page = False
        if items and items[-1][1] == "table":
            flush()
    flush()
    if scanned:
        pages = "、".join(str(p) for p in scanned[:10]) + ("等" if len(scanned) > 10 else "")
        view.note("RL024", f"第{pages}页是扫描图片，没有文字层，未检查", f"page(s) {pages} are scanned images without text; not checked")
    return view.build("pdf")
