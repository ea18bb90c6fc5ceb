"""Drawing pages in worker processes while MkDocs writes the ones already drawn.

The build's costliest step is drawing the resolution and comparison pages (Jinja, word diffs);
MkDocs itself runs on one core. A ``DrawingPool`` forks workers when MkDocs asks for the first
page (they share the linked corpus, copy-on-write, so nothing is pickled but page paths and
drawn pages; and what this process made till then: front matter, index pages), keeps a bounded
window of pages in flight in the order MkDocs will ask for them, and hands each body over when
MkDocs writes that page: no page is held longer than it takes to write it. Every
``GENERATION`` pages fresh workers are forked, so that none ends up with a copy of the whole
collection (reading an object writes its reference count): memory stays flat whatever the size
of the collection.

The standard library's process pool is enough here: the work is a list of page paths and the
results are strings; ``fork`` (Linux) is what makes sharing the linked corpus free.
``concurrent.futures`` rather than ``multiprocessing.Pool`` because a worker that dies breaks
its pool loudly instead of leaving its page waiting forever: the pages left are then drawn in
this process. Where fork is not available, or with one core, every page is drawn here as it is
asked for, with the same output.
"""

from __future__ import annotations

import gc
from collections import deque
from collections.abc import Callable, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from itertools import islice
from pathlib import Path

from .errors import Problem
from .forking import fork_workers, forked
from .guard import failure
from .render import Drawn, SiteRenderer

WINDOW = 32  # pages drawn ahead of the one MkDocs writes, enough to keep the workers busy:
# every drawn page waiting is held here (about 35 KB each)
BATCH = 4  # consecutive pages drawn by one task: a task costs this process about half a
# millisecond to hand over (its future, the executor's threads, a pipe), as much as a tenth of
# drawing a page; four pages a task is a quarter of that, and the window stays full
GENERATION = 128  # pages given to one set of workers; then fresh ones are forked (see _renew).
# Fewer, and the forks cost time; more, and each worker keeps more of what it copied. At
# 1,000 resolutions the build's peak was 256 MiB with 256 and 512 (and workers forked before
# MkDocs read the pages), 185 MiB with these, in the same time.

_renderer: SiteRenderer | None = None  # the renderer the forked workers inherit
_out_dir: Path | None = None


def _draw(srcs: tuple[str, ...]) -> list[Drawn]:
    """In a worker: draw each of ``srcs`` and write the files beside it; only the bodies
    travel back."""
    return [_draw_one(src) for src in srcs]


def _draw_one(src: str) -> Drawn:
    assert _renderer is not None
    drawn = _renderer.draw(src)
    if _out_dir is None or not drawn.files:
        return drawn
    write_files(_out_dir, drawn.files)
    return Drawn(drawn.body, {}, drawn.problems)


def _aside(files_of: Callable[[SiteRenderer], dict[str, str]]) -> None:
    """In a worker: write the files ``files_of`` makes of the collection."""
    assert _renderer is not None and _out_dir is not None
    write_files(_out_dir, files_of(_renderer))


def write_files(out_dir: Path, files: dict[str, str]) -> None:
    """Each of ``files`` (site path -> text) written into the site folder ``out_dir``."""
    for path, content in files.items():
        target = out_dir / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(content, encoding="utf-8")


