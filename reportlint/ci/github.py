"""GitHub Actions workflow commands (annotations) plus the plain findings, and a Markdown job summary.

Report text is escaped so that a "::" or a newline inside a report cannot forge an annotation.
GitHub shows at most 10 annotations of each kind per step: past that, a notice says so.
"""

from __future__ import annotations

import os

from reportlint.output.escape import visible
from reportlint.output.text import concise_line
from reportlint.output.where import located_text

COMMAND = {"error": "error", "warning": "warning", "info": "notice"}


def neutralise(text: str) -> str:
    """Break the markers the runner acts on anywhere in a line: ``::`` commands and legacy ``##[…]`` ones."""
    return text.replace("::", ":\u200b:").replace("##[", "#\u200b#[")


def escape_data(text: str) -> str:
    """A workflow command's message: %, CR and LF percent-encoded, other control characters made visible,
    legacy ``##[`` commands broken."""
    text = text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
    return visible(text).replace("##[", "#\u200b#[")


def escape_property(text: str) -> str:
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def plain_line(f, lang: str = "zh") -> str:
    """The human-readable line: the concise line (control characters already visible), no percent-encoding
    (``90.04%`` stays ``90.04%``), with command markers broken so it cannot be read as a command."""
    return neutralise(concise_line(f, lang))


def render(results, lang: str = "zh") -> str:
    findings = [f for r in results for f in r.findings]
    lines = []
    for f in findings:
        props = (f"file={escape_property(f.path)},line={f.line},col={f.column},"
                 f"endLine={max(f.line, f.end_line)},title={escape_property(f.code + ' ' + f.name)}")
        lines.append(f"::{COMMAND[f.severity]} {props}::{escape_data(located_text(f, lang))}")
    for f in findings:
        lines.append(plain_line(f, lang))
    counts = {k: sum(1 for f in findings if f.severity == k) for k in COMMAND}
    if counts["error"] > 10 or counts["warning"] > 10:
        lines.append("::notice::GitHub shows at most 10 annotations of each kind per step; "
                     "upload the SARIF report (--report sarif:reportlint.sarif) to see every finding")
    return "\n".join(lines) + ("\n" if lines else "")


def write_summary(results, lang: str = "zh") -> None:
    path = os.environ.get("GITHUB_STEP_SUMMARY")
    if not path:
        return
    findings = [f for r in results for f in r.findings]
    rows = ["## reportlint", "", f"{len(results)} report(s), {len(findings)} finding(s)", ""]
    if findings:
        rows += ["| file | line | code | severity | message |", "|---|---|---|---|---|"]
        for f in findings[:200]:
            message = visible(located_text(f, lang)).replace("|", "\\|")
            rows.append(f"| {visible(f.path).replace('|', chr(92) + '|')} | {f.line} | {f.code} | {f.severity} | {message} |")
    try:
        with open(path, "a", encoding="utf-8") as handle:
            handle.write("\n".join(rows) + "\n")
    except (OSError, ValueError) as exc:  # a summary is a courtesy: the annotations and the status still stand
        import click

        reason = getattr(exc, "strerror", None) or exc
        click.echo(f"reportlint: warning: cannot write the job summary GITHUB_STEP_SUMMARY={path!r}: {reason}", err=True)
