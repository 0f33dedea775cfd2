"""A 部门决算说明 written for the tests (tests/fixtures/final_accounts.txt): every statement agrees, so the
linter must say nothing; and changing any figure that another figure checks must be reported."""

from pathlib import Path

import pytest

from reportlint.lint import lint_text

FIXTURE = Path(__file__).parent / "fixtures" / "final_accounts.txt"
CONSISTENCY = ("RL1", "RL2", "RL3", "RL4")
# stated once and checked by nothing: the 编制 head-count and the 年初预算 of the whole department
UNCHECKED = {(28, 8), (31, 11)}


def _bumped(number: str) -> str:
    """The leading non-zero digit plus one (9 → 10…): far outside any rounding."""
    for i, ch in enumerate(number):
        if ch.isdigit() and ch != "0":
            return number[:i] + str(int(ch) + 1) + number[i + 1:]
    return number


def test_the_consistent_report_is_silent():
    assert lint_text(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE)).findings == []


def _figures():
    result = lint_text(FIXTURE.read_text(encoding="utf-8"), str(FIXTURE))
    return [f for f in result.document.figures if f.value != 0]


@pytest.mark.parametrize("figure", _figures(), ids=lambda f: f"{f.span.start.line}:{f.span.start.column}:{f.text}")
def test_every_checked_figure_changed_is_reported(figure):
    lines = FIXTURE.read_text(encoding="utf-8").split("\n")
    line, col = figure.span.start.line, figure.span.start.column
    number = "".join(ch for ch in figure.text if ch.isdigit() or ch == ".")
    source = lines[line - 1]
    assert source[col - 1:col - 1 + len(number)] == number
    lines[line - 1] = source[:col - 1] + _bumped(number) + source[col - 1 + len(number):]
    found = [f for f in lint_text("\n".join(lines), str(FIXTURE)).findings if f.code.startswith(CONSISTENCY)]
    if (line, col) in UNCHECKED:
        assert found == []
    else:
        assert found, f"{figure.text} on line {line} changed to {_bumped(number)} went unreported"
        assert any(f.line == line or any(r.line == line for r in f.related) for f in found)
