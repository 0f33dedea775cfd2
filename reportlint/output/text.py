"""Human-readable output: one line a finding (concise) or with its related places (full)."""

from __future__ import annotations

from typing import Iterable

from reportlint.finding import Finding
from reportlint.output.colour import PLAIN, Palette
from reportlint.output.escape import visible


def concise_line(f: Finding, lang: str = "zh", palette: Palette = PLAIN) -> str:
    """``path:line:col: CODE [severity] message`` (and the place in the document's own terms, for .pdf/.docx/
    .xlsx/.html), control characters in the path and message escaped; coloured by ``palette``."""
    where = f"（{f.location}）" if f.location and lang == "zh" else (f" ({f.location})" if f.location else "")
    if not palette.on:
        return visible(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.text(lang)}{where}")
    return (f"{palette.path(visible(f'{f.path}:{f.line}:{f.column}:'))} {palette.code(f.code)} "
            f"{palette.severity(f.severity, f'[{f.severity}]')} {visible(f.text(lang) + where)}")


def render(findings: Iterable[Finding], lang: str = "zh", full: bool = True, palette: Palette = PLAIN) -> str:
    lines = []
    for f in findings:
        lines.append(concise_line(f, lang, palette))
        if full:
            for r in f.related:
                text = r.message if lang == "zh" or not r.message_en else r.message_en
                lines.append(visible(f"    {f.path}:{r.line}:{r.column}: {text}"))
    return "\n".join(lines) + ("\n" if lines else "")


def summary(n_files: int, findings: list[Finding], lang: str = "zh") -> str:
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in ("error", "warning", "info")}
    return summary_of_counts(n_files, counts, lang)


def summary_of_counts(n_files: int, counts: dict[str, int], lang: str = "zh") -> str:
    """The closing line, from the number of findings of each severity."""
    errors, warnings, infos = counts.get("error", 0), counts.get("warning", 0), counts.get("info", 0)
    total = errors + warnings + infos
    if lang == "zh":
        if not total:
            return f"未发现问题（检查了 {n_files} 个文件）"
        return f"发现 {total} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示），检查了 {n_files} 个文件"
    if not total:
        return f"No findings in {n_files} file(s)"
    return f"Found {total} finding(s) ({errors} error, {warnings} warning, {infos} info) in {n_files} file(s)"


def _width(text: str) -> int:
    import unicodedata

    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


_FIGURE = None


def _figure_end(text: str, column: int) -> int:
    """The column just after the figure that starts at ``column`` (a related place gives only its start)."""
    global _FIGURE
    if _FIGURE is None:
        import re

        _FIGURE = re.compile(r"[-−]?\d+(?:,\d{3})*(?:[.．]\d+)?[%％]?")
    match = _FIGURE.match(text, max(column - 1, 0))
    return column + (match.end() - match.start() if match else 1)


class Mark:
    """One place to underline in a source line: columns [start, stop), its label, and whether it is the
    finding's own place (``^``) or a related figure (``-``)."""

    __slots__ = ("start", "stop", "label", "primary")

    def __init__(self, start: int, stop: int, label: str = "", primary: bool = False):
        self.start, self.stop, self.label, self.primary = start, stop, label, primary


WINDOW = 100  # longest source excerpt shown (display columns); longer lines are cut around their marks


