"""The build backend: setuptools' own, with mypy (for mypyc) added to the build requirements when the
optional compiled build is asked for with ``REPORTLINT_MYPYC=1`` (see ``setup.py``). Without the variable
it is exactly ``setuptools.build_meta``: the pure-Python package is the default."""

from __future__ import annotations

import os

from setuptools import build_meta as _setuptools
from setuptools.build_meta import *  # noqa: F401,F403 - every hook setuptools defines

# mypyc is part of mypy; mypy needs the regex stubs to type-check what it compiles. The same bounds as
# the [typecheck] extra in pyproject.toml (tests/test_packaging.py checks that they agree).
MYPYC_REQUIRES = ["mypy>=1.18,<3", "types-regex>=2024.5,<2028"]


def _compiled() -> bool:
    return os.environ.get("REPORTLINT_MYPYC", "") == "1"


def _requires(hook, config_settings) -> list[str]:
    """setuptools' requirements (it runs setup.py to learn them: with the variable unset, so that setup.py does
    not reach for mypyc before it is installed), and mypy's when the compiled build is asked for."""
    compiled = _compiled()
    saved = os.environ.pop("REPORTLINT_MYPYC", None)
    try:
        requires = list(hook(config_settings))
    finally:
        if saved is not None:
            os.environ["REPORTLINT_MYPYC"] = saved
    return requires + (MYPYC_REQUIRES if compiled else [])


def get_requires_for_build_wheel(config_settings=None):
    return _requires(_setuptools.get_requires_for_build_wheel, config_settings)


def get_requires_for_build_editable(config_settings=None):
    return _requires(_setuptools.get_requires_for_build_editable, config_settings)
