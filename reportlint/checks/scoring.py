"""Score checks (RL6xx): score tables against the stated total and grade."""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final, Iterator

from decimal import Decimal
from functools import lru_cache

from reportlint import patterns

from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.document import Cell, Document, Figure, Pos, Span, Table, TablePlace
from reportlint.rules import RULES_DIR, load_toml

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_GRADE_LABEL: Final = patterns.compile(r"等次|等级")

_GRADE: Final = patterns.compile(r"(?:等次|等级|评价结果|评定为|评为|结果为|档次)\s*(?:为|是|:|：)?\s*[“\"']?(优秀|良好|中等|较差|优|良|中|差)")
_TOTAL_ROW: Final = patterns.compile(r"^(总分|合计|总计|得分合计|综合得分|自评总分)")


@lru_cache(maxsize=1)
def bands() -> list[tuple[str, Decimal, tuple[str, ...]]]:
    data = load_toml(RULES_DIR / "scoring.toml")
    return [(b["grade"], Decimal(str(b["min"])), tuple(b["words"])) for b in data["band"]]


def grade_for(score: Decimal) -> str:
    for grade, minimum, _ in bands():
        if score >= minimum:
            return grade
    return bands()[-1][0]


def grade_of_word(word: str) -> str:
    for grade, _, words in bands():
        if word in words:
            return grade
    return ""


def score_tables(ctx: Context) -> list[tuple[Table, list[Figure], list[Figure], list[Figure]]]:
    """Tables with a 得分 column: (table, item scores, item weights, stated totals in the table)."""
    out = []
    by_table: dict[int, list[Figure]] = {}  # each table's cells, found in one pass over the figures
    for f in ctx.doc.figures:
        if f.table is not None:
            by_table.setdefault(f.table.table, []).append(f)
    for table in ctx.doc.tables:
        figs = by_table.get(table.index, [])
        scores = [f for f in figs if f.concept == "score"]
        if not scores:
            continue
        weights = [f for f in figs if f.concept == "weight"]
        totals = [f for f in figs if _TOTAL_ROW.search(_place(f).row_header or "")]
        scores = [f for f in scores if f not in totals]
        weights = [f for f in weights if f not in totals]
        out.append((table, scores, weights, totals))
    return out


def _place(f: Figure) -> TablePlace:
    """The cell of a score table's figure (``score_tables`` returns only figures of tables)."""
    assert f.table is not None, "a figure of a score table"
    return f.table


def stated_totals(ctx: Context) -> list[Figure]:
    return [f for f in ctx.doc.figures if f.concept == "score_total" and f.unit in ("分", "") and not f.approx]


def _table_sum(ctx: Context) -> tuple[Decimal, list[Figure], Decimal, bool] | None:
    tables = score_tables(ctx)
    if not tables:
        return None
    scores = [f for _, s, _, _ in tables for f in s]
    weights = [f for _, _, w, _ in tables for f in w]
    total_rows = [f for _, _, _, t in tables for f in t]
    if not scores:
        return None
    total = sum((f.value for f in scores), Decimal(0))
    weight = sum((f.value for f in weights), Decimal(0))
    complete = weight == 100 or any(f.value == 100 for f in total_rows)
    if not complete and weights and any(stated.value > weight for stated in stated_totals(ctx)):
        # the table's points (分值) add up to less than the stated score: it is one part of the scoring (the
        # funds row of a 项目支出绩效自评表, say), not the whole — its sum says nothing about the total
        return None
    return total, scores, weight, complete


@rule("RL601", "score-total-mismatch", "error")
def score_total_mismatch(ctx: Context) -> Iterator[Finding]:
    """自评总分与评分表不符：正文或表中写明的自评得分，不等于评分表各项得分之和。

    检查什么：把自评表/评分表“得分”列的各项加起来（不含“总分/合计”行），与正文“自评分数为98分”、表中
    “绩效自评综合得分 97”等写明的总分比较。评分表的分值合计为 100（或有“总分 100”行）时为错误，否则为警告。

    会报：正文写“自评分数为98分”，而自评表得分 10 + 5 + 5 + 10 + 10 + 10 + 10 + 9 + 9 + 10 = 88。
    不会报：评分表得分合计 97，正文“综合得分 97”。

    怎么改：补齐空着的得分，或改正总分。

    The stated self-evaluation score does not equal the sum of the score table.
    """
    found = _table_sum(ctx)
    if found is None:
        return
    total, scores, weight, complete = found
    for stated in stated_totals(ctx):
        if abs(stated.value - total) <= Decimal("0.5") * (1 if stated.decimals == 0 else Decimal("0.1")):
            continue
        terms = " + ".join(f"{f.value:f}" for f in scores[:14]) + (" + …" if len(scores) > 14 else "")
        yield ctx.finding(
            "RL601", stated.span,
            f"自评总分写作 {stated.text}，但评分表各项得分合计为 {total:f} 分（{terms}）",
            f"the stated score is {stated.text}, but the score table adds up to {total:f} ({terms})",
            severity="error" if complete else "warning",
            related=[(scores[0].span, f"评分表得分 {scores[0].text} 起", "score table")],
            subject=f"score-total:{stated.text}", figures=[stated],
        )


