"""Rule selection: turn what a user wrote in ``--select``/``--ignore`` or in the configuration (codes, code
prefixes such as ``RL1``, rule names such as ``sum-mismatch``, ``ALL``) into code prefixes, and refuse
anything that names no rule, with a "did you mean" suggestion. A typo must never select nothing and pass.
"""

from __future__ import annotations

import difflib
import re


class SelectionError(Exception):
    """A code, prefix or rule name that matches no rule (a usage error: exit 2)."""


def split_tokens(value: str) -> list[str]:
    """``"RL1,RL301"``, ``"RL1 RL3"`` and ``"RL1, RL3"`` all give ``["RL1", "RL301"…]``."""
    return [t for t in re.split(r"[,\s]+", value or "") if t]


def _known():
    from reportlint.checks import all_rules

    rules = all_rules()
    return [r.code for r in rules], {r.name: r.code for r in rules}


def _suggest(token: str, codes: list[str], names: dict[str, str]) -> str:
    candidates = codes + sorted(names)
    close = difflib.get_close_matches(token.upper() if token.upper().startswith("RL") else token, candidates,
                                      n=3, cutoff=0.5)
    if not close:
        close = difflib.get_close_matches(token.lower(), sorted(names), n=3, cutoff=0.4)
    return f" (did you mean {', '.join(close)}?)" if close else " (see `reportlint rules`)"


def resolve(tokens, where: str, *, prefixes: bool = True) -> list[str]:
    """Codes or code prefixes for ``tokens``: rule names become their code; ``ALL`` stays (with prefixes).
    Raises SelectionError naming ``where`` for a token that matches no rule."""
    codes, names = _known()
    out = []
    for raw in tokens:
        token = str(raw).strip()
        if not token:
            continue
        upper = token.upper()
        if prefixes and upper == "ALL":
            out.append(upper)
        elif token in names:
            out.append(names[token])
        elif upper in codes or (prefixes and upper.startswith("RL") and any(c.startswith(upper) for c in codes)):
            out.append(upper)
        else:
            kind = "rule code, prefix or name" if prefixes else "rule code or name"
            raise SelectionError(f"{where}: unknown {kind} {token!r}{_suggest(token, codes, names)}")
    return out


def suggestion(token: str) -> str:
    """`` (did you mean RL101?)`` for a token that names no rule (`` (see `reportlint rules`)`` otherwise)."""
    codes, names = _known()
    return _suggest(token, codes, names)
