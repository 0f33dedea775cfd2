"""Command-line guards: what the commands check before doing any work (an output that is an input, a run
that would check nothing, a typo in a rule code or a subcommand, a missing optional dependency), each
ending in one line on stderr and exit 2."""

from __future__ import annotations

import errno
import io
import os
import sys

import click

EXIT_USAGE = 2


def refuse_command_typo(word: str, commands: list[str]) -> None:
    """``reportlint rulez``: not a file, but close to a command name: say so (exit 2) instead of "no such file"."""
    import difflib

    if word.startswith("-") or os.path.exists(word):
        return
    close = difflib.get_close_matches(word, commands, n=2, cutoff=0.6)
    if close:
        options = " or ".join(f"`reportlint {c}`" for c in close)
        click.echo(f"reportlint: no such command or file {word!r} (did you mean {options}?)", err=True)
        sys.exit(EXIT_USAGE)


def need(module: str, extra: str, what: str) -> None:
    """Exit 2 with one line naming the extra to install when an optional dependency is missing."""
    try:
        __import__(module)
    except ImportError:
        click.echo(f"reportlint: {what} needs {module}, which is not installed: pip install 'reportlint[{extra}]'",
                   err=True)
        sys.exit(EXIT_USAGE)


class ClosedStdout(io.TextIOBase):
    """Stands in for a standard output that was closed when the process started (``reportlint r.txt >&-``):
    writing to it raises EBADF, which the command line turns into one line on stderr and exit 2, instead of
    Python's silent ``sys.stdout = None`` (the report lost, exit 0) or a traceback. Nothing to write (a clean
    run) is no error."""

    def writable(self) -> bool:
        return True

    def write(self, text: str) -> int:
        if not text:
            return 0
        raise OSError(errno.EBADF, "standard output is closed")

    def isatty(self) -> bool:
        return False

    def fileno(self) -> int:
        return 1


def guard_closed_stdout() -> None:
    """When standard output is closed, hold file descriptor 1 with /dev/null (so that no file this run opens
    can land on it and be written by mistake) and put a ClosedStdout in sys.stdout."""
    if sys.stdout is not None:
        return
    try:
        fd = os.open(os.devnull, os.O_WRONLY)
        if fd != 1:
            os.dup2(fd, 1)
            os.close(fd)
    except OSError:
        pass
    sys.stdout = ClosedStdout()


def silence_stdout():
    """Point stdout at /dev/null so that the interpreter's last flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def resolve_selection(config, select, ignore):
    """--select/--ignore (else the configuration's) as comma-joined code prefixes; the configuration's
    per-file-ignores and severity keys resolved in place. A code, prefix or name that matches no rule is
    exit 2 with a suggestion: a typo must not run nothing and pass."""
    from reportlint.selection import SelectionError, resolve, split_tokens

    where = config.path or "configuration"
    try:
        chosen = resolve(split_tokens(select), "--select") if select is not None else resolve(config.select, f"{where}: select")
        skipped = resolve(split_tokens(ignore), "--ignore") if ignore is not None else resolve(config.ignore, f"{where}: ignore")
        config.per_file_ignores = {glob: resolve(codes, f"{where}: per-file-ignores.{glob}")
                                   for glob, codes in config.per_file_ignores.items()}
        config.severity = {resolve([code], f"{where}: severity", prefixes=False)[0]: level
                           for code, level in config.severity.items()}
    except SelectionError as exc:
        click.echo(f"reportlint: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    return ",".join(chosen), ",".join(skipped)


def expand(paths, outputs, include_ext: str = "", follow_links: bool = False):
    """The files to check (directories expanded to every supported type, or to ``include_ext`` — "pdf,docx" —,
    the run's own outputs left out, links leaving a folder followed only with ``follow_links``); exit 2 on a
    missing path and when there is nothing to check."""
    from reportlint.lint import PathError, expand_paths

    extensions = tuple("." + e.strip().lower().lstrip(".") for e in (include_ext or "").split(",") if e.strip()) or None
    try:
        files = expand_paths(list(paths), tuple(o for o in outputs if o), extensions, follow_links)
    except PathError as exc:
        click.echo(f"reportlint: 路径不存在 / no such file or directory: {exc}", err=True)
        sys.exit(EXIT_USAGE)
    if not files:  # a gate that checks nothing must not pass
        click.echo("reportlint: 没有可检查的报告 / no report to check "
                   f"(no .txt, .docx, .pdf, .xlsx, .html or .htm in {', '.join(paths)}; see --include-ext)", err=True)
        sys.exit(EXIT_USAGE)
    return files


def refuse_overwrites(inputs, outputs):
    """Exit 2, before anything is read, when an output is the same file as an input (through symlinks too)."""
    from reportlint.guard import conflicts

    pairs = conflicts([i for i in inputs if i], [o for o in outputs if o])
    if pairs:
        out, given = pairs[0]
        click.echo(f"reportlint: 输出文件就是输入文件，拒绝覆盖 / refusing to overwrite an input: "
                   f"output {out!r} is the same file as input {given!r}", err=True)
        sys.exit(EXIT_USAGE)
