"""The stages in order, for the plugin, the command line and the tests alike.

read and parse (``load_corpus``) -> data files (``load_data``) -> link (``link_corpus``, then
paragraph lineage, then relations of whole resolutions); the render stage then draws
``Site.linked``. Problems of every stage are collected, never raised, so one bad file never
stops the others.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

from .cache import LayoutCache
from .corpus import Memo, load_corpus
from .data import Data, load_data
from .errors import Problem
from .guard import isolating
from .lineage import Learned, relineage, with_lineage
from .link import Linked, link_corpus, relink
from .model import Resolution, Series
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



@dataclass
class Preview:
    """What ``mkdocs serve`` keeps from one build to the next, so that an edit costs what it
    reaches: every file's outcome (``corpus.Memo``), the parsed resolutions, the link
    stage's output, the series, what lineage learned of the collection, and the linked
    collection. After each build ``touched`` holds the resolutions whose pages may differ
    from the last build's (None: all of them)."""

    memo: Memo = field(default_factory=dict)
    data: Data | None = None
    parsed: dict[str, Resolution] = field(default_factory=dict)
    linked: Linked | None = None  # the link stage's, before lineage and relations
    series: dict[str, Series] = field(default_factory=dict)
    learned: Learned | None = None
    final: dict[str, Resolution] = field(default_factory=dict)
    touched: set[str] | None = None


INCREMENTAL_UP_TO = 50  # resolutions changed at once; more, and everything is linked again


def collect(source_dir: Path, data_dir: Path | None = DEFAULT_DATA_DIR, *,
            root: Path | None = None, directory_urls: bool = False,
            cache_dir: Path | None = None, workers: int | None = None,
            report: Report | None = None, preview: Preview | None = None,
            parsed: Callable[[tuple[Resolution, ...]], None] | None = None) -> Site:
    """Read and parse every source (PDF readings kept in ``cache_dir`` when given), load
    the data files and link the corpus; ``report`` hears how a long read is going.
    ``preview``: as for ``relate``, and the files not changed since are not read again.
    ``parsed`` hears of the parsed resolutions before they are linked (what needs only their
    words can start meanwhile)."""
    corpus = load_corpus(source_dir, root, LayoutCache(cache_dir), workers, report,
                         preview.memo if preview is not None else None)
    if parsed is not None:
        parsed(corpus.resolutions)
    data = load_data(data_dir)
    started = time.monotonic()
    linked = relate(corpus.resolutions, data, directory_urls=directory_urls, preview=preview)
    took = time.monotonic() - started
    if report is not None and took >= EVERY:
        report(f"linked {len(corpus.resolutions):,} resolutions (citations, lineage, series) "
               f"in {took:.0f} s")
    documents = {pdf_path(r): corpus.files[r.symbol] for r in corpus.resolutions
                 if r.kind == "pdf"}
    return Site(linked, data, (*corpus.problems, *data.problems, *linked.problems), documents)


def relate(resolutions: tuple[Resolution, ...], data: Data, *,
           directory_urls: bool = False, preview: Preview | None = None) -> Linked:
    """Everything that needs the whole corpus: citations resolved into the citation graph,
    then paragraph lineage, then the relations of whole resolutions (series, cites, cited by,
    related).

    With a ``preview`` of the last build and a few resolutions changed since (the same
    resolutions, the same data files), only what the change reaches is worked out again
    (``link.relink``: exactly what a full link gives; ``lineage.relineage``: the changed
    resolutions' lineage, against the collection's boilerplate). The preview is brought up
    to date."""
    with paused_gc():
        if preview is not None and _can_follow(preview, resolutions, data):
            try:
                return _relate_again(preview, resolutions, data, directory_urls)
            except Exception:  # linked again from scratch below, as any full build is
                preview.linked = None
        return _relate(resolutions, data, directory_urls, preview)


