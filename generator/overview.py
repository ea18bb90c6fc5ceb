"""The corpus overview: the citation graph as an SVG drawn at build time, a timeline, and the
corpus-wide ``graph.json``.

Why an SVG of our own rather than a graph library (Graphviz, networkx + matplotlib): the
picture has a natural layout, time across and one lane per series down, so no layout engine is
needed; drawing it is a few dozen lines of exact, deterministic markup, inlined in the page so
every node is a real link, styled by the theme's light and dark palettes, and nothing is
loaded from anywhere. Graphviz would be a system dependency, and its output changes between
versions.

What the picture holds: a lane per series (the ``MAX_LANES`` with the most members and
citations when there are more), a dot per resolution at its adoption date, a line joining the
members of a series, and a curved arrow from each resolution to each resolution of the
picture it cites. Everything left out is in ``graph.json`` and the timeline.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from .inert import html_text
from .model import Resolution, by_adoption
from .paths import output_url, page_path
from .relations import all_series

MAX_LANES = 40  # series drawn; the others are listed in the timeline and graph.json
LANE = 44  # px between lanes
YEAR = 96  # px per year
LEFT = 250  # px for the lane labels
TOP = 36  # px for the year axis
LABEL = 34  # characters of a series title shown beside its lane

Href = Callable[[str], str]


@dataclass(frozen=True)
class Picture:
    svg: Markup
    lanes: int  # series drawn
    series: int  # series in the corpus
    drawn: int  # resolutions drawn
    edges: int  # citation arrows drawn


def _lanes(resolutions: Sequence[Resolution]) -> list[tuple[str, list[Resolution]]]:
    """Series, with the most members and citations first when there are too many, then
    drawn in order of their first adoption."""
    groups: dict[str, list[Resolution]] = {}
    for resolution in resolutions:
        series_id = resolution.series.id if resolution.series else resolution.symbol
        groups.setdefault(series_id, []).append(resolution)
    weight = Counter({key: len(members) + sum(len(r.cites) + len(r.cited_by) for r in members)
                      for key, members in groups.items()})
    chosen = sorted(groups, key=lambda key: (-weight[key], key))[:MAX_LANES]
    lanes = [(key, sorted(groups[key], key=by_adoption)) for key in chosen]
    return sorted(lanes, key=lambda lane: (lane[1][0].adopted, lane[0]))


def _x(day: date, first_year: int) -> float:
    return LEFT + (day.year - first_year + (day.timetuple().tm_yday - 1) / 366) * YEAR


def citation_picture(resolutions: Sequence[Resolution], href: Href) -> Picture:
    """The SVG (inline HTML, no blank lines, so Markdown passes it through untouched)."""
    lanes = _lanes(resolutions)
    shown = [r for _, members in lanes for r in members]
    if not shown:
        return Picture(Markup(""), 0, 0, 0, 0)
    first = min(r.adopted.year for r in shown)
    last = max(r.adopted.year for r in shown)
    width = LEFT + (last - first + 1) * YEAR + 20
    height = TOP + len(lanes) * LANE + 10
    place = {}
    for row, (_, members) in enumerate(lanes):
        for resolution in members:
            place[resolution.symbol] = (round(_x(resolution.adopted, first), 1),
                                        TOP + row * LANE + LANE // 2)
    parts = [
        f'<svg class="atlas-graph" xmlns="http://www.w3.org/2000/svg" width="{width}" '
        f'height="{height}" viewBox="0 0 {width} {height}" role="group" '
        'aria-labelledby="graph-title">',
        '<title id="graph-title">Citation graph: each dot is a resolution, placed by adoption '
        'date, one row per series; arrows run from a resolution to those it cites</title>',
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="7" '
        'markerHeight="7" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" '
        'class="atlas-graph__head"/></marker></defs>',
    ]
    parts += _axis(first, last, height)
    edges = 0
    for row, (_, members) in enumerate(lanes):
        y = TOP + row * LANE + LANE // 2
        title = members[-1].title
        short = title if len(title) <= LABEL else title[:LABEL - 1].rstrip() + "…"
        parts.append(f'<text class="atlas-graph__lane" x="8" y="{y + 4}"><title>'
                     f'{html_text(title)}</title>{html_text(short)}</text>')
        if len(members) > 1:
            xs = [place[r.symbol][0] for r in members]
            parts.append(f'<line class="atlas-graph__series" x1="{xs[0]}" y1="{y}" '
                         f'x2="{xs[-1]}" y2="{y}"/>')
    for resolution in shown:
        for cited in resolution.cites:
            if cited.symbol in place and cited.symbol != resolution.symbol:
                parts.append(_arrow(place[resolution.symbol], place[cited.symbol]))
                edges += 1
    for resolution in shown:
        x, y = place[resolution.symbol]
        label = f"{resolution.symbol}, adopted {resolution.adopted.isoformat()}: " \
                f"{resolution.title}"
        parts.append(
            f'<a href="{html_text(href(page_path(resolution)))}" aria-label="{html_text(label)}">'
            f'<title>{html_text(label)}</title>'
            f'<circle class="atlas-graph__node" cx="{x}" cy="{y}" r="6"/>'
            f'<text class="atlas-graph__label" x="{x}" y="{y - 10}" text-anchor="middle">'
            f'{html_text(resolution.number)}</text></a>')
    parts.append("</svg>")
    series_count = len({r.series.id if r.series else r.symbol for r in resolutions})
    return Picture(Markup("".join(parts)), len(lanes), series_count, len(shown), edges)


def _axis(first: int, last: int, height: int) -> list[str]:
    parts = []
    for year in range(first, last + 1):
        x = LEFT + (year - first) * YEAR
        parts.append(f'<line class="atlas-graph__tick" x1="{x}" y1="{TOP - 14}" x2="{x}" '
                     f'y2="{height - 4}"/><text class="atlas-graph__year" x="{x + 4}" '
                     f'y="{TOP - 18}">{year}</text>')
    return parts


def _arrow(start: tuple[float, int], end: tuple[float, int]) -> str:
    """A curve from the citing dot to the cited one, bowing upwards, ending at its rim."""
    (x1, y1), (x2, y2) = start, end
    bow = max(18.0, abs(x1 - x2) / 4) if y1 == y2 else 0.0
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2 - bow
    return (f'<path class="atlas-graph__edge" d="M{x1},{y1} Q{mx:.1f},{my:.1f} {x2},{y2}" '
            'marker-end="url(#arrow)"/>')


@dataclass(frozen=True)
class Year:
    year: int
    rows: list[tuple[Resolution, str]]  # resolution, href


def timeline(resolutions: Sequence[Resolution], href: Href) -> list[Year]:
    """Every resolution by adoption date, grouped by year."""
    years: dict[int, list[tuple[Resolution, str]]] = {}
    for resolution in sorted(resolutions, key=by_adoption):
        years.setdefault(resolution.adopted.year, []).append(
            (resolution, href(page_path(resolution))))
    return [Year(year, rows) for year, rows in years.items()]


def graph_json(resolutions: Sequence[Resolution], directory_urls: bool = False
               ) -> dict[str, Any]:
    """The corpus as a graph, for scripts: resolutions, series, citations, shared language.

    Pages are given relative to the site root. ``citations`` has one entry per citing
    resolution and cited target (inside the corpus or not), ``related`` one per resolution
    and each resolution it shares the most language with.
    """
    ordered = sorted(resolutions, key=by_adoption)
    return {
        "resolutions": [
            {"symbol": r.symbol, "number": r.number, "title": r.title,
             "adopted": r.adopted.isoformat(), "series": r.series.id if r.series else None,
             "page": output_url(page_path(r), directory_urls)} for r in ordered],
        "series": [{"id": s.id, "title": s.title, "members": list(s.members)}
                   for s in all_series(ordered)],
        "citations": [
            {"from": r.symbol, "to": c.symbol, "kind": c.kind, "internal": c.internal,
             "at": list(c.at)} for r in ordered for c in r.cites],
        "related": [
            {"from": r.symbol, "to": x.symbol, "paragraphs": x.paragraphs,
             "similarity": x.similarity} for r in ordered for x in r.related],
    }
