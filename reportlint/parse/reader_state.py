"""What the readers of ``facts.Extractor`` share: the drafts and relations read so far, the vocabulary, the
report's year and the bookkeeping of open breakdowns — and the vocabulary lookup every reader uses.

The readers (``breakdowns``, ``shares``, ``relation_facts``, ``table_facts``, ``facts``) form one line of
classes, each adding its readings to the one before: ``ReaderState`` ← ``BreakdownReader`` ← ``ShareReader`` ←
``RelationFinder`` ← ``TableReader`` ← ``Extractor``. One line rather than mixins, so that the compiled build
(mypyc) can compile them as native classes with their attributes declared here once.
"""

from __future__ import annotations

from typing import Final, Any, Optional

from reportlint import patterns
from reportlint.document import Relation
from reportlint.parse.drafts import _HAN, Draft, names_a_count
from reportlint.parse.normalize import NormText
from reportlint.rules import MEMO_SIZE, MEMO_TEXT, Term, Vocabulary

TermHit = tuple[int, int, Term]  # (start, end, term) of a vocabulary word found in a text
# an open breakdown: its total, parts, list words and place (a dict while the list may still go on)
Breakdown = dict[str, Any]
SumKey = tuple[Optional[int], tuple[int, ...]]  # (total, sorted parts) of a sum already read

_CLASS_MARK_BEFORE: Final = patterns.compile(r"\((?:类|款|项)\)\s*$")
_SPACE: Final = patterns.compile(r"\s")


def _class_marked(text: str, end: int) -> bool:
    """_CLASS_MARK_BEFORE in ``text[:end]``, searched from where a match can start — the ")" before the
    trailing blanks — not from the start of a long sentence for each of its terms."""
    k = end
    while k > 0 and _SPACE.match(text, k - 1, k):
        k -= 1
    if k < 3 or text[k - 1] != ")":
        return False
    return bool(_CLASS_MARK_BEFORE.search(text, k - 3, end))


_GLUE_CHARS: Final = set("为是共计达合总额数约近有的了年")
# what may stand right before 项目支出 when it is the department's (本年度项目支出, 部门预算项目支出, 基本支出和项目支出,
# 二级机构项目支出); any other character joins a project's name to it
_BEFORE_PROJECT: Final = set("度及和与或算门位构级其中入列")


class ReaderState:
    """The state of one report's reading, and the lookups every reader needs."""

    def __init__(self, vocab: Vocabulary, doc_year: int | None) -> None:
        self.vocab = vocab
        self.doc_year = doc_year
        self.drafts: list[Draft] = []
        # None: the place of a list not closed yet (facts.flush fills it in; figures() drops those left empty)
        self.relations: list[Relation | None] = []
        self.sentences: list[tuple[int, int, str]] = []
        self.sentence_figures: list[list[int]] = []
        # what a sentence opens with, before its first figure: (concept, state, year) — the subject of a
        # change stated without its current amount
        self.sentence_heads: dict[int, tuple[str, str, str]] = {}
        self._open: list[Breakdown] = []  # breakdowns not yet turned into relations (their list may go on)
        self._carry: Breakdown | None = None  # the breakdown the next paragraph may continue
        self._item: str | None = None  # the subject of the enumerated item being read (lists._item_subject)
        self._item_start = False  # whether the paragraph being read opens with an item marker (1、, （二）, ③)
        self._sum_keys: set[SumKey] = set()  # (total, sorted parts) of the breakdowns and identities so far
        self._sum_upto = 0  # how many of self.relations _sum_keys has seen (relation_facts._known_sums)
        self._part_of: dict[int, tuple[int, int | None]] = {}  # part → (index, total) of its last breakdown so far
        self._concept_index: dict[str | None, list[int]] = {}  # concept → ids of its drafts (relation_facts._earlier)
        self._indexed = 0  # how many drafts _concept_index holds

    # the Extractor's (facts.py): declared here for the readers that call them (table_facts)
    def paragraph(self, norm: NormText, block: int) -> None:
        raise NotImplementedError

    def flush(self, keep: Breakdown | None = None) -> None:
        raise NotImplementedError

    def _terms(self, text: str) -> tuple[TermHit, ...]:
        """Vocabulary words in ``text``, dropping short generic words glued into an unknown compound
        (工资福利支出, 事业收入, 结余分配): those name something the vocabulary does not know."""
        vocab = self.vocab
        memo = vocab.memo
        key = ("terms", text)
        cached = memo.get(key)
        if cached is not None:
            return cached  # type: ignore[return-value]  # the memo holds this function's results under "terms"
        found = vocab.find_terms(text)
        kept: list[TermHit] = []
        ends = {e for _, e, _ in found}
        starts = {s for s, _, _ in found}
        concept_starts = {s for s, _, t in found if t.category == "concept"}
        for s, e, term in found:
            if (term.category == "concept" and term.text in vocab.fund_words and "收入" not in term.text
                    and (text.startswith("支出", e) or e in concept_starts)):
                # "一般公共预算财政拨款支出", "…财政拨款基本支出": the fund of the spending named after it
                term = Term(term.text, "fund", vocab.fund_words[term.text])
            if term.category == "concept" and term.text.startswith("项目") and s > 0 and s not in ends:
                before = text[s - 1]
                if _HAN.match(before) and before not in _GLUE_CHARS and before not in _BEFORE_PROJECT:
                    continue  # "乡村振兴项目支出": one named project's spending, not the department's 项目支出
            if term.category == "concept" and names_a_count(vocab, text, term, e):
                continue  # "公务用车购置数", "公务接待批次": a count of cars or of visits, not the money spent on them
            if term.category == "concept" and self.vocab.concepts[term.id].generic and _class_marked(text, s):
                continue  # "一般公共服务（类）支出": a functional class's spending, not the total
            if term.category == "concept" and len(term.text) <= 2:
                before = text[s - 1] if s > 0 else ""
                after = text[e] if e < len(text) else ""
                if _HAN.match(before) and s not in ends and before not in _GLUE_CHARS:
                    continue
                if _HAN.match(after) and e not in starts and after not in _GLUE_CHARS:
                    continue
            kept.append((s, e, term))
        result = tuple(kept)
        if len(text) <= MEMO_TEXT:
            if len(memo) >= MEMO_SIZE:
                memo.clear()
            memo[key] = result
        return result
