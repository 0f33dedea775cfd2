"""The rules. Each rule is a small function registered with ``@rule``: its code, kebab-case name,
default severity and docstring (the user documentation ``reportlint rule CODE`` prints) live
together, as in ruff. A rule is a pure function of the Document that yields findings."""

from __future__ import annotations

import importlib
import re
from dataclasses import dataclass
from typing import Final, Any, Callable, Iterable, Iterator, TYPE_CHECKING, TypeVar, cast

from reportlint.document import Document, Figure, Relation, Span
from reportlint.checks.scanning import joined_lines, lines_matching
from reportlint.finding import Finding, Related
from reportlint import patterns

if TYPE_CHECKING:
    from reportlint.parse.normalize import NormText
    from reportlint.profiles import Profile

T = TypeVar("T")

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_CLAUSE_BREAK: Final = patterns.compile(r"[，,;；。:：、(（)）]")
_LIST_OPENER: Final = patterns.compile(r"^(其中|分别为|分别是|包括|即)")
_DIGITS_AND_SPACE: Final = patterns.compile(r"[\s\d.]+")
# clause breaks that normalisation never removes or moves (a bracket may be a pinyin gloss's), and the line
# length from which Context._clause reads a figure's clause from the last of them instead of the whole line
_HARD_BREAK: Final = patterns.compile(r"[，,;；。:：、]")
_LONG_LINE: Final = 400

FAMILIES: Final = {
    "RL0": ("输入", "input"),
    "RL1": ("求和", "sum"),
    "RL2": ("比率", "rate"),
    "RL3": ("矛盾", "contradiction"),
    "RL4": ("单位", "unit"),
    "RL5": ("结构", "structure"),
    "RL6": ("评分", "score"),
    "RL7": ("语料期望", "expectation"),
    "RL8": ("年份", "year"),
    "RL9": ("文字", "text"),
}


@dataclass(frozen=True)
class Rule:
    code: str
    name: str
    severity: str  # the default severity: the declared one, lowered by the precision measured on real text
    func: Callable[["Context"], Iterable[Finding]] | None
    docstring: str  # the user documentation; "" for a compiled rule function, whose docstring is read on demand
    declared: str = ""  # the severity the rule declares
    precision: tuple[int, int] | None = None  # (true, all) errors and warnings on the labelled real corpora
    opt_in: bool = False  # measured below OPT_IN_BELOW: runs only when --select names it

    @property
    def doc(self) -> str:
        """The rule's user documentation: its function's docstring (read from the source in the compiled build,
        which drops docstrings), or the text it was declared with."""
        if self.docstring or self.func is None:
            return self.docstring
        from reportlint.rules.docstrings import docstring_of

        return docstring_of(self.func)

    @property
    def precision_text(self) -> str:
        if self.precision is None or not self.precision[1]:
            return "—"
        true, total = self.precision
        return f"{true / total:.2f} ({true}/{total})"

    @property
    def family(self) -> str:
        return FAMILIES.get(self.code[:3], ("", ""))[1]

    @property
    def summary(self) -> str:
        return self.doc.strip().splitlines()[0] if self.doc.strip() else ""


REGISTRY: dict[str, Rule] = {}
MODULES: Final = ("input", "sums", "name_lists", "table_totals", "rates", "contradictions", "comparisons", "units", "structure",
           "scoring", "residue", "years", "change_statements", "final_accounts", "text")


# Severity follows measured precision (DESIGN.md, "Readings"): a rule whose findings on real, hand-checked text
# (``bench/precision`` writes ``rules/precision.toml``) are true less often than WARNING_BELOW is a warning by
# default; below OPT_IN_BELOW it is off unless selected. Fewer than MIN_MEASURED findings measure nothing.
WARNING_BELOW: Final = 0.9
OPT_IN_BELOW: Final = 0.6
MIN_MEASURED: Final = 5


def _measured() -> dict[str, Any]:
    from reportlint.rules import RULES_DIR, load_toml

    path = RULES_DIR / "precision.toml"
    return load_toml(path).get("rule", {}) if path.exists() else {}


_MEASURED = _measured()  # (not Final: tests stand in their own measurements)


