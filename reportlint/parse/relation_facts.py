"""Relations among the figures of a paragraph — identities, year-on-year changes, adjustments, stated
differences, balances and rates: a mixin of ``facts.Extractor`` (which gives it ``vocab``, ``drafts``,
``relations``, ``sentences``, ``sentence_figures`` and ``sentence_heads``)."""

from __future__ import annotations

from bisect import bisect_left
from typing import Final, Iterator

from reportlint import patterns
from reportlint.document import Relation
from reportlint.parse.comparison import is_reference
from reportlint.parse.drafts import _FILLER, _HAN, _RATE_LABEL_END, Draft, _key, _same_measure
from reportlint.parse.reader_state import SumKey
from reportlint.parse.shares import ShareReader

_OPENS_WITH_COMPARISON: Final = patterns.compile(r"\s*(?:同比|较|比|与)")
_NOT_DONE: Final = patterns.compile(r"未|尚未|没有|部分完成|正在")
_CLAUSE_GROUP_END: Final = patterns.compile(r"[;；。]")


def _same_scope(a: Draft, b: Draft) -> bool:
    return (a.q.get("year") == b.q.get("year") and a.q.get("fund") == b.q.get("fund")
            and a.q.get("entity") == b.q.get("entity") and a.concept == b.concept)


def _in_state(d: Draft, state: str) -> bool:
    """Whether a figure is in the state a rate wants ("" any; "budget" any budget)."""
    return not state or d.q.get("state", "").startswith(state)


def _unnamed_between(numerator: Draft, budget: Draft, rate: Draft) -> bool:
    """"支出决算为7.8万元，完成预算10万元的78.0%", "部门整体支出全年预算数为1200.00万元，实际支出1180.00万元，
    预算执行率为98.33%": a budget without a name of its own, stated in the rate's sentence (between the actual
    amount and the rate, or with both), is a candidate denominator."""
    return ((budget.concept is None or numerator.concept is None) and budget.id < rate.id
            and budget.sentence == rate.sentence
            and (numerator.id < budget.id or numerator.sentence == rate.sentence)
            and all(numerator.q.get(k) == budget.q.get(k) for k in ("year", "fund", "entity")))


# what may name a budget adjustment besides the change word: "年中追加预算", "调增资金"
_YEAR_ON_YEAR: Final = patterns.compile(r"(?:比|较|与)\s*(?:上年|去年|上年度|上一年|(?:19|20)[0-9]{2}\s*年)|同比")
_ADJUSTMENT_WORDS: Final = patterns.compile(r"年中|年内|预算|资金|经费")


