"""The command line. Heavy libraries (pandas, pandera, great_expectations) are never imported here at
module level: ``reportlint FILE`` must start fast."""

from __future__ import annotations

import sys

import click

from reportlint import __version__

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE = 0, 1, 2
SEVERITY_RANK = {"info": 0, "warning": 1, "error": 2}


class DefaultGroup(click.Group):
    """``reportlint PATHS…`` means ``reportlint check PATHS…``."""

    def parse_args(self, ctx, args):
        if args and args[0] not in self.commands and args[0] not in ("--help", "-h", "--version"):
            args = ["check", *args]
        elif not args:
            args = ["check"]
        return super().parse_args(ctx, args)


def _stdout_utf8():
    try:
        sys.stdout.reconfigure(encoding="utf-8")  # type: ignore[attr-defined]
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
@click.option("--format", "fmt", type=click.Choice(["full", "text", "concise", "json"]), default="full",
              show_default=True, help="Output format.")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True, help="Message language.")
@click.option("--fail-level", type=click.Choice(["error", "warning", "info"]), default="error", show_default=True,
              help="Exit 1 when a finding at or above this severity exists.")
@click.option("--exit-zero", is_flag=True, help="Exit 0 even when findings exist (2 still means failure).")
@click.option("--select", default="", help="Comma-separated code prefixes to run (e.g. RL1,RL301).")
@click.option("--ignore", default="", help="Comma-separated code prefixes to skip.")
@click.option("--profile", default="", help="Report kind (overall, form, project, generic) or a profile TOML file.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write the report to FILE.")
@click.option("--max-bytes", type=int, default=64 * 1024 * 1024, show_default=True, help="Skip files larger than this.")
def check(paths, fmt, lang, fail_level, exit_zero, select, ignore, profile, output, max_bytes):
    """Check reports (files, directories of *.txt, or - for stdin)."""
    from reportlint.checks import all_rules
    from reportlint.lint import PathError, expand_paths, lint_path
    from reportlint.output import json_output, text

    _stdout_utf8()
    if not paths:
        raise click.UsageError("no paths given (reportlint FILE… or reportlint DIR)")
    try:
        files = expand_paths(list(paths))
    except PathError as exc:
        click.echo(f"reportlint: 路径不存在 / no such file or directory: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    rules = _select_rules(all_rules(), select, ignore)
    chosen_profile = _profile(profile)
    results = [lint_path(path, rules, chosen_profile, max_bytes) for path in files]
    for result in results:
        result.findings = [f for f in result.findings if _selected(f.code, select, ignore) or f.code.startswith("RL0")]
    findings = [f for r in results for f in r.findings]
    if fmt == "json":
        rendered = json_output.render(results, lang)
    else:
        rendered = text.render(findings, lang, full=fmt in ("full", "text"))
    if output:
        from reportlint.output.atomic import write_atomic

        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    click.echo(text.summary(len(results), findings, lang), err=True)
    gate = SEVERITY_RANK[fail_level]
    failing = any(SEVERITY_RANK[f.severity] >= gate for f in findings)
    sys.exit(EXIT_OK if exit_zero or not failing else EXIT_FINDINGS)


def _split(value: str) -> list[str]:
    return [v.strip().upper() for v in value.split(",") if v.strip()]


def _selected(code: str, select: str, ignore: str) -> bool:
    chosen = _split(select)
    if chosen and not any(code.startswith(p) for p in chosen):
        return False
    return not any(code.startswith(p) for p in _split(ignore))


def _select_rules(rules, select, ignore):
    return [r for r in rules if _selected(r.code, select, ignore)]


def _profile(name: str):
    if not name:
        return None
    from reportlint.profiles import builtin_profiles, load_profile_file

    profiles = builtin_profiles()
    if name in profiles:
        return profiles[name]
    try:
        return load_profile_file(name)
    except (OSError, KeyError, ValueError) as exc:
        raise click.BadParameter(f"unknown profile {name!r} ({', '.join(profiles)} or a TOML file): {exc}",
                                 param_hint="--profile")


@main.command("facts")
@click.argument("paths", nargs=-1, required=True)
@click.option("--format", "fmt", type=click.Choice(["json", "csv"]), default="json", show_default=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False), default=None, help="Write to FILE.")
def facts(paths, fmt, output):
    """Export every figure the parser read (value, unit, concept, qualifiers, table position) and the relations."""
    from reportlint.lint import PathError, expand_paths
    from reportlint.output import facts as facts_output
    from reportlint.parse import parse_text
    from reportlint.parse.read import InputProblem, decode, read_path

    _stdout_utf8()
    try:
        files = expand_paths(list(paths))
    except PathError as exc:
        click.echo(f"reportlint: 路径不存在 / no such file or directory: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    docs = []
    status = EXIT_OK
    for path in files:
        try:
            data = sys.stdin.buffer.read() if path == "-" else read_path(path)
            text_, encoding = decode(data)
        except InputProblem as problem:
            click.echo(f"{path}:1:1: {problem.code} {problem.message_zh}", err=True)
            status = EXIT_FINDINGS
            continue
        docs.append(parse_text(text_, path, encoding))
    rendered = facts_output.render_json(docs) if fmt == "json" else facts_output.render_csv(docs)
    if output:
        from reportlint.output.atomic import write_atomic

        write_atomic(output, rendered)
    else:
        click.echo(rendered, nl=False)
    sys.exit(status)


@main.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
def rules_command(lang):
    """List every rule: code, name, family, default severity."""
    from reportlint.checks import all_rules

    _stdout_utf8()
    for item in all_rules():
        summary = item.summary if lang == "zh" else _english(item.doc).splitlines()[0]
        click.echo(f"{item.code}  {item.name:<24} {item.family:<14} {item.severity:<8} {summary}")


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
    main()