def by_precision(code: str, severity: str) -> tuple[str, tuple[int, int] | None, bool]:
    """The default severity of a rule declared ``severity``, its measured precision, and whether it is opt-in."""
    entry = _MEASURED.get(code)
    if not entry:
        return severity, None, False
    true, total = int(entry["true"]), int(entry["all"])
    if total < MIN_MEASURED:
        return severity, (true, total), False
    ratio = true / total
    if ratio < WARNING_BELOW and severity == "error":
        severity = "warning"
    return severity, (true, total), ratio < OPT_IN_BELOW


RuleFunc = TypeVar("RuleFunc", bound=Callable[["Context"], Iterable[Finding]])


def rule(code: str, name: str, severity: str) -> Callable[[RuleFunc], RuleFunc]:
    def register(func: RuleFunc) -> RuleFunc:
        effective, measured, opt_in = by_precision(code, severity)
        REGISTRY[code] = Rule(code, name, effective, func, func.__doc__ or "", declared=severity,
                              precision=measured, opt_in=opt_in)
        return func

    return register


def declare(code: str, name: str, severity: str, doc: str) -> None:
    """A code reported outside a rule function (input problems, internal errors)."""
    REGISTRY[code] = Rule(code, name, severity, None, doc)


def all_rules() -> list[Rule]:
    for module in MODULES:
        importlib.import_module(f"reportlint.checks.{module}")
    return [REGISTRY[c] for c in sorted(REGISTRY)]


def default_rules() -> list[Rule]:
    """The rules that run when none are selected: all but the opt-in ones."""
    return [r for r in all_rules() if not r.opt_in]


