"""Write output files safely.

* ``-`` is standard output.
* A symlink is resolved: its target is written (and replaced), the link itself is left alone.
* A regular file (or a path that does not exist yet) is written atomically: a temporary file in the
  same folder, then a rename. An existing file keeps its permission bits; a new one gets the usual
  ``0666 & ~umask``.
* Anything else that exists (a device such as ``/dev/null``, a FIFO, a socket) is written straight
  through: a rename would replace the device node by a regular file.

Errors are raised as ``OSError`` naming the path the user gave, never the temporary file.
"""

from __future__ import annotations

import os
import stat
import sys
import tempfile


def write_atomic(path: str, content: str) -> None:
    """Write ``content`` (UTF-8) to ``path`` as described in the module docstring."""
    if path == "-":
        sys.stdout.write(content)
        sys.stdout.flush()
        return
    target = os.path.realpath(path)
    try:
        info = os.stat(target)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise OSError(exc.errno, f"{exc.strerror}: {path}") from None
    if info is not None and not stat.S_ISREG(info.st_mode):
        if stat.S_ISDIR(info.st_mode):
            raise IsADirectoryError(21, f"is a directory: {path}")
        _write_through(target, path, content)
        return
    mode = stat.S_IMODE(info.st_mode) if info is not None else _default_mode()
    _replace(target, path, content, mode)


def _default_mode() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _write_through(target: str, shown: str, content: str) -> None:
    """Write to a device, FIFO or socket in place (no temporary file, no rename)."""
    try:
        with open(target, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            handle.write(content)
    except OSError as exc:
        raise OSError(exc.errno, f"{exc.strerror}: {shown}") from None


def _replace(target: str, shown: str, content: str, mode: int) -> None:
    """Write a temporary file beside ``target``, give it ``mode`` and rename it over ``target``."""
    folder = os.path.dirname(target)
    try:
        fd, tmp = tempfile.mkstemp(prefix=".reportlint-", dir=folder)
    except OSError as exc:
        raise OSError(exc.errno, f"{exc.strerror}: {shown}") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", errors="backslashreplace", newline="") as handle:
            handle.write(content)
        os.chmod(tmp, mode)  # an ordinary file (or the old file's bits), not mkstemp's private 0600
        os.replace(tmp, target)
    except BaseException as exc:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(exc, OSError):
            raise OSError(exc.errno, f"{exc.strerror}: {shown}") from None
        raise
