"""The Cited documents page: everything cited anywhere in the collection, ready to draw.

What holds: every target of the citation graph once, with each place citing it, most cited
first, then by symbol; each place is named by its resolution and anchor and linked from the
page.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..link import CitationGraph
from ..model import Resolution
from ..paths import Href, symbol_key
from .references import GROUP_TITLES, Entry, entry


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
        found = entry(target, places, corpus, href, own=False)
        rows.append(CitedDocument(found, len(places), len({p.symbol for p in places}),
                                  GROUP_TITLES.get(target.kind, target.kind)))
    return sorted(rows, key=lambda r: (-r.count, symbol_key(r.entry.label)))

