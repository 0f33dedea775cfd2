"""Colour for the text formats on a terminal: severities, codes and the marked figures.

Whether to colour: ``--color always`` / ``never`` decide; ``auto`` (the default) colours only a terminal,
never a pipe or a file, and honours ``NO_COLOR`` (any non-empty value: no colour) and ``FORCE_COLOR`` (any
non-empty value other than ``0``: colour even through a pipe), as https://no-color.org and
https://force-color.org describe. Colour is added after report text has been made visible
(``output.escape``), so a report can never bring escape sequences of its own.
"""

from __future__ import annotations

import os

CHOICES = ("auto", "always", "never")
_RESET = "\x1b[0m"
_SEVERITY = {"error": "31", "warning": "33", "info": "36"}  # red, yellow, cyan


def wanted(choice: str | None, stream, environ=None) -> bool:
    """Whether to colour what is written to ``stream`` for ``--color choice``."""
    environ = os.environ if environ is None else environ
    if choice == "always":
        return True
    if choice == "never":
        return False
    if environ.get("NO_COLOR"):
        return False
    if environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    try:
        return bool(stream.isatty())
    except (AttributeError, ValueError):
        return False


class Palette:
    """SGR colouring of the parts of a finding; with ``on`` False every method returns its text unchanged."""

    def __init__(self, on: bool = False):
        self.on = on

    def _sgr(self, codes: str, text: str) -> str:
        return f"\x1b[{codes}m{text}{_RESET}" if self.on and text else text

    def severity(self, severity: str, text: str) -> str:
        return self._sgr("1;" + _SEVERITY.get(severity, "0"), text)

    def code(self, text: str) -> str:
        return self._sgr("1", text)

    def path(self, text: str) -> str:
        return self._sgr("1", text)

    def figure(self, severity: str, text: str, primary: bool = True) -> str:
        """A marked figure in a source line (and its marker): the severity's colour, related ones in blue."""
        return self._sgr(("1;" + _SEVERITY.get(severity, "0")) if primary else "34", text)

    def dim(self, text: str) -> str:
        return self._sgr("2", text)


PLAIN = Palette(False)
