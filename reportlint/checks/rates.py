"""Rate checks (RL2xx): stated percentages against their numerator and denominator."""

from __future__ import annotations

from typing import Final, Callable, Iterator

from decimal import Decimal

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.arithmetic import fmt, half_units, meets, percent_interval, ratio_interval, scale, value
from reportlint.document import Document, Figure, Relation
from reportlint.rules import vocabulary



def _computed(num: Figure, den: Figure) -> Decimal | None:
    d = value(den)
    if d == 0:
        return None
    return value(num) / d * 100


def _name(ctx: Context, fig: Figure) -> str:
    if fig.concept:
        return vocabulary().concept_name(fig.concept)
    if fig.table is not None:
        return fig.table.column_header.split("/")[-1] or "比率"
    clause = ctx.clause(fig)
    if clause.endswith("的") and "预算" in clause:
        return "完成预算的比例"  # "为年初预算数6180万元的78.56%"
    return clause or "比率"


@rule("RL201", "rate-mismatch", "error")
def rate_mismatch(ctx: Context) -> Iterator[Finding]:
    """比率算错：写明的执行率/控制率等与报告中的分子、分母算出的不一致。

    检查什么：预算执行率 = 执行数 / 预算数（年初或调整后预算，任一能对上即可；段内没有预算数时用报告前文写明的
    预算数或项目的年度资金总额），人员控制率 = 实有人数 / 编制数，“三公”经费控制率、公用经费控制率、政府采购执行率
    = 实际数 / 预算数，资金到位率 = 到位资金 / 年度资金总额（词表见 ``rules/identities.toml``），“完成预算B的Y%”，
    办结率、完成率等计数比率，以及“支付X，未支付Y，支付率r”（r = X ÷ (X + Y)），在同一段或表格同一行里给出了分子分母时重新计算；按各数印出的位数取区间，区间不相交才报。
    分子分母是推断出来的（不在同一句里明说）时为警告。

    会报：``全年预算数371.88万元，本年支出350.00万元，预算执行率100%``（350.00/371.88 = 94.12%）。
    不会报：``11297/11303 = 99.95%``（舍入范围内）。

    怎么改：重新计算比率，或改正分子分母。

    A stated rate disagrees with its numerator and denominator given in the report.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind == "remainder-rate":
            yield from _remainder_rate(ctx, rel)
            continue
        if rel.kind != "rate" or rel.result is None or not rel.alternatives:
            continue
        rate = doc.figure(rel.result)
        if rate.approx:
            continue
        stated = percent_interval(rate)
        candidates = []
        ok = False
        for n, d in rel.alternatives:
            num, den = doc.figure(n), doc.figure(d)
            if num.approx or den.approx:
                ok = True
                break
            interval = ratio_interval(num, den)
            if interval is None:
                ok = True
                break
            if meets(interval, stated) or _computed(num, den) is None:
                ok = True  # consistent, or a zero denominator: nothing to compare
                break
            if rel.note == "count":
                exact = value(num) / value(den) * 100
                if exact.quantize(Decimal(1).scaleb(-rate.decimals), rounding="ROUND_DOWN") == rate.value:
                    ok = True  # truncated rather than rounded
                    break
            candidates.append((num, den))
        if ok or not candidates:
            continue
        num, den = min(candidates, key=lambda c: abs((_computed(*c) or Decimal(0)) - rate.value))
        computed = _computed(num, den)
        if computed is None:  # cannot be: a candidate's denominator is not zero
            continue
        severity = "error" if rel.explicit else "warning"
        others = "（其他可能的分母也对不上）" if len(candidates) > 1 else ""
        yield ctx.finding(
            "RL201", rate.span,
            f"{_name(ctx, rate)}写作 {rate.text}，但 {num.text}（{ctx.where(num)}）÷ {den.text}（{ctx.where(den)}）= "
            f"{fmt(computed)}%{others}",
            f"{vocabulary().concept_name(rate.concept, 'en') or 'the rate'} is stated as {rate.text}, "
            f"but {num.text} / {den.text} = {fmt(computed)}%",
            severity=severity,
            related=[(num.span, f"分子 {num.text}", f"numerator {num.text}"),
                     (den.span, f"分母 {den.text}", f"denominator {den.text}")],
            subject=f"{rate.concept or 'rate'}:{rate.text}", figures=[rate, num, den],
            reading=f"比率 = {num.text} ÷ {den.text}" + ("（在几个可能的分母中最接近的一个）" if len(candidates) > 1 else ""),
            certainty="explicit" if rel.explicit else "inferred",
        )


def _remainder_rate(ctx: Context, rel: Relation) -> Iterator[Finding]:
    """"支付X，未支付Y，支付率r": r = X / (X + Y), each figure within its printed precision."""
    doc = ctx.doc
    if rel.result is None:  # cannot be: the reader states the rate it read
        return
    rate, done, left = doc.figure(rel.result), doc.figure(rel.parts[0]), doc.figure(rel.parts[1])
    if rate.approx:
        return
    h_done, h_left = half_units([done, left])
    x, y = value(done), value(left)
    if x - h_done <= 0 or x + y <= 0:
        return
    lowest = (x - h_done) / (x - h_done + y + h_left) * 100
    highest = (x + h_done) / (x + h_done + max(y - h_left, Decimal(0))) * 100
    if meets((lowest, highest), percent_interval(rate)):
        return
    computed = x / (x + y) * 100
    yield ctx.finding(
        "RL201", rate.span,
        f"{_name(ctx, rate)}写作 {rate.text}，但 {done.text} ÷（{done.text} + 未完成的 {left.text}）= {fmt(computed)}%",
        f"the rate is stated as {rate.text}, but {done.text} / ({done.text} + {left.text} left) = {fmt(computed)}%",
        related=[(done.span, f"已完成 {done.text}", f"done {done.text}"),
                 (left.span, f"未完成 {left.text}", f"left {left.text}")],
        subject=f"{rate.concept or 'rate'}:{rate.text}", figures=[rate, done, left],
        reading=f"比率 = {done.text} ÷ ({done.text} + {left.text})", certainty="explicit",
    )


@rule("RL202", "share-mismatch", "error")
def share_mismatch(ctx: Context) -> Iterator[Finding]:
    """占比算错：“A a，占 Y%”与 a ÷ 合计 不一致。

    检查什么：“其中 A a，占Y%”的 Y 应等于 a 除以它所属的合计（或“占X的Y%”里写明的 X）。除各数的舍入外，
    再容许末位差 1（作者常把各部分占比微调一位，使之合计为 100%）。

    会报：``全年支出2665.79万元，其中基本支出2038.31万元，占84.06%``（应为 76.46%）。
    不会报：``占76.46%``（2038.31 / 2665.79 = 76.46%）。

    怎么改：按正确的合计重新计算占比。

    A stated share (占Y%) disagrees with part / whole.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind != "share" or rel.result is None or rel.total is None:
            continue
        share = doc.figure(rel.result)
        whole = doc.figure(rel.total)
        part = doc.figure(rel.parts[0])
        if share.approx or whole.approx or part.approx:
            continue
        interval = ratio_interval(part, whole)
        if interval is None:
            continue
        low, high = percent_interval(share)
        slack = Decimal(1).scaleb(-share.decimals)  # shares nudged by one unit so that they add up to 100%
        if meets(interval, (low - slack, high + slack)):
            continue
        if any(_share_fits(doc.figure(p), doc.figure(w), low - slack, high + slack) for p, w in rel.alternatives):
            continue  # another figure of the named whole makes the share right: a charitable reading
        computed = _computed(part, whole)
        if computed is None:
            continue  # a whole of exactly 0: no share to compare
        yield ctx.finding(
            "RL202", share.span,
            f"占比写作 {share.text}，但 {part.text} ÷ {whole.text}（{ctx.where(whole)}）= {fmt(computed)}%",
            f"share stated as {share.text}, but {part.text} / {whole.text} = {fmt(computed)}%",
            related=[(part.span, f"分项 {part.text}", f"part {part.text}"),
                     (whole.span, f"合计 {whole.text}", f"whole {whole.text}")],
            subject=f"share:{part.concept}:{share.text}", figures=[share, part, whole],
            reading=f"“占{rel.note or '合计'}”的整体理解为 {whole.text}（{ctx.where(whole)}）"
                    + ("；所写整体的其他数也对不上" if rel.alternatives else ""),
            certainty="explicit" if rel.explicit else "inferred",
        )