@rule("RL602", "grade-mismatch", "error")
def grade_mismatch(ctx: Context) -> Iterator[Finding]:
    """评价等次与分数不符：≥90 优（优秀），80–89.99 良（良好），60–79.99 中（中等），<60 差（较差）。

    检查什么：写明的等次与同一句（或同一表）里的总分是否相符；评分表的得分合计与写明总分不一致时，也用
    合计检查等次；句中列出各项得分、再写“合计（共计、总分）N分”且 N 正是各项之和时，N 就是总分。分档在
    ``rules/scoring.toml``。

    会报：“自评分数为98分，等次为良好”；评分表合计 88 分却评为“优秀”。
    不会报：“综合得分 97，评价等次 优秀”。

    怎么改：按分数改正等次（或改正分数）。

    The stated grade does not match the score band.
    """
    doc = ctx.doc
    grades: list[tuple[str, Span, str]] = []
    listed: dict[int, Figure] = {}  # grade index → a 合计 of the scores listed in its sentence
    for sid, (first, last, sentence) in enumerate(doc.sentences):
        for m in _GRADE.finditer(sentence):
            total = _listed_total(ctx, sid)
            if total is not None:
                listed[len(grades)] = total
            grades.append((grade_of_word(m.group(1)), Span(*_locate(doc, first, last, m.group(1))), m.group(1)))
    for table in doc.tables:
        for row in table.rows:
            texts = [c.text for c in row]
            for k, text in enumerate(texts[:-1]):
                if _GRADE_LABEL.search(text) and grade_of_word(texts[k + 1].strip("“”\"")):
                    cell = row[k + 1]
                    if cell.span:
                        grades.append((grade_of_word(texts[k + 1].strip("“”\"")), cell.span, texts[k + 1]))
    if not grades:
        return
    found = _table_sum(ctx)
    totals = stated_totals(ctx)
    for index, (grade, span, word) in enumerate(grades):
        near = [t for t in totals if abs(t.span.start.line - span.start.line) <= 3] or \
            ([listed[index]] if index in listed else [])
        for stated in near[:1]:
            expected = grade_for(stated.value)
            if expected != grade:
                yield ctx.finding(
                    "RL602", span, f"等次写作“{word}”，但总分 {stated.text} 对应“{expected}”",
                    f"grade '{word}' does not match the score {stated.text} (band '{expected}')",
                    related=[(stated.span, f"总分 {stated.text}", f"score {stated.text}")], subject=f"grade:{word}:{stated.text}",
                )
            elif found is not None:
                table_total, _, _, complete = found
                if abs(table_total - stated.value) > Decimal("0.5") and grade_for(table_total) != grade:
                    yield ctx.finding(
                        "RL602", span,
                        f"等次写作“{word}”，但评分表得分合计 {table_total:f} 分对应“{grade_for(table_total)}”",
                        f"grade '{word}' does not match the score table's total {table_total:f} "
                        f"(band '{grade_for(table_total)}')",
                        severity="error" if complete else "warning",
                        related=[(stated.span, f"写明总分 {stated.text}", f"stated score {stated.text}")],
                        subject=f"grade-table:{word}:{table_total}",
                    )


_SUM_WORD: Final = patterns.compile(r"(?:合计|共计|总计|总分|累计)\s*(?:为|得|得分)?\s*$")


