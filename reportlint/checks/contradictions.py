"""Contradiction checks (RL3xx): one quantity stated with two values."""

from __future__ import annotations

from typing import Final, Iterable, Iterator, Optional

from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal
from itertools import chain, islice

from reportlint import patterns

from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import fmt, scale, value
from reportlint.document import Document, Figure
from reportlint.rules import vocabulary

_COMPARED_KINDS: Final = ("level",)  # rates differ legitimately (targets, items); levels must not
_LABELS: Final = {
    "budget_initial": ("年初预算", "initial budget"),
    "budget_adjusted": ("全年预算", "adjusted budget"),
    "budget": ("预算", "budget"),
    "actual": ("实际/决算", "actual"),
}


def _unit_class(fig: Figure) -> str:
    return "money" if fig.is_money else fig.unit


QuantityKey = tuple[Optional[str], ...]  # concept, state, year, period, fund, entity, of, kind, unit class
ScopeKey = tuple[str, str, Optional[str], bool]  # concept, entity, year, whether a budget


def quantity_key(fig: Figure) -> QuantityKey | None:
    """What makes two figures the same quantity: concept and every qualifier."""
    if fig.concept is None or fig.approx:
        return None
    concept = vocabulary().concepts.get(fig.concept)
    if concept is None or concept.kind == "score":
        return None
    if not concept.compared:
        return None  # 中央资金 of which fund or project? one report lists several
    q = dict(fig.qualifiers)
    if q.get("kind") not in _COMPARED_KINDS or q.get("state") == "target":
        return None
    if not q.get("of") and len(vocabulary().parents(fig.concept)) > 1:
        return None  # 商品和服务支出 of what? (基本支出 or 项目支出): not comparable without its total
    if fig.unit == "":
        return None  # a table without a declared unit: its cells are compared only within the table
    if fig.table is not None and not fig.table.column_header and not fig.table.key_value:
        return None  # a cell whose column is unknown: its state and year cannot be told
    return (fig.concept, q.get("state", ""), q.get("year", ""), q.get("period", ""), q.get("fund", ""), q.get("entity", ""),
            q.get("of", ""), q.get("kind"), _unit_class(fig))


def _subject_fields(key: QuantityKey) -> QuantityKey:
    """The qualifiers that name a finding in its fingerprint: state, year, fund, entity, of (and the part
    of the year only when there is one, so that fingerprints made before it existed stay the same)."""
    _, state, year, period, fund, entity, of = key[:7]
    return (state, year, fund, entity, of) + ((period,) if period else ())


def agree(a: Figure, b: Figure) -> bool:
    """Two statements of one quantity agree when the finer one, rounded to the coarser one's printed
    precision, gives the coarser one (the same number rounded twice prints the same digits)."""
    qa = Decimal(1).scaleb(-a.decimals) * scale(a)
    qb = Decimal(1).scaleb(-b.decimals) * scale(b)
    fine, coarse = (a, b) if qa <= qb else (b, a)
    quantum = max(qa, qb)
    if coarse.decimals == 0 and fine.decimals > 0 and coarse.unit == fine.unit:
        # a whole amount among amounts with decimals counts as exact
        return value(fine) == value(coarse)
    target = value(coarse)
    for mode in (ROUND_HALF_UP, ROUND_HALF_EVEN, ROUND_DOWN):
        if (value(fine) / quantum).quantize(Decimal(1), rounding=mode) * quantum == target:
            return True
    return False


def _satisfied_sums(doc: Document) -> set[int]:
    """Figures that take part in a complete sum relation that holds."""
    from reportlint.checks.arithmetic import sum_gap

    ok: set[int] = set()
    for rel in doc.relations:
        if rel.kind in ("breakdown", "identity") and rel.total is not None and len(rel.parts) >= 2:
            total = doc.figure(rel.total)
            parts = [doc.figure(p) for p in rel.parts]
            gap, tol = sum_gap(total, parts)
            if abs(gap) <= tol:
                ok.update((rel.total, *rel.parts))
    return ok


def _best_supported(figs: list[Figure], satisfied: set[int]) -> Figure:
    """The value to compare the others with: the one stated most often and borne out by arithmetic
    (a sum that holds counts double: ``satisfied`` are the figures of sums that hold); on a tie, the first stated."""
    clusters: list[list[Figure]] = []
    for fig in figs:
        for cluster in clusters:
            if agree(fig, cluster[0]):
                cluster.append(fig)
                break
        else:
            clusters.append([fig])
    best = max(clusters, key=lambda c: (len(c) + 2 * sum(1 for f in c if f.id in satisfied), -figs.index(c[0])))
    return best[0]


