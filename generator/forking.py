"""Work shared by forked processes: when it is safe to fork, and the pool to fork.

``fork`` lets worker processes share what this process holds (a parsed and linked corpus)
without pickling it; it is only safe in a process with no other threads.
"""

from __future__ import annotations

import multiprocessing
import os
import threading
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
