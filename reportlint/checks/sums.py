"""Sum checks (RL1xx): totals against their parts."""

from __future__ import annotations

from typing import Final, Iterator

from decimal import Decimal

from reportlint.checks import Context, rule
from reportlint.checks.arithmetic import fmt, half_units, scale, sum_gap, value
from reportlint.checks.units import explained_by_unit_slip
from reportlint.document import Document, Figure, Relation
from reportlint.finding import Finding
from reportlint.rules import Vocabulary, vocabulary
from reportlint import patterns

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_LIST_CLOSED: Final = patterns.compile(r"^\s*[)）]?\s*([。；;]|$)")
_LISTED_WITH_FENBIE: Final = patterns.compile(r"分别(为|是)[^，,。]*$")


def _name(ctx: Context, fig: Figure) -> str:
    if fig.concept in ("score", "weight"):  # "产出指标得分 46" says more than "得分 46"
        name = ctx.clause(fig) or vocabulary().concept_name(fig.concept, "zh")
    else:
        name = vocabulary().concept_name(fig.concept, "zh") or ctx.clause(fig) or fig.label or "分项"
    return "合计" if _SUM_WORD.fullmatch(name) else name  # "…，共48人": the clause is only the sum word


_SUM_WORD: Final = patterns.compile(r"(?:以上)?(?:合计|共计|总计|累计|共有|共)(?:为)?")


def _name_en(ctx: Context, fig: Figure) -> str:
    return vocabulary().concept_name(fig.concept, "en") or "part"


def _display_unit(total: Figure) -> str:
    return total.unit if total.unit else ""


def _amount(v: Decimal, total: Figure) -> str:
    places = max(2, total.decimals) if total.is_money else total.decimals  # 188人, not 188.00人
    return fmt(v / scale(total), places)


def _all_required(total: Figure, parts: list[Figure]) -> bool:
    """Every required part of an identity with optional parts is named (only an optional one may be missing)."""
    concepts = {p.concept for p in parts}
    for identity in vocabulary().identities:
        if identity.total != total.concept or not identity.optional:
            continue
        named = concepts & identity.members
        if set(identity.parts) <= concepts and len(named) >= (len(identity.parts) or 3):
            return True  # the required parts (or, with none required, at least three sources) are named
    return False


def _optional_parts_unnamed(total: Figure, parts: list[Figure]) -> bool:
    """Whether the total's identity has optional parts none of which is named among ``parts``: then a
    shortfall is what those (or categories the vocabulary does not know) account for, not a defect."""
    concepts = {p.concept for p in parts}
    for identity in vocabulary().identities:
        if identity.total == total.concept and identity.optional and set(identity.parts) <= concepts:
            return not concepts & set(identity.optional)
    return False


def _disjoint_parts(total: Figure, parts: list[Figure]) -> bool:
    """Whether the parts are distinct categories of the total by an identity (so they cannot overlap)."""
    concepts = [p.concept for p in parts]
    if None in concepts or len(set(concepts)) != len(concepts):
        return False
    return any(identity.total == total.concept and set(concepts) <= identity.members
               for identity in vocabulary().identities)


def _distinct(ctx: Context, parts: list[Figure]) -> bool:
    """Parts named differently and stated in one state (not an item's budget beside its actual)."""
    names = [p.concept or ctx.clause(p) for p in parts]
    states = {dict(p.qualifiers).get("state", "") for p in parts}
    return "" not in names and len(set(names)) == len(names) and len(states) <= 1


