"""Scanning lines fast: a pattern that opens with a look-behind is tried at every character of every line
(the engine cannot skip ahead to where its first characters are), so the rules that scan every line test
the words a match may not follow in Python, after the match, instead."""

from __future__ import annotations

import re
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