class Context:
    """What a rule sees: the document, and helpers to make findings that point at figures."""

    def __init__(self, doc: Document, lang: str = "zh"):
        self.doc = doc
        self.lang = lang
        self._clauses: dict[int, str] = {}
        self._breaks: dict[int, list[int] | None] = {}  # long simplified lines: where their hard breaks are
        self._once: dict[str, object] = {}
        self.profile: Profile | None = None  # the profile chosen (--profile, configuration); None: detected
        self.detected_profile: Profile | None = None  # the one detected from the title, once asked for

    def once(self, key: str, compute: Callable[["Context"], T]) -> T:
        """``compute(self)``, worked out once per document for the rules that share it."""
        if key not in self._once:
            self._once[key] = compute(self)
        return cast(T, self._once[key])  # stored by this method from ``compute`` under this key

    def normalised_lines(self) -> list[tuple[int, NormText]]:
        """(line number, NormText) of every line, simplified and normalised (positions kept), once per document."""

        def compute(ctx: "Context") -> list[tuple[int, NormText]]:
            if ctx.doc.norm_lines:  # the parser's own, when the document came from it
                return list(enumerate(ctx.doc.norm_lines, start=1))
            from reportlint.parse.normalize import normalize_line, to_simplified

            return [(n, normalize_line(to_simplified(line), n)) for n, line in enumerate(ctx.doc.lines, start=1)]

        return self.once("normalised-lines", compute)

    def lines_matching(self, *found: re.Pattern[str] | str) -> list[tuple[int, str]]:
        """(line number, line) of the lines of the document in which one of the patterns ``found`` may match
        (``scanning.lines_matching``: patterns without ^, $ or a look-around that rejects a line break)."""
        lines = self.doc.lines
        text, starts = self.once("raw-text", _raw_text)
        return [(k + 1, lines[k]) for k in lines_matching(found, text, starts)]

    def normalised_lines_matching(self, *found: re.Pattern[str] | str) -> list[tuple[int, NormText]]:
        """``lines_matching`` over the normalised lines (``normalised_lines``)."""
        normalised = self.normalised_lines()
        text, starts = self.once("normalised-text", _normalised_text)
        return [normalised[k] for k in lines_matching(found, text, starts)]

    def finding(self, code: str, span: Span, message: str, message_en: str, *, severity: str | None = None,
                related: Iterable[tuple[Span, str, str]] = (), subject: str = "",
                figures: Iterable[Figure] = (), reading: str = "", certainty: str = "") -> Finding:
        """A finding of rule ``code``. Severity follows certainty: a reading the rule inferred (one of several
        the text allows, or a relation the text does not state) is at most a warning."""
        info = REGISTRY[code]
        severity = severity or info.severity
        if certainty == "inferred" and severity == "error":
            severity = "warning"
        return Finding(
            path=self.doc.path, line=span.start.line, column=span.start.column,
            end_line=span.end.line, end_column=span.end.column, code=code, name=info.name,
            severity=severity, message=message, message_en=message_en,
            related=tuple(Related(s.start.line, s.start.column, zh, en, end_line=s.end.line, end_column=s.end.column)
                          for s, zh, en in related),
            subject=subject, figures=tuple(f.text for f in figures), reading=reading, certainty=certainty,
        )

    def where(self, fig: Figure) -> str:
        """Where a figure is, in words: 第38行 / 表3第2行“基本支出”列."""
        if fig.table is not None:
            return f"第{fig.span.start.line}行（表格“{fig.table.row_header or fig.table.column_header}”）"
        return f"第{fig.span.start.line}行"

    def sum_relations(self) -> Iterator[tuple[Relation, Figure, list[Figure]]]:
        """(relation, total, parts) for every breakdown and identity with a total."""
        doc = self.doc
        for rel in doc.relations:
            if rel.kind in ("breakdown", "identity") and rel.total is not None:
                yield rel, doc.figure(rel.total), [doc.figure(p) for p in rel.parts]

    def clause(self, fig: Figure) -> str:
        """The words just before a figure in its clause ("工资福利支出预算", "退休"), its stand-in label."""
        if fig.table is not None:
            return fig.table.row_header
        words = self._clauses.get(fig.id)
        if words is None:
            words = self._clauses[fig.id] = self._clause(fig)
        return words

    def _clause(self, fig: Figure) -> str:
        from reportlint.parse.normalize import normalize_text

        number = fig.span.start.line
        line = self.doc.line_text(number)
        end = fig.span.start.column - 1
        sentences = self.doc.sentences
        wrapped = number > 1 and 0 <= fig.sentence < len(sentences) and sentences[fig.sentence][0] < number
        start = max(self._last_break(number, end) + 1, 0) if len(line) > _LONG_LINE else 0
        if start and wrapped and self._last_break(number - 1, 0) == -2:
            start = 0  # the line before is in traditional characters: converted with this one
        if start:
            # on a long line the clause is read after the last hard break before the figure (the same words:
            # normalisation is local there), not from the whole line again for each of its figures
            before = line[start:end]
        else:
            before = line[:end]
            if wrapped:
                before = self.doc.line_text(number - 1).strip() + before.lstrip()  # "…，退\n休人员8人": a PDF wrap
        words = _CLAUSE_BREAK.split(normalize_text(before))[-1]
        words = _LIST_OPENER.sub("", _DIGITS_AND_SPACE.sub("", words))
        return words

    def _last_break(self, number: int, end: int) -> int:
        """The column (0-based) of the last hard break before ``end`` on a long line, -1 if none, -2 on a line in
        traditional characters (whose conversion is not known to be local)."""
        from bisect import bisect_left

        from reportlint.parse.normalize import to_simplified

        if number not in self._breaks:
            line = self.doc.line_text(number)
            self._breaks[number] = (None if to_simplified(line) is not line
                                    else [m.start() for m in _HARD_BREAK.finditer(line)])
        breaks = self._breaks[number]
        if breaks is None:
            return -2
        if not breaks:
            return -1
        k = bisect_left(breaks, end)
        return breaks[k - 1] if k else -1

    def where_en(self, fig: Figure) -> str:
        return f"line {fig.span.start.line}"


def _raw_text(ctx: Context) -> tuple[str, list[int]]:
    """The document's lines joined by line feeds (whatever ended them in the file), and where each starts."""
    return joined_lines(ctx.doc.lines)


def _normalised_text(ctx: Context) -> tuple[str, list[int]]:
    """The normalised lines joined by line feeds, and where each starts."""
    return joined_lines([norm.text for _, norm in ctx.normalised_lines()])
