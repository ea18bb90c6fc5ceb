"""What changed between two resolutions of a series, paragraph by paragraph.

Delegates negotiate from last session's text; this aligns the two texts the way they read
them:

1. Units: each top-level paragraph with its sub-paragraphs ("(a) ...") is one unit
   (``lineage.Unit``), as paragraphs are what delegates move and renumber.
2. Pairs: which unit of the new text is which of the old is lineage's decision
   (``lineage.pairs_between``, made by ``lineage.pair``: the same words first, in order, then
   the most alike, one to one, while at least ``lineage.THRESHOLD`` alike in their
   distinctive words). A comparison page and the paragraphs' lineage therefore never
   disagree: every pair shown here is a lineage pair, and every lineage pair between the two
   resolutions is shown here.
3. Order: the pairs that keep their relative order are the longest increasing run of old
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

from .lineage import DiffPart, Unit, pairs_between, word_diff
from .model import Resolution

__all__ = ["STATUSES", "Comparison", "Row", "Status", "Unit", "compare"]

STATUSES = ("kept", "changed", "moved", "added", "dropped")
Status = Literal["kept", "changed", "moved", "added", "dropped"]


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
    pairs = pairs_between(old, new)  # new index -> (old index, alikeness)
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
