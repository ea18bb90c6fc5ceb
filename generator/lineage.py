"""Paragraph lineage: for each paragraph, its closest counterparts in other resolutions.

Resolutions are renegotiated year after year; a paragraph's "agreed language" comes from an
earlier resolution and goes on into later ones, often reworded or moved from the preamble into
the operative part. Comparing every pair of paragraphs is out of the question at the scale of
the General Assembly record (some 600,000 paragraphs), so this works in steps whose cost grows
with the number of paragraphs, not its square:

1. Texts: paragraphs with the same words (ignoring case) are one text, compared once. Most
   language is carried forward word for word, so this is most of the saving.
2. Candidates: an inverted index from word 4-gram shingles to the texts holding them. Numbers
   and ordinals count as one word ("at its #th session"), and a shingle held by more than
   ``common_limit`` paragraphs is boilerplate ("Requests the Secretary-General to submit",
   "Recalling its resolution") and left out, so sharing boilerplate alone never makes two
   paragraphs candidates; the cap also bounds every posting list. Each text keeps its few
   candidates sharing the most rare shingles.
3. Scoring: each candidate pair of texts gets the similarity of its word sequences (longest
   common subsequence, ``2·LCS / (len a + len b)``, the measure difflib's ratio approximates),
   computed by rapidfuzz's C++ Indel distance: the standard tool for it, and fast enough for a
   whole-record corpus on two cores.
4. Paragraphs: each paragraph takes, for itself and for each matching text, the occurrences
   nearest in time before and after it; the best ``LIMIT`` per direction are kept.

Why no MinHash/LSH library (datasketch): its buckets fill with exactly the boilerplate we
leave out, it needs numpy and tuning, and its output depends on random seeds; for paragraphs
of a few dozen words an exact index of rare shingles is as fast, and deterministic.

What holds after ``paragraph_lineage``: every paragraph id maps to at most ``LIMIT`` earlier
and ``LIMIT`` later counterparts, each from another resolution, each at least ``THRESHOLD``
similar, best first, and among equals nearest in time first (where the language last came from,
where it went next); the relation is symmetric (if B is a later counterpart of A, A is an
earlier counterpart of B) unless a limit cut it on one side only; and the result is the same on
every run.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
import zlib
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
from difflib import SequenceMatcher
from typing import Literal

from rapidfuzz.distance import Indel

from .model import Resolution, SeeAlso, by_adoption
from .titles import subject_key

SHINGLE = 4  # words per shingle
THRESHOLD = 0.6  # least similarity for a counterpart
LIMIT = 3  # counterparts kept per direction
CANDIDATES = 8  # candidate texts scored per text
MIN_SHARED = 2  # rare shingles two texts must share to be candidates
WINDOW = 20  # texts counted per shingle on each side in time (see _candidates)
COMMON = 0.02  # a shingle in more than this share of paragraphs is boilerplate, but the
COMMON_FLOOR = 25  # limit is never below this (small corpora: a short series is not
COMMON_CEILING = 250  # boilerplate) nor above this (long-lived agreed language is in ~70)
SUBJECTS = 0.1  # a shingle used by more than this share of subjects is boilerplate too, but
SUBJECTS_FLOOR = 3  # never by this few: language is shared between a few related subjects

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")  # words, apostrophes and hyphens inside
_NUMBERISH = re.compile(r"""
    \d[\w\-]*                                     # 64, 187, 2009, 66th, 1990s
    | (?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth
        |eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth
        |eighteenth|nineteenth|\w+ieth|hundredth)   # sixty-sixth, twentieth
    """, re.X)

Key = tuple[str, str]  # (resolution symbol, paragraph id)
Counterpart = SeeAlso  # symbol, paragraph, similarity (0..1, two places), relation


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=65536)
def _shingle_word(word: str) -> str:
    """Numbers and ordinals all alike: "at its sixty-sixth session" is boilerplate too."""
    return "#" if _NUMBERISH.fullmatch(word) else word


def _shingles(tokens: Sequence[str]) -> set[int]:
    plain = [_shingle_word(t) for t in tokens]
    if len(plain) < SHINGLE:
        return {zlib.crc32(" ".join(plain).encode())} if plain else set()
    return {zlib.crc32(" ".join(plain[i:i + SHINGLE]).encode())
            for i in range(len(plain) - SHINGLE + 1)}


def similarity(a: Sequence[str], b: Sequence[str]) -> float:
    """2·LCS / (len a + len b) of two word sequences, ignoring case; 1.0 when equal."""
    return Indel.normalized_similarity([w.lower() for w in a], [w.lower() for w in b])


def common_limit(paragraphs: int) -> int:
    """How many paragraphs a shingle may be in before it counts as boilerplate."""
    return min(COMMON_CEILING, max(COMMON_FLOOR, int(COMMON * paragraphs)))


def subject_limit(subjects: int) -> int:
    """How many subjects (series) may use a shingle before it counts as boilerplate. Agreed
    language is carried along a series, boilerplate across them: this finds boilerplate in a
    corpus too small for paragraph counts to tell (24 resolutions in 4 series)."""
    return max(SUBJECTS_FLOOR, int(SUBJECTS * subjects))


@dataclass
class _Texts:
    """The corpus's top-level paragraphs in time order, and their distinct texts."""

    keys: list[Key]  # paragraph number -> (symbol, paragraph id)
    ranks: list[int]  # paragraph number -> its resolution's place in time
    text_of: list[int]  # paragraph number -> text number
    tokens: list[tuple[str, ...]]  # text number -> its words, lowercased
    occurrences: list[list[int]]  # text number -> paragraph numbers, in time order
    occurrence_ranks: list[list[int]]  # text number -> the ranks of its occurrences
    subjects: dict[tuple[str, ...], set[int]]  # subject (title) -> text numbers under it

    @classmethod
    def of(cls, resolutions: Iterable[Resolution]) -> _Texts:
        texts = cls([], [], [], [], [], [], defaultdict(set))
        numbers: dict[tuple[str, ...], int] = {}
        ordered = sorted(resolutions, key=by_adoption)
        for rank, resolution in enumerate(ordered):
            subject = subject_key(resolution.title)
            for paragraph in resolution.paragraphs:
                if paragraph.depth:
                    continue
                tokens = tuple(w.lower() for w in words(paragraph.text))
                number = numbers.setdefault(tokens, len(texts.tokens))
                if number == len(texts.tokens):
                    texts.tokens.append(tokens)
                    texts.occurrences.append([])
                    texts.occurrence_ranks.append([])
                texts.occurrences[number].append(len(texts.keys))
                texts.occurrence_ranks[number].append(rank)
                texts.subjects[subject].add(number)
                texts.keys.append((resolution.symbol, paragraph.id))
                texts.ranks.append(rank)
                texts.text_of.append(number)
        return texts


