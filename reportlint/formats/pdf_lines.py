"""Text lines from PDF characters, and the layout rules the PDF reader applies to them: characters grouped
into lines by vertical overlap (CJK and Latin fonts sit on different baselines, so a fixed tolerance splits
"总计2995.39万元" in two), running headers, footers and page numbers recognised, and wrapped lines joined."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

_PAGE_NUMBER = re.compile(
    r"^[-—–_\s·.]*(?:第\s*)?[0-9０-９]{1,4}\s*(?:页)?\s*(?:[/／]\s*(?:共\s*)?[0-9０-９]{1,4}\s*页?)?[-—–_\s·.]*$"
    r"|^共\s*[0-9]{1,4}\s*页\s*第\s*[0-9]{1,4}\s*页$|^page\s*[0-9]{1,4}(?:\s*of\s*[0-9]{1,4})?$", re.I)
_SENTENCE_END = "。！？!?；;：:"
_DIGITS = re.compile(r"[0-9０-９]+")


@dataclass(frozen=True)
class Line:
    """A line of text on a page: its text, box and font size, and its number on the page (1-based)."""

    text: str
    x0: float
    x1: float
    top: float
    bottom: float
    size: float
    number: int = 0


def _overlap(a_top, a_bottom, b_top, b_bottom) -> float:
    return min(a_bottom, b_bottom) - max(a_top, b_top)


def group_lines(chars: list[dict]) -> list[list[dict]]:
    """Characters → lines (each sorted left to right), top to bottom. A character joins the line it overlaps
    vertically by at least 40% of the smaller height."""
    lines: list[list] = []  # [top, bottom, chars]
    for ch in sorted(chars, key=lambda c: (c["top"], c["x0"])):
        top, bottom = ch["top"], ch["bottom"]
        height = max(bottom - top, 0.1)
        placed = False
        for line in reversed(lines[-4:]):
            o = _overlap(line[0], line[1], top, bottom)
            if o >= 0.4 * min(height, line[1] - line[0]):
                line[2].append(ch)
                placed = True
                break
        if not placed:
            lines.append([top, bottom, [ch]])
    out = [sorted(line[2], key=lambda c: c["x0"]) for line in lines]
    out.sort(key=lambda cs: min(c["top"] for c in cs))
    return out


def line_text(chars: list[dict]) -> str:
    """The text of one line's characters; a space where a gap is wider than half a character."""
    parts: list[str] = []
    previous = None
    for ch in chars:
        text = ch.get("text") or ""
        if previous is not None and text.strip() and parts and parts[-1].strip():
            gap = ch["x0"] - previous["x1"]
            if gap > 0.5 * min(ch.get("size") or 10, previous.get("size") or 10):
                parts.append(" ")
        parts.append(text)
        previous = ch
    return re.sub(r"\s+", " ", "".join(parts)).strip()


def make_lines(chars: list[dict]) -> list[Line]:
    """The text lines of a set of characters, numbered from 1 (spaces kept as written, not used to group)."""
    out: list[Line] = []
    spaces = [c for c in chars if not (c.get("text") or "").strip()]
    groups = group_lines([c for c in chars if (c.get("text") or "").strip()])
    if spaces:
        for group in groups:
            top, bottom = min(c["top"] for c in group), max(c["bottom"] for c in group)
            x0, x1 = group[0]["x0"], group[-1]["x1"]
            inner = [s for s in spaces if x0 < s["x0"] < x1 and _overlap(top, bottom, s["top"], s["bottom"]) > 0]
            if inner:
                group.extend(inner)
                group.sort(key=lambda c: c["x0"])
    for group in groups:
        text = line_text(group)
        if not text:
            continue
        sizes = sorted(c.get("size") or 0 for c in group)
        out.append(Line(text, min(c["x0"] for c in group), max(c["x1"] for c in group), min(c["top"] for c in group),
                        max(c["bottom"] for c in group), sizes[len(sizes) // 2], len(out) + 1))
    return out


def is_page_number(text: str) -> bool:
    return bool(_PAGE_NUMBER.match(text.strip()))


def running_keys(pages: list[tuple[float, list[Line]]], band: float = 0.09) -> set[str]:
    """Texts (digits masked) that recur in the top or bottom band of many pages: running headers and footers."""
    if len(pages) < 2:
        return set()
    counts: Counter[str] = Counter()
    for height, lines in pages:
        seen = {key(line.text) for line in lines if line.top < band * height or line.bottom > (1 - band) * height}
        counts.update(seen)
    need = len(pages) if len(pages) < 5 else max(3, int(0.4 * len(pages)))
    return {k for k, n in counts.items() if n >= need and k}


def key(text: str) -> str:
    return _DIGITS.sub("#", re.sub(r"\s+", "", text))


def in_band(line: Line, height: float, band: float = 0.09) -> bool:
    return line.top < band * height or line.bottom > (1 - band) * height


def ends_sentence(text: str) -> bool:
    return bool(text) and text.rstrip()[-1] in _SENTENCE_END


def margins(lines: list[Line]) -> tuple[float, float]:
    """(left, right) text margins: the most common left edge, and a high quantile of the right edges."""
    if not lines:
        return 0.0, 0.0
    lefts = Counter(round(line.x0) for line in lines)
    left = float(lefts.most_common(1)[0][0])
    rights = sorted(line.x1 for line in lines)
    right = rights[int(0.9 * (len(rights) - 1))]
    return left, right


def continues(previous: Line, following: Line, left: float, right: float, starts_heading) -> bool:
    """Whether ``following`` goes on the sentence ``previous`` wrapped out of."""
    size = previous.size or 10
    if ends_sentence(previous.text) or len(previous.text) < 8:
        return False
    if previous.x1 < right - 2.5 * size:
        return False  # the line stops short of the margin: a paragraph's last line, a title
    if following.x0 > left + 1.2 * size or abs((following.size or size) - size) > 1.5:
        return False  # an indented first line, or another font size
    return not starts_heading(following.text)