def _share_fits(part: Figure, whole: Figure, low: Decimal, high: Decimal) -> bool:
    if whole.approx or part.approx:
        return True  # an approximate candidate cannot rule the share out
    interval = ratio_interval(part, whole)
    return interval is None or meets(interval, (low, high))


@rule("RL203", "change-rate-mismatch", "error")
def change_rate_mismatch(ctx: Context) -> Iterator[Finding]:
    """增减幅度算错：“增加/减少 Δ，增长/下降 Y%”与 Δ ÷ 上年数 不一致。

    检查什么：“本年 L，比上年增加 Δ，增长 Y%”中，上年数 = L − Δ（减少时 L + Δ），Y 应等于 Δ ÷ 上年数。

    会报：``公务接待费支出5.21万元，减少0.1万元，下降0.006%``（0.1 ÷ 5.31 = 1.88%）。
    不会报：``安排312.23万元，比上年增加15.18万元，增长5.11%``（15.18 ÷ 297.05 = 5.11%）。

    怎么改：按上年数重新计算增减幅度。

    A year-on-year rate disagrees with the change and the base it implies.
    """
    doc = ctx.doc
    for rel in doc.relations:
        if rel.kind != "change" or rel.result is None or rel.total is None:
            continue
        rate = doc.figure(rel.result)
        level = doc.figure(rel.total)
        delta = doc.figure(rel.parts[0])
        base_value = value(level) if rel.note == "base" else value(level) - rel.direction * value(delta)
        if base_value <= 0:
            continue
        # interval of delta / base where base = level ∓ delta
        from reportlint.checks.arithmetic import half_units

        h_level, h_delta = half_units([level, delta])
        spread = h_level if rel.note == "base" else h_level + h_delta
        lo_base = base_value - spread
        hi_base = base_value + spread
        if lo_base <= 0:
            continue
        d = value(delta)
        interval = ((d - h_delta) / hi_base * 100, (d + h_delta) / lo_base * 100)
        if meets(interval, percent_interval(rate)):
            continue
        computed = d / base_value * 100
        word = "增长" if rel.direction > 0 else "下降"
        base_word = "基数" if rel.note == "base" and "预算" in ctx.clause(level) else "上年数"
        base_text = (f"{base_word} {level.text}" if rel.note == "base" else
                     f"上年数 {fmt(base_value / scale(level))}（= {level.text} {'−' if rel.direction > 0 else '+'} {delta.text}）")
        yield ctx.finding(
            "RL203", rate.span,
            f"{word}幅度写作 {rate.text}，但变动额 {delta.text} ÷ {base_text} = {fmt(computed)}%",
            f"change stated as {rate.text}, but {delta.text} / base ({level.text} {'-' if rel.direction > 0 else '+'} {delta.text}) = {fmt(computed)}%",
            related=[(level.span, f"本年数 {level.text}", f"current {level.text}"),
                     (delta.span, f"变动额 {delta.text}", f"change {delta.text}")],
            subject=f"change:{level.concept}:{rate.text}", figures=[rate, level, delta],
            reading=(f"增减幅度的基数为比较对象 {level.text}" if rel.note == "base" else
                     f"{level.text} 是本期数，{delta.text} 是它相对上期的变动"),
            certainty="explicit" if rel.explicit else "inferred",
        )


