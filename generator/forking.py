"""Work shared by forked processes: when it is safe to fork, and the pool to fork.

``fork`` lets worker processes share what this process holds (a parsed and linked corpus)
without pickling it; it is only safe in a process with no other threads.
"""

from __future__ import annotations

import multiprocessing
import os
import sys
import threading
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor


def fork_workers(workers: int | None = None) -> int:
    """How many worker processes to fork: one per core, or 0 (work here) with one core, where
    fork is not available, or when this process runs other threads (``mkdocs serve``'s
    server: a child forked then could inherit a lock held by one of them and wait forever)."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return count if threading.active_count() == 1 else 0


def forked(count: int) -> ProcessPoolExecutor:
    """A pool of ``count`` processes forked from this one (what it holds, they share)."""
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"))


_job: tuple[Callable[..., None], tuple] | None = None  # what a forked process runs
JOB_NICENESS = 10  # how much lower a job's scheduling priority is than the build's


def fork_job(function: Callable[..., None], *args: object) -> multiprocessing.Process | None:
    """``function(*args)`` in one process forked now (it shares what this one holds, and no
    thread is left behind here, so more can be forked later); None when
    ``fork_workers`` says to work here. The process exits 1 should ``function`` fail."""
    global _job
    if not fork_workers():
        return None
    _job = (function, args)
    try:
        process = multiprocessing.get_context("fork").Process(target=_run_job, daemon=True)
        process.start()
    finally:
        _job = None
    return process


def _run_job() -> None:
    assert _job is not None
    function, args = _job
    # A job works beside the build's own course, which waits for nobody: it gives way, so that
    # on a machine with fewer free cores than processes the main one is never slowed.
    os.nice(JOB_NICENESS)
    try:
        function(*args)
    except Exception:  # the parent sees the exit code, says so and does the work itself
        sys.exit(1)
