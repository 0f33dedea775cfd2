"""JSON output (DESIGN.md): keys other tools and the project's evaluation read."""

from __future__ import annotations

import json

from reportlint import __version__
from reportlint.finding import Finding


def finding_dict(f: Finding, lang: str = "zh") -> dict:
    """A finding as JSON; ``reading`` (how the rule read the text, and how certain that reading is) when the
    rule recorded one."""
    out = {
        "path": f.path, "line": f.line, "column": f.column, "end_line": f.end_line, "end_column": f.end_column,
        "code": f.code, "name": f.name, "severity": f.severity, "message": f.text(lang),
        "related": [{"path": f.path, "line": r.line, "column": r.column, "end_line": r.end()[0], "end_column": r.end()[1],
                     "message": r.message if lang == "zh" or not r.message_en else r.message_en} for r in f.related],
    }
    if f.location:
        out["location"] = f.location
    for item, r in zip(out["related"], f.related):
        if r.location:
            item["location"] = r.location
    if f.reading or f.certainty:
        out["reading"] = {"text": f.reading, "certainty": f.certainty or "explicit"}
    return out


def render(results, lang: str = "zh") -> str:
    findings = [f for r in results for f in r.findings]
    payload = {
        "version": __version__,
        "files": [{"path": r.path, "encoding": r.encoding, "profile": r.profile, "findings": len(r.findings)} for r in results],
        "findings": [finding_dict(f, lang) for f in findings],
        "summary": {
            "files": len(results),
            "errors": sum(1 for f in findings if f.severity == "error"),
            "warnings": sum(1 for f in findings if f.severity == "warning"),
            "info": sum(1 for f in findings if f.severity == "info"),
        },
    }
    return json.dumps(payload, ensure_ascii=False, indent=2) + "\n"
