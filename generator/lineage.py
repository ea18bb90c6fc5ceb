"""Paragraph lineage: for each paragraph, the same paragraph in other resolutions.

Resolutions are renegotiated year after year; a paragraph's "agreed language" comes from an
earlier resolution and goes on into later ones, often reworded or moved from the preamble into
the operative part. Whether two paragraphs are the same paragraph is decided by one function,
``pair``, for this lineage and for the comparison pages (``compare``) alike, so the two can
never disagree: a pair a comparison page shows as kept, changed or moved is a lineage pair,
and every lineage pair between the two resolutions it compares is on the page.

The decision:

- A paragraph is its unit: a top-level paragraph with its sub-paragraphs ("(a) ..."), as
  delegates move and renumber paragraphs whole ("Declares that:" alone says nothing).
- Boilerplate is learned from the whole corpus. A phrase (a word 4-gram, numbers and ordinals
  counted as one word, so "at its sixty-sixth session" is one phrase every year) is used in
  some number of *places*: for each series, the most paragraphs of any one of its resolutions
  using it, summed over the series. A paragraph carried along its series is one place however
  long the series; a name repeated in five paragraphs of each resolution is five; a formula of
  every subject ("Requests the Secretary-General to submit ...", "Taking note of the report of
  the Secretary-General on ...") is as many places as subjects use it. Each word weighs the
  mean of ``1 / places`` of the phrases holding it.
- ``alike``: the share of both paragraphs' weight that their longest common subsequence of
  words covers, ``(w(a ∩ b) + w(b ∩ a)) / (w(a) + w(b))``: the classic ``2·LCS / (len a +
  len b)`` with words weighed, so only the distinctive content counts. Sharing "Taking note of
  the report of the Secretary-General on the progress made in ..." while saying different
  things is little alike; a paragraph reworded with new dates and a new session stays alike.
  Pairs less than ``ROUGH`` alike word for word are not weighed (and are not the same);
  pairs of paragraphs so long that an alignment would not fit ``ALIGNED`` (thousands of words
  each) are scored word for word.
- ``pair``: between two resolutions, one to one, as a reader compares them: paragraphs with
  the same words first, in order; then the rest best first, while at least ``THRESHOLD``
  alike. A paragraph whose own counterpart is carried word for word is never also paired with
  a look-alike ("Welcoming the convening of the meeting" and "Underlines the support expressed
  at the meeting" each keep their own).

Which pairs of resolutions are paired, at a cost that grows with the corpus, not its square
(the General Assembly record is some 600,000 paragraphs):

1. Neighbours: consecutive members of each series (``series.find_series``, as the comparison
   pages take them) are paired paragraph by paragraph, every pair of units that could be the
   same paragraph scored (``_Corpus.rough``).
2. Elsewhere (another subject, or a series two sessions apart), only candidates: the units
   their series neighbours' pairs lead to, up to ``LIMIT`` members on (a paragraph carried
   from member to member); and texts (units with the same words, compared once) sharing at
   least ``MIN_SHARED`` rare phrases, found by an inverted index. A phrase is rare when it is
   in at most ``PLACES`` places: language two subjects share and no third links them; a
   template several subjects fill in ("Reaffirms the inalienable right of the people of
   <Territory> ...") or a stock paragraph of many ("Reaffirming its resolution 70/1 ...")
   never does. Each text keeps its ``CANDIDATES`` texts sharing the most rare phrases,
   counted among the ``WINDOW`` texts nearest in time (which bounds the work per text however
   long a posting list grows), and each paragraph the ``LIMIT`` nearest occurrences of each
   matching text either way; the candidates are then paired by ``pair`` per pair of
   resolutions.
3. Counterparts: each paragraph keeps, per direction, its series neighbours' pair first, then
   the best others, nearest in time first among equals, ``LIMIT`` in all.

Why no MinHash/LSH library (datasketch): its buckets fill with exactly the boilerplate we
leave out, it needs numpy and tuning, and its output depends on random seeds; for paragraphs
of a few dozen words an exact index of rare phrases is as fast, and deterministic. Alignments
are rapidfuzz's (C++ Indel distance and opcodes over words coded as characters).

What holds after ``paragraph_lineage``: every top-level paragraph id maps to at most ``LIMIT``
earlier and ``LIMIT`` later counterparts, each from another resolution, each the one paragraph
of that resolution ``pair`` matched with it, at least ``THRESHOLD`` alike (two places; 1.0
only for the same words); its series neighbours' counterparts are always among them; the
relation is symmetric (if B is a later counterpart of A, A is an earlier counterpart of B)
unless the limit cut it on one side only; and the result is the same on every run.
"""

from __future__ import annotations

import functools
import heapq
import itertools
import re
import zlib
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from itertools import repeat
from operator import itemgetter, sub, truediv
from typing import Literal, NamedTuple

from rapidfuzz.distance import Indel

from .forking import forked_map
from .model import LineageLink, Paragraph, Resolution, Series, by_adoption, changed
from .series import find_series

SHINGLE = 4  # words per phrase
THRESHOLD = 0.5  # least alikeness of the same paragraph
ROUGH = 0.3  # least word-for-word similarity worth weighing
ALIGNED = 4_000_000  # longest pair aligned word by word (words times words); longer: plain
LIMIT = 3  # counterparts kept per direction
CANDIDATES = 8  # candidate texts scored per text
MIN_SHARED = 2  # rare phrases two texts must share to be candidates
WINDOW = 20  # texts counted per phrase on each side in time (see _candidates)
PLACES = 2  # a phrase in more places than this is boilerplate (see the module docstring)

