"""GitLab Code Quality JSON: an array (``[]`` when clean), no BOM, the code in the description,
unique and stable fingerprints, relative paths."""

from __future__ import annotations

import json
import os

from reportlint.ci.fingerprint import fingerprints
from reportlint.output.where import located_text

SEVERITY = {"error": "major", "warning": "minor", "info": "info"}


def relative(path: str) -> str:
    root = os.environ.get("CI_PROJECT_DIR") or os.getcwd()
    norm = path
    if os.path.isabs(path):
        try:
            norm = os.path.relpath(path, root)
        except ValueError:
            norm = path
    norm = norm.replace("\\", "/")
    while norm.startswith("./"):
        norm = norm[2:]
    return norm.lstrip("/") or "stdin"


def render(results, lang: str = "zh") -> str:
    findings = [f for r in results for f in r.findings]
    issues = []
    seen: set[str] = set()
    for f, fp in zip(findings, fingerprints(findings)):
        while fp in seen:  # never collapse two findings into one entry
            fp = fp[:-1] + ("0" if fp[-1] != "0" else "1")
        seen.add(fp)
        issues.append({
            "type": "issue", "check_name": f.code, "description": f"{f.code}: {located_text(f, lang)}",
            "categories": ["Bug Risk"], "fingerprint": fp, "severity": SEVERITY[f.severity],
            "location": {"path": relative(f.path), "lines": {"begin": f.line, "end": max(f.line, f.end_line)}},
        })
    return json.dumps(issues, ensure_ascii=False, indent=2) + "\n"
