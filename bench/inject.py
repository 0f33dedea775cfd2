"""Inject errors into real reports and measure how many reportlint finds (recall), and what it says on
the untouched reports (error-level findings = false alarms unless a known defect).

    python bench/inject.py ../shared/corpus examples

Kinds of injected error (each applied to one figure at a time, the rest of the report untouched):
  part      a part of a breakdown/identity changed without its total (one digit +1)
  swap      one of two statements of the same figure with two adjacent digits swapped
  rate      a stated rate/share/change off by 2.37 percentage points
  unit      a 万元 part of a breakdown written as 元
Candidates are the figures the parser itself found in relations, so this measures the checks'
sensitivity, not the parser's coverage of relations it does not see.
"""

from __future__ import annotations

import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlint.checks.contradictions import quantity_key  # noqa: E402
from reportlint.lint import lint_text  # noqa: E402
from reportlint.parse.read import decode  # noqa: E402


CONSISTENCY = ("RL1", "RL2", "RL3", "RL4")  # a catch is a sum, rate, contradiction or unit finding


def replace_at(text: str, line: int, col: int, old: str, new: str) -> str | None:
    lines = text.split("\n")
    src = lines[line - 1]
    if src[col - 1:col - 1 + len(old)] != old:
        return None
    lines[line - 1] = src[:col - 1] + new + src[col - 1 + len(old):]
    return "\n".join(lines)


def bump_digit(number: str) -> str | None:
    """Change the leading non-zero digit by one (8→9, 9→1…), so the change is well outside rounding."""
    for i, ch in enumerate(number):
        if ch.isdigit() and ch != "0":
            new = "1" if ch == "9" and i > 0 else str(int(ch) + 1 if ch != "9" else 1)
            if ch == "9" and i == 0:
                return "1" + "0" + number[1:]
            return number[:i] + new + number[i + 1:]
    return None


def swap_digits(number: str) -> str | None:
    for i in range(len(number) - 1):
        a, b = number[i], number[i + 1]
        if a.isdigit() and b.isdigit() and a != b:
            return number[:i] + b + a + number[i + 2:]
    return None


def numeric_part(fig_text: str) -> str:
    out = ""
    for ch in fig_text:
        if ch.isdigit() or ch in ".,":
            out += ch
        elif out:
            break
    return out


def mutations(doc):
    seen = set()
    for rel in doc.relations:
        if rel.kind in ("breakdown", "identity", "table-sum") and rel.total is not None and (rel.complete or rel.kind == "identity"):
            for pid in rel.parts:
                fig = doc.figures[pid]
                if fig.value == 0 or ("part", pid) in seen:
                    continue
                seen.add(("part", pid))
                num = numeric_part(fig.text)
                new = bump_digit(num)
                if new:
                    yield "part", fig, num, new
                if fig.unit == "万元" and fig.text.endswith("万元") and ("unit", pid) not in seen:
                    seen.add(("unit", pid))
                    yield "unit", fig, fig.text, fig.text[:-2] + "元"
        if rel.kind in ("breakdown", "identity") and rel.total is not None and len(rel.parts) >= 2:
            total = doc.figures[rel.total]
            if total.unit == "万元" and total.text.endswith("万元") and ("unit-total", total.id) not in seen:
                seen.add(("unit-total", total.id))
                yield "unit", total, total.text, total.text[:-2] + "元"
        if rel.result is not None and rel.kind in ("rate", "share", "change"):
            fig = doc.figures[rel.result]
            if ("rate", fig.id) in seen:
                continue
            seen.add(("rate", fig.id))
            num = numeric_part(fig.text)
            try:
                from decimal import Decimal

                value = Decimal(num) + Decimal("2.37")
                new = f"{value:.{fig.decimals}f}"
            except Exception:
                continue
            yield "rate", fig, num, new
    groups = {}
    for fig in doc.figures:
        key = quantity_key(fig)
        if key is not None:
            groups.setdefault(key, []).append(fig)
    for figs in groups.values():
        if len(figs) >= 2:
            fig = figs[-1]
            num = numeric_part(fig.text)
            new = swap_digits(num)
            if new:
                yield "swap", fig, num, new


def main(paths):
    files = []
    for p in paths:
        p = Path(p)
        files.extend(sorted(p.rglob("*.txt")) if p.is_dir() else [p])
    tried, caught = Counter(), Counter()
    misses = []
    clean_errors = []
    for path in files:
        text, _ = decode(path.read_bytes())
        base = lint_text(text, str(path))
        clean_errors.extend(f for f in base.findings if f.severity == "error")
        # a finding is new when its place or its text is: on a relation that was already wrong, the
        # injected error shows as the same finding with the new figures in its message
        before = {(f.code, f.line, f.column, f.message) for f in base.findings}
        doc = base.document
        for kind, fig, old, new in mutations(doc):
            col = fig.span.start.column + fig.text.find(old) if kind != "unit" else fig.span.start.column
            mutated = replace_at(text, fig.span.start.line, col, old, new)
            if mutated is None:
                continue
            tried[kind] += 1
            after = lint_text(mutated, str(path)).findings
            lines = {fig.span.start.line}
            hit = any(f.code[:3] in CONSISTENCY and (f.code, f.line, f.column, f.message) not in before and (
                f.line in lines or any(r.line in lines for r in f.related)) for f in after)
            if hit:
                caught[kind] += 1
            else:
                misses.append((kind, path.name, fig.span.start.line, old, new))
    print("injected errors caught (by kind):")
    for kind in sorted(tried):
        print(f"  {kind:6s} {caught[kind]:4d} / {tried[kind]:4d}  ({100 * caught[kind] / tried[kind]:.1f}%)")
    total_tried, total_caught = sum(tried.values()), sum(caught.values())
    if total_tried:
        print(f"  all    {total_caught:4d} / {total_tried:4d}  ({100 * total_caught / total_tried:.1f}%)")
    print(f"error-level findings on the untouched reports: {len(clean_errors)}")
    for f in clean_errors:
        print(f"  {Path(f.path).name}:{f.line}:{f.column}: {f.code} {f.message[:70]}")
    if misses and "-v" in sys.argv:
        print("missed:")
        for m in misses:
            print("  ", *m)


if __name__ == "__main__":
    main([a for a in sys.argv[1:] if a != "-v"] or ["examples"])
