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

from reportlint import patterns
from reportlint.document import Figure, Relation
from reportlint.parse.drafts import (_DIGIT, _FILLER, _HAN, _RATE_LABEL_END, _YEAR, Draft, _same_measure, names_a_count,
                                     unit_fits)
from reportlint.parse.normalize import NormText
from reportlint.parse.numbers import find_numbers
from reportlint.parse.relation_facts import RelationFinder
from reportlint.parse.table_facts import TableReader
from reportlint.rules import MEMO_SIZE, MEMO_TEXT, Term, Vocabulary

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_CLAUSE_BREAK = patterns.compile(r"[，,;；。:：]")

_SENTENCE_SPLIT = patterns.compile(r"(?<=[。！？!?])")
_FOREIGN_SUBJECT = patterns.compile(r"项目|专项|工程|合同|该|此项|中标|采购|每")
_FOREIGN_IN_PROJECT_REPORT = patterns.compile(r"工程|合同|中标|采购|每")
_DIFFERENCE_LABEL = patterns.compile(r"(?:差值|差额|相差|收支结余)\s*(?:为|是)?\s*[:：]?\s*$")
# "项目预算800万元，实际支出760万元，结余40万元": a bare 结余 right after two amounts is what is left of the one
# after the other (a difference), not the year-end balance a 其中 list could break down
_BARE_BALANCE = patterns.compile(r"[，,；;]\s*(?:结余|节余|结余资金)\s*(?:为|是)?\s*[:：]?\s*$")
_SHARE = patterns.compile(r"占(?P<whole>[^，,。;；]{0,24}?)(?:的|比重|比例|为)?\s*$")
_RATE_WORDS = patterns.compile(r"完成(?:了)?(?:年初)?预算(?:数)?的\s*$")
_OF_BUDGET = patterns.compile(r"(为|是|占|完成)[^，,。]{0,6}预算")
_TOTAL_WORD = patterns.compile(r"总|合计")
_FULL_YEAR = patterns.compile(r"全年|年度|本年")
# part of a year: a figure for it is not the year's figure
_PERIOD = patterns.compile(
    r"\d{1,2}\s*[-－—~至到]\s*\d{1,2}\s*月|[上下]半年|前?[一二三四1-4]季度|前三季度|截[至止]\s*\d{1,2}\s*月|\d{1,2}\s*月[底末份]")
_OF_WHOLE = patterns.compile(r"\s*的\s*(?:比率|比例|比重)?\s*(?:为|是)?\s*[:：]?\s*$")
_SUM_LABEL = patterns.compile(r"^[，,、;；\s]*(?:以上)?(?:合计|共计|总计|累计|总额为|合计为|共计为|共有|共)\s*[:：为]?\s*$")


_CLASS_MARK_BEFORE = patterns.compile(r"\((?:类|款|项)\)\s*$")
_OPEN_BRACKET_ONLY = patterns.compile(r"\s*\(\s*(?:同比)?(?:增长|下降|增幅|降幅)?\s*$")
_MASKED_NAME = patterns.compile(r"[*＊×#]{2,}")
_GLUE_CHARS = set("为是共计达合总额数约近有的了年")
# what may stand right before 项目支出 when it is the department's (本年度项目支出, 部门预算项目支出, 基本支出和项目支出,
# 二级机构项目支出); any other character joins a project's name to it
_BEFORE_PROJECT = set("度及和与或算门位构级其中入列")
_BREAK_OPEN = patterns.compile(r"其中|\(|分别为|包括|如下\s*[:：]|以下(?:方面|几个方面|项目)?\s*[:：]")
_CLAUSE_CLOSE = patterns.compile(r"[;；]|\)")
_SEMICOLON = patterns.compile(r"[;；]")