_WORD = re.compile(r"\w+(?:['\u2019\-]\w+)*")  # words, apostrophes and hyphens inside
_NUMBERISH = re.compile(r"""
    \d[\w\-]*                                     # 64, 187, 2009, 66th, 1990s
    | (?:\w+-)?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth
        |eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth
        |eighteenth|nineteenth|\w+ieth|hundredth)   # sixty-sixth, twentieth
    """, re.X)

Key = tuple[str, str]  # (resolution symbol, paragraph id)
Counterpart = LineageLink  # symbol, paragraph, similarity (0..1, two places), relation
Pairs = dict[int, tuple[int, float]]  # later unit's index -> (earlier unit's index, alikeness)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


@functools.lru_cache(maxsize=65536)
def _plain_word(word: str) -> str:
    """Lowercase; numbers and ordinals all alike: "at its sixty-sixth session" is one phrase
    every year, and a date or session updated is no change of language."""
    word = word.lower()
    return "#" if _NUMBERISH.fullmatch(word) else word


@dataclass(frozen=True)
class Unit:
    """A top-level paragraph with its sub-paragraphs, as one text: what lineage links and
    comparisons align."""

    id: str  # the top-level paragraph's anchor
    kind: str
    label: str  # "6.", "" for preambular paragraphs
    text: str

    @classmethod
    def of(cls, resolution: Resolution) -> list[Unit]:
        units: list[Unit] = []
        for paragraph in resolution.paragraphs:
            if paragraph.depth == 0 or not units:
                units.append(cls(paragraph.id, paragraph.kind, paragraph.label, paragraph.text))
            else:
                last = units[-1]
                units[-1] = cls(last.id, last.kind, last.label, _joined(last.text, paragraph))
        return units


def _unit_words(resolution: Resolution) -> list[tuple[str, str]]:
    """Each unit of ``resolution``: its id, and its lowercase words, one space between (no
    word holds one: the words are told apart exactly). Read by every core at once: a
    string travels back from a forked worker at almost no cost."""
    return [(unit.id, " ".join(words(unit.text.lower()))) for unit in Unit.of(resolution)]


def _joined(text: str, sub: Paragraph) -> str:
    return f"{text} {sub.label} {sub.text}" if sub.label else f"{text} {sub.text}"


# --- The decision -------------------------------------------------------------------------


def pair(before: Sequence[int], after: Sequence[int], alike: Callable[[int, int], float],
         candidates: Iterable[tuple[int, int]]) -> Pairs:
    """The one decision whether two paragraphs are the same paragraph, between two
    resolutions: units of ``after`` (given as their text numbers) with units of ``before``,
    one to one, among the ``candidates`` (pairs of indexes ``(i, j)``). The same words
    first, each in order with the first unused of ``before``; then the rest, best first
    (then in order), while at least ``THRESHOLD`` alike (``alike`` of two text numbers)."""
    listed = sorted(set(candidates))
    pairs: Pairs = {}
    used: set[int] = set()
    for j, i in sorted((j, i) for i, j in listed if before[i] == after[j]):
        if j not in pairs and i not in used:
            pairs[j] = (i, 1.0)
            used.add(i)
    scored = sorted((-score, j, i) for i, j in listed if j not in pairs and i not in used
                    and (score := alike(before[i], after[j])) >= THRESHOLD)
    for negative, j, i in scored:
        if j not in pairs and i not in used:
            pairs[j] = (i, -negative)
            used.add(i)
    return pairs


def _same_words(before: Sequence[int], after: Sequence[int]) -> list[tuple[int, int]]:
    """Every ``(j, i)`` of the same text, in order."""
    where: dict[int, list[int]] = defaultdict(list)
    for i, text in enumerate(before):
        where[text].append(i)
    return [(j, i) for j, text in enumerate(after) for i in where.get(text, ())]


# --- The corpus -----------------------------------------------------------------------------


