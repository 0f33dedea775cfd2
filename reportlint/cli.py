"""The command line. Heavy libraries (pandas, pandera, great_expectations) are never imported here at
module level: ``reportlint FILE`` must start fast."""

from __future__ import annotations

import os
import sys

import click

from reportlint import __version__, build_kind
from reportlint.cli_check import check, stdout_utf8
from reportlint.cli_emit import EXIT_FINDINGS, EXIT_OK, EXIT_USAGE, Emit, emit, parse_reports
from reportlint.cli_guard import expand, guard_closed_stdout, need, refuse_command_typo, refuse_overwrites, silence_stdout
from reportlint.cli_rules import rule_command, rules_command


class DefaultGroup(click.Group):
    """``reportlint PATHS…`` means ``reportlint check PATHS…``. Ctrl-C exits 130; a stdout that is full or
    closed is one line on stderr and exit 2 (never a traceback)."""

    def invoke(self, ctx):
        try:
            try:
                return super().invoke(ctx)
            finally:
                if sys.stdout is not None:
                    sys.stdout.flush()
        except KeyboardInterrupt:
            silence_stdout()
            click.echo("\nreportlint: 已中断 / interrupted", err=True)
            sys.exit(130)
        except BrokenPipeError:
            silence_stdout()  # the reader (head, less) has gone: stop quietly
            sys.exit(EXIT_USAGE)
        except OSError as exc:
            if exc.filename is not None:
                raise
            silence_stdout()
            click.echo(f"reportlint: cannot write the output: {exc.strerror or exc}", err=True)
            sys.exit(EXIT_USAGE)

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            refuse_command_typo(args[0], sorted(self.commands))
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


def run():
    """The console entry point: SIGPIPE ends the process quietly, as ``head`` expects of the programs it reads."""
    import signal

    if hasattr(signal, "SIGPIPE"):
        signal.signal(signal.SIGPIPE, signal.SIG_DFL)
    guard_closed_stdout()
    main()


_stdout_utf8 = stdout_utf8


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint", message=f"%(prog)s %(version)s ({build_kind()})")
def main():
    """reportlint — 预算绩效报告一致性检查 (a linter for Chinese budget-performance reports).

    \b
    reportlint report.txt            检查一个报告
    reportlint reports/              检查目录下所有 *.txt
    reportlint facts report.txt      导出抽取到的数字
    reportlint rules / rule RL301    规则列表 / 规则说明
    """


main.add_command(check)
main.add_command(rules_command)
main.add_command(rule_command)


@main.command("facts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE. In csv and parquet the relations and findings tables go beside it, the "
                   "table's name before the extension: -o facts.csv writes facts.relations.csv and "
                   "facts.findings.csv (-o facts: facts.relations.csv). JSON holds them in FILE itself.")