class Extractor(RelationFinder, TableReader):
    def __init__(self, vocab: Vocabulary, doc_year: int | None, project_report: bool = False):
        self.vocab = vocab
        self.doc_year = doc_year
        # in a project's own report "该项目…" is the report's subject, not something narrower than it
        self.foreign_subject = _FOREIGN_IN_PROJECT_REPORT if project_report else _FOREIGN_SUBJECT
        self.drafts: list[Draft] = []
        self.relations: list[Relation] = []
        self.sentences: list[tuple[int, int, str]] = []
        self.sentence_figures: list[list[int]] = []
        # what a sentence opens with, before its first figure: (concept, state, year) — the subject of a
        # change stated without its current amount
        self.sentence_heads: dict[int, tuple[str, str, str]] = {}
        self._open: list[dict] = []  # breakdowns not yet turned into relations (their list may go on)
        self._carry: dict | None = None  # the breakdown the next paragraph may continue

    # ------------------------------------------------------------------ prose
    def paragraph(self, norm: NormText, block: int) -> None:
        text = norm.text
        if not _DIGIT.search(text):
            # no figure to read: keep the paragraph as one sentence (grades are looked up in sentences)
            if text.strip():
                span = norm.span(0, len(text.rstrip()))
                self.sentences.append((span.start.line, span.end.line, text))
                self.sentence_figures.append([])
            return
        pieces = [p for p in _SENTENCE_SPLIT.split(text) if p]
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
            sid = len(self.sentences)
            span = norm.span(start, start + len(sentence.rstrip()))
            self.sentences.append((span.start.line, span.end.line, sentence))
            self.sentence_figures.append([])
            carry = self._sentence(norm, start, sentence, sid, block, carry)
            paragraph_sentences.append(sid)
        self._carry = carry
        self.flush(keep=carry)
        self._paragraph_relations(paragraph_sentences)

    def flush(self, keep: dict | None = None) -> None:
        """Turn the open breakdowns into relations (all but ``keep``, whose list may go on)."""
        still_open = []
        for item in self._open:
            if item is keep:
                still_open.append(item)
                continue
            self.relations[item["relation_index"]] = self._breakdown_relation(item)
        self._open = still_open
        if keep is None:
            self._carry = None
            self.relations = [r for r in self.relations if r is not None]

    def _terms(self, text: str):
        """Vocabulary words in ``text``, dropping short generic words glued into an unknown compound
        (工资福利支出, 事业收入, 结余分配): those name something the vocabulary does not know."""
        vocab = self.vocab
        memo = vocab.memo
        key = ("terms", text)
        cached = memo.get(key)
        if cached is not None:
            return cached
        found = vocab.find_terms(text)
        kept = []
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
            if term.category == "concept" and self.vocab.concepts[term.id].generic and _CLASS_MARK_BEFORE.search(text, 0, s):
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
                  carry: dict | None = None) -> dict | None:
        vocab = self.vocab
        numbers = find_numbers(sentence)
        if not numbers:
            return None
        foreign_at: int | None = -1  # where a narrower subject is first named (None: nowhere); -1: not looked up yet
        head = sentence[: numbers[0].start]
        headless = len(_HAN.findall(head)) < 2  # a fragment cut from its start (a page break in an excerpt)
        head_terms = self._terms(head)
        head_year = _YEAR.findall(head)
        head_concepts = [t[2].id for t in head_terms if t[2].category == "concept"]
        head_specific = [c for c in head_concepts if not vocab.concepts[c].generic]
        if head_specific:
            head_states = [t[2].id for t in head_terms if t[2].category == "state"]
            self.sentence_heads[sid] = (head_specific[0], head_states[-1] if head_states else "",
                                        head_year[0] if head_year else str(self.doc_year or ""))
        subject: str | None = None
        previous_end = 0
        breakdown: dict | None = carry
        carried = carry is not None
        open_breakdowns = self._open
        ids: list[int] = []
        brackets = _bracketed_lists(sentence, numbers)  # "187人（在职139人、退休8人、协管员40人）"
        respectively = _respectively(sentence, numbers)
        respective_shares = _respective_shares(sentence, numbers)
        inside = {k for _, members in brackets for k in members}
        offsets: dict[int, int] = {}  # number index in ``numbers`` → figure id
        for index, number in enumerate(numbers):
            label = sentence[previous_end:number.start]
            terms = self._terms(label)
            concept_terms = [t for t in terms if t[2].category == "concept"]
            state_terms = [t for t in terms if t[2].category == "state"]
            masked = _mask(label, terms)
            draft = Draft(number.text, number.value, number.decimals, number.unit,
                          norm.span(base + number.start, base + number.end), approx=number.approx,
                          sentence=sid, block=block, gap=label)
            concept = None
            concept_end = 0
            explicit_state = ""
            if state_terms:
                explicit_state = state_terms[-1][2].id
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
                        first_foreign = self.foreign_subject.search(_mask(sentence, self._terms(sentence)))
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
            for k, (cs, ce, cterm) in enumerate(concept_terms[:-1]):
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
            elif (number.unit == "%" and _OPEN_BRACKET_ONLY.match(label) and ids
                  and self.drafts[ids[-1]].q.get("kind") == "change"):
                # "较上年减少1.5万元（42.86%）": the rate of the change it is bracketed after
                direction = 1 if self.drafts[ids[-1]].q.get("direction") == "+" else -1
                kind = "change-rate"
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
            opens = _list_opened(masked)
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
                if opens and ids:
                    total_id = self._breakdown_total(ids, number.unit,
                                                     _opener_names(label, vocab.find_terms(label), opens))
                    breakdown = {"total": total_id, "parts": []} if total_id is not None else None
                if breakdown and _same_measure(self.drafts[breakdown["total"]].unit, number.unit):
                    part_of = breakdown
                elif breakdown:
                    breakdown = None
                if index in inside:
                    part_of = None  # an item of the bracketed list after a total, not of the list around it
            q = {"kind": kind}
            if direction:
                q["direction"] = "+" if direction > 0 else "-"
            own_year = _YEAR.findall(label)
            own_funds = [t[2].id for t in terms if t[2].category == "fund"]
            own_entities = sorted({t[2].id for t in terms if t[2].category == "entity"})
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
            period = _PERIOD.search(label) or (_PERIOD.search(head) if part_of is None and not _FULL_YEAR.search(label)
                                               else None)
            if period:
                q["period"] = period.group().strip()  # "1-6月", "上半年", "截至9月底": part of the year
            if own_year:
                q["year"] = own_year[-1]
            elif kind == "level" and any(w in masked for w in vocab.previous_year) and q.get("year"):
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
                part_index, whole_words = respective_shares[index]
                self._share(fid, ids, label, open_breakdowns, part=offsets[part_index], whole_words=whole_words)
            elif kind == "share":
                self._share(fid, ids, label, open_breakdowns)
            if kind == "level" and not number.approx and _SUM_LABEL.match(label):
                self._listed_total(fid, ids)
            offsets[index] = fid
            previous_end = number.end
        for total_index, members in brackets:
            self._bracketed_breakdown(offsets[total_index], [offsets[k] for k in members])
        for member, owner in _bracket_owners(sentence, numbers).items():
            self.drafts[offsets[member]].bracket_of = offsets[owner]
        return breakdown

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

    def _sibling(self, breakdown: dict | None, concept: str | None) -> bool:
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

    def _parallel(self, breakdown: dict | None, concept: str | None, label: str) -> bool:
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

    def _breakdown_relation(self, breakdown: dict) -> Relation | None:
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

    def _share(self, fid: int, ids: list[int], label: str, open_breakdowns: list[dict] = (),
               part: int | None = None, whole_words: str | None = None) -> None:
        """The relation a share states: its part (the last amount before it, or ``part`` for the items of a
        分别占 list) and its whole (named after 占 — ``whole_words`` for such a list —, or the total of the
        breakdown the part belongs to)."""
        share = self.drafts[fid]
        if part is None and _OF_WHOLE.match(label) and len(ids) >= 3:  # "a，占W w的Y%": w is the whole, a the part
            whole, part = ids[-2], _last_level(self.drafts, ids[:-2], self.drafts[ids[-2]].unit)
            if part is not None and self.drafts[whole].q.get("kind") == "level":
                self.relations.append(Relation("share", whole, (part,), result=fid, explicit=True,
                                               note=self.drafts[whole].clause))
            return
        if part is None:
            part = _last_level(self.drafts, ids[:-1], None)
        if part is None:
            return
        if whole_words is None:
            whole_words = _SHARE.search(label).group("whole")
        whole = None
        alternatives: tuple[tuple[int, int], ...] = ()
        if whole_words.strip():
            named = [t for t in self._terms(whole_words) if t[2].category == "concept"]
            specific = [t for t in named if not self.vocab.concepts[t[2].id].generic]
            chosen = specific or named  # "政府采购支出总额" is 政府采购, not 支出
            wanted = chosen[-1][2].id if chosen else None
            siblings = {p for item in open_breakdowns if part in item["parts"] for p in item["parts"]}
            scope = _whole_scope(whole_words, chosen[-1][0]) if chosen else ""
            candidates = [c for c in self.drafts[: part] if wanted and c.concept == wanted
                          and c.q.get("kind") in ("level", "part") and _same_measure(c.unit, self.drafts[part].unit)
                          and c.id not in siblings and (not scope or scope in c.gap)
                          and _may_be_whole(c, whole_words)]
            nearby = [c for c in candidates if c.block == share.block] or candidates
            if nearby:
                whole = nearby[-1].id
                alternatives = tuple((part, c.id) for c in nearby[:-1] if c.id != part)
            if whole is None:
                # the whole is named but not stated nearby: kept for the sum of shares (RL204)
                self.relations.append(Relation("share", None, (part,), result=fid, explicit=True,
                                               note=whole_words.strip()))
                return
        else:
            for item in reversed(open_breakdowns):
                if part in item["parts"]:
                    whole = item["total"]
                    break
        if whole is None or whole == part:
            return
        self.relations.append(Relation("share", whole, (part,), result=fid, explicit=not alternatives,
                                       note=whole_words.strip(), alternatives=alternatives))


    # ------------------------------------------------------------------ result
    def figures(self) -> list[Figure]:
        self.flush()
        out = []
        for d in self.drafts:
            out.append(Figure(
                id=d.id, text=d.text, value=d.value, decimals=d.decimals, unit=d.unit, span=d.span,
                concept=d.concept, label=d.label, qualifiers=tuple(sorted((k, str(v)) for k, v in d.q.items())),
                approx=d.approx, direct=d.direct, table=d.table, sentence=d.sentence, block=d.block,
            ))
        return out


