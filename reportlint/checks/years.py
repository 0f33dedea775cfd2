"""Years (RL801, RL802): statements that claim to be about the report's year but name another.

The report's year is the one its title names ("XX局2024年度部门决算"); a report whose title names no year is not
judged. Only statements that claim to be about the report year are judged: a cut-off date ("截至2023年12月31日"
in a 2024 决算), a section or table title that names the report's own document ("2023年度部门决算表" in a 2024
report), and a change stated against the year it is about ("2024年支出…比2024年增加"). Plans for later years,
rectification of earlier years' findings and comparisons with earlier years are the report's business.
Vocabulary: ``rules/years.toml``.
"""

from __future__ import annotations

from typing import Final, Iterator

import re
from functools import lru_cache

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.rules import RULES_DIR, load_toml

_YEAR: Final = patterns.compile(r"((?:19|20)(?<![0-9]..)[0-9]{2})\s*年")  # not after a digit (tested after "19"/"20")
_SENTENCE_MARK: Final = patterns.compile(r"[，。；,;]")


Words = tuple["re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]", "re.Pattern[str]", tuple[str, ...],
              tuple[str, ...], tuple[str, ...]]


@lru_cache(maxsize=1)
def _words() -> Words:
    data = load_toml(RULES_DIR / "years.toml")

    def alt(key: str) -> str:
        return "|".join(re.escape(w) for w in sorted(data[key], key=len, reverse=True))

    cutoff = patterns.compile(r"(?:截至|截止|截止到|截至到)\s*((?:19|20)[0-9]{2})\s*年\s*(?:" + alt("year_end") + ")")
    own = patterns.compile(alt("own_document"))
    elsewhere = patterns.compile(alt("other_business"))
    against = patterns.compile(
        r"(?:比|较|与|同)\s*((?:19|20)[0-9]{2})\s*年度?\s*(?:" + alt("actual_words") + r")?\s*(?:相比|同期)?\s*[,，]?\s*"
        r"(?=" + alt("change") + ")")
    return (cutoff, own, elsewhere, against, tuple(data["budget_titles"]), tuple(data["actual_titles"]),
            tuple(data["cutoff_titles"]))


def report_year(ctx: Context) -> tuple[int | None, str]:
    """The year the title names and the kind of the report ("budget" or "actual"); (None, "") without one."""
    title = ctx.doc.title or _first_line(ctx)
    m = _YEAR.search(title)
    if m is None or _SENTENCE_MARK.search(title):  # a sentence taken for the title (an excerpt) names no report year
        return None, ""
    *_, budget_titles, actual_titles, _ = _words()
    budget = any(w in title for w in budget_titles) and not any(w in title for w in actual_titles)
    return int(m.group(1)), "budget" if budget else "actual"


def _first_line(ctx: Context) -> str:
    """The first line when it reads as a budget's title ("某局2026年部门预算"), which the parser's title misses."""
    from reportlint.parse.normalize import normalize_text

    first = normalize_text(next((line.strip() for line in ctx.doc.lines[:3] if line.strip()), ""))
    return first if len(first) <= 60 and "预算" in first else ""


def _title_lines(ctx: Context) -> set[int]:
    lines = {h.line for h in ctx.doc.headings}
    lines.update(t.first_line - 1 for t in ctx.doc.tables if t.caption)
    return lines


