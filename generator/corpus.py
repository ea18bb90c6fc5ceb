"""Collect every source text into a corpus: parse each, keep the good, report the bad.

After ``load_corpus``: every resolution parsed without error is in ``resolutions`` (sorted by
symbol, so output order never depends on file names or the file system); every file that could
not be used is described in ``problems``; no two resolutions share a symbol (a duplicate is a
problem for every file that carries it, and none of them is published, since we could not say
which one is the official text).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass, field
from fnmatch import fnmatch
from pathlib import Path

from .cache import LayoutCache
from .errors import Problem
from .forking import forked_map
from .guard import failure
from .layout import Layout
from .model import Resolution
from .parse import parse, problems_of
from .paths import symbol_key
from .progress import Progress, Report
from .read import TextExport, read_inputs


@dataclass(frozen=True)
class Corpus:
    resolutions: tuple[Resolution, ...]
    problems: tuple[Problem, ...]
    files: dict[str, Path] = field(default_factory=dict)  # symbol -> the file it was read from

    def get(self, symbol: str) -> Resolution | None:
        return next((r for r in self.resolutions if r.symbol == symbol), None)


# Files that describe a folder of sources rather than being one: a corpus's README or its
# index of where each file came from. Everything else is read, whatever its name.
NOT_SOURCES = ("README*", "*.md", "*.tsv", "*.csv", "*.json", "*.yml", "*.yaml")


def source_files(source_dir: Path, ignore: tuple[str, ...] = NOT_SOURCES) -> list[Path]:
    """Every input file below ``source_dir``, in a stable order. A file's name never says
    what it is: each is read by what it holds (a PDF, or a text export). Hidden files
    (``.DS_Store``, editors' swap files) and the ``ignore`` patterns are left out."""
    return sorted(
        p for p in source_dir.rglob("*")
        if p.is_file() and not any(part.startswith(".") for part in
                                   p.relative_to(source_dir).parts)
        and not any(fnmatch(p.name, pattern) for pattern in ignore)
    )


Memo = dict[Path, tuple[tuple[int, int], "Resolution | Problem"]]  # path -> (stat, outcome)


def load_corpus(source_dir: Path, root: Path | None = None, cache: LayoutCache | None = None,
                workers: int | None = None, report: Report | None = None,
                memo: Memo | None = None) -> Corpus:
    """Read and parse every file of ``source_dir`` (PDFs on ``workers`` cores, through
    ``cache``); file names in problems are relative to ``root``; a long read says how far
    it is through ``report``. ``memo`` (``mkdocs serve``): the outcome of every file as of
    the last build, by its modification time and size; a file that has neither changed is
    not read again (the same ``Resolution`` object is kept), and the memo is brought up to
    date."""
    parsed: list[Resolution] = []
    problems: list[Problem] = []
    files: dict[str, Path] = {}
    paths = source_files(source_dir)
    for path, outcome in zip(paths, _outcomes(paths, root, cache, workers, report, memo),
                             strict=True):
        if isinstance(outcome, Problem):
            problems.append(outcome)
            continue
        resolution = outcome
        parsed.append(resolution)
        files[resolution.symbol] = path
        problems += problems_of(resolution)
    resolutions, duplicate_problems = _reject_duplicates(parsed)
    return Corpus(
        resolutions=tuple(sorted(resolutions, key=lambda r: symbol_key(r.symbol))),
        problems=tuple(problems + duplicate_problems),
        files={r.symbol: files[r.symbol] for r in resolutions},
    )


def _outcomes(paths: list[Path], root: Path | None, cache: LayoutCache | None,
              workers: int | None, report: Report | None, memo: Memo | None
              ) -> list[Resolution | Problem]:
    """Each file parsed, or the problem that stopped it, in order; from ``memo`` when the
    file has not changed since."""
    stats = {path: _stat(path) for path in paths} if memo is not None else {}
    known = {path: memo[path][1] for path in paths
             if memo is not None and path in memo and memo[path][0] == stats[path]}
    todo = [path for path in paths if path not in known]
    readings = read_inputs([(path, _display_name(path, root)) for path in todo], cache,
                           workers, report, defer_text=True)
    progress = Progress("parsed", len(todo), "sources", report)
    known.update(zip(todo, _parsed(readings, progress), strict=True))
    if memo is not None:
        memo.clear()
        memo.update((path, (stats[path], known[path])) for path in paths)
    return [known[path] for path in paths]


def _stat(path: Path) -> tuple[int, int]:
    try:
        found = path.stat()
    except OSError:
        return (-1, -1)
    return (found.st_mtime_ns, found.st_size)


def _parsed(readings: list[Layout | Problem | TextExport], progress: Progress
            ) -> Iterator[Resolution | Problem]:
    """Each reading parsed (or the problem that stopped it), in order; on every core when
    ``forking.forked_map`` allows (the parsers inherit the readings, and only the parsed
    resolutions travel back)."""
    for outcome in forked_map(_parse_one, readings):
        progress.advance()
        yield outcome


def _parse_one(reading: Layout | Problem | TextExport) -> Resolution | Problem:
    if isinstance(reading, TextExport):  # read here: on every core, like the parsing
        reading = reading.reading()
    if isinstance(reading, Problem):
        return reading
    try:
        return parse(reading)
    except Exception as error:  # an InputError, or a failure nobody foresaw
        return failure(error, reading.name, "parsed")


def _display_name(path: Path, root: Path | None) -> str:
    try:
        return path.relative_to(root).as_posix() if root else path.as_posix()
    except ValueError:
        return path.as_posix()


def _reject_duplicates(parsed: list[Resolution]) -> tuple[list[Resolution], list[Problem]]:
    by_symbol: dict[str, list[Resolution]] = defaultdict(list)
    for resolution in parsed:
        by_symbol[resolution.symbol].append(resolution)
    unique = [group[0] for group in by_symbol.values() if len(group) == 1]
    problems = [
        Problem(r.source, f"duplicate symbol {symbol}: also in "
                + ", ".join(o.source for o in group if o is not r)
                + "; none of these files is published", 1)
        for symbol, group in by_symbol.items() if len(group) > 1 for r in group
    ]
    return unique, problems
