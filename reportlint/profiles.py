"""Report kinds: profiles in ``reportlint/rules/profiles/*.toml`` (and user files), and their detection."""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any, Callable

from reportlint.parse.normalize import normalize_text
from reportlint.rules import RULES_DIR, load_toml


@dataclass(frozen=True)
class Section:
    id: str
    name: str
    terms: tuple[str, ...]
    severity: str


@dataclass(frozen=True)
class Profile:
    name: str
    title: str
    detect: tuple[str, ...]
    priority: int
    sections: tuple[Section, ...]


def profile_from_toml(data: dict[str, Any]) -> Profile:
    sections = tuple(
        Section(s["id"], s["name"], tuple(normalize_text(t) for t in s["terms"]), s.get("severity", "error"))
        for s in data.get("section", [])
    )
    return Profile(data["name"], data.get("title", data["name"]), tuple(data.get("detect", [])),
                   int(data.get("priority", 50)), sections)


@lru_cache(maxsize=1)
def builtin_profiles() -> dict[str, Profile]:
    out = {}
    for path in sorted((RULES_DIR / "profiles").glob("*.toml")):
        profile = profile_from_toml(load_toml(path))
        out[profile.name] = profile
    return out


def load_profile_file(path: str | Path) -> Profile:
    """A user's profile TOML (a regular file, read with a size limit: ``/dev/zero`` is refused)."""
    from reportlint.config import ConfigError, read_toml

    try:
        data = read_toml(str(path))
    except ConfigError as exc:
        raise ValueError(str(exc)) from None
    return profile_from_toml(data)


def detect_profile(title: str, text_head: "str | Callable[[], str]", profiles: dict[str, Profile] | None = None) -> Profile:
    """The profile whose detection words appear in the title (first) or the opening of the text
    (``text_head`` may be a function that makes it, called only when the title decides nothing)."""
    profiles = profiles or builtin_profiles()
    ordered = sorted(profiles.values(), key=lambda p: p.priority)
    for haystack in (title, text_head):
        if callable(haystack):
            haystack = haystack()
        for profile in ordered:
            if any(word in haystack for word in profile.detect):
                return profile
    return profiles.get("generic") or ordered[-1]