def _listed_total(ctx: Context, sid: int) -> Figure | None:
    """"决策17分、过程17分、产出34分、效益17分，合计85分，评价等次为…": a 合计 in 分 that is the sum of the scores
    listed before it in the sentence (the list says it is the score, though no score word names it)."""
    points = [f for f in ctx.doc.figures if f.sentence == sid and f.unit == "分" and f.approx in ("", "rule")]
    for k, fig in enumerate(points):
        if k >= 2 and _SUM_WORD.search(ctx.clause(fig) or "") is None and _SUM_WORD.search(fig.label or "") is None:
            continue
        if k >= 2 and sum((p.value for p in points[:k]), Decimal(0)) == fig.value:
            return fig
    return None


def _locate(doc: Document, first: int, last: int, word: str) -> tuple[Pos, Pos]:
    from reportlint.document import Pos

    for line in range(first, last + 1):
        col = doc.line_text(line).find(word)
        if col >= 0:
            return Pos(line, col + 1), Pos(line, col + 1 + len(word))
    return Pos(first, 1), Pos(first, 2)


@rule("RL603", "score-above-weight", "error")
def score_above_weight(ctx: Context) -> Iterator[Finding]:
    """得分超过分值：评分表中某项得分大于该项分值（权重）。

    会报：分值 5、得分 6 的一行。 不会报：分值 5、得分 5。

    怎么改：得分不能超过该项分值。

    A score exceeds its weight.
    """
    for table, scores, weights, _ in score_tables(ctx):
        by_row = {_place(f).row: f for f in weights}
        for score in scores:
            place = _place(score)
            weight = by_row.get(place.row)
            if weight is not None and score.value > weight.value:
                yield ctx.finding(
                    "RL603", score.span, f"“{place.row_header}”得分 {score.text} 超过其分值 {weight.text}",
                    f"'{place.row_header}': score {score.text} exceeds its weight {weight.text}",
                    related=[(weight.span, f"分值 {weight.text}", f"weight {weight.text}")],
                    subject=f"score>weight:{place.row_header}",
                )


# ---------------------------------------------------------------------------------------------------
# Score tables row by row: indicator, its group, its scoring rule, weight and score.

_WEIGHT_HEADER: Final = patterns.compile(r"分值|权重")
_SCORE_HEADER: Final = patterns.compile(r"(?<!扣)得分(?!系数|率)")
_RULE_HEADER: Final = patterns.compile(r"评分标准|评价标准|评分规则|指标说明|评分办法|计分方法")
_GROUP_POINTS: Final = patterns.compile(r"[(（]\s*(\d+(?:\.\d+)?)\s*分\s*[)）]")
_PLACEHOLDER: Final = patterns.compile(r"^[…\.。·\s]*$")


@dataclass(frozen=True, eq=False)  # rows are compared by identity, as before they were dataclasses
class ScoreRow:
    """A row of a score table: its indicator (label), group and scoring rule, weight and score."""

    table: Table
    row: int
    group: str  # the innermost group with stated points ("产出指标（50分）"), "" if none
    label: str
    rule: str
    weight: Decimal | None
    score: Decimal | None
    weight_cell: Cell | None
    score_cell: Cell | None


def _column(table: Table, pattern: re.Pattern[str]) -> int | None:
    for col, header in enumerate(table.column_headers):
        leaf = header.split("/")[-1] if header else ""
        if leaf and pattern.search(leaf):
            return col
    return None


def score_rows(ctx: Context) -> list[ScoreRow]:
    """The rows of the report's score tables (weight, score, label, group), shared by the scoring rules."""
    return ctx.once("score_rows", _score_rows)


def _score_rows(ctx: Context) -> list[ScoreRow]:
    from reportlint.parse.numbers import parse_cell_number
    from reportlint.parse.tables import cell_labels

    out: list[ScoreRow] = []
    for table in ctx.doc.tables:
        w_col, s_col = _column(table, _WEIGHT_HEADER), _column(table, _SCORE_HEADER)
        if w_col is None or s_col is None:
            continue
        r_col = _column(table, _RULE_HEADER)
        stub = table.stub
        carried = [""] * stub  # merged stub cells are empty below their first row: carry each column down
        header = table.rows[table.header_rows - 1] if table.header_rows else None
        for r in range(table.header_rows, len(table.rows)):
            cells = table.rows[r]
            if table.source == "pipe-rows" and header is not None and \
                    sum(1 for c in cells if c.text) != sum(1 for c in header if c.text):
                continue  # columns of this row cannot be trusted (row spans lost in extraction)
            for k in range(min(stub, len(cells))):
                if cells[k].text:
                    carried[k] = cells[k].text
                    for deeper in range(k + 1, stub):
                        carried[deeper] = ""
            groups = [text for text in carried if _GROUP_POINTS.search(text)]
            group = groups[-1] if groups else ""  # the innermost group with stated points
            label, _ = cell_labels(table, r, w_col)
            if not label or _TOTAL_ROW.search(label) or _PLACEHOLDER.match(label):
                continue
            weight_cell = cells[w_col] if w_col < len(cells) else None
            score_cell = cells[s_col] if s_col < len(cells) else None
            weight = parse_cell_number(weight_cell.text) if weight_cell else None
            score = parse_cell_number(score_cell.text) if score_cell else None
            rule_text = cells[r_col].text if r_col is not None and r_col < len(cells) else ""
            out.append(ScoreRow(table, r, group, label, rule_text, weight and weight[0], score and score[0],
                                weight_cell, score_cell))
    return out


