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
from reportlint.parse.read import DEFAULT_MAX_BYTES, InputProblem, decode, read_limited, read_path
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
    tables: tuple = ()  # (grids, places) of the tables findings point at, kept by slim() for the HTML report

    def line(self, number: int) -> str | None:
        """An original line (1-based), from the document or from the lines kept by slim()."""
        if self.document is not None:
            lines = self.document.lines
            return lines[number - 1] if 0 < number <= len(lines) else None
        return self.source_lines.get(number)

    def table_places(self):
        """(grids by table index, cell by (line, column)) of the tables the findings point at."""
        if self.document is not None:
            from reportlint.output.html_table import table_places

            return table_places(self.document, self.findings)
        return self.tables or ({}, {})

    def slim(self) -> "FileResult":
        """Drop the parsed document, keeping only the lines the findings point at (cheap to hold and to send
        between processes: memory stays flat over a large corpus)."""
        if self.document is not None:
            wanted = {f.line for f in self.findings} | {r.line for f in self.findings for r in f.related}
            self.source_lines = {n: self.document.lines[n - 1] for n in wanted if 0 < n <= len(self.document.lines)}
            self.tables = self.table_places()
            self.document = None
        return self


def expand_paths(paths: list[str], outputs: tuple[str, ...] = (), extensions: tuple[str, ...] | None = None,
                 follow_links: bool = False) -> list[str]:
    """Files as given; directories recurse for every supported type (*.txt, *.docx, *.pdf, *.xlsx, *.html …, or
    only ``extensions``), sorted (``reportlint.walk``: links leaving the folder are not followed unless
    ``follow_links``, and an unlistable subfolder is reported, not skipped).

    Inside a directory, files reportlint wrote (its text, JSON, SARIF… outputs, recognised by their first
    lines) are not reports and are left out, as is an empty file that this run is about to overwrite
    (``outputs``: the run's output paths), and Office lock files (~$…). Files named on the command line are
    always kept."""
    from reportlint.formats import SUPPORTED_EXTENSIONS
    from reportlint.guard import identity, is_empty, is_own_output
    from reportlint.walk import walk

    wanted = tuple(e.lower() for e in (extensions or SUPPORTED_EXTENSIONS))
    targets = {ident for ident in map(identity, outputs) if ident is not None}

    def leave_out(found: str) -> bool:
        return is_own_output(found) or (identity(found) in targets and is_empty(found))

    out: list[str] = []
    for path in paths:
        if path == "-":
            out.append(path)
        elif os.path.isdir(path):
            out.extend(walk(path, wanted, follow_links, leave_out))
        elif not os.path.exists(path):
            raise PathError(path)
        else:
            out.append(path)
    return out


def _problem_finding(path: str, problem: InputProblem) -> Finding:
    from reportlint.checks import REGISTRY

    all_rules()
    info = REGISTRY[problem.code]
    return Finding(path, 1, 1, 1, 1, problem.code, info.name, info.severity, problem.message_zh,
                   problem.message_en, subject=problem.code)


def crash_result(path: str, exc: BaseException, encoding: str = "") -> FileResult:
    """The result of a file whose reading or parsing raised: one RL009 finding, the run goes on."""
    from reportlint.checks import REGISTRY

    all_rules()
    info = REGISTRY["RL009"]
    detail = f"{type(exc).__name__}: {exc}"[:300]
    finding = Finding(path, 1, 1, 1, 1, "RL009", info.name, info.severity,
                      f"读取或解析本文件时出错：{detail}", f"reading or parsing this file failed: {detail}",
                      subject="parse-internal")
    return FileResult(path, encoding, findings=[finding], failed=True)


def lint_text(text: str, path: str, encoding: str = "utf-8", rules: list[Rule] | None = None,
              profile: Profile | None = None) -> FileResult:
    """Parse and check one text. An exception anywhere (parser, a rule, profile detection) becomes an RL009
    finding of this file instead of ending the run."""
    try:
        return _lint_text(text, path, encoding, rules, profile)
    except Exception as exc:
        return crash_result(path, exc, encoding)


