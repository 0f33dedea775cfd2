"""reportlint: consistency linting for Chinese budget-performance reports."""

__version__ = "0.1.0"


def build_kind() -> str:
    """How this installation runs the parser and the rules: "compiled with mypyc" when ``reportlint/parse`` holds
    the extension modules of the optional compiled build (an extension module is imported in preference to
    the ``.py`` beside it), else "pure Python"."""
    from importlib.machinery import EXTENSION_SUFFIXES
    from pathlib import Path

    parse = Path(__file__).resolve().parent / "parse"
    compiled = any((parse / f"facts{suffix}").exists() for suffix in EXTENSION_SUFFIXES)
    return "compiled with mypyc" if compiled else "pure Python"
