"""A comparison page: what changed between two consecutive resolutions of a series, row by
row (``compare.compare``), ready to draw.

What holds: one ``RowView`` per row of the comparison, in its order, anchored by the new
paragraph's id (a dropped one by ``was-`` and the old id) and linked to the paragraphs on both
resolutions' pages; ``between`` names the members of the series adopted between the two that
the collection lacks.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..compare import Comparison, Row
from ..paths import Href
from .links import MissingLink, ResolutionLink, resolution_link

STATUS_TITLES = {"kept": "Kept", "changed": "Changed", "moved": "Moved", "added": "Added",
                 "dropped": "Dropped"}


@dataclass(frozen=True)
class RowView:
    row: Row
    id: str  # the row's anchor on the comparison page: the new paragraph's id, or "was-pp6"
    old_href: str | None
    new_href: str | None

    @property
    def status_title(self) -> str:
        return STATUS_TITLES[self.row.status]

    @property
    def percent(self) -> int:
        return round(self.row.similarity * 100)

    @property
    def moved_from(self) -> str:
        """"from the preamble" when a paragraph changed part, else ""."""
        old, new = self.row.old, self.row.new
        if self.row.status != "moved" or old is None or new is None or old.kind == new.kind:
            return ""
        return {"preambular": "from the preamble", "operative": "from the operative part",
                "annex": "from the annex"}.get(old.kind, "")


@dataclass(frozen=True)
class ComparisonView:
    comparison: Comparison
    old: ResolutionLink
    new: ResolutionLink
    rows: list[RowView]
    counts: dict[str, int]
    between: list[MissingLink]  # members of the series adopted between the two, not held


def comparison_view(comparison: Comparison, href: Href) -> ComparisonView:
    """``href`` is the comparison page's."""
    old, new = comparison.old.symbol, comparison.new.symbol
    rows = [RowView(row, row.new.id if row.new else f"was-{row.old.id}",  # type: ignore[union-attr]
                    href.paragraph(old, row.old.id) if row.old else None,
                    href.paragraph(new, row.new.id) if row.new else None)
            for row in comparison.rows]
    series = comparison.new.series
    between = series.between(old, new) if series else ()
    return ComparisonView(comparison, resolution_link(comparison.old, href),
                          resolution_link(comparison.new, href), rows, comparison.counts,
                          [MissingLink(s) for s in between])
