"""Reading shares: "占W的r%", "a，占W w的r%" and the shares of a 分别占 list — the part, and the whole the
words name (not a sibling, not a narrower figure, the scope the words say; every other figure of that whole
kept as an alternative reading). A mixin of ``facts.Extractor``."""

from __future__ import annotations

from typing import Final, Sequence

from reportlint import patterns
from reportlint.document import Relation
from reportlint.parse.drafts import Draft, _same_measure, han_at_least
from reportlint.parse.breakdowns import BreakdownReader
from reportlint.parse.lists import _last_level
from reportlint.parse.reader_state import Breakdown

_SHARE: Final = patterns.compile(r"占(?P<whole>[^，,。;；]{0,24}?)(?:的|比重|比例|为)?\s*$")
_OF_WHOLE: Final = patterns.compile(r"\s*的\s*(?:比率|比例|比重)?\s*(?:为|是)?\s*[:：]?\s*$")
_TOTAL_WORD: Final = patterns.compile(r"总|合计")
_WHOLE_END: Final = patterns.compile(r"(?:的|比重|比例)$")

_SCOPE_FILLER: Final = patterns.compile(r"本年|全年|当年|年度|本部门|部门|单位|本级|全部|的|[\s\d年度]")


def _whole_scope(whole_words: str, concept_start: int) -> str:
    """The words that narrow the whole a share names before its concept ("占专项资金支出总额的" — 专项资金):
    a figure is that whole only if its own words say so too. Empty when nothing narrows it."""
    scope = _SCOPE_FILLER.sub("", whole_words[:concept_start])
    return scope if han_at_least(scope, 2) else ""


def _may_be_whole(candidate: Draft, whole_words: str) -> bool:
    """Whether a figure of the concept a share's whole names can be that whole: not one narrowed to an entity
    the words do not name (省本级支出 is not 总支出), nor, when the words say 总/合计, a part of a breakdown."""
    entity = candidate.q.get("entity", "")
    if entity and not all(e in whole_words for e in entity.split("+")):
        return False
    return not (_TOTAL_WORD.search(whole_words) and candidate.q.get("of", "fragment") != "fragment")


class ShareReader(BreakdownReader):
    def _share(self, fid: int, ids: list[int], label: str, open_breakdowns: Sequence[Breakdown] = (),
               part: int | None = None, whole_words: str | None = None, whole_id: int | None = None) -> None:
        """The relation a share states: its part (the last amount before it, or ``part`` for the items of a
        分别占 list) and its whole (named after 占 — ``whole_words`` for such a list —, or the total of the
        breakdown the part belongs to)."""
        share = self.drafts[fid]
        if whole_id is not None and part is not None:  # "分别占本年支出合计1720.30万元的70.08%和29.92%"
            self.relations.append(Relation("share", whole_id, (part,), result=fid, explicit=True,
                                           note=(whole_words or "").strip()))
            return
        if part is None and _OF_WHOLE.match(label) and len(ids) >= 3:  # "a，占W w的Y%": w is the whole, a the part
            listed_whole = ids[-2]
            part = _last_level(self.drafts, ids[:-2], self.drafts[listed_whole].unit)
            if part is not None and self.drafts[listed_whole].q.get("kind") == "level":
                self.relations.append(Relation("share", listed_whole, (part,), result=fid, explicit=True,
                                               note=self.drafts[listed_whole].clause))
            return
        if part is None:
            part = _last_level(self.drafts, ids[:-1], None)
        if part is None:
            return
        if whole_words is None:
            named_whole = _SHARE.search(label)
            if named_whole is None:  # "占5元的6%": a figure right after 占, so no words name the whole
                return
            whole_words = named_whole.group("whole")
        whole = None
        alternatives: tuple[tuple[int, int], ...] = ()
        if whole_words.strip():
            named = [t for t in self._terms(whole_words) if t[2].category == "concept"]
            specific = [t for t in named if not self.vocab.concepts[t[2].id].generic]
            chosen = specific or named  # "政府采购支出总额" is 政府采购, not 支出
            wanted = chosen[-1][2].id if chosen else None
            siblings = {p for item in open_breakdowns if part in item["parts"] for p in item["parts"]}
            scope = _whole_scope(whole_words, chosen[-1][0]) if chosen else ""
            # only a figure of the share's block or of the three before it can be ``nearby`` (drafts come block
            # by block): the scan starts there, not at the report's first figure
            first = part
            while first and self.drafts[first - 1].block >= share.block - 3:
                first -= 1
            candidates = [c for c in self.drafts[first: part] if wanted and c.concept == wanted
                          and c.q.get("kind") in ("level", "part") and _same_measure(c.unit, self.drafts[part].unit)
                          and c.id not in siblings and (not scope or scope in c.gap)
                          and _may_be_whole(c, whole_words)]
            # the whole is stated near the share: in its paragraph, else in prose a few paragraphs before it (a
            # table cell far away is another statement's whole, not this one's)
            nearby = ([c for c in candidates if c.block == share.block]
                      or [c for c in candidates if c.table is None and share.block - c.block <= 3])
            owner = next((item["total"] for item in reversed(open_breakdowns) if part in item["parts"]), None)
            if owner is not None and _TOTAL_WORD.search(whole_words) and owner not in [c.id for c in nearby] \
                    and self.drafts[owner].block == share.block:
                # "收入总计A，其中：财政拨款收入B，占总收入的r%": 总收入 is the total the list breaks down
                nearby = [*nearby, self.drafts[owner]] if nearby else [self.drafts[owner]]
            if not nearby and not chosen:
                nearby = self._named_by_its_words(part, share, whole_words)
            if nearby:
                whole = nearby[-1].id
                alternatives = tuple((part, c.id) for c in nearby[:-1] if c.id != part)
            if whole is None:
                # the whole is named but not stated nearby: kept for the sum of shares (RL204)
                self.relations.append(Relation("share", None, (part,), result=fid, explicit=True,
                                               note=whole_words.strip()))
                return
        else:
            for item in reversed(open_breakdowns):
                if part in item["parts"]:
                    whole = item["total"]
                    break
        if whole is None or whole == part:
            return
        self.relations.append(Relation("share", whole, (part,), result=fid, explicit=not alternatives,
                                       note=whole_words.strip(), alternatives=alternatives))

    def _named_by_its_words(self, part: int, share: Draft, whole_words: str) -> list[Draft]:
        """The whole named by the very words an amount of the paragraph was stated with, when they name no
        concept: "授予中小企业合同金额12,127.08万元，其中：授予小微企业合同金额7,295.12万元，占授予中小企业合同
        金额的60.02%"."""
        words = _WHOLE_END.sub("", whole_words).strip()
        if not han_at_least(words, 4):
            return []
        found = []
        for i in range(part - 1, -1, -1):  # back through the share's paragraph only
            c = self.drafts[i]
            if c.block != share.block:
                break
            if c.q.get("kind") in ("level", "part") and _same_measure(c.unit, self.drafts[part].unit) \
                    and c.clause.strip().endswith(words):
                found.append(c)
        return found[::-1]