@rule("RL101", "sum-mismatch", "error")
def sum_mismatch(ctx: Context) -> Iterator[Finding]:
    """合计与分项之和不符：总数不等于它的组成部分之和（已考虑四舍五入）。

    检查什么：报告写明的分解（“X，其中 A a、B b”；紧跟在总数后的括号列举“X a（A b、B c）”，未明说故为警告）
    和恒等式（支出合计 = 基本支出 + 项目支出；基本支出 = 人员经费 + 公用经费；三公经费 = 因公出国（境）费 +
    公务用车购置及运行维护费 + 公务接待费；公务用车购置及运行维护费 = 购置费 + 运行维护费），在正文的同一句、
    同一段（分项写在后面几句里）和表格的同一行/列里，口径（预算/决算、年度、资金、单位）一致时，要求合计等于
    分项之和。每个数按其印出的位数代表 ±½ 个末位单位；只有在这些区间内无论如何都凑不上时才报。同一个合计只报一次。

    会报：``基本支出135.36万元，其中人员经费112.53万元，公用经费22.80万元``（112.53 + 22.80 = 135.33）。
    不会报：``484.14`` 对 ``371.88 + 112.27 = 484.15``（差 0.01，在两位小数的舍入范围内）。

    怎么改：核对合计与各分项，改正写错的数字。

    A total does not equal the sum of its parts (beyond rounding) in a stated breakdown or an identity.
    """
    chosen: dict[int, Finding] = {}  # one finding a total: the most severe, the first stated relation on a tie
    for rel, total, parts in ctx.sum_relations():
        if total.approx or any(p.approx for p in parts) or len(parts) < 2 and rel.kind == "breakdown":
            continue
        if explained_by_unit_slip(total, parts, rel.complete, ctx.doc):
            continue
        gap, tol = sum_gap(total, parts)
        if abs(gap) <= tol or _restated_total_fits(total, parts):
            continue
        exact = rel.complete
        disjoint = _disjoint_parts(total, parts)
        near_miss = False
        if not exact and gap < 0:
            near_miss = _near_miss(rel, total, parts, gap)
            if rel.kind != "identity" and not _all_required(total, parts) and not near_miss:
                continue  # a partial breakdown only bounds
            if (not near_miss and total.table is None and all(p.unit == total.unit for p in parts)
                    and _optional_parts_unnamed(total, parts)):
                # prose: "支出合计X…基本支出Y…项目支出Z" short of X: 经营支出 or another category may make up the
                # rest (a table row of just those columns names every part, so it is still judged)
                continue
            severity = "warning"  # parts short of the total: other categories may exist
        elif not exact:
            if disjoint:
                severity = "error"  # distinct categories of the total cannot add up to more than it
            elif rel.kind == "breakdown" and total.is_money and len(parts) >= 2 and _distinct(ctx, parts):
                severity = "warning"  # unknown categories: they might overlap
            else:
                continue
        else:
            severity = "error" if (rel.explicit or rel.kind == "identity") else "warning"
        unit = _display_unit(total)
        terms = " + ".join(f"{_name(ctx, p)} {p.value if p.unit == total.unit else p.text}" for p in parts)
        terms_en = " + ".join(f"{_name_en(ctx, p)} {p.text}" for p in parts)
        summed = _amount(value(total) + gap, total)
        if total.id in chosen and (severity != "error" or chosen[total.id].severity == "error"):
            continue
        chosen[total.id] = ctx.finding(
            "RL101", total.span,
            f"{terms} = {summed}{unit}，与{_name(ctx, total)} {total.text}（{ctx.where(total)}）不符，相差 "
            f"{_amount(abs(gap), total)}{unit}",
            f"{terms_en} = {summed}{unit}, but {_name_en(ctx, total)} is {total.text}; off by {_amount(abs(gap), total)}{unit}",
            severity=severity,
            related=[(p.span, f"{_name(ctx, p)} {p.text}", f"{_name_en(ctx, p)} {p.text}") for p in parts],
            reading=(f"恒等式：{rel.note}" if rel.kind == "identity" else
                     f"若所列 {len(parts)} 项即 {total.text} 的全部分项（只差 {_amount(abs(gap), total)}{unit}）"
                     if near_miss else f"把所列各项理解为 {_name(ctx, total)} {total.text} 的分项"),
            certainty="explicit" if severity == "error" else "inferred",
            subject=f"{total.concept}={'+'.join(sorted(p.concept or '?' for p in parts))}:{total.text}",
            figures=[total, *parts],
        )
    yield from chosen.values()


