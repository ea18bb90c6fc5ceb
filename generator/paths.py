"""Where things live on the site, and how one page links to another.

The one owner of the site's paths: every page, file and folder the generator writes is named
here (a site source path such as ``sessions/64.md``, which MkDocs turns into ``sessions/64.html``),
and every link between them is made here (``Href``, ``relative_href``). Shared by the link
stage (hrefs of citations, published in the JSON), the views and the render stage.

Links are relative, computed from the pages' paths, so they work from ``file://`` and under any
path prefix; ``directory_urls`` must match MkDocs' ``use_directory_urls``.
"""

from __future__ import annotations

import functools
import posixpath
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from .model import Resolution


# Pages about the whole collection, and the one file beside them.
HOME = "index.md"
CITED = "cited.md"
GLOSSARY = "glossary.md"
OVERVIEW = "overview.md"
GRAPH_JSON = "graph.json"  # the collection as a graph, for scripts
SESSIONS = "sessions"  # a page per session: sessions/64.md, listed in sessions/index.md
YEARS = "years"  # a page per year of adoption: years/2009.md, listed in years/index.md
PAGE = ".md"  # how the source path of every page ends


def group_path(folder: str, value: int | str) -> str:
    """Site source path of one group's page: ``group_path(SESSIONS, 64)`` is ``sessions/64.md``."""
    return f"{folder}/{value}{PAGE}"


def group_index_path(folder: str) -> str:
    """Site source path of the page listing a folder's groups: ``sessions/index.md``."""
    return f"{folder}/{HOME}"


def session_path(session: int) -> str:
    return group_path(SESSIONS, session)


def year_path(year: int) -> str:
    return group_path(YEARS, year)


def compare_path(old: str, new: str) -> str:
    """Site source path of the comparison of two resolutions of a series:
    ``compare/A-RES-64-187--A-RES-66-184.md`` (both ends named, so the link never changes)."""
    return f"compare/{old.replace('/', '-')}--{new.replace('/', '-')}{PAGE}"


def page_path(resolution: Resolution) -> str:
    """Site source path of a resolution's page: the symbol itself, ``A/RES/64/187.md``."""
    return symbol_page(resolution.symbol)


def symbol_page(symbol: str) -> str:
    """Site source path of the page for ``symbol``, whether or not the corpus holds it."""
    return f"{symbol}{PAGE}"


def page_symbol(src: str) -> str:
    """The symbol of the resolution whose page is ``src``: ``page_path``'s inverse."""
    return src.removesuffix(PAGE)


def fragment(anchor_id: str) -> str:
    """A link to a place on the page itself: ``#op3``."""
    return f"#{anchor_id}"


def json_path(resolution: Resolution) -> str:
    """The published JSON stands beside the page: ``A/RES/64/187.json``."""
    return f"{resolution.symbol}.json"


def pdf_path(resolution: Resolution) -> str:
    """The official PDF a page was built from is published beside it: ``A/RES/78/132.pdf``."""
    return f"{resolution.symbol}.pdf"


def output_url(src_path: str, directory_urls: bool = False) -> str:
    """Where MkDocs writes ``src_path``: ``a/b.md`` -> ``a/b.html`` (or ``a/b/``)."""
    if not src_path.endswith(PAGE):
        return src_path
    stem = src_path[: -len(PAGE)]
    if not directory_urls:
        return stem + ".html"
    index = HOME.removesuffix(PAGE)
    if stem == index or stem.endswith("/" + index):
        return stem[: -len(index)]
    return stem + "/"


@functools.lru_cache(maxsize=1 << 16)  # a page links to the same few pages many times
def relative_href(from_src: str, to_src: str, directory_urls: bool = False) -> str:
    """Relative link from the page built from ``from_src`` to the file built from ``to_src``.

    Both are site paths (no ``..``), so the link is the way up from the source's folder to
    the folders they share, then down to the target: what ``posixpath.relpath`` would give,
    without its trips through the working directory."""
    source = output_url(from_src, directory_urls)
    target = output_url(to_src, directory_urls)
    base = source.rstrip("/") if source.endswith("/") else posixpath.dirname(source)
    here = base.split("/") if base else []
    there = target.rstrip("/").split("/") if target.rstrip("/") else []
    shared = 0
    for a, b in zip(here, there, strict=False):
        if a != b:
            break
        shared += 1
    steps = [".."] * (len(here) - shared) + there[shared:]
    href = quote("/".join(steps) or ".")  # a space in a symbol -> %20
    is_folder = target == "" or target.endswith("/")  # directory URLs: "sessions/", the root
    return href + "/" if is_folder else href


@dataclass(frozen=True)
class Href:
    """The links of one page: every href a view draws is made by the ``Href`` of the page it
    stands on (``page``, a site source path), relative to that page."""

    page: str
    directory_urls: bool = False

    def to(self, src: str) -> str:
        """To the page or file built from the site source path ``src``."""
        return relative_href(self.page, src, self.directory_urls)

    def resolution(self, resolution: Resolution) -> str:
        return self.to(page_path(resolution))

    def symbol(self, symbol: str) -> str:
        """To the page of ``symbol``, whether or not the corpus holds it."""
        return self.to(symbol_page(symbol))

    def paragraph(self, symbol: str, anchor_id: str) -> str:
        """To a paragraph (or footnote) of the page of ``symbol``: ``../64/187.html#op3``."""
        return self.symbol(symbol) + fragment(anchor_id)


def official_url(symbol: str) -> str:
    """The UN Official Document System link for any document symbol."""
    return f"https://undocs.org/en/{symbol}"


def symbol_key(symbol: str) -> tuple[tuple[int, int | str], ...]:
    """Sort A/RES/64/99 < A/RES/64/187 < A/RES/64/1000: numbers as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", symbol))


# The search index (generator/search.py, read by templates/overrides/assets/search.js): a
# first file, then shards of the term dictionary and one file of records per resolution.
SEARCH_INDEX = "search/index.js"


def search_terms_path(shard: int) -> str:
    """Site path of shard ``shard`` of the term dictionary: ``search/terms/3.js``."""
    return f"search/terms/{shard}.js"


def search_records_path(index: int | str) -> str:
    """Site path of the search records of the ``index``-th resolution (in symbol order):
    ``search/records/12.js``; ``search_records_path("{}")`` is the pattern the first file
    gives the browser, which fills in the number."""
    return f"search/records/{index}.js"
