"""Read figures and the relations between them out of paragraphs and tables.

A figure's *label* is the text between the previous figure (or the start of its sentence) and the
figure. The concept is the concept word nearest the number; a generic word (本年支出) after a subject
(基本支出…本年支出) means the subject's actual amount. Qualifiers — year, state (budget or actual),
fund, entity, subject and kind (level, change, share, rate) — come from the label and the sentence
before the figure. Parts of a breakdown ("X，其中 A a、B b" or "X（A a、B b）") inherit their
total's qualifiers.

This module reads prose; ``table_facts`` reads tables and ``relation_facts`` finds the relations among a
paragraph's figures (both mixins of ``Extractor``); ``drafts`` holds what the three share.
"""

from __future__ import annotations

import re
from typing import Final, Sequence

from reportlint import patterns
from reportlint.document import Figure, Relation
from reportlint.parse.drafts import (_DIGIT, _FILLER, _HAN, _RATE_LABEL_END, _YEAR, Draft, _same_measure, damage,
                                     han_at_least, unit_fits)
from reportlint.parse.lists import (_bracket_owners, _bracketed_lists, _item_subject, _list_opened, _opener_names,
                                    _respective_shares, _respectively, _says_progress)
from reportlint.parse.normalize import NormText
from reportlint.parse.numbers import find_numbers
from reportlint.parse.reader_state import Breakdown, TermHit
from reportlint.parse.table_facts import TableReader
from reportlint.rules import Vocabulary

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_CLAUSE_BREAK: Final = patterns.compile(r"[，,;；。:：]")

_SENTENCE_END: Final = patterns.compile(r"[。！？!?]")


def split_sentences(text: str) -> list[str]:
    """``text`` cut after every 。！？!? (what splitting on the look-behind ``(?<=[。！？!?])`` gives, without
    the empty pieces), found by a search the engine can skip ahead in rather than a test at every character."""
    pieces = []
    start = 0
    for m in _SENTENCE_END.finditer(text):
        pieces.append(text[start:m.end()])
        start = m.end()
    if start < len(text):
        pieces.append(text[start:])
    return pieces
_FOREIGN_SUBJECT: Final = patterns.compile(r"项目|专项|工程|合同|该|此项|中标|采购|每")
_FOREIGN_IN_PROJECT_REPORT: Final = patterns.compile(r"工程|合同|中标|采购|每")
_DIFFERENCE_LABEL: Final = patterns.compile(r"(?:差值|差额|相差|收支结余)\s*(?:为|是)?\s*[:：]?\s*$")
# "项目预算800万元，实际支出760万元，结余40万元": a bare 结余 right after two amounts is what is left of the one
# after the other (a difference), not the year-end balance a 其中 list could break down
_BARE_BALANCE: Final = patterns.compile(r"[，,；;]\s*(?:结余|节余|结余资金)\s*(?:为|是)?\s*[:：]?\s*$")
_SHARE: Final = patterns.compile(r"占(?P<whole>[^，,。;；]{0,24}?)(?:的|比重|比例|为)?\s*$")
_RATE_WORDS: Final = patterns.compile(r"完成(?:了)?(?:年初)?预算(?:数)?的\s*$")
_OF_BUDGET: Final = patterns.compile(r"(为|是|占|完成)[^，,。]{0,6}预算")
_TOTAL_WORD: Final = patterns.compile(r"总|合计")
_FULL_YEAR: Final = patterns.compile(r"全年|年度|本年")
# part of a year: a figure for it is not the year's figure
_PERIOD: Final = patterns.compile(
    r"\d{1,2}\s*[-－—~至到]\s*\d{1,2}\s*月|[上下]半年|前?[一二三四1-4]季度|前三季度|截[至止]\s*\d{1,2}\s*月|\d{1,2}\s*月[底末份]")


def _period(text: str) -> re.Match[str] | None:
    # every alternative of _PERIOD names 月, 半年 or 季度: a text with none of them is not searched (the words
    # tested one by one: a generator over them cost more than the search it saves)
    if "月" in text or "半年" in text or "季度" in text:
        return _PERIOD.search(text)
    return None


