"""What the resolution-level "See also" panel and the comparison pages show, ready to draw.

Plain data built from the relations the link stage filled in (``relations``) and from
``compare``; the templates only loop over it. Every href is relative to the page showing it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from .compare import Comparison, Row
from .model import Resolution, Series
from .paths import official_url, page_path

Href = Callable[[str], str]  # site source path -> href from the page being drawn


def compare_path(old: str, new: str) -> str:
    """Site source path of the comparison of two resolutions of a series:
    ``compare/A-RES-64-187--A-RES-66-184.md`` (both ends named, so the link never changes)."""
    return f"compare/{old.replace('/', '-')}--{new.replace('/', '-')}.md"


@dataclass(frozen=True)
class ResolutionLink:
    """A resolution as a link: "64/187 (2009)", its title on hover."""

    resolution: Resolution
    href: str

    @property
    def label(self) -> str:
        return self.resolution.number


@dataclass(frozen=True)
class MissingLink:
    """A member of a series the collection lacks, known from its members' citations: linked
    to the official document."""

    symbol: str

    @property
    def label(self) -> str:
        return self.symbol.removeprefix("A/RES/")

    @property
    def href(self) -> str:
        return official_url(self.symbol)


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
    """The "See also" panel of one resolution."""

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
    """``href`` is relative to the page showing the panel (the resolution's own page)."""
    def link(symbol: str) -> ResolutionLink:
        return ResolutionLink(corpus[symbol], href(page_path(corpus[symbol])))

    series = resolution.series or Series(resolution.symbol, resolution.title,
                                         (resolution.symbol,))
    previous, following = series.neighbours(resolution.symbol)
    recalls = [Cited(link(c.symbol), [(a, f"#{a}") for a in c.at])
               for c in resolution.cites if c.internal and c.symbol in corpus]
    recalled_by = [
        Cited(link(c.symbol), [(a, href(page_path(corpus[c.symbol])) + f"#{a}") for a in c.at])
        for c in resolution.cited_by]
    return Panel(
        symbol=resolution.symbol,
        series=series,
        members=[link(s) for s in series.members],
        entries=series_entries(series, link),
        previous=link(previous) if previous else None,
        next=link(following) if following else None,
        compare_previous=href(compare_path(previous, resolution.symbol)) if previous else None,
        compare_next=href(compare_path(resolution.symbol, following)) if following else None,
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
    old_page = href(page_path(comparison.old))
    new_page = href(page_path(comparison.new))
    rows = [RowView(row, row.new.id if row.new else f"was-{row.old.id}",  # type: ignore[union-attr]
                    f"{old_page}#{row.old.id}" if row.old else None,
                    f"{new_page}#{row.new.id}" if row.new else None)
            for row in comparison.rows]
    series = comparison.new.series
    between = series.between(comparison.old.symbol, comparison.new.symbol) if series else ()
    return ComparisonView(comparison, ResolutionLink(comparison.old, old_page),
                          ResolutionLink(comparison.new, new_page), rows, comparison.counts,
                          [MissingLink(s) for s in between])
