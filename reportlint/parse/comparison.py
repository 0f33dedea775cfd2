"""Reading comparisons: "决算X，较上年Y减少Δ，下降r%", "收入X，上年为Y，增加Δ", "支出X，年初预算Y，增加Δ".

The subject's value is X. Y is the *reference* — last year's value, a budget, the same period of last year —
written either after a comparison word (较上年Y, 比年初预算Y) or in a clause of its own that says whose value it
is (上年为Y, 2022年度为Y, 年初预算Y after the actual X). A change after Y is X against Y, so Y is its base; a
其中 list after Y breaks down X, not Y.
"""

from __future__ import annotations

from typing import Final, Iterator, Protocol

from reportlint import patterns
from reportlint.parse.drafts import Draft
from reportlint.rules import vocabulary


class _Backwards(Protocol):
    """What ``is_reference`` reads the earlier drafts through: ``reversed()`` alone (a list, or the lazy
    ``breakdowns._Earlier``, which has no ``__iter__`` and so is no ``typing.Reversible``)."""

    def __reversed__(self) -> Iterator[Draft]: ...


COMPARED_TO: Final = patterns.compile(
    r"(比|较|与|同)(上年|去年|上年度|上一年|同期|\d{4}年|年初预算|全年预算|调整后预算|预算)"
    r"|(比|较)\p{Han}{1,8}?(预算|计划)")  # "较年初政府采购预算300万元节约14.40万元"


def is_reference(level: Draft, earlier: _Backwards) -> bool:
    """Whether ``level`` is the reference of a comparison rather than the subject's own value: named after a
    comparison word, or a value of the year before (or a budget) stated after the subject's current actual value
    of the same concept in the same sentence."""
    if COMPARED_TO.search(level.clause):
        return True
    for subject in reversed(earlier):
        if subject.sentence != level.sentence or subject.q.get("kind") not in ("level", "part"):
            continue
        if level.concept not in (None, subject.concept) or subject.unit != level.unit and not (
                subject.is_money_like() and level.is_money_like()):
            continue
        if vocabulary().previous_year_pattern.search(level.clause):
            return True  # "公务接待费2.36万元，上年同期为2.80万元"
        year, subject_year = level.q.get("year", ""), subject.q.get("year", "")
        if year and subject_year and year.isdigit() and subject_year.isdigit() and int(year) == int(subject_year) - 1:
            return True  # "本年收入1700万元，上年为1580万元"
        if level.q.get("state", "").startswith("budget") and subject.q.get("state") == "actual":
            return True  # "收入决算3850万元，年初预算3700万元"
        return False
    return False
