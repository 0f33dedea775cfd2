"""Instructions, counted by valgrind: a measure the machine's noise does not move.

On a shared machine the CPU time of one run drifts by ±30% from minute to minute (the same command took 6.6 s
and 9.5 s in one session), so a ratio of two timed runs can say 1.1× or 1.5× for the same change. The number of
instructions a run executes is the same every time (to ~0.1%). It is not time — an instruction of the
interpreter and one of the regex engine do not cost the same — but for the same pipeline in two builds, and
for the ratio to a bare scan that runs the same engine, it tells which way and about how far a change moved
things. ``bench/variants.py`` prints these rows when ``valgrind`` is installed.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

VALGRIND = ("valgrind", "--tool=cachegrind", "--cache-sim=no", "--cachegrind-out-file=/dev/null")


def available() -> bool:
    return shutil.which("valgrind") is not None


def count(cmd: list[str], env: dict[str, str], cwd: str) -> int:
    """The instructions ``cmd`` executes (its own process; the hash seed fixed, so dict order is too)."""
    env = dict(env, PYTHONHASHSEED="0")
    done = subprocess.run([*VALGRIND, *cmd], capture_output=True, text=True, env=env, cwd=cwd)
    for line in done.stderr.splitlines():
        if "I   refs:" in line or "I refs:" in line:
            return int(line.split(":", 1)[1].strip().replace(",", ""))
    raise RuntimeError(f"valgrind gave no instruction count: {done.stderr[-500:]}")


def sample(dense: Path, dest: Path, reports: int) -> Path:
    """A folder with the first ``reports`` dense reports (valgrind runs programs ~50 times slower)."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in sorted(dense.glob("*.txt"))[:reports]:
        shutil.copyfile(path, dest / path.name)
    return dest


def per_report(lint: list[str], scan: list[str], folder: Path, one: Path, env: dict[str, str], cwd: str,
               scan_env: dict[str, str]) -> tuple[float, float]:
    """(instructions a report beyond start-up, the same against the bare scan's a report beyond its start-up)
    for one build: what the pipeline costs a report, start-up (the interpreter, imports) left out of both."""
    reports = len(list(folder.glob("*.txt")))
    subprocess.run([*lint, str(one)], capture_output=True, env=env, cwd=cwd)  # writes the bytecode cache
    started = count([*lint, str(one), "--format", "concise"], env, cwd)
    whole = count([*lint, str(folder), "--format", "concise", "--jobs", "1"], env, cwd)
    empty = folder / "empty"
    empty.mkdir(exist_ok=True)
    bare = count([*scan, str(folder)], scan_env, os.getcwd()) - count([*scan, str(empty)], scan_env, os.getcwd())
    per_report = (whole - started) / reports
    return per_report, per_report / (bare / reports)
