"""Comparison words against the figures they compare (RL303).

"年初预算为A万元，支出决算为B万元，完成预算的r%。决算数小于预算数的主要原因是…": the words state which of two
figures is larger; the figures decide. The figures are the subject's actual amount and its budget stated
earlier in the same paragraph (the subject named before 决算数, or the paragraph's only pair). Rounding is
allowed for: a word is contradicted only when no values inside the printed precision agree with it.
"""

from __future__ import annotations

from typing import Final, Iterator

from decimal import Decimal
import re
from functools import lru_cache

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import half_units, value
from reportlint.document import Figure, Pos, Span
from reportlint.rules import RULES_DIR, load_toml, vocabulary


@lru_cache(maxsize=1)
def _words() -> tuple[dict[str, str], Decimal, "re.Pattern[str]"]:
    data = load_toml(RULES_DIR / "concepts.toml").get("comparison", {})
    sense: dict[str, str] = {}
    for kind in ("nearly_equal", "greater", "less", "equal"):
        for word in data.get(kind, ()):
            sense.setdefault(word, kind)
    alternatives = "|".join(sorted(sense, key=len, reverse=True))
    pattern = patterns.compile(
        r"(?P<subject>[^，,。；;]{0,30}?)(?:支出)?决算数?\s*(?:(?P<word>" + alternatives + r")(?:于)?\s*"
        r"(?P<ref>(?:年初|调整后|全年)?预算数?)|(?:与|和|同)\s*(?P<ref2>(?:年初|调整后|全年)?预算数?)\s*(?:相比)?\s*"
        r"(?P<word2>" + alternatives + r"))")
    return sense, Decimal(str(data.get("nearly_equal_tolerance", "0.05"))), pattern


def nearly_equal_tolerance() -> Decimal:
    """How far "基本持平/基本一致" may stray, as a share of the reference (``[comparison] nearly_equal_tolerance``)."""
    return _words()[1]


def _holds(sense: str, actual: Figure, budget: Figure, tolerance: Decimal) -> bool:
    """Whether some values within the printed precision of both figures agree with the word."""
    h_a, h_b = half_units([actual, budget])
    a, b = value(actual), value(budget)
    if sense == "greater":
        return a + h_a > b - h_b
    if sense == "less":
        return a - h_a < b + h_b
    if sense == "equal":
        return abs(a - b) <= h_a + h_b
    return abs(a - b) <= h_a + h_b + tolerance * abs(b)


def _levels_before(figures_of: dict[int, list[Figure]], sentence: int, block: int | None) -> list[Figure]:
    """The money levels of a block stated up to a sentence."""
    if block is None:  # the sentence is in no block
        return []
    return [f for f in figures_of.get(block, ()) if f.table is None and not f.approx and f.sentence <= sentence
            and f.qualifier("kind") == "level" and f.is_money]


def _blocks_and_figures(ctx: Context) -> tuple[dict[int, int], dict[int, list[Figure]]]:
    """Line → the first block that holds it, and block → its figures in order: worked out once a document
    rather than by a scan of every block and figure for each comparison."""
    block_of: dict[int, int] = {}
    for b in ctx.doc.blocks:
        for line in range(b.first_line, b.last_line + 1):
            block_of.setdefault(line, b.index)
    figures_of: dict[int, list[Figure]] = {}
    for f in ctx.doc.figures:
        figures_of.setdefault(f.block, []).append(f)
    return block_of, figures_of


def _pair(ctx: Context, sentence: int, subject_words: str, ref: str) -> tuple[Figure, list[Figure]] | None:
    """The actual amount and the budgets the comparison is about: figures of the paragraph before it, of the
    concept its subject names (or of the paragraph's only concept with both), one actual value."""
    doc = ctx.doc
    vocab = vocabulary()
    named = [t[2].id for t in vocab.find_terms(subject_words) if t[2].category == "concept"]
    line = doc.sentences[sentence][0]
    block_of, figures_of = ctx.once("comparisons:blocks", _blocks_and_figures)
    block = block_of.get(line)
    before = _levels_before(figures_of, sentence, block)
    if not before and block is not None and block > 0 and doc.blocks[block - 1].kind == "paragraph" \
            and not any(f.sentence == sentence for f in figures_of.get(block, ())):
        # "年初预算为A万元，支出决算为B万元。" then, a paragraph of its own, "决算数大于预算数的主要原因是…"
        before = _levels_before(figures_of, sentence, block - 1)
    if not before:
        return None
    concepts = [named[-1]] if named else sorted({f.concept for f in before if f.concept})
    for concept in concepts:
        mine = [f for f in before if f.concept == concept or f.concept is None and f.sentence == before[-1].sentence]
        actual = [f for f in mine if f.qualifier("state") == "actual"]
        budgets = [f for f in mine if f.qualifier("state").startswith("budget")]
        if "年初" in ref:
            budgets = [f for f in budgets if f.qualifier("state") in ("budget", "budget_initial")] or budgets
        if actual and budgets and len({value(f) for f in actual}) == 1 and (named or len(concepts) == 1):
            return actual[-1], budgets
    return None


def _word_span(ctx: Context, first: int, last: int, phrase: str, word: str) -> Span:
    """Where the comparison word stands: the first line of the sentence holding the phrase."""
    for line in range(first, last + 1):
        text = ctx.doc.line_text(line)
        at = text.find(word, max(0, text.find(phrase[:4]))) if phrase[:4] in text else -1
        if at >= 0:
            return Span(Pos(line, at + 1), Pos(line, at + 1 + len(word)))
    return Span(Pos(first, 1), Pos(first, 2))