def _lint_text(text: str, path: str, encoding: str, rules: list[Rule] | None, profile: Profile | None) -> FileResult:
    doc = parse_text(text, path, encoding)
    ctx = Context(doc)
    ctx.profile = profile
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

    problem = getattr(path, "problem", None)
    if problem is not None:  # found while walking a folder: reported, not read (reportlint.walk)
        finding = _problem_finding(path, problem)
        return FileResult(path, findings=[finding], failed=finding.severity == "error")
    if path != "-" and format_of(path):  # .docx, .pdf, .xlsx, .html: lint the text view, with human locations
        from reportlint.formats.run import lint_structured

        return lint_structured(path, rules, profile, max_bytes)
    try:
        if path == "-":
            data = read_limited(sys.stdin.buffer, max_bytes)
        else:
            data = read_path(path, max_bytes)
    except InputProblem as problem:
        return FileResult(path, findings=[_problem_finding(path, problem)], failed=True)
    except Exception as exc:  # an OS oddity while reading: this file's RL009, not the run's end
        return crash_result(path, exc)
    try:
        result = lint_bytes(data, path, rules, profile)
    except Exception as exc:
        return crash_result(path, exc)
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


def _lint_slim(path: str, rules: list[Rule], profile: Profile | None, max_bytes: int) -> FileResult:
    result = lint_path(path, rules, profile, max_bytes)
    try:
        return result.slim()
    except Exception as exc:
        return crash_result(path, exc, result.encoding)


def _worker_init(parent_pid: int) -> None:
    from reportlint.pool import die_with_parent

    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)  # Ctrl-C is the parent's to handle (exit 130), not a traceback each
    die_with_parent(parent_pid)  # a killed run leaves no worker behind
    all_rules()  # compile patterns and load rules once per process


def _lint_one(args) -> FileResult:
    path, codes, profile, max_bytes = args
    from reportlint.checks import REGISTRY

    rules = [REGISTRY[c] for c in codes]
    return _lint_slim(path, rules, profile, max_bytes)


def tune_gc_for_a_run() -> None:
    """For a command-line run: the objects made while importing (patterns, vocabulary, rules) live until the
    end, so the collector stops scanning them (``gc.freeze``), and it runs less often, since the parser makes
    tens of thousands of small objects a report that die with it (2–3 % of the CPU time a report, measured with
    ``bench/variants.py``). Forked ``--jobs`` workers inherit both."""
    import gc

    gc.freeze()
    gc.set_threshold(10_000, 10, 10)


def lint_many(paths: list[str], rules: list[Rule], profile: Profile | None = None,
              max_bytes: int = DEFAULT_MAX_BYTES, jobs: int | None = 1):
    """Lint many files, yielding slim results in input order; with jobs > 1 (None: every CPU) over a process
    pool of at most one worker per file and per CPU (the output is the same as a serial run)."""
    from reportlint.pool import worker_count

    jobs = worker_count(jobs, len(paths))
    if jobs <= 1 or "-" in paths:
        for path in paths:
            yield _lint_slim(path, rules, profile, max_bytes)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    codes = [r.code for r in rules]
    context = multiprocessing.get_context("fork" if sys.platform.startswith("linux") else "spawn")
    pool = ProcessPoolExecutor(max_workers=jobs, mp_context=context, initializer=_worker_init,
                               initargs=(os.getpid(),))
    try:
        chunk = max(1, min(64, len(paths) // (jobs * 8) or 1))
        yield from _submitted_without_sigint(pool, [(p, codes, profile, max_bytes) for p in paths], chunk)
    except BaseException:  # Ctrl-C, a closed stdout: do not wait for the queued files
        pool.shutdown(wait=False, cancel_futures=True)
        raise
    pool.shutdown()


def _submitted_without_sigint(pool, tasks, chunk):
    """``pool.map`` with SIGINT ignored while the workers are forked (they inherit it: a Ctrl-C arriving
    before their initializer runs must not print a traceback from each); the parent's handler is back
    before the results are awaited, so Ctrl-C still ends the run with 130."""
    import signal

    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        results = pool.map(_lint_one, tasks, chunksize=chunk)  # submits every task (and forks) now
    finally:
        signal.signal(signal.SIGINT, previous)
    return results
