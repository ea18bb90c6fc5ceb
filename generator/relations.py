"""Relations between whole resolutions: series, citations either way, and related language.

The last part of the link stage, after citations are resolved (``link``) and paragraph lineage
is known (``lineage``). Everything here is derived from those two; nothing reads text again,
and citations are read only from the link stage's citation graph (``CitationGraph.links``).

What holds after ``with_relations``:
- every resolution has a ``series`` (``series.find_series``): the resolutions of the corpus on
  the same subject or naming each other as earlier resolutions on the item, ordered by
  adoption date then symbol, with the earlier members they name that the corpus lacks; a
  resolution alone on its subject is a series of one;
- ``cites`` lists what the resolution cites, one entry per target in order of first citation,
  with every anchor it is cited at; ``cited_by`` lists the other resolutions of the corpus
  citing it, in corpus order, with the anchors of the citing resolution;
- ``related`` lists at most ``RELATED`` other resolutions sharing the most paragraphs' language
  with it (lineage counterparts), then the highest average similarity.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import replace

from .link import CitationGraph
from .model import Related, Resolution, Series
from .series import find_series

RELATED = 5  # other resolutions listed as related by text


def all_series(resolutions: Iterable[Resolution]) -> list[Series]:
    """Each series of the resolutions once, in order of id."""
    found = {r.series.id: r.series for r in resolutions if r.series}
    return [found[key] for key in sorted(found)]


def related_by_text(resolution: Resolution) -> tuple[Related, ...]:
    """The resolutions this one's paragraphs share the most language with."""
    best: dict[str, dict[str, float]] = defaultdict(dict)  # symbol -> paragraph -> similarity
    for paragraph in resolution.paragraphs:
        for counterpart in paragraph.lineage:
            found = best[counterpart.symbol]
            found[paragraph.id] = max(found.get(paragraph.id, 0.0), counterpart.similarity)
    ranked = sorted(
        (Related(symbol, len(found), round(sum(found.values()) / len(found), 2))
         for symbol, found in best.items()),
        key=lambda r: (-r.paragraphs, -r.similarity, r.symbol))
    return tuple(ranked[:RELATED])


def with_relations(resolutions: tuple[Resolution, ...], graph: CitationGraph,
                   series: dict[str, Series] | None = None) -> tuple[Resolution, ...]:
    """The resolutions with ``series`` (``find_series`` unless given), ``cites``,
    ``cited_by`` and ``related`` filled in."""
    series = series if series is not None else find_series(resolutions)
    cites, cited_by = graph.links({r.symbol for r in resolutions})
    order = {r.symbol: n for n, r in enumerate(resolutions)}
    return tuple(
        replace(r, series=series[r.symbol], cites=cites.get(r.symbol, ()),
                cited_by=tuple(sorted(cited_by.get(r.symbol, ()),
                                      key=lambda c: order[c.symbol])),
                related=related_by_text(r))
        for r in resolutions)