@dataclass
class _Corpus:
    """The corpus's units in time order, their distinct texts, and the boilerplate learned
    from them. Text numbers follow first use in time."""

    keys: list[Key] = field(default_factory=list)  # unit number -> (symbol, paragraph id)
    ranks: list[int] = field(default_factory=list)  # unit number -> its resolution's rank
    positions: list[int] = field(default_factory=list)  # unit number -> index in resolution
    text_of: list[int] = field(default_factory=list)  # unit number -> text number
    units_at: list[list[int]] = field(default_factory=list)  # rank -> its unit numbers
    subjects: list[str] = field(default_factory=list)  # rank -> its series' id
    neighbours: set[tuple[int, int]] = field(default_factory=set)  # consecutive (rank, rank)
    texts: list[str] = field(default_factory=list)  # text number -> plain words as characters
    occurrences: list[list[int]] = field(default_factory=list)  # text -> unit numbers
    occurrence_ranks: list[list[int]] = field(default_factory=list)  # text -> their ranks
    phrases: list[array] = field(default_factory=list)  # text -> its phrases (while learning)
    places: Counter[int] = field(default_factory=Counter)  # phrase -> places (while learning)
    weights: list[array] = field(default_factory=list)  # text -> prefix sums of word weights
    rare: list[array] = field(default_factory=list)  # text -> its rare phrases, sorted
    characters: _Characters = field(default_factory=lambda: _Characters())  # word -> character
    learned: Learned | None = None  # the whole collection's places, when this is a part of it
    kept_places: Counter[int] = field(default_factory=Counter)  # until paragraph_lineage's keep

    @classmethod
    def of(cls, resolutions: Iterable[Resolution], one_series: bool = False,
           series: dict[str, Series] | None = None, learned: Learned | None = None
           ) -> _Corpus:
        """``one_series``: take the resolutions as one series (two a comparison was asked
        for), rather than find their series (or take ``series`` as given). ``learned``: what
        a run over the whole collection learned (then boilerplate is the collection's, not
        these resolutions' alone), which the corpus keeps learning into."""
        corpus = cls()
        corpus.learned = learned
        if learned is not None:
            corpus.characters = learned.characters
        ordered = sorted(resolutions, key=by_adoption)
        numbers: dict[str, int] = {}  # a unit's words -> its text's number
        if not one_series and series is None:
            series = find_series(ordered)
        for rank, (resolution, spelt) in enumerate(zip(ordered, forked_map(_unit_words, ordered),
                                                       strict=True)):
            corpus.subjects.append(series[resolution.symbol].id if series else "")
            corpus.units_at.append([])
            own = {p.id: p.id for p in resolution.paragraphs}  # the ids as held, not copies
            for position, (unit_id, spelling) in enumerate(spelt):
                corpus._add(rank, position, resolution.symbol, own[unit_id], spelling, numbers)
        corpus._find_neighbours(ordered, series)
        corpus._learn_boilerplate()
        return corpus

    def _add(self, rank: int, position: int, symbol: str, unit_id: str, spelling: str,
             numbers: dict[str, int]) -> None:
        """Unit ``unit_id`` of the resolution of ``rank``, its words ``spelling``
        (``_unit_words``): a text of its own if no unit before had the same words."""
        number = numbers.setdefault(spelling, len(self.texts))
        if number == len(self.texts):
            tokens = spelling.split(" ") if spelling else []
            self.texts.append("".join(map(self.characters.__getitem__, tokens)))
            self.occurrences.append([])
            self.occurrence_ranks.append([])
        unit_number = len(self.keys)
        self.occurrences[number].append(unit_number)
        self.occurrence_ranks[number].append(rank)
        self.keys.append((symbol, unit_id))
        self.ranks.append(rank)
        self.positions.append(position)
        self.text_of.append(number)
        self.units_at[rank].append(unit_number)

    def _find_neighbours(self, ordered: list[Resolution], series) -> None:
        """Consecutive members of each series, as (earlier rank, later rank)."""
        if series is None:
            self.neighbours = set(itertools.pairwise(range(len(ordered))))
            return
        rank = {r.symbol: n for n, r in enumerate(ordered)}
        for members in {s.id: s.members for s in series.values()}.values():
            self.neighbours.update(itertools.pairwise(rank[m] for m in members))

    def _learn_boilerplate(self) -> None:
        """Each text's phrases and how many places use each phrase; then each text's rare
        phrases and its words' weights, after which the phrases and places are let go: only
        the weights and the rare phrases are needed from here on. A text's phrases are a set
        only while it is counted (a set of them for every text was over a fifth of lineage's
        memory), its rare ones an array (an int in a list takes ten times the room)."""
        self.phrases = [_phrases(text) for text in self.texts]
        self.places = self._places()
        if self.learned is not None:  # the collection's counts; its own for phrases it lacks
            known = self.learned.places
            self.places = Counter({p: known.get(p) or n for p, n in self.places.items()})
        self.kept_places = self.places
        boilerplate = {p for p, n in self.places.items() if n > PLACES}
        self.rare = [array("I", sorted(set(found).difference(boilerplate)))
                     for found in self.phrases]
        self.weights = [_prefix_weights(found, len(text), self.places)
                        for found, text in zip(self.phrases, self.texts, strict=True)]
        self.phrases, self.places = [], Counter()  # the weights and rare phrases say it all

    def _places(self) -> Counter[int]:
        """Phrase -> places: per series, the most units of one of its resolutions using it,
        summed over the series. That is the series using it, plus, for a phrase repeated in
        a resolution, the most repeats in one of its series' resolutions: counted this way,
        sets and ``Counter`` do the work in C and only the few repeated phrases are counted
        one by one. One series at a time: only its phrases are held as sets."""
        ranks_of: dict[str, list[int]] = defaultdict(list)  # series -> its resolutions
        for rank, subject in enumerate(self.subjects):
            ranks_of[subject].append(rank)
        places: Counter[int] = Counter()
        for ranks in ranks_of.values():
            used: set[int] = set()  # the series' phrases
            most: dict[int, int] = {}  # phrase -> most repeats in one of its resolutions
            for rank in ranks:
                found = [set(self.phrases[self.text_of[unit]]) for unit in self.units_at[rank]]
                seen: set[int] = set()
                again: set[int] = set()
                for phrases in found:
                    again |= phrases & seen
                    seen |= phrases
                used |= seen
                if again:
                    counts = Counter(itertools.chain.from_iterable(p & again for p in found))
                    for phrase, count in counts.items():
                        if count - 1 > most.get(phrase, 0):
                            most[phrase] = count - 1
            places.update(used)
            for phrase, extra in most.items():
                places[phrase] += extra
        return places

    def rough(self, earlier: int, later: int) -> list[tuple[int, int]]:
        """The pairs ``(i, j)`` of units of two resolutions (by rank) that could be the same
        paragraph: the same words, or at least ``ROUGH`` alike word for word. A text with as
        many copies on each side is paired by its words alone, so it is not scored; lengths
        rule most of the rest out (``2·min / sum`` bounds the similarity)."""
        before = [self.text_of[u] for u in self.units_at[earlier]]
        after = [self.text_of[u] for u in self.units_at[later]]
        copies, there = Counter(before), Counter(after)
        found = [(i, j) for j, i in _same_words(before, after)]
        left = [(i, self.texts[t]) for i, t in enumerate(before) if copies[t] != there[t]]
        similar = Indel.normalized_similarity
        for j, number in enumerate(after):
            if copies[number] == there[number]:
                continue
            text = self.texts[number]
            found += [(i, j) for i, other in left
                      if 2 * min(len(text), len(other)) >= ROUGH * (len(text) + len(other))
                      and similar(text, other, score_cutoff=ROUGH) >= ROUGH]
        return found

    def alike(self, a: int, b: int) -> float:
        """How alike two texts are in their distinctive words (see the module docstring)."""
        if a == b:
            return 1.0
        first, second = self.texts[a], self.texts[b]
        if first == second:
            return 1.0  # the same words but for numbers
        rough = Indel.normalized_similarity(first, second, score_cutoff=ROUGH)
        if rough < ROUGH or len(first) * len(second) > ALIGNED:
            return rough  # an alignment's memory grows with the product of the lengths
        wa, wb = self.weights[a], self.weights[b]
        total = wa[-1] + wb[-1]
        if not total:
            return 1.0
        covered = sum(wa[m.a + m.size] - wa[m.a] + wb[m.b + m.size] - wb[m.b]
                      for m in Indel.opcodes(first, second).as_matching_blocks())
        return covered / total


