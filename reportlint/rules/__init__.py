"""Load the data files of ``reportlint/rules`` (vocabulary, identities, profiles, scoring).

The files are TOML: data, never code. Each loader is cached, so a process reads and compiles them once.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import re
from reportlint import patterns

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

RULES_DIR = Path(__file__).resolve().parent


def load_toml(path: Path) -> dict[str, Any]:
    with open(path, "rb") as handle:
        return tomllib.load(handle)


@dataclass(frozen=True)
class Concept:
    id: str
    name: str
    name_en: str
    kind: str
    generic: bool
    state: str
    subject: bool = False
    project: bool = False  # a project's own funds: "该项目…资金总额" names it, not something narrower
    compared: bool = True  # whether two statements of it anywhere in the report must agree (RL301)


@dataclass(frozen=True)
class Term:
    text: str
    category: str  # concept | state | fund | entity
    id: str


@dataclass(frozen=True)
class Identity:
    name: str
    total: str
    parts: tuple[str, ...]
    exact: bool
    optional: tuple[str, ...] = ()

    @property
    def members(self) -> set[str]:
        return set(self.parts) | set(self.optional)


@dataclass(frozen=True)
class RateIdentity:
    name: str
    result: str
    numerator: str
    denominator: str
    numerator_state: str = ""  # "actual" / "budget": for a rate of one concept's actual over its budget
    denominator_state: str = ""


MEMO_SIZE = 4096  # entries kept per memo before it is emptied (bounded memory)
MEMO_TEXT = 40  # only short texts (labels) come back often enough to keep


class Vocabulary:
    """Concepts, states, funds and entities, with one compiled pattern that finds their words."""

    def __init__(self, data: dict[str, Any], identities: dict[str, Any]) -> None:
        self.concepts: dict[str, Concept] = {}
        terms: dict[str, Term] = {}
        for item in data.get("concept", []):
            concept = Concept(
                item["id"], item["name"], item.get("name_en", item["name"]), item["kind"],
                bool(item.get("generic", False)), item.get("state", ""), bool(item.get("subject", False)),
                bool(item.get("project", False)),
                bool(item.get("compared", True)),
            )
            self.concepts[concept.id] = concept
            for word in item["terms"]:
                terms.setdefault(word, Term(word, "concept", concept.id))
        self.fund_words: dict[str, str] = {}  # every fund word, also those a concept claims first
        for category in ("state", "fund"):
            for item in data.get(category, []):
                for word in item["terms"]:
                    terms.setdefault(word, Term(word, category, item["id"]))
                    if category == "fund":
                        self.fund_words[word] = item["id"]
        for word in data.get("entity", {}).get("terms", []):
            terms.setdefault(word, Term(word, "entity", word))
        self.terms = terms
        ordered = sorted(terms, key=len, reverse=True)
        self.pattern = patterns.compile("|".join(re.escape(w) for w in ordered))
        change = data.get("change", {})
        self.increase = tuple(change.get("increase", ()))
        self.decrease = tuple(change.get("decrease", ()))
        self.previous_year = tuple(change.get("previous_year", ()))
        # any of them in a text: one search rather than a loop over the words for each figure
        self.previous_year_pattern = patterns.compile(
            "|".join(re.escape(w) for w in sorted(self.previous_year, key=len, reverse=True)) or r"(?!)")
        self.name_endings = tuple(data.get("lists", {}).get("name_endings", ()))
        over, under = change.get("over", ()), change.get("under", ())
        self.over_words = frozenset(over)
        self.against_reference = patterns.compile(
            "(" + "|".join(re.escape(w) for w in (*over, *under)) + r")[^，,。；;\d]{0,10}?(?:预算|计划|上年|去年|同期)[^，,。；;\d]{0,4}$"
        ) if over or under else None
        self.remainder_words = tuple(change.get("remainder", ()))
        self.progress_words = tuple(change.get("progress", ()))
        self.count_after = tuple(sorted(change.get("count_after", ()), key=len, reverse=True))
        self.reason_pattern = patterns.compile(
            "|".join(re.escape(w) for w in sorted(change.get("reason", ("主要是",)), key=len, reverse=True)))
        self.change_pattern = patterns.compile(
            "|".join(re.escape(w) for w in sorted(self.increase + self.decrease, key=len, reverse=True))
        )
        self.identities = tuple(
            Identity(i["name"], i["total"], tuple(i["parts"]), bool(i.get("exact", True)), tuple(i.get("optional", ())))
            for i in identities.get("identity", [])
        )
        parents: dict[str, set[str]] = {}
        for identity in self.identities:
            for member in identity.members:
                parents.setdefault(member, set()).add(identity.total)
        self._parents = {k: frozenset(v) for k, v in parents.items()}
        self.complements = tuple((tuple(c["rates"]), c["stem"]) for c in identities.get("complement", []))
        count_rates = identities.get("count_rates", {})
        self.rate_total_words = tuple(count_rates.get("total_words", ()))
        self.rate_done_words = tuple(count_rates.get("done_words", ()))
        self.count_partitions: tuple[tuple[str, ...], ...] = tuple(tuple(group) for group in identities.get("counts", {}).get("partitions", []))
        self.rates = tuple(
            RateIdentity(r["name"], r["result"], r["numerator"], r["denominator"], r.get("numerator_state", ""),
                         r.get("denominator_state", "")) for r in identities.get("rate", [])
        )
        self.rate_results = frozenset(r.result for r in self.rates)
        self._found: dict[str, tuple[tuple[int, int, Term], ...]] = {}
        self.memo: dict[tuple[str, str], object] = {}  # for pure functions of (purpose, text) built on the vocabulary

    def parents(self, concept_id: str) -> frozenset[str]:
        """The totals a concept is a part of, by the identities (商品和服务支出: 基本支出 and 支出合计)."""
        return self._parents.get(concept_id, frozenset())

    def find_terms(self, text: str) -> tuple[tuple[int, int, Term], ...]:
        """(start, end, term) of each vocabulary word in ``text``. Memoised: the same labels ("全年预算数",
        "，其中基本支出") come back in every report of a corpus."""
        found = self._found.get(text)
        if found is None:
            terms = self.terms
            found = tuple((m.start(), m.end(), terms[m.group()]) for m in self.pattern.finditer(text))
            if len(text) <= MEMO_TEXT:
                if len(self._found) >= MEMO_SIZE:
                    self._found.clear()
                self._found[text] = found
        return found

    def concept_name(self, concept_id: str | None, lang: str = "zh") -> str:
        if concept_id is None:
            return ""
        concept = self.concepts.get(concept_id)
        if concept is None:
            return concept_id
        return concept.name if lang == "zh" else concept.name_en


@lru_cache(maxsize=1)
def vocabulary() -> Vocabulary:
    return Vocabulary(load_toml(RULES_DIR / "concepts.toml"), load_toml(RULES_DIR / "identities.toml"))
