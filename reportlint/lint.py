"""Lint files: read, parse, run the rules, collect findings. No output formatting here."""

from __future__ import annotations

import hashlib
import os
import sys
from dataclasses import dataclass, field

from reportlint.checks import Context, Rule, all_rules, default_rules
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
    source_lines: dict[int, str] = field(default_factory=dict)  # the lines findings point at (after slim())

    def line(self, number: int) -> str | None:
        """An original line (1-based), from the document or from the lines kept by slim()."""
        if self.document is not None:
            lines = self.document.lines
            return lines[number - 1] if 0 < number <= len(lines) else None
        return self.source_lines.get(number)

    def slim(self) -> "FileResult":
        """Drop the parsed document, keeping only the lines the findings point at (cheap to hold and to send
        between processes: memory stays flat over a large corpus)."""
        if self.document is not None:
            wanted = {f.line for f in self.findings} | {r.line for f in self.findings for r in f.related}
            self.source_lines = {n: self.document.lines[n - 1] for n in wanted if 0 < n <= len(self.document.lines)}
            self.document = None
        return self


def expand_paths(paths: list[str], extensions: tuple[str, ...] | None = None) -> list[str]:
    """Files as given; directories recurse for every supported type (*.txt, *.docx, *.pdf, *.xlsx, *.html …,
    or only ``extensions``), sorted; symlink loops are not followed twice."""
    from reportlint.formats import SUPPORTED_EXTENSIONS

    wanted = tuple(e.lower() for e in (extensions or SUPPORTED_EXTENSIONS))
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
                    if name.lower().endswith(wanted) and not name.startswith("~$"):
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
    chosen = rules if rules is not None else default_rules()
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
    from reportlint.formats import format_of

    if path != "-" and format_of(path):  # .docx, .pdf, .xlsx, .html: lint the text view, with human locations
        from reportlint.formats.run import lint_structured

        return lint_structured(path, rules, profile, max_bytes)
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


def read_text(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> tuple[str, str]:
    """(text, encoding) of a file: decoded text, or the text view of a .docx/.pdf/.xlsx/.html (encoding "").
    Raises InputProblem."""
    from reportlint.formats import extract, format_of

    data = read_path(path, max_bytes)
    if format_of(path):
        return extract(path).text, ""
    return decode(data)


def _worker_init() -> None:
    all_rules()  # compile patterns and load rules once per process


def _lint_one(args) -> FileResult:
    path, codes, profile, max_bytes = args
    from reportlint.checks import REGISTRY

    rules = [REGISTRY[c] for c in codes]
    return lint_path(path, rules, profile, max_bytes).slim()


def lint_many(paths: list[str], rules: list[Rule], profile: Profile | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, jobs: int = 1):
    """Lint many files, yielding slim results in input order; with jobs > 1 over a process pool
    (the output is the same as a serial run)."""
    if jobs <= 1 or len(paths) <= 1 or "-" in paths:
        for path in paths:
            yield lint_path(path, rules, profile, max_bytes).slim()
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    codes = [r.code for r in rules]
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    with ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init) as pool:
        chunk = max(1, min(64, len(paths) // (jobs * 8) or 1))
        yield from pool.map(_lint_one, [(p, codes, profile, max_bytes) for p in paths], chunksize=chunk)
