"""Work shared by forked processes: when it is safe to fork, and the pool to fork.

``fork`` lets worker processes share what this process holds (a parsed and linked corpus)
without pickling it; it is only safe in a process with no other threads.
"""

from __future__ import annotations

import gc
import multiprocessing
import os
import sys
import threading
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TypeVar

T = TypeVar("T")
R = TypeVar("R")


def fork_workers(workers: int | None = None) -> int:
    """How many worker processes to fork: one per core, or 0 (work here) with one core, where
    fork is not available, or when this process runs other threads (``mkdocs serve``'s
    server: a child forked then could inherit a lock held by one of them and wait forever)."""
    count = workers if workers is not None else (os.cpu_count() or 1)
    if count < 2 or "fork" not in multiprocessing.get_all_start_methods():
        return 0
    return count if threading.active_count() == 1 else 0


def forked(count: int) -> ProcessPoolExecutor:
    """A pool of ``count`` processes forked from this one (what it holds, they share; see
    ``_inherited_frozen``)."""
    return ProcessPoolExecutor(count, mp_context=multiprocessing.get_context("fork"),
                               initializer=_inherited_frozen)


def _inherited_frozen() -> None:
    """In a forked process, first thing: what it inherited is put out of its cyclic
    collector's reach. A collection walks every object it tracks and writes to each, so one
    full collection would copy every page of memory the process shares with the build (10
    MiB more for each forked job at 1,000 resolutions); its own objects are still collected."""
    gc.freeze()


PARALLEL_FROM = 64  # items; fewer are done faster here than a pool starts
_mapped: tuple[Callable, Sequence] | None = None  # what forked mappers inherit


class _Failed:
    """A worker's answer for an item it failed on (a class: it travels back by pickle)."""


def forked_map(function: Callable[[T], R], items: Sequence[T]) -> Iterator[R]:
    """``function(item)`` for each of ``items``, in order, worked out ahead by processes
    forked now (they inherit ``items``: only positions travel to them, only answers back)
    while the caller takes each answer in turn; here, one by one, when ``fork_workers``
    says to work here or there are fewer than ``PARALLEL_FROM``. An item a worker fails on
    is done again here, so that it fails (or is handled) as it would without workers."""
    global _mapped
    workers = fork_workers() if len(items) >= PARALLEL_FROM else 0
    if not workers:
        yield from map(function, items)
        return
    _mapped = (function, items)
    try:
        with forked(workers) as pool:
            chunk = max(1, min(32, len(items) // (8 * workers)))
            for item, answer in zip(items, pool.map(_map_at, range(len(items)),
                                                     chunksize=chunk), strict=True):
                yield function(item) if isinstance(answer, _Failed) else answer
    finally:
        _mapped = None


def _map_at(index: int):
    assert _mapped is not None
    function, items = _mapped
    try:
        return function(items[index])
    except Exception:  # done again by the caller
        return _Failed()


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
    _inherited_frozen()
    function, args = _job
    # A job works beside the build's own course, which waits for nobody: it gives way, so that
    # on a machine with fewer free cores than processes the main one is never slowed.
    os.nice(JOB_NICENESS)
    try:
        function(*args)
    except Exception:  # the parent sees the exit code, says so and does the work itself
        sys.exit(1)
