"""Pure Python and the compiled build (mypyc), side by side in one run (issue #17).

``bench/run`` calls :func:`compare`; ``python bench/variants.py [--rounds N] [--tree DIR]`` runs it alone.

A compiled copy of the package is built in a temporary folder (``REPORTLINT_MYPYC=1 setup.py build_ext
--inplace``: the current Python needs mypy, ``pip install -e '.[typecheck]' 'setuptools>=77'``), or taken from ``--tree``. Each
variant runs from its own folder through ``PYTHONPATH``, so both are looked up the same way. Measured, in
interleaved rounds (the machine is shared and noisy: the best round for reports/s, the median of the rounds'
own ratios for the ratio to the scan, the median for the rest):

* CPU time (user + system of the child) of ``--jobs 1`` on dense generated reports: reports a second a core,
  and the ratio to a bare ``regex`` number scan of the same files;
* start-up: wall time of ``reportlint`` on one small report against ``python -c pass``, with the bytecode
  cached (as an installed package has it; in a temporary folder, whatever PYTHONDONTWRITEBYTECODE says);
* peak RSS on the dense reports;
* whether the findings on the whole corpus (``../shared/corpus`` when present, the examples, the dense
  reports) are byte-identical: pure ``--jobs 1``, compiled ``--jobs 1``, compiled ``--jobs 2``.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import instructions  # noqa: E402  (bench/instructions.py, beside this file)

INSTRUCTION_REPORTS = 30
ROOT = HERE.parent
PY = sys.executable
NEWLINE = b"\n"
SHARED = Path(os.environ.get("REPORTLINT_SHARED", ROOT.parent / "shared"))

# what the probe prints for a command it runs: CPU seconds (user + system) and peak RSS (KB) of that child
PROBE = ("import resource, subprocess, sys\n"
         "subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)\n"
         "u = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
         "print(u.ru_utime + u.ru_stime, u.ru_maxrss)\n")

SCAN = (
    "import regex, sys, pathlib\n"
    "pattern = regex.compile(r'\\d+(?:\\.\\d+)?')\n"
    "n = 0\n"
    "for p in sorted(pathlib.Path(sys.argv[1]).glob('*.txt')):\n"
    "    n += len(pattern.findall(p.read_text(encoding='utf-8')))\n"
    "print(n)\n"
)


def build_compiled(dest: Path) -> Path:
    """A copy of the package compiled in place with mypyc; returns the folder to put on PYTHONPATH."""
    for name in ("reportlint", "_build"):
        shutil.copytree(ROOT / name, dest / name, ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    for name in ("setup.py", "pyproject.toml", "README.md"):
        shutil.copy2(ROOT / name, dest / name)
    env = dict(os.environ, REPORTLINT_MYPYC="1")
    done = subprocess.run([PY, "setup.py", "build_ext", "--inplace", "-j", str(os.cpu_count() or 1)], cwd=dest,
                          env=env, capture_output=True, text=True)
    if done.returncode != 0:
        sys.exit(f"the compiled build failed (are mypy and setuptools>=77 installed? pip install -e '.[typecheck]' 'setuptools>=77'):\n{done.stderr[-3000:]}")
    return dest


# bytecode is cached, as an installed package has it, in a folder of the run's own (not in the source trees): a
# shell with PYTHONDONTWRITEBYTECODE set would otherwise compile every module from source at every start-up
PYCACHE = Path(tempfile.gettempdir()) / f"reportlint-bench-pycache-{os.getpid()}"


def _env(tree: Path) -> dict[str, str]:
    env = dict(os.environ, PYTHONPATH=str(tree), PYTHONPYCACHEPREFIX=str(PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    return env


def _cwd(env: dict[str, str]) -> str:
    """Where a command runs: its variant's own folder (``python -m`` puts the working folder first on the
    path, before PYTHONPATH), the project for the bare scan."""
    return env.get("PYTHONPATH") or str(ROOT)


def _probe(cmd: list[str], env: dict[str, str]) -> tuple[float, int]:
    out = subprocess.run([PY, "-c", PROBE, *cmd], capture_output=True, text=True, env=env, cwd=_cwd(env))
    cpu, rss = out.stdout.split()
    return float(cpu), int(rss)


def _wall(cmd: list[str], env: dict[str, str], repeat: int) -> float:
    import time

    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env, cwd=_cwd(env))
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _findings(tree: Path, paths: list[Path], jobs: int) -> bytes:
    cmd = [PY, "-m", "reportlint", *map(str, paths), "--format", "concise", "--jobs", str(jobs)]
    return subprocess.run(cmd, capture_output=True, env=_env(tree), cwd=tree).stdout


def _build_kind(tree: Path) -> str:
    cmd = [PY, "-m", "reportlint", "--version"]
    return subprocess.run(cmd, capture_output=True, text=True, env=_env(tree), cwd=tree).stdout.strip()


def compare(dense: Path, one: Path, rounds: int = 3, tree: Path | None = None,
            count_instructions: bool = True) -> list[tuple[str, str, str, str]]:
    """Rows (measure, pure, compiled, target) for the dense reports in ``dense`` and the small report ``one``;
    with ``count_instructions`` (and valgrind installed) also the instructions (``bench/instructions.py``)."""
    n = len(list(dense.glob("*.txt")))
    with tempfile.TemporaryDirectory() as tmp:
        compiled = tree or build_compiled(Path(tmp))
        variants = {"pure": ROOT, "compiled": compiled}
        kinds = {name: _build_kind(t) for name, t in variants.items()}
        if "compiled" not in kinds["compiled"]:
            sys.exit(f"the compiled tree does not run compiled code: {kinds['compiled']}")
        cpu: dict[str, list[float]] = {name: [] for name in variants}
        rss: dict[str, list[int]] = {name: [] for name in variants}
        start: dict[str, list[float]] = {name: [] for name in variants}
        scan, python_pass = [], []
        lint = [PY, "-m", "reportlint"]
        for t in variants.values():
            _wall(lint + [str(one), "--format", "concise"], _env(t), 1)  # writes the bytecode cache
        for _ in range(rounds):  # interleaved: each round runs every variant once
            # the scan is short (a fifth of a second): its best of three, so one slow moment does not skew the round
            scan.append(min(_probe([PY, "-c", SCAN, str(dense)], dict(os.environ))[0] for _ in range(3)))
            python_pass.append(_wall([PY, "-c", "pass"], dict(os.environ), 5))
            for name, t in variants.items():
                seconds, kb = _probe(lint + [str(dense), "--format", "concise", "--jobs", "1"], _env(t))
                cpu[name].append(seconds)
                rss[name].append(kb)
                start[name].append(_wall(lint + [str(one), "--format", "concise"], _env(t), 5))
        counted: dict[str, tuple[float, float]] = {}
        if count_instructions and instructions.available():
            folder = instructions.sample(dense, Path(tmp) / "sample", INSTRUCTION_REPORTS)
            counted = {v: instructions.per_report(lint, [PY, "-c", SCAN], folder, one, _env(t), _cwd(_env(t)),
                                                  dict(os.environ)) for v, t in variants.items()}
        corpus = [p for p in (SHARED / "corpus", ROOT / "examples", dense) if p.exists()]
        outputs = {"pure --jobs 1": _findings(ROOT, corpus, 1), "compiled --jobs 1": _findings(compiled, corpus, 1),
                   "compiled --jobs 2": _findings(compiled, corpus, 2)}
    shutil.rmtree(PYCACHE, ignore_errors=True)
    med = statistics.median
    base_pass = med(python_pass)
    # the machine is shared and its speed drifts from minute to minute: reports/s is the best round's (noise only
    # ever adds time), the ratio to the scan is the median of each round's own ratio (both measured moments apart)
    ratio = {v: med(c / b for c, b in zip(cpu[v], scan)) for v in variants}
    same = len(set(outputs.values())) == 1
    lines = outputs["pure --jobs 1"].count(NEWLINE)
    rows = [
        (f"reports/s a core, --jobs 1, {n} dense reports (CPU, best round)", *(f"{n / min(cpu[v]):.0f}" for v in variants),
         "pure >= 90, compiled >= 150"),
        ("× a bare regex number scan (CPU, median of the rounds' ratios)", *(f"{ratio[v]:.1f}×" for v in variants),
         "compiled <= 25× (<= 10× needs the whole pipeline native)"),
        ("start-up, one small report (wall)",
         *(f"{med(start[v]) * 1000:.0f} ms = {med(start[v]) / base_pass:.1f}× python -c pass" for v in variants),
         f"<= 8× (python -c pass: {base_pass * 1000:.0f} ms)"),
        *([(f"instructions a report beyond start-up ({INSTRUCTION_REPORTS} reports, valgrind)",
             *(f"{counted[v][0] / 1e6:.1f} M" for v in variants), "(deterministic: the same in every run)"),
            ("× the bare scan a report, in instructions (start-up left out)",
             *(f"{counted[v][1]:.1f}×" for v in variants), "")]
          if counted else []),
        ("peak RSS, the dense reports", *(f"{med(rss[v]) / 1024:.0f} MB" for v in variants), "flat"),
        (f"findings on the corpus ({lines} lines)", "identical" if same else "DIFFER", " / ".join(outputs),
         "identical"),
    ]
    if not same:
        for name, out in outputs.items():
            print(f"  {name}: {out.count(NEWLINE)} lines", file=sys.stderr)
    return rows


def print_rows(rows: list[tuple[str, str, str, str]]) -> None:
    width = max(len(r[0]) for r in rows)
    print(f"{'measure':<{width}}  {'pure':<36} {'compiled':<36} target")
    for name, pure, compiled, target in rows:
        print(f"{name:<{width}}  {pure:<36} {compiled:<36} {target}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reports", type=int, default=300, help="dense generated reports (default 300)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--tree", type=Path, help="an already compiled copy of the project (skips the build)")
    parser.add_argument("--no-instructions", action="store_true", help="do not count instructions with valgrind")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        dense = Path(tmp) / "dense"
        subprocess.run([PY, str(HERE / "generate.py"), str(dense), str(args.reports)], check=True)
        one = ROOT / "examples" / "clean.txt"
        print(f"machine: {os.cpu_count()} cores, Python {sys.version.split()[0]}")
        print_rows(compare(dense, one, args.rounds, args.tree, not args.no_instructions))


if __name__ == "__main__":
    main()