def _can_follow(preview: Preview, resolutions: tuple[Resolution, ...], data: Data) -> bool:
    if preview.linked is None or preview.learned is None or preview.data != data:
        return False
    if {r.symbol for r in resolutions} != set(preview.parsed):
        return False
    changed = [r for r in resolutions if r is not preview.parsed[r.symbol]]
    return len(changed) <= INCREMENTAL_UP_TO


def _relate_again(preview: Preview, resolutions: tuple[Resolution, ...], data: Data,
                  directory_urls: bool) -> Linked:
    """``_relate`` for a collection the preview knows, after a few resolutions changed."""
    changed = {r.symbol for r in resolutions if r is not preview.parsed[r.symbol]}
    before = {r.symbol: r for r in preview.linked.resolutions}
    linked = relink(resolutions, preview.linked, changed, data, directory_urls=directory_urls)
    series = preview.series
    if any(not _same_for_series(before[r.symbol], r)
           for r in linked.resolutions if r.symbol in changed):
        series = find_series(linked.resolutions)
    kept = {r.symbol for r in linked.resolutions if r is before[r.symbol]}
    lineaged = relineage(linked.resolutions, preview.final, changed, series, preview.learned,
                         kept)
    related = with_relations(lineaged, linked.graph, series)
    preview.touched = _touched(lineaged, related, preview.final) | changed
    _remember(preview, resolutions, data, linked, series, preview.learned, related)
    return replace(linked, resolutions=related)


def _touched(lineaged: tuple[Resolution, ...], related: tuple[Resolution, ...],
             previous: dict[str, Resolution]) -> set[str]:
    """The resolutions that differ from the last build's: where lineage kept the last
    build's resolution, only its relations can."""
    def relations(r: Resolution):
        return (r.series, r.cites, r.cited_by, r.related)

    return {new.symbol for before, new in zip(lineaged, related, strict=True)
            if (relations(new) != relations(previous[new.symbol])
                if before is previous[new.symbol] else new != previous[new.symbol])}


def _same_for_series(old: Resolution, new: Resolution) -> bool:
    """Whether ``new`` joins the same series as ``old``: the same title, dates and session,
    and the same paragraphs wherever a citation is (series statements name resolutions)."""
    def cited(r: Resolution):
        return [(x.id, x.text, x.references) for x in (*r.paragraphs, *r.footnotes)
                if x.references]

    return (old.title, old.adopted, old.session) == (new.title, new.adopted, new.session) \
        and cited(old) == cited(new)


def _remember(preview: Preview, parsed: tuple[Resolution, ...], data: Data, linked: Linked,
              series: dict[str, Series], learned: Learned | None,
              final: tuple[Resolution, ...]) -> None:
    preview.data, preview.linked, preview.series, preview.learned = data, linked, series, learned
    preview.parsed = {r.symbol: r for r in parsed}
    preview.final = {r.symbol: r for r in final}


def _relate(resolutions: tuple[Resolution, ...], data: Data, directory_urls: bool,
            preview: Preview | None = None) -> Linked:
    """The stages run guarded as one: should any fail on some resolution, that one is left
    out of the collection (a problem naming its file) and they run again for the rest, so
    no other resolution links to it or lists it and every other page is whole."""

    def stages(rs: tuple[Resolution, ...]) -> Linked:
        linked = link_corpus(rs, data, directory_urls=directory_urls)
        series = find_series(linked.resolutions)  # from citations: lineage changes none
        learned: list[Learned] = []
        lineaged = with_lineage(linked.resolutions, series,
                                keep=learned if preview is not None else None)
        related = with_relations(lineaged, linked.graph, series)
        if preview is not None:
            _remember(preview, rs, data, linked, series, learned[0] if learned else None,
                      related)
        return replace(linked, resolutions=related)

    linked, kept, problems = isolating(stages, resolutions, "linked with the collection")
    if linked is None:  # two resolutions that fail only together: each page on its own
        linked = stages(())
    if preview is not None:
        preview.touched = None
        if len(kept) != len(resolutions):  # the preview holds a part: the next build is full
            preview.linked = None
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
