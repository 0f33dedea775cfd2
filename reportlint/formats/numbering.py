"""Word's automatic numbering: the marker a reader sees before a paragraph ("一、", "（二）", "1.") that is not
in the paragraph's text, worked out from numbering.xml (w:num → w:abstractNum levels) and the style chain."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_CN = "〇一二三四五六七八九"
_CIRCLED = "①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳"


def chinese(n: int) -> str:
    """1 → 一, 12 → 十二, 20 → 二十 (beyond 99: digits)."""
    if n <= 0 or n > 99:
        return str(n)
    tens, units = divmod(n, 10)
    if not tens:
        return _CN[units]
    return ("" if tens == 1 else _CN[tens]) + "十" + (_CN[units] if units else "")


def _roman(n: int) -> str:
    out = ""
    for value, numeral in ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
                           (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out += numeral
            n -= value
    return out


def format_number(n: int, fmt: str) -> str:
    if fmt in ("chineseCounting", "chineseCountingThousand", "ideographTraditional", "taiwaneseCounting",
               "taiwaneseCountingThousand", "chineseLegalSimplified"):
        return chinese(n)
    if fmt == "ideographDigital":
        return "".join(_CN[int(d)] for d in str(n))
    if fmt in ("decimalEnclosedCircle", "decimalEnclosedCircleChinese") and 0 < n <= len(_CIRCLED):
        return _CIRCLED[n - 1]
    if fmt in ("lowerLetter", "upperLetter"):
        letter = chr(ord("a") + (n - 1) % 26)
        return letter.upper() if fmt == "upperLetter" else letter
    if fmt in ("lowerRoman", "upperRoman"):
        return _roman(n).upper() if fmt == "upperRoman" else _roman(n)
    if fmt in ("none", "bullet"):
        return ""
    return str(n)


def _val(element, tag: str, default: str | None = None) -> str | None:
    child = element.find(W + tag) if element is not None else None
    return child.get(W + "val", default) if child is not None else default


class Numbering:
    """Counters over a document's numbered paragraphs, in document order."""

    def __init__(self, document) -> None:
        self.levels: dict[str, dict[int, tuple[int, str, str]]] = {}  # numId → ilvl → (start, fmt, text)
        self.counters: dict[str, list[int]] = {}
        self.style_num: dict[str, tuple[str, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (NotImplementedError, KeyError, AttributeError, ValueError):
            root = None
        if root is not None:
            abstract = {a.get(W + "abstractNumId"): a for a in root.findall(W + "abstractNum")}
            for num in root.findall(W + "num"):
                levels: dict[int, tuple[int, str, str]] = {}
                base = abstract.get(_val(num, "abstractNumId"))
                for lvl in (base.findall(W + "lvl") if base is not None else []):
                    ilvl = int(lvl.get(W + "ilvl", "0"))
                    levels[ilvl] = (int(_val(lvl, "start", "1") or 1), _val(lvl, "numFmt", "decimal") or "decimal",
                                    _val(lvl, "lvlText", "") or "")
                for override in num.findall(W + "lvlOverride"):
                    ilvl = int(override.get(W + "ilvl", "0"))
                    start = _val(override, "startOverride")
                    if start is not None and ilvl in levels:
                        levels[ilvl] = (int(start), *levels[ilvl][1:])
                self.levels[num.get(W + "numId")] = levels
        try:
            styles = document.styles.element
        except (AttributeError, KeyError, ValueError):
            styles = None
        if styles is not None:
            by_id = {s.get(W + "styleId"): s for s in styles.findall(W + "style")}
            for style_id in by_id:
                found = self._style_numbering(by_id, style_id)
                if found:
                    self.style_num[style_id] = found

    @staticmethod
    def _style_numbering(by_id, style_id, depth: int = 0):
        style = by_id.get(style_id)
        if style is None or depth > 10:
            return None
        num_pr = style.find(f"{W}pPr/{W}numPr")
        if num_pr is not None and _val(num_pr, "numId"):
            return _val(num_pr, "numId"), int(_val(num_pr, "ilvl", "0") or 0)
        return Numbering._style_numbering(by_id, _val(style, "basedOn"), depth + 1)

    def marker(self, p) -> str:
        """The automatic number of paragraph element ``p`` ("" when it has none), advancing the counters."""
        ppr = p.find(W + "pPr")
        num_pr = ppr.find(W + "numPr") if ppr is not None else None
        num_id, ilvl = None, 0
        if num_pr is not None:
            num_id = _val(num_pr, "numId")
            ilvl = int(_val(num_pr, "ilvl", "0") or 0)
        elif ppr is not None and _val(ppr, "pStyle") in self.style_num:
            num_id, ilvl = self.style_num[_val(ppr, "pStyle")]
        if not num_id or num_id == "0" or num_id not in self.levels:
            return ""
        levels = self.levels[num_id]
        if ilvl not in levels:
            return ""
        counters = self.counters.setdefault(num_id, [0] * 10)
        for k in range(10):
            if k < ilvl and counters[k] == 0 and k in levels:
                counters[k] = levels[k][0]
        counters[ilvl] = counters[ilvl] + 1 if counters[ilvl] else levels[ilvl][0]
        for k in range(ilvl + 1, 10):
            counters[k] = 0
        text = levels[ilvl][2]
        for k in range(ilvl, -1, -1):
            fmt = levels[k][1] if k in levels else "decimal"
            text = text.replace(f"%{k + 1}", format_number(counters[k] or 1, fmt))
        return "" if levels[ilvl][1] == "bullet" else text
