"""One bad file never costs the reader the rest of the site.

Every stage reports the input problems it knows about as ``Problem`` values. This module is
for what it does not know: a stage that fails on some resolution in a way nobody foresaw. Such
a failure becomes a problem naming the resolution's file (and line, where the failure says
one), the resolution is left out of that stage, and the stage runs again for the others; the
build goes on and ``mkdocs build --strict`` fails at the end.

- ``each`` runs a step on every item and keeps going past the items it fails on;
- ``isolating`` runs a stage over the whole corpus and, should it fail, finds the resolutions
  it fails on by halving the corpus (a few runs of the stage, not one per resolution).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import TypeVar

from .errors import InputError, Problem, printable
from .model import Resolution

T = TypeVar("T")
R = TypeVar("R")


def failure(error: BaseException, file: str, stage: str, line: int | None = None) -> Problem:
    """The problem a failure of ``stage`` on ``file`` becomes."""
    if isinstance(error, InputError):
        return error.problem
    detail = printable(f"{type(error).__name__}: {error}")[:300]
    return Problem(file, f"could not be {stage} ({detail}); left out of that step, the rest "
                   "of the site is built", line)


def each(items: Iterable[T], step: Callable[[T], R], name: Callable[[T], str], stage: str
         ) -> tuple[list[tuple[T, R]], list[Problem]]:
    """``step`` of every item; the items it fails on become problems."""
    done: list[tuple[T, R]] = []
    problems: list[Problem] = []
    for item in items:
        try:
            done.append((item, step(item)))
        except Exception as error:  # any failure, reported, never fatal
            problems.append(failure(error, name(item), stage))
    return done, problems


def isolating(stage: Callable[[tuple[Resolution, ...]], R], resolutions: Sequence[Resolution],
              what: str) -> tuple[R | None, tuple[Resolution, ...], list[Problem]]:
    """(result, resolutions it ran on, problems): ``stage`` over all of ``resolutions``, or,
    should it fail, over all but those it fails on. None when it fails even so."""
    everything = tuple(resolutions)
    try:
        return stage(everything), everything, []
    except Exception:  # found below, resolution by resolution
        pass
    culprits = _culprits(stage, everything)
    rest = tuple(r for r in everything if r not in culprits)
    problems = [_blame(stage, r, what) for r in culprits]
    try:
        return stage(rest), rest, problems
    except Exception as error:  # two resolutions that fail only together
        problems.append(Problem("(the collection)", f"{what} could not be done "
                                f"({printable(type(error).__name__)}: "
                                f"{printable(str(error))[:200]}); pages are built without it"))
        return None, rest, problems


def _culprits(stage: Callable[[tuple[Resolution, ...]], object],
              items: tuple[Resolution, ...]) -> list[Resolution]:
    """The resolutions ``stage`` fails on, found by halving; [] when the failure needs two
    halves together (then no one of them is to blame)."""
    try:
        stage(items)
        return []
    except Exception:  # narrowing it down
        if len(items) == 1:
            return [items[0]]
    middle = len(items) // 2
    return _culprits(stage, items[:middle]) + _culprits(stage, items[middle:])


def _blame(stage: Callable[[tuple[Resolution, ...]], object], resolution: Resolution,
           what: str) -> Problem:
    try:
        stage((resolution,))
    except Exception as error:  # the failure to report
        return failure(error, resolution.source or resolution.symbol, what)
    return Problem(resolution.source or resolution.symbol, f"{what} failed with it; left out")
