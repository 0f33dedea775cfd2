"""Findings: what a rule reports, in the shape every output format reads."""

from __future__ import annotations

from dataclasses import dataclass, field

SEVERITIES = ("info", "warning", "error")
SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}


@dataclass(frozen=True)
class Related:
    line: int
    column: int
    message: str
    message_en: str = ""
    location: str = ""  # where a person finds it in a .docx/.pdf/.xlsx/.html ("第3页第12行"); "" for text
    end_line: int = 0  # where the related figure ends (exclusive column); 0: unknown, one character wide
    end_column: int = 0

    def end(self) -> tuple[int, int]:
        """(end line, end column, exclusive) of the related figure: the whole figure, not its first digit."""
        if self.end_line >= self.line and self.end_column > 0 and (self.end_line, self.end_column) > (self.line, self.column):
            return self.end_line, self.end_column
        return self.line, self.column + 1


@dataclass(frozen=True)
class Finding:
    path: str
    line: int
    column: int
    end_line: int
    end_column: int
    code: str
    name: str
    severity: str
    message: str  # Chinese
    message_en: str
    related: tuple[Related, ...] = ()
    subject: str = ""  # a stable, line-free label of what is inconsistent (for fingerprints and test names)
    figures: tuple[str, ...] = field(default=())  # the figures involved, as written
    reading: str = ""  # how the rule read the text to judge it ("“其中”的合计：支出合计 1520.36万元")
    certainty: str = ""  # "explicit" (the text names every operand) or "inferred" (the rule chose a reading)
    location: str = ""  # the human location in a structured document ("第3页第12行", "表2 第4行 第5列", "Sheet1!B7")

    def text(self, lang: str = "zh") -> str:
        return self.message if lang == "zh" or not self.message_en else self.message_en

    def sort_key(self) -> tuple[str, int, int, str, str]:
        return (self.path, self.line, self.column, self.code, self.message)