@click.option("--relations", is_flag=True, help="Also export the relations table (JSON always includes it).")
@click.option("--findings", "with_findings", is_flag=True, help="Also export the findings table.")
@click.option("--excel", is_flag=True, help="CSV for Excel on Windows: UTF-8 with a byte-order mark, CRLF line ends.")
def facts(paths, fmt, output, relations, with_findings, excel):
    """Export every figure the parser read (value, unit, value in 元, concept, qualifiers, table cell), and
    the relations and findings, as tables validated by their pandera schemas. Figures are exact decimals:
    strings as printed in JSON and CSV (2677.20), a decimal type in Parquet."""
    import json

    need("pandas", "audit", "reportlint facts")
    need("pandera", "audit", "reportlint facts")
    if fmt == "parquet":
        need("pyarrow", "parquet", "facts --format parquet")

    from reportlint.lint import lint_text, read_text
    from reportlint.output import tables
    from reportlint.parse.read import DEFAULT_MAX_BYTES, InputProblem, decode, read_limited
    from reportlint.validators.schemas import FIGURES, FINDINGS, RELATIONS, TableBug

    _stdout_utf8()
    side_files = _side_files(output, fmt) if output else []
    files = expand(paths, [output, *side_files])
    refuse_overwrites(files, [output, *side_files])
    if fmt != "json" and not output and (relations or with_findings or fmt == "parquet"):
        raise click.UsageError(f"--format {fmt} with --relations/--findings (or parquet) needs -o FILE")
    docs, all_findings = [], []
    status = EXIT_OK
    for path in files:
        try:
            if path == "-":
                text_, encoding = decode(read_limited(sys.stdin.buffer, DEFAULT_MAX_BYTES))
            else:
                text_, encoding = read_text(path)
        except InputProblem as problem:
            click.echo(f"{path}:1:1: {problem.code} {problem.message_zh}", err=True)
            status = EXIT_FINDINGS
            continue
        result = lint_text(text_, path, encoding)
        if result.document is None:  # the parser failed on this file: RL009, the other files go on
            for f in result.findings:
                click.echo(f"{path}:1:1: {f.code} {f.message}", err=True)
            status = EXIT_USAGE
        else:
            docs.append(result.document)
        all_findings.extend(result.findings)
    try:
        figures_df = tables.frame((row for d in docs for row in tables.figure_records(d)), FIGURES)
        relations_df = tables.frame((row for d in docs for row in tables.relation_records(d)), RELATIONS)
        findings_df = tables.frame(tables.finding_records(all_findings), FINDINGS) if with_findings else None
    except TableBug as bug:
        click.echo(f"reportlint: {bug}", err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "json":
        payload = {"figures": tables.json_records(figures_df), "relations": tables.json_records(relations_df)}
        for row in payload["figures"]:
            row["qualifiers"] = json.loads(row["qualifiers"])
        if findings_df is not None:
            payload["findings"] = tables.json_records(findings_df)
        rendered = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        if output:
            from reportlint.output.atomic import write_atomic

            write_atomic(output, rendered)
        else:
            click.echo(rendered, nl=False)
        sys.exit(status)
    text_out = tables.write(figures_df, fmt, output, excel)
    if text_out is not None:
        click.echo(text_out, nl=False)
    if output:
        relations_path, findings_path = side_files
        if relations:
            tables.write(relations_df, fmt, relations_path, excel)
        if findings_df is not None:
            tables.write(findings_df, fmt, findings_path, excel)
    sys.exit(status)


def _side_files(output: str, fmt: str) -> list[str]:
    """Where ``facts -o FILE`` writes the relations and findings tables: FILE.relations.EXT, FILE.findings.EXT."""
    base, ext = os.path.splitext(output)  # (a dot in a folder's name is not the extension)
    suffix = ext or f".{fmt}"
    return [f"{base}.relations{suffix}", f"{base}.findings{suffix}"]


@main.command("audit")
@click.argument("paths", nargs=-1, required=True)
@click.option("--suite", "suite_path", required=True, type=click.Path(dir_okay=False, exists=True),
              help="A great-expectations ExpectationSuite (GX's JSON format) to run on the corpus's figures.")
@click.option("--docs", "docs_dir", type=click.Path(file_okay=False), default=None,
              help="Also build GX Data Docs in DIR (otherwise nothing is written to disk).")
@click.option("--format", "fmt", type=click.Choice(["full", "concise", "text", "json", "junit", "sarif", "github", "gitlab", "html"]),
              default=None, help="Output format (default: full on a terminal, concise otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH", help="Also write FORMAT to PATH (repeatable).")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True)
