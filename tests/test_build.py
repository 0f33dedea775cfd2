"""The optional compiled build (mypyc): opt-in, the same modules mypy keeps strict, the same bounds everywhere."""

from __future__ import annotations

import importlib.util
import subprocess
import sys
from importlib.machinery import EXTENSION_SUFFIXES
from pathlib import Path

import pytest

from reportlint import build_kind

try:
    import tomllib
except ModuleNotFoundError:  # Python 3.10
    import tomli as tomllib

ROOT = Path(__file__).resolve().parents[1]
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))


def _load(name: str, path: Path):
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="module")
def backend():
    return _load("reportlint_build_backend", ROOT / "_build" / "backend.py")


@pytest.fixture(scope="module")
def setup_py(monkeypatch_module):
    import setuptools

    monkeypatch_module.setattr(setuptools, "setup", lambda **kwargs: None)  # read the module, build nothing
    monkeypatch_module.delenv("REPORTLINT_MYPYC", raising=False)
    return _load("reportlint_setup", ROOT / "setup.py")


@pytest.fixture(scope="module")
def monkeypatch_module():
    with pytest.MonkeyPatch.context() as mp:
        yield mp


def test_the_backend_asks_for_mypy_only_when_the_compiled_build_is_asked_for(backend, monkeypatch):
    import os

    seen = []

    def setuptools_hook(config_settings=None):  # setuptools' own (it runs setup.py): the variable must be unset
        seen.append(os.environ.get("REPORTLINT_MYPYC"))
        return ["wheel"]

    monkeypatch.setattr(backend._setuptools, "get_requires_for_build_wheel", setuptools_hook)
    monkeypatch.setattr(backend._setuptools, "get_requires_for_build_editable", setuptools_hook)
    monkeypatch.delenv("REPORTLINT_MYPYC", raising=False)
    assert not [r for r in backend.get_requires_for_build_wheel() if r.startswith("mypy")]
    monkeypatch.setenv("REPORTLINT_MYPYC", "1")
    wheel = backend.get_requires_for_build_wheel()
    assert [r for r in wheel if r.startswith("mypy")] == ["mypy>=1.18,<3"]
    assert set(backend.MYPYC_REQUIRES) <= set(backend.get_requires_for_build_editable())
    assert wheel[0] == "wheel" and seen == [None, None, None] and os.environ["REPORTLINT_MYPYC"] == "1"


def test_the_build_requirements_are_the_typecheck_extra(backend):
    """mypyc compiles what ``mypy`` checks in CI: one mypy, with one set of bounds."""
    assert backend.MYPYC_REQUIRES == PYPROJECT["project"]["optional-dependencies"]["typecheck"]


def test_the_compiled_modules_are_the_ones_mypy_keeps_strict(setup_py):
    modules = setup_py.compiled_modules()
    assert "reportlint/document.py" in modules
    assert "reportlint/parse/facts.py" in modules and "reportlint/checks/sums.py" in modules
    assert not [m for m in modules if not m.endswith(".py") or "/" not in m]
    assert "reportlint/parse/read.py" not in modules  # its exception class cannot be a native class
    checked = PYPROJECT["tool"]["mypy"]["files"]
    assert all(any(m == f or m.startswith(f + "/") for f in checked) for m in modules), checked
    assert PYPROJECT["tool"]["mypy"]["strict"] is True


def test_without_the_variable_setup_builds_no_extension(setup_py):
    assert setup_py.ext_modules() == []


def test_the_version_says_how_the_parser_runs():
    compiled = any((ROOT / "reportlint" / "parse" / f"facts{s}").exists() for s in EXTENSION_SUFFIXES)
    assert build_kind() == ("compiled with mypyc" if compiled else "pure Python")
    out = subprocess.run([sys.executable, "-m", "reportlint", "--version"], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == f"reportlint 0.1.0 ({build_kind()})"


def test_the_parser_really_is_compiled_when_the_build_says_so():
    """In the compiled run of CI (``REPORTLINT_EXPECT_COMPILED=1``), the modules imported are the compiled ones."""
    import os

    import reportlint.checks.sums
    import reportlint.document
    import reportlint.parse.facts

    expected = os.environ.get("REPORTLINT_EXPECT_COMPILED") == "1"
    for module in (reportlint.parse.facts, reportlint.checks.sums, reportlint.document):
        assert module.__file__.endswith(tuple(EXTENSION_SUFFIXES)) == expected, module.__file__


def test_the_document_model_pickles_and_copies_in_either_build():
    """Compiled frozen dataclasses refuse the default restore (attribute by attribute): ``Rebuilt`` calls the class."""
    import copy
    import pickle

    from reportlint.document import Pos, Span
    from reportlint.parse import parse_text

    doc = parse_text((ROOT / "examples" / "defective.txt").read_text(encoding="utf-8"), "defective.txt")
    again = pickle.loads(pickle.dumps(doc))
    assert again == doc and again.figures[0].span == doc.figures[0].span
    assert again.norm_lines[7].text == doc.norm_lines[7].text and again.norm_lines[7].span(0, 2) == doc.norm_lines[7].span(0, 2)
    assert copy.deepcopy(doc.figures[3]) == doc.figures[3] and copy.copy(doc.relations[0]) == doc.relations[0]
    assert pickle.loads(pickle.dumps(Span(Pos(2, 3), Pos(2, 9)))) == Span(Pos(2, 3), Pos(2, 9))
    assert Pos(1, 9) < Pos(2, 1)


@pytest.mark.parametrize("name", ["reportlint.document:Pos", "reportlint.document:Span", "reportlint.document:TablePlace",
                                  "reportlint.document:Figure", "reportlint.document:Cell",
                                  "reportlint.document:Relation", "reportlint.document:Block", "reportlint.parse.drafts:Draft",
                                  "reportlint.parse.normalize:NormText"])
def test_a_spelled_out_init_takes_the_fields_in_order_with_their_defaults(name):
    """The hot classes write out the __init__ the dataclass would make (the compiled build constructs them
    natively then): same parameters, same order, same defaults, every field set."""
    import dataclasses
    import importlib
    import inspect

    module, cls_name = name.split(":")
    cls = getattr(importlib.import_module(module), cls_name)
    if not inspect.isfunction(cls.__init__):
        pytest.skip("compiled: the signature is checked on the pure build")
    params = list(inspect.signature(cls.__init__).parameters.values())[1:]
    fields = dataclasses.fields(cls)
    assert [p.name for p in params] == [f.name for f in fields]
    for p, f in zip(params, fields):
        if f.default is not dataclasses.MISSING:
            assert p.default == f.default, f.name
        elif f.default_factory is not dataclasses.MISSING:
            assert p.default is None, f.name  # None stands for a fresh default_factory() value
        else:
            assert p.default is inspect.Parameter.empty, f.name
    made = cls(*[f"v{i}" for i in range(len([p for p in params if p.default is inspect.Parameter.empty]))])
    assert all(hasattr(made, f.name) for f in fields)