def _named_by_column(fig: Figure) -> bool:
    """A table cell whose concept comes from its column's multi-row (merged) header rather than its row's
    label: which column under a merged header a value sits in is what PDF and Word layouts most often get wrong."""
    if fig.table is None or fig.table.key_value or "/" not in (fig.table.column_header or ""):
        return False  # a single header row over the column is read reliably
    row = fig.table.row_header or ""
    return not any(t[2].category == "concept" and t[2].id == fig.concept for t in vocabulary().find_terms(row))


def _listing_sentences(figs: list[Figure]) -> set[int]:
    """Sentences that state the quantity with two different values (items of a list, not restatements)."""
    first: dict[int, Figure] = {}
    out: set[int] = set()
    for fig in figs:
        if fig.sentence < 0 or fig.table is not None:
            continue
        seen = first.setdefault(fig.sentence, fig)
        if seen is not fig and not agree(seen, fig):
            out.add(fig.sentence)
    return out


def _enumerated(figs: list[Figure]) -> bool:
    """Three or more different values of "one" quantity: items of a list ("1、一般公共服务支出（类）…支出决算为
    A万元；2、教育支出（类）…支出决算为B万元") that the vocabulary reads as one concept, not restatements of
    it — a contradiction states one quantity two ways."""
    values: list[Figure] = []
    for fig in figs:
        if not any(agree(fig, v) for v in values):
            values.append(fig)
            if len(values) > 2:
                return True
    return False


@rule("RL301", "contradictory-figure", "error")
def contradictory_figure(ctx: Context) -> Iterator[Finding]:
    """前后矛盾：同一个数（同一概念、同一口径）在报告里写成了两个不同的值。

    检查什么：概念（支出合计、基本支出、人员经费、三公经费、编制数……）和口径（年度、预算/决算、资金来源、
    单位主体如局机关/汇总）都相同的两个数，在正文与正文、正文与表格之间不应不同。口径不同的数（全年预算数
    与执行数、2021 年与 2022 年、局机关与汇总）不比较。先出现的值作为参照，与之不符的每一处都报告，并列出参照位置。

    会报：第38行 ``实际支出2677.20万元``，第44行 ``全年支出2665.79万元``。
    不会报：``全年预算数371.88万元`` 与 ``本年支出371.88万元``；``年初预算数86.91万元`` 与 ``本年支出371.88万元``（口径不同）。

    怎么改：确认正确的数，把各处改成一致。

    The same quantity (same concept and qualifiers) is stated with two different values.
    """
    doc = ctx.doc
    vocab = vocabulary()
    groups: dict[QuantityKey, list[Figure]] = {}
    for fig in doc.figures:
        key = quantity_key(fig)
        if key is not None:
            groups.setdefault(key, []).append(fig)
    satisfied: set[int] | None = None
    for key, figs in groups.items():
        if len(figs) < 2:
            continue
        figs = sorted(figs, key=lambda f: (f.span.start.line, f.span.start.column))
        if satisfied is None:
            satisfied = _satisfied_sums(doc)
        if _enumerated(figs):
            continue
        reference = _best_supported(figs, satisfied)
        listing = _listing_sentences(figs)
        for fig in figs:
            if fig is reference:
                continue
            if agree(fig, reference):
                continue
            if fig.sentence >= 0 and fig.table is None and fig.sentence in listing:
                # one sentence stating "one" quantity with two values lists items the vocabulary cannot tell
                # apart ("国内公务接待…共计支出8.12万元；外事接待…共计支出0万元")
                continue
            if fig.value == reference.value and fig.unit != reference.unit:
                yield ctx.finding(
                    "RL401", fig.span,
                    f"单位疑似错写：{vocab.concept_name(fig.concept)}在{ctx.where(fig)}写作 {fig.text}，"
                    f"{ctx.where(reference)}写作 {reference.text}，数字相同而单位不同",
                    f"unit slip: {fig.text} on line {fig.span.start.line}, {reference.text} on line "
                    f"{reference.span.start.line}: the same digits in another unit",
                    related=[(reference.span, f"此处写作 {reference.text}", f"stated as {reference.text} here")],
                    subject=f"unit:{fig.concept}:{fig.text}", figures=[fig, reference],
                )
                continue
            name = vocab.concept_name(fig.concept)
            name_en = vocab.concept_name(fig.concept, "en")
            state = _LABELS.get(dict(fig.qualifiers).get("state", ""), ("", ""))
            diff = abs(value(fig) - value(reference)) / scale(fig)
            unit = fig.unit if fig.is_money else ""
            both_cells = fig.table is not None and reference.table is not None or _named_by_column(fig) \
                or _named_by_column(reference)
            # two table cells: each one's scope (fund, year, budget or actual) is inferred from its table's
            # headers and title, which PDF and Word layouts often leave ambiguous — a warning, not an error
            severity = "error" if fig.direct and reference.direct and not both_cells else "warning"
            if fig.table is not None and reference.table is not None:
                # two cells of rebuilt tables (measured on eight real 决算/预算 PDFs: dozens of such pairs, none a
                # defect — the tables' scopes differ in ways their headers do not say): shown, never a gate
                severity = "info"
            yield ctx.finding(
                "RL301", fig.span,
                f"{name}{'（' + state[0] + '）' if state[0] else ''}在{ctx.where(fig)}写作 {fig.text}，"
                f"与{ctx.where(reference)}的 {reference.text} 不一致"
                + (f"（相差 {fmt(diff, max(fig.decimals, reference.decimals))}{unit}）" if fig.unit == reference.unit else ""),
                f"{name_en}{' (' + state[1] + ')' if state[1] else ''} is {fig.text} on line {fig.span.start.line} "
                f"but {reference.text} on line {reference.span.start.line}",
                severity=severity,
                related=[(reference.span, f"此处写作 {reference.text}", f"stated as {reference.text} here")],
                reading=("表格单元格的概念或口径由表头推断" if both_cells else
                         "两处写的是同一概念、同一口径（年度、预算/决算、资金来源、单位）的数"),
                certainty="inferred" if severity == "warning" else "explicit",
                subject=f"{fig.concept}:{'|'.join(str(k) for k in _subject_fields(key))}:{fig.text}",
                figures=[fig, reference],
            )