def paragraph_lineage(resolutions: Iterable[Resolution]) -> dict[Key, list[Counterpart]]:
    """Counterparts of every top-level paragraph, across the resolutions given."""
    texts = _Texts.of(resolutions)
    rare = _rare_shingles(texts)
    matches = _matching_texts(texts, rare)
    lineage: dict[Key, list[Counterpart]] = {}
    for paragraph, key in enumerate(texts.keys):
        text = texts.text_of[paragraph]
        found = _nearest(texts, paragraph, matches.get(text, ()))
        if found:
            lineage[key] = found
    return dict(sorted(lineage.items()))


def _rare_shingles(texts: _Texts) -> list[list[int]]:
    """Each text's shingles that are not boilerplate: in at most ``common_limit`` paragraphs
    and at most ``subject_limit`` subjects."""
    shingles = [_shingles(tokens) for tokens in texts.tokens]
    frequency: Counter[int] = Counter()
    for number, found in enumerate(shingles):
        weight = len(texts.occurrences[number])
        for shingle in found:
            frequency[shingle] += weight
    spread: Counter[int] = Counter()  # subjects using each shingle
    for numbers in texts.subjects.values():
        spread.update(set().union(*(shingles[n] for n in numbers)))
    limit = common_limit(len(texts.keys))
    subjects = subject_limit(len(texts.subjects))
    return [sorted(s for s in found if frequency[s] <= limit and spread[s] <= subjects)
            for found in shingles]


