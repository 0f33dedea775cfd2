"""SARIF 2.1.0 for GitHub code scanning and other consumers.

Every result has a location; artifact URIs are percent-encoded (Chinese file names); each input's SHA-256
is recorded; columns are Unicode code points; partialFingerprints are line-free.
"""

from __future__ import annotations

import json
import os
from urllib.parse import quote

from reportlint import __version__
from reportlint.ci.fingerprint import fingerprints

LEVEL = {"error": "error", "warning": "warning", "info": "note"}


def uri_of(path: str) -> tuple[str, str | None]:
    """(uri, uriBaseId): relative paths against %SRCROOT%, absolute ones as file:// URIs."""
    norm = path.replace("\\", "/")
    if norm == "-":
        return "stdin", "%SRCROOT%"
    if os.path.isabs(path):
        return "file://" + quote(norm if norm.startswith("/") else "/" + norm, safe="/:", errors="surrogateescape"), None
    while norm.startswith("./"):
        norm = norm[2:]
    return quote(norm, safe="/", errors="surrogateescape"), "%SRCROOT%"  # (a non-UTF-8 name: its own bytes)


PROJECT_URI = "https://pypi.org/project/reportlint/"


def _ci_web_url(folder) -> str:
    """The web address of ``folder`` in the repository a CI job checked out (GitHub Actions, GitLab CI), or ""."""
    from pathlib import Path

    env = os.environ
    github = ("GITHUB_WORKSPACE", "GITHUB_SERVER_URL", "GITHUB_REPOSITORY", "GITHUB_SHA")
    gitlab = ("CI_PROJECT_DIR", "CI_PROJECT_URL", "CI_COMMIT_SHA")
    jobs = []
    if all(env.get(k) for k in github):
        jobs.append((env["GITHUB_WORKSPACE"], f"{env['GITHUB_SERVER_URL']}/{env['GITHUB_REPOSITORY']}/blob/{env['GITHUB_SHA']}"))
    if all(env.get(k) for k in gitlab):
        jobs.append((env["CI_PROJECT_DIR"], f"{env['CI_PROJECT_URL']}/-/blob/{env['CI_COMMIT_SHA']}"))
    for workspace, web in jobs:
            try:
                rel = Path(folder).resolve().relative_to(Path(workspace).resolve())
            except ValueError:
                continue
            return f"{web}/{quote(rel.as_posix())}/" if rel.parts else f"{web}/"
    return ""


def docs_base(docs_url: str = "") -> str:
    """Where the rule pages (``RL101.md``…) are: ``docs_url`` when it is a URL; for a folder (``docs_url`` as
    a path, by default the ``docs/rules`` of the checkout reportlint runs from, e.g. a vendored copy) its web
    address in the CI job's repository when there is one, else its file:// URI; "" when there is none."""
    import re
    from pathlib import Path

    if re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", docs_url or ""):
        return docs_url if docs_url.endswith("/") else docs_url + "/"
    if docs_url:
        folder = Path(docs_url)
    else:
        from reportlint.rules.docs import DOCS_DIR

        folder = DOCS_DIR
    if not folder.is_dir():
        return ""
    return _ci_web_url(folder) or folder.resolve().as_uri() + "/"


def _rule_entries(rules, lang: str = "zh", docs_url: str = ""):
    from reportlint.rules.docs import plain, rule_doc

    base = docs_base(docs_url)
    entries = []
    for item in rules:
        doc = rule_doc(item)
        full = (doc.zh[0] if doc.zh else item.name) if lang == "zh" else (doc.en_summary or item.name)
        entries.append({
            "id": item.code, "name": item.name,
            "shortDescription": {"text": doc.summary(lang)},
            "fullDescription": {"text": plain(full)},
            "help": {"text": doc.text(lang), "markdown": doc.markdown()},
            "helpUri": f"{base}{item.code}.md" if base else PROJECT_URI,
            "defaultConfiguration": {"level": LEVEL[item.severity]},
            "properties": {"family": item.family},
        })
    return entries


def render(results, lang: str = "zh", exit_code: int | None = None, docs_url: str = "") -> str:
    from reportlint.checks import all_rules

    rules = all_rules()
    index_of = {r.code: i for i, r in enumerate(rules)}
    findings = [f for r in results for f in r.findings]
    prints = fingerprints(findings)
    artifacts = []
    artifact_index = {}
    for r in results:
        uri, base = uri_of(r.path)
        location = {"uri": uri}
        if base:
            location["uriBaseId"] = base
        entry = {"location": location}
        if getattr(r, "sha256", ""):
            entry["hashes"] = {"sha-256": r.sha256}
        if r.encoding:
            entry["encoding"] = r.encoding
        artifact_index[r.path] = len(artifacts)
        artifacts.append(entry)

    def location(path: str, line: int, column: int, end_line: int, end_column: int, snippet: str | None = None):
        uri, base = uri_of(path)
        artifact = {"uri": uri, "index": artifact_index.get(path, 0)}
        if base:
            artifact["uriBaseId"] = base
        region = {"startLine": max(1, line), "startColumn": max(1, column)}
        if end_line >= line and end_column > 0:
            region["endLine"] = end_line
            region["endColumn"] = max(end_column, region["startColumn"] + (0 if end_line > line else 1))
        if snippet:
            region["snippet"] = {"text": snippet}
        return {"physicalLocation": {"artifactLocation": artifact, "region": region}}

    by_path = {r.path: r for r in results}
    out_results = []
    for f, fp in zip(findings, prints):
        owner = by_path.get(f.path)
        snippet = owner.line(f.line) if owner is not None else None
        result = {
            "ruleId": f.code, "level": LEVEL[f.severity], "message": {"text": f.text(lang)},
            "locations": [location(f.path, f.line, f.column, f.end_line, f.end_column, snippet)],
            "partialFingerprints": {"reportlint/v1": fp},
        }
        if f.code in index_of:
            result["ruleIndex"] = index_of[f.code]
        if f.location:
            result["properties"] = {"location": f.location}
        if f.related:
            result["relatedLocations"] = [
                {**location(f.path, r.line, r.column, *r.end()), "id": k,
                 "message": {"text": r.message if lang == "zh" else (r.message_en or r.message)}}
                for k, r in enumerate(f.related)
            ]
        out_results.append(result)
    invocation = {"executionSuccessful": True}
    if exit_code is not None:
        invocation["exitCode"] = exit_code
    payload = {
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {"name": "reportlint", "version": __version__, "semanticVersion": __version__,
                                "informationUri": PROJECT_URI,
                                "rules": _rule_entries(rules, lang, docs_url)}},
            "columnKind": "unicodeCodePoints",
            "artifacts": artifacts,
            "results": out_results,
            "invocations": [invocation],
        }],
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
