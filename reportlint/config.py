"""Configuration: ``[tool.reportlint]`` in pyproject.toml or a ``reportlint.toml`` (or ``.reportlint.toml``),
found by walking up from the working directory; ``--config FILE`` names one. TOML is data, never executed.

Keys (all optional):
  select = ["RL1", "RL301"]          code prefixes to run (as ruff)
  ignore = ["RL502"]                 code prefixes to skip
  per-file-ignores = {"reports/2019/*" = ["RL4"]}   globs on paths relative to this file's folder
  extend-exclude = ["archive", "*.draft.txt"]        files found in folders that are not checked
  docs-url = "https://…/docs/rules/" | "tools/reportlint/docs/rules"   where SARIF's rule help points
  severity = {RL502 = "error"}       severity overrides per code
  profile = "overall"                report kind, or a path to a profile TOML
  lang = "zh" | "en"
  fail-level = "error" | "warning" | "info"
  max-bytes = 67108864
  follow-links = true                follow symbolic links that leave a folder being checked
"""

from __future__ import annotations

import os
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reportlint.paths import anchored, folder_of, glob_matches


KEYS = {"select", "ignore", "per-file-ignores", "severity", "profile", "lang", "fail-level", "max-bytes", "extend-select",
        "extend-exclude", "docs-url", "follow-links"}
SEVERITIES = ("error", "warning", "info")


class ConfigError(Exception):
    pass


@dataclass
class Config:
    path: str = ""
    select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    severity: dict[str, str] = field(default_factory=dict)
    profile: str = ""
    lang: str = ""
    fail_level: str = ""
    max_bytes: int = 0
    extend_exclude: list[str] = field(default_factory=list)
    docs_url: str = ""  # a URL, or a folder (made absolute against this file's folder)
    follow_links: bool = False
    given: frozenset[str] = frozenset()  # the keys the file sets (for --show-settings)

    @property
    def folder(self) -> str:
        """The folder the file's globs are relative to (the working folder without a file)."""
        return folder_of(self.path)

    def ignored_for(self, path: str) -> list[str]:
        """The codes per-file-ignores switch off for ``path``, matched relative to the configuration's folder."""
        if not self.per_file_ignores:
            return []
        rel = anchored(path, self.folder)
        out: list[str] = []
        for pattern, codes in self.per_file_ignores.items():
            if glob_matches(pattern, rel):
                out.extend(codes)
        return out

    def excluded(self, path: str, extra: tuple[str, ...] = ()) -> bool:
        """Whether ``path`` matches ``extend-exclude`` (relative to this file's folder) or one of ``extra``
        (``--exclude``, relative to the working folder)."""
        if self.extend_exclude and any(glob_matches(g, anchored(path, self.folder)) for g in self.extend_exclude):
            return True
        return bool(extra) and any(glob_matches(g, anchored(path, os.getcwd())) for g in extra)


def _codes(value: object, key: str) -> list[str]:
    """A list of rule codes, prefixes or names as written (checked against the rules by the command line)."""
    if isinstance(value, str):
        value = [v for v in value.split(",")]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise ConfigError(f"'{key}' must be a list of rule codes, prefixes or names, e.g. [\"RL1\", \"RL301\"]")
    return [v.strip() for v in value if v.strip()]


def parse_config(data: dict[str, Any], path: str) -> Config:
    """The configuration in ``data`` (read from ``path``); any wrong shape is a ConfigError naming the file."""
    try:
        return _parse(data, path)
    except ConfigError as exc:
        message = str(exc)
        raise ConfigError(message if message.startswith(f"{path}:") else f"{path}: {message}") from None


