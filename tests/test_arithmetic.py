"""Property tests: rounding is never an error, and a real gap always is."""

from decimal import ROUND_HALF_UP, Decimal

from hypothesis import given, settings
from hypothesis import strategies as st

from reportlint.lint import lint_text

amounts = st.decimals(min_value=Decimal("0.001"), max_value=Decimal("99999"), places=4)


def q2(x: Decimal) -> Decimal:
    return x.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def codes(text):
    return [f.code for f in lint_text(text, "p.txt").findings]


@settings(max_examples=150, deadline=None)
@given(amounts, amounts)
def test_rounded_parts_of_an_exact_total_are_never_an_error(a, b):
    total = q2(a + b)
    text = f"基本支出{total}万元，其中人员经费{q2(a)}万元，公用经费{q2(b)}万元。"
    assert "RL101" not in codes(text)


@settings(max_examples=150, deadline=None)
@given(amounts, amounts, st.integers(min_value=2, max_value=500))
def test_a_gap_beyond_rounding_is_always_found(a, b, cents):
    # three 2-decimal figures allow 0.015 in all: two cents off is beyond any rounding
    total = q2(a) + q2(b) + Decimal(cents) / 100
    text = f"基本支出{total}万元，其中人员经费{q2(a)}万元，公用经费{q2(b)}万元。"
    assert "RL101" in codes(text)


@settings(max_examples=150, deadline=None)
@given(amounts, st.decimals(min_value=Decimal("1"), max_value=Decimal("99999"), places=4))
def test_a_rounded_rate_is_never_an_error(actual, budget):
    a, b = q2(actual), q2(budget)
    rate = q2(a / b * 100)
    text = f"全年预算数{b}万元，执行数{a}万元，预算执行率{rate}%。"
    assert "RL201" not in codes(text)


@settings(max_examples=100, deadline=None)
@given(st.decimals(min_value=Decimal("10"), max_value=Decimal("99999"), places=2),
       st.decimals(min_value=Decimal("0"), max_value=Decimal("1"), places=4),
       st.integers(min_value=20, max_value=900))
def test_a_wrong_rate_is_found(budget, fraction, off):
    # with a budget of at least 10 and a rate up to 100%, the rounding of the operands moves the rate by
    # at most 0.1 point: 0.2 point off is always beyond it
    a, b = q2(budget * fraction), q2(budget)
    rate = q2(a / b * 100) + Decimal(off) / 100
    text = f"全年预算数{b}万元，执行数{a}万元，预算执行率{rate}%。"
    assert "RL201" in codes(text)


@settings(max_examples=100, deadline=None)
@given(amounts)
def test_the_same_figure_restated_at_another_precision_agrees(x):
    text = f"全年支出{q2(x)}万元，其中基本支出1.00万元。\n全年支出{x.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}万元。\n"
    assert "RL301" not in codes(text)
