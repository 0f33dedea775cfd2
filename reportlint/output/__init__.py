"""Output writers, one per format. Each takes the per-file results and returns text."""

from __future__ import annotations

FORMATS = ("full", "concise", "text", "json", "junit", "sarif", "github", "gitlab", "html")


def render(fmt: str, results, *, lang: str = "zh", fail_level: str = "error", junit_flavor: str = "strict",
           exit_code: int | None = None, colour: bool = False, docs_url: str = "", run: dict | None = None) -> str:
    """``results`` in format ``fmt``; ``colour`` (text formats only) adds terminal colours; ``docs_url`` is
    where SARIF's rule help points (``ci.sarif.docs_base``); ``run``: the run's settings (config file, select,
    ignore, profile) for the formats that show them (HTML)."""
    if fmt in ("full", "text", "concise"):
        from reportlint.output.colour import Palette
        from reportlint.output.text import render, render_full

        if fmt == "concise":
            return render([f for r in results for f in r.findings], lang, full=False, palette=Palette(colour))
        return render_full(results, lang, Palette(colour))
    if fmt == "json":
        from reportlint.output.json_output import render as json_render

        return json_render(results, lang)
    if fmt == "junit":
        from reportlint.ci.junit import render as junit_render

        return junit_render(results, lang, fail_level, junit_flavor)
    if fmt == "sarif":
        from reportlint.ci.sarif import render as sarif_render

        return sarif_render(results, lang, exit_code, docs_url)
    if fmt == "github":
        from reportlint.ci.github import render as github_render

        return github_render(results, lang)
    if fmt == "gitlab":
        from reportlint.ci.gitlab import render as gitlab_render

        return gitlab_render(results, lang)
    if fmt == "html":
        from reportlint.output.html import render as html_render

        return html_render(results, lang, fail_level, run)
    raise ValueError(f"unknown format {fmt!r}")