def _row_span(row: ScoreRow) -> Span:
    from reportlint.document import Pos

    for cell in (row.score_cell, row.weight_cell, *row.table.rows[row.row]):
        if cell is not None and cell.span is not None:
            return cell.span
    return Span(Pos(row.table.first_line, 1), Pos(row.table.first_line, 2))


@rule("RL604", "weights-mismatch", "error")
def weights_mismatch(ctx: Context) -> Iterator[Finding]:
    """分值不合：评分表各指标分值之和不等于其所属一级指标标明的分值（如“产出指标（50分）”）或总分（100）。

    会报：“效益指标（30分）”下各项分值为 10 + 10 + 5。 不会报：投入 15 = 5 + 5 + 5。

    怎么改：核对各项分值，补上空着的分值。

    Indicator weights do not add up to their group's stated points or to the table's total.
    """
    rows = score_rows(ctx)
    if not rows:
        return
    # a table split by a page break repeats its header: consecutive tables with the same header are one
    family: dict[int, int] = {}
    for table in ctx.doc.tables:
        previous = ctx.doc.tables[table.index - 1] if table.index else None
        same = previous is not None and previous.column_headers == table.column_headers
        family[table.index] = family[previous.index] if previous is not None and same else table.index
    groups: dict[tuple[int, str], list[ScoreRow]] = {}
    for row in rows:
        if row.group:
            groups.setdefault((family[row.table.index], row.group), []).append(row)
    for (_, group), members in groups.items():
        stated = _GROUP_POINTS.search(group)
        if stated is None:  # cannot be: a row's group is a cell with stated points
            continue
        points = Decimal(stated.group(1))
        items = [m for m in members if m.weight is not None and m.weight != points]
        if not items:
            continue
        total = sum((m.weight for m in items if m.weight is not None), Decimal(0))  # (all are: chosen so)
        if total != points:
            terms = " + ".join(f"{m.weight:f}" for m in items)
            yield ctx.finding(
                "RL604", _row_span(members[0]),
                f"“{group}”下各指标分值之和为 {terms} = {total:f}，与其标明的 {points:f} 分不符",
                f"the weights under '{group}' add up to {terms} = {total:f}, not the stated {points:f}",
                subject=f"weights:{group}",
            )


_PROMPT: Final = patterns.compile(
    r"^(结合|对照|针对|简要|请|概述|说明|分析)[^|]{0,80}[(（]\s*\d{2,4}\s*字以内\s*[)）]|^请(填写|填报)|^[×X]{3,}$"
)
# what a line holds for _PROMPT to match in one of its cells (the pattern is anchored at the cell, not the line)
_PROMPT_WORDS: Final = ("字以内", "请填", "×", "X")


