"""Writing a run's findings: streamed text to a terminal or a pipe, or every format at once (``-o``,
``--report``); the summary on stderr (unless ``--quiet``); the gate's exit status."""

from __future__ import annotations

import sys

import click

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}
TEXT_FORMATS = ("full", "concise", "text")


class Emit:
    """How to write a run: format, destinations (``reports``: the [(format, path)] of --report), language,
    gate, and the text options; ``baselined`` is [(finding, reason)] of what the baseline hid. (A plain
    class: building a dataclass costs a millisecond of every start-up.)"""

    def __init__(self, fmt: str, output: str | None = None, reports=(), lang: str = "zh", fail_level: str = "error",
                 exit_zero: bool = False, junit_flavor: str = "strict", statistics: bool = False,
                 quiet: bool = False, colour: bool = False, show_baselined: bool = False, docs_url: str = "",
                 run: dict | None = None):
        self.fmt, self.output, self.reports, self.lang, self.fail_level = fmt, output, list(reports), lang, fail_level
        self.exit_zero, self.junit_flavor, self.statistics, self.quiet = exit_zero, junit_flavor, statistics, quiet
        self.colour, self.show_baselined, self.docs_url = colour, show_baselined, docs_url
        self.run = run  # the run's settings (config file, select, ignore, profile), shown by the HTML report
        self.baselined: list = []


def parse_reports(reports):
    """``--report FORMAT:PATH`` values as (format, path) pairs; a malformed one is a usage error."""
    from reportlint.output import FORMATS

    specs = []
    for spec in reports:
        kind, sep, target = spec.partition(":")
        if not sep or not target or kind not in FORMATS:
            raise click.BadParameter(f"{spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}",
                                     param_hint="--report")
        specs.append((kind, target))
    return specs


def lint_all(files, rules, profile, max_bytes, jobs, quiet=False):
    """Every file's result, in order (a progress bar on a terminal for several files, unless quiet)."""
    from reportlint.lint import lint_many

    stream = lint_many(files, rules, profile, max_bytes, jobs)
    if quiet or not (len(files) > 1 and sys.stderr.isatty()):
        return list(stream)
    with click.progressbar(stream, length=len(files), label="reportlint", file=sys.stderr, show_pos=True) as bar:
        return list(bar)


def stream(results, how: Emit):
    """Print each file's findings as soon as it is linted; the summary and the gate's status at the end."""
    from reportlint.output import render
    from reportlint.output.text import summary_of_counts

    gate = SEVERITY_RANK[how.fail_level]
    counts = {"error": 0, "warning": 0, "info": 0}
    files = 0
    failing = internal = False
    for result in results:
        files += 1
        for f in result.findings:
            counts[f.severity] = counts.get(f.severity, 0) + 1
            failing = failing or SEVERITY_RANK[f.severity] >= gate
            internal = internal or f.code == "RL009"
        if result.findings:
            click.echo(render(how.fmt, [result], lang=how.lang, colour=how.colour), nl=False, color=how.colour)
    status = EXIT_OK if how.exit_zero or not failing else EXIT_FINDINGS
    if internal:
        status = EXIT_USAGE  # an internal error: the findings are printed, but the run failed
    if not how.quiet:
        click.echo(summary_of_counts(files, counts, how.lang), err=True)
    sys.exit(status)


def baselined_text(baselined, lang: str) -> str:
    """The findings a baseline hid, each with the reason recorded for it (``--show-baselined``)."""
    from reportlint.output.escape import visible
    from reportlint.output.text import concise_line

    if not baselined:
        return ""
    zh = lang == "zh"
    lines = ["", f"基线接受的问题（{len(baselined)} 个）：" if zh else f"Accepted by the baseline ({len(baselined)}):"]
    label, none = ("理由：", "（基线未写理由）") if zh else ("reason: ", "(none recorded in the baseline)")
    for f, reason in baselined:
        lines.append(concise_line(f, lang))
        lines.append(visible(f"    {label}{reason or none}"))
    return "\n".join(lines) + "\n"


def emit(results, how: Emit):
    """Write the findings in the chosen format(s), the summary on stderr, and exit with the gate's status."""
    from reportlint.output import render
    from reportlint.output.text import summary

    findings = [f for r in results for f in r.findings]
    gate = SEVERITY_RANK[how.fail_level]
    failing = any(SEVERITY_RANK[f.severity] >= gate for f in findings)
    status = EXIT_OK if how.exit_zero or not failing else EXIT_FINDINGS
    if any(f.code == "RL009" for f in findings):
        status = EXIT_USAGE  # an internal error: the findings are printed, but the run failed
    options = dict(lang=how.lang, fail_level=how.fail_level, junit_flavor=how.junit_flavor, exit_code=status,
                   docs_url=how.docs_url, run=how.run)
    text_format = how.fmt in TEXT_FORMATS
    shown = baselined_text(how.baselined, how.lang) if how.show_baselined else ""
    colour = how.colour and not how.output
    try:
        for kind, target in how.reports:
            from reportlint.output.atomic import write_atomic

            write_atomic(target, render(kind, results, **options))
        if how.statistics and text_format:
            from reportlint.output.text import statistics as stats

            rendered = stats(findings)
        else:
            rendered = render(how.fmt, results, **options, colour=colour)
        if text_format:
            rendered += shown
        if how.output:
            from reportlint.output.atomic import write_atomic

            write_atomic(how.output, rendered)
        else:
            click.echo(rendered, nl=False, color=colour)
    except OSError as exc:
        click.echo(f"reportlint: cannot write the report: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if shown and not text_format:
        click.echo(shown, nl=False, err=True)  # a machine format stays as it is on stdout
    if how.fmt == "github" or any(kind == "github" for kind, _ in how.reports):
        from reportlint.ci.github import write_summary

        write_summary(results, how.lang)
    if not how.quiet:
        message = summary(len(results), findings, how.lang)
        hidden = len(how.baselined)
        if hidden:
            message += f"（基线隐藏了 {hidden} 个）" if how.lang == "zh" else f" ({hidden} hidden by the baseline)"
        click.echo(message, err=True)
    sys.exit(status)
