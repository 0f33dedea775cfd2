"""The benchmark's report generator (bench/generate.py) is also a test of the linter on reports it has not
seen: every defect it plants is found, with the rule that names it, and its clean reports stay silent."""

import importlib.util
import random
from pathlib import Path

import pytest

from reportlint.lint import lint_text

_SPEC = importlib.util.spec_from_file_location("generate", Path(__file__).parent.parent / "bench" / "generate.py")
generate = importlib.util.module_from_spec(_SPEC)
_SPEC.loader.exec_module(generate)

EXPECTED = {"part": "RL101", "executed": "RL201", "rate": "RL201", "share": "RL202", "score": "RL108",
            "change": "RL203"}


@pytest.mark.parametrize("index", range(0, 60, 5))
def test_each_planted_defect_is_found_by_its_rule(index):
    text = generate.report(random.Random(index), index, defective=True)
    kind = generate.Defects(index, True).kind
    codes = [f.code for f in lint_text(text, f"report_{index}.txt").findings]
    assert EXPECTED[kind] in codes, (kind, codes)
    # a share off also makes the shares add past 100%; the amount executed is also the department's spending
    assert set(codes) <= {EXPECTED[kind], "RL204", "RL301"}
    assert "RL301" not in codes or kind == "executed"


@pytest.mark.parametrize("index", [1, 2, 3, 4, 6, 7, 8, 9, 11, 13])
def test_clean_reports_are_silent(index):
    text = generate.report(random.Random(index), index, defective=False)
    if index % 10 == 3:
        text = generate.traditional(text)
    assert [f"{f.line}: {f.code} {f.message}" for f in lint_text(text, "clean.txt").findings] == []


def test_reports_are_as_dense_in_figures_as_real_ones():
    text = generate.report(random.Random(0), 1, defective=False)
    size = len(text.encode("utf-8"))
    numbers = len(__import__("re").findall(r"\d+(?:\.\d+)?", text))
    assert 20_000 <= size <= 30_000
    assert 8 <= numbers / (size / 1000) <= 25  # the real seeds have ~10 a KB, the real excerpts ~22
