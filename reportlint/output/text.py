"""Human-readable output: one line a finding (concise) or with its related places (full)."""

from __future__ import annotations

from typing import Iterable

from reportlint.finding import Finding
from reportlint.output.escape import visible


def concise_line(f: Finding, lang: str = "zh") -> str:
    """``path:line:col: CODE [severity] message`` (and the place in the document's own terms, for .pdf/.docx/
    .xlsx/.html), control characters in the path and message escaped."""
    where = f"（{f.location}）" if f.location and lang == "zh" else (f" ({f.location})" if f.location else "")
    return visible(f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.text(lang)}{where}")


def render(findings: Iterable[Finding], lang: str = "zh", full: bool = True) -> str:
    lines = []
    for f in findings:
        lines.append(concise_line(f, lang))
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


def _frame(line_of, line: int, column: int, end_line: int, end_column: int, label: str = "") -> list[str]:
    text = line_of(line)
    if text is None:
        return []
    source = text.replace("\t", " ")
    if visible(source) != source:  # escapes change the widths: mark the figure in the escaped line instead
        head_text = visible(source[:max(column - 1, 0)])
        stop = end_column - 1 if end_line == line and end_column > column else column
        marked_text = visible(source[max(column - 1, 0):stop])
        source = visible(source)
        column, end_line, end_column = len(head_text) + 1, line, len(head_text) + len(marked_text) + 1
    start = max(column - 1, 0)
    stop = end_column - 1 if end_line == line and end_column > column else start + 1
    head = source[:start]
    marked = source[start:stop]
    if len(source) > 100:  # keep long paragraphs readable: a window around the figure
        left = max(0, start - 40)
        head = ("…" if left else "") + source[left:start]
        source = head + source[start:start + 60] + ("…" if start + 60 < len(source) else "")
    number = str(line)
    return [f"  {number} | {source}",
            f"  {' ' * len(number)} | {' ' * _width(head)}{'^' * max(1, _width(marked))} {visible(label)}".rstrip()]


def render_full(results, lang: str = "zh") -> str:
    """Each finding with the source lines, the figures marked, the related places and a pointer to the rule."""
    out = []
    for result in results:
        for f in result.findings:
            out.append(concise_line(f, lang))
            if f.code != "RL501":  # about the whole report: no source line to show
                out.extend(_frame(result.line, f.line, f.column, f.end_line, f.end_column))
            for r in f.related:
                text = r.message if lang == "zh" or not r.message_en else r.message_en
                out.extend(_frame(result.line, r.line, r.column, r.line, r.column + 1, text) or
                           [visible(f"    {f.path}:{r.line}:{r.column}: {text}")])
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
