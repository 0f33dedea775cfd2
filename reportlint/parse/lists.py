"""Readers of the list constructions a sentence can hold, one small function each: a bracket after a figure
("X a（A b、B c）"), a respectively-list ("A、B分别为a、b"), shares listed after 分别占, a list opener
(其中/包括/分别为) and the total it names, a stated number of classes, a payment to date, the last level before
a point. They see the sentence and its numbers, never the drafts' labels."""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Final, TYPE_CHECKING, Sequence

from reportlint import patterns
from reportlint.parse.drafts import Draft, _same_measure

if TYPE_CHECKING:
    from reportlint.parse.numbers import NumberMatch
    from reportlint.parse.reader_state import TermHit
    from reportlint.rules import Vocabulary

_CLAUSE_BREAK: Final = patterns.compile(r"[，,;；:：。]")
# what a bracket after a figure may hold that is not a part of it: another year's value, a budget, full marks
_COMPARAND: Final = patterns.compile(r"\s*(?:上年|去年|上年度|上年同期|同期|(?:19|20)\d{2}\s*年|年初|调整后|全年预算|预算|计划|目标|满分|分值|总分|权重|标准)")
_COMPARAND_BEFORE: Final = patterns.compile(r"(?:与|比|较|同)\s*(?:上年|去年|上年度|同期|(?:19|20)\d{2}\s*年度?|年初预算|预算)\s*$")
_BREAK_OPEN: Final = patterns.compile(r"其中|(?<=□)中(?=\s*[，,:：])|\(|分别为|包括|如下\s*[:：]|以下(?:方面|几个方面|项目)?\s*[:：]")
_SEMICOLON: Final = patterns.compile(r"[;；]")


def _may_open(label: str) -> bool:
    """Whether ``label`` holds one of the words every alternative of _BREAK_OPEN holds (中, "(", 分别为, 包括, 如下,
    以下): a label with none of them opens no list, and is not searched."""
    return ("中" in label or "(" in label or "分别为" in label or "包括" in label or "如下" in label
            or "以下" in label)


_BRACKET: Final = patterns.compile(r"\s*\(([^()]{4,300})\)")
# words that make a bracket something other than the whole list of parts: a partial list, a comparison,
# another state, an approximation
_NOT_A_WHOLE_LIST: Final = patterns.compile(r"含|包括|其中|等|约|以上|以下|不足|超过|比|较|上年|去年|同期|预算|计划|目标|占|增|减|为")


def _bracketed_lists(sentence: str, numbers: Sequence[NumberMatch]) -> list[tuple[int, list[int]]]:
    """(index of the total, indexes of the numbers inside) for each "X a（A b、B c）" in the sentence: a
    bracket right after a number, listing two or more items separated by 、，; and nothing else."""
    out: list[tuple[int, list[int]]] = []
    if "(" not in sentence:
        return out
    for k, number in enumerate(numbers):
        m = _BRACKET.match(sentence, number.end)
        if not m or _NOT_A_WHOLE_LIST.search(m.group(1)):
            continue
        members = [j for j, other in enumerate(numbers) if m.start(1) <= other.start and other.end <= m.end(1)
                   and _same_measure(other.unit, number.unit)]  # "3个公司聘用人员1155人" is one item in 人
        items = [piece for piece in _LIST_ITEM_SPLIT.split(m.group(1)) if piece.strip()]
        if len(members) >= 2 and len(items) == len(members):
            out.append((k, members))
    return out


def _bracket_owners(sentence: str, numbers: Sequence[NumberMatch]) -> dict[int, int]:
    """number index → the index of the number a bracket right after it belongs to, for every number written
    inside that bracket, whatever the bracket says ("2066万元（其中：运行维护费1920万元，购置费146万元）")."""
    out: dict[int, int] = {}
    if "(" not in sentence:
        return out
    for k, number in enumerate(numbers):
        close = _closing_bracket(sentence, number.end)
        if close is None:
            continue
        for j in range(k + 1, len(numbers)):
            if numbers[j].start >= close:
                break
            out[j] = k
    return out


def _closing_bracket(text: str, start: int, limit: int = 300) -> int | None:
    """Where the bracket opening at ``start`` (after blanks) closes, nested brackets ("（境）") included."""
    i = start
    while i < len(text) and text[i] in " \t":
        i += 1
    if i >= len(text) or text[i] != "(":
        return None
    depth = 0
    for j in range(i, min(len(text), i + limit)):
        if text[j] == "(":
            depth += 1
        elif text[j] == ")":
            depth -= 1
            if depth == 0:
                return j
    return None