_NO_CHANGE: Final = patterns.compile(r"^[^。；;]{0,30}?(与|比|较|和)[^。；;，,]{0,16}?(预算|上年|去年|同期)[^。；;]{0,12}?(无增减|无变化|没有变化|持平|相同|一致|未发生变化)")


_NUMBER: Final = patterns.compile(r"[0-9][0-9,.]*(?![0-9,.]|\s*年)")  # figures, not years


def _another_subject_between(doc: Document, fig: Figure, words: str) -> bool:
    """Whether a level of another concept stands between ``fig`` and its "持平" ("支出100万元，其中基本支出60万元，与上年
    持平": the words are about 基本支出)."""
    between = len(_NUMBER.findall(words))
    following = [f for f in doc.figures[fig.id + 1:fig.id + 1 + between] if f.sentence == fig.sentence]
    return any(f.qualifier("kind") in ("level", "part") and f.concept not in (None, fig.concept) for f in following)


_NEARLY: Final = patterns.compile(r"基本|大致|大体|略有")


def _nearly_tolerance() -> Decimal:
    """How far "基本持平" may stray, as a share of the reference: RL303's documented tolerance."""
    from reportlint.checks.comparisons import nearly_equal_tolerance

    return nearly_equal_tolerance()


# the words of _NO_CHANGE's last group, simplified or traditional (cheap test before normalising)
_NO_CHANGE_HINT: Final = patterns.compile(r"无|無|没有|沒有|持平|相同|一致|未发生|未發生")