@rule("RL204", "shares-over-100", "error")
def shares_over_100(ctx: Context) -> Iterator[Finding]:
    """占比之和超过 100%：同一个总数的几个不同组成部分，各自的占比加起来超过了 100%。

    检查什么：“A a，占X的p%；B b，占X的q%”（或同一“其中”分解下的“占p%”）里，不同概念的部分占同一总数的比例
    之和不能超过 100%（考虑每个百分数的舍入）。只列出部分组成时之和小于 100% 不报。同一整体按几种口径分别分解
    （“按采购方式…按项目类型…”），按书写顺序能分成各自合计 100% 的几组时不报；“占调整预算的105%”是完成率，不是占比。

    会报：``基本支出…占一般公共预算支出的84.06%`` 与 ``项目支出…占一般公共预算支出的19.62%``（合计 103.68%）。
    不会报：67.75% + 32.24% + 0% = 99.99%（舍入）；48.51% + 51.49%（按部门）再 38.96% + 61.04%（按收入类别）。

    怎么改：核对各部分的占比及其分母。

    Shares of distinct parts of one whole add up to more than 100%.
    """
    doc = ctx.doc
    # ("named", the whole's words, the breakdown it is a part of, its section) or ("total", the whole, -, -)
    groups: dict[tuple[str, str | int | None, int | None, int | None], list[Relation]] = {}
    owners: dict[int, int | None] = {}  # part → the total of the first breakdown that lists it
    for r in doc.relations:
        if r.kind == "breakdown":
            for p in r.parts:
                owners.setdefault(p, r.total)
    section_of = _sections(doc)
    for rel in doc.relations:
        if rel.kind != "share" or rel.result is None:
            continue
        if rel.note:
            # shares of a named whole, within one partition: parts of the same breakdown, or of none
            owner = owners.get(rel.parts[0])
            key: tuple[str, str | int | None, int | None, int | None] = (
                "named", rel.note, owner, section_of(doc.figure(rel.parts[0]).span.start.line))
        else:
            key = ("total", rel.total, None, None)
        groups.setdefault(key, []).append(rel)
    for key, rels in groups.items():
        parts = [doc.figure(r.parts[0]) for r in rels]
        names = [p.concept or ctx.clause(p) for p in parts]
        if len(rels) < 2 or "" in names or len(set(names)) != len(names):
            continue  # the parts must be told apart: distinct concepts, or distinct labels
        shares = [doc.figure(r.result) for r in rels if r.result is not None]  # (all are: grouped above)
        if any(s.approx for s in shares):
            continue
        total = sum((s.value for s in shares), Decimal(0))
        tolerance = sum((Decimal(5).scaleb(-(s.decimals + 1)) for s in shares), Decimal(0))
        if total <= 100 + tolerance or _several_partitions(shares) or _marked_partitions(doc, shares):
            continue
        last = shares[-1]
        terms = " + ".join(s.text for s in shares)
        yield ctx.finding(
            "RL204", last.span,
            f"同一总数{f'“{key[1]}”' if key[0] == 'named' else ''}的各部分占比之和为 {terms} = {fmt(total)}%，超过 100%",
            f"shares of one whole add up to {terms} = {fmt(total)}%, over 100%",
            related=[(s.span, f"占比 {s.text}", f"share {s.text}") for s in shares[:-1]],
            subject=f"shares:{key[1]}", figures=shares,
            reading="这些占比是同一整体互不重叠的各部分（且不能分成各自合计 100% 的几组分类）",
            certainty="explicit" if key[0] == "named" else "inferred",
        )