_LIST_ITEM_SPLIT: Final = patterns.compile(r"[、，,;；]")
_RESPECTIVELY: Final = patterns.compile(r"分别(?:为|是|达到|达)\s*[:：]?")
_NAME_SPLIT: Final = patterns.compile(r"、|和|及|与")
_NAMES_START: Final = patterns.compile(r".*[，,；;：:。]|.*其中")  # the names run from the last clause break (or 其中)


def _respectively(sentence: str, numbers: Sequence[NumberMatch]) -> dict[int, str]:
    """"其中基本支出、项目支出分别为860.50万元、319.50万元": number index → the name it goes with, when
    as many numbers follow 分别为 (one after another, separated only by 、/和/及) as names precede it."""
    out: dict[int, str] = {}
    if "分别" not in sentence:
        return out
    for m in _RESPECTIVELY.finditer(sentence):
        head = sentence[:m.start()]
        cut = _NAMES_START.match(head)
        names = [n.strip() for n in _NAME_SPLIT.split(head[cut.end() if cut else 0:]) if n.strip()]
        following = [k for k, n in enumerate(numbers) if n.start >= m.end()][: len(names)]
        if len(names) < 2 or len(following) != len(names):
            continue
        gaps = [sentence[numbers[a].end:numbers[b].start] for a, b in zip(following, following[1:])]
        if sentence[m.end():numbers[following[0]].start].strip() or any(g.strip() not in ("、", "和", "及", "与", "，", ",") for g in gaps):
            continue  # other words among the values: not a plain list of them
        out.update(zip(following, names))
    return out


_OF_WHOLE_FIGURE: Final = patterns.compile(r"\s*的\s*(?:比重|比例)?\s*(?:为)?\s*$")
_RESPECTIVE_SHARES: Final = patterns.compile(r"分别占(?P<whole>[^，,。;；、\d]{0,24}?)(?:的)?(?:比重|比例)?(?:为)?\s*$")


def _respective_shares(sentence: str, numbers: Sequence[NumberMatch]) -> dict[int, tuple[int, str, int | None]]:
    """"基本支出、项目支出分别为700万元、300万元，分别占70%、30%": share number index → (the index of the
    amount it is the share of, the words naming the whole, the index of the whole's own figure when it is
    written inside the 分别占 clause), when as many percentages follow 分别占 (separated only by 、/和/，) as
    amounts stand just before it."""
    out: dict[int, tuple[int, str, int | None]] = {}
    if "分别占" not in sentence:
        return out  # (both readings below search for 分别占)
    for k, number in enumerate(numbers):
        if number.unit != "%" or k == 0:
            continue
        m = _RESPECTIVE_SHARES.search(sentence, numbers[k - 1].end, number.start)
        whole = None
        if not m and k >= 2 and _OF_WHOLE_FIGURE.match(sentence, numbers[k - 1].end, number.start):
            # "分别占本年支出合计1720.30万元的70.08%和29.92%": the whole's own figure between 分别占 and the shares
            m = _RESPECTIVE_SHARES.search(sentence, numbers[k - 2].end, numbers[k - 1].start)
            whole = k - 1
        if not m:
            continue
        shares = [k]
        while (shares[-1] + 1 < len(numbers) and numbers[shares[-1] + 1].unit == "%" and
               sentence[numbers[shares[-1]].end:numbers[shares[-1] + 1].start].strip() in ("、", "和", "，", ",")):
            shares.append(shares[-1] + 1)
        first_part = (whole if whole is not None else k) - len(shares)
        parts = list(range(first_part, first_part + len(shares)))
        if len(shares) < 2 or parts[0] < 0 or any(numbers[p].unit in ("%", "") for p in parts):
            continue
        if len({numbers[p].unit for p in parts}) != 1:
            continue
        out.update({share: (part, m.group("whole"), whole) for share, part in zip(shares, parts)})
    return out


_SCORE_TOTAL_LABEL: Final = patterns.compile(r"(?:总|综合|自评|评价|绩效)得分|总分")


def _score_breakdown(total: Draft, parts: list[Draft]) -> bool:
    """A total score broken down into three or more group scores: the groups of an indicator system are
    all listed when that many are (two may be a selection)."""
    return (total.unit == "分" and not total.approx and len(parts) >= 3
            and bool(_SCORE_TOTAL_LABEL.search(total.clause))
            and all(p.unit == "分" and p.concept == "score" and not p.approx for p in parts))