class RelationFinder(ShareReader):
    """The relations a paragraph states between its figures, once its sentences have been read."""

    def _paragraph_relations(self, sentence_ids: list[int]) -> None:
        """Identities, rates and year-on-year changes among the figures of one paragraph."""
        figures = [f for sid in sentence_ids for f in self.sentence_figures[sid]]
        previous: list[int] = []
        for sid in sentence_ids:
            ids = self.sentence_figures[sid]
            if not ids:
                previous = ids
                continue  # a sentence without figures states no relation
            if len(ids) < 3:  # too few for an identity, adjustment, change of a year, difference or balance
                self._changes(self._continued(previous, sid, ids))
                previous = ids
                continue
            self._identities(ids)
            mark = len(self.relations)
            self._changes(self._continued(previous, sid, ids))
            self._adjustments(ids)
            self._year_on_year(ids, self.relations[mark:])
            self._differences(ids)
            self._balances(ids)
            previous = ids
        if len(sentence_ids) > 1:
            self._identities(figures, paragraph=True)  # "三公经费…2771万元。…因公出国（境）经费120万元；…"
        self._rates(figures)

    def _continued(self, previous: list[int], sid: int, ids: list[int]) -> list[int]:
        """"收入792.22万元。同比上年度增加189.25万元，增加31.39%。": a sentence that opens with the comparison
        goes on about the last amount of the sentence before it, which it takes as its level."""
        if not ids or not previous or not _OPENS_WITH_COMPARISON.match(self.sentences[sid][2]):
            return ids
        first = self.drafts[ids[0]]
        if first.q.get("kind") != "change" or first.concept is not None:
            return ids
        levels = [i for i in previous if self.drafts[i].q.get("kind") in ("level", "part")]
        if not levels:
            return ids
        self._known_sums()  # brings _part_of up to date
        listed = self._part_of.get(levels[-1])
        totals = [listed[1]] if listed else []  # the last breakdown that lists it, in the order of self.relations
        totals += [item["total"] for item in self._open if levels[-1] in item["parts"]]
        if totals:
            # "“三公”经费a，其中：…公务接待费b。与上年相比减少Δ": after a 其中 list the comparison is the total's
            return [totals[-1], *ids] if totals[-1] in previous else ids
        return [levels[-1], *ids]

    def _identities(self, ids: list[int], paragraph: bool = False) -> None:
        """Identities among the level figures of ``ids`` that share the total's qualifiers. Across a
        paragraph (``paragraph``) a part that names no entity is taken in the scope of the total
        ("行政事业单位…“三公”经费决算总额2771万元…分项情况是：因公出国（境）经费决算120万元…")."""
        drafts = [self.drafts[i] for i in ids if self.drafts[i].q.get("kind") == "level" and not self.drafts[i].approx]
        if len(drafts) < 3:
            return  # a total and at least two parts
        concepts = {d.concept for d in drafts}
        existing: set[SumKey] | None = None
        for identity in self.vocab.identities:
            if identity.total not in concepts:
                continue
            totals = [d for d in drafts if d.concept == identity.total]
            for total in totals:
                key = _key(total)
                if sum(1 for t in totals if _key(t) == key) > 1:
                    continue  # several figures could be the total: no unique reading, so no identity to judge
                parts: list[int] = []
                for concept in identity.parts + identity.optional:
                    match = [d for d in drafts if d.concept == concept and _same_measure(d.unit, total.unit)
                             and (_key(d) == key or paragraph and not d.q.get("entity") and _key(d)[:3] == key[:3]
                                  and _key(d)[4:] == key[4:])]
                    if concept in identity.optional:
                        if len(match) == 1 and parts:
                            parts.append(match[0].id)  # "…，资本性支出400万元": an optional part that is stated
                        continue
                    if len(match) != 1:
                        parts = []
                        break
                    parts.append(match[0].id)
                if parts and existing is None:
                    existing = self._known_sums()
                if existing is not None and parts and (total.id, tuple(sorted(parts))) not in existing:
                    self.relations.append(Relation("identity", total.id, tuple(parts), complete=identity.exact,
                                                   explicit=False, note=identity.name))

    def _earlier(self, concepts: tuple[str | None, ...], before: int) -> list[Draft]:
        """The drafts of any of ``concepts`` with an id below ``before``, in order: from an index by concept kept
        up to date as drafts are read (a draft's concept is set before it is added), not a scan of every
        draft of the report for each rate or change."""
        index, drafts = self._concept_index, self.drafts
        for k in range(self._indexed, len(drafts)):
            index.setdefault(drafts[k].concept, []).append(k)
        self._indexed = len(drafts)
        ids: list[int] = []
        for concept in dict.fromkeys(concepts):
            found = index.get(concept, [])
            ids += found[:bisect_left(found, before)]
        return [drafts[k] for k in sorted(ids)]

    def _known_sums(self) -> set[SumKey]:
        """(total, sorted parts) of every breakdown and identity found so far: the relations added since the
        last call are read (flush() adds the lists it closes), not the whole report's again for each sentence."""
        relations = self.relations
        for k in range(self._sum_upto, len(relations)):
            relation = relations[k]
            if relation is not None:
                self._index_relation(k, relation)
        self._sum_upto = len(relations)
        return self._sum_keys

    def _index_relation(self, index: int, r: Relation) -> None:
        """Note relation ``index`` in _sum_keys and, for a breakdown, in _part_of."""
        if r.kind in ("breakdown", "identity"):
            self._sum_keys.add((r.total, tuple(sorted(r.parts))))
        if r.kind == "breakdown":
            for p in r.parts:
                if index >= self._part_of.get(p, (-1, None))[0]:
                    self._part_of[p] = (index, r.total)

    def _changes(self, ids: list[int]) -> None:
        for pos, fid in enumerate(ids):
            rate = self.drafts[fid]
            if rate.q.get("kind") != "change-rate" or rate.approx:
                continue
            delta = None
            for prev in reversed(ids[:pos]):
                d = self.drafts[prev]
                if d.q.get("kind") == "change":
                    delta = d
                    break
                if d.q.get("kind") in ("change-rate", "level", "part"):
                    break  # another rate, or the amount itself: no change stated between them
            if (delta is None and pos + 1 < len(ids) and self.drafts[ids[pos + 1]].q.get("kind") == "change"
                    and self._same_change_after(rate, self.drafts[ids[pos + 1]])):
                delta = self.drafts[ids[pos + 1]]  # "较上年增长7.27%，增加80.00万元": the rate first
                anchor = pos
            else:
                anchor = ids.index(delta.id) if delta is not None else pos
            if delta is None or delta.q.get("direction") != rate.q.get("direction") or delta.approx:
                continue
            level = None
            for prev in reversed(ids[:anchor]):
                d = self.drafts[prev]
                if d.q.get("kind") in ("level", "part") and _same_measure(d.unit, delta.unit):
                    level = d
                    if d.bracket_of >= 0 and delta.bracket_of != d.bracket_of:
                        # "2066万元（其中：…146万元），减少12万元": the change after a bracket is its owner's
                        level = self.drafts[d.bracket_of]
                    break
                if d.q.get("kind") in ("change", "change-rate"):
                    break
            if level is None:
                level = self._stated_level(delta)
            if level is None or level.approx:
                continue
            direction = 1 if rate.q.get("direction") == "+" else -1
            # "2665.79万元，比上年2500.00万元增加165.79万元": the figure before the change is the base itself
            is_base = is_reference(level, [self.drafts[p] for p in ids if p < level.id])
            self.relations.append(Relation("change", level.id, (delta.id,), result=rate.id, explicit=True,
                                           direction=direction, note="base" if is_base else ""))
            if is_base:
                # the subject's own value: the level before, passing over another comparison's reference
                # ("决算X，较上年Y减少Δ，较年初预算Z减少Δ′": Δ′ is X against Z, not Y against Z)
                current = next((self.drafts[p] for p in reversed(ids[: ids.index(level.id)])
                                if self.drafts[p].q.get("kind") in ("level", "part")
                                and not is_reference(self.drafts[p], [self.drafts[e] for e in ids if e < p])), None)
                if current is not None and not current.approx and _same_measure(current.unit, level.unit):
                    against_budget = "预算" in level.clause  # "24.60万元，比预算30.00万元节约5.40万元"
                    self.relations.append(Relation("adjust", current.id, (level.id, delta.id), explicit=True,
                                                   direction=direction,
                                                   note="budget-change" if against_budget else "change"))

    def _same_change_after(self, rate: Draft, delta: Draft) -> bool:
        """Whether a change stated after its rate ("较上年增长7.27%，增加80.00万元") is the same comparison:
        in the rate's clause group (no 。；between them), not in a reason clause ("下降20.73%，主要是…减少
        12687.32万元" names a narrower subject's change) and naming no other concept."""
        if delta.sentence != rate.sentence or delta.concept not in (None, rate.concept):
            return False
        between = delta.gap  # the change comes right after the rate
        return not (_CLAUSE_GROUP_END.search(between) or self.vocab.reason_pattern.search(between))

    def _stated_level(self, delta: Draft) -> Draft | None:
        """"2017年度“三公”经费支出决算数比2016年度减少0.28万元，降低3.09%": the amount that changed is not
        in the sentence; it is the one stated earlier for the sentence's subject (its concept, state, year,
        fund and entity), when every earlier statement of it agrees."""
        head = self.sentence_heads.get(delta.sentence)
        if head is None or self.sentence_figures[delta.sentence][0] != delta.id:
            return None  # only the sentence's first figure speaks of the subject it opens with
        concept, state, year = head
        found = [d for d in self._earlier((concept,), delta.id) if d.concept == concept and d.q.get("kind") == "level"
                 and not d.approx and _same_measure(d.unit, delta.unit) and d.q.get("year", "") == year
                 and d.q.get("state", "") == (state or "actual") and not d.q.get("of")
                 and all(d.q.get(k) == delta.q.get(k) for k in ("fund", "entity"))]
        if not found or len({(d.value, d.unit) for d in found}) != 1:
            return None
        return found[-1]

    def _balances(self, ids: list[int]) -> None:
        """"年初结转和结余A，本年收入B，本年支出C，年末结转和结余D": D = A + B − C."""
        drafts = [self.drafts[i] for i in ids if self.drafts[i].q.get("kind") == "level" and not self.drafts[i].approx]
        found = {}
        for concept in ("carryover_begin", "income_total", "expenditure_total", "carryover_end"):
            match = [d for d in drafts if d.concept == concept and not d.q.get("of")]
            if len(match) != 1:
                return
            found[concept] = match[0]
        keys = {(d.q.get("year"), d.q.get("fund"), d.q.get("entity")) for d in found.values()}
        if len(keys) == 1 and all(d.is_money_like() for d in found.values()):
            self.relations.append(Relation(
                "balance", found["carryover_end"].id,
                (found["carryover_begin"].id, found["income_total"].id, found["expenditure_total"].id), explicit=True))

    def _adjustments(self, ids: list[int]) -> None:
        """"由年初预算X调整为Y，调增Δ", "年初预算X，年中追加预算Δ，全年预算Y": Y = X ± Δ."""
        drafts = [self.drafts[i] for i in ids]
        for pos, initial in enumerate(drafts):
            if initial.q.get("state") != "budget_initial" or initial.q.get("kind") != "level" or initial.approx:
                continue
            rest = drafts[pos + 1:pos + 3]
            if len(rest) < 2:
                continue
            adjusted, delta = rest if rest[1].q.get("kind") == "change" else rest[::-1]
            bare = _ADJUSTMENT_WORDS.sub("", self.vocab.change_pattern.sub("", delta.clause))
            if _HAN.search(_FILLER.sub("", bare)):
                continue  # "…其中某项调增Δ": a part of the change, not the change itself
            if (adjusted.q.get("state") == "budget_adjusted" and adjusted.q.get("kind") == "level"
                    and delta.q.get("kind") == "change" and not adjusted.approx and not delta.approx
                    and _same_measure(initial.unit, adjusted.unit) and _same_measure(initial.unit, delta.unit)):
                direction = 1 if delta.q.get("direction") == "+" else -1
                self.relations.append(Relation("adjust", adjusted.id, (initial.id, delta.id), explicit=True,
                                               direction=direction))

    def _year_on_year(self, ids: list[int], just_read: list[Relation | None]) -> None:
        """"2023年收入总计X，上年收入总计Y，比上年增加Δ" and "本年支出X，比上年Y减少Δ" with no rate after Δ (a rate
        makes it ``_changes``'s): X = Y ± Δ, when Y is X's value of the year before, stated right after X."""
        taken = {r.total for r in just_read if r is not None and r.kind == "adjust"}  # _changes' and _adjustments'
        # readings of this sentence (not a scan of every relation so far, per sentence: quadratic)
        for current, reference, delta in zip(ids, ids[1:], ids[2:]):
            x, y, d = self.drafts[current], self.drafts[reference], self.drafts[delta]
            if current in taken or x.q.get("kind") != "level" or y.q.get("kind") != "level" or d.approx \
                    or d.q.get("kind") != "change" or x.approx or y.approx or x.concept is None:
                continue
            if y.concept not in (None, x.concept) or not (_same_measure(x.unit, y.unit) and _same_measure(x.unit, d.unit)):
                continue
            following = ids.index(delta) + 1
            if following < len(ids) and self.drafts[ids[following]].q.get("kind") == "change-rate":
                continue
            year, reference_year = x.q.get("year", ""), y.q.get("year", "")
            if not (year.isdigit() and reference_year.isdigit() and int(reference_year) == int(year) - 1):
                continue
            if not is_reference(y, [self.drafts[i] for i in ids if i < reference]) \
                    or not (_YEAR_ON_YEAR.search(d.clause) or _YEAR_ON_YEAR.search(y.clause)):
                continue
            bare = _YEAR_ON_YEAR.sub("", self.vocab.change_pattern.sub("", d.clause))
            if _HAN.search(_FILLER.sub("", bare)):
                continue  # "其中基本支出比上年增加Δ": another subject's change
            direction = 1 if d.q.get("direction") == "+" else -1
            self.relations.append(Relation("adjust", current, (reference, delta), explicit=True, direction=direction,
                                           note="change"))

    def _differences(self, ids: list[int]) -> None:
        """"X支出a，年初预算为b，差值（差额）为c": c = |a − b|, for two figures of one concept just before c
        (or 收入 and 支出 before 收支结余)."""
        for pos in range(2, len(ids)):
            diff = self.drafts[ids[pos]]
            if diff.q.get("kind") != "difference" or diff.approx:
                continue
            a, b = self.drafts[ids[pos - 2]], self.drafts[ids[pos - 1]]
            same = a.concept is not None and a.concept == b.concept
            income_less_spending = {a.concept, b.concept} == {"income_total", "expenditure_total"} \
                and a.q.get("year") == b.q.get("year")  # "收入1200万元，支出1180万元，收支结余20万元"
            if (a.q.get("kind") == b.q.get("kind") == "level" and not a.approx and not b.approx
                    and (same or income_less_spending)
                    and _same_measure(a.unit, b.unit) and _same_measure(a.unit, diff.unit)):
                self.relations.append(Relation("difference", diff.id, (a.id, b.id), explicit=True, note="difference"))

    def _rate_over_stated_budget(self, rate: Draft, numerator: Draft) -> None:
        """"实际支出450.00万元，预算执行率90.00%" with the budget (or a project's 年度资金总额) stated earlier in
        the report: every such budget of the actual amount's scope is a candidate denominator (a warning)."""
        concepts = ("project_fund_total",) if numerator.concept is None else (numerator.concept, "project_fund_total")
        budgets = [d for d in self._earlier(concepts, numerator.id) if d.q.get("kind") == "level" and not d.approx
                   and d.q.get("state", "").startswith("budget") and d.is_money_like()
                   and (d.concept == numerator.concept is not None or d.concept == "project_fund_total")
                   and all(d.q.get(k) == numerator.q.get(k) for k in ("year", "fund", "entity"))]
        if budgets:
            self.relations.append(Relation("rate", None, (), result=rate.id, explicit=False,
                                           alternatives=tuple((numerator.id, d.id) for d in budgets)))

    def _named_rate(self, rate: Draft, ids: list[int]) -> None:
        """A rate the vocabulary defines (资金到位率 = 实际到位资金 / 年度资金总额, 人员控制率 = 实有人数 / 编制数)
        stated in prose: its numerator in the paragraph, its denominator there or earlier in the report."""
        for rid in self.vocab.rates:
            if rid.result != rate.concept:
                continue
            here = [self.drafts[i] for i in ids if i < rate.id]
            numerators = [d for d in here if d.q.get("kind") == "level" and not d.approx
                          and _in_state(d, rid.numerator_state)
                          and (d.concept == rid.numerator or rid.numerator_state and d.concept is None
                               and d.sentence == rate.sentence)]  # "政府采购预算50万元，实际采购45万元，…执行率90%"
            if not numerators:
                continue
            scope = [d for d in self._earlier((rid.denominator,), rate.id) if d.concept == rid.denominator
                     and d.q.get("kind") == "level"
                     and not d.approx and _in_state(d, rid.denominator_state) and d not in numerators
                     and all(d.q.get(k) == numerators[-1].q.get(k) for k in ("year", "fund", "entity"))]
            pairs = tuple((n.id, d.id) for n in numerators for d in scope if _same_measure(n.unit, d.unit))
            if pairs:
                self.relations.append(Relation("rate", None, (), result=rate.id, explicit=False, alternatives=pairs,
                                               note=rid.name))

    def _rates(self, ids: list[int]) -> None:
        """Each stated rate of the paragraph with its candidate numerators and denominators: a rate the
        vocabulary defines, 执行率/完成预算的Y% (the actual amount over the budgets), or a rate of counts
        (办结率, 满意率, 完成率)."""
        for pos, fid in enumerate(ids):
            rate = self.drafts[fid]
            if rate.q.get("kind") != "rate" or rate.approx or rate.unit != "%":
                continue
            before = _Before(self.drafts, ids, pos)
            if self._remainder_rate(rate, before):
                continue
            if rate.concept in self.vocab.rate_results:
                self._named_rate(rate, ids)
            elif rate.concept == "execution_rate" or (rate.concept is None and not _RATE_LABEL_END.search(rate.clause)):
                self._money_rate(rate, before)
            else:
                pairs = self._count_rate_operands(rate, before, ids[pos - 1] if pos else -1)
                if pairs:
                    self.relations.append(Relation("rate", None, (), result=fid, explicit=False,
                                                   alternatives=pairs, note="count"))

    def _remainder_rate(self, rate: Draft, before: _Before) -> bool:
        """"资金支付18501.096万元，未支703万元，支付率95%": the rate right after an amount done and the amount left
        undone (rules/concepts.toml [change] remainder) is done / (done + left), explicitly."""
        if len(before) < 2:
            return False
        done, left = before[-2], before[-1]
        if not (left.sentence == done.sentence == rate.sentence and left.q.get("kind") == "level"
                and done.q.get("kind") == "level" and done.is_money_like() and _same_measure(done.unit, left.unit)
                and not done.approx and not left.approx):
            return False
        if not any(word in left.clause for word in self.vocab.remainder_words):
            return False
        self.relations.append(Relation("remainder-rate", None, (done.id, left.id), result=rate.id, explicit=True))
        return True

    def _money_rate(self, rate: Draft, before: _Before) -> None:
        """执行率 = the actual amount just before the rate over the budgets of its scope in the paragraph (or,
        for 执行率 with none there, those stated earlier)."""
        money = [d for d in before if d.q.get("kind") == "level" and d.is_money_like() and not d.approx]
        actual = [d for d in money if d.q.get("state") == "actual"]
        if not actual:
            return
        numerator = actual[-1]
        budgets = [d for d in money if d.q.get("state", "").startswith("budget")
                   and (_same_scope(numerator, d) and (d.concept is not None or d.sentence == rate.sentence)
                        or _unnamed_between(numerator, d, rate))]
        # "…执行率93.75%；其中政府性基金预算500万元，执行350万元，执行率70%": the budget stated in the rate's own
        # clause group (after the rate before it) is a candidate whatever its scope words say
        since = max((d.id for d in before if d.q.get("kind") == "rate" and d.sentence == rate.sentence), default=-1)
        budgets += [d for d in money if d.q.get("state", "").startswith("budget") and d.sentence == rate.sentence
                    and since < d.id < numerator.id and d not in budgets]
        pairs = tuple((numerator.id, d.id) for d in budgets)
        if pairs:
            self.relations.append(Relation("rate", None, (), result=rate.id, explicit=len(pairs) == 1,
                                           alternatives=pairs))
        elif rate.concept == "execution_rate":
            self._rate_over_stated_budget(rate, numerator)

    def _count_rate_operands(self, rate: Draft, before: _Before, previous: int) -> tuple[tuple[int, int], ...]:
        """(done, total) candidates among the counts of the rate's sentence; the count right before the rate
        is one of them ("发放问卷500份，回收有效问卷480份，满意率96%")."""
        vocab = self.vocab

        def is_count(d: Draft) -> bool:
            return (d.sentence == rate.sentence and d.q.get("kind") == "level" and bool(d.unit)
                    and not d.is_money_like() and d.unit not in ("%", "分"))

        if previous < 0 or not is_count(self.drafts[previous]):
            return ()  # the figure right before the rate is not a count: no operands (without a scan of the sentence)
        counts = [d for d in before if is_count(d)]
        while counts and counts[-1].id == previous and _NOT_DONE.search(counts[-1].clause):
            # "完成22个，未完成3个，完成率88%": what is left undone is neither operand
            counts.pop()
            previous = counts[-1].id if counts else -1
        if not counts or counts[-1].id != previous or counts[-1].approx:
            return ()
        last = counts[-1]
        is_total = any(w in last.clause for w in vocab.rate_total_words)
        is_done = any(w in last.clause for w in vocab.rate_done_words)
        if is_total and not is_done and len(counts) >= 2 and counts[-2].unit == last.unit \
                and not counts[-2].approx and last.value > 0:
            return ((counts[-2].id, last.id),)  # "培训人数1200人次，计划培训1000人次，完成率120.00%": the plan last
        totals = [d for d in counts[:-1] if d.unit == last.unit and any(w in d.clause for w in vocab.rate_total_words)]
        same_unit = [d for d in counts if d.unit == last.unit]
        if len(same_unit) == 2 and totals == same_unit[:1] and not totals[0].approx and totals[0].value > 0 \
                and not is_total:
            return ((last.id, totals[0].id),)  # "计划召开会议12次，召开11次，完成率91.67%": the other is the plan
        if totals and is_done:
            # the base is the count named as the total, or any count between it and the done count
            # ("受理1200件，办结1150件，按时办结1100件，按时办结率95%": 按时 of those 办结, or of those 受理)
            start = counts.index(totals[-1])
            return tuple((last.id, d.id) for d in counts[start:-1] if d.unit == last.unit and not d.approx and d.value > 0)
        return ()


class _Before:
    """The drafts of ``ids[:pos]`` (the figures of a paragraph before a rate), looked up when read: a list
    built for each rate of a long paragraph made it quadratic where only the last one or two are read."""

    def __init__(self, drafts: list[Draft], ids: list[int], pos: int) -> None:
        self.drafts, self.ids, self.pos = drafts, ids, pos

    def __len__(self) -> int:
        return self.pos

    def __getitem__(self, index: int) -> Draft:
        if index < 0:
            index += self.pos
        if not 0 <= index < self.pos:
            raise IndexError(index)
        return self.drafts[self.ids[index]]

    def __iter__(self) -> Iterator[Draft]:
        drafts, ids = self.drafts, self.ids
        return (drafts[ids[i]] for i in range(self.pos))
