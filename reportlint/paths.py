"""Paths as a configuration file or a baseline sees them: relative to that file's folder, with ``/``
separators, whatever the spelling on the command line (``reportlint .``, ``./archive/x.txt``, an absolute
path, a run from a subfolder). Globs (per-file-ignores, exclude) match these paths."""

from __future__ import annotations

import fnmatch
import os


def anchored(path: str, folder: str) -> str:
    """``path`` relative to ``folder``, normalised (``a/b.txt``); a path outside the folder keeps its own
    normalised spelling (``../x.txt`` or an absolute path). ``-`` (standard input) stays ``-``."""
    if path == "-":
        return path
    try:
        rel = os.path.relpath(os.path.abspath(path), os.path.abspath(folder or os.curdir))
    except ValueError:  # another drive (Windows)
        rel = os.path.abspath(path)
    if rel.startswith(os.pardir):
        real = os.path.relpath(os.path.realpath(path), os.path.realpath(folder or os.curdir))
        rel = real if not real.startswith(os.pardir) else rel
    return rel.replace(os.sep, "/").replace("\\", "/")


def folder_of(file: str) -> str:
    """The folder a configuration or baseline file's paths are relative to (the working folder for none)."""
    return os.path.dirname(os.path.abspath(file)) if file else os.getcwd()


def glob_matches(pattern: str, rel: str) -> bool:
    """Whether a glob matches a relative path: the whole path (``archive/2019/*``), its file name
    (``*.pdf``), or a folder on the way (``archive`` matches ``archive/2019/x.txt``)."""
    pattern = pattern.replace("\\", "/").rstrip("/")
    while pattern.startswith("./"):
        pattern = pattern[2:]
    if pattern.startswith("**/") and glob_matches(pattern[3:], rel):  # "**/drafts": at any depth, the top too
        return True
    if fnmatch.fnmatchcase(rel, pattern):
        return True
    parts = rel.split("/")
    if "/" not in pattern:
        return any(fnmatch.fnmatchcase(part, pattern) for part in parts)
    return any(fnmatch.fnmatchcase("/".join(parts[:k]), pattern) for k in range(1, len(parts)))
