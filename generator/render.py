"""Render stage: a corpus -> the site's source files (Markdown pages and JSON), as strings.

No MkDocs here: ``render_site`` returns ``{site source path: content}`` and the plugin hands
those to MkDocs, so the pages can be tested, diffed and read without building a site.

Why the pages are Markdown files made of raw HTML: MkDocs needs ``.md`` sources for its nav,
search and theme, but resolution text must reach the reader exactly as published. Every piece of
resolution text is HTML-escaped by Jinja's autoescape and placed inside a block-level HTML
element that starts at the beginning of a line; Python-Markdown stores such blocks untouched
(its "raw HTML" stash), so no Markdown, attribute-list or typography extension ever sees the
text. Only fixed words of our own (headings of index pages, link labels) are written as
Markdown.

Links between generated pages are relative hrefs computed from the pages' paths (links inside
raw HTML are not rewritten by MkDocs), so they work from ``file://`` and under any path prefix.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup

from .compare import compare
from .data import Body, Data
from .errors import Problem
from .glossary import Term, find_terms
from .guard import failure
from .inert import html_text
from .lineage import DiffPart, word_diff
from .link import Linked
from .model import (
    Footnote,
    Heading,
    Meeting,
    Paragraph,
    Part,
    Reference,
    Resolution,
    Table,
    TableCell,
    dump_json,
)
from .overview import citation_picture, graph_json, timeline
from .paths import json_path, official_url, page_path, pdf_path, relative_href, symbol_key
from .progress import Progress, Report
from .reference_views import cited_by, cited_documents, glossary, references_of
from .relation_views import compare_path, comparison_view, see_also_panel
from .relations import all_series
from .typography import split_lead
from .words import long_date, ordinal_suffix, session_key, session_name

# --- Front matter --------------------------------------------------------------------------

# Characters YAML refuses even inside a double-quoted scalar (C1 controls, DEL, surrogates).
_YAML_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar for any text (JSON string syntax is valid YAML)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def meta_html(value: str) -> Markup:
    """A front-matter value for a field the theme prints *as HTML* (title, description).

    Material inserts ``page.meta.title`` into ``<title>``, the header and the search index
    without escaping, so the value is escaped once here and then YAML-quoted.
    """
    return Markup(yaml_string(html.escape(value, quote=True)))


# --- Escaping ----------------------------------------------------------------------------

# ``inert.html_text`` is Jinja's ``finalize``: every ``{{ value }}`` of every template gets it.


# --- Paragraph text with its markers, links and terms ----------------------------------------


@dataclass(frozen=True)
class Run:
    """A piece of text, in italics (the UN's lead words, titles of publications) or not."""

    text: str
    italic: bool = False


@dataclass(frozen=True)
class Inline:
    """One item of a paragraph's line: plain runs, a link, a term with a tooltip, or a marker."""

    kind: Literal["plain", "link", "term", "marker"]
    runs: tuple[Run, ...] = ()
    reference: Reference | None = None
    term: Term | None = None
    number: int = 0  # footnote number, for markers
    ref_id: str = ""  # the marker's own id: "fnref-op6-2"
    note: str = ""  # the footnote's text, shown on hover


def marker_ids(paragraph: Paragraph) -> list[str]:
    """One unique id per marker: ``fnref-op6-2``, then ``fnref-op6-2-2`` for a repeat."""
    seen: dict[int, int] = defaultdict(int)
    ids = []
    for number in paragraph.footnotes:
        seen[number] += 1
        suffix = f"-{seen[number]}" if seen[number] > 1 else ""
        ids.append(f"fnref-{paragraph.id}-{number}{suffix}")
    return ids


Span = Reference | Term


def inline_items(text: str, *, italic: tuple[tuple[int, int], ...] = (),
                 markers: list[Inline] | None = None, offsets: list[int] | None = None,
                 spans: list[Span] = ()) -> list[Inline]:
    """Cut ``text`` at italic boundaries, at marker offsets and at link and term boundaries.

    The text is only ever cut, never changed: joining the runs gives ``text`` back, each
    marker stands exactly at its recorded offset, and a link or term cut by a marker becomes
    two (an ``<a>`` cannot hold the marker's own link).
    """
    markers, offsets = markers or [], offsets or []
    italic = tuple((min(a, len(text)), min(b, len(text))) for a, b in italic)
    cuts = sorted({0, len(text), *offsets, *(x for span in italic for x in span),
                   *(x for span in spans for x in (span.start, span.end))})
    items: list[Inline] = []
    pending = sorted(zip(offsets, range(len(markers)), strict=True))
    for start, end in itertools.pairwise(cuts):
        while pending and pending[0][0] <= start:
            items.append(markers[pending.pop(0)[1]])
        span = next((s for s in spans if s.start <= start and end <= s.end), None)
        run = Run(text[start:end], italic=any(a <= start and end <= b for a, b in italic))
        last = items[-1] if items else None
        if last is not None and last.kind != "marker" and _same_span(last, span):
            items[-1] = Inline(last.kind, (*last.runs, run), last.reference, last.term)
        elif isinstance(span, Reference):
            items.append(Inline("link", (run,), reference=span))
        elif isinstance(span, Term):
            items.append(Inline("term", (run,), term=span))
        else:
            items.append(Inline("plain", (run,)))
    items += [markers[index] for _, index in pending]
    return items


def _same_span(item: Inline, span: Span | None) -> bool:
    return (item.reference or item.term) is span if span is not None else item.kind == "plain"


def annotation_spans(references: tuple[Reference, ...], terms: list[Term],
                     seen_names: set[str]) -> list[Span]:
    """References, and the terms that overlap none of them. A body's full name gets its
    tooltip at its first occurrence on the page only (``seen_names`` carries that across
    paragraphs); abbreviations get it every time, as readers may land anywhere."""
    spans: list[Span] = list(references)
    for term in terms:
        if any(term.start < r.end and r.start < term.end for r in references):
            continue
        if not term.abbreviation:
            if term.body.abbr in seen_names:
                continue
            seen_names.add(term.body.abbr)
        spans.append(term)
    return sorted(spans, key=lambda s: s.start)


@dataclass(frozen=True)
class ParagraphView:
    """What the template needs to draw one paragraph."""

    id: str
    kind: str
    depth: int
    label: str
    items: list[Inline]


def italic_spans(text: str, italic: tuple[tuple[int, int], ...] | None, kind: str
                 ) -> tuple[tuple[int, int], ...]:
    """The source's italics where it knows them (a PDF); else, for a text export, the lead
    words UN style sets in italics, found again by ``typography.split_lead``."""
    if italic is not None:
        return italic
    lead, _ = split_lead(text, kind)
    return ((0, len(lead)),) if lead else ()


def paragraph_view(paragraph: Paragraph, notes: dict[int, Footnote], bodies: tuple[Body, ...] = (),
                   seen_names: set[str] | None = None) -> ParagraphView:
    """Italics as the official text sets them (for text exports: only the lead words of
    top-level preambular and operative paragraphs)."""
    kind = paragraph.kind if paragraph.depth == 0 else "sub-paragraph"
    italic = italic_spans(paragraph.text, paragraph.italic, kind)
    markers = [Inline("marker", number=number, ref_id=ref_id,
                      note=notes[number].text if number in notes else "")
               for (number, _), ref_id in zip(paragraph.markers, marker_ids(paragraph),
                                               strict=True)]
    spans = annotation_spans(paragraph.references, find_terms(paragraph.text, bodies),
                             seen_names if seen_names is not None else set())
    offsets = _clamped([offset for _, offset in paragraph.markers], len(paragraph.text))
    return ParagraphView(paragraph.id, paragraph.kind, paragraph.depth, paragraph.label,
                         inline_items(paragraph.text, italic=italic, markers=markers,
                                      offsets=offsets, spans=spans))


def _clamped(offsets: list[int], length: int) -> list[int]:
    """Marker offsets kept in text order and inside the text."""
    result, position = [], 0
    for offset in offsets:
        position = min(max(offset, position), length)
        result.append(position)
    return result


def footnote_items(footnote: Footnote, bodies: tuple[Body, ...], seen_names: set[str]
                   ) -> list[Inline]:
    spans = annotation_spans(footnote.references, find_terms(footnote.text, bodies), seen_names)
    return inline_items(footnote.text, italic=footnote.italic or (), spans=spans)


# --- The body of a resolution, in reading order ---------------------------------------------


@dataclass(frozen=True)
class CellView:
    """One cell: its text cut where letters are raised ("2024" + raised "a"), whether it
    holds a figure (set flush right, as the official table sets figures), its span."""

    runs: tuple[tuple[str, bool], ...]  # (text, raised)
    span: int
    figure: bool


# A figure as tables print them: "63 930 800", "(2 061 900)", "7.5", an en dash, "Under 22,946";
# a column that mostly holds them ("Not applicable" aside) is a column of figures.
_FIGURE = re.compile(r"(?:Under |Over )?[(]?[\d\u2013\u2014-][\d\s.,\u202f]*[)]?|\u2013|\u2014|-")


def cell_view(cell: TableCell, figure: bool) -> CellView:
    cuts = sorted({0, len(cell.text), *(x for span in cell.raised for x in span)})
    runs = tuple((cell.text[a:b], any(s <= a and b <= e for s, e in cell.raised))
                 for a, b in itertools.pairwise(cuts))
    return CellView(runs, cell.span, figure)


@dataclass(frozen=True)
class TableView:
    """A table of the text, ready to draw: header rows, body rows, its notes."""

    id: str
    header: tuple[tuple[CellView, ...], ...]
    rows: tuple[tuple[CellView, ...], ...]
    notes: tuple[CellView, ...]

    @classmethod
    def of(cls, table: Table) -> TableView:
        """Columns that mostly hold figures are set flush right, header included."""
        figures = _figure_columns(table)

        def rows(grid):
            views = []
            for row in grid:
                column, cells = 0, []
                for cell in row:
                    cells.append(cell_view(cell, column in figures))
                    column += cell.span
                views.append(tuple(cells))
            return tuple(views)

        return cls(table.id, rows(table.header), rows(table.rows),
                   tuple(cell_view(n, False) for n in table.notes))


def _figure_columns(table: Table) -> set[int]:
    counts: dict[int, list[bool]] = {}
    for row in table.rows:
        column = 0
        for cell in row:
            if cell.text.strip():
                counts.setdefault(column, []).append(bool(_FIGURE.fullmatch(cell.text.strip())))
            column += cell.span
    return {c for c, found in counts.items() if c and sum(found) * 2 > len(found)}


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


# --- The site ------------------------------------------------------------------------------


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


def make_environment(templates_dir: Path) -> Environment:
    """Jinja set up so that forgetting to escape is impossible and typos fail loudly."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(enabled_extensions=("html", "md"), default=True,
                                     default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=html_text,
    )
    env.filters["long_date"] = long_date
    env.filters["ordinal_suffix"] = ordinal_suffix
    env.filters["meta_html"] = meta_html
    env.globals["official_url"] = official_url
    env.globals["session_name"] = session_name
    return env


@dataclass(frozen=True)
class Row:
    """One resolution in an index table, with its link from the page showing the table."""

    resolution: Resolution
    href: str


@dataclass(frozen=True)
class LineageView:
    """One counterpart of a paragraph, as its lineage panel shows it."""

    label: str  # "64/187 op6"
    href: str
    percent: int
    relation: str  # "earlier" or "later"
    year: int
    diff: list[DiffPart]  # from the earlier text to the later one; empty when the same


class SiteRenderer:
    """Renders every page; knows where each page lives so it can link between them."""

    def __init__(self, linked: Linked, templates_dir: Path, data: Data,
                 directory_urls: bool = False, report: Report | None = None) -> None:
        self.report = report
        self.resolutions = sorted(linked.resolutions, key=lambda r: symbol_key(r.symbol))
        self.corpus = {r.symbol: r for r in self.resolutions}
        self.graph = linked.graph
        self.data = data
        self.env = make_environment(templates_dir)
        self.directory_urls = directory_urls
        self.problems: list[Problem] = []

    def href(self, from_src: str, to_src: str) -> str:
        return relative_href(from_src, to_src, self.directory_urls)

    def hrefs_from(self, from_src: str):
        return lambda to_src: self.href(from_src, to_src)

    def rows(self, from_src: str, resolutions: Iterable[Resolution]) -> list[Row]:
        return [Row(r, self.href(from_src, page_path(r))) for r in resolutions]

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    # --- The page list -------------------------------------------------------------------

    def direct_pages(self) -> list[str]:
        """Site paths of the pages drawn straight to HTML (every resolution, every
        comparison): their front matter comes from ``front_matter``, their body from
        ``draw``, and no Markdown parser ever sees them."""
        return [page_path(r) for r in self.resolutions] + list(self.comparisons)

    @cached_property
    def comparisons(self) -> dict[str, tuple[str, str]]:
        """Site path of each comparison page -> (older symbol, newer symbol): one per pair of
        consecutive resolutions of every series."""
        return {compare_path(old, new): (old, new) for series in all_series(self.resolutions)
                for old, new in itertools.pairwise(series.members)}

    def front_matter(self, src: str) -> str:
        """The front matter of a direct page (what MkDocs reads: its title, description)."""
        if src in self.comparisons:
            return self.render("compare_meta.md", v=self.comparison(src))
        resolution = self.corpus[src[: -len(".md")]]
        try:
            return self.render("resolution_meta.md", r=resolution)
        except Exception:  # the body will say what failed (``draw``)
            return self.render("unavailable_meta.md", r=resolution)

    def draw(self, src: str) -> Drawn:
        """The body of a direct page, with the files beside it (a resolution's JSON). A page
        that cannot be drawn gives way to a plain one, and says why (``problems``)."""
        if src in self.comparisons:
            return Drawn(self.render("compare.html", v=self.comparison(src)))
        resolution = self.corpus[src[: -len(".md")]]
        try:
            self.render("resolution_meta.md", r=resolution)
            return Drawn(self.resolution_body(resolution),
                         {json_path(resolution): dump_json(resolution)})
        except Exception as error:  # reported; every other page is drawn
            problem = failure(error, resolution.source or resolution.symbol, "drawn as a page")
        try:
            return Drawn(self.unavailable_body(resolution, problem), problems=(problem,))
        except Exception as error:  # reported; the link to it is left dangling
            return Drawn(None, problems=(problem, failure(
                error, resolution.source or resolution.symbol, "drawn even as a short page")))

    def files(self) -> dict[str, str]:
        """Every page and file, whole (front matter and body): what ``render_site`` gives the
        command line and the tests. A page that cannot be drawn is a problem; the others are
        drawn."""
        files: dict[str, str] = {}
        progress = Progress("drawn", len(self.resolutions), "resolution pages", self.report)
        for src in self.direct_pages():
            try:
                front = self.front_matter(src)
            except Exception as error:  # comparisons only: a resolution's falls back
                self.problems.append(failure(error, src, "drawn"))
                continue
            drawn = self.draw(src)
            if src not in self.comparisons:
                progress.advance()
            self.problems.extend(drawn.problems)
            if drawn.body is not None:
                files[src] = front + drawn.body
            files.update(drawn.files)
        for name, draw in self.collection_pages():
            try:
                files.update(draw())
            except Exception as error:  # reported; every other page is drawn
                self.problems.append(failure(error, name, "drawn"))
        return dict(sorted(files.items()))

    def unavailable_body(self, resolution: Resolution, problem: Problem) -> str:
        """In place of a page that could not be drawn, a short one that says so and links the
        official document: every link to the resolution still lands."""
        src = page_path(resolution)
        return self.render("unavailable.html", r=resolution, problem=problem,
                           blocks=plain_blocks(resolution), home_href=self.href(src, "index.md"))

    def collection_pages(self):
        """(name, function giving {path: content}) of the pages about the whole collection."""
        return [
            ("index.md", lambda: {"index.md": self.render(
                "home.md", rows=self.rows("index.md", self.resolutions))}),
            ("sessions/", lambda: self.group_pages("sessions", "session", lambda r: r.session,
                                                   session_key)),
            ("years/", lambda: self.group_pages("years", "year", lambda r: r.adopted.year)),
            ("cited.md", lambda: {"cited.md": self.render("cited.md", documents=cited_documents(
                self.graph, self.corpus, self.hrefs_from("cited.md")))}),
            ("glossary.md", lambda: {"glossary.md": self.render("glossary.md", entries=glossary(
                self.data.bodies, tuple(self.resolutions), self.hrefs_from("glossary.md")))}),
            ("overview.md", lambda: {"overview.md": self.overview_page()}),
            ("graph.json", lambda: {"graph.json": json.dumps(
                graph_json(self.resolutions, self.directory_urls), ensure_ascii=False,
                indent=1) + "\n"}),
        ]

    def comparison(self, src: str):
        """The view of the comparison page at ``src``."""
        old, new = self.comparisons[src]
        return comparison_view(compare(self.corpus[old], self.corpus[new]), self.hrefs_from(src))

    def overview_page(self) -> str:
        href = self.hrefs_from("overview.md")
        return self.render("overview.md", count=len(self.resolutions),
                           picture=citation_picture(self.resolutions, href),
                           years=timeline(self.resolutions, href))

    def resolution_page(self, resolution: Resolution) -> str:
        """The whole page source of ``resolution``: front matter and body."""
        return self.render("resolution_meta.md", r=resolution) + self.resolution_body(resolution)

    def resolution_body(self, resolution: Resolution) -> str:
        src = page_path(resolution)
        seen_names: set[str] = set()  # a body's full name gets its tooltip once per page
        blocks = list(body_blocks(resolution, self.data.bodies, seen_names))
        notes = {f.number: footnote_items(f, self.data.bodies, seen_names)
                 for f in resolution.footnotes}
        href = self.hrefs_from(src)
        return self.render(
            "resolution.html",
            r=resolution,
            blocks=blocks,
            notes=notes,
            back_links=back_links(resolution),
            references=references_of(resolution, self.graph, self.corpus, href),
            lineage=self.lineage(resolution, href),
            panel=see_also_panel(resolution, self.corpus, href),
            cited_by=cited_by(resolution, self.graph, self.corpus, href),
            meeting_href=official_url(resolution.meeting_record),
            meeting_record=lambda meeting: f"A/{resolution.session}/PV.{meeting.number}",
            json_href=href(json_path(resolution)),
            pdf_href=href(pdf_path(resolution)) if resolution.kind == "pdf" else "",
            session_href=href(f"sessions/{resolution.session}.md"),
            year_href=href(f"years/{resolution.adopted.year}.md"),
            cited_href=href("cited.md"),
            home_href=href("index.md"),
        )

    def lineage(self, resolution: Resolution, href) -> dict[str, list[LineageView]]:
        """For each paragraph with counterparts: each one, linked, with the word diff from
        the earlier text to the later one."""
        views: dict[str, list[LineageView]] = {}
        for paragraph in resolution.paragraphs:
            found = []
            for c in paragraph.lineage:
                other = self.corpus[c.symbol]
                text = next(p.text for p in other.paragraphs if p.id == c.paragraph)
                old, new = (text, paragraph.text) if c.relation == "earlier" else (
                    paragraph.text, text)
                found.append(LineageView(
                    f"{other.number} {c.paragraph}", href(page_path(other)) + f"#{c.paragraph}",
                    round(c.similarity * 100), c.relation, other.adopted.year,
                    word_diff(old, new) if old != new else []))
            if found:
                views[paragraph.id] = found
        return views

    def group_pages(self, folder: str, kind: str, key, order=None) -> dict[str, str]:
        """``<folder>/index.md`` listing the groups, and one ``<folder>/<key>.md`` per group,
        groups sorted by ``order`` (their value by default)."""
        groups: dict[int | str, list[Resolution]] = defaultdict(list)
        for resolution in self.resolutions:
            groups[key(resolution)].append(resolution)
        index_src = f"{folder}/index.md"
        files = {}
        listing = []
        for value in sorted(groups, key=order):
            src = f"{folder}/{value}.md"
            files[src] = self.render(f"{kind}.md", value=value, rows=self.rows(src, groups[value]))
            listing.append((value, groups[value]))
        files[index_src] = self.render(f"{folder}.md", groups=listing)
        return files


@dataclass(frozen=True)
class Drawn:
    """The body of a page drawn straight to HTML (None when even a short page could not be
    drawn), the files published beside it, and what went wrong."""

    body: str | None
    files: dict[str, str] = field(default_factory=dict)
    problems: tuple[Problem, ...] = ()


@dataclass(frozen=True)
class Rendered:
    files: dict[str, str]  # site source path -> content, sorted, byte-for-byte stable
    problems: tuple[Problem, ...]  # pages that could not be drawn (the others are there)


def render_site(linked: Linked, templates_dir: Path, data: Data | None = None, *,
                directory_urls: bool = False, report: Report | None = None) -> Rendered:
    """Every generated site file, and the problems of any page that could not be drawn.

    ``linked`` is the link stage's output (its problems are the caller's to report).
    ``directory_urls`` must match MkDocs' ``use_directory_urls`` so relative links land.
    """
    renderer = SiteRenderer(linked, templates_dir, data or Data(), directory_urls, report)
    files = renderer.files()
    return Rendered(files, tuple(renderer.problems))