@rule("RL503", "unfilled-form", "warning")
def unfilled_form(ctx: Context) -> Iterator[Finding]:
    """表格未填完：评分表中有分值却没有得分的指标，或模板提示语（“结合自评情况，说明…（200字以内）”）原样留在报告里。

    会报：“服务对象满意度指标”一行分值、得分都空着；“评价结论”一栏仍是“结合自评情况,说明项目自评总分…(200字以内)”。
    不会报：模板中占位的“……”行。

    怎么改：填写得分或删去提示语。

    A required cell of a form is left empty, or a template prompt is left in place.
    """
    rows = score_rows(ctx)
    covered: dict[str, Decimal] = {}
    for row in rows:
        if row.group and row.weight is not None:
            covered[row.group] = covered.get(row.group, Decimal(0)) + row.weight
    for row in rows:
        if row.score is None and (row.weight is not None or (row.group and row.label)):
            if row.score_cell is not None and row.score_cell.text and not _PLACEHOLDER.match(row.score_cell.text):
                continue
            if row.weight is None:
                points = _GROUP_POINTS.search(row.group)
                if points and covered.get(row.group, Decimal(0)) >= Decimal(points.group(1)):
                    continue  # the group's points are all given to other rows: this one is not applicable
            yield ctx.finding(
                "RL503", _row_span(row),
                f"评分表“{row.label}”{'（' + row.group + '）' if row.group else ''}没有填写得分"
                + ("" if row.weight is not None else "，分值也空着"),
                f"no score filled in for '{row.label}'", subject=f"empty-score:{row.label}",
            )
    from reportlint.document import Pos

    for number, line in ctx.lines_matching(*_PROMPT_WORDS):
        for piece in line.split("|"):
            text = piece.strip()
            m = _PROMPT.search(text)
            if not m:
                continue
            col = line.find(m.group()) + 1
            yield ctx.finding(
                "RL503", Span(Pos(number, col), Pos(number, col + len(m.group()))),
                f"模板提示语未删除：“{text[:40]}”", f"a template prompt is left in place: '{text[:40]}'",
                subject=f"prompt:{text[:20]}",
            )
            break


_OVER_RULE: Final = patterns.compile(r"每超(?:过|出)?\s*(?:一|1)\s*个?百分点\s*扣\s*(\d+(?:\.\d+)?)\s*分")


@rule("RL605", "score-against-rule", "error")
def score_against_rule(ctx: Context) -> Iterator[Finding]:
    """得分与评分规则不符：按报告自己的数据和该指标的评分标准，得分不可能这么高。

    检查什么：
    * 财政供养/在职人员控制率：规则“≤100%计满分，每超过一个百分点扣 X 分”，用报告中的实有人数和编制数算出控制率；
    * 资金结余：规则“无结余计满分”，而报告的表格或正文写明当年结余大于 0，却给了满分。

    会报：编制 18 人、实有 38 人（控制率 211%），控制率一项仍得满分 5 分。
    不会报：编制 8 人、实有 7 人（87.50%），得 5 分。

    怎么改：按规则重新打分，或改正数据。

    A score contradicts its own scoring rule given the report's figures.
    """
    doc = ctx.doc
    quota = [f for f in doc.figures if f.concept == "staff_quota" and dict(f.qualifiers).get("kind") == "level" and not f.approx]
    actual = [f for f in doc.figures if f.concept == "staff_actual" and dict(f.qualifiers).get("kind") == "level" and not f.approx]
    balances = [f for f in doc.figures if f.concept == "carryover_end" and f.value > 0 and not f.approx
                and dict(f.qualifiers).get("kind") == "level"]
    for row in score_rows(ctx):
        if row.score is None or row.weight is None:
            continue
        text = row.label + row.rule
        if "控制率" in row.label and "人员" in text and quota and actual:
            q, a = quota[0], actual[0]
            if q.value <= 0:
                continue
            rate = a.value / q.value * 100
            m = _OVER_RULE.search(row.rule)
            if rate <= 100 or m is None:
                continue
            step = Decimal(m.group(1))
            expected = max(Decimal(0), row.weight - step * (rate - 100).to_integral_value(rounding="ROUND_FLOOR"))
            if row.score > expected:
                yield ctx.finding(
                    "RL605", _row_span(row),
                    f"“{row.label}”得 {row.score:f} 分，但实有人数 {a.text}（第{a.span.start.line}行）÷ 编制数 {q.text}"
                    f"（第{q.span.start.line}行）= {rate:.2f}%，按规则每超一个百分点扣 {step:f} 分，最多得 {expected:f} 分",
                    f"'{row.label}' scored {row.score:f}, but staff {a.text} / quota {q.text} = {rate:.2f}%; "
                    f"the rule allows at most {expected:f}",
                    related=[(a.span, f"实有人数 {a.text}", f"staff {a.text}"), (q.span, f"编制数 {q.text}", f"quota {q.text}")],
                    subject=f"rule:control:{row.label}",
                )
        elif "结余" in row.label and "无结余" in row.rule and balances and row.score >= row.weight:
            b = balances[0]
            yield ctx.finding(
                "RL605", _row_span(row),
                f"“{row.label}”得满分 {row.score:f} 分（规则：无结余才得满分），但报告写明结余 {b.text}（第{b.span.start.line}行）",
                f"'{row.label}' scored full marks (the rule requires no balance), but a balance of {b.text} is stated",
                related=[(b.span, f"结余 {b.text}", f"balance {b.text}")], subject=f"rule:balance:{row.label}",
            )


