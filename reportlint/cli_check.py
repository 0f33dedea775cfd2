"""``reportlint check`` (also plain ``reportlint PATHS…``): lint reports and gate on their findings."""

from __future__ import annotations

import sys

import click

from reportlint.cli_emit import EXIT_OK, EXIT_USAGE, TEXT_FORMATS, Emit, emit, lint_all, parse_reports, stream
from reportlint.cli_guard import expand, refuse_overwrites

FORMAT_CHOICES = ["full", "concise", "text", "json", "junit", "sarif", "github", "gitlab", "html"]


def stdout_utf8():
    """Write stdout as UTF-8 whatever the locale (a GBK console too)."""
    try:
        # (a file name that is not UTF-8 holds surrogates: printed as \udcxx escapes instead of a crash)
        sys.stdout.reconfigure(encoding="utf-8", errors="backslashreplace")  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        pass


@click.command("check")
@click.argument("paths", nargs=-1)
@click.option("--format", "fmt", type=click.Choice(FORMAT_CHOICES),
              default=None, help="Output format (default: full on a terminal, concise otherwise).")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--report", "reports", multiple=True, metavar="FORMAT:PATH",
              help="Also write FORMAT to PATH (repeatable): one run, several reports, one exit status.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default=None, help="Message language (default zh).")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default=None,
              help="Exit 1 when a finding at or above this severity exists (default error).")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings exist (2 still means failure).")
@click.option("--select", default=None, help="Comma-separated code prefixes or rule names to run (e.g. RL1,RL301).")
@click.option("--ignore", default=None, help="Comma-separated code prefixes or rule names to skip.")
@click.option("--profile", default=None, help="Report kind (overall, form, project, generic) or a profile TOML file.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), default=None,
              help="Configuration file (default: the nearest reportlint.toml or pyproject.toml [tool.reportlint]).")
@click.option("--isolated", is_flag=True, help="Ignore configuration files.")
@click.option("--show-settings", is_flag=True, help="Print the resolved settings and where each came from, then exit.")
@click.option("--exclude", "exclude", multiple=True, metavar="GLOB",
              help="Leave out files found in folders that match GLOB (repeatable or comma-separated; adds to "
                   "the configuration's extend-exclude). Files named on the command line are checked (see --force-exclude).")
@click.option("--force-exclude", is_flag=True,
              help="Apply --exclude and extend-exclude to files named on the command line too (pre-commit).")
@click.option("--stdin-filename", default=None, metavar="PATH",
              help="The path to show for standard input (-) and to match per-file-ignores against.")
@click.option("--baseline", type=click.Path(dir_okay=False), default=None, help="Hide the findings recorded in FILE.")
@click.option("--show-baselined", is_flag=True, help="With --baseline: also list the hidden findings and their reasons.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), default=None,
              help="Record today's findings in FILE, keeping the reasons already there (then exit 0).")
@click.option("--statistics", is_flag=True, help="Count findings per code instead of listing them.")
@click.option("-q", "--quiet", is_flag=True, help="Print the findings only: no summary line, no progress bar.")
@click.option("--color", "--colour", "color", type=click.Choice(["auto", "always", "never"]), default="auto",
              show_default=True, help="Colour the text formats (auto: on a terminal; honours NO_COLOR, FORCE_COLOR).")
@click.option("--docs-url", default=None, metavar="URL|DIR",
              help="Where SARIF's rule help points: a URL or a folder of RLxxx.md pages (default: docs/rules of "
                   "reportlint's own checkout, as a web address in a GitHub/GitLab job).")
@click.option("--junit-flavor", type=click.Choice(["strict", "xunit1"]), default="strict", show_default=True,
              help="xunit1 adds file/line attributes (GitLab, action-junit-report; not schema-valid).")
@click.option("--max-bytes", type=click.IntRange(min=1), default=None, help="Skip files larger than this (default 16 MiB).")
@click.option("-j", "--jobs", type=int, default=None,
              help="Worker processes (default: the number of cores; 1 for a single file).")
@click.option("--include-ext", default=None, metavar="EXTS",
              help="In directories, check only these file types (e.g. pdf,docx; default: txt,docx,pdf,xlsx,html,htm).")
@click.option("--follow-links", is_flag=True, default=None,
              help="In directories, also follow symbolic links that point outside them (default: noted as RL007, not read).")