def _show_line(text: str, number: int, marks: list[Mark], severity: str, palette: Palette,
               width: int = 0) -> list[str]:
    """One source line with every mark on it underlined: one marker row, the rightmost label after it and
    the others below, right to left, each under its figure."""
    source = text.replace("\t", " ")
    pieces = [visible(ch) for ch in source]  # escapes keep the columns: one piece per original character
    col = [0]
    for piece in pieces:
        col.append(col[-1] + _width(piece))
    n = len(pieces)
    width = width or len(str(number))
    spans = []
    for m in marks:
        s = min(max(m.start - 1, 0), n)
        spans.append((s, min(max(m.stop - 1, s + 1), n), m))
    lo, hi = 0, n
    if col[n] > WINDOW:  # a long paragraph: an excerpt around the marks
        first, last = min(s for s, _, _ in spans), max(e for _, e, _ in spans)
        if col[last] - col[first] > WINDOW and len(marks) > 1:  # far apart: one excerpt per cluster
            ordered = sorted(marks, key=lambda m: m.start)
            cut = max(range(1, len(ordered)), key=lambda k: ordered[k].start - ordered[k - 1].stop)
            return (_show_line(text, number, ordered[:cut], severity, palette, width) +
                    _show_line(text, number, ordered[cut:], severity, palette, width))
        lo = first
        while lo > 0 and col[first] - col[lo - 1] <= 30:
            lo -= 1
        hi = max(last, lo)
        while hi < n and col[hi + 1] - col[lo] <= WINDOW:
            hi += 1
    indent = 1 if lo else 0  # the width of the leading "…"
    spans.sort(key=lambda t: t[2].primary)  # the finding's own place is drawn last: it wins an overlap
    owner: list[bool | None] = [None] * n
    row: list[bool | None] = [None] * (col[hi] - col[lo] + indent + 1)
    for s, e, m in spans:
        for k in range(s, e):
            owner[k] = m.primary
        a = col[max(s, lo)] - col[lo] + indent
        for k in range(a, max(col[min(e, hi)] - col[lo] + indent, a + 1)):
            row[k] = m.primary
    shown = _runs([(pieces[k], owner[k]) for k in range(lo, hi)], severity, palette)
    marker_row = _runs([(" " if kind is None else "^" if kind else "-", kind) for kind in row], severity,
                       palette).rstrip()
    gutter = " " * width
    lines = [f"  {number:>{width}} | {'…' if lo else ''}{shown}{'…' if hi < n else ''}"]
    labelled = sorted((t for t in spans if t[2].label), key=lambda t: t[0])
    rightmost = max(spans, key=lambda t: (t[1], t[0]))[2]
    if labelled and labelled[-1][2] is rightmost:  # the last figure's label fits after the marker row
        lines.append(f"  {gutter} | {marker_row} {visible(rightmost.label)}")
        labelled = labelled[:-1]
    else:
        lines.append(f"  {gutter} | {marker_row}")
    for s, _, m in reversed(labelled):
        lines.append(f"  {gutter} | {' ' * (col[max(s, lo)] - col[lo] + indent)}{visible(m.label)}")
    return lines


def _runs(pieces: list[tuple[str, bool | None]], severity: str, palette: Palette) -> str:
    """Join (text, kind) pieces, colouring each run of marked pieces once (kind None: not marked)."""
    out, run, kind = [], [], None
    for text, k in [*pieces, ("", "end")]:
        if k != kind or k == "end":
            joined = "".join(run)
            out.append(joined if kind is None else palette.figure(severity, joined, kind))
            run, kind = [], k
        run.append(text)
    return "".join(out)


def _marks(result, f: Finding, lang: str) -> tuple[dict[int, list[Mark]], list[str]]:
    """The marks of a finding grouped by line, and the related places whose line is not at hand."""
    by_line: dict[int, list[Mark]] = {}
    missing = []
    if f.code != "RL501":  # about the whole report: no source line to show
        text = result.line(f.line)
        if text is not None:
            stop = f.end_column if f.end_line == f.line and f.end_column > f.column else (
                len(text) + 1 if f.end_line > f.line else f.column + 1)
            by_line.setdefault(f.line, []).append(Mark(f.column, stop, "", True))
    for r in f.related:
        label = r.message if lang == "zh" or not r.message_en else r.message_en
        text = result.line(r.line)
        if text is None:
            missing.append(visible(f"    {f.path}:{r.line}:{r.column}: {label}"))
            continue
        end = getattr(r, "end_column", 0) or _figure_end(text, r.column)
        by_line.setdefault(r.line, []).append(Mark(r.column, end, label))
    return by_line, missing


def render_full(results, lang: str = "zh", palette: Palette = PLAIN) -> str:
    """Each finding with its source lines (several figures on one line share it), the figures marked, the
    related places, the reading the rule judged and a pointer to the rule."""
    out = []
    for result in results:
        for f in result.findings:
            out.append(concise_line(f, lang, palette))
            by_line, missing = _marks(result, f, lang)
            width = len(str(max(by_line, default=0)))
            for number in sorted(by_line):
                out.extend(_show_line(result.line(number), number, by_line[number], f.severity, palette, width))
            out.extend(missing)
            if f.reading:
                label = "读法" if lang == "zh" else "reading"
                out.append(visible(f"  = {label}: {f.reading}" + ("（推断）" if f.certainty == "inferred" else "")))
            out.append(f"  = help: reportlint rule {f.code}")
            out.append("")
    return "\n".join(out) + ("\n" if out else "")


def statistics(findings: list[Finding]) -> str:
    counts: dict[tuple[str, str], int] = {}
    for f in findings:
        counts[(f.code, f.name)] = counts.get((f.code, f.name), 0) + 1
    return "".join(f"{n:5d}  {code}  {name}\n" for (code, name), n in sorted(counts.items(), key=lambda x: (-x[1], x[0])))
