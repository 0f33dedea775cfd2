"""Scanning lines fast: a pattern that opens with a look-behind is tried at every character of every line
(the engine cannot skip ahead to where its first characters are), so the rules that scan every line test
the words a match may not follow in Python, after the match, instead."""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Iterator, Sequence


def finditer_not_after(pattern: re.Pattern[str], text: str, not_after: Sequence[str]) -> Iterator[re.Match[str]]:
    """``pattern``'s matches in ``text`` that do not follow one of ``not_after``: what ``finditer`` gives for
    the pattern opened with a negative look-behind for each of those words."""
    pos = 0
    while True:
        m = pattern.search(text, pos)
        if m is None:
            return
        start, end = m.start(), m.end()
        if any(text.endswith(word, 0, start) for word in not_after):
            pos = start + 1
            continue
        yield m
        pos = end if end > start else start + 1


def joined_lines(lines: Sequence[str]) -> tuple[str, list[int]]:
    """``lines`` joined by line feeds, and where each starts in the result (what ``lines_matching`` searches)."""
    starts = [0] * len(lines)
    pos = 0
    for k, line in enumerate(lines):
        starts[k] = pos
        pos += len(line) + 1
    return "\n".join(lines), starts


def lines_matching(patterns: Sequence[re.Pattern[str] | str], text: str, starts: list[int]) -> list[int]:
    r"""The 0-based indexes, in order, of the lines of ``text`` (starting at ``starts``) in which one of
    ``patterns`` matches: one search over the whole text per pattern and line holding a match, instead of a
    search of every line.

    Every line where a pattern matches on its own is among them. The patterns are searched with ``^`` and
    ``$`` meaning the start and end of a line (MULTILINE); what a pattern must not hold is ``\A``, ``\Z`` or a
    look-around that rejects a line break at a line's edge (``(?!\s)``). A line may be listed where a match
    only runs on into the next line: the caller scans each line given as before, so it gives nothing more.
    A string instead of a pattern lists the lines that hold it (found by ``str.find``, far faster than a
    pattern that opens with a look-behind or a class: the words a line needs for a pattern to match there)."""
    found: set[int] = set()
    count = len(starts)
    for pattern in patterns:
        word = pattern if isinstance(pattern, str) else ""
        search = None if isinstance(pattern, str) else _multiline(pattern).search
        pos = 0
        while True:
            if search is None:
                at = text.find(word, pos)
                if at < 0:
                    break
            else:
                m = search(text, pos)
                if m is None:
                    break
                at = m.start()
            index = bisect_right(starts, at) - 1
            found.add(index)
            if index + 1 >= count:
                break
            pos = starts[index + 1]  # the next line: one match is enough to list a line
    return sorted(found)


_MULTILINE: dict[tuple[type, str, int], re.Pattern[str]] = {}


def _multiline(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """``pattern`` with MULTILINE (compiled once, by the engine that compiled it)."""
    if pattern.flags & re.MULTILINE:
        return pattern
    key = (type(pattern), pattern.pattern, pattern.flags)
    compiled = _MULTILINE.get(key)
    if compiled is None:
        if isinstance(pattern, re.Pattern):
            compiled = re.compile(pattern.pattern, pattern.flags | re.MULTILINE)
        else:
            import regex

            compiled = regex.compile(pattern.pattern, pattern.flags | regex.MULTILINE)
        _MULTILINE[key] = compiled
    return compiled
