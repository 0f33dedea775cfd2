"""Walking a directory given on the command line: which files in it are reports to check.

Files come in the order ``os.walk`` gives them, sorted: a folder's own files, then each subfolder. Two
things are not silently dropped but become a ``Skipped`` entry, which ``lint_path`` (through ``read_path``)
turns into a finding of that path, so a CI gate sees it:

* a subfolder that cannot be listed (no permission, an I/O error): RL001, an error — a gate must not pass
  because half of the reports were out of reach;
* a symbolic link, to a file or a folder, whose target lies outside the directory being walked: RL007, an
  info note; the link is not followed and its target is never opened (a link to a secrets file must not end
  up quoted in a SARIF snippet). ``--follow-links`` (config ``follow-links = true``) follows such links.

Links inside the tree are followed; a folder reached twice (a link loop) is walked once. Links named on the
command line are not walked here: they are read as given.
"""

from __future__ import annotations

import os
from typing import Callable

from reportlint.parse.read import InputProblem


class Skipped(str):
    """A path found while walking that is reported instead of read; ``problem`` is the finding's content."""

    problem: InputProblem

    def __new__(cls, path: str, problem: InputProblem) -> "Skipped":
        self = super().__new__(cls, path)
        self.problem = problem
        return self

    def __reduce__(self):  # (to cross into --jobs workers whatever the start method)
        return Skipped, (str(self), self.problem)


def unlistable(strerror: str) -> InputProblem:
    """RL001 for a folder that cannot be listed."""
    return InputProblem("RL001", f"无法读取目录，其中的报告未检查：{strerror}",
                        f"cannot list this folder; the reports in it were not checked: {strerror}")


def link_outside(target: str) -> InputProblem:
    """RL007 for a link that leaves the tree (the target is named, not read)."""
    return InputProblem("RL007", f"符号链接指向被检查目录之外（{target}），未读取；如需读取请用 --follow-links",
                        f"symbolic link to {target}, outside the folder being checked: not read "
                        "(use --follow-links to read it)")


def _inside(target: str, top: str) -> bool:
    return target == top or target.startswith(top.rstrip(os.sep) + os.sep)


def walk(root: str, wanted: tuple[str, ...], follow_links: bool = False,
         leave_out: Callable[[str], bool] = lambda path: False) -> list[str]:
    """The report files under the folder ``root`` (names ending in one of ``wanted``, lower case; Office lock
    files ``~$…`` and what ``leave_out`` rejects left out), with ``Skipped`` entries for unlistable
    subfolders and for links leaving the tree."""
    top = os.path.realpath(root)
    out: list[str] = []
    seen: set[tuple[int, int]] = set()
    pending = [root]
    while pending:
        folder = pending.pop()
        try:
            info = os.stat(folder)
            if (info.st_dev, info.st_ino) in seen:
                continue
            seen.add((info.st_dev, info.st_ino))
            with os.scandir(folder) as listing:
                entries = sorted(listing, key=lambda entry: entry.name)
        except OSError as exc:
            out.append(Skipped(folder, unlistable(exc.strerror or str(exc))))
            continue
        subfolders = []
        for entry in entries:
            is_dir = _is_dir(entry)
            wanted_file = not is_dir and entry.name.lower().endswith(wanted) and not entry.name.startswith("~$")
            if not (is_dir or wanted_file):
                continue
            if entry.is_symlink() and not follow_links:
                target = os.path.realpath(entry.path)
                if not _inside(target, top):
                    out.append(Skipped(entry.path, link_outside(target)))
                    continue
            if is_dir:
                subfolders.append(entry.path)
            elif not leave_out(entry.path):
                out.append(entry.path)
        pending.extend(reversed(subfolders))
    return out


def _is_dir(entry: os.DirEntry) -> bool:
    try:
        return entry.is_dir()  # (follows links)
    except OSError:
        return False
