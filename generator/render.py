"""Render stage: the Jinja environment and the list of the site's pages, drawn from views.

No MkDocs here: ``render_site`` returns ``{site source path: content}`` and the plugin hands
those to MkDocs, so the pages can be tested, diffed and read without building a site. What
each page shows is its view's (``views``); where each page lives is ``paths``'s; this module
only knows which pages there are and which template draws each.

Why the pages are Markdown files made of raw HTML: MkDocs needs ``.md`` sources for its nav,
search and theme, but resolution text must reach the reader exactly as published. Every piece of
resolution text is HTML-escaped by Jinja's autoescape and placed inside a block-level HTML
element that starts at the beginning of a line; Python-Markdown stores such blocks untouched
(its "raw HTML" stash), so no Markdown, attribute-list or typography extension ever sees the
text. Only fixed words of our own (headings of index pages, link labels) are written as
Markdown. Resolution and comparison pages are drawn straight to HTML (``direct_pages``).

Links between generated pages are relative hrefs computed from the pages' paths (links inside
raw HTML are not rewritten by MkDocs), so they work from ``file://`` and under any path prefix.
"""

from __future__ import annotations

import html
import itertools
import json
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import orjson
from jinja2 import Environment, FileSystemLoader, StrictUndefined, TemplateError, select_autoescape
from markupsafe import Markup

from .compare import compare
from .data import Data
from .errors import Problem
from .guard import failure
from .inert import finalized
from .link import CitationGraph, Linked
from .model import Resolution, dump_json
from .paths import (
    CITED,
    GLOSSARY,
    GRAPH_JSON,
    HOME,
    OVERVIEW,
    SESSIONS,
    YEARS,
    Href,
    compare_path,
    group_index_path,
    group_path,
    json_path,
    official_url,
    page_path,
    page_symbol,
    symbol_key,
)
from .progress import Progress, Report
from .relations import all_series
from .views.cited import cited_documents
from .views.compare import ComparisonView, comparison_view
from .views.glossary import glossary
from .views.lineage_panel import diff_html, panel_html
from .views.listing import groups, rows
from .views.overview import citation_picture, graph_json, timeline
from .views.resolution import resolution_page, unavailable_page
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


# --- The site ------------------------------------------------------------------------------


@lru_cache(maxsize=4)  # one per templates folder: mkdocs serve keeps it compiled (Jinja
# reloads a template whose file changed)
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
        finalize=finalized,
    )
    env.filters["long_date"] = long_date
    env.filters["ordinal_suffix"] = ordinal_suffix
    env.filters["meta_html"] = meta_html
    env.filters["word_diff"] = diff_html
    env.filters["lineage_panel"] = panel_html
    env.globals["official_url"] = official_url
    env.globals["session_name"] = session_name
    return env


# The pages listing resolutions by their symbol, title, date, session and committee only.
LISTINGS = (HOME, SESSIONS + "/", YEARS + "/")


def listing_key(resolutions: Iterable[Resolution]) -> tuple:
    """What the listing pages show of a collection: while it is the same, so are they."""
    return tuple((r.symbol, r.number, r.title, r.adopted, r.session, r.report)
                 for r in sorted(resolutions, key=lambda r: symbol_key(r.symbol)))


def listing_pages(resolutions: Iterable[Resolution], templates_dir: Path,
                  directory_urls: bool = False) -> dict[str, dict[str, str]]:
    """The listing pages ({name in ``LISTINGS``: {path: content}}) of resolutions as parsed:
    they need no link, series or lineage, so they can be drawn before linking is done, and
    are those of the linked collection while ``listing_key`` is the same."""
    renderer = SiteRenderer(Linked(tuple(resolutions), CitationGraph({}, {}, {}), ()),
                            templates_dir, Data(), directory_urls)
    return {name: draw() for name, draw in renderer.collection_pages() if name in LISTINGS}


