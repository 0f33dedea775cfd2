"""The settings of a ``check`` run: the command line over the configuration file over the defaults, each
value remembering where it came from (``--show-settings`` prints them, for an audit trail), and the rule
selection they make."""

from __future__ import annotations

import click

from reportlint.config import Config

DEFAULTS = {"select": "", "ignore": "", "lang": "zh", "fail-level": "error", "profile": "", "max-bytes": 0}


class Settings:
    """What a run does, resolved; ``origins`` maps each key to "command line (--x)", a file path or "default".
    (A plain class: building a dataclass costs a millisecond of every start-up.)"""

    def __init__(self, config: Config, select: str, ignore: str, lang: str, fail_level: str, profile: str,
                 max_bytes: int, exclude: tuple[str, ...], stdin_filename: str, docs_url: str, origins: dict):
        self.config, self.select, self.ignore, self.lang, self.fail_level = config, select, ignore, lang, fail_level
        self.profile, self.max_bytes, self.exclude, self.stdin_filename = profile, max_bytes, exclude, stdin_filename
        self.docs_url, self.origins = docs_url, origins


def resolve_settings(config: Config, *, select, ignore, lang, fail_level, profile, max_bytes, exclude,
                     stdin_filename, docs_url=None) -> Settings:
    """The run's settings: each option given on the command line wins over the configuration's key, which
    wins over the default. Unknown rule codes exit 2 (``cli_guard.resolve_selection``)."""
    from reportlint.cli_guard import resolve_selection
    from reportlint.parse.read import DEFAULT_MAX_BYTES

    given = {"select": select, "ignore": ignore, "lang": lang, "fail-level": fail_level, "profile": profile,
             "max-bytes": max_bytes}
    from_file = {"select": config.select, "ignore": config.ignore, "lang": config.lang,
                 "fail-level": config.fail_level, "profile": config.profile, "max-bytes": config.max_bytes}
    origins = {}
    for key, value in given.items():
        if value is not None:
            origins[key] = f"command line (--{key})"
        elif key in config.given or (key == "select" and "extend-select" in config.given):
            origins[key] = config.path
        else:
            origins[key] = "default"
    for key in ("per-file-ignores", "severity", "extend-exclude"):
        origins[key] = config.path if key in config.given else "default"
    origins["exclude"] = "command line (--exclude)" if exclude else "default"
    origins["docs-url"] = ("command line (--docs-url)" if docs_url else
                           config.path if "docs-url" in config.given else "default")
    chosen, skipped = resolve_selection(config, select, ignore)
    return Settings(
        config=config, select=chosen, ignore=skipped,
        lang=lang or from_file["lang"] or DEFAULTS["lang"],
        fail_level=fail_level or from_file["fail-level"] or DEFAULTS["fail-level"],
        profile=profile or from_file["profile"] or "",
        max_bytes=max_bytes or from_file["max-bytes"] or DEFAULT_MAX_BYTES,
        exclude=tuple(g for value in exclude for g in value.split(",") if g.strip()),
        stdin_filename=stdin_filename or "", docs_url=docs_url or config.docs_url, origins=origins)


def render_settings(settings: Settings, extra: dict[str, tuple[object, str]]) -> str:
    """The resolved settings as TOML, each line commented with where its value came from."""
    c = settings.config
    values = {
        "select": _codes(settings.select), "ignore": _codes(settings.ignore),
        "per-file-ignores": c.per_file_ignores, "severity": c.severity, "profile": settings.profile,
        "lang": settings.lang, "fail-level": settings.fail_level, "max-bytes": settings.max_bytes,
        "extend-exclude": c.extend_exclude, "exclude": list(settings.exclude),
        "docs-url": settings.docs_url or _default_docs(),
    }
    lines = [f"# configuration file: {c.path or '(none)'}",
             f"# paths in per-file-ignores and extend-exclude are relative to: {c.folder}"]
    rows = [(key, _toml(value), settings.origins.get(key, "default")) for key, value in values.items()]
    rows += [(key, _toml(value), origin) for key, (value, origin) in extra.items()]
    width = max(len(f"{k} = {v}") for k, v, _ in rows)
    lines += [f"{f'{k} = {v}':<{width}}  # {origin}" for k, v, origin in rows]
    if not settings.select:
        lines.append("# select = [] runs every rule that is not opt-in (see `reportlint rules`)")
    return "\n".join(lines) + "\n"


def _default_docs() -> str:
    from reportlint.ci.sarif import PROJECT_URI, docs_base

    return docs_base() or PROJECT_URI


def _codes(joined: str) -> list[str]:
    return [c for c in joined.split(",") if c]


def _toml(value) -> str:
    import json

    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k, ensure_ascii=False)} = {_toml(v)}" for k, v in value.items()) + "}"
    return json.dumps(value, ensure_ascii=False)


def _split(value: str) -> list[str]:
    return [v.strip().upper() for v in value.split(",") if v.strip()]


def selected(code: str, select: str, ignore: str) -> bool:
    """Whether ``code`` is selected by the code prefixes ``select`` (all when empty or ALL) and not ignored."""
    chosen = [p for p in _split(select or "") if p != "ALL"]
    if chosen and not any(code.startswith(p) for p in chosen):
        return False
    return not any(code.startswith(p) for p in _split(ignore or ""))


def select_rules(rules, select, ignore):
    """The rules to run: selected and not ignored; an opt-in rule (measured precision below 0.6) only when
    ``select`` names its code."""
    named = set(_split(select or ""))
    return [r for r in rules if selected(r.code, select, ignore) and (not r.opt_in or r.code in named)]


def with_severity(finding, overrides):
    """``finding`` at the severity the configuration sets for its code (unchanged when none)."""
    level = overrides.get(finding.code)
    if not level or level == finding.severity:
        return finding
    from dataclasses import replace

    return replace(finding, severity=level)


def load_profile(name: str):
    """A built-in profile by name, or a profile TOML file; None for no name; a bad one is a usage error."""
    if not name:
        return None
    from reportlint.profiles import builtin_profiles, load_profile_file

    profiles = builtin_profiles()
    if name in profiles:
        return profiles[name]
    try:
        return load_profile_file(name)
    except (OSError, KeyError, TypeError, ValueError) as exc:
        raise click.BadParameter(f"unknown profile {name!r} ({', '.join(profiles)} or a TOML file): {exc}",
                                 param_hint="--profile")
