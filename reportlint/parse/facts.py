"""Read figures and the relations between them out of paragraphs and tables.

A figure's *label* is the text between the previous figure (or the start of its sentence) and the
figure. The concept is the concept word nearest the number; a generic word (本年支出) after a subject
(基本支出…本年支出) means the subject's actual amount. Qualifiers — year, state (budget or actual),
fund, entity, subject and kind (level, change, share, rate) — come from the label and the sentence
before the figure. Parts of a breakdown ("X，其中 A a、B b" or "X（A a、B b）") inherit their
total's qualifiers.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from decimal import Decimal

from reportlint import patterns

from reportlint.document import Figure, Relation, Span, Table, TablePlace
from reportlint.parse.normalize import NormText
from reportlint.parse.numbers import find_numbers, parse_cell_number
from reportlint.parse.tables import cell_labels, is_key_value
from reportlint.rules import Term, Vocabulary

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_CLAUSE_BREAK = patterns.compile(r"[，,;；。:：]")
_LABEL_VALUE_CELL = patterns.compile(r"[:：]\s*(\d+(?:\.\d+)?)\s*$")
_TOTAL_ROW_LABEL = patterns.compile(r"^(合计|总计|小计)")
_SUMMARY_ROW_LABEL = patterns.compile(r"汇总\s*$")  # "局机关及二级机构汇总": the units' rows add up to it
_TOTAL_COLUMN = patterns.compile(r"合计|总计|小计")
_ROW_NUMBERING = patterns.compile(r"^\s*\d+\s*[、.]")
_WEIGHT_LABEL = patterns.compile(r"分值|权重")
_SCORE_LABEL = patterns.compile(r"得分")
_UNIT_IN_LABEL = patterns.compile(r"[(（]\s*(万元|元|亿元|%)\s*[)）]")
_RATE_LABEL = patterns.compile(r"率")

_SENTENCE_SPLIT = patterns.compile(r"(?<=[。！？!?])")
_YEAR = patterns.compile(r"(?<!\d)((?:19|20)\d{2})\s*年")
_GLUE = patterns.compile(r"^[\s为是共计达合总额金数约近有的了:()“”\"'：，,]*$")
_FOREIGN_SUBJECT = patterns.compile(r"项目|专项|工程|合同|该|此项|中标|采购|每")
_FOREIGN_IN_PROJECT_REPORT = patterns.compile(r"工程|合同|中标|采购|每")
_DIFFERENCE_LABEL = patterns.compile(r"(?:差值|差额|相差|收支结余)\s*(?:为|是)?\s*[:：]?\s*$")
_SHARE = patterns.compile(r"占(?P<whole>[^，,。;；]{0,24}?)(?:的|比重|比例|为)?\s*$")
_RATE_WORDS = patterns.compile(r"完成(?:了)?(?:年初)?预算(?:数)?的\s*$")
_OF_BUDGET = patterns.compile(r"(为|是|占|完成)[^，,。]{0,6}预算")
_RATE_LABEL_END = patterns.compile(r"\p{Han}率\s*(?:为|达|达到|是)?\s*[:：]?\s*$")  # 满意率96%, 办结率达100%
_TOTAL_WORD = patterns.compile(r"总|合计")
_OF_WHOLE = patterns.compile(r"\s*的\s*(?:比率|比例|比重)?\s*(?:为|是)?\s*[:：]?\s*$")
_OPENS_WITH_COMPARISON = patterns.compile(r"\s*(?:同比|较|比|与)")
_COMPARED_TO = patterns.compile(r"(比|较|与|同)(上年|去年|上年度|上一年|同期|\d{4}年|年初预算|全年预算|调整后预算|预算)")
_SUM_LABEL = patterns.compile(r"^[，,、;；\s]*(?:以上)?(?:合计|共计|总计|累计|总额为|合计为|共计为|共有|共)\s*[:：为]?\s*$")
_HAN = patterns.compile(r"\p{Han}")
_DIGIT = patterns.compile(r"[0-9０-９]")
_LABEL_MAX = 30  # longer label cells are notes, not names
_SUB_ROW = patterns.compile(r"^\s*(其中|含|包括)|^\s+")
_DIGITS = patterns.compile(r"\d+")
_NUMERALS = patterns.compile(r"[一二三四五六七八九十]+")


def _row_style(marker: str) -> str:
    """"2、" and "3、" are one style ("d、"); "(一)" ("(c)") is another than "(1)" ("(d)")."""
    return _NUMERALS.sub("c", _DIGITS.sub("d", marker.strip()))


_ROW_STYLE = patterns.compile(r"^\s*(\d+[、.]|\(\d+\)|（\d+）|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
_CLASS_MARK_BEFORE = patterns.compile(r"\((?:类|款|项)\)\s*$")
_GLUE_CHARS = set("为是共计达合总额数约近有的了年")
# what may stand right before 项目支出 when it is the department's (本年度项目支出, 部门预算项目支出, 基本支出和项目支出,
# 二级机构项目支出); any other character joins a project's name to it
_BEFORE_PROJECT = set("度及和与或算门位构级其中入列")
_FILLER = patterns.compile(
    r"((?:19|20)\d{2}\s*年度?|合计|共计|总计|总额|金额|累计|余额|总数|全年|本年|当年|年度|年末|年初|截止|截至|实际|"
    r"共|为|是|达到|达|约|计|的|了|有|□|[\s:：()“”\"'，,])"
)
_BREAK_OPEN = patterns.compile(r"其中|\(|分别为|包括|如下\s*[:：]|以下(?:方面|几个方面|项目)?\s*[:：]")
_CLAUSE_CLOSE = patterns.compile(r"[;；]|\)")
_SEMICOLON = patterns.compile(r"[;；]")


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
    q: dict = field(default_factory=dict)
    approx: str = ""
    direct: bool = False
    table: TablePlace | None = None
    sentence: int = -1
    block: int = -1
    id: int = -1
    clause: str = ""


class Extractor:
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
        found = vocab.find_terms(text)
        kept = []
        ends = {e for _, e, _ in found}
        starts = {s for s, _, _ in found}
        for s, e, term in found:
            if (term.category == "concept" and term.text in vocab.fund_words and "收入" not in term.text
                    and text.startswith("支出", e)):
                term = Term(term.text, "fund", vocab.fund_words[term.text])  # "一般公共预算财政拨款支出": a fund
            if term.category == "concept" and term.text.startswith("项目") and s > 0 and s not in ends:
                before = text[s - 1]
                if _HAN.match(before) and before not in _GLUE_CHARS and before not in _BEFORE_PROJECT:
                    continue  # "乡村振兴项目支出": one named project's spending, not the department's 项目支出
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
        return kept

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
        masked_sentence = _mask(sentence, self._terms(sentence))
        first_foreign = self.foreign_subject.search(masked_sentence)
        foreign_at = first_foreign.start() if first_foreign else None  # where a narrower subject is first named
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
                          sentence=sid, block=block)
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
                if vocab.concepts[concept].generic and foreign_at is not None:
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
            if number.unit != "%" and _DIFFERENCE_LABEL.search(label):
                kind = "difference"  # "…2.05万元，年初预算为2.95万元，差值为0.9万元"
            elif change:
                direction = 1 if change.group() in vocab.increase else -1
                kind = "change-rate" if number.unit == "%" else "change"
            elif number.unit == "%" and _SHARE.search(label):
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
            if kind == "level":
                if opens and ids:
                    total_id = self._breakdown_total(ids, number.unit)
                    if total_id is not None:
                        breakdown = {"total": total_id, "parts": []}
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
            if kind == "share":
                self._share(fid, ids, label, open_breakdowns)
            if kind == "level" and not number.approx and _SUM_LABEL.match(label):
                self._listed_total(fid, ids)
            offsets[index] = fid
            previous_end = number.end
        for total_index, members in brackets:
            self._bracketed_breakdown(offsets[total_index], [offsets[k] for k in members])
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

    def _breakdown_total(self, ids: list[int], unit: str) -> int | None:
        """The figure "其中" breaks down: the last amount before it, passing over a reference amount that only
        serves a comparison ("…为年初预算数6180万元的78.56%。其中…"); none after a stated difference."""
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

    def _breakdown_relation(self, breakdown: dict) -> Relation:
        total = self.drafts[breakdown["total"]]
        parts = tuple(breakdown["parts"])
        complete = False
        part_concepts = sorted(self.drafts[p].concept or "" for p in parts)
        for identity in self.vocab.identities:
            if identity.total != total.concept:
                continue
            if sorted(identity.parts) == part_concepts and identity.exact:
                complete = True
            elif identity.optional and set(part_concepts) == identity.members:
                complete = True  # every part, the optional ones included: an equality
        if not complete and _score_breakdown(total, [self.drafts[p] for p in parts]):
            # "自评得分92分，其中：预算执行率得分9分，产出指标得分46分，效益指标得分28分，满意度指标得分9分"
            return Relation("breakdown", total.id, parts, complete=True, explicit=False, note="scores")
        return Relation("breakdown", total.id, parts, complete=complete, explicit=True)

    def _share(self, fid: int, ids: list[int], label: str, open_breakdowns: list[dict] = ()) -> None:
        share = self.drafts[fid]
        if _OF_WHOLE.match(label) and len(ids) >= 3:  # "a，占W w的Y%": w is the whole, a the part
            whole, part = ids[-2], _last_level(self.drafts, ids[:-2], self.drafts[ids[-2]].unit)
            if part is not None and self.drafts[whole].q.get("kind") == "level":
                self.relations.append(Relation("share", whole, (part,), result=fid, explicit=True,
                                               note=self.drafts[whole].clause))
            return
        part = _last_level(self.drafts, ids[:-1], None)
        if part is None:
            return
        whole_words = _SHARE.search(label).group("whole")
        whole = None
        if whole_words.strip():
            named = [t for t in self._terms(whole_words) if t[2].category == "concept"]
            specific = [t for t in named if not self.vocab.concepts[t[2].id].generic]
            chosen = specific or named  # "政府采购支出总额" is 政府采购, not 支出
            wanted = chosen[-1][2].id if chosen else None
            candidates = [c for c in self.drafts[: part] if wanted and c.concept == wanted
                          and c.q.get("kind") in ("level", "part") and _same_measure(c.unit, self.drafts[part].unit)]
            nearby = [c for c in candidates if c.block == share.block] or candidates
            if nearby:
                whole = nearby[-1].id
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
        self.relations.append(Relation("share", whole, (part,), result=fid, explicit=True,
                                       note=whole_words.strip()))

    def _paragraph_relations(self, sentence_ids: list[int]) -> None:
        """Identities, rates and year-on-year changes among the figures of one paragraph."""
        figures = [f for sid in sentence_ids for f in self.sentence_figures[sid]]
        previous: list[int] = []
        for sid in sentence_ids:
            ids = self.sentence_figures[sid]
            self._identities(ids)
            self._changes(self._continued(previous, sid, ids))
            self._adjustments(ids)
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
        return [levels[-1], *ids] if levels else ids

    def _identities(self, ids: list[int], paragraph: bool = False) -> None:
        """Identities among the level figures of ``ids`` that share the total's qualifiers. Across a
        paragraph (``paragraph``) a part that names no entity is taken in the scope of the total
        ("行政事业单位…“三公”经费决算总额2771万元…分项情况是：因公出国（境）经费决算120万元…")."""
        drafts = [self.drafts[i] for i in ids if self.drafts[i].q.get("kind") == "level" and not self.drafts[i].approx]
        if len(drafts) < 3:
            return  # a total and at least two parts
        concepts = {d.concept for d in drafts}
        existing = None
        for identity in self.vocab.identities:
            if identity.total not in concepts:
                continue
            for total in [d for d in drafts if d.concept == identity.total]:
                key = _key(total)
                parts = []
                for concept in identity.parts:
                    match = [d for d in drafts if d.concept == concept and _same_measure(d.unit, total.unit)
                             and (_key(d) == key or paragraph and not d.q.get("entity") and _key(d)[:3] == key[:3]
                                  and _key(d)[4:] == key[4:])]
                    if len(match) != 1:
                        parts = []
                        break
                    parts.append(match[0].id)
                if parts and existing is None:
                    existing = {(r.total, tuple(sorted(r.parts))) for r in self.relations
                                if r is not None and r.kind in ("breakdown", "identity")}
                if parts and (total.id, tuple(sorted(parts))) not in existing:
                    self.relations.append(Relation("identity", total.id, tuple(parts), complete=identity.exact,
                                                   explicit=False, note=identity.name))

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
            if delta is None and pos + 1 < len(ids) and self.drafts[ids[pos + 1]].q.get("kind") == "change":
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
                    break
                if d.q.get("kind") in ("change", "change-rate"):
                    break
            if level is None:
                level = self._stated_level(delta)
            if level is None or level.approx:
                continue
            direction = 1 if rate.q.get("direction") == "+" else -1
            # "2665.79万元，比上年2500.00万元增加165.79万元": the figure before the change is the base itself
            is_base = bool(_COMPARED_TO.search(level.clause))
            self.relations.append(Relation("change", level.id, (delta.id,), result=rate.id, explicit=True,
                                           direction=direction, note="base" if is_base else ""))
            if is_base:
                current = next((self.drafts[p] for p in reversed(ids[: ids.index(level.id)])
                                if self.drafts[p].q.get("kind") in ("level", "part")), None)
                if current is not None and not current.approx and _same_measure(current.unit, level.unit):
                    against_budget = "预算" in level.clause  # "24.60万元，比预算30.00万元节约5.40万元"
                    self.relations.append(Relation("adjust", current.id, (level.id, delta.id), explicit=True,
                                                   direction=direction,
                                                   note="budget-change" if against_budget else "change"))

    def _stated_level(self, delta: Draft) -> Draft | None:
        """"2017年度“三公”经费支出决算数比2016年度减少0.28万元，降低3.09%": the amount that changed is not
        in the sentence; it is the one stated earlier for the sentence's subject (its concept, state, year,
        fund and entity), when every earlier statement of it agrees."""
        head = self.sentence_heads.get(delta.sentence)
        if head is None or self.sentence_figures[delta.sentence][0] != delta.id:
            return None  # only the sentence's first figure speaks of the subject it opens with
        concept, state, year = head
        found = [d for d in self.drafts[: delta.id] if d.concept == concept and d.q.get("kind") == "level"
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
        """"由年初预算X调整为Y，调增Δ": Y = X ± Δ."""
        drafts = [self.drafts[i] for i in ids]
        for pos, initial in enumerate(drafts):
            if initial.q.get("state") != "budget_initial" or initial.q.get("kind") != "level" or initial.approx:
                continue
            rest = drafts[pos + 1:pos + 3]
            if len(rest) < 2:
                continue
            adjusted, delta = rest
            bare = self.vocab.change_pattern.sub("", delta.clause)
            if _HAN.search(_FILLER.sub("", bare)):
                continue  # "…其中某项调增Δ": a part of the change, not the change itself
            if (adjusted.q.get("state") == "budget_adjusted" and adjusted.q.get("kind") == "level"
                    and delta.q.get("kind") == "change" and not adjusted.approx and not delta.approx
                    and _same_measure(initial.unit, adjusted.unit) and _same_measure(initial.unit, delta.unit)):
                direction = 1 if delta.q.get("direction") == "+" else -1
                self.relations.append(Relation("adjust", adjusted.id, (initial.id, delta.id), explicit=True,
                                               direction=direction))

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
        budgets = [d for d in self.drafts[: numerator.id] if d.q.get("kind") == "level" and not d.approx
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
            scope = [d for d in self.drafts[: rate.id] if d.concept == rid.denominator and d.q.get("kind") == "level"
                     and not d.approx and _in_state(d, rid.denominator_state) and d not in numerators
                     and all(d.q.get(k) == numerators[-1].q.get(k) for k in ("year", "fund", "entity"))]
            pairs = tuple((n.id, d.id) for n in numerators for d in scope if _same_measure(n.unit, d.unit))
            if pairs:
                self.relations.append(Relation("rate", None, (), result=rate.id, explicit=False, alternatives=pairs,
                                               note=rid.name))

    def _rates(self, ids: list[int]) -> None:
        """执行率/完成预算的Y%: the actual amount just before it over the budgets of the same concept;
        办结率/满意率…: exactly two counts of one measure word before it in the sentence."""
        for pos, fid in enumerate(ids):
            rate = self.drafts[fid]
            if rate.q.get("kind") != "rate" or rate.approx or rate.unit != "%":
                continue
            before = [self.drafts[i] for i in ids[:pos]]
            if rate.concept in self.vocab.rate_results:
                self._named_rate(rate, ids)
                continue
            money_rate = rate.concept == "execution_rate" or (rate.concept is None and not _RATE_LABEL_END.search(rate.clause))
            if money_rate:
                money = [d for d in before if d.q.get("kind") == "level" and d.is_money_like() and not d.approx]
                actual = [d for d in money if d.q.get("state") == "actual"]
                if actual:
                    numerator = actual[-1]
                    budgets = [d for d in money if d.q.get("state", "").startswith("budget")
                               and (_same_scope(numerator, d) and (d.concept is not None or d.sentence == rate.sentence)
                                    or _unnamed_between(numerator, d, rate))]
                    pairs = tuple((numerator.id, d.id) for d in budgets)
                    if pairs:
                        self.relations.append(Relation("rate", None, (), result=fid, explicit=len(pairs) == 1,
                                                       alternatives=pairs))
                    elif rate.concept == "execution_rate":
                        self._rate_over_stated_budget(rate, numerator)
                continue
            counts = [d for d in before if d.sentence == rate.sentence and d.q.get("kind") == "level"
                      and d.unit and not d.is_money_like() and d.unit not in ("%", "分")]
            if not counts or ids.index(counts[-1].id) != pos - 1:
                continue  # the done count stands right before its rate
            a = counts[-1]  # "发放问卷500份，回收有效问卷480份，满意率96%": the nearer count over the other
            vocab = self.vocab
            if (any(w in a.clause for w in vocab.rate_total_words) and not any(w in a.clause for w in vocab.rate_done_words)
                    and len(counts) >= 2 and counts[-2].unit == a.unit and not a.approx and not counts[-2].approx
                    and a.value > 0):
                # "培训人数1200人次，计划培训1000人次，完成率120.00%": the planned count comes last
                self.relations.append(Relation("rate", None, (), result=fid, explicit=False,
                                               alternatives=((counts[-2].id, a.id),), note="count"))
                continue
            totals = [d for d in counts[:-1] if d.unit == a.unit
                      and any(w in d.clause for w in self.vocab.rate_total_words)]
            same_unit = [d for d in counts if d.unit == a.unit]
            if (len(same_unit) == 2 and totals == same_unit[:1] and not a.approx and not totals[0].approx
                    and totals[0].value > 0 and not any(w in a.clause for w in vocab.rate_total_words)):
                # "全年计划召开会议12次，召开11次，完成率91.67%": the one other count is named as the plan
                self.relations.append(Relation("rate", None, (), result=fid, explicit=False,
                                               alternatives=((a.id, totals[0].id),), note="count"))
                continue
            if totals and not a.approx and any(w in a.clause for w in self.vocab.rate_done_words):
                # the base is the count named as the total, or any count between it and the done count
                # ("受理1200件，办结1150件，按时办结1100件，按时办结率95%": 按时 of those 办结, or of those 受理)
                start = counts.index(totals[-1])
                bases = [d for d in counts[start:-1] if d.unit == a.unit and not d.approx and d.value > 0]
                if bases:
                    self.relations.append(Relation("rate", None, (), result=fid, explicit=False,
                                                   alternatives=tuple((a.id, d.id) for d in bases), note="count"))

    # ------------------------------------------------------------------ tables
    def table(self, table: Table, block: int) -> None:
        self.flush()
        by_row: dict[int, list[int]] = {}
        by_col: dict[int, list[int]] = {}
        empty_rows: dict[int, set[str]] = {}  # column → concepts of rows whose cell in it is empty
        for r in range(table.header_rows, len(table.rows)):
            for cell in table.rows[r]:
                if not cell.text and cell.col > 0:
                    row_label = cell_labels(table, r, cell.col)[0]
                    concepts = [t[2].id for t in self._terms(row_label) if t[2].category == "concept"]
                    if concepts:
                        empty_rows.setdefault(cell.col, set()).add(concepts[-1])
                if not cell.text or cell.norm is None:
                    continue
                row_label, col_label = cell_labels(table, r, cell.col)
                parsed = parse_cell_number(cell.text)
                if parsed is not None:
                    value, decimals, unit = parsed
                    if not unit:
                        unit = _column_unit(col_label) or table.unit
                    norm = cell.norm
                    stripped = norm.text.strip()
                    lead = len(norm.text) - len(norm.text.lstrip())
                    span = norm.span(lead, lead + len(stripped))
                    draft = Draft(stripped, value, decimals, unit, span, block=block,
                                  table=TablePlace(table.index, r, cell.col, row_label, col_label,
                                                   is_key_value(table, r, cell.col)))
                    self._label_cell(draft, row_label, col_label, table.caption)
                else:
                    # "其中：一般公共预算：484.14" — a label:value cell
                    m = _LABEL_VALUE_CELL.search(cell.text)
                    if not m:
                        continue
                    found = parse_cell_number(m.group(1))
                    if found is None:
                        continue
                    value, decimals, _ = found
                    norm = cell.norm
                    idx = norm.text.rfind(m.group(1))
                    span = norm.span(idx, idx + len(m.group(1)))
                    inner = cell.text[: m.start()]
                    draft = Draft(m.group(1), value, decimals, table.unit, span, block=block,
                                  table=TablePlace(table.index, r, cell.col, inner, col_label))
                    self._label_cell(draft, inner, col_label, table.caption)
                fid = len(self.drafts)
                draft.id = fid
                self.drafts.append(draft)
                by_row.setdefault(r, []).append(fid)
                by_col.setdefault(cell.col, []).append(fid)
        self._table_total_rows(table, by_row)
        self._table_sub_columns(table, by_row)
        self._prose_cells(table, block)
        for group in by_row.values():
            self._table_identities(group)
            self._table_rates(group)
        for col, group in by_col.items():
            self._table_identities(group, empty_rows.get(col, set()))
            self._table_rates(group)

    def _table_total_rows(self, table: Table, by_row: dict[int, list[int]]) -> None:
        """A 合计/总计 (or …汇总) row over flat item rows: per column, the total against the sum of the rows
        (rows named 其中… or with a second numbering level make the table hierarchical: not checked)."""
        rows = sorted(by_row)
        totals = [r for r in rows if _TOTAL_ROW_LABEL.match(table.row_headers[r] or "")
                  or _SUMMARY_ROW_LABEL.search(table.row_headers[r] or "")]
        if len(totals) != 1:
            return
        total_row = totals[0]
        # every named data row is an item, also one whose cells are all empty (a unit with nothing to report)
        items = [r for r in range(table.header_rows, len(table.rows)) if r != total_row and table.row_headers[r]]
        labels = [table.row_headers[r] for r in items]
        if len(items) < 2 or any(_SUB_ROW.search(label or "") for label in labels):
            return
        styles = {_row_style(m.group(1)) for label in labels for m in [_ROW_STYLE.match(label or "")] if m}
        if len(styles) > 1:
            return  # "1、" and "(1)" rows: two levels
        for total_id in by_row[total_row]:
            total = self.drafts[total_id]
            if total.table is None or total.q.get("kind") not in ("level", "score"):
                continue
            col = total.table.col
            parts = [f for r in items for f in by_row.get(r, ()) if self.drafts[f].table.col == col]
            # the item rows are there; those with this cell empty count as 0 (汇总 = 局机关 when the others are blank)
            if parts and all(_same_measure(self.drafts[p].unit, total.unit) for p in parts):
                self.relations.append(Relation("table-sum", total_id, tuple(parts), complete=True, explicit=True,
                                               note=f"{table.index}:{total_row}"))

    def _prose_cells(self, table: Table, block: int) -> None:
        """A cell that holds running text ("2020年，我区…应办理工单11303件，已办理11303件，办结率100%；…" in the
        narrative column of a form) is read as a paragraph of its own."""
        for row in table.rows:  # header rows too: a form's layout often passes for a header
            for cell in row:
                if cell.norm is not None and _PROSE_CELL.search(cell.norm.text) and _DIGIT.search(cell.norm.text):
                    self.paragraph(cell.norm, block)
                    self.flush()

    def _table_sub_columns(self, table: Table, by_row: dict[int, list[int]]) -> None:
        """| 收入合计 | 其中：上年结转 | 财政拨款 | … | 其他收入 |: in each row the 合计 cell is the sum of the
        columns under 其中 (empty cells are 0) — when they end with an 其他… column, or name every part of an
        identity of the total, either of which makes them all."""
        group = _sub_column_group(table)
        if group is None:
            return
        total_col, sub_cols, header_row = group
        labels = [table.rows[header_row + 1][c].text or "" for c in sub_cols]
        if not _OTHER_LABEL.match(labels[-1]) and not self._names_every_part(table.rows[header_row][total_col].text or "", labels):
            return  # the columns under 其中 may be only some of the parts
        for r, ids in by_row.items():
            cells = {self.drafts[i].table.col: i for i in ids if self.drafts[i].table is not None}
            total_id = cells.get(total_col)
            parts = [cells[c] for c in sub_cols if c in cells]
            if total_id is None or len(parts) < 2:
                continue
            total = self.drafts[total_id]
            if total.q.get("kind") == "level" and all(self.drafts[p].q.get("kind") == "level"
                                                      and _same_measure(self.drafts[p].unit, total.unit) for p in parts):
                self.relations.append(Relation("table-sum", total_id, tuple(parts), complete=True, explicit=True,
                                               note=f"{table.index}:columns"))

    def _names_every_part(self, total_label: str, part_labels: list[str]) -> bool:
        """Whether the part labels name every part of an identity of the total's concept (a part may be named
        by the parts of its own exact identity: 公务用车购置费 + 运行维护费 for 公务用车购置及运行维护费)."""
        def concept(label: str) -> str | None:
            found = [t[2].id for t in self._terms(label) if t[2].category == "concept"]
            return found[-1] if found else None

        total = concept(total_label)
        named = {concept(label) for label in part_labels} - {None}
        if total is None:
            return False
        for identity in self.vocab.identities:
            if identity.total != total or not identity.parts:
                continue
            if all(part in named or any(sub.exact and sub.total == part and set(sub.parts) <= named
                                        for sub in self.vocab.identities) for part in identity.parts):
                return True
        return False

    def _short_rate_name(self, rate: Draft, rid) -> bool:
        """A rate cell headed by the rate's short name ("控制率" under "财政供养人员情况" for 人员控制率): its
        operands, once each in the row or column, decide which rate it is."""
        header = rate.table.column_header.split("/")[-1].strip() if rate.table else ""
        short = self.vocab.concepts[rid.result].name[-3:]
        return len(header) >= 3 and header.endswith(short)

    def _label_cell(self, draft: Draft, row_label: str, col_label: str, caption: str) -> None:
        vocab = self.vocab
        # a long note in a label cell ("1.预算执行率=预算执行数/调整后预算数…") names nothing
        row_terms = vocab.find_terms(row_label) if len(row_label) <= _LABEL_MAX else []
        col_terms = vocab.find_terms(col_label.split("/")[-1]) if len(col_label.split("/")[-1]) <= _LABEL_MAX else []
        cap_terms = vocab.find_terms(caption)
        concept = None
        for terms in (row_terms, col_terms):
            concepts = [t for t in terms if t[2].category == "concept"]
            if concepts:
                concept = concepts[-1][2].id
                break
        total_row = bool(_TOTAL_ROW_LABEL.search(row_label))
        if concept is None and draft.unit in ("元", "万元", "亿元") and total_row:
            concepts = [t[2].id for t in cap_terms if t[2].category == "concept"]
            specific = [c for c in concepts if not vocab.concepts[c].generic]
            if concepts:
                concept = (specific or concepts)[-1]  # "“三公”经费财政拨款支出决算表": 三公经费, not 支出
        if concept and not unit_fits(vocab.concepts[concept].kind, draft.unit):
            concept = None
        draft.concept = concept
        draft.label = "/".join(x for x in (row_label, col_label) if x)
        draft.direct = concept is not None
        q: dict = {"kind": "level"}
        state = ""
        for terms in (col_terms, row_terms, cap_terms):
            states = [t for t in terms if t[2].category == "state"]
            if states:
                state = states[-1][2].id
                break
        if not state and concept:
            state = vocab.concepts[concept].state or "actual"
        if state:
            q["state"] = state
        if concept and vocab.concepts[concept].kind == "rate" or draft.unit == "%":
            q["kind"] = "rate"
        year = _YEAR.findall(col_label) or _YEAR.findall(row_label) or _YEAR.findall(caption)
        if year:
            q["year"] = year[-1]
        elif self.doc_year:
            q["year"] = str(self.doc_year)
        funds = [t[2].id for t in cap_terms + col_terms if t[2].category == "fund"]
        if funds:
            q["fund"] = funds[-1]
        entities = sorted({t[2].id for t in row_terms if t[2].category == "entity"})
        if entities:
            q["entity"] = "+".join(entities)
        elif concept and not any(t[2].category == "concept" for t in row_terms) and row_label and not total_row:
            q["entity"] = "row:" + _ROW_NUMBERING.sub("", row_label)
        if _WEIGHT_LABEL.search(col_label):
            draft.concept = "weight"
            q["kind"] = "score"
            draft.unit = draft.unit or "分"
        elif _SCORE_LABEL.search(col_label):
            draft.concept = "score"
            q["kind"] = "score"
            draft.unit = draft.unit or "分"
        draft.q = q

    def _table_identities(self, group: list[int], empty: set[str] = frozenset()) -> None:
        """Identities among the cells of one row or column; a part whose row is there with an empty cell
        counts as zero (forms leave 0 blank), as long as at least one part has a value."""
        drafts = [self.drafts[i] for i in group if self.drafts[i].q.get("kind") == "level"]
        for identity in self.vocab.identities:
            for total in [d for d in drafts if d.concept == identity.total]:
                parts = []
                for concept in identity.parts:
                    match = [d for d in drafts if d.concept == concept and _key(d) == _key(total)]
                    if len(match) == 1:
                        parts.append(match[0].id)
                    elif not match and concept in empty:
                        continue
                    else:
                        parts = []
                        break
                if parts:
                    self.relations.append(Relation("identity", total.id, tuple(parts), complete=identity.exact,
                                                   explicit=True, note=identity.name))

    def _table_rates(self, group: list[int]) -> None:
        drafts = [self.drafts[i] for i in group]
        for rate in [d for d in drafts if d.q.get("kind") == "rate" and d.unit == "%"]:
            for rid in self.vocab.rates:
                if rate.concept != rid.result and not (rate.concept is None and self._short_rate_name(rate, rid)):
                    continue
                num = [d for d in drafts if d.concept == rid.numerator]
                den = [d for d in drafts if d.concept == rid.denominator]
                if len(num) == 1 and len(den) == 1:
                    self.relations.append(Relation("rate", None, (), result=rate.id, explicit=True,
                                                   alternatives=((num[0].id, den[0].id),), note=rid.name))
            if rate.concept == "execution_rate":
                num = [d for d in drafts if d.q.get("state") == "actual" and d.q.get("kind") == "level"]
                den = [d for d in drafts if d.q.get("state", "").startswith("budget") and d.q.get("kind") == "level"]
                pairs = tuple((n.id, d.id) for n in num for d in den)
                if pairs:
                    self.relations.append(Relation("rate", None, (), result=rate.id, explicit=len(pairs) == 1,
                                                   alternatives=pairs))

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


PERSON_UNITS = ("人", "名")


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


def _same_measure(a: str, b: str) -> bool:
    money = ("元", "万元", "亿元")
    if a in money and b in money:
        return True
    return a == b


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


_PROSE_CELL = patterns.compile(r"[^，。；]{4,}[，；][^，。；]{4,}[，。；][^，。；]{2,}")  # two clauses or more
_OF_WHICH_CELL = patterns.compile(r"^\s*其中\s*[:：]?\s*$")
_OTHER_LABEL = patterns.compile(r"^\s*其他")


def _sub_column_group(table: Table) -> tuple[int, list[int], int] | None:
    """(the 合计 column, the columns under the 其中 header cell right of it, the header row of 其中)."""
    for h in range(table.header_rows - 1):
        row = table.rows[h]
        for c, cell in enumerate(row):
            if c == 0 or not _OF_WHICH_CELL.match(cell.text or ""):
                continue
            total_label = (row[c - 1].text or "").strip()
            if not _TOTAL_COLUMN.search(total_label):
                continue
            if any((later.text or "").strip() for later in row[c + 1:]):
                return None  # another group header to the right: where 其中 ends is not known
            below = table.rows[h + 1]
            subs = [k for k in range(c, len(below)) if (below[k].text or "").strip()]
            if any(_OF_WHICH_CELL.match(below[k].text or "") for k in subs):
                return None  # a 其中 within 其中: two levels
            if len(subs) >= 2 and subs[0] == c:
                return c - 1, subs, h
    return None


_SCORE_TOTAL_LABEL = patterns.compile(r"(?:总|综合|自评|评价|绩效)得分|总分")


def _score_breakdown(total: Draft, parts: list[Draft]) -> bool:
    """A total score broken down into three or more group scores: the groups of an indicator system are
    all listed when that many are (two may be a selection)."""
    return (total.unit == "分" and not total.approx and len(parts) >= 3
            and bool(_SCORE_TOTAL_LABEL.search(total.clause))
            and all(p.unit == "分" and p.concept == "score" and not p.approx for p in parts))


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


def _key(d: Draft) -> tuple:
    q = d.q
    return (q.get("state", ""), q.get("year", ""), q.get("fund", ""), q.get("entity", ""), q.get("of", ""))


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


def _column_unit(label: str) -> str:
    m = _UNIT_IN_LABEL.search(label)
    if m:
        return m.group(1)
    if _RATE_LABEL.search(label.split("/")[-1] if label else ""):
        return "%"
    return ""


def _is_money_like(self: Draft) -> bool:
    return self.unit in ("元", "万元", "亿元")


Draft.is_money_like = _is_money_like  # type: ignore[attr-defined]
