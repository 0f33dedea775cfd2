import os
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("REPORTLINT_SHARED", ROOT.parent / "shared"))
CORPUS = SHARED / "corpus"


def corpus_file(*parts: str) -> Path:
    path = CORPUS.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"shared corpus not available: {path}")
    return path


@pytest.fixture
def lint():
    """Lint a text and return its findings."""
    from reportlint.lint import lint_text

    def run(text: str, path: str = "t.txt"):
        return lint_text(text, path).findings

    return run


@pytest.fixture
def parse():
    from reportlint.parse import parse_text

    return lambda text: parse_text(text, "t.txt")
