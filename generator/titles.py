"""Titles as subjects: when two resolutions are on the same subject, and a title's slug.

The Assembly's agenda item numbers change every session but its titles barely do, so a series
is recognised by its title, once case, punctuation and plural endings are set aside. Used by
the relations (series) and by lineage (boilerplate is language used across many subjects).
"""

from __future__ import annotations

import re

_TITLE_WORD = re.compile(r"\w+")


def subject_key(title: str) -> tuple[str, ...]:
    """What makes two titles one subject: "Information and communications technologies" and
    "Information and communication technology" agree; case and punctuation never count."""
    return tuple(_singular(word) for word in _TITLE_WORD.findall(title.lower()))


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
