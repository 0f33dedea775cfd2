"""Make report text and file names safe to print.

A report (or a file name) can hold terminal escape sequences, carriage returns and other control
characters: printed raw, a crafted line could erase the line above and print a fake "未发现问题", and a
newline in a file name would forge a finding line. ``visible`` replaces every such character with a
visible escape (``\\x1b``, ``\\n``, ``\\u202e``), in every text output whether it goes to a terminal,
a pipe or a file. A file name that is not valid UTF-8 (decoded with surrogate escapes) shows its bytes
as ``\\xNN``.
"""

from __future__ import annotations

import re

# C0 except tab, DEL, C1; line/paragraph separators; bidirectional overrides and isolates; lone surrogates
_UNSAFE = re.compile("[\x00-\x08\x0a-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
_NAMED = {"\n": "\\n", "\r": "\\r"}


def _escape(match: re.Match) -> str:
    ch = match.group()
    code = ord(ch)
    if ch in _NAMED:
        return _NAMED[ch]
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8 (os.fsdecode's surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    return f"\\x{code:02x}" if code <= 0xFF else f"\\u{code:04x}"


def visible(text: str) -> str:
    """``text`` with control characters, bidi overrides and undecodable bytes replaced by visible escapes."""
    return _UNSAFE.sub(_escape, text) if _UNSAFE.search(text) else text
