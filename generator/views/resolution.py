"""The page of one resolution: its body in reading order, its footnotes with their way back,
and every panel around them, as the variables of ``resolution.html``.

What holds: every heading, paragraph and table of the resolution is one ``Block``, in reading
order, with the pieces the text implies (our part headings, "The General Assembly,", the
closing meeting) in their place; each footnote lists every marker that points to it; every
href is made by the page's own ``Href``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from ..data import Body
from ..errors import Problem
from ..link import CitationGraph
from ..model import Heading, Meeting, Paragraph, Part, Resolution
from ..paths import CITED, HOME, Href, json_path, official_url, pdf_path, session_path, year_path
from .lineage_panel import lineage_views
from .references import cited_by, references_of
from .see_also import see_also_panel
from .table import TableView
from .text import ParagraphView, footnote_items, marker_ids, paragraph_view


@dataclass(frozen=True)
class Block:
    """One item of the body, in reading order, as the template draws it."""

    kind: Literal["part", "resolution-part", "assembly", "heading", "paragraph", "table",
                  "closing"]
    id: str = ""
    title: str = ""  # our own part headings ("Preamble"), a resolution part's title
    heading: Heading | None = None
    level: int = 3  # h2 for annexes, h3 for sections
    paragraph: ParagraphView | None = None
    table: TableView | None = None
    meeting: Meeting | None = None  # the closing's meeting
    label: str = ""  # a resolution part's letter


PARTS = {"preambular": ("preamble", "Preamble"), "operative": ("operative", "Operative part")}


def body_blocks(resolution: Resolution, bodies: tuple[Body, ...] = (),
                seen_names: set[str] | None = None) -> Iterator[Block]:
    """The body in reading order, with the pieces the text implies drawn in their place:
    "The General Assembly," after the first of our "Preamble" / "Operative part" headings
    (they give the search index and the reader a place to land), each part of a multi-part
    resolution under its letter and title, and the closing meeting after the last paragraph
    of the resolution (or of each part), before any annex."""
    notes = {f.number: f for f in resolution.footnotes}
    seen_names = seen_names if seen_names is not None else set()
    parts = {p.letter: p for p in resolution.parts}
    state = {"part": None, "kind": None, "open": True, "assembly": False}
    for item in resolution.reading_order():
        if isinstance(item, Heading) and item.level <= 2 and state["open"]:
            yield from _closing(resolution, parts, state)
        part = getattr(item, "part", None)
        if part and part != state["part"]:
            if state["part"] is not None:
                yield from _closing(resolution, parts, state)
            state.update(part=part, kind=None, open=True, assembly=False)
            yield Block("resolution-part", id=parts[part].id, label=part,
                        title=parts[part].title)
        if isinstance(item, Paragraph) and item.kind in PARTS and item.kind != state["kind"]:
            prefix = f"{part}-" if part else ""
            part_id, title = PARTS[item.kind]
            yield Block("part", id=prefix + part_id, title=title)
            if not state["assembly"]:
                state["assembly"] = True
                yield Block("assembly")
        if isinstance(item, Paragraph):
            state["kind"] = item.kind
            yield Block("paragraph", id=item.id,
                        paragraph=paragraph_view(item, notes, bodies, seen_names))
        elif isinstance(item, Heading):
            yield Block("heading", id=item.id, heading=item, level=item.level)
        else:
            yield Block("table", id=item.id, table=TableView.of(item))
    if state["open"]:
        yield from _closing(resolution, parts, state)


def _closing(resolution: Resolution, parts: dict[str, Part], state: dict) -> Iterator[Block]:
    state["open"] = False
    part = state["part"]
    meeting = parts[part].meeting if part else resolution.meeting
    yield Block("closing", meeting=meeting)


@dataclass(frozen=True)
class BackLink:
    ref_id: str
    paragraph_id: str
    label: str  # "op6", "op6 (2)" for a second marker in the same paragraph


def back_links(resolution: Resolution) -> dict[int, list[BackLink]]:
    """For each footnote, every marker that points to it, in text order."""
    links: dict[int, list[BackLink]] = defaultdict(list)
    for paragraph in resolution.paragraphs:
        seen: dict[int, int] = defaultdict(int)
        for number, ref_id in zip(paragraph.footnotes, marker_ids(paragraph), strict=True):
            seen[number] += 1
            label = paragraph.id if seen[number] == 1 else f"{paragraph.id} ({seen[number]})"
            links[number].append(BackLink(ref_id, paragraph.id, label))
    return dict(links)


def plain_blocks(resolution: Resolution) -> list[tuple[str, object]]:
    """("heading" | "paragraph" | "table", it) in reading order: the words of a page that could
    not be drawn, set down as plainly as they come."""
    found: dict[str, tuple[str, object]] = {}
    for heading in resolution.headings:
        found[heading.id] = ("heading", heading)
    for paragraph in resolution.paragraphs:
        found[paragraph.id] = ("paragraph", paragraph)
    for table in resolution.tables:
        found[table.id] = ("table", table)
    ordered = [found.pop(key) for key in resolution.order if key in found]
    return ordered + list(found.values())


def resolution_page(resolution: Resolution, corpus: dict[str, Resolution], graph: CitationGraph,
                    bodies: tuple[Body, ...], href: Href) -> dict[str, object]:
    """The variables of ``resolution.html`` for ``resolution``; ``href`` is its page's."""
    seen_names: set[str] = set()  # a body's full name gets its tooltip once per page
    blocks = list(body_blocks(resolution, bodies, seen_names))
    notes = {f.number: footnote_items(f, bodies, seen_names) for f in resolution.footnotes}
    return {
        "r": resolution,
        "blocks": blocks,
        "notes": notes,
        "back_links": back_links(resolution),
        "references": references_of(resolution, graph, corpus, href),
        "lineage": lineage_views(resolution, corpus, href),
        "panel": see_also_panel(resolution, corpus, href),
        "cited_by": cited_by(resolution, graph, corpus, href),
        "meeting_href": official_url(resolution.meeting_record),
        "meeting_record": lambda meeting: f"A/{resolution.session}/PV.{meeting.number}",
        "json_href": href.to(json_path(resolution)),
        "pdf_href": href.to(pdf_path(resolution)) if resolution.kind == "pdf" else "",
        "session_href": href.to(session_path(resolution.session)),
        "year_href": href.to(year_path(resolution.adopted.year)),
        "cited_href": href.to(CITED),
        "home_href": href.to(HOME),
    }


def unavailable_page(resolution: Resolution, problem: Problem, href: Href) -> dict[str, object]:
    """The variables of ``unavailable.html``: in place of a page that could not be drawn, a
    short one that says so and links the official document, so every link to it still lands."""
    return {"r": resolution, "problem": problem, "blocks": plain_blocks(resolution),
            "home_href": href.to(HOME)}