_SCOPE_FILLER = patterns.compile(r"本年|全年|当年|年度|本部门|部门|单位|本级|全部|的|[\s\d年度]")


def _whole_scope(whole_words: str, concept_start: int) -> str:
    """The words that narrow the whole a share names before its concept ("占专项资金支出总额的" — 专项资金):
    a figure is that whole only if its own words say so too. Empty when nothing narrows it."""
    scope = _SCOPE_FILLER.sub("", whole_words[:concept_start])
    return scope if len(_HAN.findall(scope)) >= 2 else ""


def _may_be_whole(candidate: Draft, whole_words: str) -> bool:
    """Whether a figure of the concept a share's whole names can be that whole: not one narrowed to an entity
    the words do not name (省本级支出 is not 总支出), nor, when the words say 总/合计, a part of a breakdown."""
    entity = candidate.q.get("entity", "")
    if entity and not all(e in whole_words for e in entity.split("+")):
        return False
    return not (_TOTAL_WORD.search(whole_words) and candidate.q.get("of", "fragment") != "fragment")


def _strip_terms(label: str, terms, start: int) -> str:
    """The gap between a concept's words and the number, with vocabulary words blanked out."""
    chars = list(label)
    for s, e, term in terms:
        for k in range(s, e):
            chars[k] = "□"
    return "".join(chars[start:])


