"""``reportlint rules`` (the list) and ``reportlint rule CODE`` (one rule's documentation)."""

from __future__ import annotations

import sys

import click

from reportlint.cli_check import stdout_utf8

EXIT_USAGE = 2


def _record(item, doc) -> dict:
    return {"code": item.code, "name": item.name, "family": item.family, "severity": item.severity,
            "declared_severity": item.declared or item.severity, "opt_in": item.opt_in,
            "precision": ({"true": item.precision[0], "all": item.precision[1]} if item.precision else None),
            "summary": doc.summary_zh, "summary_en": doc.summary_en}


@click.command("rules")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def rules_command(lang, fmt):
    """List every rule: code, name, family, default severity, the precision measured on real, hand-checked
    reports (bench/precision; "off" marks an opt-in rule, run only when --select names it) and its summary."""
    from reportlint.checks import all_rules
    from reportlint.rules.docs import rule_doc

    import json

    stdout_utf8()
    items = [(item, rule_doc(item)) for item in all_rules()]
    if fmt == "json":
        click.echo(json.dumps([_record(item, doc) for item, doc in items], ensure_ascii=False, indent=2))
        return
    width = max(len(item.name) for item, _ in items)
    for item, doc in items:
        severity = "off" if item.opt_in else item.severity
        click.echo(f"{item.code}  {item.name:<{width}} {item.family:<14} {severity:<8} {item.precision_text:<12} "
                   f"{doc.summary(lang)}")


@click.command("rule")
@click.argument("code")
@click.option("--lang", type=click.Choice(["zh", "en"]), default="zh", show_default=True)
@click.option("--format", "fmt", type=click.Choice(["text", "md", "json"]), default="text", show_default=True,
              help="md: the page in docs/rules (both languages).")
def rule_command(code, lang, fmt):
    """Explain one rule (by code or name)."""
    from reportlint.checks import all_rules
    from reportlint.rules.docs import rule_doc

    stdout_utf8()
    for item in all_rules():
        if code.upper() == item.code or code == item.name:
            doc = rule_doc(item)
            if fmt == "md":
                click.echo(doc.markdown(), nl=False)
            elif fmt == "json":
                import json

                click.echo(json.dumps({**_record(item, doc), "text": doc.text("zh"), "text_en": doc.text("en")},
                                      ensure_ascii=False, indent=2))
            else:
                click.echo(f"{item.code} {item.name} ({item.family}, default severity: {doc.severity})\n")
                click.echo(doc.text(lang))
            return
    from reportlint.selection import suggestion

    click.echo(f"reportlint: unknown rule {code!r}{suggestion(code)}", err=True)
    sys.exit(EXIT_USAGE)