def _matching_texts(texts: _Texts, rare: list[list[int]]) -> dict[int, list[tuple[float, int]]]:
    """For each text, the texts at least ``THRESHOLD`` similar (itself included when it is
    not boilerplate), with their similarity."""
    index: dict[int, list[int]] = defaultdict(list)
    for number, found in enumerate(rare):
        for shingle in found:
            index[shingle].append(number)
    matches: dict[int, list[tuple[float, int]]] = defaultdict(list)
    scored: set[tuple[int, int]] = set()
    for number, found in enumerate(rare):
        if len(found) >= MIN_SHARED:
            matches[number].append((1.0, number))
        for other in _candidates(number, found, index):
            pair = (min(number, other), max(number, other))
            if pair in scored:
                continue
            scored.add(pair)
            score = Indel.normalized_similarity(texts.tokens[number], texts.tokens[other])
            if score >= THRESHOLD:
                matches[number].append((score, other))
                matches[other].append((score, number))
    return matches


def _candidates(number: int, own: list[int], index: dict[int, list[int]]) -> list[int]:
    """The texts sharing the most rare shingles with text ``number``. Text numbers follow
    first use in time, so each posting list is in time order and only its ``WINDOW`` texts
    nearest in time on each side are counted: lineage runs between neighbours, and the work
    per text stays bounded however large the corpus grows."""
    postings = []
    for shingle in own:
        posting = index[shingle]
        if len(posting) > 2 * WINDOW + 1:
            at = bisect_left(posting, number)
            posting = posting[max(0, at - WINDOW):at + WINDOW + 1]
        postings.append(posting)
    shared = Counter(itertools.chain.from_iterable(postings))  # counted in C
    del shared[number]
    best = heapq.nsmallest(CANDIDATES, ((-n, other) for other, n in shared.items()
                                        if n >= MIN_SHARED))
    return [other for _, other in best]


def _nearest(texts: _Texts, paragraph: int, matches: Iterable[tuple[float, int]]
             ) -> list[Counterpart]:
    """The best counterparts of one paragraph among the occurrences of its matching texts:
    per direction at most ``LIMIT``, by similarity, then nearest in time."""
    rank = texts.ranks[paragraph]
    found: dict[str, list[tuple[float, int, Key]]] = {"earlier": [], "later": []}
    for score, text in matches:
        occurrences, ranks = texts.occurrences[text], texts.occurrence_ranks[text]
        first, last = bisect_left(ranks, rank), bisect_right(ranks, rank)
        before = occurrences[max(0, first - LIMIT):first]
        after = occurrences[last:last + LIMIT]
        for relation, group in (("earlier", before), ("later", after)):
            for other in group:
                distance = abs(texts.ranks[other] - rank)
                found[relation].append((-score, distance, texts.keys[other]))
    result = []
    for relation, group in found.items():
        for negative, _, (symbol, paragraph_id) in sorted(group)[:LIMIT]:
            result.append(Counterpart(symbol, paragraph_id, round(-negative, 2), relation))
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

    def paragraphs(resolution: Resolution):
        for p in resolution.paragraphs:
            found = lineage.get((resolution.symbol, p.id))
            yield replace(p, see_also=tuple(found)) if found else p

    return tuple(replace(r, paragraphs=tuple(paragraphs(r))) for r in resolutions)