def _mask(text: str, terms) -> str:
    chars = list(text)
    for start, end, term in terms:
        if term.category == "concept":
            for k in range(start, end):
                chars[k] = "□"
    return "".join(chars)


_BRACKET = patterns.compile(r"\s*\(([^()]{4,300})\)")
# words that make a bracket something other than the whole list of parts: a partial list, a comparison,
# another state, an approximation
_NOT_A_WHOLE_LIST = patterns.compile(r"含|包括|其中|等|约|以上|以下|不足|超过|比|较|上年|去年|同期|预算|计划|目标|占|增|减|为")


def _bracketed_lists(sentence: str, numbers) -> list[tuple[int, list[int]]]:
    """(index of the total, indexes of the numbers inside) for each "X a（A b、B c）" in the sentence: a
    bracket right after a number, listing two or more items separated by 、，; and nothing else."""
    out = []
    for k, number in enumerate(numbers):
        m = _BRACKET.match(sentence, number.end)
        if not m or _NOT_A_WHOLE_LIST.search(m.group(1)):
            continue
        members = [j for j, other in enumerate(numbers) if m.start(1) <= other.start and other.end <= m.end(1)
                   and _same_measure(other.unit, number.unit)]  # "3个公司聘用人员1155人" is one item in 人
        items = [piece for piece in _LIST_ITEM_SPLIT.split(m.group(1)) if piece.strip()]
        if len(members) >= 2 and len(items) == len(members):
            out.append((k, members))
    return out