@rule("RL302", "no-change-contradicted", "error")
def no_change_contradicted(ctx: Context) -> Iterator[Finding]:
    """“无增减/无变化”与数字不符：正文说某项与预算（或上年）相比无增减，而报告写明的预算数（或上年数）与之不同。

    检查什么：“X 支出a万元，与…预算相比无增减（无变化、持平）”时，找同一概念、同一年度和口径的预算数
    （说“上年”时找上年数），二者不相等即报告。

    会报：``因公出国（境）费支出0万元，与2021年度预算相比无增减``，而表中因公出国（境）费预算数为 20。
    不会报：预算数与决算数相等时。

    怎么改：如实写出增减额和增减幅度。

    "No change against the budget (or last year)" is stated, but the report's own figures differ.
    """
    from reportlint.parse.normalize import to_simplified

    doc = ctx.doc
    vocab = vocabulary()
    levels: dict[ScopeKey, list[Figure]] | None = None  # _levels_by_scope, once a statement is found
    traditional: dict[int, bool] = {}  # line → whether it is in traditional characters
    by_sentence: dict[int, list[Figure]] | None = None  # the unnamed references stated in a subject's sentence
    hinted = {number for number, _ in ctx.lines_matching(_NO_CHANGE_HINT)}  # the lines that say 无, 持平…
    for fig in doc.figures:
        if fig.table is not None or fig.approx or fig.span.end.line not in hinted:
            continue
        q = dict(fig.qualifiers)
        if q.get("kind") != "level":
            continue
        line, start = doc.line_text(fig.span.end.line), fig.span.end.column - 1
        if not _NO_CHANGE_HINT.search(line, start, start + 120):
            continue
        if fig.span.end.line not in traditional:
            traditional[fig.span.end.line] = to_simplified(line) is not line
        m = _NO_CHANGE.match(regex_normalize(_rest_of_line(line, start, traditional[fig.span.end.line])))
        if not m:
            continue
        against_budget = m.group(2) == "预算"
        nearly = _NEARLY.search(m.group(0)) is not None  # "基本持平": within a tolerance
        if nearly and "决算数" in m.group(0):
            continue  # "决算数与预算数基本持平": RL303's construction
        if _another_subject_between(doc, fig, m.group(0)):
            continue
        if levels is None:
            levels = _levels_by_scope(doc)
            by_sentence = {}
            for other in doc.figures:
                if other.concept is None and other.table is None and not other.approx:
                    by_sentence.setdefault(other.sentence, []).append(other)
        if by_sentence is None:  # cannot be: filled with ``levels`` just above
            continue
        year = str(int(q["year"]) - 1) if q.get("year") and not against_budget else None
        group: Iterable[Figure]
        if fig.concept is None:
            group = ()  # "培训费年初预算15万元，决算13.80万元，与预算相比无增减": an unnamed item, its own sentence only
        elif against_budget:
            group = levels.get((fig.concept, q.get("entity", ""), q.get("year"), True), ())
        elif year:
            group = chain(levels.get((fig.concept, q.get("entity", ""), year, True), ()),
                          levels.get((fig.concept, q.get("entity", ""), year, False), ()))
        else:
            group = ()
        # "支出100万元，上年为80万元，与上年持平", "会议费预算6万元，实际支出5.2万元，与预算相比无变化": the
        # reference stated, unnamed, in the subject's sentence
        stated = [o for o in by_sentence.get(fig.sentence, ()) if o is not fig and _unnamed_reference(o, fig, q, against_budget, year)]
        candidates = list(islice((other for other in chain(group, stated) if other is not fig), 2))
        if len(candidates) != 1:
            continue
        other = candidates[0]
        if fig.value == other.value or (fig.unit == other.unit and agree(fig, other)):
            continue
        if nearly and abs(value(fig) - value(other)) <= _nearly_tolerance() * abs(value(other)):
            continue
        word = "预算" if against_budget else "上年"
        yield ctx.finding(
            "RL302", fig.span,
            f"{vocab.concept_name(fig.concept) if fig.concept else fig.label or '该项'} {fig.text} 写作与{word}相比“{m.group(3)}”，"
            f"但{ctx.where(other)}的{word}数为 {other.text}",
            f"{vocab.concept_name(fig.concept, 'en') if fig.concept else 'the item'} {fig.text} is said to be unchanged against the {'budget' if against_budget else 'previous year'}, "
            f"which is {other.text} on line {other.span.start.line}",
            related=[(other.span, f"{word}数 {other.text}", f"{other.text}")],
            subject=f"nochange:{fig.concept}:{fig.text}", figures=[fig, other],
        )


def _unnamed_reference(other: Figure, fig: Figure, q: dict[str, str], against_budget: bool, year: str | None) -> bool:
    """Whether an unnamed level of the subject's sentence is the reference its 无增减 speaks of: after the subject
    (or, for a budget, just before it), of the subject's entity, a budget of its year or a value of the year before."""
    oq = dict(other.qualifiers)
    if oq.get("kind") != "level" or oq.get("entity", "") != q.get("entity", ""):
        return False
    if not (other.id > fig.id or against_budget and other.id == fig.id - 1):
        return False
    if against_budget:
        return oq.get("state", "").startswith("budget") and oq.get("year") == q.get("year")
    return year is not None and oq.get("year") == year


def _levels_by_scope(doc: Document) -> dict[ScopeKey, list[Figure]]:
    """The stated levels (not approximate) by (concept, entity, year, whether a budget): the figures a 无增减
    is checked against, looked up rather than sought among every figure for each statement."""
    out: dict[ScopeKey, list[Figure]] = {}
    for other in doc.figures:
        if other.concept is None or other.approx:
            continue
        oq = dict(other.qualifiers)
        if oq.get("kind") != "level":
            continue
        key = (other.concept, oq.get("entity", ""), oq.get("year"), oq.get("state", "").startswith("budget"))
        out.setdefault(key, []).append(other)
    return out


_WINDOW: Final = 2000  # characters after a figure that _NO_CHANGE (≤ 70 normalised characters) is matched in


def _rest_of_line(line: str, start: int, traditional: bool) -> str:
    """The line after a figure, as far as _NO_CHANGE can reach: a window on a long line (copying the rest of a
    long line for each of its figures was quadratic). The whole rest when normalising could shorten the window
    below its reach (runs of blanks or glosses), or when the line is in traditional characters (converted as
    a whole)."""
    if traditional or len(line) - start <= _WINDOW:
        return line[start:]
    window = line[start:start + _WINDOW]
    if len(regex_normalize(window)) < _WINDOW // 2:
        return line[start:]
    return window


def regex_normalize(text: str) -> str:
    from reportlint.parse.normalize import normalize_text

    return normalize_text(text)