_CLASS_COUNT: Final = patterns.compile(r"(?:共|分为|主要有|包括|有)[^，,。；;]{0,40}?(?<![\d.])([二两三四五六七八九]|[2-9])\s*(?:类|大类|种|个部分|部分|个方面)")
_CN_SMALL: Final = {"二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}


def _counted_classes(sentence: str, parts: int) -> bool:
    """Whether the sentence says how many kinds the total has ("分为三类", "主要有…二类支出") and lists that many."""
    return parts in _class_counts(sentence)


@lru_cache(maxsize=64)
def _class_counts(sentence: str) -> frozenset[int]:
    """The numbers of kinds a sentence says its total has: scanned once a sentence, however many 其中 lists it
    holds (a str keeps its hash, so a long sentence is not hashed again)."""
    counts: set[int] = set()
    for m in _CLASS_COUNT.finditer(sentence):
        word = m.group(1)
        counts.add(_CN_SMALL.get(word) or int(word))
    return frozenset(counts)


_ITEM_NAME: Final = patterns.compile(
    r"^\s*(?:\d{1,2}\s*[.、．]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[①-⑳]|[一二三四五六七八九十]{1,3}、)\s*"
    r"(?P<name>[^，,。；;:：\d()（）]{2,40}?)\s*(?P<mark>[(（]\s*(?:类|款|项|\d{3,9})\s*[)）]|[。.．]|(?=\d))")
_SECTION_TITLE: Final = patterns.compile(r"(?:情况|说明|分析|概况|简介|总体|构成|目标|措施|问题|原因|职能|设置|结论)$")


def _item_subject(vocab: Vocabulary, text: str) -> str | None:
    """What an enumerated item's figures are about ("1.行政运行（项）年初预算…支出决算…", "2.公务接待费。全年支出…"):
    the concept its name states, "" for a name the vocabulary does not know (a 功能科目 or a project: the item's
    own spending, never the department's total), or None when the paragraph is not such an item (a section
    title "（一）收入支出决算总体情况" is not)."""
    m = _ITEM_NAME.match(text)
    if not m or _SECTION_TITLE.search(m.group("name")):
        return None
    name = m.group("name").strip()
    concepts = [t[2].id for t in vocab.find_terms(name) if t[2].category == "concept"]
    specific = [c for c in concepts if not vocab.concepts[c].generic]
    found = vocab.find_terms(name)
    if specific and found[-1][1] == len(name):
        return specific[-1]  # "2.公务接待费。全年支出2.36万元": the name is the concept
    if m.group("mark").strip(" 。.．") or not concepts:
        return ""  # "1.行政运行（项）…": a class, item or project the vocabulary does not name
    return None


def _says_progress(vocab: Vocabulary, text: str) -> bool:
    return any(word in text for word in vocab.progress_words)


def _opener_names(label: str, terms: Sequence[TermHit], opener: re.Match[str]) -> str | None:
    """The concept a 包括 list is written after ("支出包括：", "收入主要包括："): the list's own total."""
    if not opener.group().startswith(("包括", "中")):
        return None  # "支出包括：", "基本支出中，": the list's total is named right before it
    for start, end, term in reversed(terms):
        if term.category == "concept" and end <= opener.start():
            gap = label[end:opener.start()]
            return term.id if len(gap) <= 2 and not _CLAUSE_BREAK.search(gap) else None
    return None


def _list_opened(label: str, raw: str | None = None) -> re.Match[str] | None:
    """The last 其中/包括/分别为/( in ``label`` whose list is still open at its end: "，主要包括：基本工资、
    津贴补贴…；公用经费" closed its list of names at the semicolon. ``raw`` is the label before concept words
    were masked (a bracket's comparand, "（分值20分）", is read from it)."""
    if not _may_open(label):
        return None
    for opener in reversed(list(_BREAK_OPEN.finditer(label))):
        if opener.group() == "(":
            if ")" in label[opener.end():]:
                continue  # "（类）" inside the label: a bracket opened and closed, look further back
            text = raw if raw is not None and len(raw) == len(label) else label  # the words, not their mask
            if _COMPARAND.match(text, opener.end()) or _COMPARAND_BEFORE.search(text, 0, opener.start()):
                return None  # "6.40万元（上年7.50万元）", "92.5分（满分100分）", "与上年（2.80万元）相比": a comparand
            return opener
        return None if _SEMICOLON.search(label, opener.end()) else opener
    return None


def _last_level(drafts: list[Draft], ids: list[int], unit: str | None) -> int | None:
    """The last amount stated before a point (a level, or a part named like its total: "总支出…其中，本级支出…")."""
    for fid in reversed(ids):
        d = drafts[fid]
        if d.q.get("kind") in ("level", "part") and (unit is None or _same_measure(d.unit, unit)):
            return fid
        if d.q.get("kind") in ("level", "part"):
            return None
    return None