def _near_miss(rel: Relation, total: Figure, parts: list[Figure], gap: Decimal) -> bool:
    """A 其中 list of four or more amounts that falls short of its total by at most 0.5%: meant as the whole
    list (a partial list names the large items and leaves a visible remainder), so a figure is likely wrong.
    Inferred, so a warning."""
    return (rel.kind == "breakdown" and rel.explicit and not rel.note and total.is_money and len(parts) >= 4
            and total.value > 0 and -gap <= value(total) * Decimal("0.005"))


def _restated_total_fits(total: Figure, parts: list[Figure]) -> bool:
    """"总投资61.8万元，其中中央资金30.9万元，县级资金30.9万元，共计下达61.8万元": an item with the total's own
    value restates the total; the list is consistent when the other items add up to it."""
    for k, part in enumerate(parts):
        if part.value == total.value and part.unit == total.unit:
            rest = parts[:k] + parts[k + 1:]
            if len(rest) >= 2:
                gap, tol = sum_gap(total, rest)
                if abs(gap) <= tol:
                    return True
    return False


@rule("RL102", "part-exceeds-total", "error")
def part_exceeds_total(ctx: Context) -> Iterator[Finding]:
    """分项大于合计：“其中”列出的某一部分（或几部分之和）超过了它所属的总数。

    检查什么：“X，其中 A a、B b”里的每个分项不能大于 X；分项都属于同一个恒等式时，它们的和也不能大于 X。
    只列出部分分项时不要求相等，只检查这个上限。

    会报：``支出合计100.00万元，其中基本支出120.00万元``。
    不会报：``支出合计100.00万元，其中基本支出60.00万元``（只列了一部分，不要求相加等于合计）。

    怎么改：核对分项与合计，改正写错的数字。

    A part listed under a total (or the sum of listed parts) exceeds the total.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind != "breakdown" or rel.total is None or rel.complete:
            continue
        total = doc.figure(rel.total)
        parts = [doc.figure(p) for p in rel.parts]
        if total.approx or explained_by_unit_slip(total, parts, False, ctx.doc):
            continue
        for part in parts:
            if part.approx or part.concept == total.concept:
                continue
            h = half_units([total, part])
            if value(part) - value(total) > h[0] + h[1]:
                yield ctx.finding(
                    "RL102", part.span,
                    f"分项 {_name(ctx, part)} {part.text} 大于其合计 {_name(ctx, total)} {total.text}（{ctx.where(total)}）",
                    f"part {_name_en(ctx, part)} {part.text} exceeds its total {_name_en(ctx, total)} {total.text}",
                    related=[(total.span, f"合计 {total.text}", f"total {total.text}")],
                    subject=f"{part.concept}>{total.concept}:{part.text}", figures=[part, total],
                    reading=f"把“其中”理解为 {total.text}（{ctx.where(total)}）的分项",
                    certainty="explicit" if rel.explicit else "inferred",
                )


def _partition_of(vocab: Vocabulary, labels: list[str]) -> tuple[str, ...] | None:
    for group in vocab.count_partitions:
        if all(any(word in label for word in group) for label in labels):
            return group
    return None


@rule("RL103", "count-breakdown-mismatch", "warning")
def count_breakdown_mismatch(ctx: Context) -> Iterator[Finding]:
    """人数分项之和不符：“X人，其中 A a人、B b人…”列出的各类人数之和不等于总人数。

    检查什么：分项都属于同一种划分（在职/离休/退休，行政编制/事业编制/工勤，男/女，主任/副主任/干部…，词表见
    ``rules/identities.toml``），或用“分别为/分别是”列出时，要求各分项之和等于总数。只列出部分类别时不检查。

    会报：``编制6名，其中主任1名，副主任2名，干部4名``（1 + 2 + 4 = 7）。
    不会报：``实有人数11人，其中：在职人员10人，离休人员0人，退休人员1人``；``在职63人，其中党员30人``。

    怎么改：核对总数和各分项。

    The counts listed under a head-count do not add up to it.
    """
    doc = ctx.doc
    vocab = vocabulary()
    for rel in doc.relations:
        if rel.kind != "breakdown" or rel.total is None or len(rel.parts) < 2 or rel.complete:
            continue  # a complete breakdown is RL101's
        total = doc.figure(rel.total)
        parts = [doc.figure(p) for p in rel.parts]
        if total.is_money or total.unit in ("%", "分", "") or total.approx or any(p.approx for p in parts):
            continue
        if any(p.unit != total.unit for p in parts):
            continue
        last = parts[-1]
        after = doc.line_text(last.span.end.line)[last.span.end.column - 1:]
        if not _LIST_CLOSED.match(after) or (not after.strip() and last.span.end.line == len(doc.lines)):
            continue  # the list goes on (or the text is cut off): the parts named may not be all of them
        labels = [ctx.clause(p) for p in parts]
        if labels[0].startswith(("含", "包括", "包含")):
            continue  # "120人（含退休人员20人、临聘人员10人）": some of them, by its own word
        line = doc.line_text(parts[0].span.start.line)[: parts[0].span.start.column]
        listed = bool(_LISTED_WITH_FENBIE.search(line))
        if not listed and _partition_of(vocab, labels) is None:
            continue
        summed = sum((p.value for p in parts), Decimal(0))
        if summed == total.value:
            continue
        terms = " + ".join(f"{label or '?'} {p.text}" for label, p in zip(labels, parts))
        yield ctx.finding(
            "RL103", total.span,
            f"{terms} = {summed:f}{total.unit}，与总数 {total.text} 不符",
            f"{' + '.join(p.text for p in parts)} = {summed:f}{total.unit}, but the total is {total.text}",
            related=[(p.span, f"分项 {p.text}", f"part {p.text}") for p in parts],
            subject=f"count:{ctx.clause(total)}:{total.text}", figures=[total, *parts],
        )


@rule("RL104", "adjustment-mismatch", "error")
def adjustment_mismatch(ctx: Context) -> Iterator[Finding]:
    """调整、变动或差值算错：“由年初预算 X 调整为 Y，调增（调减）Δ”中 Y ≠ X ± Δ；“本年 Y，比上年 X 增加（减少）Δ”中
    Y ≠ X ± Δ；“支出 a，年初预算为 b，差值（差额）为 c”中 c ≠ |a − b|（“收入 a，支出 b，收支结余 c”同理）；
    “实际 Y，比预算 X 节约 Δ”中 Y ≠ X − Δ。

    会报：``由年初预算12981.26万元调整为13250.10万元，调增300.00万元``（12981.26 + 300.00 = 13281.26）。
    ``“三公”经费支出2.05万元，年初预算为2.95万元，差值为0.8万元``（2.95 − 2.05 = 0.90）。
    不会报：``由年初预算79552.91万元调整为82513.70万元，调增2960.79万元``；``…差值为0.9万元``。

    怎么改：核对调整前后的预算数和调整额。

    A budget adjustment or a year-on-year change does not add up (new ≠ old ± change), or a stated
    difference is not the difference of the two figures before it.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind == "difference":
            yield from _difference_mismatch(ctx, rel)
        if rel.kind != "adjust" or rel.total is None:  # (an adjustment always has its total)
            continue
        adjusted = doc.figure(rel.total)
        initial, delta = (doc.figure(p) for p in rel.parts)
        halves = half_units([adjusted, initial, delta])
        expected = value(initial) + rel.direction * value(delta)
        gap = expected - value(adjusted)
        if abs(gap) <= sum(halves, Decimal(0)):
            continue
        sign = "+" if rel.direction > 0 else "−"
        before, after = {"change": ("上年数", "本年数"), "budget-change": ("预算数", "实际数")}.get(
            rel.note, ("调整前", "调整后的"))
        yield ctx.finding(
            "RL104", adjusted.span,
            f"{before} {initial.text} {sign} 变动 {delta.text} = {_amount(expected, adjusted)}{adjusted.unit}，"
            f"与{after} {adjusted.text} 不符",
            f"{initial.text} {sign} {delta.text} = {_amount(expected, adjusted)}{adjusted.unit}, but the adjusted figure is {adjusted.text}",
            related=[(initial.span, f"调整前 {initial.text}", f"before {initial.text}"),
                     (delta.span, f"调整额 {delta.text}", f"change {delta.text}")],
            subject=f"adjust:{adjusted.text}", figures=[adjusted, initial, delta],
        )


