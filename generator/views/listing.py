"""The lists of resolutions: the home page's table, and the session and year pages with the
pages listing them.

What holds: ``rows`` keeps the order it is given, each resolution a ``ResolutionLink`` from
the page showing the table; ``groups`` puts every resolution in exactly one group, groups in
``order`` (their value by default), each group's resolutions in the order given.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from ..model import Resolution
from ..paths import Href
from .links import ResolutionLink, resolution_link


def rows(resolutions: Iterable[Resolution], href: Href) -> list[ResolutionLink]:
    """One row of an index table per resolution, in the order given."""
    return [resolution_link(r, href) for r in resolutions]


Group = tuple[Any, list[Resolution]]  # (the session or year, its resolutions)


def groups(resolutions: Iterable[Resolution], key: Callable[[Resolution], Any],
           order: Callable[[Any], Any] | None = None) -> list[Group]:
    """The resolutions by ``key`` (a session, a year), groups sorted by ``order``."""
    found: dict[Any, list[Resolution]] = defaultdict(list)
    for resolution in resolutions:
        found[key(resolution)].append(resolution)
    return [(value, found[value]) for value in sorted(found, key=order)]