class SiteRenderer:
    """The site's pages: which there are, and each drawn by its template from its view."""

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

    def href(self, page: str) -> Href:
        """The links of the page built from ``page``."""
        return Href(page, self.directory_urls)

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def compile_templates(self) -> None:
        """Every template of the folder (not the theme's overrides) compiled now: drawing
        workers forked after this share them, where each would compile its own. One that
        does not compile is left for its pages to report."""
        for name in self.env.list_templates(filter_func=lambda name: "/" not in name):
            try:
                self.env.get_template(name)
            except TemplateError:
                continue

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
        if src in self.comparisons:  # its title and description name the two, no more
            old, new = (self.corpus[s] for s in self.comparisons[src])
            return self.render("compare_meta.md", old=old, new=new)
        resolution = self.corpus[page_symbol(src)]
        try:
            return self.render("resolution_meta.md", r=resolution)
        except Exception:  # the body will say what failed (``draw``)
            return self.render("unavailable_meta.md", r=resolution)

    def draw(self, src: str) -> Drawn:
        """The body of a direct page, with the files beside it (a resolution's JSON). A page
        that cannot be drawn gives way to a plain one, and says why (``problems``)."""
        if src in self.comparisons:
            return Drawn(self.render("compare.html", v=self.comparison(src)))
        resolution = self.corpus[page_symbol(src)]
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

    def collection_pages(self) -> list[tuple[str, Callable[[], dict[str, str]]]]:
        """(name, function giving {path: content}) of the pages about the whole collection."""
        return [
            (HOME, lambda: {HOME: self.render(
                "home.md", rows=rows(self.resolutions, self.href(HOME)))}),
            (SESSIONS + "/", lambda: self.group_pages(SESSIONS, "session", lambda r: r.session,
                                                      session_key)),
            (YEARS + "/", lambda: self.group_pages(YEARS, "year", lambda r: r.adopted.year)),
            (CITED, lambda: {CITED: self.render("cited.md", documents=cited_documents(
                self.graph, self.corpus, self.href(CITED)))}),
            (GLOSSARY, lambda: {GLOSSARY: self.render("glossary.md", entries=glossary(
                self.data.bodies, tuple(self.resolutions), self.href(GLOSSARY)))}),
            (OVERVIEW, lambda: {OVERVIEW: self.overview_page()}),
            (GRAPH_JSON, lambda: {GRAPH_JSON: orjson.dumps(
                graph_json(self.resolutions, self.directory_urls),
                option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()}),
        ]

    # --- Each page -----------------------------------------------------------------------

    def resolution_body(self, resolution: Resolution) -> str:
        href = self.href(page_path(resolution))
        return self.render("resolution.html", **resolution_page(
            resolution, self.corpus, self.graph, self.data.bodies, href))

    def unavailable_body(self, resolution: Resolution, problem: Problem) -> str:
        """In place of a page that could not be drawn, a short one that says so."""
        href = self.href(page_path(resolution))
        return self.render("unavailable.html", **unavailable_page(resolution, problem, href))

    def comparison(self, src: str) -> ComparisonView:
        """The view of the comparison page at ``src``."""
        old, new = self.comparisons[src]
        return comparison_view(compare(self.corpus[old], self.corpus[new]), self.href(src))

    def overview_page(self) -> str:
        href = self.href(OVERVIEW)
        return self.render("overview.md", count=len(self.resolutions),
                           picture=citation_picture(self.resolutions, href),
                           years=timeline(self.resolutions, href))

    def group_pages(self, folder: str, kind: str, key: Callable[[Resolution], Any],
                    order: Callable[[Any], Any] | None = None) -> dict[str, str]:
        """``<folder>/index.md`` listing the groups, and one ``<folder>/<key>.md`` per group,
        groups sorted by ``order`` (their value by default)."""
        listing = groups(self.resolutions, key, order)
        files = {}
        for value, members in listing:
            src = group_path(folder, value)
            files[src] = self.render(f"{kind}.md", value=value, rows=rows(members, self.href(src)))
        files[group_index_path(folder)] = self.render(f"{folder}.md", groups=listing)
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