def _difference_mismatch(ctx: Context, rel: Relation) -> Iterator[Finding]:
    """差值 c against |a − b|."""
    doc = ctx.doc
    if rel.total is None:  # cannot be: a difference is read with its stated 差值
        return
    diff = doc.figure(rel.total)
    a, b = (doc.figure(p) for p in rel.parts)
    expected = abs(value(a) - value(b))
    if abs(abs(value(diff)) - expected) <= sum(half_units([diff, a, b]), Decimal(0)):
        return
    yield ctx.finding(
        "RL104", diff.span,
        f"差值写作 {diff.text}，但 {a.text} 与 {b.text} 相差 {_amount(expected, diff)}{diff.unit}",
        f"the difference is stated as {diff.text}, but {a.text} and {b.text} differ by {_amount(expected, diff)}{diff.unit}",
        related=[(a.span, a.text, a.text), (b.span, b.text, b.text)],
        subject=f"difference:{diff.text}", figures=[diff, a, b],
    )


@rule("RL105", "balance-mismatch", "error")
def balance_mismatch(ctx: Context) -> Iterator[Finding]:
    """收支结余不平：年末结转和结余 ≠ 年初结转和结余 + 本年收入 − 本年支出，或收入总计 ≠ 支出总计。

    检查什么：同一句写明年初结转和结余、本年收入、本年支出、年末结转和结余时，要求
    年末 = 年初 + 收入 − 支出（按舍入容差）；报告写明的“收入总计”和“支出总计”（同一年度、口径）应相等。

    会报：``年初结转和结余0万元，本年收入484.14万元，本年支出480.00万元，年末结转和结余0万元``。
    不会报：``年初结转和结余0万元，本年收入484.14万元，本年支出484.14万元，年末结转和结余0万元``。

    怎么改：核对收入、支出和结转结余。

    A balance does not hold: carry-over at the end ≠ start + income − expenditure, or grand totals differ.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind != "balance" or rel.total is None:  # (a balance always has its total)
            continue
        end = doc.figure(rel.total)
        begin, income, spent = (doc.figure(p) for p in rel.parts)
        halves = half_units([end, begin, income, spent])
        expected = value(begin) + value(income) - value(spent)
        gap = expected - value(end)
        if abs(gap) <= sum(halves, Decimal(0)):
            continue
        yield ctx.finding(
            "RL105", end.span,
            f"年初结转和结余 {begin.text} + 本年收入 {income.text} − 本年支出 {spent.text} = "
            f"{_amount(expected, end)}{end.unit}，与年末结转和结余 {end.text} 不符",
            f"start {begin.text} + income {income.text} − expenditure {spent.text} = {_amount(expected, end)}{end.unit}, "
            f"but the end-of-year carry-over is {end.text}",
            related=[(f.span, f.text, f.text) for f in (begin, income, spent)],
            subject=f"balance:{end.text}", figures=[end, begin, income, spent],
        )
    grand_in = [f for f in doc.figures if f.concept == "income_grand_total" and not f.approx
                and dict(f.qualifiers).get("kind") == "level" and f.is_money]
    grand_out = [f for f in doc.figures if f.concept == "expenditure_grand_total" and not f.approx
                 and dict(f.qualifiers).get("kind") == "level" and f.is_money]
    for a in grand_in:
        qa = dict(a.qualifiers)
        for b in grand_out:
            qb = dict(b.qualifiers)
            if (qa.get("year"), qa.get("fund"), qa.get("entity")) != (qb.get("year"), qb.get("fund"), qb.get("entity")):
                continue
            ha, hb = half_units([a, b])
            if abs(value(a) - value(b)) > ha + hb:
                later, earlier = (b, a) if b.span.start > a.span.start else (a, b)
                yield ctx.finding(
                    "RL105", later.span,
                    f"收入总计 {a.text} 与支出总计 {b.text} 不相等（收、支总计应相等）",
                    f"grand total income {a.text} differs from grand total expenditure {b.text}",
                    related=[(earlier.span, earlier.text, earlier.text)], subject=f"grand:{a.text}:{b.text}",
                    figures=[a, b],
                )



def _changes_of(doc: Document) -> dict[int, Figure]:
    """For each level figure, the change stated right after it in its sentence ("…627万元，比上年减支125万元")."""
    out: dict[int, Figure] = {}
    by_sentence: dict[int, list[Figure]] = {}
    for f in doc.figures:
        if f.sentence >= 0:
            by_sentence.setdefault(f.sentence, []).append(f)
    for figs in by_sentence.values():
        last_level = None
        for f in figs:
            kind = dict(f.qualifiers).get("kind")
            if kind in ("level", "part"):
                last_level = f
            elif kind == "change" and last_level is not None and last_level.id not in out and not f.approx:
                if _same_money(last_level, f):
                    out[last_level.id] = f
                last_level = None
    return out


def _same_money(a: Figure, b: Figure) -> bool:
    return a.is_money and b.is_money or a.unit == b.unit


def _flatten(concepts: set[str]) -> set[str]:
    """Replace a concept by its parts where an exact identity defines them (公务用车 → 购置 + 运行维护)."""
    vocab = vocabulary()
    out = set(concepts)
    for identity in vocab.identities:
        if identity.exact and identity.total in out:
            out.discard(identity.total)
            out.update(identity.parts)
    return out


@rule("RL107", "change-sum-mismatch", "error")
def change_sum_mismatch(ctx: Context) -> Iterator[Finding]:
    """分项增减之和不符：合计比上年的增减额，不等于各分项增减额（增为正、减为负）之和。

    检查什么：“三公经费…比上年减少433万元，其中：公务用车购置…减少1122万元，运行维护费…增加816万元，
    公务接待费…减少125万元，因公出国费…减少2万元”——各分项（按恒等式构成合计的全部分项）的增减额代数和应等于合计的增减额。

    会报：上例中把“增加816万元”写成“增加861万元”。
    不会报：−1122 + 816 − 125 − 2 = −433。

    怎么改：核对各项增减额。

    The year-on-year changes of the parts do not add up to the change of the total.
    """
    doc = ctx.doc
    changes = _changes_of(doc)
    vocab = vocabulary()
    seen = set()
    for rel, total, parts in ctx.sum_relations():
        if total.id in seen or total.id not in changes or total.concept is None:
            continue
        state = dict(total.qualifiers).get("state")
        members = [p for p in parts if dict(p.qualifiers).get("state") == state and p.concept is not None]
        concepts = [p.concept for p in members if p.concept is not None]  # (all: chosen so above)
        if len(set(concepts)) != len(concepts) or not members:
            continue
        complete = any(identity.exact and identity.total == total.concept
                       and _flatten(set(concepts)) == _flatten(set(identity.parts)) for identity in vocab.identities)
        if not complete or any(p.id not in changes for p in members):
            continue
        seen.add(total.id)

        def signed(change: Figure) -> Decimal:
            sign = -1 if dict(change.qualifiers).get("direction") == "-" else 1
            return sign * value(change)

        total_change = changes[total.id]
        deltas = [changes[p.id] for p in members]
        summed = sum((signed(d) for d in deltas), Decimal(0))
        halves = half_units([total_change, *deltas])
        if abs(summed - signed(total_change)) <= sum(halves, Decimal(0)):
            continue
        terms = " ".join(f"{'+' if signed(d) >= 0 else '−'} {vocab.concept_name(p.concept)} {d.text}"
                         for p, d in zip(members, deltas)).lstrip("+ ")
        yield ctx.finding(
            "RL107", total_change.span,
            f"各分项增减 {terms} = {'−' if summed < 0 else '+'}{_amount(abs(summed), total_change)}{total_change.unit}，"
            f"与{vocab.concept_name(total.concept)}"
            f"的增减 {'−' if signed(total_change) < 0 else '+'}{total_change.text} 不符",
            f"the parts' changes add up to {_amount(summed, total_change)}{total_change.unit}, "
            f"but the total changed by {total_change.text}",
            related=[(d.span, f"{vocab.concept_name(p.concept)} {d.text}", d.text) for p, d in zip(members, deltas)],
            subject=f"changes:{total.concept}:{total_change.text}", figures=[total_change, *deltas],
        )