class _Characters(dict):
    """A lowercase word -> the character spelling its plain form (``_plain_word``) in texts,
    for rapidfuzz's fast alignment of strings: one character per distinct plain word, past
    Latin-1 and never a surrogate (which would not encode)."""

    def __init__(self) -> None:
        super().__init__()
        self.plain: dict[str, str] = {}

    def __missing__(self, word: str) -> str:
        plain = _plain_word(word)
        found = self.plain.get(plain)
        if found is None:
            code = 0x100 + len(self.plain)
            found = self.plain[plain] = chr(code if code < 0xD800 else code + 0x800)
        self[word] = found
        return found


def _phrases(text: str) -> array:
    """The text's word 4-grams in order (one phrase for a shorter text), as CRC-32s of their
    characters (UTF-32, four bytes a word)."""
    if len(text) < SHINGLE:
        return array("I", [zlib.crc32(text.encode("utf-32-le"))] if text else [])
    coded = memoryview(text.encode("utf-32-le"))
    size = 4 * SHINGLE
    return array("I", [zlib.crc32(coded[i:i + size])
                       for i in range(0, len(coded) - size + 4, 4)])


def _prefix_weights(phrases: array, length: int, places: Counter[int]) -> array:
    """Prefix sums of the words' weights: a word weighs the mean ``1 / places`` of the
    phrases holding it (``SHINGLE`` of them inside the text, fewer at its ends)."""
    if not phrases:
        return array("f", [0.0] * (length + 1))
    sums = list(itertools.accumulate(map((1.0).__truediv__, map(places.__getitem__, phrases)),
                                     initial=0.0))  # 1 / places[p]: in C, three times faster
    last, k = len(phrases) - 1, SHINGLE - 1

    def edge(w: int) -> float:  # phrases max(0, w-k) .. min(w, last)
        first, final = max(0, w - k), min(w, last)
        return (sums[final + 1] - sums[first]) / (final - first + 1)

    if last < k:
        weights = [edge(w) for w in range(length)]
    else:
        weights = [edge(w) for w in range(k)]
        weights += map(truediv, map(sub, sums[SHINGLE:], sums), repeat(float(SHINGLE)))
        weights += [edge(w) for w in range(last + 1, length)]
    return array("f", itertools.accumulate(weights, initial=0.0))  # 4 bytes a word


# --- Lineage --------------------------------------------------------------------------------


@dataclass(frozen=True)
class Learned:
    """What lineage learned from a whole collection, kept by ``mkdocs serve`` so that after
    an edit the lineage of a few resolutions is worked out again with the collection's
    boilerplate (``relineage``): how many places use each phrase, and the characters words
    are spelt in (phrases are counted by them)."""

    places: Counter[int]
    characters: _Characters


Link = tuple[int, int, float, bool]  # earlier unit, later unit, alikeness, series neighbours


def paragraph_lineage(resolutions: Iterable[Resolution],
                      series: dict[str, Series] | None = None, learned: Learned | None = None,
                      keep: list[Learned] | None = None) -> dict[Key, list[Counterpart]]:
    """Counterparts of every top-level paragraph, across the resolutions given; ``series``:
    their ``find_series``, when the caller has it already (found here otherwise);
    ``learned``: as for ``_Corpus.of``; ``keep``: a list to put what was learned in."""
    corpus, ranked = _ranked_lineage(resolutions, series, learned, keep)
    keys = corpus.keys
    lineage = {keys[unit]: [Counterpart(*keys[other], similarity, relation)
                            for relation, similarity, other in found]
               for unit, found in ranked}
    return dict(sorted(lineage.items()))


def _ranked_lineage(resolutions: Iterable[Resolution], series: dict[str, Series] | None,
                    learned: Learned | None = None, keep: list[Learned] | None = None
                    ) -> tuple[_Corpus, Iterator[tuple[int, list[Ranked]]]]:
    """The corpus and its units' counterparts (``_ranked``), as for ``paragraph_lineage``."""
    corpus = _Corpus.of(resolutions, series=series, learned=learned)
    if keep is not None:
        keep.append(Learned(corpus.kept_places, corpus.characters))
    corpus.kept_places = Counter()
    near = list(_neighbour_links(corpus))
    return corpus, _ranked(corpus, itertools.chain(near, _candidate_links(
        corpus, _along_series(near))))


