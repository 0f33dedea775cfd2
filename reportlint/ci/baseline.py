"""Baselines: accept today's findings, report only new ones. Entries are keyed by line-free fingerprints."""

from __future__ import annotations

import json

from reportlint.ci.fingerprint import fingerprints
from reportlint.finding import Finding


def write_baseline(path: str, findings: list[Finding]) -> None:
    from reportlint.output.atomic import write_atomic

    entries = [
        {"path": f.path.replace("\\", "/"), "code": f.code, "fingerprint": fp, "message": f.message}
        for f, fp in zip(findings, fingerprints(findings))
    ]
    write_atomic(path, json.dumps({"version": 1, "tool": "reportlint", "findings": entries},
                                  ensure_ascii=False, indent=2) + "\n")


def read_baseline(path: str) -> set[str]:
    with open(path, encoding="utf-8") as handle:
        data = json.load(handle)
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("not a reportlint baseline (expected {\"findings\": [...]})")
    return {entry["fingerprint"] for entry in data["findings"] if isinstance(entry, dict) and "fingerprint" in entry}


def apply_baseline(findings: list[Finding], accepted: set[str]) -> tuple[list[Finding], int]:
    kept = [f for f, fp in zip(findings, fingerprints(findings)) if fp not in accepted]
    return kept, len(findings) - len(kept)