_OF_WHOLE: Final = patterns.compile(r"\s*的\s*(?:比率|比例|比重)?\s*(?:为|是)?\s*[:：]?\s*$")
_SUM_LABEL: Final = patterns.compile(r"^[，,、;；\s]*(?:以上)?(?:合计|共计|总计|累计|总额为|合计为|共计为|共有|共)\s*[:：为]?\s*$")


_BUDGET_WHOLE: Final = patterns.compile(r"^\s*(?:年初|调整后?|全年|年度)?(?:预算|计划|任务|目标)(?:数|额)?\s*$")
_OPEN_BRACKET_ONLY: Final = patterns.compile(r"\s*\(\s*(?:同比)?(?:增长|下降|增幅|降幅)?\s*$")
_ITEM_START: Final = patterns.compile(r"^\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、)")
_ITEM_CLAUSE_END: Final = patterns.compile(r"[;；。]")
_MASKED_NAME: Final = patterns.compile(r"[*＊×#][*＊×#]+")  # (opens with a class: searched fast)
_CLAUSE_CLOSE: Final = patterns.compile(r"[;；]|\)")


# "X中，A a": a sentence that opens a list of X's own parts (X named before 中, not 其中)
_SUB_SCOPE: Final = patterns.compile(r"^\s*[^，。；,;:：0-9]{2,20}?(?<!其)中\s*[，,:：]")