def _neighbour_links(corpus: _Corpus) -> Iterable[Link]:
    """Every pair of consecutive members of a series, paired unit by unit (``pair``)."""
    for earlier, later in sorted(corpus.neighbours):
        yield from _paired(corpus, earlier, later, corpus.alike, corpus.rough(earlier, later),
                           neighbours=True)


def _paired(corpus: _Corpus, earlier: int, later: int, alike: Callable[[int, int], float],
            candidates: Iterable[tuple[int, int]], neighbours: bool) -> Iterable[Link]:
    before, after = corpus.units_at[earlier], corpus.units_at[later]
    text_of = corpus.text_of
    pairs = pair([text_of[u] for u in before], [text_of[u] for u in after], alike, candidates)
    return [(before[i], after[j], score, neighbours) for j, (i, score) in sorted(pairs.items())]


def _along_series(near: list[Link]) -> Iterable[tuple[int, int]]:
    """Units further along their series, following the neighbours' pairs: a paragraph carried
    from member to member is the same paragraph two or ``LIMIT`` members on."""
    later = {first: second for first, second, _, _ in near}
    for start, step in later.items():
        for _ in range(LIMIT - 1):
            step = later.get(step)
            if step is None:
                break
            yield start, step


def _candidate_links(corpus: _Corpus, along: Iterable[tuple[int, int]]) -> Iterable[Link]:
    """Pairs of resolutions other than series neighbours, paired among the candidates only:
    the nearest occurrences of each unit's matching texts, and the units further ``along``
    their series."""
    matches = _matching_texts(corpus)
    scores = {(a, b): score for a, found in matches.items() for score, b in found}
    text_of, ranks, positions = corpus.text_of, corpus.ranks, corpus.positions
    groups: dict[tuple[int, int], set[tuple[int, int]]] = defaultdict(set)

    def add(pairs: Iterable[tuple[int, int]]) -> None:  # (earlier unit, later unit)
        for first, second in pairs:
            key = (ranks[first], ranks[second])
            if key not in corpus.neighbours:
                groups[key].add((positions[first], positions[second]))

    for unit, text in enumerate(text_of):
        if text in matches:
            rank = ranks[unit]
            add((other, unit) if ranks[other] < rank else (unit, other)
                for other in _nearest(corpus, unit, matches[text]))
    for first, second in along:
        a, b = text_of[first], text_of[second]
        if (a, b) not in scores:
            scores[a, b] = scores[b, a] = corpus.alike(a, b)
        add(((first, second),))

    def alike(a: int, b: int) -> float:
        return 1.0 if a == b else scores.get((a, b), 0.0)

    for (earlier, later), candidates in sorted(groups.items()):
        yield from _paired(corpus, earlier, later, alike, candidates, neighbours=False)


def _matching_texts(corpus: _Corpus) -> dict[int, list[tuple[float, int]]]:
    """For each text, the texts at least ``THRESHOLD`` alike among its candidates (itself
    included when it holds rare phrases: its occurrences elsewhere), with their alikeness."""
    index = _shared_phrases(corpus.rare)
    matches: dict[int, list[tuple[float, int]]] = defaultdict(list)
    scored: set[tuple[int, int]] = set()
    for number, found in enumerate(corpus.rare):
        if len(found) >= MIN_SHARED:
            matches[number].append((1.0, number))
        for other in _candidates(number, found, index):
            key = (min(number, other), max(number, other))
            if key in scored:
                continue
            scored.add(key)
            score = corpus.alike(number, other)
            if score >= THRESHOLD:
                matches[number].append((score, other))
                matches[other].append((score, number))
    return matches


def _shared_phrases(rare: list[array]) -> dict[int, list[int]]:
    """Each rare phrase that two or more texts hold -> those texts, in order. A phrase of one
    text alone makes no candidate: it gets no list (most have none; a list each was a
    fifth of lineage's memory)."""
    first: dict[int, int | list[int]] = {}  # phrase -> its one text, or its texts
    for number, found in enumerate(rare):
        for phrase in found:
            texts = first.setdefault(phrase, number)
            if texts is not number:
                if type(texts) is int:
                    texts = first[phrase] = [texts]
                texts.append(number)
    return {phrase: texts for phrase, texts in first.items() if type(texts) is list}


def _candidates(number: int, own: Sequence[int], index: dict[int, list[int]]) -> list[int]:
    """The texts sharing the most rare phrases with text ``number``. Text numbers follow
    first use in time, so each posting list is in time order and only its ``WINDOW`` texts
    nearest in time on each side are counted: lineage runs between neighbours, and the work
    per text stays bounded however large the corpus grows."""
    postings = []
    for phrase in own:
        posting = index.get(phrase)
        if posting is None:  # this text's alone
            continue
        if len(posting) > 2 * WINDOW + 1:
            at = bisect_left(posting, number)
            posting = posting[max(0, at - WINDOW):at + WINDOW + 1]
        postings.append(posting)
    shared = Counter(itertools.chain.from_iterable(postings))  # counted in C
    del shared[number]
    best = heapq.nsmallest(CANDIDATES, ((-n, other) for other, n in shared.items()
                                        if n >= MIN_SHARED))
    return [other for _, other in best]