@rule("RL801", "wrong-year", "warning")
def wrong_year(ctx: Context) -> Iterator[Finding]:
    """年份写错：说的是报告年度的事，写的却是别的年份——决算中“截至上一年12月31日”，章节或表格标题写成上一年度的
    “部门决算（预算）表”“自评报告”。

    会报：2024年度部门决算中的 ``截至2023年12月31日，本部门共有车辆12辆``；标题 ``二、2023年度部门决算表``。
    不会报：``截至2023年12月31日累计完成80%，2024年完成其余部分``（同一句也写了报告年度）；``截至2023年底累计完成投资``
    （叙述项目的来历）；自评报告中的截至日期；``2023年度问题整改情况``；
    部门预算中的 ``截至2025年12月31日``（预算编制时上一年末的资产）；标题没有年份的报告。

    怎么改：改成报告年度（往往是沿用了上一年的模板）。

    A statement about the report year that names another year: a stale cut-off date or a section or table
    title carried over from last year's report.
    """
    year, kind = report_year(ctx)
    if year is None:
        return
    cutoff, own, elsewhere, _, _, _, cutoff_titles = _words()
    titles = _title_lines(ctx)
    cutoff_report = any(w in (ctx.doc.title or _first_line(ctx)) for w in cutoff_titles)
    for number, norm in ctx.normalised_lines_matching(_YEAR):
        text = norm.text
        if number == 1 or not text.strip():
            continue
        years = [int(y) for y in _YEAR.findall(text)]
        if not years or max(years) >= year:
            continue
        m = cutoff.search(text)
        if m and kind == "actual" and cutoff_report and int(m.group(1)) == year - 1:
            yield ctx.finding(
                "RL801", norm.span(m.start(1), m.end(1)),
                f"报告年度为 {year} 年，截至日期却是 {m.group(1)} 年末：“{text[max(0, m.start() - 4):m.end() + 6].strip()}”",
                f"the report is for {year} but the cut-off date is the end of {m.group(1)}",
                subject=f"cutoff:{number}", reading=f"报告年度 {year}（标题）",
            )
            continue
        if number in titles and own.search(text) and not elsewhere.search(text):
            m = _YEAR.search(text)
            if m is None:  # cannot be: ``years`` above was found by the same pattern
                continue
            yield ctx.finding(
                "RL801", norm.span(m.start(1), m.end(1)),
                f"报告年度为 {year} 年，标题却写 {m.group(1)} 年：“{text.strip()[:40]}”",
                f"the report is for {year} but this title names {m.group(1)}",
                subject=f"title-year:{number}", reading=f"报告年度 {year}（标题）",
            )


@rule("RL802", "compared-with-itself", "error")
def compared_with_itself(ctx: Context) -> Iterator[Finding]:
    """与同一年比较：一个年度的数与同一年度相比（“2024年支出决算……比2024年增加”），比较的对象应是上一年。

    会报：2024年度报告中的 ``2024年“三公”经费支出12.00万元，比2024年减少3.00万元``（写明了同一年：错误）；
    ``机关运行经费支出50.00万元，较2024年增长5%``（句中未写年份，按报告年度读：警告）。
    不会报：``比2023年减少``；``2024年决算数比2024年年初预算增加``（与本年预算比较）；``2025年计划比2024年增加``。

    怎么改：改成上一年（或写明比较的是预算数）。

    A year's figure compared with the same year: the reference should be the year before.
    """
    year, _ = report_year(ctx)
    if year is None:
        return
    against = _words()[3]
    for number, norm in ctx.normalised_lines_matching(against):
        text = norm.text
        for m in against.finditer(text):
            reference = int(m.group(1))
            clause = re.split(r"[。；;]", text[:m.start()])[-1]
            stated = [int(y) for y in _YEAR.findall(clause)]
            subject = stated[-1] if stated else year
            if subject != reference:
                continue
            explicit = bool(stated)
            yield ctx.finding(
                "RL802", norm.span(m.start(1), m.end(1)),
                f"{subject} 年的数与 {reference} 年相比：比较的应是上一年（{reference - 1} 年）"
                + ("" if explicit else f"；句中未写年份，按报告年度 {year} 读"),
                f"a {subject} figure compared with {reference}: the reference should be {reference - 1}",
                subject=f"self-compare:{number}:{m.start()}",
                reading=f"本句说的是 {subject} 年" + ("（句中写明）" if explicit else "（报告年度）"),
                certainty="explicit" if explicit else "inferred",
            )
