"""The "See also" panel of a resolution page: its series (with the members the collection
lacks), what it recalls and what recalls it among the collection, and the resolutions it
shares the most language with. Not a paragraph's lineage (``lineage_panel``): this panel is
about whole resolutions.

Plain data built from the relations the link stage filled in (``relations``); the template
only loops over it, and renders from the ``panel`` value alone. Every href is made by the
``Href`` of the page showing it (the resolution's own page).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from ..model import Resolution, Series
from ..paths import Href, compare_path, fragment
from .links import MissingLink, ResolutionLink, resolution_link


@dataclass(frozen=True)
class SeriesEntry:
    """One known member of a series, in its place: held (``link``) or not (``missing``)."""

    link: ResolutionLink | None
    missing: MissingLink | None
    retitled: str | None = None  # the new title, where the series took it


@dataclass(frozen=True)
class Cited:
    """A resolution of the corpus recalled by, or recalling, the one on the page."""

    link: ResolutionLink
    places: list[tuple[str, str]]  # (anchor label, href): where the citation stands


@dataclass(frozen=True)
class RelatedLink:
    link: ResolutionLink
    paragraphs: int
    percent: int


@dataclass(frozen=True)
class Panel:
    """The "See also" panel of one resolution (``templates/see_also.html``)."""

    symbol: str
    series: Series
    members: list[ResolutionLink]  # in the collection
    entries: list[SeriesEntry]  # every known member, the missing ones in place
    previous: ResolutionLink | None
    next: ResolutionLink | None
    compare_previous: str | None  # href of the comparison with the previous member
    compare_next: str | None
    recalls: list[Cited]
    recalled_by: list[Cited]
    related: list[RelatedLink]

    @property
    def position(self) -> int:
        return self.series.position(self.symbol)

    @property
    def missing(self) -> int:
        """Known members the collection lacks."""
        return len(self.series.missing)


def see_also_panel(resolution: Resolution, corpus: dict[str, Resolution], href: Href) -> Panel:
    """``href`` is the ``Href`` of the page showing the panel (the resolution's own)."""
    def link(symbol: str) -> ResolutionLink:
        return resolution_link(corpus[symbol], href)

    series = resolution.series or Series(resolution.symbol, resolution.title,
                                         (resolution.symbol,))
    previous, following = series.neighbours(resolution.symbol)
    recalls = [Cited(link(c.symbol), [(a, fragment(a)) for a in c.at])
               for c in resolution.cites if c.internal and c.symbol in corpus]
    recalled_by = [Cited(link(c.symbol), [(a, href.paragraph(c.symbol, a)) for a in c.at])
                   for c in resolution.cited_by]
    return Panel(
        symbol=resolution.symbol,
        series=series,
        members=[link(s) for s in series.members],
        entries=series_entries(series, link),
        previous=link(previous) if previous else None,
        next=link(following) if following else None,
        compare_previous=href.to(compare_path(previous, resolution.symbol)) if previous else None,
        compare_next=href.to(compare_path(resolution.symbol, following)) if following else None,
        recalls=recalls,
        recalled_by=recalled_by,
        related=[RelatedLink(link(r.symbol), r.paragraphs, round(r.similarity * 100))
                 for r in resolution.related if r.symbol in corpus],
    )


def series_entries(series: Series, link: Callable[[str], ResolutionLink]
                   ) -> list[SeriesEntry]:
    """The series as the record knows it, each title change marked where it happened."""
    retitled = dict(series.titles[1:])
    return [SeriesEntry(link(symbol), None, retitled.get(symbol)) if held
            else SeriesEntry(None, MissingLink(symbol))
            for symbol, held in series.sequence()]
