"""The text view of a structured document: the lines the parser reads, and where each piece came from.

Every reader (docx, pdf, xlsx, html) builds one with ``ViewBuilder``: paragraphs become lines, tables become
the tab-cell dump the parser already reads (one cell a line behind a TAB, continuation lines of a multi-line
cell without it, a blank line after each row). Each line keeps the human location of its pieces ("第3页第12行",
"表2 第4行 第5列", "Sheet1!B7"), so a finding's line:column in the view can be told in the document's own terms.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

_BLANKS = "\t\r\n\x0b\x0c\u2028\u2029"
_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\xad"), None)


@dataclass(frozen=True)
class Note:
    """A non-fatal reading problem (an RL0xx finding that does not stop the check), at a view line."""

    code: str
    message_zh: str
    message_en: str
    line: int = 1


@dataclass(frozen=True)
class TextView:
    """Lines of text (1-based in findings) and, per line, (first column, location) pieces in column order."""

    kind: str
    lines: tuple[str, ...]
    places: tuple[tuple[tuple[int, str], ...], ...]
    notes: tuple[Note, ...] = ()
    tables: int = 0

    @property
    def text(self) -> str:
        return "\n".join(self.lines) + ("\n" if self.lines else "")

    def locate(self, line: int, column: int = 1) -> str:
        """The human location of a view position ("" outside the view)."""
        if not 0 < line <= len(self.places) or not self.places[line - 1]:
            return ""
        pieces = self.places[line - 1]
        k = bisect.bisect_right([start for start, _ in pieces], column) - 1
        return pieces[max(k, 0)][1]


def clean(text: str) -> str:
    """One line of document text: control characters and tabs become spaces, invisible marks go."""
    text = (text or "").translate(_INVISIBLE)
    for ch in _BLANKS:
        if ch in text:
            text = text.replace(ch, " ")
    return text.strip()


def cell_lines(text: str) -> list[str]:
    """A cell's text as its non-empty lines."""
    return [c for c in (clean(part) for part in (text or "").replace("\r\n", "\n").replace("\r", "\n").split("\n")) if c]


@dataclass
class ViewBuilder:
    """Collects lines and their locations in document order."""

    lines: list[str] = field(default_factory=list)
    places: list[tuple[tuple[int, str], ...]] = field(default_factory=list)
    notes: list[Note] = field(default_factory=list)
    tables: int = 0
    _in_table: bool = False

    def _add(self, text: str, places: tuple[tuple[int, str], ...]) -> None:
        self.lines.append(text)
        self.places.append(places)

    def paragraph(self, text: str, location: str) -> None:
        """A paragraph (each of its lines one view line)."""
        for line in cell_lines(text):
            self._leave_table()
            self._add(line, ((1, location),))

    def pieces(self, pieces: list[tuple[str, str]]) -> None:
        """One view line joined from pieces (PDF lines wrapped into one sentence), each with its location."""
        text = ""
        places: list[tuple[int, str]] = []
        for piece, location in pieces:
            piece = clean(piece)
            if not piece:
                continue
            if text and text[-1].isascii() and text[-1].isalpha() and piece[0].isascii() and piece[0].isalpha():
                text += " "
            places.append((len(text) + 1, location))
            text += piece
        if text:
            self._leave_table()
            self._add(text, tuple(places))

    def table(self, rows: list[list[tuple[str, str]]], location: str = "") -> None:
        """A grid as a tab-cell dump: rows of (cell text, cell location); merged cells already resolved."""
        rows = [row for row in rows if row]
        if not rows:
            return
        self.tables += 1
        if self.lines and self.lines[-1] != "":
            self._add("", ())
        for row in rows:
            for text, cell_location in row:
                parts = cell_lines(text)
                self._add("\t" + (parts[0] if parts else ""), ((1, cell_location),))
                for part in parts[1:]:
                    self._add(part, ((1, cell_location),))
            self._add("", ((1, row[-1][1]),))
        self._in_table = True

    def _leave_table(self) -> None:
        self._in_table = False

    def note(self, code: str, message_zh: str, message_en: str) -> None:
        self.notes.append(Note(code, message_zh, message_en, max(1, len(self.lines))))

    def build(self, kind: str) -> TextView:
        return TextView(kind, tuple(self.lines), tuple(self.places), tuple(self.notes), self.tables)
