"""Where things live on the site, and how one page links to another.

Shared by the link stage (hrefs of citations, published in the JSON) and the render stage.
Links are relative, computed from the pages' paths, so they work from ``file://`` and under any
path prefix; ``directory_urls`` must match MkDocs' ``use_directory_urls``.
"""

from __future__ import annotations

import functools
import posixpath
import re
from typing import TYPE_CHECKING
from urllib.parse import quote

if TYPE_CHECKING:
    from .model import Resolution


def page_path(resolution: Resolution) -> str:
    """Site source path of a resolution's page: the symbol itself, ``A/RES/64/187.md``."""
    return f"{resolution.symbol}.md"


def symbol_page(symbol: str) -> str:
    """Site source path of the page for ``symbol``, whether or not the corpus holds it."""
    return f"{symbol}.md"


def json_path(resolution: Resolution) -> str:
    """The published JSON stands beside the page: ``A/RES/64/187.json``."""
    return f"{resolution.symbol}.json"


def pdf_path(resolution: Resolution) -> str:
    """The official PDF a page was built from is published beside it: ``A/RES/78/132.pdf``."""
    return f"{resolution.symbol}.pdf"


def output_url(src_path: str, directory_urls: bool = False) -> str:
    """Where MkDocs writes ``src_path``: ``a/b.md`` -> ``a/b.html`` (or ``a/b/``)."""
    if not src_path.endswith(".md"):
        return src_path
    stem = src_path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
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
    for a, b in zip(here, there):
        if a != b:
            break
        shared += 1
    steps = [".."] * (len(here) - shared) + there[shared:]
    href = quote("/".join(steps) or ".")  # a space in a symbol -> %20
    is_folder = target == "" or target.endswith("/")  # directory URLs: "sessions/", the root
    return href + "/" if is_folder else href


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
