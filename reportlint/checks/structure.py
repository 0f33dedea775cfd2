"""Structure checks (RL5xx): required sections and heading numbering."""

from __future__ import annotations

from typing import Final, Iterator

from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.checks.headings import RANK, contents_entries, inline_marker, is_list_item
from reportlint.document import Document, Heading, Pos, Span
from reportlint.profiles import Profile, builtin_profiles, detect_profile
from reportlint import patterns

# precompiled: the regex module's per-call cache lookup is slow on hot paths
_HAN_CHAR: Final = patterns.compile(r"\p{Han}")

_RANK: Final = RANK
_CN: Final = "〇一二三四五六七八九十"


def _cn(n: int) -> str:
    if n <= 10:
        return _CN[n]
    if n < 20:
        return "十" + (_CN[n - 10] if n > 10 else "")
    return _CN[n // 10] + "十" + (_CN[n % 10] if n % 10 else "")


def _marker(style: str, n: int) -> str:
    return {"part": f"第{_cn(n)}部分", "cn-dun": f"{_cn(n)}、", "cn-paren": f"（{_cn(n)}）", "num-dun": f"{n}、",
            "num-dot": f"{n}.", "num-paren": f"（{n}）", "circled": chr(0x2460 + n - 1)}.get(style, str(n))


def _headings_with_bodies(ctx: Context) -> list[Heading]:
    """The headings numbering is checked on. Left out: short titles that head nothing — entries of a table of
    contents and row labels of a flattened table, followed by a sibling or by bare numbers. Numbered
    sentences (list items) stay: they are their own body."""
    doc = ctx.doc
    blocks = doc.blocks
    out = []
    for i, block in enumerate(blocks):
        h = block.heading
        if h is None:
            continue
        if h.title.endswith(("。", ";", "；")) or len(h.title) > 40 or block.last_line > block.first_line:
            out.append(h)  # a numbered sentence, or a heading whose text runs on: it has a body
            continue
        nxt = blocks[i + 1] if i + 1 < len(blocks) else None
        if nxt is None or nxt.kind == "table":
            out.append(h)
        elif nxt.kind == "heading" and nxt.heading is not None:  # (a heading block has its heading)
            if nxt.heading.style != h.style and _RANK[nxt.heading.style] > 1:
                out.append(h)
        else:
            body = "".join(doc.lines[nxt.first_line - 1:nxt.last_line])
            if _HAN_CHAR.search(body):
                out.append(h)
    return out


def _title_headings(ctx: Context) -> list[Heading]:
    return [h for h in ctx.doc.headings if len(h.title) <= 30]


def document_profile(ctx: Context) -> Profile:
    """The profile chosen for the run, else the one the title (or the opening) names, detected once."""
    doc = ctx.doc
    if ctx.profile is not None:
        return ctx.profile
    if ctx.detected_profile is not None:
        return ctx.detected_profile
    from reportlint.parse.normalize import normalize_text

    def head() -> str:
        return normalize_text("\n".join(doc.lines[:12]) + "\n".join(h.title for h in doc.headings) + "\n".join(
            line for line in doc.lines if len(line.strip()) <= 40))

    detected = ctx.detected_profile = detect_profile(normalize_text(doc.title), head, builtin_profiles())
    return detected


@rule("RL501", "missing-section", "error")
def missing_section(ctx: Context) -> Iterator[Finding]:
    """缺少必备章节：按报告类型（配置档案）应有的章节没有出现。

    检查什么：先按标题和开头判断报告类型（部门整体支出绩效自评报告、表格式整体支出自评、项目支出绩效自评、
    其他），再看其必备章节（部门基本情况、绩效情况、存在的问题、改进措施、结果应用和公开、其他需要说明…）
    是否有一个标题包含它的任一说法；一个标题可以同时满足几项（“存在的主要问题及下一步改进措施”）。
    文本若只像一个节选（匹配到的章节不足两个），不作判断。``--profile`` 可指定类型。

    会报：只有“一、部门基本情况 二、部门整体支出资金使用情况 三、部门整体支出绩效评价情况”的报告缺少“存在的问题”等。
    不会报：“四、存在的主要问题及下一步改进措施”同时满足“存在的问题”和“改进措施”。

    怎么改：补上缺少的章节（没有内容时写“无”）。

    A section the report's kind requires is missing.
    """
    profile = document_profile(ctx)
    if not profile.sections:
        return
    titles = [h.title for h in _title_headings(ctx)]
    present = {s.id for s in profile.sections if any(t in title for title in titles for t in s.terms)}
    if len(present) < 2:
        return  # an excerpt, or not this kind of report: nothing to judge
    anchor = Span(Pos(1, 1), Pos(1, 2))
    for section in profile.sections:
        if section.id in present:
            continue
        words = "、".join(f"“{t}”" for t in section.terms[:5])
        yield ctx.finding(
            "RL501", anchor,
            f"缺少必备章节“{section.name}”（{profile.title}）：没有标题包含 {words}",
            f"required section '{section.name}' is missing ({profile.name} profile): no heading contains {', '.join(section.terms[:5])}",
            severity=section.severity, subject=f"section:{section.id}",
        )


@rule("RL502", "heading-numbering", "warning")
def heading_numbering(ctx: Context) -> Iterator[Finding]:
    """标题编号错误：同一级编号跳号、重号、换了样式，或一级编号在某一章内又从“一、”重新开始。

    检查什么：按编号样式分级（第一部分 / 一、 / （一） / 1、 1. / （1） / ①），同一上级下的同级编号应连续；
    重复（又一个“（二）”）、跳号（“三、”之后是“五、”）、换样式续号（“七、”之后写成“8、”）、一级编号在章内重新
    从“一、”开始（与一级标题冲突）都会报告。

    会报：``七、存在的问题…`` 之后的 ``8、 下一步改进措施``；同一章下第二个 ``（二）``。
    不会报：``（一）…（二）…（三）`` 连续编号；不同上级下各自从 1 开始的列表。

    怎么改：按层级改正编号。

    Heading numbering: a gap, a duplicate, a change of style, or top-level numerals restarting inside a section.
    """
    contents = contents_entries(ctx.doc)
    headings = [h for h in ctx.doc.headings if h.index not in contents]
    bodied = {h.index for h in _headings_with_bodies(ctx)}
    seen_bodied: dict[HeadingKey, bool] = {}
    for finding in _numbering(ctx, headings, bodied, seen_bodied):
        yield finding


def _marker_lost(doc: Document, after: int, before: int) -> bool:
    """Whether a line between two circled-number headings begins with one blank where the marker would stand
    (" 局下辖…" between ① and ③): PDF text drops the glyphs of circled numbers, so the gap is damage (an
    indented paragraph begins with two blanks)."""
    return any(line[:1] in (" ", "\u3000") and line[1:2] not in (" ", "\u3000", "") for line in doc.lines[after:before - 1])


HeadingKey = tuple[int, str]  # (the parent heading's index, -1 at the top; the numbering style)


class _LastNumbers:
    """(parent heading index, style) → the last number, with each parent's styles indexed as well: a heading
    looks up its parent's other styles, and a scan of every key would make deep nesting quadratic."""

    def __init__(self) -> None:
        self.numbers: dict[HeadingKey, int] = {}
        self.under: dict[int, dict[str, int]] = {}

    def get(self, key: HeadingKey) -> int | None:
        return self.numbers.get(key)

    def __setitem__(self, key: HeadingKey, number: int) -> None:
        self.numbers[key] = number
        self.under.setdefault(key[0], {})[key[1]] = number

    def pop(self, key: HeadingKey) -> None:
        self.under.get(key[0], {}).pop(key[1], None)
        self.numbers.pop(key, None)


def _numbering(ctx: Context, headings: list[Heading], bodied: set[int],
               seen_bodied: dict[HeadingKey, bool]) -> Iterator[Finding]:
    """Walk the headings keeping, per (parent, style), the last number; report only headings that head something."""
    # state per (parent heading index, style): last number, and whether we are inside a restart
    last = _LastNumbers()
    restarted: dict[HeadingKey, int] = {}
    broken: dict[HeadingKey, bool] = {}
    last_line: dict[HeadingKey, int] = {}  # the line of the last heading of the key
    form: dict[HeadingKey, bool] = {}  # whether the last heading of the key was a numbered sentence (a list item)
    stack: list[Heading] = []
    top_last = 0
    for h in headings:
        rank = _RANK[h.style]
        while stack and _RANK[stack[-1].style] >= rank:
            stack.pop()
        parent = stack[-1] if stack else None
        key: HeadingKey = (parent.index if parent else -1, h.style)
        span = Span(Pos(h.line, h.column), Pos(h.line, h.column + len(h.marker)))
        previous = last.get(key)
        reportable = h.index in bodied
        item = is_list_item(h)
        if previous is not None and h.number == 1 and form.get(key, item) != item and _RANK[h.style] >= 3:
            previous = None  # "1.引言 … 1.基本支出2956.36万元，其中…": a list of numbered sentences starts, not a duplicate
            last.pop(key)
        form[key] = item
        if previous is not None and h.number == 1 and previous >= 2 and not seen_bodied.get(key):
            previous = None  # the run before was a table of contents: the body starts here
            last.pop(key)
            restarted.pop(key, None)
            broken.pop(key, None)
        if reportable:
            seen_bodied[key] = True
        if not reportable:
            last[key] = h.number
            if parent is None and rank == 1:
                top_last = h.number
            stack.append(h)
            continue
        sibling = None
        if previous is None and h.number > 1:
            for style, n in last.under.get(key[0], {}).items():
                if style != h.style and _RANK[style] == rank and n == h.number - 1:
                    sibling = style
        if sibling is not None:
            broken[key] = True
            yield ctx.finding(
                "RL502", span,
                f"编号样式中途改变：“{_marker(sibling, h.number - 1)}”之后是“{h.marker}”，应写作“{_marker(sibling, h.number)}”",
                f"numbering style changes: '{_marker(sibling, h.number - 1)}' is followed by '{h.marker}'; expected "
                f"'{_marker(sibling, h.number)}'",
                subject=f"style:{h.marker}{h.title[:12]}", severity="info",  # the numbers run on: cosmetic
            )
            parent = None if parent is None else parent
        elif previous is None:
            if (h.number > 1 and parent is not None and h.number == parent.number + 1 and rank > _RANK[parent.style]
                    and not inline_marker(parent, _marker(h.style, h.number - 1))):
                broken[key] = True
                yield ctx.finding(
                    "RL502", span,
                    f"编号“{h.marker}”看似接续上一级“{parent.marker}”，应写作“{_marker(parent.style, h.number)}”",
                    f"'{h.marker}' continues the numbering of '{parent.marker}' in another style; expected "
                    f"'{_marker(parent.style, h.number)}'",
                    subject=f"style:{h.marker}{h.title[:12]}",
                )
            elif h.number > 1 and parent is None and rank == 1 and h.number != top_last + 1 and top_last:
                yield ctx.finding(
                    "RL502", span, f"一级编号跳号：“{_marker(h.style, top_last)}”之后是“{h.marker}”",
                    f"numbering gap: '{h.marker}' follows '{_marker(h.style, top_last)}'", subject=f"gap:{h.marker}{h.title[:12]}",
                )
        elif broken.get(key) and h.number == previous + 1 and parent is not None and h.number == parent.number + (h.number - previous) * 0 + 1 + (h.number - 1 - parent.number):
            yield ctx.finding(
                "RL502", span,
                f"编号“{h.marker}”接续上一级“{parent.marker}”的编号但样式不同，应写作“{_marker(parent.style, h.number)}”",
                f"'{h.marker}' continues the numbering of the level above in another style",
                subject=f"style:{h.marker}{h.title[:12]}",
            )
        elif h.number == previous:
            yield ctx.finding(
                "RL502", span, f"编号重复：又一个“{h.marker}”（同一上级下已有“{_marker(h.style, previous)}”）",
                f"duplicate numbering: another '{h.marker}' under the same parent", subject=f"dup:{h.marker}{h.title[:12]}",
            )
        elif h.number == 1 and previous >= 2 and h.style in ("cn-dun", "cn-paren", "part"):
            restarted[key] = previous
            where = f"（在“{_marker('cn-dun', previous)}”之内）" if parent is None else ""
            yield ctx.finding(
                "RL502", span,
                f"编号重新从“{h.marker}”开始{where}，与已用过的同级编号冲突；下级标题应改用（一）或 1. 等样式",
                f"numbering restarts at '{h.marker}' inside a section, colliding with the headings of that level",
                subject=f"restart:{h.marker}{h.title[:12]}",
            )
        elif key in restarted:
            if h.number == restarted[key] + 1:
                del restarted[key]  # back on the main sequence
            elif h.number != previous + 1:
                pass
        elif h.number > previous + 1 and not (h.style == "circled"
                                              and _marker_lost(ctx.doc, last_line.get(key, h.line), h.line)):
            yield ctx.finding(
                "RL502", span, f"编号跳号：“{_marker(h.style, previous)}”之后是“{h.marker}”",
                f"numbering gap: '{h.marker}' follows '{_marker(h.style, previous)}'", subject=f"gap:{h.marker}{h.title[:12]}",
            )
        last_line[key] = h.line
        if key in restarted and h.number == restarted[key] + 1:
            del restarted[key]
        last[key] = h.number if key not in restarted else h.number
        if key in restarted:
            last[key] = h.number
        if parent is None and rank == 1 and key not in restarted:
            top_last = h.number
        stack.append(h)
