"""Protect the user's files: an output must never be one of the inputs, and the tool's own outputs found
in a folder being linted are not reports.

``conflicts`` compares files by device and inode (``os.stat`` follows symlinks), so ``-o link.txt`` where
``link.txt`` points at an input is caught as well as ``-o r.txt`` on ``r.txt``.

``is_own_output`` recognises what reportlint writes from the first few kilobytes of a file: the text
formats (concise and full lines, ``--statistics``), GitHub workflow commands, and the JSON, SARIF,
GitLab, JUnit, HTML, baseline and ``facts`` files. Only regular files are opened (a FIFO would block).
"""

from __future__ import annotations

import os
import re
import stat

HEAD_BYTES = 4096

_FINDING_LINE = re.compile(r"^.+:\d+:\d+: RL\d{3} \[(?:error|warning|info)\] ")
_STATISTICS_LINE = re.compile(r"^ *\d+  RL\d{3}  \S")
_GITHUB_LINE = re.compile(r"^::(?:error|warning|notice)[ :]")
_JSON_ENVELOPE = re.compile(r'^\{\s*"version":\s*"[^"]*",\s*"files":')  # --format json
_JSON_KEYS = ('"reportlint"', '"figures"', '"relations"', '"check_name"', '"fingerprint"')


def identity(path: str) -> tuple[int, int] | None:
    """(device, inode) of the file ``path`` names, following symlinks; None when it does not exist."""
    try:
        info = os.stat(path)
    except (OSError, ValueError):
        return None
    return info.st_dev, info.st_ino


def stdin_identity() -> tuple[int, int] | None:
    """(device, inode) of standard input when it is a regular file (``reportlint - < r.txt``)."""
    try:
        info = os.fstat(0)
    except OSError:
        return None
    return (info.st_dev, info.st_ino) if stat.S_ISREG(info.st_mode) else None


def conflicts(inputs, outputs) -> list[tuple[str, str]]:
    """Pairs (output, input) that are the same file. ``-`` (stdin/stdout) and empty names are skipped,
    except that stdin redirected from a file counts as that file."""
    known: dict[tuple[int, int], str] = {}
    for path in inputs:
        if not path:
            continue
        ident = stdin_identity() if path == "-" else identity(path)
        if ident is not None:
            known.setdefault(ident, path)
    pairs = []
    for out in outputs:
        if not out or out == "-":
            continue
        ident = identity(out)
        if ident is not None and ident in known:
            pairs.append((out, known[ident]))
    return pairs


def _head(path: str) -> str | None:
    """The first bytes of a regular file as text; None for anything else (devices, FIFOs, errors)."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    except OSError:
        return None
    try:
        if not stat.S_ISREG(os.fstat(fd).st_mode):
            return None
        data = os.read(fd, HEAD_BYTES)
    except OSError:
        return None
    finally:
        os.close(fd)
    return data.decode("utf-8", errors="replace")


def is_empty(path: str) -> bool:
    """Whether ``path`` is an empty regular file (a clean run's text output)."""
    try:
        info = os.stat(path)
    except OSError:
        return False
    return stat.S_ISREG(info.st_mode) and info.st_size == 0


def looks_like_own_output(head: str) -> bool:
    """Whether a file starting with ``head`` was written by reportlint."""
    text = head.lstrip("\ufeff")
    first = next((line for line in text.splitlines() if line.strip()), "")
    if _FINDING_LINE.match(first) or _STATISTICS_LINE.match(first) or _GITHUB_LINE.match(first):
        return True
    start = text.lstrip()[:1]
    if start == "[":
        return text.strip() == "[]" or '"check_name"' in text
    if start == "{":
        return bool(_JSON_ENVELOPE.match(text.lstrip())) or any(key in text for key in _JSON_KEYS)
    if start == "<":
        return "reportlint" in text
    if text.startswith(("path,line,column,", "path,id,kind,")):  # facts --format csv
        return True
    return False


def is_own_output(path: str) -> bool:
    """Whether the regular file ``path`` holds one of reportlint's outputs."""
    head = _head(path)
    return head is not None and looks_like_own_output(head)