def check(paths, fmt, output, reports, lang, fail_level, exit_zero, select, ignore, profile, config_path, isolated,
          show_settings, exclude, force_exclude, stdin_filename, baseline, show_baselined, write_baseline, statistics, quiet, color,
          docs_url, junit_flavor, max_bytes, jobs, include_ext, follow_links):
    """Check reports (files; directories of .txt, .docx, .pdf, .xlsx, .html; or - for stdin)."""
    from reportlint.checks import all_rules
    from reportlint.cli_options import load_profile, render_settings, resolve_settings, select_rules
    from reportlint.config import Config, ConfigError, find_config, load_config

    stdout_utf8()
    if stdin_filename and not paths:
        paths = ("-",)
    if not paths and not show_settings:
        raise click.UsageError("no paths given (reportlint FILE… or reportlint DIR)")
    try:
        config = Config() if isolated else (load_config(config_path) if config_path else find_config())
    except ConfigError as exc:
        click.echo(f"reportlint: configuration error: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    settings = resolve_settings(config, select=select, ignore=ignore, lang=lang, fail_level=fail_level,
                                profile=profile, max_bytes=max_bytes, exclude=exclude, stdin_filename=stdin_filename,
                                docs_url=docs_url)
    if show_baselined and not baseline:
        raise click.UsageError("--show-baselined needs --baseline FILE")
    fmt_origin = "default" if fmt is None else "command line (--format)"
    if fmt is None:
        fmt = "full" if sys.stdout.isatty() else "concise"
    if show_settings:
        extra = {"format": (fmt, fmt_origin),
                 "color": (color, "command line (--color)" if color != "auto" else "default"),
                 "baseline": (baseline or "", "command line (--baseline)" if baseline else "default")}
        click.echo(render_settings(settings, extra), nl=False)
        sys.exit(EXIT_OK)
    from reportlint.output.colour import wanted

    report_specs = parse_reports(reports)
    outputs = [output, *(target for _, target in report_specs)]
    files = expand(paths, [*outputs, write_baseline], include_ext, bool(follow_links or config.follow_links))
    named = set() if force_exclude else set(paths)
    files = [f for f in files if f in named or f == "-" or not config.excluded(f, settings.exclude)]
    if not files:  # a gate that checks nothing must not pass
        click.echo("reportlint: 没有可检查的报告 / no report to check (every file found was excluded: "
                   "see --exclude and extend-exclude)", err=True)
        sys.exit(EXIT_USAGE)
    _warn_missing_docs(settings.docs_url, [fmt, *(kind for kind, _ in report_specs)])
    config_files = [config.path, settings.profile]
    refuse_overwrites([*files, *config_files, baseline], outputs)
    refuse_overwrites([*files, *config_files], [write_baseline])
    rules = select_rules(all_rules(), settings.select, settings.ignore)
    chosen_profile = load_profile(settings.profile)
    if jobs is not None and jobs < 1:
        raise click.BadParameter("must be at least 1", param_hint="--jobs")
    how = Emit(fmt, output, report_specs, settings.lang, settings.fail_level, exit_zero, junit_flavor, statistics,
               quiet, colour=fmt in TEXT_FORMATS and not output and wanted(color, sys.stdout),
               show_baselined=show_baselined, docs_url=settings.docs_url,
               run={"config": config.path, "select": settings.select, "ignore": settings.ignore,
                    "profile": settings.profile})

    def configured(result):
        return _configured(result, settings)

    from reportlint.lint import tune_gc_for_a_run

    tune_gc_for_a_run()
    if fmt in TEXT_FORMATS and not (output or report_specs or baseline or write_baseline or statistics):
        # text to stdout: each file printed as it is done, keeping only counts (memory flat in the corpus size)
        from reportlint.lint import lint_many

        stream(map(configured, lint_many(files, rules, chosen_profile, settings.max_bytes, jobs)), how)
    results = [configured(r) for r in lint_all(files, rules, chosen_profile, settings.max_bytes, jobs, quiet)]
    if write_baseline:
        from reportlint.ci.baseline import write_baseline as write

        written = write(write_baseline, [f for r in results for f in r.findings])
        if not quiet:
            click.echo(f"reportlint: 已将 {written} 个问题写入基线 {write_baseline}", err=True)
        sys.exit(EXIT_OK)
    if baseline:
        _apply_baseline(results, baseline, how)
    emit(results, how)


def _warn_missing_docs(docs_url: str, formats) -> None:
    """A --docs-url / docs-url folder that does not exist: SARIF's help links fall back to the project page."""
    import os

    if "sarif" in formats and docs_url and "://" not in docs_url and not os.path.isdir(docs_url):
        click.echo(f"reportlint: warning: docs-url {docs_url!r} is not a folder; SARIF rule help links point at "
                   "the project page", err=True)


def _configured(result, settings):
    """A file's result as the settings want it: the stdin name applied, findings selected, per-file-ignores
    (matched on the path relative to the configuration's folder) and severity overrides applied."""
    from dataclasses import replace

    from reportlint.cli_options import selected, with_severity

    if result.path == "-" and settings.stdin_filename:
        result.path = settings.stdin_filename
        result.findings = [replace(f, path=settings.stdin_filename) for f in result.findings]
    config = settings.config
    extra = config.ignored_for(result.path)
    result.findings = [
        with_severity(f, config.severity) for f in result.findings
        if f.code.startswith("RL0") or (selected(f.code, settings.select, settings.ignore)
                                        and not any(f.code.startswith(p) for p in extra))
    ]
    return result


def _apply_baseline(results, baseline: str, how: Emit) -> None:
    """Drop the findings ``baseline`` accepts (paths relative to its folder), keeping them for --show-baselined."""
    from reportlint.ci.baseline import read_baseline, split_baselined

    try:
        accepted = read_baseline(baseline)
    except (OSError, ValueError) as exc:
        click.echo(f"reportlint: cannot read baseline {baseline}: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    everything = [f for r in results for f in r.findings]
    kept, how.baselined = split_baselined(everything, accepted, baseline)
    keep = set(map(id, kept))
    for result in results:
        result.findings = [f for f in result.findings if id(f) in keep]
