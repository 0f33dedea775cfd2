"""Figures and relations read out of tables: a mixin of ``facts.Extractor`` (which gives it ``vocab``,
``drafts``, ``relations``, ``doc_year``, ``_terms``, ``paragraph`` and ``flush``)."""

from __future__ import annotations

from typing import Final, AbstractSet, Sequence

from reportlint import patterns
from reportlint.document import Cell, Relation, Table, TablePlace
from reportlint.parse.drafts import _DIGIT, _YEAR, Draft, _key, _same_measure, damage, names_a_count, unit_fits
from reportlint.parse.numbers import parse_cell_number
from reportlint.parse.relation_facts import RelationFinder
from reportlint.parse.tables import is_key_value, row_labels
from reportlint.rules import RateIdentity

_LABEL_VALUE_CELL: Final = patterns.compile(r"[:：]\s*(\d+(?:\.\d+)?)\s*$")
_TOTAL_ROW_LABEL: Final = patterns.compile(r"^(合计|总计|小计)")
_SUMMARY_ROW_LABEL: Final = patterns.compile(r"汇总\s*$")  # "局机关及二级机构汇总": the units' rows add up to it
_TOTAL_COLUMN: Final = patterns.compile(r"合计|总计|小计")
_ROW_NUMBERING: Final = patterns.compile(r"^\s*\d+\s*[、.]")
_WEIGHT_LABEL: Final = patterns.compile(r"分值|权重")
_SCORE_LABEL: Final = patterns.compile(r"得分(?!率)")
# a column of differences: "增减额", "差额", "决算数比年初预算增减", "增减变化": changes, not levels
_CHANGE_COLUMN: Final = patterns.compile(r"增减|差额|差异|变动额|增长额|减少额|增加额")
_UNIT_IN_LABEL: Final = patterns.compile(r"[(（]\s*(万元|元|亿元|%)\s*[)）]")
_RATE_LABEL: Final = patterns.compile(r"率")
_LABEL_MAX: Final = 30  # longer label cells are notes, not names
_SUB_ROW: Final = patterns.compile(r"^\s*(其中|含|包括)|^\s+")
_DIGITS: Final = patterns.compile(r"\d+")
_NUMERALS: Final = patterns.compile(r"[一二三四五六七八九十]+")


def _column(d: Draft) -> int:
    """The column of a table cell's draft (-1 for a draft from prose)."""
    return d.table.col if d.table is not None else -1


def _row_style(marker: str) -> str:
    """"2、" and "3、" are one style ("d、"); "(一)" ("(c)") is another than "(1)" ("(d)")."""
    return _NUMERALS.sub("c", _DIGITS.sub("d", marker.strip()))


_ROW_STYLE: Final = patterns.compile(r"^\s*(\d+[、.]|\(\d+\)|（\d+）|[一二三四五六七八九十]+、|\([一二三四五六七八九十]+\))")
_PROSE_CELL: Final = patterns.compile(r"[^，。；]{4,}[，；][^，。；]{4,}[，。；][^，。；]{2,}")  # two clauses or more
_OF_WHICH_CELL: Final = patterns.compile(r"^\s*其中\s*[:：]?\s*$")
_OTHER_LABEL: Final = patterns.compile(r"^\s*其他")


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


def _column_unit(label: str) -> str:
    m = _UNIT_IN_LABEL.search(label)
    if m:
        return m.group(1)
    if _RATE_LABEL.search(label.split("/")[-1] if label else ""):
        return "%"
    return ""


_SENTENCE_PUNCT: Final = patterns.compile(r"[。，,；;]")


def _is_title(caption: str) -> bool:
    """Whether the text before a table is its title ("“三公”经费支出决算表"), not the paragraph before it
    ("…其中基本支出610.20万元，项目支出370.20万元。"): a 合计 row takes its concept only from a title."""
    return not _SENTENCE_PUNCT.search(caption)


_COLUMN_NUMBER_LABEL: Final = patterns.compile(r"^(?:栏次|行次|栏号|序号|列次)$")


def _column_numbers(cells: Sequence[Cell]) -> bool:
    """A row that numbers the columns: labelled 栏次/行次, or holding only 1, 2, 3, … in order."""
    texts = [c.text for c in cells if c.text]
    if any(_COLUMN_NUMBER_LABEL.match(t) for t in texts):
        return True
    numbers = [t for t in texts if t.isdigit()]
    return len(numbers) >= 3 and len(numbers) == len(texts) and numbers == [str(k) for k in range(1, len(numbers) + 1)]