def _parse(data: dict[str, Any], path: str) -> Config:
    unknown = sorted(set(data) - KEYS)
    if unknown:
        raise ConfigError(f"{path}: unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(KEYS))})")
    cfg = Config(path=path, given=frozenset(data))
    cfg.select = _codes(data.get("select", []), "select") + _codes(data.get("extend-select", []), "extend-select")
    cfg.ignore = _codes(data.get("ignore", []), "ignore")
    pfi = data.get("per-file-ignores", {})
    if not isinstance(pfi, dict):
        raise ConfigError(f"{path}: 'per-file-ignores' must be a table of glob = [codes]")
    cfg.per_file_ignores = {str(k): _codes(v, f"per-file-ignores.{k}") for k, v in pfi.items()}
    severity = data.get("severity", {})
    if not isinstance(severity, dict):
        raise ConfigError(f"{path}: 'severity' must be a table of CODE = \"error\"|\"warning\"|\"info\"")
    for code, level in severity.items():
        if level not in SEVERITIES:
            raise ConfigError(f"{path}: severity.{code} = {level!r} (expected one of {', '.join(SEVERITIES)})")
    cfg.severity = {str(k): v for k, v in severity.items()}  # (codes or names: resolved by the command line)
    for key, allowed in (("lang", ("zh", "en")), ("fail-level", SEVERITIES)):
        value = data.get(key, "")
        if value and value not in allowed:
            raise ConfigError(f"{path}: {key} = {value!r} (expected one of {', '.join(allowed)})")
    cfg.lang = data.get("lang", "")
    cfg.fail_level = data.get("fail-level", "")
    profile = data.get("profile", "")
    if not isinstance(profile, str):
        raise ConfigError(f"{path}: 'profile' must be a string")
    cfg.profile = profile
    max_bytes = data.get("max-bytes", 0)
    if "max-bytes" in data and (isinstance(max_bytes, bool) or not isinstance(max_bytes, int) or max_bytes < 1):
        raise ConfigError(f"{path}: 'max-bytes' must be a positive integer (bytes), not {max_bytes!r}")
    cfg.max_bytes = max_bytes
    excludes = data.get("extend-exclude", [])
    if not isinstance(excludes, list) or not all(isinstance(g, str) and g for g in excludes):
        raise ConfigError(f"{path}: 'extend-exclude' must be a list of globs, e.g. [\"archive\", \"*.draft.txt\"]")
    cfg.extend_exclude = list(excludes)
    docs_url = data.get("docs-url", "")
    if not isinstance(docs_url, str):
        raise ConfigError(f"{path}: 'docs-url' must be a string (a URL or a folder)")
    if docs_url and "://" not in docs_url:
        docs_url = os.path.join(folder_of(path), docs_url)
    cfg.docs_url = docs_url
    follow_links = data.get("follow-links", False)
    if not isinstance(follow_links, bool):
        raise ConfigError(f"{path}: 'follow-links' must be true or false, not {follow_links!r}")
    cfg.follow_links = follow_links
    return cfg


CONFIG_MAX_BYTES = 1 << 20


def read_toml(path: str) -> dict[str, Any]:
    """Parse a TOML file (a regular file of at most 1 MiB: never a device or a FIFO). Any problem is a
    ConfigError naming the file and, for a syntax error, the line and column."""
    if sys.version_info >= (3, 11):
        import tomllib
    else:  # pragma: no cover
        import tomli as tomllib

    from reportlint.parse.read import InputProblem, read_path

    try:
        data = read_path(path, CONFIG_MAX_BYTES)
    except InputProblem as problem:
        raise ConfigError(f"cannot read {path}: {problem.message_en}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: not UTF-8 (byte {exc.start}): TOML files must be UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: invalid TOML: {exc}") from None
    except RecursionError:
        raise ConfigError(f"{path}: invalid TOML: nested too deeply") from None


def _tool_section(data: dict[str, Any], path: str) -> dict[str, Any] | None:
    """``[tool.reportlint]`` of a pyproject.toml, None when absent; a ConfigError when it has the wrong shape."""
    tool = data.get("tool", {})
    if not isinstance(tool, dict):
        raise ConfigError(f"{path}: 'tool' must be a table")
    if "reportlint" not in tool:
        return None
    section = tool["reportlint"]
    if not isinstance(section, dict):
        raise ConfigError(f"{path}: [tool.reportlint] must be a table")
    return section


def load_config(path: str) -> Config:
    data = read_toml(path)
    if Path(path).name == "pyproject.toml":
        data = _tool_section(data, path) or {}
    return parse_config(data, path)


def find_config(start: str | None = None) -> Config:
    """The nearest reportlint.toml / .reportlint.toml / pyproject.toml with [tool.reportlint]. A config file
    on the way that cannot be read or parsed is an error, not skipped."""
    try:
        folder = Path(start or os.getcwd()).resolve()
    except OSError as exc:
        raise ConfigError(f"cannot find the working folder: {exc.strerror}") from None
    for directory in (folder, *folder.parents):
        for name in ("reportlint.toml", ".reportlint.toml"):
            candidate = directory / name
            if candidate.is_file():
                return load_config(str(candidate))
        candidate = directory / "pyproject.toml"
        if candidate.is_file():
            section = _tool_section(read_toml(str(candidate)), str(candidate))
            if section is not None:
                return parse_config(section, str(candidate))
    return Config()
