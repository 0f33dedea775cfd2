"""Rule documentation: what ``reportlint rules``, ``reportlint rule CODE``, SARIF's rule descriptions and the
pages in ``docs/rules/`` say about each rule, all from one source.

A rule's docstring holds its Chinese documentation (a one-sentence summary, then 检查什么 / 会报 / 不会报 /
怎么改 paragraphs) and, as its last paragraph, the English summary. The English for the other paragraphs is
data, in ``rules/docs_en.toml`` (keys ``checks``, ``reported``, ``not_reported``, ``fix``), so that
``--lang en`` says as much as the Chinese. RST literals (````x````) are plain text in plain output and
Markdown code in the pages.

``python -m reportlint.rules.docs [DIR]`` writes one page per rule (``DIR/RL101.md``) and an index
(``DIR/README.md``); DIR defaults to ``docs/rules`` of the checkout.
"""

from __future__ import annotations

import inspect
import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from reportlint.rules import RULES_DIR, load_toml

DOCS_DIR = Path(__file__).resolve().parent.parent.parent / "docs" / "rules"
SECTIONS = (("checks", "检查什么", "What is checked"), ("reported", "会报", "Reported"),
            ("not_reported", "不会报", "Not reported"), ("fix", "怎么改", "How to fix"))
_LITERAL = re.compile(r"``(.+?)``", re.S)
_SPACED = re.compile(r"[A-Za-z0-9`(),.;:'\"=≠±+−×÷<>≤≥/*-]")  # a line break between two of these is a space
_OPEN, _CLOSE = "（(“‘《「【", "）)”’》」】"


@dataclass(frozen=True)
class RuleDoc:
    """The documentation of one rule, in both languages."""

    code: str
    name: str
    family: str
    severity: str
    zh: tuple[str, ...]  # the Chinese paragraphs (lines joined), RST literals kept
    en_summary: str
    en_sections: tuple[tuple[str, str], ...]  # (English heading, text) in SECTIONS order

    @property
    def summary_zh(self) -> str:
        return plain(first_sentence(self.zh[0])) if self.zh else self.name

    @property
    def summary_en(self) -> str:
        return plain(first_sentence(self.en_summary)) if self.en_summary else self.name

    def summary(self, lang: str) -> str:
        return self.summary_zh if lang == "zh" else self.summary_en

    def text(self, lang: str) -> str:
        """The whole documentation as plain text (``reportlint rule CODE``)."""
        if lang == "zh":  # (with the English summary after it, as the docstring has it)
            return "\n\n".join(plain(p) for p in (*self.zh, self.en_summary) if p)
        return "\n\n".join([plain(self.en_summary), *(f"{head}:{chr(10) if body.startswith('* ') else ' '}{plain(body)}"
                                                       for head, body in self.en_sections)])

    def markdown(self) -> str:
        """The rule's page in ``docs/rules``."""
        lines = [f"# {self.code} {self.name}", "",
                 f"Family: {self.family} · default severity: {self.severity} · "
                 f"`reportlint rule {self.code}` prints this page.", "", "## 中文", ""]
        for paragraph in self.zh:
            lines += [markdown_text(paragraph), ""]
        lines += ["## English", "", markdown_text(self.en_summary), ""]
        for head, body in self.en_sections:
            lines += [f"**{head}:**{chr(10) if body.startswith('* ') else ' '}{markdown_text(body)}", ""]
        return "\n".join(lines)


def plain(text: str) -> str:
    """``text`` without RST markup: ````201８```` → 201８."""
    return _LITERAL.sub(r"\1", text)


def markdown_text(text: str) -> str:
    """``text`` as Markdown: RST literals become code spans; Markdown's own markup characters are escaped."""
    parts = _LITERAL.split(text)
    out = []
    for k, part in enumerate(parts):
        if k % 2:
            out.append(f"`{part}`")
        else:
            escaped = re.sub(r"([\\*_<>\[\]|#])", r"\\\1", part)
            out.append(re.sub(r"(^|\n)\\\* ", r"\1* ", escaped))  # list items stay list items
    return "".join(out)


def join_lines(paragraph: str) -> str:
    """A paragraph's lines as one line: no space between Chinese characters, one between words. A list item
    (a line starting ``* ``) keeps its own line."""
    lines = [line.strip() for line in paragraph.strip().splitlines() if line.strip()]
    out = lines[0] if lines else ""
    for line in lines[1:]:
        if line.startswith("* "):
            glue = "\n"
        else:
            glue = " " if _SPACED.match(out[-1]) or _SPACED.match(line[0]) else ""
        out += glue + line
    return out