class TableReader(RelationFinder):
    """Each cell a figure labelled by its row and column; sums over 合计 rows and columns, identities and
    rates within a row or a column; running text in a cell read as prose."""

    # ------------------------------------------------------------------ tables
    def table(self, table: Table, block: int) -> None:
        self.flush()
        by_row: dict[int, list[int]] = {}
        by_col: dict[int, list[int]] = {}
        empty_rows: dict[int, set[str]] = {}  # column → concepts of rows whose cell in it is empty
        for r in range(table.header_rows, len(table.rows)):
            if _column_numbers(table.rows[r]):
                continue  # "栏次 | 1 | 2 | 3": the columns' numbers, not figures
            labels = row_labels(table, r)
            key_value = table.rows[r] and is_key_value(table, r, 1)
            for cell in table.rows[r]:
                if not cell.text and cell.col > 0:
                    row_label = labels[cell.col][0]
                    concepts = [t[2].id for t in self._terms(row_label) if t[2].category == "concept"]
                    if concepts:
                        empty_rows.setdefault(cell.col, set()).add(concepts[-1])
                if not cell.text or cell.norm is None:
                    continue
                row_label, col_label = labels[cell.col]
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
                                                   bool(key_value) and 0 < cell.col),
                                  approx=damage(stripped, value, unit, "", None))  # cells run together
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
            if total.table is None or total.q.get("kind") not in ("level", "score", "change", "rate"):
                continue
            if total.unit == "%" and total.value != 100:
                continue  # a column of rates (增减率, 执行率): the 合计 row's rate is not the sum of the rows' rates
            col = total.table.col
            parts = [f for r in items for f in by_row.get(r, ()) if _column(self.drafts[f]) == col]
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
            cells = {_column(self.drafts[i]): i for i in ids if self.drafts[i].table is not None}
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

    def _short_rate_name(self, rate: Draft, rid: RateIdentity) -> bool:
        """A rate cell headed by the rate's short name ("控制率" under "财政供养人员情况" for 人员控制率): its
        operands, once each in the row or column, decide which rate it is."""
        header = rate.table.column_header.split("/")[-1].strip() if rate.table else ""
        short = self.vocab.concepts[rid.result].name[-3:]
        return len(header) >= 3 and header.endswith(short)

    def _label_cell(self, draft: Draft, row_label: str, col_label: str, caption: str) -> None:
        vocab = self.vocab
        # a long note in a label cell ("1.预算执行率=预算执行数/调整后预算数…") names nothing
        row_terms = vocab.find_terms(row_label) if len(row_label) <= _LABEL_MAX else ()
        col_terms = vocab.find_terms(col_label.split("/")[-1]) if len(col_label.split("/")[-1]) <= _LABEL_MAX else ()
        cap_terms = vocab.find_terms(caption)
        concept = None
        for terms, label in ((row_terms, row_label), (col_terms, col_label.split("/")[-1])):
            if any(t[2].category == "concept" and names_a_count(vocab, label, t[2], t[1]) for t in terms):
                break  # "公务用车购置数", "国内公务接待批次": a count, not money
            hits = [t for t in terms if t[2].category == "concept"]
            if hits:
                concept = hits[-1][2].id
                break
        total_row = bool(_TOTAL_ROW_LABEL.search(row_label))
        if concept is None and draft.unit in ("元", "万元", "亿元") and total_row and _is_title(caption):
            concepts = [t[2].id for t in cap_terms if t[2].category == "concept"]
            specific = [c for c in concepts if not vocab.concepts[c].generic]
            if concepts and len(set(specific)) <= 1:
                concept = (specific or concepts)[-1]  # "“三公”经费财政拨款支出决算表": 三公经费, not 支出
        if concept and not unit_fits(vocab.concepts[concept].kind, draft.unit):
            concept = None
        draft.concept = concept
        draft.label = "/".join(x for x in (row_label, col_label) if x)
        draft.direct = concept is not None
        q: dict[str, str] = {"kind": "level"}
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
        if _CHANGE_COLUMN.search(col_label) and not _WEIGHT_LABEL.search(col_label):
            q["kind"] = "change"  # "项目 | 2023年 | 2022年 | 增减额": the column states changes
        if _WEIGHT_LABEL.search(col_label):
            draft.concept = "weight"
            q["kind"] = "score"
            draft.unit = draft.unit or "分"
        elif _SCORE_LABEL.search(col_label):
            draft.concept = "score"
            q["kind"] = "score"
            draft.unit = draft.unit or "分"
        draft.q = q

    def _table_identities(self, group: list[int], empty: AbstractSet[str] = frozenset()) -> None:
        """Identities among the cells of one row or column; a part whose row is there with an empty cell
        counts as zero (forms leave 0 blank), as long as at least one part has a value."""
        drafts = [self.drafts[i] for i in group if self.drafts[i].q.get("kind") == "level"]
        by_concept: dict[tuple[str | None, tuple[str, ...]], list[Draft]] = {}  # (concept, _key) → cells in order: a wide row stays linear
        for d in drafts:
            by_concept.setdefault((d.concept, _key(d)), []).append(d)
        for identity in self.vocab.identities:
            for total in [d for d in drafts if d.concept == identity.total]:
                parts: list[int] = []
                total_key = _key(total)
                for concept in identity.parts + identity.optional:
                    match = by_concept.get((concept, total_key), [])
                    if concept in identity.optional:
                        if len(match) == 1 and parts:
                            parts.append(match[0].id)  # an optional part that the row or column states
                        continue
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
