"""The parser: bytes → text → normalised lines → blocks and tables → figures and relations."""

from __future__ import annotations

from typing import Final

from reportlint import patterns

from reportlint.document import Block, Document, Heading, Table
from reportlint.parse.facts import Extractor
from reportlint.parse.normalize import normalize_line, to_simplified
from reportlint.parse.read import decode, split_lines
from reportlint.parse.segment import RawParagraph, RawTable, segment
from reportlint.parse.tables import build_tables
from reportlint.rules import vocabulary

_TITLE: Final = patterns.compile(r"报告|自评|评价|决算|说明|自评表")
_YEAR: Final = patterns.compile(r"((?:19|20)\d{2})\s*年")


def parse_text(text: str, path: str = "<text>", encoding: str = "utf-8") -> Document:
    lines = split_lines(text)
    simplified = split_lines(to_simplified("\n".join(lines) + "\n"))
    if len(simplified) != len(lines):  # pragma: no cover - to_simplified keeps length
        simplified = lines
    norm_lines = [normalize_line(line, number) for number, line in enumerate(simplified, start=1)]
    title, year = _title_and_year([n.text for n in norm_lines])
    extractor = Extractor(vocabulary(), year, project_report="项目" in title)
    blocks: list[Block] = []
    headings: list[Heading] = []
    tables: list[Table] = []
    recent: list[str] = []
    for item in segment(lines, norm_lines):
        if isinstance(item, RawParagraph):
            recent = (recent + [item.norm.text.strip()])[-2:]
            index = len(blocks)
            kind = "heading" if item.heading else "paragraph"
            blocks.append(Block(index, kind, item.first_line, item.last_line, heading=item.heading))
            if item.heading:
                headings.append(item.heading)
            extractor.paragraph(item.norm, index)
        elif isinstance(item, RawTable):
            context = "".join(t for t in recent if len(t) <= 60)
            recent = []
            for table in build_tables(item, len(tables), context):
                index = len(blocks)
                blocks.append(Block(index, "table", table.first_line, table.last_line, table=table.index))
                tables.append(table)
                extractor.table(table, index)
    figures = extractor.figures(lines)
    return Document(
        path=path, encoding=encoding, text=text, lines=tuple(lines), title=title, year=year,
        blocks=tuple(blocks), headings=tuple(headings), tables=tuple(tables), figures=tuple(figures),
        relations=tuple(extractor.final_relations()), sentences=tuple(extractor.sentences), norm_lines=tuple(norm_lines),
    )


def parse_bytes(data: bytes, path: str = "<bytes>") -> Document:
    text, encoding = decode(data)
    return parse_text(text, path, encoding)


def _title_and_year(norm_texts: list[str]) -> tuple[str, int | None]:
    head = [t.strip() for t in norm_texts[:15] if t.strip()]
    title = ""
    for i, text in enumerate(head[:8]):
        if _TITLE.search(text) and len(text) <= 60:
            title = text
            if i > 0 and len(head[i - 1]) <= 40 and not _TITLE.search(head[i - 1]) and "\t" not in head[i - 1]:
                title = head[i - 1] + title
            break
    year = None
    for text in ([title] if title else []) + head[:10]:
        m = _YEAR.search(text)
        if m:
            year = int(m.group(1))
            break
    if year is None:
        counts: dict[int, int] = {}
        for text in norm_texts[:80]:
            for m in _YEAR.finditer(text):
                counts[int(m.group(1))] = counts.get(int(m.group(1)), 0) + 1
        if counts:
            year = max(counts, key=lambda y: (counts[y], y))
    return title.replace("\t", ""), year
