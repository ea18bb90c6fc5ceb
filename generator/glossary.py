"""Bodies and abbreviations in the text: where they occur, for tooltips and the Glossary page.

``find_terms(text, bodies)`` returns non-overlapping spans where a body's abbreviation
("ITU") or full name ("International Telecommunication Union") stands; the longest name wins
where names overlap. Matching is exact and case-sensitive, so "ICT" in "ICT 4 All Forum" is the
abbreviation while "Ict" or "ICTs" are not.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .data import Body


@dataclass(frozen=True)
class Term:
    start: int
    end: int
    body: Body
    abbreviation: bool  # True for "ITU", False for its full name


Names = dict[str, tuple[Body, bool]]  # printed name -> (body, is it the abbreviation)


@lru_cache(maxsize=8)
def _pattern(bodies: tuple[Body, ...]) -> tuple[re.Pattern[str] | None, Names]:
    """One alternation of every name, longest first (regex alternation takes the first match)."""
    names: Names = {}
    for body in bodies:
        names.setdefault(body.abbr, (body, True))
        for name in (body.name, *body.aliases):
            names.setdefault(name, (body, False))
    if not names:
        return None, names
    ordered = sorted(names, key=lambda n: (-len(n), n))
    # The characters a name can start with, looked for first: the engine then tries the
    # alternation only there (a third faster over the synthetic corpus; the same matches).
    starts = "".join(sorted({re.escape(name[0]) for name in ordered}))
    return re.compile(rf"(?=[{starts}])(?<![\w-])(?:" + "|".join(map(re.escape, ordered))
                      + r")(?![\w-])"), names


def find_terms(text: str, bodies: tuple[Body, ...]) -> list[Term]:
    memo = _memo_for(bodies)
    found = memo.get(text)
    if found is None:
        found = _terms(text, bodies)
        if len(memo) < MEMO_SIZE:
            memo[text] = found
    return list(found)


# Each paragraph is searched for the page drawing it and for the Glossary page, and again by
# every build of `mkdocs serve`: one alternation of every name is slow to run (about 30 µs a
# paragraph), so the answers are kept, per list of bodies (hashed once per new list, not per
# call: a list of bodies hashes field by field).
MEMO_SIZE = 1 << 18  # paragraphs' answers kept; past that, searched each time
_memos: dict[tuple[Body, ...], dict[str, tuple[Term, ...]]] = {}
_last: list = [None, {}]  # the bodies last asked about, and their memo


def _memo_for(bodies: tuple[Body, ...]) -> dict[str, tuple[Term, ...]]:
    if _last[0] is not bodies:
        _last[:] = [bodies, _memos.setdefault(bodies, {})]
    return _last[1]


def _terms(text: str, bodies: tuple[Body, ...]) -> tuple[Term, ...]:
    pattern, names = _pattern(bodies)
    if pattern is None:
        return ()
    return tuple(Term(m.start(), m.end(), *names[m.group()]) for m in pattern.finditer(text))
