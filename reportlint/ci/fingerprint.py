"""Line-free fingerprints: path + code + what is inconsistent (+ occurrence index for repeats).

Used for baselines, GitLab Code Quality fingerprints, SARIF partialFingerprints and JUnit test names,
so a report edited above a known finding keeps the same fingerprint.
"""

from __future__ import annotations

import hashlib
from typing import Iterable

from reportlint.finding import Finding


def fingerprints(findings: Iterable[Finding]) -> list[str]:
    """One fingerprint per finding, in order; repeats of the same (path, code, subject) get an index."""
    seen: dict[tuple, int] = {}
    out = []
    for f in findings:
        key = (f.path.replace("\\", "/"), f.code, f.subject or f.message)
        index = seen.get(key, 0)
        seen[key] = index + 1
        digest = hashlib.sha256("\0".join([*key, str(index)]).encode("utf-8", "surrogateescape")).hexdigest()  # (a non-UTF-8 name: its bytes)
        out.append(digest[:32])
    return out