def _bracket_owners(sentence: str, numbers) -> dict[int, int]:
    """number index → the index of the number a bracket right after it belongs to, for every number written
    inside that bracket, whatever the bracket says ("2066万元（其中：运行维护费1920万元，购置费146万元）")."""
    out: dict[int, int] = {}
    for k, number in enumerate(numbers):
        close = _closing_bracket(sentence, number.end)
        if close is None:
            continue
        for j in range(k + 1, len(numbers)):
            if numbers[j].start >= close:
                break
            out[j] = k
    return out


def _closing_bracket(text: str, start: int, limit: int = 300) -> int | None:
    """Where the bracket opening at ``start`` (after blanks) closes, nested brackets ("（境）") included."""
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or text[i] != "(":
        return None
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return None


_LIST_ITEM_SPLIT = patterns.compile(r"[、，,;；]")
_RESPECTIVELY = patterns.compile(r"分别(?:为|是|达到|达)\s*[:：]?")
_NAME_SPLIT = patterns.compile(r"、|和|及|与")
_NAMES_START = patterns.compile(r".*[，,；;：:。]|.*其中")  # the names run from the last clause break (or 其中)


def _respectively(sentence: str, numbers) -> dict[int, str]:
    """"其中基本支出、项目支出分别为860.50万元、319.50万元": number index → the name it goes with, when
    as many numbers follow 分别为 (one after another, separated only by 、/和/及) as names precede it."""
    out: dict[int, str] = {}
    for m in _RESPECTIVELY.finditer(sentence):
        head = sentence[:m.start()]
        cut = _NAMES_START.match(head)
        names = [n.strip() for n in _NAME_SPLIT.split(head[cut.end() if cut else 0:]) if n.strip()]
        following = [k for k, n in enumerate(numbers) if n.start >= m.end()][: len(names)]
        if len(names) < 2 or len(following) != len(names):
            continue
        gaps = [sentence[numbers[a].end:numbers[b].start] for a, b in zip(following, following[1:])]
        if sentence[m.end():numbers[following[0]].start].strip() or any(g.strip() not in ("、", "和", "及", "与", "，", ",") for g in gaps):
            continue  # other words among the values: not a plain list of them
        out.update(zip(following, names))
    return out


