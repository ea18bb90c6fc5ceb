"""Titles as subjects: when two resolutions are on the same subject, and a title's slug.

The Assembly's agenda item numbers change every session but its titles barely do, so a series
is recognised by its title, once case, punctuation, plural endings and the session's ordinal
("on the work of its fifty-sixth session") are set aside; ``alike`` says how near two
subjects are when a title changed. Used by the series, and by lineage (boilerplate is
language used across many subjects).
"""

from __future__ import annotations

import re

_TITLE_WORD = re.compile(r"\w+")
# "its fifty-sixth session", "the seventy-ninth session": the one word that changes each year
# in the titles of a yearly report or credentials resolution.
_SESSION_ORDINAL = re.compile(r"""
    \b(?:[a-z]+[-\u2011])?                 # "fifty-" (or with a non-breaking hyphen)
    (?:first|second|third|[a-z]+th)        # "sixth", "ninth", "first"
    (?=\s+(?:special\s+)?session\b)        # ... of a session
    """, re.X)
# Words that never tell one subject from another.
_FUNCTION_WORDS = frozenset({"a", "an", "and", "at", "by", "for", "from", "in", "into", "its",
                             "of", "on", "or", "the", "their", "to", "with"})


def subject_key(title: str) -> tuple[str, ...]:
    """What makes two titles one subject: "Information and communications technologies" and
    "Information and communication technology" agree; case and punctuation never count."""
    words = _TITLE_WORD.findall(_SESSION_ORDINAL.sub("#", title.lower()))
    return tuple(_singular(word) for word in words)


def alike(first: str, second: str) -> float:
    """How near two subjects are, 0 to 1: the share of their meaningful words they have in
    common (Jaccard). "Information and communications technologies for development" and
    "... for sustainable development": 0.8."""
    a, b = (set(subject_key(t)) - _FUNCTION_WORDS for t in (first, second))
    return len(a & b) / len(a | b) if a | b else 0.0


def _singular(word: str) -> str:
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 3 and word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def slug(title: str, limit: int = 80) -> str:
    """"information-and-communication-technologies-for-development": whole words only."""
    result = ""
    for word in _TITLE_WORD.findall(title.lower()):
        if result and len(result) + 1 + len(word) > limit:
            break
        result = f"{result}-{word}" if result else word
    return result or "untitled"
