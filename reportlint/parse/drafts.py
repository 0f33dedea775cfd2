"""A figure while the parser labels it (``Draft``), and the helpers that the prose, table and relation
readers of ``facts.py`` share: units that fit a kind of concept, measures that can be added, the qualifiers
that make two figures comparable."""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal
from typing import Final, TYPE_CHECKING

from reportlint import patterns
from reportlint.document import Span, TablePlace

if TYPE_CHECKING:
    from reportlint.rules import Term, Vocabulary

_YEAR: Final = patterns.compile(r"((?:19|20)(?<!\d..)\d{2})\s*年")  # not after a digit (tested after "19"/"20": faster)
_RATE_LABEL_END: Final = patterns.compile(r"\p{Han}率\s*(?:为|达|达到|是)?\s*[:：]?\s*$")  # 满意率96%, 办结率达100%
_HAN: Final = patterns.compile(r"\p{Han}")


def han_at_least(text: str, count: int) -> bool:
    """Whether ``text`` holds ``count`` or more Han characters (found one after another, not all listed)."""
    pos = 0
    for _ in range(count):
        m = _HAN.search(text, pos)
        if m is None:
            return False
        pos = m.end()
    return True


_DIGIT: Final = patterns.compile(r"[0-9０-９]")
_FILLER: Final = patterns.compile(
    r"((?:19|20)\d{2}\s*年度?|合计|共计|总计|总额|金额|累计|余额|总数|全年|本年|当年|年度|年末|年初|截止|截至|实际|"
    r"共|为|是|达到|达|约|计|的|了|有|安排|□|[\s:：()“”\"'，,])"
)


@dataclass
class Draft:
    """A figure while it is being labelled (turned into a frozen Figure at the end)."""

    text: str
    value: Decimal
    decimals: int
    unit: str
    span: Span
    concept: str | None = None
    label: str = ""
    q: dict[str, str] = field(default_factory=dict)
    approx: str = ""
    direct: bool = False
    table: TablePlace | None = None
    sentence: int = -1
    block: int = -1
    id: int = -1
    clause: str = ""
    gap: str = ""  # the text between the previous figure of the sentence (or its start) and this one
    bracket_of: int = -1  # the figure whose bracket this one is written in ("2066万元（其中：…1920万元…）")

    # spelled out (the dataclass would make the same): the compiled build then builds drafts natively
    def __init__(self, text: str, value: Decimal, decimals: int, unit: str, span: Span, concept: str | None = None,
                 label: str = "", q: dict[str, str] | None = None, approx: str = "", direct: bool = False,
                 table: TablePlace | None = None, sentence: int = -1, block: int = -1, id: int = -1,  # noqa: A002
                 clause: str = "", gap: str = "", bracket_of: int = -1) -> None:
        self.text = text
        self.value = value
        self.decimals = decimals
        self.unit = unit
        self.span = span
        self.concept = concept
        self.label = label
        self.q = {} if q is None else q
        self.approx = approx
        self.direct = direct
        self.table = table
        self.sentence = sentence
        self.block = block
        self.id = id
        self.clause = clause
        self.gap = gap
        self.bracket_of = bracket_of

    def is_money_like(self) -> bool:
        return self.unit in ("元", "万元", "亿元")


_MONEY_NOUN_END: Final = set("费出入金额款资")


def names_a_count(vocab: Vocabulary, text: str, term: Term, end: int) -> bool:
    """Whether a money concept named without its money noun is followed by a count word: 公务用车购置数（辆）,
    国内公务接待批次, 公务接待人次 count cars and visits; they are not the money spent on them."""
    return (vocab.concepts[term.id].kind == "money" and term.text[-1] not in _MONEY_NOUN_END
            and text.startswith(vocab.count_after, end) and not text.startswith("数额", end))


def damage(text: str, value: Decimal, unit: str, gap: str, previous_unit: str | None) -> str:
    """Why a number cannot be read as a figure, or "": table cells run together ("877383.91%",
    "3555035550355501082.12%": a percentage of five or more integer digits), or an amount right after another
    amount with nothing between them ("较上年决算数120.50万元36.20万元": the verb of the clause is missing).
    "9500.00100%" (four integer digits and more decimals than anyone prints) is two cells run together too."""
    if unit == "%" and abs(value) >= 1000:
        decimals = len(text.split(".")[-1].rstrip("%").strip()) if "." in text else 0
        if abs(value) >= 10000 or decimals >= 3:
            return "damaged"
    if previous_unit is not None and unit and not gap.strip() and _same_measure(unit, previous_unit):
        return "damaged"
    return ""


PERSON_UNITS: Final = ("人", "名")


def unit_fits(kind: str, unit: str) -> bool:
    """Whether a figure with this unit can state a concept of this kind."""
    if kind == "money":
        return unit in ("元", "万元", "亿元", "")
    if kind == "count":
        return unit in PERSON_UNITS or unit == ""
    if kind == "rate":
        return unit == "%"
    if kind == "score":
        return unit in ("分", "")
    return True


def _same_measure(a: str, b: str) -> bool:
    money = ("元", "万元", "亿元")
    if a in money and b in money:
        return True
    return a == b


def _key(d: Draft) -> tuple[str, str, str, str, str]:
    q = d.q
    return (q.get("state", ""), q.get("year", ""), q.get("fund", ""), q.get("entity", ""), q.get("of", ""))