def _relation_word(actual: Figure, budget: Figure) -> str:
    a, b = value(actual), value(budget)
    return "大于" if a > b else "小于" if a < b else "等于"


@rule("RL303", "comparison-word-mismatch", "warning")
def comparison_word_mismatch(ctx: Context) -> Iterator[Finding]:
    """比较用语与数字不符：“决算数大于（小于、等于）预算数”与报告写明的决算数、预算数相反。

    检查什么：“…支出决算数小于预算数的主要原因是…”等说法，与同一段前文写明的该项（“决算数”前点出的名称，
    没点名时为段内唯一同时有决算数和预算数的项）的决算数、预算数比较；各数按印出的位数取区间，区间内无论如何
    都不符合所说的大小关系才报。“基本持平”允许 5% 以内的差（``rules/concepts.toml`` 的 [comparison]）。

    会报：``“三公”经费支出预算为30.8万元，支出决算为35.7万元。决算数小于预算数的主要原因是…``。
    不会报：``…预算为30.8万元，支出决算为25.7万元，…决算数小于预算数的主要原因是…``。

    怎么改：按数字改正说法（大于/小于），或改正写错的数字。

    A comparison word (决算数大于/小于/等于预算数) contradicts the figures it compares.
    """
    sense_of, tolerance, pattern = _words()
    for sid, (first, last, text) in enumerate(ctx.doc.sentences):
        if "决算" not in text:
            continue
        for m in pattern.finditer(text):
            word, ref = m.group("word") or m.group("word2"), m.group("ref") or m.group("ref2")
            pair = _pair(ctx, sid, m.group("subject"), ref)
            if pair is None:
                continue
            actual, budgets = pair
            sense = sense_of[word]
            if any(_holds(sense, actual, b, tolerance) for b in budgets):
                continue
            budget = budgets[-1]
            span = _word_span(ctx, first, last, m.group(0), word)
            yield ctx.finding(
                "RL303", span,
                f"写作决算数“{word}”{ref}，但决算数 {actual.text}（{ctx.where(actual)}）"
                f"{_relation_word(actual, budget)}预算数 {budget.text}（{ctx.where(budget)}）",
                f"the text says the actual amount is '{word}' the budget, but it is {actual.text} "
                f"against {budget.text}",
                related=[(actual.span, f"决算数 {actual.text}", f"actual {actual.text}"),
                         (budget.span, f"预算数 {budget.text}", f"budget {budget.text}")],
                subject=f"compare:{actual.concept}:{word}", figures=[actual, budget],
                reading=f"比较的是 {actual.text} 与 {budget.text}", certainty="explicit",
            )


_ZERO_INITIAL: Final = patterns.compile(r"年初预算(?:数)?(?:为|是|[:：])?\s*0(?:\.0+)?\s*(?:万元|元)?(?![0-9.])")
_OF_INITIAL: Final = patterns.compile(r"(?:完成|执行|达到|占)(?:了)?年初预算(?:数)?的\s*([0-9]+(?:\.[0-9]+)?)\s*%")


@rule("RL305", "rate-against-zero-budget", "warning")
def rate_against_zero_budget(ctx: Context) -> Iterator[Finding]:
    """对零预算算出的完成率：年初预算为 0，却写“完成年初预算的 Y%”（Y 不为 0）——零不能作分母，这个比率多半是对调整后
    预算（或全年预算）算的，说法写错了对象。

    会报：``公务接待费年初预算为0万元，支出决算为5.00万元，完成年初预算的100%``。
    不会报：``年初预算为0万元，调整预算为5.00万元，完成调整预算的100%``；年初预算不为 0 时（由 RL201 核对比率）。

    怎么改：写明比率的分母（“完成调整预算的Y%”），或写“年初未安排预算”。

    A completion rate "of the initial budget" when the initial budget is zero.
    """
    sentences = ctx.doc.sentences
    for sid, (first, last, own) in enumerate(sentences):
        if "年初预算" not in own or _OF_INITIAL.search(own) is None:
            continue
        # the budget may be stated in the sentences just before ("年初预算数：0.00万元；全年预算数：48.00万元。")
        earlier = [sentences[k][2] for k in range(max(0, sid - 2), sid) if sentences[k][1] >= first - 2]
        text = "".join(earlier) + own
        zero, rate = _ZERO_INITIAL.search(text), _OF_INITIAL.search(text, len(text) - len(own))
        if zero is None or rate is None or zero.start() > rate.start() or Decimal(rate.group(1)) == 0:
            continue
        if "年初预算" in text[zero.end():rate.start()] or "；" in text[zero.end():rate.start()]:
            continue  # another item's budget between them: the rate may be that item's
        figure = next((f for f in ctx.doc.figures if f.sentence == sid and f.unit == "%"
                       and f.value == Decimal(rate.group(1))), None)
        if figure is None:
            continue
        yield ctx.finding(
            "RL305", figure.span,
            f"年初预算为 0，却写“完成年初预算的 {rate.group(1)}%”：零不能作分母，这个比率应是对调整后预算算的",
            f"a rate of {rate.group(1)}% 'of the initial budget', which is zero",
            subject=f"zero-initial:{sid}", figures=[figure], reading="年初预算写明为 0", certainty="explicit",
        )
