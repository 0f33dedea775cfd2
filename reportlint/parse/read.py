"""Read bytes and decode them, never modifying the input.

Detects UTF-8 (with or without BOM), UTF-16 (with BOM, or without one when the NUL pattern is
unmistakable), GB18030/GBK and Big5 (told from GB18030 by how Chinese the text reads: ``charset``). Input that cannot be used raises ``InputProblem`` carrying an RL0xx
code and a plain message; the caller turns it into a finding.
"""

from __future__ import annotations

import codecs
import os
import re
import stat
from dataclasses import dataclass
from typing import BinaryIO

DEFAULT_MAX_BYTES = 16 * 1024 * 1024


@dataclass(frozen=True)
class InputProblem(Exception):
    code: str
    message_zh: str
    message_en: str

    # (a frozen dataclass exception does not unpickle by default: --jobs workers need it)
    def __reduce__(self) -> tuple[type[InputProblem], tuple[str, str, str]]:
        return InputProblem, (self.code, self.message_zh, self.message_en)

    def __str__(self) -> str:  # pragma: no cover - for debugging
        return f"{self.code}: {self.message_en}"


def _too_large(max_bytes: int) -> InputProblem:
    return InputProblem(
        "RL006",
        f"文件超过上限 {max_bytes} 字节（--max-bytes），未检查",
        f"file is over the limit of {max_bytes} bytes (--max-bytes); not checked",
    )


def read_limited(handle: BinaryIO, max_bytes: int) -> bytes:
    """Read at most ``max_bytes`` from a binary file object; RL006 as soon as there is more (the limit is
    enforced while reading, so a file that grows, or lies about its size, cannot exhaust memory)."""
    chunks: list[bytes] = []
    total = 0
    while True:
        chunk = handle.read(min(1 << 20, max_bytes + 1 - total))
        if not chunk:
            return b"".join(chunks)
        chunks.append(chunk)
        total += len(chunk)
        if total > max_bytes:
            raise _too_large(max_bytes)


def open_regular(path: str) -> BinaryIO:
    """Open ``path`` for reading if it is a regular file (symlinks followed), without ever blocking: a FIFO,
    a device (/dev/zero) or a socket raises InputProblem RL001 instead of hanging or reading forever."""
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_BINARY", 0))
    try:
        mode = os.fstat(fd).st_mode
        if stat.S_ISDIR(mode):
            raise IsADirectoryError(path)
        if not stat.S_ISREG(mode):
            raise InputProblem("RL001", "不是普通文件（设备、管道或套接字），未读取",
                               "not a regular file (a device, FIFO or socket); not read")
        if hasattr(os, "set_blocking"):
            os.set_blocking(fd, True)
    except BaseException:
        os.close(fd)
        raise
    return os.fdopen(fd, "rb")


def read_path(path: str, max_bytes: int = DEFAULT_MAX_BYTES) -> bytes:
    """Read a regular file's bytes, at most ``max_bytes`` (opened read-only; nothing is ever written back).
    A path that a directory walk already judged (``reportlint.walk.Skipped``) raises its problem unread."""
    skipped = getattr(path, "problem", None)
    if isinstance(skipped, InputProblem):
        raise skipped
    try:
        with open_regular(path) as handle:
            return read_limited(handle, max_bytes)
    except InputProblem:
        raise
    except IsADirectoryError:
        raise InputProblem("RL001", "这是一个目录，不是文件", "is a directory, not a file") from None
    except PermissionError:
        raise InputProblem("RL001", "没有读取权限", "permission denied") from None
    except OSError as exc:
        raise InputProblem("RL001", f"无法读取文件：{exc.strerror}", f"cannot read the file: {exc.strerror}") from None


def _looks_like_utf16(data: bytes) -> str | None:
    """UTF-16 without a BOM: Chinese/ASCII text has NULs in one byte lane only."""
    sample = data[:65536]
    if len(sample) < 4 or len(data) % 2:
        return None
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    # UTF-8 and GB18030 text never holds NUL bytes; ASCII (digits, newlines) in UTF-16 puts them in one lane
    for encoding, lane, other in (("utf-16-le", odd_nul, even_nul), ("utf-16-be", even_nul, odd_nul)):
        if lane >= 2 and lane > 10 * other:  # (CJK characters like 一 U+4E00 put a few NULs in the other lane)
            try:
                data.decode(encoding)
            except UnicodeDecodeError:
                continue
            return encoding
    return None


_CONTROL = re.compile("[\x00-\x08\x0e-\x1f]")


def _control_ratio(text: str) -> float:
    sample = text[:20000]
    if not sample:
        return 0.0
    return len(_CONTROL.findall(sample)) / len(sample)


def decode(data: bytes) -> tuple[str, str]:
    """Return (text, encoding name). Raises InputProblem for empty, binary or undecodable input."""
    if not data.strip(b" \t\r\n\x00") and not data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        raise InputProblem("RL003", "文件为空", "the file is empty")
    text: str | None = None
    encoding = ""
    if data.startswith(codecs.BOM_UTF8):
        encoding = "utf-8-sig"
    elif data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        encoding = "utf-16"
    else:
        encoding = _looks_like_utf16(data) or ""
    if encoding:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputProblem(
                "RL004", f"无法按 {encoding} 解码", f"cannot be decoded as {encoding}"
            ) from None
    else:
        if b"\x00" in data:
            raise InputProblem("RL002", "文件含有 NUL 字节，是二进制文件而不是文本", "the file contains NUL bytes: binary, not text")
        for candidate in ("utf-8", "gb18030"):
            try:
                text = data.decode(candidate)
                encoding = candidate
                break
            except UnicodeDecodeError:
                continue
        if text is None:
            raise InputProblem(
                "RL004",
                "无法解码：既不是 UTF-8，也不是 GB18030/GBK，也不是 UTF-16",
                "cannot be decoded: not UTF-8, GB18030/GBK or UTF-16",
            )
        if encoding == "gb18030":
            text, encoding = _gb18030_or_big5(data, text)
    if "\x00" in text or _control_ratio(text) > 0.05:
        raise InputProblem("RL002", "文件含有大量控制字符，不是文本", "the file is full of control characters: not text")
    if not text.strip():
        raise InputProblem("RL003", "文件为空（只有空白）", "the file is empty (whitespace only)")
    return text, encoding


def _gb18030_or_big5(data: bytes, text: str) -> tuple[str, str]:
    """A text that decoded as GB18030: kept, read as Big5 when that reads as Chinese and GB18030 does not, or
    RL005 when neither reads as Chinese (garbage is not checked as if it were a report)."""
    from reportlint.parse.charset import big5_reading, garbled

    big5 = big5_reading(data, text)
    if big5 is not None:
        return big5
    score = garbled(text)
    if score is not None:
        raise InputProblem(
            "RL005",
            f"无法确定编码：按 GB18030 解码后常用汉字只占 {score:.0%}，疑为乱码（Big5 也读不通）；请另存为 UTF-8 后再检查",
            f"encoding uncertain: decoded as GB18030 only {score:.0%} of the characters are common Chinese ones "
            "(garbled; Big5 does not read either); save the file as UTF-8",
        )
    return text, "gb18030"


_LINE_BREAK = re.compile(r"\r\n|\r|\n")


def split_lines(text: str) -> list[str]:
    """Split on LF, CRLF and a CR alone (old Mac and Word "CR only" exports): lines as an editor numbers them."""
    lines = text.split("\n") if "\r" not in text else _LINE_BREAK.split(text)  # (the same when there is no CR)
    if lines and lines[-1] == "":
        lines.pop()
    return lines
