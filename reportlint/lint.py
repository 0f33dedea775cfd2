"""Lint files: read, parse, run the rules, collect findings. No output formatting here."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field

from reportlint.checks import Context, Rule, all_rules, run_rules
from reportlint.document import Document, Pos, Span
from reportlint.finding import Finding
from reportlint.parse import parse_text
from reportlint.parse.read import DEFAULT_MAX_BYTES, InputProblem, decode, read_path
from reportlint.profiles import Profile


class PathError(Exception):
    """A path given on the command line does not exist (a usage error: exit 2)."""


@dataclass
class FileResult:
    path: str
    encoding: str = ""
    profile: str = ""
    findings: list[Finding] = field(default_factory=list)
    document: Document | None = None
    failed: bool = False  # the input could not be read
    sha256: str = ""


def expand_paths(paths: list[str]) -> list[str]:
    """Files as given; directories recurse for *.txt (sorted; symlink loops are not followed twice)."""
    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
            continue
        if os.path.isdir(path):
            seen: set[tuple[int, int]] = set()
            for root, dirs, files in os.walk(path, followlinks=True):
                st = os.stat(root)
                if (st.st_dev, st.st_ino) in seen:
                    dirs[:] = []
                    continue
                seen.add((st.st_dev, st.st_ino))
                dirs.sort()
                for name in sorted(files):
                    if name.lower().endswith(".txt"):
                        out.append(os.path.join(root, name))
            continue
        if not os.path.exists(path):
            raise PathError(path)
        out.append(path)
    return out


def _problem_finding(path: str, problem: InputProblem) -> Finding:
    from reportlint.checks import REGISTRY

    all_rules()
    info = REGISTRY[problem.code]
    return Finding(path, 1, 1, 1, 1, problem.code, info.name, info.severity, problem.message_zh,
                   problem.message_en, subject=problem.code)


def lint_text(text: str, path: str, encoding: str = "utf-8", rules: list[Rule] | None = None,
              profile: Profile | None = None) -> FileResult:
    doc = parse_text(text, path, encoding)
    ctx = Context(doc)
    ctx.profile = profile  # type: ignore[attr-defined]
    chosen = rules if rules is not None else all_rules()
    findings: list[Finding] = []
    for item in chosen:
        if item.func is None:
            continue
        try:
            findings.extend(item.func(ctx))
        except Exception as exc:  # one broken rule must not stop the others
            findings.append(ctx.finding(
                "RL009", Span(Pos(1, 1), Pos(1, 2)),
                f"规则 {item.code} 在检查本文件时出错：{type(exc).__name__}: {exc}",
                f"rule {item.code} failed on this file: {type(exc).__name__}: {exc}", subject=f"{item.code}-internal"))
    from reportlint.checks.structure import document_profile

    findings.sort(key=Finding.sort_key)
    return FileResult(path, encoding, document_profile(ctx).name, _dedupe(findings), doc)


def _dedupe(findings: list[Finding]) -> list[Finding]:
    seen = set()
    out = []
    for f in findings:
        key = (f.code, f.line, f.column, f.message)
        if key not in seen:
            seen.add(key)
            out.append(f)
    return out


def lint_bytes(data: bytes, path: str, rules: list[Rule] | None = None, profile: Profile | None = None) -> FileResult:
    try:
        text, encoding = decode(data)
    except InputProblem as problem:
        return FileResult(path, findings=[_problem_finding(path, problem)], failed=True)
    return lint_text(text, path, encoding, rules, profile)


def lint_path(path: str, rules: list[Rule] | None = None, profile: Profile | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES) -> FileResult:
    try:
        if path == "-":
            data = sys.stdin.buffer.read(max_bytes + 1)
            if len(data) > max_bytes:
                raise InputProblem("RL006", f"标准输入超过上限 {max_bytes} 字节", f"stdin is over the limit of {max_bytes} bytes")
        else:
            data = read_path(path, max_bytes)
    except InputProblem as problem:
        return FileResult(path, findings=[_problem_finding(path, problem)], failed=True)
    result = lint_bytes(data, path, rules, profile)
    result.sha256 = hashlib.sha256(data).hexdigest()
    return result
