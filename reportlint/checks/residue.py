"""Template residue (RL504, RL505): a template's placeholders and instructions left in a report.

Reports are written by filling in a template ("上海市XX局2024年度收入支出总计XXX万元，增加（减少）XXX万元"). What
is not filled in stays behind: runs of X standing for a name or a number, mail-merge fields ("{单位名称}"), both
words of a choice ("增长（下降）"), a unit with its number left out ("占 %"), and the words the template addresses
to its author ("按上述格式依次说明", "（不涉及的不列）"). The vocabulary is in ``rules/residue.toml``.

A blank template gives these findings and no arithmetic finding: a placeholder is not a figure.
"""

from __future__ import annotations

from typing import Final, Any, Iterable, Iterator

import re
from functools import lru_cache

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.checks.scanning import finditer_not_after
from reportlint.finding import Finding
from reportlint.rules import RULES_DIR, load_toml


@lru_cache(maxsize=1)
def residue_words() -> dict[str, Any]:
    return load_toml(RULES_DIR / "residue.toml")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


Pattern = re.Pattern[str]


@lru_cache(maxsize=1)
def _patterns() -> tuple[Pattern, int, Pattern, Pattern, Pattern, Pattern, Pattern, Pattern, Pattern,
                         tuple[str, ...], tuple[str, ...]]:
    data = residue_words()
    holder = data["placeholder"]
    marks = re.escape(holder["marks"])
    run = patterns.compile(r"(?<![A-Za-z0-9])[" + marks + r"]{2,}(?![A-Za-z0-9])")
    after = patterns.compile(r"\s*(?:" + _alternation(holder["units"] + holder["name_endings"]) + r")(?!长)")  # 局长: a person
    field = patterns.compile(holder["field"])
    pairs: set[tuple[str, str]] = set()
    for a, b in data["alternatives"]["pairs"]:
        pairs.update({(a, b), (b, a)})
    choice = patterns.compile("|".join(f"{re.escape(a)}[（(]{re.escape(b)}[）)]" for a, b in sorted(pairs)))
    blank = data["blank"]
    # the words it may not follow ("单位 万元") are tested after the match (``finditer_not_after``)
    empty = patterns.compile(
        r"(?:" + _alternation(blank["verbs"]) + r")[ \t\u3000]*(?:" + _alternation(blank["units"]) + r")"
        r"(?!\p{Han}|[A-Za-z0-9])")
    said = patterns.compile(_alternation(data["instructions"]["phrases"]))
    bare = patterns.compile(r"(?:占[^，。；,;0-9%]{1,16}的|" + _alternation(data["percent"]["rate_words"]) + r")\s*"
                            r"(-?[0-9]+\.[0-9]+)\s*"
                            r"(?=[，。；,;）)]|$)")
    unitless = patterns.compile(_alternation(data["percent"]["unitless"]))
    return (run, int(holder["certain_run"]), after, field, choice, empty, said, bare, unitless,
            tuple(blank["not_after"]), tuple(holder["marks"]))


# "增加（减少）0万元": with no change neither word is wrong, the template's choice is only left unmade
_ZERO_AFTER: Final = re.compile(r"\s*0+(?:\.0+)?(?![0-9.])")


# "增加（减少）额", "增长（下降）率": the name of a signed quantity (a column of a comparison table), not a choice
_SIGNED_QUANTITY: Final = re.compile(r"\s*(?:额|数|值|幅度|幅|率|百分比|情况)")


def _quote(text: str, start: int, end: int) -> str:
    return text[max(0, start - 8):end + 8].strip()