def _nearest(corpus: _Corpus, unit: int, matches: Iterable[tuple[float, int]]) -> list[int]:
    """The occurrences of a unit's matching texts nearest in time before and after it, at
    most ``LIMIT`` each way per text, in other resolutions."""
    rank = corpus.ranks[unit]
    found = []
    for _, text in matches:
        occurrences, ranks = corpus.occurrences[text], corpus.occurrence_ranks[text]
        first, last = bisect_left(ranks, rank), bisect_right(ranks, rank)
        found += occurrences[max(0, first - LIMIT):first]
        found += occurrences[last:last + LIMIT]
    return found


Ranked = tuple[str, float, int]  # relation, alikeness shown, the counterpart's unit
_SHOWN = tuple(n / 100 for n in range(101))  # one float for each alikeness shown


def _ranked(corpus: _Corpus, links: Iterable[Link]) -> Iterator[tuple[int, list[Ranked]]]:
    """Per unit with counterparts (in unit order) and direction: its series neighbours'
    counterpart first, then the best, nearest in time first among equals; ``LIMIT`` each
    way. Published alikeness has two places and is 1.0 only for the same words.

    Every link is read now and held, until all are in, as one int per direction
    (``_RankCodes``); the units are then given one by one, as they are taken. A tuple each,
    and the whole list of units, were the largest thing lineage held: some 240,000 links at
    1,000 resolutions, lineage's height in a process of its own 131 MiB (119 MiB so)."""
    codes = _RankCodes(corpus)
    earlier: list[int] = []
    later: list[int] = []
    text_of, ranks = corpus.text_of, corpus.ranks
    for first, second, alike, neighbours in links:
        shown = 100 if text_of[first] == text_of[second] \
            else round(min(round(alike, 2), 0.99) * 100)
        distance = ranks[second] - ranks[first]
        later.append(codes.code(first, second, shown, neighbours, distance))
        earlier.append(codes.code(second, first, shown, neighbours, distance))
    earlier.sort()
    later.sort()
    return _by_unit(codes, earlier, later)


def _by_unit(codes: _RankCodes, earlier: list[int], later: list[int]
             ) -> Iterator[tuple[int, list[Ranked]]]:
    """The units in order, each with its earlier then its later counterparts, from the
    sorted codes of each direction."""
    merged = heapq.merge(((unit, "earlier", kept) for unit, kept in codes.best(earlier)),
                         ((unit, "later", kept) for unit, kept in codes.best(later)),
                         key=itemgetter(0))  # a unit in both: its earlier ones first
    for unit, parts in itertools.groupby(merged, key=itemgetter(0)):
        yield unit, [(relation, _SHOWN[shown], other)
                     for _, relation, kept in parts for shown, other in kept]


_HEADS = 2 * 101  # a code's head: 0 for a series neighbour (101 else), plus 100 less its
# hundredths alike