_TARGET_HEADER: Final = patterns.compile(r"指标值|目标值|预期目标|年度目标")
_ACTUAL_HEADER: Final = patterns.compile(r"完成值|实际完成|实际值|完成情况")
_MEASURE: Final = patterns.compile(r"^\s*(?P<op>[≥≤>=<＞＜]|不低于|不高于|不少于|不超过|大于|小于)?\s*(?P<num>\d+(?:\.\d+)?)\s*(?P<unit>%|万|个|人|件|项|户|次|家|天|日)?")


def _measure(text: str) -> tuple[Decimal, str, int] | None:
    m = _MEASURE.match(text.replace(" ", ""))
    if not m or (len(text.strip()) > len(m.group(0)) + 2 and not m.group("unit")):
        return None
    op = m.group("op") or ""
    direction = -1 if op in ("≤", "<", "＜", "不高于", "不超过", "小于") else 1
    return Decimal(m.group("num")), m.group("unit") or "", direction


def _cell_text(row: ScoreRow, pattern: re.Pattern[str]) -> str:
    col = _column(row.table, pattern)
    cells = row.table.rows[row.row]
    return cells[col].text if col is not None and col < len(cells) else ""


@rule("RL606", "score-despite-missed-target", "warning")
def score_despite_missed_target(ctx: Context) -> Iterator[Finding]:
    """未达目标仍得满分：评分表中实际完成值没有达到年度指标值，该项却得了满分；或按执行率计分的一项得分高于“执行率 × 分值”。

    检查什么：同一行的“年度指标值/目标值”与“实际完成值”都是可比的数（同一单位，目标可带 ≥、≤），实际值没达到目标
    而得分等于分值时报告；有“执行率”“分值”“得分”三栏的一行，得分超过 执行率 × 分值（容许 0.5 分）时报告。

    会报：目标 100%、实际 72.74%、得分满分；执行率 76%、分值 10、得分 10。
    不会报：目标 ≥5万、实际 5万余人；执行率 86%、分值 10、得分 9（8.6 分，四舍五入范围内）。

    怎么改：按完成情况扣分，或在偏差原因中说明。

    An indicator scored full marks although its actual value misses its target (or a score above rate × weight).
    """
    for row in score_rows(ctx):
        if row.score is None or row.weight is None:
            continue
        target = _measure(_cell_text(row, _TARGET_HEADER))
        actual = _measure(_cell_text(row, _ACTUAL_HEADER))
        if target and actual and target[1] == actual[1] and row.score >= row.weight:
            missed = actual[0] < target[0] if target[2] > 0 else actual[0] > target[0]
            if missed:
                yield ctx.finding(
                    "RL606", _row_span(row),
                    f"“{row.label}”实际完成 {_cell_text(row, _ACTUAL_HEADER)}，未达到目标 {_cell_text(row, _TARGET_HEADER)}，却得满分 {row.score:f}",
                    f"'{row.label}' reached {_cell_text(row, _ACTUAL_HEADER)} against a target of "
                    f"{_cell_text(row, _TARGET_HEADER)}, yet scored full marks",
                    subject=f"missed-target:{row.label}",
                )
                continue
        rate_col = _column(row.table, patterns.compile(r"执行率"))
        if rate_col is not None and rate_col < len(row.table.rows[row.row]):
            from reportlint.parse.numbers import parse_cell_number

            parsed = parse_cell_number(row.table.rows[row.row][rate_col].text)
            if parsed and parsed[2] == "%":
                expected = min(row.weight, row.weight * parsed[0] / 100)
                if row.score > expected + Decimal("0.5"):
                    yield ctx.finding(
                        "RL606", _row_span(row),
                        f"“{row.label}”执行率 {parsed[0]:f}%，按 执行率 × 分值 应得 {expected:.2f} 分，却得 {row.score:f} 分",
                        f"'{row.label}': execution rate {parsed[0]:f}% × weight {row.weight:f} = {expected:.2f}, "
                        f"but scored {row.score:f}",
                        subject=f"rate-score:{row.label}",
                    )
