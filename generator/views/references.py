"""The References and Cited by panels of a resolution page, ready to draw.

Plain data built from the link stage's citation graph (``link.CitationGraph``); the templates
only loop over it. What holds: References lists what the resolution cites (never itself),
grouped by kind in ``GROUPS`` order and sorted by symbol within a group, each cited thing once
with every place citing it once; Cited by lists the other resolutions of the corpus citing it,
by symbol. Every href is made by the ``Href`` of the page that shows it.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..link import CitationGraph, Place, Target
from ..model import Resolution
from ..paths import Href, fragment, symbol_key

# Sections of the References panel, in the order a reader scans them.
GROUPS = (
    ("resolution", "General Assembly resolutions"),
    ("council-resolution", "Economic and Social Council resolutions"),
    ("security-council-resolution", "Security Council resolutions"),
    ("document", "Documents"),
    ("instrument", "Instruments"),
)
GROUP_TITLES = dict(GROUPS)

@dataclass(frozen=True)
class PlaceLink:
    """A paragraph or footnote that cites something, as a link."""

    label: str  # "op19", "fn3", or "66/184 op19" on pages listing several resolutions
    href: str
    cited: str | None  # the cited paragraph, "op22", when the citation names one

    @property
    def cited_label(self) -> str:
        """"para. 22" for op22 (operative numbers are the printed ones), "para. 35" for 35."""
        return "para. " + (self.cited or "").removeprefix("op")


@dataclass(frozen=True)
class Entry:
    """One cited thing and the places that cite it."""

    label: str
    href: str
    internal: bool
    kind: str
    title: str  # hover text
    places: list[PlaceLink]


@dataclass(frozen=True)
class Group:
    title: str
    entries: list[Entry]


def _target_href(target: Target, href: Href) -> str:
    return href.to(target.href_from_root) if target.internal else target.href_from_root


def _target_title(target: Target, corpus: dict[str, Resolution]) -> str:
    held = corpus.get(target.key)
    if held is not None:
        return f"{held.number}: {held.title}"
    return target.label if target.kind == "instrument" else f"{target.key} (undocs.org)"


def references_of(resolution: Resolution, graph: CitationGraph,
                  corpus: dict[str, Resolution], href: Href) -> list[Group]:
    """What ``resolution`` cites, grouped by kind, each with the paragraphs that cite it."""
    by_target = graph.cited_from(resolution.symbol)
    groups = []
    for kind, title in GROUPS:
        keys = sorted((k for k in by_target if graph.targets[k].kind == kind),
                      key=lambda k: symbol_key(graph.targets[k].label))
        entries = [entry(graph.targets[k], by_target[k], corpus, href, own=True) for k in keys]
        if entries:
            groups.append(Group(title, entries))
    return groups


def entry(target: Target, places: list[Place], corpus: dict[str, Resolution], href: Href,
          own: bool) -> Entry:
    """``target`` with the places citing it: on the citing resolution's own page (``own``),
    each place by its anchor; on a page about several, by resolution and anchor."""
    links = []
    for place in _unique(places):
        number = corpus[place.symbol].number if place.symbol in corpus else place.symbol
        label = place.anchor if own else f"{number} {place.anchor}"
        where = fragment(place.anchor) if own else href.paragraph(place.symbol, place.anchor)
        links.append(PlaceLink(label, where, place.paragraph))
    label = target.label
    held = corpus.get(target.key)
    if held is not None and target.kind != "instrument":
        label = f"{target.key}: {held.title}"
    return Entry(label, _target_href(target, href), target.internal, target.kind,
                 _target_title(target, corpus), links)


def _unique(places: list[Place]) -> list[Place]:
    seen: set[tuple[str, str, str | None]] = set()
    result = []
    for place in places:
        key = (place.symbol, place.anchor, place.paragraph)
        if key not in seen:
            seen.add(key)
            result.append(place)
    return result


@dataclass(frozen=True)
class Citer:
    """A corpus resolution that cites the page's resolution, and where."""

    resolution: Resolution
    href: str
    places: list[PlaceLink]


def cited_by(resolution: Resolution, graph: CitationGraph, corpus: dict[str, Resolution],
             href: Href) -> list[Citer]:
    """The other resolutions of the corpus citing ``resolution``, each with where it does."""
    places_by_symbol = graph.citers_of(resolution.symbol)
    citers = []
    for symbol in sorted(places_by_symbol, key=symbol_key):
        page = href.symbol(symbol)
        links = [PlaceLink(p.anchor, href.paragraph(symbol, p.anchor), p.paragraph)
                 for p in _unique(places_by_symbol[symbol])]
        citers.append(Citer(corpus[symbol], page, links))
    return citers
