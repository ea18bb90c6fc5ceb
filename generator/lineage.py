"""Paragraph lineage: for each paragraph, its closest counterparts in other resolutions.

Resolutions are renegotiated year after year; a paragraph's "agreed language" comes from an
earlier resolution and goes on into later ones, often reworded or moved from the preamble into
the operative part. Comparing every pair of paragraphs is out of the question at the scale of
the General Assembly record (some 600,000 paragraphs), so this works in two steps:

1. Candidates: an inverted index from word 4-gram shingles to the paragraphs holding them.
   Shingles held by many paragraphs are boilerplate ("Requests the Secretary-General to
   submit", "Recalling its resolution") and are left out of the index, so sharing them alone
   never makes two paragraphs candidates. Each paragraph keeps only its few candidates sharing
   the most rare shingles. Cost grows with the number of paragraphs, not its square.
2. Scoring: each candidate pair is compared word by word (difflib's matching blocks, the
   standard library's tool for exactly this), giving a similarity in [0, 1] and the word diff.

Why no MinHash library (datasketch): for paragraphs of a few dozen words an exact index of
rare shingles is as fast, needs no numpy, and its output does not depend on random seeds.

What holds after ``paragraph_lineage``: every paragraph id maps to at most ``LIMIT`` earlier
and ``LIMIT`` later counterparts, each from another resolution, each at least ``THRESHOLD``
similar, best first; the relation is symmetric (if B is a later counterpart of A, A is an
earlier counterpart of B) unless the limit cut it on one side only; and the result is the same
on every run.
"""

from __future__ import annotations

import re
import zlib
from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal

from .model import Resolution, SeeAlso

SHINGLE = 4  # words per shingle
THRESHOLD = 0.6  # least similarity for a counterpart
LIMIT = 3  # counterparts kept per direction
CANDIDATES = 8  # candidates scored per paragraph
MIN_SHARED = 2  # rare shingles two paragraphs must share to be candidates
COMMON = 0.02  # a shingle in more than this share of paragraphs is boilerplate...
COMMON_FLOOR = 25  # ...unless it is in fewer paragraphs than this (small corpora)

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")  # words, apostrophes and hyphens inside

Key = tuple[str, str]  # (resolution symbol, paragraph id)


Counterpart = SeeAlso  # symbol, paragraph, similarity (0..1, two places), relation


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def _shingles(tokens: list[str]) -> set[int]:
    lowered = [t.lower() for t in tokens]
    if len(lowered) < SHINGLE:
        return {zlib.crc32(" ".join(lowered).encode())} if lowered else set()
    return {zlib.crc32(" ".join(lowered[i:i + SHINGLE]).encode())
            for i in range(len(lowered) - SHINGLE + 1)}


def similarity(a: list[str], b: list[str]) -> float:
    matcher = SequenceMatcher(None, [w.lower() for w in a], [w.lower() for w in b],
                              autojunk=False)
    return matcher.ratio()


def paragraph_lineage(resolutions: Iterable[Resolution]) -> dict[Key, list[Counterpart]]:
    """Counterparts of every top-level paragraph, across the resolutions given."""
    ordered = sorted(resolutions, key=lambda r: (r.adopted, r.symbol))
    rank = {r.symbol: index for index, r in enumerate(ordered)}
    texts: dict[Key, list[str]] = {}
    for resolution in ordered:
        for paragraph in resolution.paragraphs:
            if paragraph.depth == 0:
                texts[(resolution.symbol, paragraph.id)] = words(paragraph.text)
    shingles = {key: _shingles(tokens) for key, tokens in texts.items()}
    index = _rare_index(shingles)
    scored: dict[tuple[Key, Key], float] = {}
    for key, own in shingles.items():
        for other in _candidates(key, own, index):
            pair = (key, other) if rank[key[0]] < rank[other[0]] else (other, key)
            if pair not in scored:
                scored[pair] = similarity(texts[pair[0]], texts[pair[1]])
    lineage: dict[Key, list[Counterpart]] = defaultdict(list)
    for (earlier, later), score in scored.items():
        if score >= THRESHOLD:
            value = round(score, 2)
            lineage[later].append(Counterpart(earlier[0], earlier[1], value, "earlier"))
            lineage[earlier].append(Counterpart(later[0], later[1], value, "later"))
    return {key: _best(found) for key, found in sorted(lineage.items())}


def _rare_index(shingles: dict[Key, set[int]]) -> dict[int, list[Key]]:
    frequency = Counter(s for found in shingles.values() for s in found)
    limit = max(COMMON_FLOOR, int(COMMON * len(shingles)))
    index: dict[int, list[Key]] = defaultdict(list)
    for key, found in shingles.items():
        for shingle in found:
            if frequency[shingle] <= limit:
                index[shingle].append(key)
    return index


def _candidates(key: Key, own: set[int], index: dict[int, list[Key]]) -> list[Key]:
    shared: Counter[Key] = Counter()
    for shingle in own:
        for other in index.get(shingle, ()):
            if other[0] != key[0]:
                shared[other] += 1
    ranked = sorted((k for k, n in shared.items() if n >= MIN_SHARED),
                    key=lambda k: (-shared[k], k))
    return ranked[:CANDIDATES]


def _best(found: list[Counterpart]) -> list[Counterpart]:
    result = []
    for relation in ("earlier", "later"):
        group = [c for c in found if c.relation == relation]
        group.sort(key=lambda c: (-c.similarity, c.symbol, c.paragraph))
        result += group[:LIMIT]
    return result


@dataclass(frozen=True)
class DiffPart:
    kind: Literal["same", "added", "removed"]
    text: str


def word_diff(old: str, new: str) -> list[DiffPart]:
    """What ``new`` added to and removed from ``old``, word by word, in reading order."""
    a, b = old.split(), new.split()
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    parts: list[DiffPart] = []
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(DiffPart("same", " ".join(a[i1:i2])))
            continue
        if i2 > i1:
            parts.append(DiffPart("removed", " ".join(a[i1:i2])))
        if j2 > j1:
            parts.append(DiffPart("added", " ".join(b[j1:j2])))
    return parts


def with_lineage(resolutions: tuple[Resolution, ...]) -> tuple[Resolution, ...]:
    """The resolutions with every top-level paragraph's ``see_also`` filled in."""
    lineage = paragraph_lineage(resolutions)
    return tuple(
        replace(r, paragraphs=tuple(
            replace(p, see_also=tuple(lineage.get((r.symbol, p.id), ()))) for p in r.paragraphs))
        for r in resolutions)
