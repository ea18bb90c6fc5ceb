"""Footnote markers: which characters of a text are references to its footnotes.

In a PDF a marker is raised and set small, and the reader says so (``layout.SUPERSCRIPT``):
each raised run of digits is a marker. A text export has lost that: a marker is a plain
number, usually glued to the word before it (``Organization,1 will``), sometimes glued to a
figure (a raised 6 after "12/345" reads "12/3456") or standing after a space ("the reports,
3 the comments"), among numbers that are never markers ("15,000", "resolution 65/141",
"26 per cent"). There the footnote sequence decides: footnotes are first referenced in order,
1, 2, ... M, so ``find_markers`` picks, among every place a marker could stand, the one
assignment of first references in reading order that reads most like markers (a glued number
counts more than a figure's last digits or a number after a space), and then takes every
further glued number of an already referenced footnote as a repeated reference.

What holds after ``find_markers``: each text has its markers as (footnote, start, end) spans
of its characters, in order; no span overlaps another; every footnote that could not be
placed, and every glued number that looks like a marker of a footnote the text does not have,
is in ``doubts`` with the index of the text it concerns, and the characters stay text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import NamedTuple

from .layout import SUPERSCRIPT
from .patterns import MONTHS
from .styled import Styled

GLUED, FIGURE, SPACED = 3, 1, 1  # how much each kind of place reads like a marker
SKIP = -4  # a footnote left without a first reference costs more than any weak place

# A run of digits that could be a marker, with what stands around it.
# Both start with a digit, the look behind after it (the same test, one character on): a
# pattern that begins with a character class is scanned for it in C, three times as fast over
# a long text as one that begins with a look-behind tried at every position.
_DIGITS = re.compile(
    r"""(?P<number>\d(?<!\d\d)\d{0,2})  # one to three digits, not the end of a longer number
        (?=[\s,;:.)\u201d\u2019]|$)      # followed by a space, punctuation or the end
    """,
    re.X,
)
# A figure a raised marker was glued to: "12/3456" may be "12/345" + 6 or "12/34" + 56.
_FIGURE = re.compile(
    r"""\d(?<![\w/]\d)\d{0,3}/       # a session: "12/", not inside a word or symbol
        (?P<serial>\d{2,6})          # the serial with the marker's digits after it
        (?=[\s,;:.)]|$)""",
    re.X,
)
# Words after which a number is a figure, never a marker: "paragraph 3", "No. 4".
_COUNTING = re.compile(
    r"(?:resolutions?|decisions?|paragraphs?|paras?\.|articles?|chapters?|chap\.|annex|"
    r"sections?|sect\.|items?|No\.|Nos\.|vol\.|volumes?|pages?|p\.|pp\.|rule|rules|"
    r"principles?|Goals?|targets?|SDGs?|and|or|to|from|of|by|the|at|in|on|with|than|"
    r"[Ss]upplement|Add\.|Corr\.|Rev\.|level|levels|phase|category|table|figure)$")
_UNIT_AFTER = re.compile(
    r"\s*(?:per\s?cent|percent|%|" + "|".join(MONTHS) + r"|years?|months?|days?|weeks?|"
    r"hours?|million|billion|trillion|thousand|dollars|euros|States|countries|Member|"
    r"members|times|to\s\d|and\s\d|or\s\d|-)", re.I)


class Place(NamedTuple):  # a tuple: a text may have 100,000 places, made quickly
    text: int  # index of the text
    start: int
    end: int
    number: int
    weight: int


@dataclass
class Markers:
    spans: list[list[tuple[int, int, int]]]  # per text: (footnote, start, end)
    doubts: list[tuple[int, str]] = field(default_factory=list)  # (text index, message)


def find_markers(texts: list[Styled], footnotes: int) -> Markers:
    """The markers of ``texts`` (in reading order) for a document with ``footnotes``."""
    if any(t.styles for t in texts):
        return _raised(texts, footnotes)
    return _sequenced(texts, footnotes)


# --- A PDF: raised digits are markers --------------------------------------------------------


def _raised(texts: list[Styled], footnotes: int) -> Markers:
    result = Markers([[] for _ in texts])
    expected = 1
    for index, text in enumerate(texts):
        for start, end in text.spans(SUPERSCRIPT):
            for match in re.finditer(r"\d+", text.text[start:end]):
                number = int(match.group())
                span = (number, start + match.start(), start + match.end())
                if number > footnotes:
                    result.doubts.append((index, f"a raised {number} but the text has "
                                          f"{footnotes} footnotes: kept as text"))
                    continue
                if number > expected:
                    result.doubts.append((index, f"marker {number} comes before footnote "
                                          f"{expected} is referenced"))
                expected = max(expected, number + 1)
                result.spans[index].append(span)
    for missing in range(expected, footnotes + 1):
        result.doubts.append((len(texts) - 1, f"footnote {missing} is never referenced"))
    return result


# --- A text export: the footnote sequence decides --------------------------------------------


def _places(texts: list[Styled], footnotes: int) -> list[Place]:
    places: list[Place] = []
    highest = max(footnotes, 1) + 1
    for index, styled in enumerate(texts):
        text = styled.text
        for match in _DIGITS.finditer(text):
            number = int(match.group())  # the match is its digits (the rest looks around)
            if not 1 <= number <= highest:
                continue
            start, end = match.span()
            weight = _weight(text, start, end)
            if weight:
                places.append(Place(index, start, end, number, weight))
        for match in _FIGURE.finditer(text):
            end = match.end("serial")
            for digits in (1, 2):
                if len(match["serial"]) > digits and 1 <= int(text[end - digits:end]) <= footnotes:
                    places.append(Place(index, end - digits, end, int(text[end - digits:end]),
                                        FIGURE))
    places.sort(key=lambda p: (p.text, p.start))
    return places


# How far back ``_weight`` looks for the word a marker is glued to: longer than any word
# (a URL of a footnote included). Looking at all the text before every place would make
# the work grow with the square of the text.
_LOOKBACK = 200


def _weight(text: str, start: int, end: int) -> int:
    """How much the digits at ``start`` read like a marker; 0 when they never are one."""
    if not start:
        return 0
    last = text[start - 1]
    before = text[max(0, start - _LOOKBACK):start]
    words = before.rsplit(None, 1)  # from the right: only the last word is split off
    token = words[-1] if words else ""
    if last.isalpha():
        if token.isalpha():  # the common case, at once
            return GLUED
        return GLUED if not (any(map(str.isdigit, token)) or "/" in token) else 0
    if last in ",;:)\u201d\u2019\"'":
        if last == "," and before[-2:-1].isdigit() and end - start == 3:
            return 0  # "15,000": a thousands group
        return GLUED
    if last == ".":
        return GLUED if not before[-2:-1].isdigit() and "/" not in token else 0
    if last == " " and token:
        word = token.rstrip(",;:")
        if (_COUNTING.search(word) or any(map(str.isdigit, token))
                or not (token[-1].isalpha() or token[-1] in ",;:)\u201d\u2019")
                or _UNIT_AFTER.match(text, end) or (token[:1].isupper() and len(token) <= 2)):
            return 0
        return SPACED
    return 0


def _sequenced(texts: list[Styled], footnotes: int) -> Markers:
    places = _places(texts, footnotes)
    result = Markers([[] for _ in texts])
    at = _first_references(places, footnotes)  # footnote -> position of its first place
    first = {number: places[position] for number, position in at.items()}
    chosen = set(at.values())
    for position, place in enumerate(places):
        number = place.number
        if position in chosen:
            result.spans[place.text].append((number, place.start, place.end))
        elif (place.weight == GLUED and number in at and position > at[number]
              and _clear_of(result.spans[place.text], place)):
            result.spans[place.text].append((number, place.start, place.end))  # again
        elif place.weight == GLUED and number > footnotes:
            context = texts[place.text].text[max(0, place.start - 20):place.end]
            result.doubts.append((place.text, f"“…{context}”: {number} stands like a "
                                  f"footnote marker, but the text has {footnotes} "
                                  "footnotes; kept as text"))
    for spans in result.spans:
        spans.sort(key=lambda s: s[1])
    previous = None  # the text of the latest footnote referenced so far
    for number in range(1, footnotes + 1):
        if number in first:
            previous = first[number].text
        else:
            after = f" (after footnote {number - 1})" if number - 1 in first else ""
            where = previous if previous is not None else _where_later(first, number)
            result.doubts.append((where,
                                  f"footnote {number} is never referenced in the text: no "
                                  f"marker {number} stands here or in the paragraphs that "
                                  f"follow{after}; its note is kept"))
    return result


def _clear_of(spans: list[tuple[int, int, int]], place: Place) -> bool:
    """Does ``place`` overlap none of ``spans``? Places come in reading order and spans are
    taken in it, so only the last span taken can reach the next place: the check costs the
    same however many markers a text has."""
    return not spans or spans[-1][2] <= place.start


def _first_references(places: list[Place], footnotes: int) -> dict[int, int]:
    """The best assignment of first references 1..M to places in reading order, as the
    position in ``places`` of each footnote's first reference.

    Dynamic programming over a frontier of states (last place used, score): a state with a
    later place and no higher score is never better, so the frontier holds at most one state
    per score and the work is linear in the places for a given number of footnotes. Each
    state keeps its choices as a linked list (place, earlier choices).
    """
    by_number: dict[int, list[int]] = {}
    for position, place in enumerate(places):
        by_number.setdefault(place.number, []).append(position)
    Chain = tuple  # (place position, Chain) or ()
    positions: list[int] = [-1]
    scores: list[int] = [0]
    chains: list[Chain] = [()]
    for number in range(1, footnotes + 1):
        states = [(pos, score + SKIP, chain)
                  for pos, score, chain in zip(positions, scores, chains, strict=True)]
        best = None  # a new state no better than one at an earlier place is never kept
        for position in by_number.get(number, ()):
            k = bisect_left(positions, position) - 1  # the best state strictly before it
            if k >= 0 and (best is None or scores[k] + places[position].weight > best):
                best = scores[k] + places[position].weight
                states.append((position, best, (position, chains[k])))
        states.sort(key=lambda state: (state[0], -state[1]))
        positions, scores, chains = [], [], []
        for pos, score, chain in states:
            if scores and score <= scores[-1]:
                continue
            positions.append(pos)
            scores.append(score)
            chains.append(chain)
    chosen: dict[int, int] = {}
    chain = chains[-1]
    while chain:
        position, chain = chain
        chosen[places[position].number] = position
    return chosen


def _where_later(first: dict[int, Place], number: int) -> int:
    """The text where footnote ``number`` should have been referenced when no footnote
    before it was: before the next one that is (or the first text)."""
    later = [first[n].text for n in range(number + 1, number + 50) if n in first]
    return later[0] if later else 0
