"""Human-readable output: one line a finding (concise) or with its related places (full)."""

from __future__ import annotations

from typing import Iterable

from reportlint.finding import Finding


def concise_line(f: Finding, lang: str = "zh") -> str:
    return f"{f.path}:{f.line}:{f.column}: {f.code} [{f.severity}] {f.text(lang)}"


def render(findings: Iterable[Finding], lang: str = "zh", full: bool = True) -> str:
    lines = []
    for f in findings:
        lines.append(concise_line(f, lang))
        if full:
            for r in f.related:
                text = r.message if lang == "zh" or not r.message_en else r.message_en
                lines.append(f"    {f.path}:{r.line}:{r.column}: {text}")
    return "\n".join(lines) + ("\n" if lines else "")


def summary(n_files: int, findings: list[Finding], lang: str = "zh") -> str:
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    infos = sum(1 for f in findings if f.severity == "info")
    if lang == "zh":
        if not findings:
            return f"未发现问题（检查了 {n_files} 个文件）"
        return f"发现 {len(findings)} 个问题（{errors} 个错误，{warnings} 个警告，{infos} 个提示），检查了 {n_files} 个文件"
    if not findings:
        return f"No findings in {n_files} file(s)"
    return f"Found {len(findings)} finding(s) ({errors} error, {warnings} warning, {infos} info) in {n_files} file(s)"
