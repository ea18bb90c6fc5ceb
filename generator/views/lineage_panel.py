"""A paragraph's lineage, as the small panel after it shows it: its counterparts in the
collection's other resolutions (``Paragraph.lineage``, filled in by the lineage stage).

What holds: one ``LineageView`` per counterpart, in the order lineage lists them, each linked to
the counterpart paragraph with the word diff from the earlier text to the later one (empty
when the words are the same); paragraphs without counterparts have no entry.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..lineage import DiffPart, word_diff
from ..model import LineageLink, Paragraph, Resolution
from ..paths import Href


@dataclass(frozen=True)
class LineageView:
    """One counterpart of a paragraph, as its lineage panel shows it."""

    label: str  # "64/187 op6"
    href: str
    percent: int
    relation: str  # "earlier" or "later"
    year: int
    diff: list[DiffPart]  # from the earlier text to the later one; empty when the same



def lineage_views(resolution: Resolution, corpus: dict[str, Resolution], href: Href
                  ) -> dict[str, list[LineageView]]:
    """For each paragraph with counterparts (by id): each one, linked, with its word diff."""
    views: dict[str, list[LineageView]] = {}
    for paragraph in resolution.paragraphs:
        found = [lineage_view(paragraph, c, corpus[c.symbol], href) for c in paragraph.lineage]
        if found:
            views[paragraph.id] = found
    return views


def lineage_view(paragraph: Paragraph, link: LineageLink, other: Resolution, href: Href
                 ) -> LineageView:
    """The counterpart ``link`` of ``paragraph``, a paragraph of ``other``."""
    text = next(p.text for p in other.paragraphs if p.id == link.paragraph)
    old, new = (text, paragraph.text) if link.relation == "earlier" else (paragraph.text, text)
    return LineageView(
        f"{other.number} {link.paragraph}", href.paragraph(other.symbol, link.paragraph),
        round(link.similarity * 100), link.relation, other.adopted.year,
        word_diff(old, new) if old != new else [])
