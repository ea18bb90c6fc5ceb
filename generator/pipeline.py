"""The stages in order, for the plugin, the command line and the tests alike.

read and parse (``load_corpus``) -> data files (``load_data``) -> link (``link_corpus``, then
paragraph lineage, then relations of whole resolutions); the render stage then draws
``Site.linked``. Problems of every stage are collected, never raised, so one bad file never
stops the others.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .cache import LayoutCache
from .corpus import load_corpus
from .data import Data, load_data
from .errors import Problem
from .guard import isolating
from .lineage import with_lineage
from .link import Linked, link_corpus
from .model import Resolution
from .paths import pdf_path
from .progress import EVERY, Report
from .relations import with_relations
from .series import find_series

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Site:
    linked: Linked
    data: Data
    problems: tuple[Problem, ...]
    documents: dict[str, Path] = field(default_factory=dict)  # site path -> official PDF

    @property
    def as_of(self) -> date | None:
        """The latest date the sources carry (adoption or distribution), None without any.

        What the site says changes only when its inputs do, so this, not the day of the build,
        dates its pages (the sitemap's ``lastmod``): two builds of the same sources on different
        days are byte-identical."""
        dates = [d for r in self.linked.resolutions for d in (r.adopted, r.distributed) if d]
        return max(dates, default=None)



def collect(source_dir: Path, data_dir: Path | None = DEFAULT_DATA_DIR, *,
            root: Path | None = None, directory_urls: bool = False,
            cache_dir: Path | None = None, workers: int | None = None,
            report: Report | None = None) -> Site:
    """Read and parse every source (PDF readings kept in ``cache_dir`` when given), load
    the data files and link the corpus; ``report`` hears how a long read is going."""
    corpus = load_corpus(source_dir, root, LayoutCache(cache_dir), workers, report)
    data = load_data(data_dir)
    started = time.monotonic()
    linked = relate(corpus.resolutions, data, directory_urls=directory_urls)
    took = time.monotonic() - started
    if report is not None and took >= EVERY:
        report(f"linked {len(corpus.resolutions):,} resolutions (citations, lineage, series) "
               f"in {took:.0f} s")
    documents = {pdf_path(r): corpus.files[r.symbol] for r in corpus.resolutions
                 if r.kind == "pdf"}
    return Site(linked, data, (*corpus.problems, *data.problems, *linked.problems), documents)


def relate(resolutions: tuple[Resolution, ...], data: Data, *,
           directory_urls: bool = False) -> Linked:
    """Everything that needs the whole corpus: citations resolved into the citation graph,
    then paragraph lineage, then the relations of whole resolutions (series, cites, cited by,
    related). The benchmark times exactly this."""
    with paused_gc():
        return _relate(resolutions, data, directory_urls)


def _relate(resolutions: tuple[Resolution, ...], data: Data, directory_urls: bool) -> Linked:
    """The stages run guarded as one: should any fail on some resolution, that one is left
    out of the collection (a problem naming its file) and they run again for the rest, so
    no other resolution links to it or lists it and every other page is whole."""

    def stages(rs: tuple[Resolution, ...]) -> Linked:
        linked = link_corpus(rs, data, directory_urls=directory_urls)
        series = find_series(linked.resolutions)  # from citations: lineage changes none
        related = with_relations(with_lineage(linked.resolutions, series), linked.graph, series)
        return replace(linked, resolutions=related)

    linked, _kept, problems = isolating(stages, resolutions, "linked with the collection")
    if linked is None:  # two resolutions that fail only together: each page on its own
        linked = stages(())
    return replace(linked, problems=(*linked.problems, *problems))


@contextmanager
def paused_gc() -> Iterator[None]:
    """Linking a large corpus makes millions of small objects, none of them in a reference
    cycle; Python's cyclic collector would walk all of them again and again as they pile up
    (a third of the time at 5,000 resolutions). Plain reference counting still frees them."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def link_one(resolution: Resolution, data_dir: Path | None = DEFAULT_DATA_DIR) -> Resolution:
    """One resolution linked on its own: citations of other resolutions link officially."""
    return link_corpus([resolution], load_data(data_dir)).resolutions[0]