def _several_partitions(shares: list[Figure]) -> bool:
    """Whether the shares, in the order written, fall into runs that each add up to 100% (within rounding):
    one whole broken down several ways ("按采购方式：集中采购100%、分散采购0%；按项目类型：货物58.8%、工程0%、
    服务41.2%") — a charitable reading under which no run exceeds the whole."""
    run, tolerance, runs = Decimal(0), Decimal(0), 0
    for share in shares:
        run += share.value
        tolerance += Decimal(5).scaleb(-(share.decimals + 1))
        if run > 100 + tolerance:
            return False
        if run >= 100 - tolerance:
            run, tolerance, runs = Decimal(0), Decimal(0), runs + 1
    return runs >= 2 and run == 0


_PARTITION_MARK: Final = patterns.compile(r"(?:按照?|从)[^，,。；;]{0,12}?(?:划分|分类|来看|看|统计|分)")


def _marked_partitions(doc: Document, shares: list[Figure]) -> bool:
    """Whether the shares fall into runs, each within 100%, where the text between two shares says a new
    classification starts ("…项目支出占23.74%。按照支出功能科目划分，教育支出占93.06%…")."""
    runs: list[list[Figure]] = [[shares[0]]]
    for before, share in zip(shares, shares[1:]):
        between = "".join(doc.line_text(n) for n in range(before.span.end.line, share.span.start.line + 1))
        if before.span.end.line == share.span.start.line:
            between = doc.line_text(share.span.start.line)[before.span.end.column - 1:share.span.start.column - 1]
        if _PARTITION_MARK.search(between):
            runs.append([])
        runs[-1].append(share)
    if len(runs) < 2:
        return False
    return all(sum((s.value for s in run), Decimal(0)) <= 100 + sum((Decimal(5).scaleb(-(s.decimals + 1)) for s in run),
                                                                      Decimal(0)) for run in runs)


