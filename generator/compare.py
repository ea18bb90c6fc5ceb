"""What changed between two resolutions of a series, paragraph by paragraph.

Delegates negotiate from last session's text; this aligns the two texts the way they read
them. Unlike corpus lineage, which must stay cheap across 600,000 paragraphs, a comparison is
between two resolutions of a few dozen paragraphs, so every pair is scored:

1. Units: each top-level paragraph with its sub-paragraphs ("(a) ...") is one unit, as
   paragraphs are what delegates move and renumber.
2. Same words: units whose text is identical are paired first, in order.
3. Similar words: the remaining pairs are scored (``lineage.similarity``) and paired best
   first while at least ``THRESHOLD`` alike.
4. Order: the pairs that keep their relative order are the longest increasing run of old
   positions; a pair outside it, or that crossed between preamble and operative part, moved.

What holds after ``compare``: every unit of both resolutions is in exactly one row, in the
order of the new text, with each dropped unit placed after the row of its old predecessor; a
row is ``kept`` (same words, same place), ``changed`` (reworded), ``moved`` (in another place
or part, reworded or not), ``added`` or ``dropped``; ``counts`` sums the rows by status.
"""

from __future__ import annotations

from bisect import bisect_left
from collections import Counter
from dataclasses import dataclass
from typing import Literal

from .lineage import DiffPart, similarity, word_diff, words
from .model import Paragraph, Resolution

THRESHOLD = 0.55  # least similarity for two units of consecutive resolutions to be paired
STATUSES = ("kept", "changed", "moved", "added", "dropped")
Status = Literal["kept", "changed", "moved", "added", "dropped"]


@dataclass(frozen=True)
class Unit:
    """A top-level paragraph with its sub-paragraphs, as one text."""

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


def _joined(text: str, sub: Paragraph) -> str:
    return f"{text} {sub.label} {sub.text}" if sub.label else f"{text} {sub.text}"


@dataclass(frozen=True)
class Row:
    status: Status
    old: Unit | None
    new: Unit | None
    similarity: float  # 1.0 for same words, 0.0 for added and dropped
    diff: tuple[DiffPart, ...]  # old -> new, for changed and moved rows


@dataclass(frozen=True)
class Comparison:
    old: Resolution
    new: Resolution
    rows: tuple[Row, ...]

    @property
    def counts(self) -> dict[str, int]:
        found = Counter(row.status for row in self.rows)
        return {status: found[status] for status in STATUSES}


def compare(old: Resolution, new: Resolution) -> Comparison:
    before, after = Unit.of(old), Unit.of(new)
    pairs = _pair(before, after)  # new index -> (old index, similarity)
    moved = _moved(pairs, before, after)
    rows: list[Row] = []
    dropped = sorted(set(range(len(before))) - {i for i, _ in pairs.values()})
    placed = _dropped_after(dropped, pairs)
    rows += [_dropped(before[i]) for i in placed.get(-1, [])]
    for j, unit in enumerate(after):
        if j not in pairs:
            rows.append(Row("added", None, unit, 0.0, ()))
            continue
        i, score = pairs[j]
        same = before[i].text == unit.text
        status: Status = "moved" if j in moved else "kept" if same else "changed"
        diff = () if same else tuple(word_diff(before[i].text, unit.text))
        alike = 1.0 if same else min(round(score, 2), 0.99)  # reworded is never 100%
        rows.append(Row(status, before[i], unit, alike, diff))
        rows += [_dropped(before[k]) for k in placed.get(i, [])]
    return Comparison(old, new, tuple(rows))


def _dropped(unit: Unit) -> Row:
    return Row("dropped", unit, None, 0.0, ())


def _pair(before: list[Unit], after: list[Unit]) -> dict[int, tuple[int, float]]:
    pairs: dict[int, tuple[int, float]] = {}
    used: set[int] = set()
    for j, unit in enumerate(after):  # same words first, in order
        i = next((i for i, b in enumerate(before) if i not in used and b.text == unit.text),
                 None)
        if i is not None:
            pairs[j] = (i, 1.0)
            used.add(i)
    tokens_before = [words(u.text) for u in before]
    scored = sorted(
        (-similarity(tokens_before[i], words(unit.text)), j, i)
        for j, unit in enumerate(after) if j not in pairs
        for i in range(len(before)) if i not in used)
    for negative, j, i in scored:
        if -negative < THRESHOLD:
            break
        if j not in pairs and i not in used:
            pairs[j] = (i, -negative)
            used.add(i)
    return pairs


def _moved(pairs: dict[int, tuple[int, float]], before: list[Unit], after: list[Unit]
           ) -> set[int]:
    """New indexes of the pairs outside the longest run keeping their order, or that crossed
    between the preamble and the operative part."""
    order = sorted(pairs)
    in_order = set(_longest_increasing([pairs[j][0] for j in order]))
    return {j for n, j in enumerate(order)
            if n not in in_order or before[pairs[j][0]].kind != after[j].kind}


def _longest_increasing(values: list[int]) -> list[int]:
    """Positions of one longest strictly increasing subsequence (patience sorting)."""
    tails: list[int] = []  # values
    tail_at: list[int] = []  # their positions
    back: list[int] = [-1] * len(values)
    for n, value in enumerate(values):
        k = bisect_left(tails, value)
        if k == len(tails):
            tails.append(value)
            tail_at.append(n)
        else:
            tails[k], tail_at[k] = value, n
        back[n] = tail_at[k - 1] if k else -1
    result, n = [], tail_at[-1] if tail_at else -1
    while n >= 0:
        result.append(n)
        n = back[n]
    return result[::-1]


def _dropped_after(dropped: list[int], pairs: dict[int, tuple[int, float]]
                   ) -> dict[int, list[int]]:
    """Each dropped old unit goes after the row of the nearest kept old unit before it (-1:
    before everything)."""
    paired = sorted(i for i, _ in pairs.values())
    placed: dict[int, list[int]] = {}
    for i in dropped:
        k = bisect_left(paired, i)
        placed.setdefault(paired[k - 1] if k else -1, []).append(i)
    return placed
