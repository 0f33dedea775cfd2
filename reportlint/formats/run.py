"""Lint a structured document: extract its text view, lint that text as any other, and give every finding
the human location of its line:column in the view ("第3页第12行", "表2 第4行 第5列", "Sheet1!B7")."""

from __future__ import annotations

import hashlib
from dataclasses import replace

from reportlint.parse.read import DEFAULT_MAX_BYTES, InputProblem, read_path


def lint_structured(path: str, rules=None, profile=None, max_bytes: int = DEFAULT_MAX_BYTES):
    """A FileResult for a .docx/.pdf/.xlsx/.html file (an RL0xx finding when it cannot be read)."""
    from reportlint.checks import REGISTRY, all_rules
    from reportlint.finding import Finding
    from reportlint.formats import extract
    from reportlint.lint import FileResult, _problem_finding, lint_text

    try:
        data = read_path(path, max_bytes)  # the size limit, and the hash of what was read
        view = extract(path)
    except InputProblem as problem:
        return FileResult(path, findings=[_problem_finding(path, problem)], failed=True)
    result = lint_text(view.text, path, "", rules, profile)
    result.sha256 = hashlib.sha256(data).hexdigest()
    all_rules()
    notes = []
    for note in view.notes:
        info = REGISTRY[note.code]
        notes.append(Finding(path, note.line, 1, note.line, 2, note.code, info.name, info.severity, note.message_zh,
                             note.message_en, subject=note.code))
    result.findings = sorted((located(f, view) for f in notes + result.findings), key=Finding.sort_key)
    return result


def located(finding, view):
    """A finding (and its related places) with the view's human locations."""
    related = tuple(replace(r, location=view.locate(r.line, r.column)) for r in finding.related)
    return replace(finding, location=view.locate(finding.line, finding.column), related=related)