class Extractor(TableReader):
    """Reads a report's paragraphs and tables, in order, into drafts and relations; ``figures()`` gives the
    frozen figures at the end."""

    def __init__(self, vocab: Vocabulary, doc_year: int | None, project_report: bool = False) -> None:
        super().__init__(vocab, doc_year)
        # in a project's own report "该项目…" is the report's subject, not something narrower than it
        self.foreign_subject = _FOREIGN_IN_PROJECT_REPORT if project_report else _FOREIGN_SUBJECT

    # ------------------------------------------------------------------ prose
    def paragraph(self, norm: NormText, block: int) -> None:
        text = norm.text
        self._item = _item_subject(self.vocab, text)  # an enumerated item's figures are that item's
        item_start = bool(_ITEM_START.match(text))
        if item_start and self._carry is not None and self._carry.get("item_start"):
            self.flush()  # "1、A…其中：a1, a2。" then "2、B…": B is A's sibling, not one more part of A's list
        self._item_start = item_start
        if not _DIGIT.search(text):
            # no figure to read: keep the paragraph as one sentence (grades are looked up in sentences)
            if text.strip():
                self.sentences.append((*norm.lines(0, len(text.rstrip())), text))
                self.sentence_figures.append([])
            return
        pieces = split_sentences(text)
        # A sentence that opens with 其中 continues the breakdown of the one before it.
        merged: list[str] = []
        for piece in pieces:
            if merged and piece.lstrip().startswith("其中"):
                merged[-1] += piece
            else:
                merged.append(piece)
        offset = 0
        carry = self._carry  # a breakdown whose parts go on in the next sentence (one item a sentence)
        paragraph_sentences: list[int] = []
        for sentence in merged:
            start = offset
            offset += len(sentence)
            if not sentence.strip():
                continue
            if carry is not None and _SUB_SCOPE.match(sentence):
                carry = None  # "农林水支出中，农业农村支出…": a list of an item's own, not one more item of the list
            sid = len(self.sentences)
            self.sentences.append((*norm.lines(start, start + len(sentence.rstrip())), sentence))
            self.sentence_figures.append([])
            carry = self._sentence(norm, start, sentence, sid, block, carry)
            paragraph_sentences.append(sid)
        self._carry = carry
        self.flush(keep=carry)
        self._paragraph_relations(paragraph_sentences)

    def flush(self, keep: Breakdown | None = None) -> None:
        """Turn the open breakdowns into relations (all but ``keep``, whose list may go on)."""
        still_open = []
        for item in self._open:
            if item is keep:
                still_open.append(item)
                continue
            relation = self.relations[item["relation_index"]] = self._breakdown_relation(item)
            if relation is not None and item["relation_index"] < self._sum_upto:
                self._index_relation(item["relation_index"], relation)
        self._open = still_open
        if keep is None:
            self._carry = None
        # the places of lists that gave no relation stay None until figures(): dropping them here, once a
        # paragraph, made long reports quadratic (every reader of self.relations passes over None)

    def _named(self, name: str, unit: str) -> tuple[str | None, str]:
        """The concept (the most specific one) and the state a name of a "分别为" list gives."""
        terms = self._terms(name)
        concepts = [t[2].id for t in terms if t[2].category == "concept"
                    and unit_fits(self.vocab.concepts[t[2].id].kind, unit)]
        specific = [c for c in concepts if not self.vocab.concepts[c].generic]
        states = [t[2].id for t in terms if t[2].category == "state"]
        chosen = specific or concepts
        return (chosen[-1] if chosen else None), (states[-1] if states else "")

    def _near(self, gap: str) -> bool:
        """Whether only filler stands between a concept's words and its number."""
        rest = _FILLER.sub("", gap)
        return not _HAN.search(rest)

    def _sentence(self, norm: NormText, base: int, sentence: str, sid: int, block: int,
                  carry: Breakdown | None = None) -> Breakdown | None:
        vocab = self.vocab
        numbers = find_numbers(sentence)
        if not numbers:
            return None
        foreign_at: int | None = -1  # where a narrower subject is first named (None: nowhere); -1: not looked up yet
        head = sentence[: numbers[0].start]
        headless = not han_at_least(head, 2)  # a fragment cut from its start (a page break in an excerpt)
        head_terms = self._terms(head)
        head_year = _YEAR.findall(head) if "年" in head else []  # (every year is written with 年)
        head_period = _period(head)
        head_concepts = [t[2].id for t in head_terms if t[2].category == "concept"]
        head_specific = [c for c in head_concepts if not vocab.concepts[c].generic]
        if head_specific:
            head_states = [t[2].id for t in head_terms if t[2].category == "state"]
            self.sentence_heads[sid] = (head_specific[0], head_states[-1] if head_states else "",
                                        head_year[0] if head_year else str(self.doc_year or ""))
        subject: str | None = self._item or None  # "2.公务接待费。全年支出…": the item named is the subject
        previous_end = 0
        breakdown: Breakdown | None = carry
        carried = carry is not None
        open_breakdowns = self._open
        ids: list[int] = []
        brackets = _bracketed_lists(sentence, numbers)  # "187人（在职139人、退休8人、协管员40人）"
        respectively = _respectively(sentence, numbers)
        respective_shares = _respective_shares(sentence, numbers)
        inside = {k for _, members in brackets for k in members}
        owners = _bracket_owners(sentence, numbers)  # number index → the number whose bracket it is written in
        offsets: dict[int, int] = {}  # number index in ``numbers`` → figure id
        for index, number in enumerate(numbers):
            label = sentence[previous_end:number.start]
            terms = self._terms(label)
            concept_terms = [t for t in terms if t[2].category == "concept"]
            state_terms = [t for t in terms if t[2].category == "state"]
            masked = _mask(label, terms)
            opens = _list_opened(masked, label)  # the list this label opens, if any
            damaged = damage(number.text, number.value, number.unit, label,
                             numbers[index - 1].unit if index else None)
            draft = Draft(number.text, number.value, number.decimals, number.unit,
                          norm.span(base + number.start, base + number.end), approx=number.approx or damaged,
                          sentence=sid, block=block, gap=label,
                          bracket_of=offsets[owners[index]] if index in owners else -1)
            concept = None
            concept_end = 0
            explicit_state = ""
            if state_terms:
                explicit_state = state_terms[-1][2].id
            elif terms and terms[-1][2].category == "fund" and terms[-1][2].text.endswith("预算") \
                    and self._near(label[terms[-1][1]:]):
                explicit_state = "budget"  # "其中政府性基金预算500.00万元，执行350.00万元": the fund's budget
            if concept_terms:
                start, end, term = concept_terms[-1]
                concept = term.id
                concept_end = end
                clause = _CLAUSE_BREAK.split(masked[:start])[-1]
                foreign = bool(self.foreign_subject.search(clause)) and not vocab.concepts[concept].project
                if vocab.concepts[concept].generic and _MASKED_NAME.search(clause):
                    foreign = True  # "********支出2万元": a name blanked out (a masked 科目), not the total
                if vocab.concepts[concept].generic:
                    if foreign_at == -1:
                        # masking only blanks characters out: a sentence without the words has none masked either
                        first_foreign = (self.foreign_subject.search(_mask(sentence, self._terms(sentence)))
                                         if self.foreign_subject.search(sentence) else None)
                        foreign_at = first_foreign.start() if first_foreign else None
                    if foreign_at is not None:
                        foreign = foreign or foreign_at < number.start
                if foreign:
                    concept = None  # "该项目…实际支出", "XX工程项目支出": something narrower
                elif vocab.concepts[concept].generic:
                    explicit_state = explicit_state or vocab.concepts[concept].state
                    earlier = [t for t in concept_terms[:-1] if not vocab.concepts[t[2].id].generic]
                    if earlier and self._near(_strip_terms(label, terms, earlier[-1][1])[: start - earlier[-1][1]]):
                        concept = earlier[-1][2].id
                    elif (earlier and (breakdown is not None or opens)
                          and not _ITEM_CLAUSE_END.search(label, earlier[-1][1], start)
                          and not _TOTAL_WORD.search(term.text)):
                        # "其中：因公出国（境）费全年未安排预算，支出决算为0万元": an item of the list, named first
                        concept = earlier[-1][2].id
                    elif self._item == "" and not _TOTAL_WORD.search(term.text):
                        concept = None  # "1.行政运行（项）…支出决算845.30万元": the item's, not the department's total
                    elif (subject and not earlier and concept == "expenditure_total"
                          and not _TOTAL_WORD.search(term.text) and "占" not in clause):
                        concept = subject  # "基本支出…，本年支出371.88万元" (not "总支出", not "占本年支出…")
                draft.label = label[start:].strip(" ，,;；")
            elif subject and state_terms and self._near(_strip_terms(label, terms, 0)[: state_terms[-1][0]]):
                concept = subject  # "…，全年预算数X": only filler before the state word
                concept_end = state_terms[-1][1]
                draft.label = label[state_terms[-1][0]:].strip(" ，,;；")
            if concept is not None and not self._near(_strip_terms(label, terms, concept_end)):
                concept = None  # other words stand between the concept and the number
            if concept and not unit_fits(vocab.concepts[concept].kind, number.unit):
                concept = None
            if index in respectively:  # "基本支出、项目支出分别为860.50万元、319.50万元": the i-th name
                named, named_state = self._named(respectively[index], number.unit)
                concept = named or concept
                explicit_state = named_state or explicit_state
                draft.label = respectively[index]
            draft.concept = concept
            draft.direct = concept is not None
            if concept and vocab.concepts[concept].subject:
                subject = concept
            for cs, ce, cterm in concept_terms[:-1]:
                if vocab.concepts[cterm.id].subject:
                    subject = cterm.id  # "基本支出年初结转和结余…": 基本支出 is what the sentence goes on about
            # kind
            tail = masked[concept_end:] if concept else masked
            kind = "level"
            direction = 0
            change = vocab.change_pattern.search(tail)
            if number.unit != "%" and (_DIFFERENCE_LABEL.search(label) or (
                    _BARE_BALANCE.search(label) and len(ids) >= 2
                    and all(self.drafts[i].q.get("kind") == "level" and _same_measure(self.drafts[i].unit, number.unit)
                            for i in ids[-2:]))):
                kind = "difference"  # "…2.05万元，年初预算为2.95万元，差值为0.9万元"
            elif change:
                direction = 1 if change.group() in vocab.increase else -1
                kind = "change-rate" if number.unit == "%" else "change"
            elif (number.unit != "%" and vocab.against_reference is not None
                  and (against := vocab.against_reference.search(label))):
                # "支出决算1036.40万元，超过年初预算6.40万元": a difference against the budget, not a budget
                direction = 1 if against.group(1) in vocab.over_words else -1
                kind = "change"
            elif (number.unit == "%" and _OPEN_BRACKET_ONLY.match(label) and ids
                  and self.drafts[ids[-1]].q.get("kind") == "change"):
                # "较上年减少1.5万元（42.86%）": the rate of the change it is bracketed after
                direction = 1 if self.drafts[ids[-1]].q.get("direction") == "+" else -1
                kind = "change-rate"
            elif number.unit == "%" and (share := _SHARE.search(label)) and _BUDGET_WHOLE.search(share.group("whole")):
                kind = "rate"  # "完成28,583万元，占调整预算105.47%": actual over a budget, a completion rate, not a share
            elif index in respective_shares or (number.unit == "%" and _SHARE.search(label)):
                kind = "share"
            elif (number.unit == "%" and _OF_WHOLE.match(label) and ids and "占" in self.drafts[ids[-1]].clause
                  and not _OF_BUDGET.search(self.drafts[ids[-1]].clause)):
                kind = "share"  # "在职人员136人，占编制数143人的比率为95.10%": the whole stated before 的
            elif number.unit == "%" and (_RATE_WORDS.search(label) or _RATE_LABEL_END.search(label)
                                         or (concept and vocab.concepts[concept].kind == "rate")):
                kind = "rate"
            elif number.unit == "%" and label.strip() == "的" and ids and _OF_BUDGET.search(self.drafts[ids[-1]].clause):
                kind = "rate"  # "…4855万元，为年初预算数6180万元的78.56%": actual over the budget just named
            elif number.unit == "%":
                kind = "percent"
            # breakdown bookkeeping
            if breakdown and (_CLAUSE_CLOSE.search(masked) and not opens):
                carried = True  # "其中：A a；B b": after a semicolon only a sibling item goes on with the list
            if carried and kind == "level":
                carried = False
                if not opens and not self._sibling(breakdown, concept) and not self._parallel(breakdown, concept, label):
                    breakdown = None  # not another item of the list
            part_of = None
            if (breakdown and kind == "level" and not opens and breakdown["parts"]
                    and _says_progress(vocab, label) and not _says_progress(vocab, self.drafts[breakdown["total"]].gap)):
                breakdown = None  # "资金107.13万元，其中管理费1.07万元，目前已拨付106.36万元": a payment to date, not an item
            if kind == "level":
                named_total = _opener_names(label, vocab.find_terms(label), opens) if opens else None
                if opens and (ids or named_total):
                    # "基本支出中，人员经费…": the named total may be stated in an earlier sentence of the paragraph
                    scope = ids if ids or not named_total else self._block_ids(block)
                    total_id = self._breakdown_total(scope, number.unit, named_total)
                    breakdown = ({"total": total_id, "parts": [], "item_start": self._item_start}
                                 if total_id is not None else None)
                if breakdown and _same_measure(self.drafts[breakdown["total"]].unit, number.unit):
                    part_of = breakdown
                elif breakdown:
                    breakdown = None
                if index in inside:
                    part_of = None  # an item of the bracketed list after a total, not of the list around it
            q = {"kind": kind}
            if direction:
                q["direction"] = "+" if direction > 0 else "-"
            own_year = _YEAR.findall(label) if "年" in label else []
            own_funds = [t[2].id for t in terms if t[2].category == "fund"] if terms else []
            own_entities = sorted({t[2].id for t in terms if t[2].category == "entity"}) if terms else []
            if part_of is not None:
                total = self.drafts[part_of["total"]]
                q.update({k: v for k, v in total.q.items() if k in ("year", "fund", "entity", "state")})
                if total.concept is None:
                    q["of"] = "text:" + total.clause
                elif concept == total.concept:
                    q["kind"] = "part"  # a sub-count of the same concept (编制614名，其中…编制13名)
                elif concept is not None and self.vocab.parents(concept) != {total.concept}:
                    q["of"] = total.concept  # 商品和服务支出 of 基本支出 is not 商品和服务支出 of 项目支出
            else:
                q["year"] = head_year[-1] if head_year else (str(self.doc_year) if self.doc_year else "")
                funds = [t[2].id for t in head_terms if t[2].category == "fund"]
                if funds:
                    q["fund"] = funds[-1]
                entities = sorted({t[2].id for t in head_terms if t[2].category == "entity"})
                if entities:
                    q["entity"] = "+".join(entities)
            if explicit_state:
                q["state"] = explicit_state
            elif "state" not in q and concept:
                q["state"] = vocab.concepts[concept].state or ("actual" if vocab.concepts[concept].kind == "money" else "")
            period = _period(label) or (head_period if part_of is None and not _FULL_YEAR.search(label) else None)
            if period:
                q["period"] = period.group().strip()  # "1-6月", "上半年", "截至9月底": part of the year
            if own_year:
                q["year"] = own_year[-1]
            elif kind == "level" and vocab.previous_year_pattern.search(masked) and q.get("year"):
                q["year"] = str(int(q["year"]) - 1)
            if own_funds:
                q["fund"] = own_funds[-1]
            if own_entities:
                q["entity"] = "+".join(own_entities)
            if not q.get("year"):
                q.pop("year", None)
            if headless and "of" not in q:
                q["of"] = "fragment"
            draft.q = q
            draft.clause = _CLAUSE_BREAK.split(label)[-1].strip()
            fid = len(self.drafts)
            draft.id = fid
            self.drafts.append(draft)
            ids.append(fid)
            self.sentence_figures[sid].append(fid)
            if part_of is not None:
                part_of["parts"].append(fid)
                if len(part_of["parts"]) == 1:
                    part_of["relation_index"] = len(self.relations)
                    self.relations.append(None)  # filled in by flush() once the list is over
                    open_breakdowns.append(part_of)
            if kind == "share" and index in respective_shares:
                part_index, whole_words, whole_index = respective_shares[index]
                self._share(fid, ids, label, open_breakdowns, part=offsets[part_index], whole_words=whole_words,
                            whole_id=offsets[whole_index] if whole_index is not None else None)
            elif kind == "share":
                self._share(fid, ids, label, open_breakdowns)
            if kind == "level" and not number.approx and _SUM_LABEL.match(label):
                self._listed_total(fid, ids)
            offsets[index] = fid
            previous_end = number.end
        for total_index, members in brackets:
            self._bracketed_breakdown(offsets[total_index], [offsets[k] for k in members])
        return breakdown


    def _block_ids(self, block: int) -> list[int]:
        """The ids of the drafts of ``block``: the last ones (drafts are read block by block), found from the
        end rather than by a scan of every draft of the report."""
        drafts = self.drafts
        k = len(drafts)
        while k and drafts[k - 1].block >= block:
            k -= 1
        return [d.id for d in drafts[k:] if d.block == block]

    # ------------------------------------------------------------------ result
    def figures(self, lines: list[str] | tuple[str, ...] = ()) -> list[Figure]:
        """The figures, each with its text as the original ``lines`` write it (full-width digits, 萬元 and
        all) — built once, not built and then replaced."""
        self.flush()
        out: list[Figure] = []
        for d in self.drafts:
            out.append(Figure(
                id=d.id, text=_as_written(d, lines), value=d.value, decimals=d.decimals, unit=d.unit, span=d.span,
                concept=d.concept, label=d.label, qualifiers=tuple(sorted(d.q.items())),  # (the values are str)
                approx=d.approx, direct=d.direct, table=d.table, sentence=d.sentence, block=d.block,
            ))
        return out

    def final_relations(self) -> list[Relation]:
        """The relations read, once ``figures()`` has closed the last lists (the places of lists that gave no
        relation dropped)."""
        return [r for r in self.relations if r is not None]


def _as_written(d: Draft, lines: Sequence[str]) -> str:
    """A draft's text as the original line has it."""
    start, end = d.span.start, d.span.end
    if start.line == end.line and 0 < start.line <= len(lines):
        written = lines[start.line - 1][start.column - 1:end.column - 1].strip()
        if written:
            return written
    return d.text


def _strip_terms(label: str, terms: Sequence[TermHit], start: int) -> str:
    """The gap between a concept's words and the number, with vocabulary words blanked out."""
    if not terms:
        return label[start:]
    return _blank(label, [(s, e) for s, e, _ in terms])[start:]


def _mask(text: str, terms: Sequence[TermHit]) -> str:
    if not terms:
        return text
    return _blank(text, [(s, e) for s, e, term in terms if term.category == "concept"])


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with the characters of ``spans`` replaced by □, built from slices (not a list of characters
    for each figure)."""
    if not spans:
        return text
    out = []
    pos = 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        out.append(text[pos:s])
        out.append("□" * (e - s))
        pos = e
    out.append(text[pos:])
    return "".join(out)