@rule("RL504", "template-placeholder", "error")
def template_placeholder(ctx: Context) -> Iterator[Finding]:
    """模板占位符未替换：“XX局”“XXX万元”“{单位名称}”、二选一的“增加（减少）”、空着数字的“占 %”原样留在报告里。

    会报：``上海市XX局2024年度收入支出总计XXX万元``；``比上年增加（减少）12.00万元``；``基本支出 万元，占 %``。
    不会报：``单位：万元``；``3×4米``；英文缩写中的 X（``XXL``）。

    怎么改：填入单位名称和数字，删去不适用的那个选项。两个 X 而后面不是单位或机构名称时、
    或“×××”后面不是单位或机构名称时（为保护隐私隐去的人名，``由×××同志负责``、``×××局长``）只是警告；
    变动为 0 时留着“增加（减少）”（``增加（减少）0万元``）两个词都不算错，只是提示（宜写“持平”）。

    A template placeholder left in the report: a run of X for a name or number, a mail-merge field, both words of
    a choice ("增加（减少）"), or a unit whose number was left out ("占 %").
    """
    run, certain, after, field, choice, empty, _, _, _, not_after, marks = _patterns()
    redaction = set(residue_words()["placeholder"]["redaction_marks"])
    # a run of marks needs a mark: the lines that hold one are found by str.find, not by ``run``'s look-behind
    for number, norm in ctx.normalised_lines_matching(*marks, field, choice, empty):
        text = norm.text
        if not text.strip():
            continue
        hits = []
        for m in (run.finditer(text) if any(mark in text for mark in marks) else ()):
            redacted = set(m.group()) <= redaction
            sure = after.match(text, m.end()) is not None or (len(m.group()) >= certain and not redacted)
            hits.append((m.start(), m.end(), "x", "error" if sure else "warning"))
        hits += [(m.start(), m.end(), "field", "error") for m in field.finditer(text)]
        hits += [(m.start(), m.end(), "choice", "info" if _ZERO_AFTER.match(text, m.end()) else "error")
                 for m in (choice.finditer(text) if "（" in text or "(" in text else ())  # a choice is "a（b）"
                 if not _SIGNED_QUANTITY.match(text, m.end())]
        hits += [(m.start(), m.end(), "blank", "warning") for m in finditer_not_after(empty, text, not_after)]
        if not hits:
            continue
        start, end, kind, severity = min(hits, key=lambda hit: hit[:2])
        shown = _quote(text, start, end)
        count = len(hits)
        more, more_en = (f"（本行共 {count} 处）", f" ({count} on this line)") if count > 1 else ("", "")
        messages = {
            "x": (f"模板占位符未替换：“{shown}”", f"template placeholder left in: '{shown}'"),
            "field": (f"模板字段未替换：“{shown}”", f"template field left in: '{shown}'"),
            "choice": (f"模板的两个选项都留着：“{shown}”，应只留适用的一个",
                       f"both alternatives of the template left in: '{shown}'"),
            "blank": (f"数字空着没填：“{shown}”", f"a figure left blank: '{shown}'"),
        }
        zh, en = messages[kind]
        yield ctx.finding(
            "RL504", norm.span(start, end), zh + more, en + more_en,
            severity=None if severity == "error" else severity, subject=f"placeholder:{number}",  # error: the default
            reading=f"{kind}: {text[start:end]}", certainty="explicit" if severity == "error" else "inferred",
        )


@rule("RL505", "template-instruction", "warning")
def template_instruction(ctx: Context) -> Iterator[Finding]:
    """模板说明文字未删除：模板写给填报人的话（“按上述格式依次说明”“无……的，作下述说明”“（不涉及的不列）”）留在报告里。

    会报：``按上述格式依次说明到各项级科目``；``主要原因：……（如持平作持平表述）``。
    不会报：报告自己的“说明”“情况说明”标题。

    怎么改：按说明填写后删去说明文字。

    A template's instruction to its author left in the report.
    """
    said = _patterns()[6]
    for number, norm in ctx.normalised_lines_matching(said):
        m = said.search(norm.text)
        if m is None:
            continue
        shown = _quote(norm.text, m.start(), m.end())
        yield ctx.finding(
            "RL505", norm.span(m.start(), m.end()), f"模板说明文字未删除：“{shown}”",
            f"a template instruction left in the report: '{shown}'", subject=f"instruction:{number}",
        )


@rule("RL506", "missing-percent-sign", "warning")
def missing_percent_sign(ctx: Context) -> Iterator[Finding]:
    """百分号漏写：“增长”“下降”“占”“……率为”后面的数没有单位（``增长 12.40。``），应是百分比。

    会报：``比上年增长 12.40。``；``执行率为98.50，``。
    不会报：``增长12.40%``、``下降3.5个百分点``、``增加12.40万元``；表格中的数（分值、得分）。

    怎么改：补上“%”（或写明单位）。

    A rate whose % sign was lost: a number with decimals and no unit right after 增长/下降/占/率为.
    """
    bare, unitless = _patterns()[7:9]
    for number, norm in ctx.normalised_lines_matching(bare):
        text = norm.text
        if "\t" in text or "|" in text:
            continue
        for m in bare.finditer(text):
            if unitless.search(text, max(0, m.start() - 8), m.start() + 2):
                continue  # "容积率为2.2": a ratio without a unit
            shown = _quote(text, m.start(), m.end())
            yield ctx.finding(
                "RL506", norm.span(m.start(1), m.end(1)), f"百分号漏写：“{shown}”中的 {m.group(1)} 没有单位",
                f"a rate without its % sign: {m.group(1)} in '{shown}'", subject=f"percent:{number}:{m.start()}",
            )
