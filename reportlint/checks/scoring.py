"""Score checks (RL6xx): score tables against the stated total and grade."""

from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

import regex

from reportlint.checks import Context, rule
from reportlint.document import Figure, Span, Table
from reportlint.rules import RULES_DIR, load_toml

_GRADE = regex.compile(r"(?:等次|等级|评价结果|评定为|评为|结果为|档次)\s*(?:为|是|:|：)?\s*[“\"']?(优秀|良好|中等|较差|优|良|中|差)")
_TOTAL_ROW = regex.compile(r"^(总分|合计|总计|得分合计|综合得分|自评总分)")


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
    for table in ctx.doc.tables:
        figs = [f for f in ctx.doc.figures if f.table is not None and f.table.table == table.index]
        scores = [f for f in figs if f.concept == "score"]
        if not scores:
            continue
        weights = [f for f in figs if f.concept == "weight"]
        totals = [f for f in figs if _TOTAL_ROW.search(f.table.row_header or "")]
        scores = [f for f in scores if f not in totals]
        weights = [f for f in weights if f not in totals]
        out.append((table, scores, weights, totals))
    return out


def stated_totals(ctx: Context) -> list[Figure]:
    return [f for f in ctx.doc.figures if f.concept == "score_total" and f.unit in ("分", "") and not f.approx]


def _table_sum(ctx: Context):
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
    return total, scores, weight, complete


@rule("RL601", "score-total-mismatch", "error")
def score_total_mismatch(ctx: Context):
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
def grade_mismatch(ctx: Context):
    """评价等次与分数不符：≥90 优（优秀），80–89.99 良（良好），60–79.99 中（中等），<60 差（较差）。

    检查什么：写明的等次与同一句（或同一表）里的总分是否相符；评分表的得分合计与写明总分不一致时，也用
    合计检查等次。分档在 ``rules/scoring.toml``。

    会报：“自评分数为98分，等次为良好”；评分表合计 88 分却评为“优秀”。
    不会报：“综合得分 97，评价等次 优秀”。

    怎么改：按分数改正等次（或改正分数）。

    The stated grade does not match the score band.
    """
    doc = ctx.doc
    grades: list[tuple[str, Span, str]] = []
    for first, last, sentence in doc.sentences:
        for m in _GRADE.finditer(sentence):
            grades.append((grade_of_word(m.group(1)), Span(*_locate(doc, first, last, m.group(1))), m.group(1)))
    for table in doc.tables:
        for row in table.rows:
            texts = [c.text for c in row]
            for k, text in enumerate(texts[:-1]):
                if regex.search(r"等次|等级", text) and grade_of_word(texts[k + 1].strip("“”\"")):
                    cell = row[k + 1]
                    if cell.span:
                        grades.append((grade_of_word(texts[k + 1].strip("“”\"")), cell.span, texts[k + 1]))
    if not grades:
        return
    found = _table_sum(ctx)
    totals = stated_totals(ctx)
    for grade, span, word in grades:
        near = [t for t in totals if abs(t.span.start.line - span.start.line) <= 3]
        for stated in near[:1]:
            expected = grade_for(stated.value)
            if expected != grade:
                yield ctx.finding(
                    "RL602", span, f"等次写作“{word}”，但总分 {stated.text} 对应“{expected}”",
                    f"grade '{word}' does not match the score {stated.text} (band '{expected}')",
                    related=[(stated.span, f"总分 {stated.text}", f"score {stated.text}")], subject=f"grade:{word}:{stated.text}",
                )
            elif found is not None:
                total, _, _, complete = found
                if abs(total - stated.value) > Decimal("0.5") and grade_for(total) != grade:
                    yield ctx.finding(
                        "RL602", span,
                        f"等次写作“{word}”，但评分表得分合计 {total:f} 分对应“{grade_for(total)}”",
                        f"grade '{word}' does not match the score table's total {total:f} (band '{grade_for(total)}')",
                        severity="error" if complete else "warning",
                        related=[(stated.span, f"写明总分 {stated.text}", f"stated score {stated.text}")],
                        subject=f"grade-table:{word}:{total}",
                    )


def _locate(doc, first: int, last: int, word: str):
    from reportlint.document import Pos

    for line in range(first, last + 1):
        col = doc.line_text(line).find(word)
        if col >= 0:
            return Pos(line, col + 1), Pos(line, col + 1 + len(word))
    return Pos(first, 1), Pos(first, 2)


@rule("RL603", "score-above-weight", "error")
def score_above_weight(ctx: Context):
    """得分超过分值：评分表中某项得分大于该项分值（权重）。

    会报：分值 5、得分 6 的一行。 不会报：分值 5、得分 5。

    怎么改：得分不能超过该项分值。

    A score exceeds its weight.
    """
    for table, scores, weights, _ in score_tables(ctx):
        by_row = {f.table.row: f for f in weights}
        for score in scores:
            weight = by_row.get(score.table.row)
            if weight is not None and score.value > weight.value:
                yield ctx.finding(
                    "RL603", score.span, f"“{score.table.row_header}”得分 {score.text} 超过其分值 {weight.text}",
                    f"'{score.table.row_header}': score {score.text} exceeds its weight {weight.text}",
                    related=[(weight.span, f"分值 {weight.text}", f"weight {weight.text}")],
                    subject=f"score>weight:{score.table.row_header}",
                )
