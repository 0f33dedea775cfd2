"""Recall on relations checked by hand: break one figure of each ✓ relation listed in
``../shared/corpus/real/KNOWN.md`` (and of the correct relations of ``seeds/KNOWN.md``) and see whether
reportlint reports it.

    python bench/known_relations.py ../shared/corpus [-v]

Unlike ``inject.py``, whose candidates are the relations the parser itself found, these are relations a
person found with a calculator, so a miss here is either a relation the parser does not see or one the
checks let through. Each entry: file, line, the figure as written, what it becomes, and what it breaks.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reportlint.lint import lint_text  # noqa: E402
from reportlint.parse.read import decode  # noqa: E402

CONSISTENCY = ("RL1", "RL2", "RL3", "RL4")  # a catch is a sum, rate, contradiction or unit finding

# (folder/file, line, old, new, the relation it breaks)
CASES = [
    ("seeds/000", 17, "28.04万元", "38.04万元", "543.02 = 514.98 + 28.04"),
    ("seeds/001", 76, "87.50%", "89.87%", "控制率 87.50% = 7 / 8"),
    ("seeds/002", 44, "76.46%", "78.83%", "76.46% = 2038.31 / 2665.79"),
    ("seeds/004", 60, "797.6", "897.6", "1595.33 = 797.73 + 797.6"),
    ("seeds/004", 163, "8.65", "9.65", "16.65 = 8 + 8.65"),
    ("seeds/004", 234, "792条", "892条", "23709 = 12 + 22905 + 792"),
    ("seeds/004", 235, "99.95%", "98.95%", "99.95% = 11297 / 11303"),
    ("real/003", 6, "53700 元", "63700 元", "1493924.6 = 1440224.6 + 53700"),
    ("real/004", 23, "61,599.55", "71,599.55", "857,890.16 + 61,599.55 + 4,800.00 = 924,289.71"),
    ("real/004", 22, "92.82%", "95.19%", "857,890.16 / 924,289.71 = 92.82%"),
    ("real/004", 22, "23.36%", "25.73%", "−261,443.84 on 857,890.16: −23.36%"),
    ("real/005", 12, "77.4万元", "87.4万元", "434.89 + 77.4 + 286.83 = 799.12"),
    ("real/005", 11, "31.39%", "33.76%", "+189.25 on 792.22: +31.39%"),
    ("real/005", 11, "35.9%", "38.3%", "+209.28 on 792.22: +35.9%"),
    ("real/012", 1, "2.52万元", "3.52万元", "20.10 + 2.52 = 22.62"),
    ("real/012", 1, "88.86%", "91.23%", "20.10 / 22.62 = 88.86%"),
    ("real/013", 2, "1.44%", "3.81%", "−0.03 on 2.08: −1.44%"),
    ("real/013", 10, "0.9万元", "0.8万元", "2.95 − 2.05 = 0.9"),
    ("real/014", 5, "274万元", "374万元", "274 + 511 = 785"),
    ("real/015", 1, "1033万元", "1133万元", "120 + 1033 + 1618 = 2771"),
    ("real/018", 10, "39.86%", "42.23%", "8.77 / 22.00 = 39.86%"),
    ("real/018", 11, "3.09%", "5.46%", "−0.28 on 9.05: −3.09%"),
    ("real/020", 19, "10.8%", "13.2%", "+0.78 on 7.24: +10.8%"),
    ("real/021", 36, "136人", "138人", "136 / 143 = 95.10%"),
    ("real/021", 56, "99.27%", "97.27%", "(19.8 + 1922.76 + 767.86 − 19.8) / 2710.42 = 99.27%"),
    ("real/024", 19, "1030180.29", "1130180.29", "1030180.29 + 103573.04 = 1133753.33"),
    ("real/024", 19, "90.86%", "93.23%", "1030180.29 / 1133753.33 = 90.86%"),
    ("real/033", 101, "1.75 %", "4.12 %", "+0.5 on 28.5: +1.75%"),
    ("real/033", 100, "5.11 %", "7.48 %", "+15.18 on 297.05: +5.11%"),
    ("real/037", 27, "退休人员8人", "退休人员9人", "139 + 8 + 40 = 187"),
    ("real/037", 27, "退休人员148人", "退休人员158人", "132 + 148 + 272 + 1155 = 1707"),
]


def main(corpus: Path, verbose: bool) -> None:
    caught = 0
    tried = 0
    for name, line, old, new, relation in CASES:
        path = next(corpus.glob(f"{name}*.txt"), None)  # name: "real/003" or "seeds/004"
        if path is None:
            continue
        text, _ = decode(path.read_bytes())
        lines = text.split("\n")
        if lines[line - 1].count(old) != 1:
            print(f"  skipped {name}:{line}: '{old}' is not once on the line")
            continue
        lines[line - 1] = lines[line - 1].replace(old, new)
        before = {(f.code, f.line, f.column, f.message) for f in lint_text(text, str(path)).findings}
        after = lint_text("\n".join(lines), str(path)).findings
        hit = [f for f in after if f.code[:3] in CONSISTENCY and (f.code, f.line, f.column, f.message) not in before
               and (f.line == line or any(r.line == line for r in f.related))]
        tried += 1
        caught += bool(hit)
        if verbose or not hit:
            status = f"{hit[0].code} {hit[0].message[:60]}" if hit else "MISSED"
            print(f"  {name}:{line} {old} → {new} ({relation}): {status}")
    print(f"hand-checked relations broken and caught: {caught} / {tried} ({100 * caught / max(tried, 1):.1f}%)")


if __name__ == "__main__":
    args = [a for a in sys.argv[1:] if a != "-v"]
    main(Path(args[0] if args else "../shared/corpus"), "-v" in sys.argv)
