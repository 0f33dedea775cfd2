"""Interval arithmetic for printed figures (DESIGN.md, "Numbers and tolerance").

A figure printed with d decimals stands for the interval ±½·10⁻ᵈ around it. A whole amount among
amounts that carry decimals counts as exact. A relation is inconsistent only when no values inside
those intervals satisfy it.
"""

from __future__ import annotations

from decimal import Decimal
from typing import Final, Sequence

from reportlint.document import MONEY_UNITS, Figure

HUNDRED: Final = Decimal(100)


def scale(fig: Figure) -> Decimal:
    return MONEY_UNITS.get(fig.unit, Decimal(1))


def half_units(figs: Sequence[Figure]) -> list[Decimal]:
    """Half a unit of each figure's last digit, in 元 for money; whole amounts among decimals are exact."""
    any_decimals = any(f.decimals > 0 for f in figs)
    out = []
    for f in figs:
        if f.decimals == 0 and (any_decimals or f.unit not in ("万元", "亿元")):
            out.append(Decimal(0))  # whole counts and whole 元 are exact; so is a whole amount among decimals
        else:
            out.append(Decimal(5).scaleb(-(f.decimals + 1)) * scale(f))
    return out


def value(fig: Figure) -> Decimal:
    return fig.value * scale(fig)


def sum_gap(total: Figure, parts: Sequence[Figure]) -> tuple[Decimal, Decimal]:
    """(Σparts − total, tolerance), both in 元 for money."""
    figs = [total, *parts]
    halves = half_units(figs)
    gap = sum((value(p) for p in parts), Decimal(0)) - value(total)
    return gap, sum(halves, Decimal(0))


def interval(fig: Figure, half: Decimal) -> tuple[Decimal, Decimal]:
    v = value(fig)
    return v - half, v + half


def ratio_interval(num: Figure, den: Figure) -> tuple[Decimal, Decimal] | None:
    """The interval of num/den × 100 given both figures' rounding intervals."""
    h_num, h_den = half_units([num, den])
    n_lo, n_hi = interval(num, h_num)
    d_lo, d_hi = interval(den, h_den)
    if d_hi <= 0:
        return None
    if d_lo <= 0:
        d_lo = min(d_hi, Decimal("1e-12"))
    lo = max(n_lo, Decimal(0)) / d_hi * HUNDRED
    hi = n_hi / d_lo * HUNDRED
    return lo, hi


def percent_interval(rate: Figure) -> tuple[Decimal, Decimal]:
    half = Decimal(5).scaleb(-(rate.decimals + 1))
    return rate.value - half, rate.value + half


def meets(a: tuple[Decimal, Decimal], b: tuple[Decimal, Decimal]) -> bool:
    return a[0] <= b[1] and b[0] <= a[1]


def fmt(value: Decimal, places: int = 2) -> str:
    q = Decimal(1).scaleb(-places)
    return f"{value.quantize(q):f}"


def in_unit(value_yuan: Decimal, unit: str, places: int = 2) -> str:
    factor = MONEY_UNITS.get(unit, Decimal(1))
    return fmt(value_yuan / factor, places)
