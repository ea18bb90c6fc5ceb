"""What the References, Cited by, Cited documents and Glossary sections show, ready to draw.

Plain data built from the link stage's citation graph; the templates only loop over it. Every
href is relative to the page that shows it.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from .data import Body
from .glossary import find_terms
from .link import CitationGraph, Place, Target
from .model import Resolution
from .paths import symbol_key, symbol_page

# Sections of the References panel, in the order a reader scans them.
GROUPS = (
    ("resolution", "General Assembly resolutions"),
    ("council-resolution", "Economic and Social Council resolutions"),
    ("security-council-resolution", "Security Council resolutions"),
    ("document", "Documents"),
    ("instrument", "Instruments"),
)
GROUP_TITLES = dict(GROUPS)

Href = Callable[[str], str]  # site source path -> href from the page being drawn


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
    return href(target.href_from_root) if target.internal else target.href_from_root


def _target_title(target: Target, corpus: dict[str, Resolution]) -> str:
    held = corpus.get(target.key)
    if held is not None:
        return f"{held.number}: {held.title}"
    return target.label if target.kind == "instrument" else f"{target.key} (undocs.org)"


def references_of(resolution: Resolution, graph: CitationGraph,
                  corpus: dict[str, Resolution], href: Href) -> list[Group]:
    """What ``resolution`` cites, grouped by kind, each with the paragraphs that cite it."""
    by_target: dict[str, list[Place]] = defaultdict(list)
    for key, place in graph.cites.get(resolution.symbol, []):
        if key != resolution.symbol:
            by_target[key].append(place)
    groups = []
    for kind, title in GROUPS:
        keys = sorted((k for k in by_target if graph.targets[k].kind == kind),
                      key=lambda k: symbol_key(graph.targets[k].label))
        entries = [_entry(graph.targets[k], by_target[k], corpus, href, own=True) for k in keys]
        if entries:
            groups.append(Group(title, entries))
    return groups


def _entry(target: Target, places: list[Place], corpus: dict[str, Resolution], href: Href,
           own: bool) -> Entry:
    links = []
    for place in _unique(places):
        page = "" if own else href(symbol_page(place.symbol))
        number = corpus[place.symbol].number if place.symbol in corpus else place.symbol
        label = place.anchor if own else f"{number} {place.anchor}"
        links.append(PlaceLink(label, f"{page}#{place.anchor}", place.paragraph))
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
    places_by_symbol: dict[str, list[Place]] = defaultdict(list)
    for place in graph.cited_by(resolution.symbol):
        places_by_symbol[place.symbol].append(place)
    citers = []
    for symbol in sorted(places_by_symbol, key=symbol_key):
        page = href(symbol_page(symbol))
        links = [PlaceLink(p.anchor, f"{page}#{p.anchor}", p.paragraph)
                 for p in _unique(places_by_symbol[symbol])]
        citers.append(Citer(corpus[symbol], page, links))
    return citers


@dataclass(frozen=True)
class CitedDocument:
    entry: Entry
    count: int  # places citing it
    resolutions: int  # distinct resolutions citing it
    kind_title: str


def cited_documents(graph: CitationGraph, corpus: dict[str, Resolution], href: Href
                    ) -> list[CitedDocument]:
    """Everything cited anywhere, most cited first (then by symbol)."""
    rows = []
    for key, places in graph.cited_at.items():
        target = graph.targets[key]
        entry = _entry(target, places, corpus, href, own=False)
        rows.append(CitedDocument(entry, len(places), len({p.symbol for p in places}),
                                  GROUP_TITLES.get(target.kind, target.kind)))
    return sorted(rows, key=lambda r: (-r.count, symbol_key(r.entry.label)))


@dataclass(frozen=True)
class GlossaryEntry:
    body: Body
    resolutions: list[tuple[Resolution, str]]  # (resolution, href) that mention the body


def glossary(bodies: tuple[Body, ...], resolutions: tuple[Resolution, ...], href: Href
             ) -> list[GlossaryEntry]:
    """Every body of data/bodies.yaml, with the resolutions that name it."""
    mentions: dict[str, set[str]] = defaultdict(set)
    for resolution in resolutions:
        texts = [p.text for p in resolution.paragraphs] + [f.text for f in resolution.footnotes]
        for text in texts:
            for term in find_terms(text, bodies):
                mentions[term.body.abbr].add(resolution.symbol)
    by_symbol = {r.symbol: r for r in resolutions}
    return [GlossaryEntry(body, [(by_symbol[s], href(symbol_page(s)))
                                 for s in sorted(mentions[body.abbr], key=symbol_key)])
            for body in sorted(bodies, key=lambda b: b.abbr.lower())]
