"""Compiling the patterns of the parser and the rules.

Every pattern is written once, in the syntax of the ``regex`` module (``\\p{Han}`` and all), and compiled
here. The standard library's ``re`` engine runs plain patterns several times faster than ``regex`` on
Chinese text (a character-class search over a 20 KB report: about 35 µs against 210 µs on the development
machine), so a pattern that ``re`` reads the same way is compiled with ``re``; one that needs ``regex``
(variable-width look-behind, ``\\p{...}`` other than ``\\p{Han}``, set operations) is compiled with
``regex``. ``\\p{Han}`` is spelled out as the code-point ranges of the Han script (``HAN``), which
``tests/test_patterns.py`` checks against ``regex``'s own ``\\p{Han}``.
"""

from __future__ import annotations

import re
from typing import cast

# \p{Han} (Unicode 15 as the regex module knew it in 2024), as ranges. Deliberately fixed: a newer ``regex``
# or Python knows more Han characters (Unicode 16, 17…), and the linter's results must not depend on which
# one is installed. tests/test_patterns.py checks that every range is Han and that the CJK blocks are in.
HAN = (
    "[\u2e80-\u2e99\u2e9b-\u2ef3\u2f00-\u2fd5\u3005\u3007\u3021-\u3029\u3038-\u303b\u3400-\u4dbf"
    "\u4e00-\u9fff\uf900-\ufa6d\ufa70-\ufad9\U00016fe2-\U00016fe3\U00016ff0-\U00016ff6"
    "\U00020000-\U0002a6df\U0002a700-\U0002b81d\U0002b820-\U0002cead\U0002ceb0-\U0002ebe0"
    "\U0002ebf0-\U0002ee5d\U0002f800-\U0002fa1d\U00030000-\U0003134a\U00031350-\U00033479]"
)
_HAN_IN_SET = re.compile(r"\[(?:[^\]\\]|\\.)*\\p\{Han\}")
_PLAIN_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE


def compile(pattern: str, flags: int = 0) -> "re.Pattern[str]":  # noqa: A001 - the name says what it does
    """``pattern`` compiled with ``re`` when it can be, else with ``regex`` (imported only then: every
    pattern of the package compiles with ``re`` today, so linting does not pay for importing ``regex``)."""
    if not (flags & ~_PLAIN_FLAGS or "[[:" in pattern or _HAN_IN_SET.search(pattern)):
        try:
            return re.compile(pattern.replace("\\p{Han}", HAN), flags)
        except re.error:
            pass
    import regex

    # a ``regex`` pattern offers every method of ``re.Pattern`` that the package calls
    return cast("re.Pattern[str]", regex.compile(pattern, flags))
