"""The overview page: the citation graph as an SVG drawn at build time and a timeline; and
the collection-wide ``graph.json`` beside it.

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

Why a fixed width: the whole time span must be in view at first sight, on a desktop and on a
phone, however many years the record covers. So the picture is always ``WIDTH`` units across
(the years share it), the page scales it to its frame (``viewBox``, CSS ``width: 100%``), and
each lane's label sits above its lane rather than in a column beside it, leaving the width to
time. Detail comes from the zoom and the filters above it (``atlas.js``); without JavaScript
the whole picture shows, scaled to fit.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from typing import Any

from markupsafe import Markup

from ..inert import html_text
from ..model import Resolution, by_adoption
from ..paths import Href, output_url, page_path
from ..relations import all_series
from ..words import session_key

MAX_LANES = 40  # series drawn; the others are listed in the timeline and graph.json
WIDTH = 720  # units across, whatever the span: about the frame's width on a desktop
PAD = 14  # units left and right of the time axis, for the first and last dots
TOP = 30  # units for the year axis
LANE = 40  # units per lane: its label above, its dots below
NUMBERS = 14  # units more for a lane whose dots have room for their numbers under them
NUMBER_WIDTH = 31  # units of a number under a dot ("80/118" at 10 units)
NUMBER_ROOM = 38  # units a dot needs to each side to show its number: its width and a gap
YEAR_ROOM = 64  # units between labelled years (a year label is ~45 at phone size)
CONTEXT = 2  # shared words kept before the words that tell two alike labels apart
LABEL = 64  # characters of a series title shown above its lane (fits at phone size)
# Text is stroked in the page's colour under its fill (atlas.css), a halo over the arrows; an
# attribute, as the CSS property is unknown to the stylesheet checker.
HALO = ' paint-order="stroke"'
PLENARY = "Plenary"  # the committee of a resolution adopted without a Main Committee's report


@dataclass(frozen=True)
class Option:
    value: str
    label: str


@dataclass(frozen=True)
class Picture:
    svg: Markup
    lanes: int  # series drawn
    series: int  # series in the corpus
    drawn: int  # resolutions drawn
    edges: int  # citation arrows drawn
    series_options: tuple[Option, ...] = ()  # the lanes, for the filter, in drawing order
    committees: tuple[Option, ...] = ()
    sessions: tuple[Option, ...] = ()
    first: int = 0  # first and last year of the axis
    last: int = 0


def series_key(resolution: Resolution) -> str:
    """The lane of a resolution: its series, or itself when it has none."""
    return resolution.series.id if resolution.series else resolution.symbol


def committee(resolution: Resolution) -> str:
    return resolution.report.committee if resolution.report else PLENARY


def _lanes(resolutions: Sequence[Resolution]) -> list[tuple[str, list[Resolution]]]:
    """Series, with the most members and citations first when there are too many, then
    drawn in order of their first adoption."""
    groups: dict[str, list[Resolution]] = {}
    for resolution in resolutions:
        groups.setdefault(series_key(resolution), []).append(resolution)
    weight = Counter({key: len(members) + sum(len(r.cites) + len(r.cited_by) for r in members)
                      for key, members in groups.items()})
    chosen = sorted(groups, key=lambda key: (-weight[key], key))[:MAX_LANES]
    lanes = [(key, sorted(groups[key], key=by_adoption)) for key in chosen]
    return sorted(lanes, key=lambda lane: (lane[1][0].adopted, lane[0]))


# --- Lane labels: short, and never two alike --------------------------------------------------

def _cut(words: Sequence[str], limit: int) -> str:
    """As many whole words as fit in ``limit`` characters, with "…" when some are left."""
    kept: list[str] = []
    for word in words:
        if len(" ".join([*kept, word])) > limit - (1 if kept else 0) and kept:
            return " ".join(kept).rstrip(",;:") + "…"
        kept.append(word)
    return " ".join(kept)


def _shared_words(words: Sequence[str], others: Sequence[Sequence[str]]) -> int:
    """How many leading words ``words`` shares with the closest of ``others``."""
    longest = 0
    for other in others:
        n = 0
        while n < min(len(words), len(other)) and words[n].lower() == other[n].lower():
            n += 1
        longest = max(longest, n)
    return longest


def _distinguished(title: str, others: Sequence[str], number: str) -> str:
    """A label for ``title`` telling it from ``others``, whose cut is the same: its opening
    words, then the words from where it starts to differ (with ``CONTEXT`` words before, so
    the tail reads as a phrase: "… question of Guam"); the first member's number when the
    titles do not differ at all."""
    words = title.split()
    shared = _shared_words(words, [o.split() for o in others])
    if shared >= len(words) or any(o.lower() == title.lower() for o in others):
        return f"{_cut(words, LABEL - len(number) - 3)} ({number})"
    head = _cut(words[:shared], LABEL // 2)
    start = max(len(head.split()), shared - CONTEXT)
    tail = _cut(words[start:], LABEL - len(head) - 3)
    return f"{head.rstrip('…')} … {tail}"


def lane_labels(lanes: Sequence[tuple[str, str, str]]) -> dict[str, str]:
    """A label per lane from (key, title, first member's number): the title cut at a word
    boundary after at most ``LABEL`` characters; where two cuts would read the same, each
    keeps its distinguishing words (``_distinguished``), and any still alike get the first
    member's number, which no two lanes share."""
    cuts = {key: _cut(title.split(), LABEL) for key, title, _ in lanes}
    alike = Counter(cuts.values())
    labels = {}
    for key, title, number in lanes:
        if alike[cuts[key]] > 1:
            others = [t for k, t, _ in lanes if k != key and cuts[k] == cuts[key]]
            labels[key] = _distinguished(title, others, number)
        else:
            labels[key] = cuts[key]
    again = Counter(labels.values())
    return {key: (label if again[label] == 1 or label.endswith(f"({number})")
                  else f"{label} ({number})")
            for (key, _, number), label in zip(lanes, labels.values(), strict=True)}


# --- Geometry ---------------------------------------------------------------------------------

@dataclass(frozen=True)
class Axis:
    """Time across ``WIDTH``: from 1 January of the first year to the end of the last."""

    first: int
    last: int

    @property
    def year(self) -> float:
        return (WIDTH - 2 * PAD) / (self.last - self.first + 1)

    def x(self, day: date) -> float:
        return round(PAD + (day.year - self.first + (day.timetuple().tm_yday - 1) / 366)
                     * self.year, 1)

    def step(self) -> int:
        """Years between labelled years, so that labels never run into each other."""
        return next(s for s in (1, 2, 5, 10, 20, 50, 100) if s * self.year >= YEAR_ROOM)

    def radius(self) -> float:
        """Dots as large as the years allow, so a resolution a year stays one dot each."""
        return round(min(5.5, max(2.5, self.year / 2.6)), 1)


def _numbered(xs: Sequence[float]) -> list[bool]:
    """Which dots of a lane have room for their number under them."""
    return [(i == 0 or x - xs[i - 1] >= NUMBER_ROOM)
            and (i == len(xs) - 1 or xs[i + 1] - x >= NUMBER_ROOM)
            for i, x in enumerate(xs)]


@dataclass(frozen=True)
class Lane:
    key: str
    label: str
    members: list[Resolution]
    top: int
    xs: list[float]
    numbered: list[bool]

    @property
    def height(self) -> int:
        return LANE + (NUMBERS if any(self.numbered) else 0)

    @property
    def y(self) -> int:
        """The line of its dots."""
        return self.top + 27


def _layout(lanes: Sequence[tuple[str, list[Resolution]]], axis: Axis) -> list[Lane]:
    labels = lane_labels([(key, members[-1].title, members[0].number)
                          for key, members in lanes])
    out: list[Lane] = []
    top = TOP
    for key, members in lanes:
        xs = [axis.x(r.adopted) for r in members]
        lane = Lane(key, labels[key], members, top, xs, _numbered(xs))
        out.append(lane)
        top += lane.height
    return out


# --- Drawing ----------------------------------------------------------------------------------

def citation_picture(resolutions: Sequence[Resolution], href: Href) -> Picture:
    """The SVG (inline HTML, no blank lines, so Markdown passes it through untouched)."""
    chosen = _lanes(resolutions)
    shown = [r for _, members in chosen for r in members]
    if not shown:
        return Picture(Markup(""), 0, 0, 0, 0)
    axis = Axis(min(r.adopted.year for r in shown), max(r.adopted.year for r in shown))
    lanes = _layout(chosen, axis)
    height = lanes[-1].top + lanes[-1].height + 6
    place = {r.symbol: (x, lane.y) for lane in lanes for r, x in zip(lane.members, lane.xs,
                                                                    strict=True)}
    edges = [(r.symbol, c.symbol) for r in shown for c in r.cites
             if c.symbol in place and c.symbol != r.symbol]
    parts = [
        f'<svg class="atlas-graph" xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" '
        f'height="{height}" viewBox="0 0 {WIDTH} {height}" role="group" '
        'aria-labelledby="graph-title" data-atlas-graph="">',
        '<title id="graph-title">Citation graph: each dot is a resolution, placed by adoption '
        'date, one row per series; arrows run from a resolution to those it cites</title>',
        '<defs><marker id="arrow" viewBox="0 0 8 8" refX="7" refY="4" markerWidth="6" '
        'markerHeight="6" orient="auto-start-reverse"><path d="M0,0 L8,4 L0,8 z" '
        'class="atlas-graph__head"/></marker></defs>',
        *_axis(axis, height),
        '<g class="atlas-graph__edges">',
        *(_arrow(a, b, place[a], place[b]) for a, b in edges),
        "</g>",
        *(_lane(lane, axis.radius(), href) for lane in lanes),
        "</svg>",
    ]
    return Picture(Markup("".join(parts)), len(lanes), len({series_key(r) for r in resolutions}),
                   len(shown), len(edges), *_filters(lanes), axis.first, axis.last)


def _filters(lanes: Sequence[Lane]) -> tuple[tuple[Option, ...], ...]:
    """The choices of the filters: the lanes, and the committees and sessions drawn."""
    shown = [r for lane in lanes for r in lane.members]
    committees = sorted({committee(r) for r in shown}, key=lambda c: (c == PLENARY, c))
    sessions = sorted({r.session for r in shown}, key=session_key)
    return (tuple(Option(lane.key, lane.label) for lane in lanes),
            tuple(Option(c, "Plenary (no Main Committee)" if c == PLENARY else c)
                  for c in committees),
            tuple(Option(str(s), f"Session {s}") for s in sessions))


def _axis(axis: Axis, height: int) -> list[str]:
    """A rule and a label every ``step`` years; a short tick for every year when they fit."""
    step = axis.step()
    parts = ['<g class="atlas-graph__axis">']
    for year in range(axis.first, axis.last + 1):
        x = axis.x(date(year, 1, 1))
        if (year - axis.first) % step == 0:
            parts.append(f'<line class="atlas-graph__tick" x1="{x}" y1="{TOP - 14}" x2="{x}" '
                         f'y2="{height - 4}"/>')
            if x + 40 <= WIDTH:
                parts.append(f'<text class="atlas-graph__year"{HALO} x="{x + 3}" '
                             f'y="{TOP - 12}">{year}</text>')
        elif axis.year >= 4:
            parts.append(f'<line class="atlas-graph__tick" x1="{x}" y1="{TOP - 8}" x2="{x}" '
                         f'y2="{TOP - 2}"/>')
    parts.append("</g>")
    return parts


def _lane(lane: Lane, radius: float, href: Href) -> str:
    """One series: its label (the full title on hover), the line joining its members, and a
    dot per member, each a link carrying what the filters match it by."""
    title = lane.members[-1].title
    parts = [f'<g class="atlas-graph__row" data-series="{html_text(lane.key)}" '
             f'data-top="{lane.top}" data-height="{lane.height}">',
             f'<text class="atlas-graph__lane"{HALO} x="{PAD - 6}" y="{lane.top + 14}"><title>'
             f'{html_text(title)}</title>{html_text(lane.label)}</text>']
    if len(lane.members) > 1:
        parts.append(f'<line class="atlas-graph__series" x1="{lane.xs[0]}" y1="{lane.y}" '
                     f'x2="{lane.xs[-1]}" y2="{lane.y}"/>')
    for resolution, x, numbered in zip(lane.members, lane.xs, lane.numbered, strict=True):
        parts.append(_dot(resolution, x, lane.y, radius, numbered, href))
    parts.append("</g>")
    return "".join(parts)


def _dot(resolution: Resolution, x: float, y: int, radius: float, numbered: bool,
         href: Href) -> str:
    label = f"{resolution.symbol}, adopted {resolution.adopted.isoformat()}: {resolution.title}"
    number = (f'<text class="atlas-graph__label"{HALO} x="{_number_x(x)}" y="{y + 17}" '
              f'text-anchor="middle">{html_text(resolution.number)}</text>' if numbered else "")
    return (f'<a href="{html_text(href.resolution(resolution))}" aria-label="{html_text(label)}" '
            f'data-symbol="{html_text(resolution.symbol)}" '
            f'data-committee="{html_text(committee(resolution))}" '
            f'data-session="{html_text(str(resolution.session))}">'
            f'<title>{html_text(label)}</title>'
            f'<circle class="atlas-graph__node" cx="{x}" cy="{y}" r="{radius}"/>{number}</a>')


def _number_x(x: float) -> float:
    """A number centred under its dot, moved in (never more than a few units, as the dots
    keep ``PAD`` from the edges) where centring would take it past an edge."""
    half = NUMBER_WIDTH / 2 + 2
    return min(max(x, half), WIDTH - half)


def arrow_path(start: tuple[float, int], end: tuple[float, int]) -> str:
    """A curve from the citing dot to the cited one: a low bow along a lane (it stays below
    the lane's label), straight across lanes. ``atlas.js`` draws the same when it moves lanes."""
    (x1, y1), (x2, y2) = start, end
    bow = min(10.0, max(5.0, abs(x1 - x2) / 5)) if y1 == y2 else 0.0
    mx, my = (x1 + x2) / 2, (y1 + y2) / 2 - bow
    return f"M{x1},{y1} Q{mx:.1f},{my:.1f} {x2},{y2}"


def _arrow(source: str, target: str, start: tuple[float, int], end: tuple[float, int]) -> str:
    return (f'<path class="atlas-graph__edge" d="{arrow_path(start, end)}" '
            f'data-from="{html_text(source)}" data-to="{html_text(target)}" '
            'marker-end="url(#arrow)"/>')


@dataclass(frozen=True)
class Entry:
    """A resolution in the timeline, with what the overview's filters match it by."""

    resolution: Resolution
    href: str
    series: str
    committee: str


@dataclass(frozen=True)
class Year:
    year: int
    rows: list[Entry]


def timeline(resolutions: Sequence[Resolution], href: Href) -> list[Year]:
    """Every resolution by adoption date, grouped by year."""
    years: dict[int, list[Entry]] = {}
    for resolution in sorted(resolutions, key=by_adoption):
        years.setdefault(resolution.adopted.year, []).append(Entry(
            resolution, href.resolution(resolution), series_key(resolution),
            committee(resolution)))
    return [Year(year, rows) for year, rows in years.items()]


def graph_json(resolutions: Sequence[Resolution], directory_urls: bool = False
               ) -> dict[str, Any]:
    """The corpus as a graph, for scripts: resolutions, series, citations, shared language.

    Pages are given relative to the site root. ``citations`` has one entry per citing
    resolution and cited target (inside the corpus or not), ``related`` one per resolution
    and each resolution it shares the most language with. A series lists its ``members``
    in the collection and the ``missing`` ones its resolutions name (``Series.missing``), so
    a script sees the series as the record knows it. Keys are only ever added.
    """
    ordered = sorted(resolutions, key=by_adoption)
    return {
        "resolutions": [
            {"symbol": r.symbol, "number": r.number, "title": r.title,
             "adopted": r.adopted.isoformat(), "series": r.series.id if r.series else None,
             "page": output_url(page_path(r), directory_urls)} for r in ordered],
        "series": [{"id": s.id, "title": s.title, "members": list(s.members),
                    "missing": list(s.missing)}
                   for s in all_series(ordered)],
        "citations": [
            {"from": r.symbol, "to": c.symbol, "kind": c.kind, "internal": c.internal,
             "at": list(c.at)} for r in ordered for c in r.cites],
        "related": [
            {"from": r.symbol, "to": x.symbol, "paragraphs": x.paragraphs,
             "similarity": x.similarity} for r in ordered for x in r.related],
    }
