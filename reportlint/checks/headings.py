"""Which numbered lines are headings a numbering check may judge (RL502).

PDF text and excerpts are full of numbered lines that are not headings of the report's body: the entries of
a table of contents, numbered sentences of a list, headings flattened onto one line with their sub-headings.
Each reading is a small function here, so that RL502 judges only a sequence of real headings.
"""

from __future__ import annotations

from typing import Final

from bisect import bisect_right

from reportlint import patterns
from reportlint.document import Document, Heading

_FIGURE: Final = patterns.compile(r"\d[\d,.]*\s*(?:万元|亿元|元|%|人|名|个|项)")
_BODY_PUNCT: Final = patterns.compile(r"[。；;，,]")
_CN: Final = "〇一二三四五六七八九十"
RANK: Final = {"part": 0, "cn-dun": 1, "cn-paren": 2, "num-dun": 3, "num-dot": 3, "num-paren": 4, "circled": 5}  # outer first


def is_list_item(h: Heading) -> bool:
    """A numbered sentence — "1.基本支出2956.36万元，其中：…" — is an item of a list in the body, not a
    title: it states figures or runs on past a comma. Items are numbered among themselves, not with titles."""
    return bool(_FIGURE.search(h.title) or "。" in h.title.rstrip("。")) or len(h.title) > 40


def contents_entries(doc: Document) -> set[int]:
    """Indexes of headings that are entries of a table of contents: a run of numbered lines with no body
    text between them (blank lines, 附件 lines and page numbers aside), which the body later starts over with
    the run's first marker ("目录 一、… 八、…" then "一、部门概况" with its text)."""
    headings = list(doc.headings)
    by_line = {h.line: h for h in headings}
    out: set[int] = set()
    later: dict[tuple[str, int], list[int]] = {}
    for i, h in enumerate(headings):
        later.setdefault((h.style, h.number), []).append(i)
    for i, first in enumerate(headings):
        if first.index in out or first.number != 1:
            continue
        positions = later[(first.style, 1)]
        k = bisect_right(positions, i)
        if k == len(positions):
            continue
        restart = headings[positions[k]]
        run = headings[i:positions[k]]
        if len(run) < 3 or any(is_list_item(h) for h in run):
            continue  # contents entries are short titles
        if any(RANK.get(h.style, 9) < RANK.get(first.style, 9) for h in run):
            continue  # a parent heading in between: the numbering starts over under it, as it should
        if not any(_is_body(doc.lines[n - 1]) for n in range(first.line + 1, restart.line) if n not in by_line):
            out.update(h.index for h in headings[i:positions[k]])
    return out


def _is_body(line: str) -> bool:
    """A line of running text: punctuated like a sentence (not a title, a page number or an attachment's name,
    however long)."""
    text = line.strip()
    return bool(_BODY_PUNCT.search(text)) and len(text) > 12


def inline_marker(h: Heading, style_marker: str) -> bool:
    """Whether a heading line carries further numbered titles flattened onto it ("一、工作情况 （一）基本
    情况 1.立项情况"): the marker ``style_marker`` written inside its title."""
    return style_marker in h.title
