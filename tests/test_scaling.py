"""Linear work on long inputs (issue 16, item 5), measured without a clock: the number of Python lines the
linter executes on an input and on the same construction twice as long. A quadratic spot (a scan of every
figure, draft, relation, block or heading for each of them) doubles its share of the work at every doubling,
so the ratio goes well past 2; a linear pipeline stays near 2 (memos make it a little less). The constructions
are those of ``bench/scaling``, which times them at sizes up to 16,000 and more."""

from __future__ import annotations

import sys
from importlib.machinery import SourceFileLoader
from importlib.util import module_from_spec, spec_from_loader
from pathlib import Path

import pytest

from reportlint.checks import Context
from reportlint.lint import lint_text

BENCH = Path(__file__).resolve().parent.parent / "bench" / "scaling"
_loader = SourceFileLoader("bench_scaling", str(BENCH))
scaling = module_from_spec(spec_from_loader("bench_scaling", _loader))
_loader.exec_module(scaling)


def work(text: str) -> int:
    """Python lines executed while linting ``text`` (parse and every default rule)."""
    count = 0

    def local(frame, event, arg):
        nonlocal count
        if event == "line":
            count += 1
        return local

    previous = sys.gettrace()
    sys.settrace(lambda frame, event, arg: local)
    try:
        lint_text(text, "long.txt")
    finally:
        sys.settrace(previous)
    return count


@pytest.fixture(scope="module", autouse=True)
def warm():
    lint_text("支出合计100万元，其中基本支出60万元，项目支出40万元。\n", "warm.txt")  # imports, vocabulary, memos


@pytest.mark.parametrize("case, n", [
    ("qizhong-line", 300),         # one line of 其中 lists: each list's total, class count and relation
    ("rates-line", 300),           # one line of rates: each rate's earlier figures, its clause's words
    ("rl502-nested", 300),         # numbered headings each with a sub-heading: a parent's other styles
    ("wide-table", 300),           # a table of n columns: row labels and identities of a wide row
    ("paragraphs", 100),           # sections of short paragraphs: shares, 无增减, 决算数小于预算数, score tables
    ("parts-after-qizhong", 300),
    ("rl301-restatements", 300),
])
def test_work_grows_linearly(case, n):
    make = scaling.MICRO[case][0]
    once, twice = work(make(n)), work(make(2 * n))
    assert twice / once <= 2.2, f"{case}: {once} → {twice} lines ({twice / once:.2f}× for twice the input)"


def test_clause_on_a_long_line_reads_only_its_clause(monkeypatch):
    """Context._clause on a long line normalises the words after the last hard break, not the whole line
    before each figure; the words are the same."""
    import reportlint.parse.normalize as normalize

    from reportlint.checks import _CLAUSE_BREAK, _DIGITS_AND_SPACE, _LIST_OPENER

    text = scaling.MICRO["rates-line"][0](400)
    doc = lint_text(text, "r.txt").document
    # the words as read from the whole line before each figure
    expected = [_LIST_OPENER.sub("", _DIGITS_AND_SPACE.sub("", _CLAUSE_BREAK.split(normalize.normalize_text(
        doc.line_text(f.span.start.line)[: f.span.start.column - 1]))[-1])) for f in doc.figures]
    seen = []
    original = normalize.normalize_text
    monkeypatch.setattr(normalize, "normalize_text", lambda s: seen.append(len(s)) or original(s))
    ctx = Context(doc)
    words = [ctx.clause(f) for f in doc.figures]
    assert words == expected
    assert words[:3] == ["项目预算执行率", "完成率", "项目预算执行率"]
    assert sum(seen) <= 40 * len(doc.figures)  # each clause is a few characters, the line ~24,000


def test_class_mark_is_searched_from_its_bracket():
    """_class_marked finds "(类)" before a term as the regex over the whole text does, from the bracket."""
    from reportlint.parse.reader_state import _CLASS_MARK_BEFORE, _class_marked

    texts = ["一般公共服务(类)支出", "一般公共服务(类) 支出", "行政运行(项)\t", "(款)", "类)支出", "(类)a支出", "",
             "教育(类)\n", "其中" * 2000 + "(项)  "]
    for text in texts:
        for end in range(len(text) + 1) if len(text) < 50 else (len(text), len(text) - 2, 7):
            assert _class_marked(text, end) == bool(_CLASS_MARK_BEFORE.search(text, 0, end)), (text[:20], end)