_RESPECTIVE_SHARES = patterns.compile(r"分别占(?P<whole>[^，,。;；、\d]{0,24}?)(?:的)?(?:比重|比例)?(?:为)?\s*$")


def _respective_shares(sentence: str, numbers) -> dict[int, tuple[int, str]]:
    """"基本支出、项目支出分别为700万元、300万元，分别占70%、30%": share number index → (the index of the
    amount it is the share of, the words naming the whole), when as many percentages follow 分别占 (separated
    only by 、/和/，) as amounts stand just before it."""
    out: dict[int, tuple[int, str]] = {}
    for k, number in enumerate(numbers):
        if number.unit != "%" or k == 0:
            continue
        m = _RESPECTIVE_SHARES.search(sentence, numbers[k - 1].end, number.start)
        if not m:
            continue
        shares = [k]
        while (shares[-1] + 1 < len(numbers) and numbers[shares[-1] + 1].unit == "%" and
               sentence[numbers[shares[-1]].end:numbers[shares[-1] + 1].start].strip() in ("、", "和", "，", ",")):
            shares.append(shares[-1] + 1)
        parts = list(range(k - len(shares), k))
        if len(shares) < 2 or parts[0] < 0 or any(numbers[p].unit in ("%", "") for p in parts):
            continue
        if len({numbers[p].unit for p in parts}) != 1:
            continue
        out.update({share: (part, m.group("whole")) for share, part in zip(shares, parts)})
    return out


_SCORE_TOTAL_LABEL = patterns.compile(r"(?:总|综合|自评|评价|绩效)得分|总分")


def _score_breakdown(total: Draft, parts: list[Draft]) -> bool:
    """A total score broken down into three or more group scores: the groups of an indicator system are
    all listed when that many are (two may be a selection)."""
    return (total.unit == "分" and not total.approx and len(parts) >= 3
            and bool(_SCORE_TOTAL_LABEL.search(total.clause))
            and all(p.unit == "分" and p.concept == "score" and not p.approx for p in parts))


_CLASS_COUNT = patterns.compile(r"(?:共|分为|主要有|包括|有)[^，,。；;]{0,40}?(?<![\d.])([二两三四五六七八九]|[2-9])\s*(?:类|大类|种|个部分|部分|个方面)")
_CN_SMALL = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _counted_classes(sentence: str, parts: int) -> bool:
    """Whether the sentence says how many kinds the total has ("分为三类", "主要有…二类支出") and lists that many."""
    for m in _CLASS_COUNT.finditer(sentence):
        word = m.group(1)
        if (_CN_SMALL.get(word) or int(word)) == parts:
            return True
    return False


def _says_progress(vocab, text: str) -> bool:
    return any(word in text for word in vocab.progress_words)


def _opener_names(label: str, terms, opener) -> str | None:
    """The concept a 包括 list is written after ("支出包括：", "收入主要包括："): the list's own total."""
    if not opener.group().startswith("包括"):
        return None
    for start, end, term in reversed(terms):
        if term.category == "concept" and end <= opener.start():
            gap = label[end:opener.start()]
            return term.id if len(gap) <= 2 and not _CLAUSE_BREAK.search(gap) else None
    return None


def _list_opened(label: str):
    """The last 其中/包括/分别为/( in ``label`` whose list is still open at its end: "，主要包括：基本工资、
    津贴补贴…；公用经费" closed its list of names at the semicolon."""
    for opener in reversed(list(_BREAK_OPEN.finditer(label))):
        if opener.group() == "(":
            if ")" in label[opener.end():]:
                continue  # "（类）" inside the label: a bracket opened and closed, look further back
            return opener
        return None if _SEMICOLON.search(label, opener.end()) else opener
    return None


def _last_level(drafts: list[Draft], ids: list[int], unit: str | None) -> int | None:
    for fid in reversed(ids):
        d = drafts[fid]
        if d.q.get("kind") == "level" and (unit is None or _same_measure(d.unit, unit)):
            return fid
        if d.q.get("kind") == "level":
            return None
    return None


