"""Baselines: accept today's findings, report only new ones. Entries are keyed by line-free fingerprints of
the finding's path *relative to the baseline file's folder*, so ``reportlint .``, ``./a/x.txt``, an absolute
path and a run from a subfolder all match the same entries. An entry may carry a ``reason`` (why the finding
is accepted): it is kept when the baseline is written again and shown by ``--show-baselined``.

Format (version 2)::

    {"version": 2, "tool": "reportlint", "paths": "relative to this file",
     "findings": [{"path": "a/x.txt", "code": "RL101", "fingerprint": "…", "message": "…", "reason": "…"}]}
"""

from __future__ import annotations

import json
from dataclasses import replace

from reportlint.ci.fingerprint import fingerprints
from reportlint.finding import Finding
from reportlint.paths import anchored, folder_of

MAX_BYTES = 64 * 1024 * 1024


def _anchored_prints(findings: list[Finding], baseline_path: str) -> list[str]:
    """The fingerprints of ``findings`` with each path taken relative to the baseline's folder."""
    folder = folder_of(baseline_path)
    return fingerprints([replace(f, path=anchored(f.path, folder)) for f in findings])


def write_baseline(path: str, findings: list[Finding]) -> int:
    """Record the acceptable findings in ``path``; the reasons of entries already there are kept. Returns the
    number of entries written."""
    from reportlint.output.atomic import write_atomic

    try:
        reasons = read_baseline(path)
    except (OSError, ValueError):  # no baseline yet (or not one): no reasons to keep
        reasons = {}
    folder = folder_of(path)
    entries = []
    for f, fp in zip(findings, _anchored_prints(findings, path)):
        if not acceptable(f):
            continue
        entry = {"path": anchored(f.path, folder), "code": f.code, "fingerprint": fp, "message": f.message}
        if reasons.get(fp):
            entry["reason"] = reasons[fp]
        entries.append(entry)
    write_atomic(path, json.dumps({"version": 2, "tool": "reportlint", "paths": "relative to this file",
                                   "findings": entries}, ensure_ascii=False, indent=2) + "\n")
    return len(entries)


def acceptable(f: Finding) -> bool:
    """Whether a baseline may hide this finding: never an input problem or an internal error (RL0xx)."""
    return not f.code.startswith("RL0")


def read_baseline(path: str) -> dict[str, str]:
    """The accepted fingerprints, each with its reason ("" when none is given). A file that is not a baseline
    raises ValueError (a configuration error)."""
    from reportlint.parse.read import InputProblem, read_path

    try:
        data = json.loads(read_path(path, MAX_BYTES).decode("utf-8"))
    except InputProblem as problem:
        raise ValueError(problem.message_en) from None
    except UnicodeDecodeError:
        raise ValueError("not UTF-8") from None
    except RecursionError:
        raise ValueError("nested too deeply") from None
    if not isinstance(data, dict) or not isinstance(data.get("findings"), list):
        raise ValueError("not a reportlint baseline (expected {\"findings\": [...]})")
    accepted: dict[str, str] = {}
    for k, entry in enumerate(data["findings"]):
        if not isinstance(entry, dict) or not isinstance(entry.get("fingerprint"), str):
            raise ValueError(f"findings[{k}]: expected an object with a string \"fingerprint\"")
        reason = entry.get("reason", "")
        if not isinstance(reason, str):
            raise ValueError(f"findings[{k}]: \"reason\" must be a string")
        accepted[entry["fingerprint"]] = reason
    return accepted


def apply_baseline(findings: list[Finding], accepted, baseline_path: str = "") -> tuple[list[Finding], int]:
    """The findings the baseline does not hide, and how many it hid (RL0xx findings are never hidden)."""
    kept, hidden = split_baselined(findings, accepted, baseline_path)
    return kept, len(hidden)


def split_baselined(findings: list[Finding], accepted,
                    baseline_path: str = "") -> tuple[list[Finding], list[tuple[Finding, str]]]:
    """(the findings the baseline does not hide, [(a hidden finding, its reason)…]). Paths are taken
    relative to ``baseline_path``'s folder (the working folder when it is "")."""
    kept, hidden = [], []
    reasons = accepted if isinstance(accepted, dict) else dict.fromkeys(accepted, "")
    for f, fp in zip(findings, _anchored_prints(findings, baseline_path)):
        if fp in reasons and acceptable(f):
            hidden.append((f, reasons[fp]))
        else:
            kept.append(f)
    return kept, hidden
