"""Baselines: accept today's findings, report only new ones. Entries are keyed by line-free fingerprints."""

from __future__ import annotations

import json

from reportlint.ci.fingerprint import fingerprints
from reportlint.finding import Finding


def write_baseline(path: str, findings: list[Finding]) -> None:
    from reportlint.output.atomic import write_atomic

    entries = [
        {"path": f.path.replace("\\", "/"), "code": f.code, "fingerprint": fp, "message": f.message}
        for f, fp in zip(findings, fingerprints(findings)) if acceptable(f)
    ]
    write_atomic(path, json.dumps({"version": 1, "tool": "reportlint", "findings": entries},
                                  ensure_ascii=False, indent=2) + "\n")


def acceptable(f: Finding) -> bool:
    """Whether a baseline may hide this finding: never an input problem or an internal error (RL0xx)."""
    return not f.code.startswith("RL0")


def read_baseline(path: str) -> set[str]:
    """The accepted fingerprints. A file that is not a baseline raises ValueError (a configuration error)."""
    from reportlint.parse.read import InputProblem, read_path

    try:
        data = json.loads(read_path(path, 64 * 1024 * 1024).decode("utf-8"))
    except InputProblem as problem:
        raise ValueError(problem.message_en) from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("not a reportlint baseline (expected {\"findings\": [...]})")
    accepted = set()
    for k, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ValueError(f"findings[{k}]: expected an object with a string \"fingerprint\"")
        accepted.add(entry["fingerprint"])
    return accepted


def apply_baseline(findings: list[Finding], accepted: set[str]) -> tuple[list[Finding], int]:
    """The findings the baseline does not hide, and how many it hid (RL0xx findings are never hidden)."""
    kept = [f for f, fp in zip(findings, fingerprints(findings)) if fp not in accepted or not acceptable(f)]
    return kept, len(findings) - len(kept)
