"""Worker processes for ``--jobs``: how many, and making sure they never outlive the run.

A pool worker must exit when its parent dies, whatever signal ended the parent (a cancelled CI job sends
SIGKILL, which the parent cannot catch to clean up). On Linux the kernel does it: ``prctl(PR_SET_PDEATHSIG,
SIGKILL)`` in the worker. Everywhere (and in case the parent died before the call took effect) a daemon
thread in each worker also checks once a second that its parent is still the process that started it.
"""

from __future__ import annotations

import os
import signal
import sys
import threading

PR_SET_PDEATHSIG = 1
WATCHDOG_SECONDS = 1.0


def worker_count(jobs: int | None, n_files: int) -> int:
    """Workers to start: what was asked (default: every CPU), never more than the files or the CPUs."""
    cpus = available_cpus()
    wanted = jobs if jobs is not None else cpus
    return max(1, min(wanted, n_files, cpus))


def available_cpus() -> int:
    """The CPUs this process may run on (the affinity mask where there is one)."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def die_with_parent(parent_pid: int) -> None:
    """Arrange for this (worker) process to end when the process ``parent_pid`` ends."""
    if sys.platform.startswith("linux"):
        _set_parent_death_signal()
    if os.getppid() != parent_pid:  # the parent died before we got here
        os._exit(1)
    watchdog = threading.Thread(target=_watch_parent, args=(parent_pid,), name="reportlint-watchdog", daemon=True)
    watchdog.start()


def _set_parent_death_signal() -> None:
    """prctl(PR_SET_PDEATHSIG, SIGKILL) through libc; silently nothing when libc cannot be loaded."""
    try:
        import ctypes

        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, int(signal.SIGKILL), 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _watch_parent(parent_pid: int) -> None:
    """Exit the process as soon as its parent is no longer ``parent_pid`` (re-parented after a death)."""
    stop = threading.Event()
    while not stop.wait(WATCHDOG_SECONDS):
        if os.getppid() != parent_pid:
            os._exit(1)