class _RankCodes:
    """A unit's candidate counterpart as one int that sorts as the tuple (unit, not series
    neighbours, -alikeness in hundredths, distance in time, the counterpart's key) would:
    the digits of a mixed radix, most significant first (head, distance, key's place)."""

    def __init__(self, corpus: _Corpus) -> None:
        self.by_key = sorted(range(len(corpus.keys)), key=corpus.keys.__getitem__)
        self.key_rank = [0] * len(corpus.keys)
        for place, unit in enumerate(self.by_key):
            self.key_rank[unit] = place
        self.keys = len(corpus.keys) or 1
        self.span = len(corpus.units_at) or 1  # a distance lies between -span and span
        self.distances = 2 * self.span
        self.per_unit = _HEADS * self.distances * self.keys

    def code(self, unit: int, other: int, shown: int, neighbours: bool, distance: int) -> int:
        """``other`` as ``unit``'s counterpart, ``shown`` hundredths alike, ``distance``
        resolutions apart in time (the later's rank less the earlier's)."""
        head = (0 if neighbours else 101) + 100 - shown
        return ((unit * _HEADS + head) * self.distances + distance + self.span) * self.keys \
            + self.key_rank[other]

    def best(self, codes: list[int]) -> Iterator[tuple[int, list[tuple[int, int]]]]:
        """From sorted ``codes``: each unit, in order, with its best ``LIMIT``
        (hundredths alike, counterpart), best first."""
        kept: list[tuple[int, int]] = []
        current = -1
        for code in codes:
            unit, rest = divmod(code, self.per_unit)
            if unit != current:
                if kept:
                    yield current, kept
                current, kept = unit, []
            if len(kept) < LIMIT:
                rest, place = divmod(rest, self.keys)
                kept.append((100 - rest // self.distances % 101, self.by_key[place]))
        if kept:
            yield current, kept


# --- What the comparison pages read -------------------------------------------------------


def pairs_between(old: Resolution, new: Resolution) -> Pairs:
    """The units of ``new`` (``Unit.of``) paired with those of ``old`` as lineage pairs them:
    new index -> (old index, alikeness). Read from the paragraphs' ``lineage`` when lineage
    has run over a collection holding them (series neighbours' counterparts are never cut);
    for resolutions without any lineage, decided now by ``pair`` as for series neighbours,
    the boilerplate learned from the two."""
    if not any(p.lineage for r in (old, new) for p in r.paragraphs):
        return _paired_now(old, new)
    before = {u.id: i for i, u in enumerate(Unit.of(old))}
    after = {u.id: j for j, u in enumerate(Unit.of(new))}
    pairs: Pairs = {}
    for p in new.paragraphs:
        for c in p.lineage if p.id in after else ():
            if c.symbol == old.symbol and c.paragraph in before:
                pairs[after[p.id]] = (before[c.paragraph], c.similarity)
    for p in old.paragraphs:  # in case a limit cut the pair on new's side
        for c in p.lineage if p.id in before else ():
            if c.symbol == new.symbol and c.paragraph in after:
                pairs.setdefault(after[c.paragraph], (before[p.id], c.similarity))
    return pairs


def _paired_now(old: Resolution, new: Resolution) -> Pairs:
    corpus = _Corpus.of((old, new), one_series=True)
    earlier, later = (0, 1) if by_adoption(old) <= by_adoption(new) else (1, 0)
    pairs = pair([corpus.text_of[u] for u in corpus.units_at[earlier]],
                 [corpus.text_of[u] for u in corpus.units_at[later]], corpus.alike,
                 corpus.rough(earlier, later))
    if earlier == 0:
        return pairs
    return {i: (j, score) for j, (i, score) in pairs.items()}


# --- Diffs and the stage ---------------------------------------------------------------------


class DiffPart(NamedTuple):
    """A run of words a diff keeps, removes or adds (a tuple: a page makes thousands)."""

    kind: Literal["same", "added", "removed"]
    text: str


def word_diff(old: str, new: str) -> list[DiffPart]:
    """What ``new`` added to and removed from ``old``, word by word, in reading order: the
    words of a longest common subsequence are kept, and between two kept runs the words
    removed come before the words added.

    rapidfuzz's Indel alignment (C++) rather than ``difflib``: the same kind of answer at a
    fraction of the time, which matters with a diff for every lineage link of every page.
    Each distinct word is one character (``_coded``), so equality is exact (no hashing of
    the words) and the alignment runs on two strings."""
    if len(_WORD_CODES) > _WORD_CODES_AT_MOST:  # never on a real collection's vocabulary
        _WORD_CODES.clear()
        _coded.cache_clear()
    a, coded_a = _coded(old)
    b, coded_b = _coded(new)
    parts: list[DiffPart] = []
    i = j = 0  # where the pending change started in a and in b
    for tag, src_start, src_end, dest_start, dest_end in Indel.opcodes(coded_a,
                                                                      coded_b).as_list():
        if tag == "equal":
            if src_start > i:
                parts.append(DiffPart("removed", " ".join(a[i:src_start])))
            if dest_start > j:
                parts.append(DiffPart("added", " ".join(b[j:dest_start])))
            parts.append(DiffPart("same", " ".join(a[src_start:src_end])))
            i, j = src_end, dest_end
    if len(a) > i:
        parts.append(DiffPart("removed", " ".join(a[i:])))
    if len(b) > j:
        parts.append(DiffPart("added", " ".join(b[j:])))
    return parts


class _WordCodes(dict):
    """A word -> the character it is spelt with in ``_coded`` texts: one per distinct word,
    in order of first use, never a surrogate; the same in every text this process diffs."""

    def __missing__(self, word: str) -> str:
        code = len(self)
        found = self[word] = chr(code if code < 0xD800 else code + 0x800)
        return found


_WORD_CODES = _WordCodes()
_WORD_CODES_AT_MOST = 1_000_000  # distinct words before they are numbered afresh (under
# 0x10FFFF, the last character, with the surrogates skipped)


@functools.lru_cache(maxsize=1024)  # a paragraph is diffed with each of its counterparts,
# on its own page and on theirs, drawn near it: its words are split and spelt once
def _coded(text: str) -> tuple[list[str], str]:
    """The words of ``text`` (never changed by the caller), and the text spelt with one
    character a word."""
    words = text.split()
    return words, "".join(map(_WORD_CODES.__getitem__, words))


def with_lineage(resolutions: tuple[Resolution, ...],
                 series: dict[str, Series] | None = None, keep: list[Learned] | None = None
                 ) -> tuple[Resolution, ...]:
    """The resolutions with every top-level paragraph's ``lineage`` filled in (``series``
    and ``keep`` as for ``paragraph_lineage``).

    Without ``keep``, the counterparts are packed in arrays (``_packed_lineage``) before any
    is made: all the objects lineage works with (phrase counts, texts, candidates: some 40
    MiB at 1,000 resolutions) are let go first, and their memory goes back to the system
    instead of staying as holes between the counterparts made meanwhile, holes that every
    worker forked later would be handed (15 MiB less in the build at 1,000)."""
    if keep is not None:
        lineage = paragraph_lineage(resolutions, series, keep=keep)
    else:
        lineage = _unpacked(_packed_lineage(resolutions, series), resolutions)
    return tuple(_with_links(r, lineage) for r in resolutions)


Packed = tuple[array, array, array, array]  # units, their ends, counterparts, shown


def _packed_lineage(resolutions: tuple[Resolution, ...], series: dict[str, Series] | None
                    ) -> Packed:
    """``paragraph_lineage`` as arrays of numbers: each paragraph with counterparts (its
    place among the resolutions' paragraphs) and where its counterparts end; each
    counterpart's place, and its alikeness in hundredths, doubled, plus one if it is later."""
    corpus, ranked = _ranked_lineage(resolutions, series)
    place = {key: n for n, key in enumerate(_paragraph_keys(resolutions))}
    at = [place[key] for key in corpus.keys]  # unit number -> place
    units, ends, counterparts, shown = array("I"), array("I"), array("I"), array("B")
    for unit, found in ranked:
        units.append(at[unit])
        for relation, similarity, other in found:
            counterparts.append(at[other])
            shown.append(2 * round(100 * similarity) + (relation == "later"))
        ends.append(len(counterparts))
    return units, ends, counterparts, shown


def _unpacked(packed: Packed, resolutions: tuple[Resolution, ...]
              ) -> dict[Key, tuple[Counterpart, ...]]:
    """The counterparts again, naming each paragraph by the strings the resolutions hold
    (one copy of each symbol and id in memory, as ``paragraph_lineage`` gives them)."""
    units, ends, counterparts, shown = packed
    keys = _paragraph_keys(resolutions)
    lineage: dict[Key, tuple[Counterpart, ...]] = {}
    start = 0
    for unit, end in zip(units, ends, strict=True):
        lineage[keys[unit]] = tuple(
            Counterpart(*keys[c], _SHOWN[s >> 1], "later" if s & 1 else "earlier")
            for c, s in zip(counterparts[start:end], shown[start:end], strict=True))
        start = end
    return lineage


def _paragraph_keys(resolutions: tuple[Resolution, ...]) -> list[Key]:
    return [(r.symbol, p.id) for r in resolutions for p in r.paragraphs]


def _with_links(resolution: Resolution, lineage: Mapping[Key, Sequence[Counterpart]]
                ) -> Resolution:
    def paragraphs():
        for p in resolution.paragraphs:
            found = tuple(lineage.get((resolution.symbol, p.id), ()))
            yield p if p.lineage == found else changed(p, lineage=found)

    return replace(resolution, paragraphs=tuple(paragraphs()))


def relineage(resolutions: tuple[Resolution, ...], previous: dict[str, Resolution],
              changed: set[str], series: dict[str, Series], learned: Learned,
              kept_as_is: set[str] = frozenset()) -> tuple[Resolution, ...]:
    """Lineage worked out again only where an edit reaches (``mkdocs serve``).

    ``resolutions``: the collection, linked, without lineage; ``previous``: the collection of
    the last build, with its lineage; ``changed``: the symbols whose text changed. The
    edit reaches the changed resolutions, their series and every resolution they shared
    language with: lineage runs again over those alone, with the collection's boilerplate
    (``learned``). A changed resolution takes its new counterparts; the others keep theirs,
    but those in a changed resolution are replaced by the new ones, in order (series
    neighbours first, then the most alike) and within ``LIMIT``; everything else is kept as
    it was. Language an edit newly shares with a resolution outside that reach is found by
    the next full build. ``kept_as_is``: resolutions the link stage kept exactly as in the
    last build (their ``previous`` self is reused whole)."""
    by_symbol = {r.symbol: r for r in resolutions}
    reach = set(changed)
    for symbol in changed:
        if symbol in series:
            reach |= {m for m in series[symbol].members if m in by_symbol}
        old = previous.get(symbol)
        reach |= {c.symbol for p in (old.paragraphs if old else ()) for c in p.lineage
                  if c.symbol in by_symbol}
    part = tuple(by_symbol[s] for s in sorted(reach))
    fresh = paragraph_lineage(part, _within(series, reach), learned=learned)
    adjacent = _adjacent(series)
    rank = {r.symbol: n for n, r in enumerate(sorted(resolutions, key=by_adoption))}
    lineage: dict[Key, list[Counterpart]] = {}
    done: dict[str, Resolution] = {}
    for resolution in resolutions:
        old = previous.get(resolution.symbol)
        if resolution.symbol not in reach and old is not None:
            done[resolution.symbol] = old if resolution.symbol in kept_as_is else _with_links(
                resolution, {(old.symbol, p.id): list(p.lineage) for p in old.paragraphs})
            continue
        for p in resolution.paragraphs:
            key = (resolution.symbol, p.id)
            if resolution.symbol in changed or old is None:
                lineage[key] = fresh.get(key, [])
                continue
            kept = [c for c in _lineage_of(old, p.id) if c.symbol not in changed]
            if resolution.symbol in reach:
                kept += [c for c in fresh.get(key, []) if c.symbol in changed]
            lineage[key] = _ordered(resolution.symbol, kept, adjacent, rank)
    return tuple(done.get(r.symbol) or _with_links(r, lineage) for r in resolutions)


def _lineage_of(resolution: Resolution, paragraph: str) -> tuple[Counterpart, ...]:
    return next((p.lineage for p in resolution.paragraphs if p.id == paragraph), ())


def _within(series: dict[str, Series], symbols: set[str]) -> dict[str, Series]:
    """Each series cut to ``symbols``."""
    return {s: replace(found, members=tuple(m for m in found.members if m in symbols))
            for s, found in series.items() if s in symbols}


def _adjacent(series: dict[str, Series]) -> set[tuple[str, str]]:
    """Consecutive members of every series, both ways."""
    pairs = set()
    for found in {s.id: s for s in series.values()}.values():
        for a, b in itertools.pairwise(found.members):
            pairs |= {(a, b), (b, a)}
    return pairs


def _ordered(symbol: str, found: list[Counterpart], adjacent: set[tuple[str, str]],
             rank: dict[str, int]) -> list[Counterpart]:
    """As ``_ranked`` orders them: per direction, series neighbours first, then the
    most alike, nearest in time first among equals; ``LIMIT`` each way."""
    def order(c: Counterpart):
        return ((symbol, c.symbol) not in adjacent, -c.similarity,
                abs(rank[c.symbol] - rank[symbol]), c.symbol, c.paragraph)

    return [c for relation in ("earlier", "later")
            for c in sorted((c for c in found if c.relation == relation), key=order)[:LIMIT]]
