"""The command line. Heavy libraries (pandas, pandera, great_expectations) are never imported here at
module level: ``reportlint FILE`` must start fast."""

from __future__ import annotations

import os
import sys

import click

from reportlint import __version__
from reportlint.cli_guard import (expand, guard_closed_stdout, need, refuse_command_typo, refuse_overwrites,
                                  resolve_selection, silence_stdout)

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


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


def _stdout_utf8():
    try:
        # (a file name that is not UTF-8 holds surrogates: printed as \udcxx escapes instead of a crash)
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass


@click.group(cls=DefaultGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="reportlint")
def main():
    """reportlint — 预算绩效报告一致性检查 (a linter for Chinese budget-performance reports).

    \b
    reportlint report.txt            检查一个报告
    reportlint reports/              检查目录下所有 *.txt
    reportlint facts report.txt      导出抽取到的数字
    reportlint rules / rule RL301    规则列表 / 规则说明
    """


@main.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(["full", "concise", "text", "json", "junit", "sarif", "github", "gitlab", "html"]),
              default=None, help="Output format (default: full on a terminal, concise otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH",
              help="Also write FORMAT to PATH (repeatable): one run, several reports, one exit status.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default zh).")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding at or above this severity exists (default error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings exist (2 still means failure).")
@click.option("--select", default=None, help="Comma-separated code prefixes to run (e.g. RL1,RL301).")
@click.option("--ignore", default=None, help="Comma-separated code prefixes to skip.")
@click.option("--profile", default=None, help="Report kind (overall, form, project, generic) or a profile TOML file.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: the nearest reportlint.toml or pyproject.toml [tool.reportlint]).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="Hide the findings recorded in FILE.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in FILE (then exit 0).")
@click.option("--statistics", is_flag=True, help="Count findings per code instead of listing them.")
@click.option("--junit-flavor", type=click.Choice(["strict", "xunit1"]), default="strict", show_default=True,
              help="xunit1 adds file/line attributes (GitLab, action-junit-report; not schema-valid).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Skip files larger than this (default 16 MiB).")
@click.option("-j", "--jobs", type=int, default=None,
              help="Worker processes (default: the number of cores; 1 for a single file).")
@click.option("--include-ext", default=None, metavar="EXTS",
              help="In directories, check only these file types (e.g. pdf,docx; default: txt,docx,pdf,xlsx,html,htm).")
@click.option("--follow-links", is_flag=True, default=None,
              help="In directories, also follow symbolic links that point outside them (default: noted as RL007, not read).")
def check(paths, fmt, output, reports, lang, fail_level, exit_zero, select, ignore, profile, config_path,
          isolated, baseline, write_baseline, statistics, junit_flavor, max_bytes, jobs, include_ext, follow_links):
    """Check reports (files; directories of .txt, .docx, .pdf, .xlsx, .html; or - for stdin)."""
    from reportlint.checks import all_rules
    from reportlint.config import Config, ConfigError, find_config, load_config
    from reportlint.parse.read import DEFAULT_MAX_BYTES

    _stdout_utf8()
    if not paths:
        raise click.UsageError("no paths given (reportlint FILE… or reportlint DIR)")
    try:
        config = Config() if isolated else (load_config(config_path) if config_path else find_config())
    except ConfigError as exc:
        click.echo(f"reportlint: configuration error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    lang = lang or config.lang or "zh"
    fail_level = fail_level or config.fail_level or "error"
    select, ignore = resolve_selection(config, select, ignore)
    max_bytes = max_bytes or config.max_bytes or DEFAULT_MAX_BYTES
    report_specs = _parse_reports(reports)
    if fmt is None:
        fmt = "full" if sys.stdout.isatty() else "concise"
    outputs = [output, *(target for _, target in report_specs)]
    files = expand(paths, [*outputs, write_baseline], include_ext, bool(follow_links or config.follow_links))
    settings = [config.path, profile or config.profile]
    refuse_overwrites([*files, *settings, baseline], outputs)
    refuse_overwrites([*files, *settings], [write_baseline])
    rules = _select_rules(all_rules(), select, ignore)
    chosen_profile = _profile(profile or config.profile)
    if jobs is not None and jobs < 1:
        raise click.BadParameter("must be at least 1", param_hint="--jobs")

    def configured(result):
        extra = config.ignored_for(result.path)
        result.findings = [
            _with_severity(f, config.severity) for f in result.findings
            if f.code.startswith("RL0") or (_selected(f.code, select, ignore) and not any(f.code.startswith(p) for p in extra))
        ]
        return result

    if fmt in ("full", "text", "concise") and not (output or report_specs or baseline or write_baseline or statistics):
        # text to stdout: each file printed as it is done, keeping only counts (memory flat in the corpus size)
        from reportlint.lint import lint_many

        _stream(map(configured, lint_many(files, rules, chosen_profile, max_bytes, jobs)), fmt, lang, fail_level,
                exit_zero)
    results = [configured(result) for result in _lint_all(files, rules, chosen_profile, max_bytes, jobs)]
    if write_baseline:
        from reportlint.ci.baseline import write_baseline as write

        write(write_baseline, [f for r in results for f in r.findings])
        click.echo(f"reportlint: 已将 {sum(len(r.findings) for r in results)} 个问题写入基线 {write_baseline}", err=True)
        sys.exit(EXIT_OK)
    hidden = 0
    if baseline:
        from reportlint.ci.baseline import apply_baseline, read_baseline

        try:
            accepted = read_baseline(baseline)
        except (OSError, ValueError) as exc:
            click.echo(f"reportlint: cannot read baseline {baseline}: {exc}", err=True)
            sys.exit(EXIT_USAGE)
        everything = [f for r in results for f in r.findings]
        kept, hidden = apply_baseline(everything, accepted)
        keep = set(map(id, kept))
        for result in results:
            result.findings = [f for f in result.findings if id(f) in keep]
    _emit(results, fmt, output, report_specs, lang, fail_level, exit_zero, junit_flavor, statistics, hidden)


def _stream(results, fmt, lang, fail_level, exit_zero):
    """Print each file's findings as soon as it is linted; the summary and the gate's status at the end."""
    from reportlint.output import render
    from reportlint.output.text import summary_of_counts

    gate = SEVERITY_RANK[fail_level]
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
            click.echo(render(fmt, [result], lang=lang), nl=False)
    status = EXIT_OK if exit_zero or not failing else EXIT_FINDINGS
    if internal:
        status = EXIT_USAGE  # an internal error: the findings are printed, but the run failed
    click.echo(summary_of_counts(files, counts, lang), err=True)
    sys.exit(status)


def _emit(results, fmt, output, report_specs, lang, fail_level, exit_zero, junit_flavor, statistics, hidden=0):
    """Write the findings in the chosen format(s), the summary on stderr, and exit with the gate's status."""
    from reportlint.output import render
    from reportlint.output.text import summary

    findings = [f for r in results for f in r.findings]
    gate = SEVERITY_RANK[fail_level]
    failing = any(SEVERITY_RANK[f.severity] >= gate for f in findings)
    status = EXIT_OK if exit_zero or not failing else EXIT_FINDINGS
    if any(f.code == "RL009" for f in findings):
        status = EXIT_USAGE  # an internal error: the findings are printed, but the run failed
    options = dict(lang=lang, fail_level=fail_level, junit_flavor=junit_flavor, exit_code=status)
    try:
        for kind, target in report_specs:
            from reportlint.output.atomic import write_atomic

            write_atomic(target, render(kind, results, **options))
        if statistics and fmt in ("full", "concise", "text"):
            from reportlint.output.text import statistics as stats

            rendered = stats(findings)
        else:
            rendered = render(fmt, results, **options)
        if output:
            from reportlint.output.atomic import write_atomic

            write_atomic(output, rendered)
        else:
            click.echo(rendered, nl=False)
    except OSError as exc:
        click.echo(f"reportlint: cannot write the report: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if fmt == "github" or any(kind == "github" for kind, _ in report_specs):
        from reportlint.ci.github import write_summary

        write_summary(results, lang)
    message = summary(len(results), findings, lang)
    if hidden:
        message += f"（基线隐藏了 {hidden} 个）" if lang == "zh" else f" ({hidden} hidden by the baseline)"
    click.echo(message, err=True)
    sys.exit(status)


def _parse_reports(reports):
    from reportlint.output import FORMATS

    specs = []
    for spec in reports:
        kind, sep, target = spec.partition(":")
        if not sep or not target or kind not in FORMATS:
            raise click.BadParameter(f"{spec!r}: expected FORMAT:PATH with FORMAT one of {', '.join(FORMATS)}",
                                     param_hint="--report")
        specs.append((kind, target))
    return specs


def _lint_all(files, rules, profile, max_bytes, jobs):
    from reportlint.lint import lint_many

    stream = lint_many(files, rules, profile, max_bytes, jobs)
    if not (len(files) > 1 and sys.stderr.isatty()):
        return list(stream)
    with click.progressbar(stream, length=len(files), label="reportlint", file=sys.stderr, show_pos=True) as bar:
        return list(bar)


def _with_severity(finding, overrides):
    level = overrides.get(finding.code)
    if not level or level == finding.severity:
        return finding
    from dataclasses import replace

    return replace(finding, severity=level)


def _split(value: str) -> list[str]:
    return [v.strip().upper() for v in value.split(",") if v.strip()]


def _selected(code: str, select: str, ignore: str) -> bool:
    chosen = [p for p in _split(select or "") if p != "ALL"]
    if chosen and not any(code.startswith(p) for p in chosen):
        return False
    return not any(code.startswith(p) for p in _split(ignore or ""))


def _select_rules(rules, select, ignore):
    """The rules to run: selected and not ignored; an opt-in rule (measured precision below 0.6) only when
    ``select`` names its code."""
    named = set(_split(select or ""))
    return [r for r in rules if _selected(r.code, select, ignore) and (not r.opt_in or r.code in named)]


def _profile(name: str):
    if not name:
        return None
    from reportlint.profiles import builtin_profiles, load_profile_file

    profiles = builtin_profiles()
    if name in profiles:
        return profiles[name]
    try:
        return load_profile_file(name)
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise click.BadParameter(f"unknown profile {name!r} ({', '.join(profiles)} or a TOML file): {exc}",
                                 param_hint="--profile")


@main.command("facts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv", "parquet"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None,
              help="Write to FILE (relations and findings go beside it: FILE.relations.csv, FILE.findings.csv).")
@click.option("--relations", is_flag=True, help="Also export the relations table (always in JSON).")
@click.option("--findings", "with_findings", is_flag=True, help="Also export the findings table.")
def facts(paths, fmt, output, relations, with_findings):
    """Export every figure the parser read (value, unit, value in 元, concept, qualifiers, table cell), and
    the relations and findings, as tables validated by their pandera schemas."""
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
        payload = {"figures": json.loads(figures_df.to_json(orient="records", force_ascii=False)),
                   "relations": json.loads(relations_df.to_json(orient="records", force_ascii=False))}
        for row in payload["figures"]:
            row["qualifiers"] = json.loads(row["qualifiers"])
        if findings_df is not None:
            payload["findings"] = json.loads(findings_df.to_json(orient="records", force_ascii=False))
        rendered = json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
        if output:
            from reportlint.output.atomic import write_atomic

            write_atomic(output, rendered)
        else:
            click.echo(rendered, nl=False)
        sys.exit(status)
    text_out = tables.write(figures_df, fmt, output)
    if text_out is not None:
        click.echo(text_out, nl=False)
    if output:
        relations_path, findings_path = side_files
        if relations:
            tables.write(relations_df, fmt, relations_path)
        if findings_df is not None:
            tables.write(findings_df, fmt, findings_path)
    sys.exit(status)


def _side_files(output: str, fmt: str) -> list[str]:
    """Where ``facts -o FILE`` writes the relations and findings tables: FILE.relations.EXT, FILE.findings.EXT."""
    stem, dot, ext = output.rpartition(".")
    base = stem if dot else output
    suffix = f".{ext}" if dot else f".{fmt}"
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
    need("pandas", "audit", "reportlint audit")
    need("great_expectations", "gx", "reportlint audit")
    from reportlint.checks import REGISTRY, all_rules
    from reportlint.finding import Finding
    from reportlint.lint import FileResult, lint_text, read_text
    from reportlint.output import tables
    from reportlint.parse.read import InputProblem
    from reportlint.validators.schemas import FIGURES, TableBug

    _stdout_utf8()
    report_specs = _parse_reports(reports)
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
    _emit(results, fmt, output, report_specs, lang, fail_level, exit_zero, "strict", False)


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


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_command(lang):
    """List every rule: code, name, family, default severity, and the precision measured on real, hand-checked
    reports (bench/precision; "off" marks an opt-in rule, run only when --select names it)."""
    from reportlint.checks import all_rules

    _stdout_utf8()
    for item in all_rules():
        summary = item.summary if lang == "zh" else _english(item.doc).splitlines()[0]
        severity = "off" if item.opt_in else item.severity
        click.echo(f"{item.code}  {item.name:<26} {item.family:<14} {severity:<8} {item.precision_text:<12} {summary}")


@main.command("rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rule_command(code, lang):
    """Explain one rule (by code or name)."""
    from reportlint.checks import all_rules

    _stdout_utf8()
    for item in all_rules():
        if code.upper() == item.code or code == item.name:
            click.echo(f"{item.code} {item.name} ({item.family}, default severity: {item.severity})\n")
            import inspect

            doc = inspect.cleandoc(item.doc)
            click.echo(doc if lang == "zh" else _english(doc))
            return
    click.echo(f"reportlint: unknown rule {code!r} (see `reportlint rules`)", err=True)
    sys.exit(EXIT_USAGE)


def _english(doc: str) -> str:
    """The English part of a rule docstring: its last paragraph."""
    import inspect

    paragraphs = [p for p in inspect.cleandoc(doc).split("\n\n") if p.strip()]
    return paragraphs[-1] if paragraphs else doc


if __name__ == "__main__":  # pragma: no cover
    run()