def first_sentence(paragraph: str) -> str:
    """The paragraph's first whole sentence: up to the first 。 (or ". " in English) outside brackets,
    quotes and RST literals."""
    text = join_lines(paragraph)
    depth = 0
    literal = False
    k = 0
    while k < len(text):
        if text.startswith("``", k):
            literal = not literal
            k += 2
            continue
        ch = text[k]
        if not literal:
            if ch in _OPEN:
                depth += 1
            elif ch in _CLOSE:
                depth = max(0, depth - 1)
            elif depth == 0 and (ch in "。！？" or _ends_english_sentence(text, k)):
                return text[:k + 1]
        k += 1
    return text


def _ends_english_sentence(text: str, k: int) -> bool:
    """Whether the "." at ``k`` ends a sentence: followed by a space and a capital, and not in "e.g."."""
    return (text[k] == "." and text[k + 1:k + 2] == " " and text[k + 2:k + 3].isupper()
            and not text[max(0, k - 3):k + 1].endswith(("e.g.", "i.e.")))


def _paragraphs(doc: str) -> list[str]:
    return [join_lines(p) for p in inspect.cleandoc(doc).split("\n\n") if p.strip()]


@lru_cache(maxsize=1)
def english_sections() -> dict:
    """``rules/docs_en.toml``: the English of each rule's 检查什么 / 会报 / 不会报 / 怎么改."""
    path = RULES_DIR / "docs_en.toml"
    return load_toml(path) if path.exists() else {}


def rule_doc(rule) -> RuleDoc:
    """The documentation of a registered rule (``reportlint.checks.Rule``)."""
    paragraphs = _paragraphs(rule.doc)
    zh, en = (paragraphs[:-1], paragraphs[-1]) if len(paragraphs) > 1 else (paragraphs, "")
    extra = english_sections().get(rule.code, {})
    sections = tuple((english, join_lines(extra[key])) for key, _, english in SECTIONS if extra.get(key, "").strip())
    severity = "off (opt-in: runs only when --select names it)" if rule.opt_in else rule.severity
    return RuleDoc(rule.code, rule.name, rule.family, severity, tuple(zh), en, sections)


def chinese_sections(doc: RuleDoc) -> list[str]:
    """The SECTIONS keys the Chinese documentation has (a paragraph or sentence starting 会报： …)."""
    text = "\n".join(doc.zh[1:])
    return [key for key, label, _ in SECTIONS if re.search(rf"(^|\s|。|\n){label}：", text)]


def pages() -> dict[str, str]:
    """File name → content of every page in docs/rules (one per rule, and README.md, the index)."""
    from reportlint.checks import all_rules

    docs = [rule_doc(r) for r in all_rules()]
    out = {f"{d.code}.md": d.markdown() for d in docs}
    index = ["# reportlint rules", "",
             "Generated from the rule docstrings and `reportlint/rules/docs_en.toml` by "
             "`python -m reportlint.rules.docs`; `tests/test_rule_docs.py` fails when a page is stale.", "",
             "| code | name | family | default severity | summary |", "|---|---|---|---|---|"]
    index += [f"| [{d.code}]({d.code}.md) | {d.name} | {d.family} | {d.severity.split(' ')[0]} | "
              f"{markdown_text(d.summary_zh)} {markdown_text(d.summary_en)} |" for d in docs]
    out["README.md"] = "\n".join(index) + "\n"
    return out


def write_pages(folder: Path = DOCS_DIR) -> list[Path]:
    """Write every page into ``folder`` (and remove pages of rules that no longer exist)."""
    folder.mkdir(parents=True, exist_ok=True)
    wanted = pages()
    for stale in folder.glob("RL*.md"):
        if stale.name not in wanted:
            stale.unlink()
    written = []
    for name, content in wanted.items():
        target = folder / name
        target.write_text(content, encoding="utf-8")
        written.append(target)
    return written


if __name__ == "__main__":  # pragma: no cover
    written = write_pages(Path(sys.argv[1]) if len(sys.argv) > 1 else DOCS_DIR)
    print(f"wrote {len(written)} pages to {written[0].parent}")
