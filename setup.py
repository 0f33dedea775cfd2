"""The optional compiled build. ``REPORTLINT_MYPYC=1 pip install .`` compiles ``reportlint/parse``,
``reportlint/checks`` and ``reportlint/document.py`` with mypyc (the build backend in ``_build/`` adds mypy to
the build requirements then); without the variable the package is pure Python, the default and the fallback.
Everything else about the package is in ``pyproject.toml``."""

from __future__ import annotations

import os
from pathlib import Path

from setuptools import setup

ROOT = Path(__file__).resolve().parent
COMPILED_PACKAGES = ("reportlint/parse", "reportlint/checks")
COMPILED_FILES = ("reportlint/document.py",)
# left pure: reading and decoding the bytes is not where the time goes, and its InputProblem (an exception that
# is a frozen dataclass) cannot be a mypyc native class
NOT_COMPILED = ("reportlint/parse/read.py",)


def compiled_modules() -> list[str]:
    """The source files mypyc compiles, relative to the project root."""
    files = [p.relative_to(ROOT).as_posix() for pkg in COMPILED_PACKAGES for p in (ROOT / pkg).glob("*.py")]
    return sorted(f for f in files if f not in NOT_COMPILED) + list(COMPILED_FILES)


def ext_modules() -> list:
    if os.environ.get("REPORTLINT_MYPYC", "") != "1":
        return []
    from mypyc.build import mypycify

    os.chdir(ROOT)  # mypycify names modules by their paths
    return mypycify(compiled_modules(), opt_level=os.environ.get("REPORTLINT_MYPYC_OPT_LEVEL", "3"))


setup(ext_modules=ext_modules())
