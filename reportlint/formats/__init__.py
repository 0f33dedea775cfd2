"""Readers of structured report formats (.docx, .pdf, .xlsx, .html/.htm), each → a ``TextView``: the text the
parser reads (paragraphs as lines, tables as tab-cell dumps) with a human location for every line.

Each reader imports its library inside the function, so ``reportlint FILE.txt`` never loads them."""

from __future__ import annotations

import os

from reportlint.formats.view import Note, TextView
from reportlint.parse.read import InputProblem

READERS = {".docx": "docx", ".pdf": "pdf", ".xlsx": "xlsx", ".xlsm": "xlsx", ".html": "html", ".htm": "html"}
SUPPORTED_EXTENSIONS = (".txt",) + tuple(READERS)

__all__ = ["READERS", "SUPPORTED_EXTENSIONS", "Note", "TextView", "extract", "format_of"]


def format_of(path: str) -> str | None:
    """The structured format a path names by its extension ("pdf", …), or None for text."""
    return READERS.get(os.path.splitext(path)[1].lower())


def extract(path: str) -> TextView:
    """The text view of a structured document; raises InputProblem (RL0xx) when it cannot be read, never
    another exception."""
    kind = format_of(path)
    if kind is None:
        raise ValueError(f"not a structured format: {path}")
    try:
        if kind == "docx":
            from reportlint.formats.docx import read_docx as reader
        elif kind == "pdf":
            from reportlint.formats.pdf import read_pdf as reader
        elif kind == "xlsx":
            from reportlint.formats.xlsx import read_xlsx as reader
        else:
            from reportlint.formats.html import read_html as reader
    except ImportError as exc:
        raise InputProblem("RL025", f"缺少读取 {kind} 文件所需的库（{exc.name}）：pip install reportlint 会安装它",
                           f"the library to read {kind} files is missing ({exc.name}): reinstall reportlint") from None
    try:
        view = reader(path)
    except InputProblem:
        raise
    except MemoryError:
        raise InputProblem("RL023", "文件过大或过于复杂，读取时内存不足，未检查",
                           "the file is too large or complex to read (out of memory); not checked") from None
    except RecursionError:
        raise InputProblem("RL023", "文件嵌套过深，未检查", "the file is nested too deeply; not checked") from None
    except OSError as exc:
        raise InputProblem("RL001", f"无法读取文件：{exc.strerror or exc}", f"cannot read the file: {exc}") from None
    except Exception as exc:  # a library's own error on a malformed file
        raise InputProblem("RL022", f"文件已损坏或格式不符，无法读取（{type(exc).__name__}）",
                           f"the file is damaged or malformed ({type(exc).__name__}: {exc})") from None
    if not any(line.strip() for line in view.lines):
        raise InputProblem("RL003", "文件中没有文字", "the file holds no text")
    return view