@click.option("--exit-zero", is_flag=True)
@click.option("--with-checks", is_flag=True, help="Also report the ordinary consistency findings.")
def audit(paths, suite_path, docs_dir, fmt, output, reports, lang, fail_level, exit_zero, with_checks):
    """Run an auditor's corpus expectations (great-expectations) on the figures of many reports; every failed
    expectation becomes RL7xx findings at the offending figures, in every output format and the exit status."""
    need("pandas", "gx", "reportlint audit")
    need("great_expectations", "gx", "reportlint audit")
    from reportlint.checks import REGISTRY, all_rules
    from reportlint.finding import Finding
    from reportlint.lint import FileResult, lint_text, read_text
    from reportlint.output import tables
    from reportlint.parse.read import InputProblem
    from reportlint.validators.schemas import FIGURES, TableBug

    _stdout_utf8()
    report_specs = parse_reports(reports)
    fmt = fmt or ("full" if sys.stdout.isatty() else "concise")
    outputs = [output, *(target for _, target in report_specs)]
    files = expand(paths, outputs)
    refuse_overwrites([*files, suite_path], outputs)
    try:
        from reportlint.validators.expectations import load_suite, run_suite

        suite = load_suite(suite_path)
    except ImportError:
        click.echo("reportlint: audit needs great-expectations: pip install 'reportlint[gx]'", err=True)
        sys.exit(EXIT_USAGE)
    except (ValueError, TypeError, KeyError) as exc:
        click.echo(f"reportlint: invalid suite {suite_path}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    all_rules()
    results, docs = [], []
    for path in files:
        try:
            text_, encoding = read_text(path)
        except InputProblem as problem:
            from reportlint.lint import _problem_finding

            results.append(FileResult(path, findings=[_problem_finding(path, problem)], failed=True))
            continue
        result = lint_text(text_, path, encoding)
        if not with_checks and result.document is not None:
            result.findings = []
        results.append(result)
        if result.document is not None:
            docs.append(result.document)
    try:
        frame = tables.frame((row for d in docs for row in tables.figure_records(d)), FIGURES)
    except TableBug as bug:
        click.echo(f"reportlint: {bug}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        violations = run_suite(frame, suite, docs_dir)
    except Exception as exc:  # a suite GX cannot run (unknown column, bad kwargs): a usage error
        click.echo(f"reportlint: the suite could not be run: {type(exc).__name__}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    by_path = {r.path: r for r in results}
    for v in violations:
        if not v.rows and results:
            first = results[0]
            info = REGISTRY["RL702"]
            first.findings.append(Finding(first.path, 1, 1, 1, 2, "RL702", info.name, info.severity,
                                          f"语料期望未满足：{v.description}；实际 {v.observed}",
                                          f"corpus expectation failed: {v.description}; observed {v.observed}",
                                          subject=f"gx:{v.expectation}"))
        for index in v.rows:
            row = frame.iloc[index]
            owner = by_path.get(row["path"])
            if owner is None:
                continue
            info = REGISTRY["RL701"]
            owner.findings.append(Finding(
                owner.path, int(row["line"]), int(row["column"]), int(row["end_line"]), int(row["end_column"]),
                "RL701", info.name, info.severity,
                f"语料期望未满足：{v.description}；此处为 {row['text']}（{row['concept_name'] or row['concept'] or '未识别概念'}）",
                f"corpus expectation failed: {v.description}; here {row['text']}",
                subject=f"gx:{v.expectation}:{row['text']}", figures=(row["text"],)))
    for result in results:
        result.findings.sort(key=Finding.sort_key)
    emit(results, Emit(fmt, output, report_specs, lang, fail_level, exit_zero))


@main.command("spark", context_settings={"ignore_unknown_options": True, "allow_extra_args": True})
@click.pass_context
def spark_command(ctx):
    """Lint a corpus on Spark: reportlint spark SOURCE --output DIR [--master local[2]] (pip install 'reportlint[spark]')."""
    try:
        from reportlint.spark import main as spark_main
    except ImportError:
        click.echo("reportlint: the spark command needs pyspark: pip install 'reportlint[spark]'", err=True)
        sys.exit(EXIT_USAGE)
    try:
        sys.exit(spark_main(list(ctx.args)))
    except ImportError:
        click.echo("reportlint: the spark command needs pyspark: pip install 'reportlint[spark]'", err=True)
        sys.exit(EXIT_USAGE)


@main.command("show")
@click.argument("path")
@click.option("--max-bytes", type=int, default=None, help="Skip files larger than this (default 16 MiB).")
def show_command(path, max_bytes):
    """Print the numbered text view that findings' line:column refer to (with each line's place in a
    .docx/.pdf/.xlsx/.html: page and line, table/row/column, sheet!cell)."""
    from reportlint.formats import extract, format_of
    from reportlint.parse.read import DEFAULT_MAX_BYTES, InputProblem, decode, read_path, split_lines

    _stdout_utf8()
    if path != "-" and not os.path.exists(path):
        click.echo(f"reportlint: 路径不存在 / no such file or directory: {path}", err=True)
        sys.exit(EXIT_USAGE)
    try:
        if path != "-" and format_of(path):
            read_path(path, max_bytes or DEFAULT_MAX_BYTES)
            view = extract(path)
            rows = [(line, view.locate(n)) for n, line in enumerate(view.lines, start=1)]
        else:
            data = sys.stdin.buffer.read() if path == "-" else read_path(path, max_bytes or DEFAULT_MAX_BYTES)
            rows = [(line, "") for line in split_lines(decode(data)[0])]
    except InputProblem as problem:
        click.echo(f"{path}:1:1: {problem.code} {problem.message_zh}", err=True)
        sys.exit(EXIT_FINDINGS)
    width = len(str(len(rows)))
    for number, (line, where) in enumerate(rows, start=1):
        shown = line.replace("\t", "→", 1) if line.startswith("\t") else line
        click.echo(f"{number:>{width}}  {where + '  ' if where else ''}{shown}")


if __name__ == "__main__":  # pragma: no cover
    run()
