"""Rule documentation when the compiled build dropped it.

A rule's docstring is its user documentation (``reportlint rule CODE``, the rules listing, SARIF and HTML
descriptions). mypyc does not keep docstrings on the functions it compiles (``__doc__`` is None), so for a
compiled rule the docstring is read, when first asked for, from the rule module's source file, which the
package ships beside the compiled module. Pure Python never comes here.
"""

from __future__ import annotations

import ast
import importlib.util
from functools import lru_cache
from pathlib import Path
from typing import Any


def docstring_of(func: Any) -> str:
    """``func``'s docstring, from ``__doc__`` or else from its module's source ("" when neither has one)."""
    if func.__doc__:
        return str(func.__doc__)
    return _module_docstrings(func.__module__).get(func.__name__, "")


@lru_cache(maxsize=None)
def _module_docstrings(module: str) -> dict[str, str]:
    """Top-level function name → its docstring as written (uncleaned, as ``__doc__`` would hold it)."""
    spec = importlib.util.find_spec(module)
    if spec is None or spec.origin is None:
        return {}
    source = Path(spec.origin).with_name(module.rsplit(".", 1)[-1] + ".py")
    if not source.is_file():
        return {}
    tree = ast.parse(source.read_text(encoding="utf-8"))
    return {node.name: ast.get_docstring(node, clean=False) or "" for node in tree.body
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