class DrawingPool:
    """Draws ``pages`` (site paths, in the order they will be asked for) ahead of time.

    ``take(src)`` gives the body of ``src`` (None if it could not be drawn at all) and its
    problems; the files beside it are already written into ``out_dir``. Pages asked for out of
    order are still given, drawn ahead or in this process."""

    def __init__(self, renderer: SiteRenderer, pages: Sequence[str], out_dir: Path,
                 workers: int | None = None) -> None:
        self.renderer, self.out_dir = renderer, out_dir
        self.queue = deque(pages)
        self.flying: dict[str, tuple[Future, int]] = {}  # page -> its task, its place in it
        self.problems: list[Problem] = []  # the pool's own, should a worker die
        self.aside: list[tuple[str, Callable[[SiteRenderer], dict[str, str]], Future]] = []
        self.workers = workers
        # No worker is forked before the first page is asked for: by then this process has
        # made the front matter and the index pages, and the workers share what it made
        # instead of keeping the memory it wrote to meanwhile (see _renew).
        self.pool: ProcessPoolExecutor | None = None
        self.forking = True  # False once the workers are stopped for good
        self.given = 0  # pages given to the workers of now

    def write_aside(self, files_of: Callable[[SiteRenderer], dict[str, str]], what: str
                    ) -> None:
        """Have the files ``files_of`` makes of the collection written into ``out_dir``
        meanwhile (by a worker; here, now, without one). ``files_of`` is a function of its
        module (it travels by name); should it fail, a problem says so when the pool is
        closed."""
        if self.pool is None and self.forking:
            self._renew()  # the job starts now, ahead of the pages
        if self.pool is None:
            self._aside_here(files_of, what)
            return
        task = self._submit(_aside, files_of)
        if task is None:
            self._aside_here(files_of, what)
        else:
            self.aside.append((what, files_of, task))

    def _aside_here(self, files_of: Callable[[SiteRenderer], dict[str, str]], what: str
                    ) -> None:
        """The files ``files_of`` makes written here, now; a failure is one problem."""
        try:
            write_files(self.out_dir, files_of(self.renderer))
        except Exception as error:  # reported; every page is still written
            self.problems.append(failure(error, what, "written"))

    def take(self, src: str) -> tuple[str | None, tuple[Problem, ...]]:
        self._fill()  # the first time, the workers are forked and given the first pages
        drawn = self._result(src)
        self._fill()
        return drawn.body, drawn.problems

    def close(self) -> None:
        """Wait for the files written aside, then stop the workers (the pages not yet
        taken are not drawn)."""
        global _renderer, _out_dir
        for what, files_of, waiting in self.aside:
            try:
                waiting.result()
            except BrokenProcessPool as error:  # a worker died before writing them
                if self.forking:  # not said yet
                    self._broken(error)
                self._aside_here(files_of, what)
            except Exception as error:  # reported; every page is still written
                self.problems.append(failure(error, what, "written"))
        self.aside = []
        self._stop_workers()
        gc.unfreeze()
        _renderer = _out_dir = None

    def _stop_workers(self) -> None:
        """No worker from now on: the pages left are drawn here."""
        self.forking = False
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None

    def _result(self, src: str) -> Drawn:
        waiting = self.flying.pop(src, None)
        if waiting is None:
            if src in self.queue:
                self.queue.remove(src)
            return self._here(src)
        task, place = waiting
        try:
            return task.result()[place]
        except Exception as error:  # a worker died: this process draws the rest, and says so
            self._broken(error)
            return self._here(src)

    def _here(self, src: str) -> Drawn:
        drawn = self.renderer.draw(src)
        write_files(self.out_dir, drawn.files)
        return drawn

    def _broken(self, error: Exception) -> None:
        self.problems.append(failure(error, "(the drawing workers)", "kept going; the "
                                     "pages left were drawn by the main process"))
        self.queue.extendleft(reversed(list(self.flying)))
        self.flying.clear()
        # Only the workers stop: what this process holds stays frozen till close (the
        # plugin froze it for the whole build), and the files written aside are waited for
        # there.
        self._stop_workers()

    def _fill(self) -> None:
        while self.forking and self.queue and len(self.flying) + BATCH <= WINDOW:
            if self.pool is None or self.given == GENERATION:
                self._renew()
            if self.pool is None:
                return
            count = min(BATCH, GENERATION - self.given, len(self.queue))
            srcs = tuple(islice(self.queue, count))
            task = self._submit(_draw, srcs)
            if task is None:
                return  # the pages stay queued, drawn here
            for _ in srcs:
                self.queue.popleft()
            for place, src in enumerate(srcs):
                self.flying[src] = (task, place)
            self.given += len(srcs)

    def _submit(self, function: Callable, *args: object) -> Future | None:
        """``function(*args)`` handed to a worker; None should a worker have died since the
        last task (the pool then refuses any: this process carries on, see ``_broken``)."""
        assert self.pool is not None
        try:
            return self.pool.submit(function, *args)
        except BrokenProcessPool as error:
            self._broken(error)
            return None

    def _renew(self) -> None:
        """Fresh workers for the pages to come. A forked worker shares this process's memory
        until it writes to it, and reading an object writes its reference count: a worker
        that drew every page would end up with a copy of most of the collection (at 5,000
        resolutions each grew by over 200 MiB). One that draws ``GENERATION`` pages, in
        order, reads about their part of it (and their counterparts, mostly near in time).
        The workers finish the pages given to them (kept until taken) and exit; the new ones
        are forked once they have, when this process runs no other thread. Should this
        process run other threads then, it draws the pages left itself."""
        if self.pool is not None:
            self.pool.shutdown(wait=True)
        self.pool = _start(self.renderer, self.out_dir, self.workers)
        self.forking = self.pool is not None
        self.given = 0


def _start(renderer: SiteRenderer, out_dir: Path, workers: int | None
           ) -> ProcessPoolExecutor | None:
    """Worker processes forked from now on, sharing ``renderer``; None when
    ``fork_workers`` says to draw here."""
    global _renderer, _out_dir
    count = fork_workers(workers)
    if not count:
        return None
    _renderer, _out_dir = renderer, out_dir
    renderer.compile_templates()
    # The linked corpus lives as long as the build: out of the collector's reach, its pages of
    # memory stay shared with the workers instead of being copied as a collection walks them.
    gc.freeze()
    return forked(count)