def _section(doc: Document, line: int) -> int:
    """The last chapter-level heading (第…部分 / 一、 / （一）) at or before a line: shares are compared within it."""
    section = -1
    for h in doc.headings:
        if h.line > line:
            break
        if h.style in ("part", "cn-dun", "cn-paren"):
            section = h.index
    return section


def _sections(doc: Document) -> Callable[[int], int]:
    """``_section`` for any line, by bisection over the headings (a walk over them for each share was
    quadratic on long reports)."""
    from bisect import bisect_right

    reach: list[int] = []  # the furthest line reached by the headings up to each one
    last: list[int] = []  # the last chapter-level heading up to each one
    section = -1
    for h in doc.headings:
        reach.append(max(h.line, reach[-1]) if reach else h.line)
        if h.style in ("part", "cn-dun", "cn-paren"):
            section = h.index
        last.append(section)

    def section_of(line: int) -> int:
        k = bisect_right(reach, line)  # the headings before the first one after the line
        return last[k - 1] if k else -1

    return section_of


_COPULA_END: Final = patterns.compile(r"(?:约为|为|是|达到|达)$")


@rule("RL205", "complement-rates", "error")
def complement_rates(ctx: Context) -> Iterator[Finding]:
    """互补比率之和不为 100%：同一句里的满意率与不满意率（合格率与不合格率…）相加不等于 100%。

    检查什么：词表（``rules/identities.toml`` 的 ``[[complement]]``）中成对的比率同时出现在一句里、且没有第三种
    同词干的比率（如“基本满意率”）时，二者之和应为 100%（按各自末位的舍入容差）。

    会报：``满意率96.5%，不满意率4.5%``。
    不会报：``满意率96.5%，不满意率3.5%``；``满意率90%，基本满意率8%，不满意率2%``。

    怎么改：核对两个比率。

    Two complementary rates (satisfied / dissatisfied) in one sentence do not add up to 100%.
    """
    doc = ctx.doc
    vocab = vocabulary()
    by_sentence: dict[int, list[Figure]] = {}
    for fig in doc.figures:
        if fig.unit == "%" and fig.sentence >= 0 and not fig.approx:
            by_sentence.setdefault(fig.sentence, []).append(fig)
    for figs in by_sentence.values():
        if len(figs) < 2:
            continue
        named = [(_COPULA_END.sub("", ctx.clause(f)), f) for f in figs]  # "不满意率为4.00%": the rate's name
        for (first, second), stem in vocab.complements:
            same_stem = [(c, f) for c, f in named if stem in c and c.endswith("率")]
            a = [f for c, f in same_stem if c.endswith(first) and not c.endswith(second)]
            b = [f for c, f in same_stem if c.endswith(second)]
            if len(a) != 1 or len(b) != 1 or len(same_stem) != 2:
                continue
            x, y = a[0], b[0]
            tolerance = Decimal(5).scaleb(-(x.decimals + 1)) + Decimal(5).scaleb(-(y.decimals + 1))
            total = x.value + y.value
            if abs(total - 100) <= tolerance:
                continue
            yield ctx.finding(
                "RL205", y.span,
                f"{first} {x.text} + {second} {y.text} = {fmt(total)}%，应为 100%",
                f"{first} {x.text} + {second} {y.text} = {fmt(total)}%, not 100%",
                related=[(x.span, f"{first} {x.text}", x.text)], subject=f"complement:{stem}:{x.text}:{y.text}",
                figures=[x, y],
            )
