"""Count checks over lists of names (RL106): "设9个内设机构，分别为：A、B、…" — the number stated against the
names listed, read charitably (和/及 inside a name, a name repeated at a PDF line start)."""

from __future__ import annotations

from typing import Final, Iterator

from reportlint import patterns
from reportlint.checks import Context, rule
from reportlint.finding import Finding
from reportlint.rules import vocabulary


# (the count is written "\d\d{0,2}", not "\d{1,3}": the same matches, and a pattern that opens with a class lets
# ``re`` skip ahead to the next digit)
_COUNTED_LIST: Final = patterns.compile(
    r"(?P<count>\d\d{0,2})\s*(?P<word>个|家|所|项|支|类|名|位)(?P<noun>[^，,。；;:：\d]{0,12}?)\s*[，,]?\s*"
    r"(?P<intro>分别为|分别是|即|包括|为|:|：)\s*[:：]?\s*(?P<list>[^。；;:：]{2,400}?)(?P<end>[。；;:：]|$)"
)
# a count word after a digit, in any script or width (cheap test before a line is normalised)
_COUNT_HINT: Final = patterns.compile(r"\d\s*[个個家所项項支类類名位]")
_ITEM_SPLIT: Final = patterns.compile(r"、|(?<=.{2})(?:以及|和|及)(?=.{2})")
_OPEN_LIST: Final = patterns.compile(r"等\s*$|等[一二三四五六七八九十\d]+[个家所项]")
_COMMA: Final = patterns.compile(r"[，,]")
_BRACKETS: Final = patterns.compile(r"[（(][^）)]*[）)]|《[^》]*》|“[^”]*”|\"[^\"]*\"")


_BULLETS: Final = ("-", "•", "·", "●", "○", "■", "□", "◆", "▪")  # a line opening with one starts a new element
_DUN: Final = patterns.compile(r"、")
_AND: Final = patterns.compile(r"(?<=.{2})(?:以及|和|及|与)(?=.{2})")


def listed_names(text: str) -> list[str]:
    """The names of a 、-separated list, a 和/及 splitting a piece only where the words before it end like a
    name (rules/concepts.toml [lists]): "审计中心和国库集中支付中心" is two names, "民政和社会事务办公室" one."""
    endings = vocabulary().name_endings
    flat = _BRACKETS.sub(lambda m: "□" * len(m.group()), text)
    names: list[str] = []
    for piece in (p.strip() for p in _DUN.split(flat)):
        if not piece:
            continue
        start = 0
        for m in _AND.finditer(piece):
            if piece[start:m.start()].rstrip("□").endswith(endings):
                names.append(piece[start:m.start()])
                start = m.end()
        names.append(piece[start:])
    return names


def listed_counts(text: str, drop_last: bool = False) -> set[int]:
    """The counts a charitable reader can take from a list: its names, and its distinct names (a PDF line that
    starts over repeats one)."""
    names = listed_names(text)[: -1 if drop_last else None]
    return {len(names), len(set(names))}


def listed_items(text: str) -> list[str] | None:
    """The items of "A、B和C" (separators inside brackets and quotes ignored); None when the list is open
    ("A、B等") or does not look like a list of names."""
    flat = _BRACKETS.sub(lambda m: "□" * len(m.group()), text)
    if _OPEN_LIST.search(flat):
        return None
    pieces = [p for p in _ITEM_SPLIT.split(flat) if p.strip()]
    if len(pieces) < 2 or any(len(p) > 30 or _COMMA.search(p) for p in pieces):
        return None
    return pieces


@rule("RL106", "count-vs-list", "warning")
def count_vs_list(ctx: Context) -> Iterator[Finding]:
    """数目与列举不符：“设9个内设机构，分别为：A、B、…”列出的名称个数与写明的数目不同。

    检查什么：“N个（家、所、项…）…，分别为/即/包括/：”后面用“、”（最后一项可用“和/及”）列出的名称个数应为 N；
    括号、书名号和引号内的顿号不算；以“等”结尾的不完整列举不检查。“和/及”只在它前面的词像一个完整的名称
    （以 中心、科、室、委员会 等结尾，见 ``rules/concepts.toml`` 的 [lists]）时才分开两个名称，“民政和社会事务办公室”
    是一个名称；PDF 换行后重复出现的同一名称只算一次。

    会报：``直属事业单位10个，即A、B、C、D、E、F、G、H、I。``（列出 9 个）。
    不会报：``单位有3个，分别为A、B和C。``；``下设办公室、预算股等16个股室``；
    ``内设机构3个：综合办公室、市场规范管理和价格监督科、网络交易及信用监管科``。

    怎么改：补全列举或改正数目。

    The number of items listed after "N个…，分别为/即：" differs from N.
    """
    from reportlint.document import Span
    from reportlint.parse.normalize import join, normalize_line, to_simplified
    from reportlint.parse.segment import match_heading

    lines = ctx.doc.lines
    normalised = ctx.normalised_lines()  # the parser's (the same as normalize_line(to_simplified(line), number))
    for number, line in enumerate(lines, start=1):
        if "、" not in line or not _COUNT_HINT.search(line):
            continue
        norm = normalised[number - 1][1]
        own_length = len(norm.text)
        # a list that runs to the end of the line without a stop goes on in the next lines (a PDF wrap)
        following = number
        while (following < len(lines) and following - number < 4 and lines[following].strip()
               and not lines[following].lstrip().startswith(_BULLETS) and match_heading(lines[following].strip()) is None
               and not norm.text.rstrip().endswith(("。", "；", ";", ":", "："))):
            norm = join([norm, normalize_line(to_simplified(lines[following].strip()), following + 1)])
            following += 1
        for m in _COUNTED_LIST.finditer(norm.text):
            if m.start("count") >= own_length:
                continue  # a list that starts on a later line is read from that line
            items = listed_items(m.group("list"))
            if items is None:
                continue
            # "…效能监督科及所属事业单位：…": the last name heads another list
            heads_another = m.group("end") in (":", "：")
            stated = int(m.group("count"))
            if stated < 2 or stated in listed_counts(m.group("list"), heads_another):
                continue
            items = listed_names(m.group("list"))[: -1 if heads_another else None]
            span = norm.span(m.start("count"), m.end("word"))
            listed = norm.span(m.start("list"), m.end("list"))
            yield ctx.finding(
                "RL106", span,
                f"写明 {stated}{m.group('word')}{m.group('noun')}，但列出了 {len(items)} 个：{'、'.join(items)[:60]}",
                f"{stated} stated, but {len(items)} listed",
                related=[(Span(listed.start, listed.end), f"列举（{len(items)} 项）", f"the list ({len(items)} items)")],
                subject=f"list:{m.group('noun')}:{stated}",
            )
