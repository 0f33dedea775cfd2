"""Reading breakdowns: which figure a 其中 list, a bracketed list or a list before 合计 breaks down, and which
items belong to it. A mixin of ``facts.Extractor`` (which gives it ``vocab``, ``drafts``, ``relations`` and
``sentences``)."""

from __future__ import annotations

from typing import Final, Iterator

from reportlint import patterns
from reportlint.document import Relation
from reportlint.parse.comparison import is_reference
from reportlint.parse.drafts import Draft, _same_measure
from reportlint.parse.lists import _counted_classes, _score_breakdown
from reportlint.parse.reader_state import Breakdown, ReaderState

_CLAUSE_BREAK: Final = patterns.compile(r"[，,;；:：。]")


class BreakdownReader(ReaderState):
    def _bracketed_breakdown(self, total_id: int, member_ids: list[int]) -> None:
        """"局本级187人（在职在编139人、退休人员8人、协管员40人）": the counts listed in brackets right after a
        total, in its unit, make it up. Not said in so many words, so a mismatch is a warning. Amounts of money
        in brackets are left alone: they often name only the larger sources."""
        total = self.drafts[total_id]
        parts = [i for i in member_ids if self.drafts[i].q.get("kind") == "level" and not self.drafts[i].approx
                 and _same_measure(self.drafts[i].unit, total.unit)]
        if total.is_money_like():
            return  # "总投资500万元（中央资金300万元、省级资金150万元）" often names only the larger sources
        if total.q.get("kind") == "level" and not total.approx and len(parts) >= 2:
            self.relations.append(Relation("breakdown", total_id, tuple(parts), complete=True, explicit=False,
                                           note="bracketed"))

    def _sibling(self, breakdown: Breakdown | None, concept: str | None) -> bool:
        """Whether ``concept`` is another part, beside the ones listed, of the breakdown's total (by an identity)."""
        if breakdown is None or concept is None or not breakdown["parts"]:
            return False
        total = self.drafts[breakdown["total"]].concept
        listed = {self.drafts[p].concept for p in breakdown["parts"]}
        for identity in self.vocab.identities:
            if identity.total != total and not (total is None and None not in listed):
                continue  # a total the vocabulary cannot name ("本单位支出为…"): its listed parts tell the identity
            members = set(identity.members)
            for sub in self.vocab.identities:  # 公务用车购置及运行维护费 may be named by its own parts
                if sub.exact and sub.total in members:
                    members |= set(sub.parts)
            if concept in members and listed <= members and concept not in listed:
                return True
        return False

    def _parallel(self, breakdown: Breakdown | None, concept: str | None, label: str) -> bool:
        """Whether an item the vocabulary cannot name is worded like the first item of the list
        ("一般公共服务（类）支出800万元；社会保障和就业（类）支出200万元"): the same ending of the name."""
        if breakdown is None or concept is not None or not breakdown["parts"]:
            return False
        first = self.drafts[breakdown["parts"][0]]
        if first.concept is not None:
            return False
        name = _CLAUSE_BREAK.split(label)[-1].strip()
        first_name = first.clause
        return (len(name) >= 4 and len(first_name) >= 4 and name[-2:] == first_name[-2:]
                and not self.vocab.change_pattern.search(name))

    def _breakdown_total(self, ids: list[int], unit: str, named: str | None = None) -> int | None:
        """The figure "其中" breaks down: the last amount before it, passing over a reference amount that only
        serves a comparison ("…为年初预算数6180万元的78.56%。其中…"); none after a stated difference. A list
        that names its total ("支出包括：…") breaks down the last figure of that concept, or none stated."""
        if named is not None:
            for fid in reversed(ids):
                d = self.drafts[fid]
                if d.concept == named and d.q.get("kind") == "level" and _same_measure(d.unit, unit):
                    return fid
            return None
        for k in range(len(ids) - 1, -1, -1):
            d = self.drafts[ids[k]]
            kind = d.q.get("kind")
            if kind == "difference":
                return None  # "支出a，预算b，差值c。其中：…": each item goes on to compare its own pair
            if kind != "level":
                continue
            following = self.drafts[ids[k + 1]] if k + 1 < len(ids) else None
            if following is not None and following.unit == "%" and following.clause.strip(" ，,") in ("的", ""):
                continue
            if d.bracket_of >= 0 or is_reference(d, _Earlier(self.drafts, ids, k)):
                continue  # "X（含Y）。其中…", "支出决算X，年初预算Y。其中…": the list breaks down X
            return ids[k] if _same_measure(d.unit, unit) else None
        return None

    def _listed_total(self, fid: int, ids: list[int]) -> None:
        """"第一期80万元，第二期70万元，第三期55.5万元，合计205.5万元": the items listed before a 合计 add up to it."""
        total = self.drafts[fid]
        parts = []
        for prev in reversed(ids[:-1]):
            d = self.drafts[prev]
            if d.q.get("kind") in ("change", "change-rate", "share", "rate", "percent"):
                continue
            if d.q.get("kind") != "level" or d.approx or not _same_measure(d.unit, total.unit):
                break
            parts.append(prev)
        if len(parts) >= 2:
            self.relations.append(Relation("breakdown", fid, tuple(reversed(parts)), complete=True, explicit=True,
                                           note="listed"))

    def _breakdown_relation(self, breakdown: Breakdown) -> Relation | None:
        total = self.drafts[breakdown["total"]]
        parts = tuple(breakdown["parts"])
        owner = self._total_that_has(total, [self.drafts[p] for p in parts])
        if owner is None:
            return None  # no figure stated before the list can have these parts: no relation to judge
        if owner is not total:
            return Relation("breakdown", owner.id, parts, complete=False, explicit=False, note="owner")
        complete = False
        part_concepts = sorted(self.drafts[p].concept or "" for p in parts)
        for identity in self.vocab.identities:
            if identity.total != total.concept:
                continue
            if sorted(identity.parts) == part_concepts and identity.exact:
                complete = True
            elif identity.optional and set(part_concepts) == identity.members:
                complete = True  # every part, the optional ones included: an equality
        if not complete and _counted_classes(self.sentences[total.sentence][2] if total.sentence >= 0 else "", len(parts)):
            complete = True  # "主要有部门预算项目支出、专项预算支出二类支出…其中…": the list is said to be all of it
        if not complete and _score_breakdown(total, [self.drafts[p] for p in parts]):
            # "自评得分92分，其中：预算执行率得分9分，产出指标得分46分，效益指标得分28分，满意度指标得分9分"
            return Relation("breakdown", total.id, parts, complete=True, explicit=False, note="scores")
        return Relation("breakdown", total.id, parts, complete=complete, explicit=True)

    def _total_that_has(self, total: Draft, parts: list[Draft]) -> Draft | None:
        """The figure a 其中 list breaks down, given its parts: the nearest figure before the list when its
        concept can have them (by the identities), else the last earlier figure of the paragraph whose concept
        can ("本年支出合计A…年末结转结余B。其中，基本支出…项目支出…": A), else none."""
        known = [p.concept for p in parts if p.concept is not None]
        if total.concept is None or not known:
            return total
        owners = frozenset.intersection(*(self.vocab.parents(c) for c in known))
        if not owners or total.concept in owners or total.concept in known:
            return total
        if any(total.concept in self._ancestors(c) for c in known):
            return total  # 人员经费 is a part of 基本支出, itself a part of 支出合计
        wider = set(owners).union(*(self._ancestors(o) for o in owners))
        for d in reversed(self.drafts[: total.id]):
            if d.block != total.block:
                break
            if d.concept in wider and d.q.get("kind") == "level" and _same_measure(d.unit, total.unit):
                return d
        return None

    def _ancestors(self, concept: str) -> set[str]:
        seen: set[str] = set()
        todo = [concept]
        while todo:
            for parent in self.vocab.parents(todo.pop()):
                if parent not in seen:
                    seen.add(parent)
                    todo.append(parent)
        return seen


class _Earlier:
    """The drafts of ``ids[:k]``, read from the last one back only as far as ``is_reference`` needs (a list
    built for each 其中 of a long sentence would make the sentence quadratic)."""

    def __init__(self, drafts: list[Draft], ids: list[int], k: int) -> None:
        self.drafts, self.ids, self.k = drafts, ids, k

    def __reversed__(self) -> Iterator[Draft]:
        drafts, ids = self.drafts, self.ids
        return (drafts[ids[i]] for i in range(self.k - 1, -1, -1))
