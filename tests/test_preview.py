"""The authoring loop (``mkdocs serve``) and the build's parallel stages give what a plain build
gives.

- An edit under serve re-reads only the file edited, links again only where it reaches
  (``link.relink``: exactly a full link), works lineage out again only there
  (``lineage.relineage``), redraws only the pages it reaches and copies the others: the site it
  writes is the site a fresh build of the edited sources writes.
- Parsing and drawing on every core give what one process gives.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from mkdocs.commands.build import build
from mkdocs.config import load_config

import generator.forking as forking_module
from benchmarks.synthetic import write_corpus
from generator.corpus import load_corpus
from generator.data import load_data
from generator.link import link_corpus, relink
from generator.pipeline import DEFAULT_DATA_DIR, Preview, collect
from generator.stash import stash_html_blocks, unstash_html_blocks

from .conftest import ROOT
from .sitebuild import differences, write_config

EDIT = ("Requests the Secretary-General to submit",
        "Requests the Secretary-General Editedword to submit")


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("preview-corpus")
    write_corpus(folder, 90, seed=3, series_length=6)
    return folder


def _edit(folder: Path, index: int = 40) -> Path:
    target = sorted(folder.glob("*.txt"))[index]
    text = target.read_text(encoding="utf-8")
    assert EDIT[0] in text
    target.write_text(text.replace(*EDIT, 1), encoding="utf-8")
    return target


def test_relink_gives_what_a_full_link_gives(synthetic):
    data = load_data(DEFAULT_DATA_DIR)
    resolutions = load_corpus(synthetic).resolutions
    before = link_corpus(resolutions, data)
    cited = next(r for r in resolutions if before.graph.citers_of(r.symbol))
    edited = replace(cited, paragraphs=tuple(
        replace(p, text=p.text.replace(" the ", " the edited ", 1)) for p in cited.paragraphs))
    after = tuple(edited if r is cited else r for r in resolutions)
    full, again = link_corpus(after, data), relink(after, before, {cited.symbol}, data)
    assert again.resolutions == full.resolutions
    assert again.graph == full.graph
    assert sorted(map(str, again.problems)) == sorted(map(str, full.problems))


def test_an_edit_is_worked_out_again_only_where_it_reaches(synthetic, tmp_path):
    folder = tmp_path / "sources"
    shutil.copytree(synthetic, folder)
    preview = Preview()
    collect(folder, preview=preview)
    assert preview.touched is None  # the first build draws everything
    parsed = dict(preview.parsed)
    edited = _edit(folder)
    site = collect(folder, preview=preview)
    symbol = next(s for s, r in preview.parsed.items() if r.source.endswith(edited.name))
    assert symbol in preview.touched and len(preview.touched) < 20
    assert all(preview.parsed[s] is r for s, r in parsed.items() if s != symbol), \
        "unchanged files are not read again"
    fresh = collect(folder)
    assert site.linked.resolutions == fresh.linked.resolutions


def test_parsing_on_every_core_gives_what_one_process_gives(synthetic, monkeypatch):
    monkeypatch.setattr(forking_module, "PARALLEL_FROM", 1)
    parallel = load_corpus(synthetic)
    monkeypatch.setattr(forking_module, "PARALLEL_FROM", 10**9)
    assert parallel == load_corpus(synthetic)


def test_citations_and_series_found_on_every_core_are_as_found_in_one_process(synthetic,
                                                                             monkeypatch):
    from generator.series import find_series

    resolutions, data = load_corpus(synthetic).resolutions, load_data(DEFAULT_DATA_DIR)
    monkeypatch.setattr(forking_module, "PARALLEL_FROM", 1)
    parallel = link_corpus(resolutions, data)
    series = find_series(parallel.resolutions)
    monkeypatch.setattr(forking_module, "PARALLEL_FROM", 10**9)
    assert parallel == link_corpus(resolutions, data)
    assert series == find_series(parallel.resolutions)
    assert sum(len(p.references) for r in parallel.resolutions for p in r.paragraphs) > 50
    assert max(len(s.members) for s in series.values()) > 3


def test_a_forked_map_does_again_here_what_a_worker_failed_on(monkeypatch):
    monkeypatch.setattr(forking_module, "PARALLEL_FROM", 1)
    parent = os.getpid()

    def halve(n: int) -> float:
        if n == 3 and os.getpid() != parent:
            raise ValueError("only in a worker")
        return n / 2

    assert list(forking_module.forked_map(halve, list(range(8)))) == [n / 2 for n in range(8)]


_FROZEN = """
import gc, json, sys
from pathlib import Path
from generator import forking

forking.PARALLEL_FROM = 1
held = [[n] for n in range(100_000)]  # what the build holds when it forks
out = Path(sys.argv[1])

def job():
    out.write_text(str(gc.get_freeze_count()))

forking.fork_job(job).join()
mapped = list(forking.forked_map(lambda _: gc.get_freeze_count(), [0, 1, 2]))
print(json.dumps({"job": int(out.read_text()), "map": mapped, "here": gc.get_freeze_count()}))
"""


def test_forked_processes_keep_what_they_inherited_out_of_their_collector(tmp_path):
    """A forked job's or worker's collection would write to every object it inherited (a
    copy of every page it shares with the build): inherited, they are frozen there, and
    only there. Run in a fresh interpreter: this one may run other threads, and then forks
    nothing."""
    done = subprocess.run([sys.executable, "-c", _FROZEN, str(tmp_path / "job")], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    found = json.loads(done.stdout)
    assert found["here"] == 0, "the build itself still collects what it holds"
    assert found["job"] > 100_000 and min(found["map"]) > 100_000


def test_the_collection_is_out_of_the_collectors_reach_while_its_pages_are_made(synthetic,
                                                                                tmp_path):
    """What parsing and linking made lives as long as the build, and the collector was paused
    while they made it: the next collections would walk all of it at once (over a second
    of one core at 5,000 resolutions, before any page is drawn). It is frozen once the
    collection is linked, and the collector is given it back when the build ends."""
    import gc

    from mkdocs.structure.files import Files

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(write_config(tmp_path, synthetic, tmp_path / "site")))
    assert gc.get_freeze_count() == 0
    try:
        config.plugins.on_files(Files([]), config=config)
        assert gc.get_freeze_count() > 10_000, "the linked collection is frozen"
    finally:
        config.plugins.on_post_build(config=config)
    assert gc.get_freeze_count() == 0, "and given back to the collector"


def test_drawing_a_page_leaves_nothing_for_the_collector(synthetic):
    """A page's view (its text, lineage and word diffs) is freed as soon as it is drawn:
    nothing drawn holds it in a reference cycle (a macro defined in a template holds its
    render's context so; at 1,000 resolutions that was some 900 objects a page, and the
    drawing workers' collections took a tenth of their time)."""
    import gc

    from generator.render import SiteRenderer

    site = collect(synthetic)
    renderer = SiteRenderer(site.linked, ROOT / "templates", site.data)
    pages = renderer.direct_pages()
    assert any(src in renderer.comparisons for src in pages)
    renderer.draw(pages[0])  # the templates compiled, the imported macros made
    gc.collect()
    gc.disable()
    try:
        for src in pages[:40] + pages[-20:]:
            renderer.draw(src)
        assert gc.collect() == 0
    finally:
        gc.enable()


def _serve_builds(sources: Path, tmp: Path):
    """A plugin set up as ``mkdocs serve`` sets it up, building into ``tmp``/site."""
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    tmp.mkdir()
    config = load_config(str(write_config(tmp, sources, tmp / "site")))
    config.plugins.on_startup(command="serve", dirty=False)
    return config


def test_serve_after_an_edit_writes_what_a_fresh_build_writes(synthetic, tmp_path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    folder = tmp_path / "sources"
    shutil.copytree(synthetic, folder)
    config = _serve_builds(folder, tmp_path / "serve")
    build(config, serve_url="http://127.0.0.1:8000/")
    first = {p.relative_to(tmp_path / "serve" / "site"): p.read_bytes()
             for p in (tmp_path / "serve" / "site").rglob("*.html")}
    _edit(folder)
    build(config, serve_url="http://127.0.0.1:8000/")
    served = tmp_path / "serve" / "site"
    assert any(b"Editedword" in p.read_bytes() for p in served.rglob("A/RES/**/*.html"))
    plugin = config.plugins["resolution-atlas"]
    assert plugin.kept and len(plugin.direct) < len(plugin.kept) / 4, \
        "most pages are copied as they were, not drawn"
    assert plugin.search is not None and plugin.search.indexed, "the index is kept for edits"
    (tmp_path / "fresh").mkdir()
    fresh = tmp_path / "fresh" / "site"
    build(load_config(str(write_config(tmp_path / "fresh", folder, fresh))),
          serve_url="http://127.0.0.1:8000/")
    assert differences(fresh, served) == []
    unchanged = [path for path, data in first.items() if (served / path).read_bytes() == data]
    assert len(unchanged) > len(first) / 2


@pytest.mark.parametrize("markdown", [
    "# Title\n\nSome *words*.\n\n<table>\n<tr><td>a &amp; b</td></tr>\n</table>\n\nMore.\n",
    "<div class=\"x\">\n<p>ATLASHTMLBLOCK0X</p>\n</div>\n\n## Next\n\n<ul>\n<li>one</li>\n</ul>",
    "No blocks at all, <span>inline</span> only.\n",
])
def test_raw_html_blocks_set_aside_come_back_as_they_were(markdown):
    import markdown as md

    text, blocks = stash_html_blocks(markdown)
    assert all(block in markdown for block in blocks)
    converted = unstash_html_blocks(md.markdown(text), blocks)
    assert converted.replace("\n", "") == md.markdown(markdown).replace("\n", "")


def _build_in_process(sources: Path, tmp: Path) -> Path:
    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    tmp.mkdir()
    build(load_config(str(write_config(tmp, sources, tmp / "site"))))
    return tmp / "site"


def test_theme_parts_drawn_once_per_folder_are_what_each_page_would_draw(tmp_path, monkeypatch):
    """templates/overrides/main.html: the navigation, content frame, footer, config, scripts
    and header (all but the title) kept from the first page of a folder are those every other
    page of it would draw."""
    from generator.plugin import ResolutionAtlasPlugin

    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    shared = _build_in_process(ROOT / "source_texts", tmp_path / "shared")
    monkeypatch.setattr(ResolutionAtlasPlugin, "_shared_block", lambda self, name, page: None)
    each = _build_in_process(ROOT / "source_texts", tmp_path / "each")
    assert differences(shared, each) == []


class _Renderer:
    """Draws a page as its own name, and says which it drew where."""

    def __init__(self) -> None:
        self.drawn_here: list[str] = []

    def draw(self, src: str):
        from generator.render import Drawn

        self.drawn_here.append(src)
        return Drawn(f"<p>{src}</p>", {f"{src}.json": "{}"})

    def compile_templates(self) -> None:
        pass


@pytest.mark.parametrize("workers", [0, 2])
def test_the_drawing_pool_gives_every_page_asked_for_in_any_order(tmp_path, workers):
    from generator.forking import fork_workers
    from generator.pool import DrawingPool

    forks = bool(workers and fork_workers(workers))  # not in a process running other threads
    pages = [f"p{n}.md" for n in range(300)]
    renderer = _Renderer()
    pool = DrawingPool(renderer, pages, tmp_path, workers=workers)
    try:
        asked = [*pages[250:], *pages[:250]]  # out of order, past the window
        assert [pool.take(src)[0] for src in asked] == [f"<p>{src}</p>" for src in asked]
        assert pool.take("unknown.md")[0] == "<p>unknown.md</p>"
    finally:
        pool.close()
    assert all((tmp_path / f"{src}.json").is_file() for src in pages)
    if forks:
        assert len(renderer.drawn_here) < len(pages) / 2, "most were drawn by the workers"


_GENERATIONS = """
import json, multiprocessing, os, sys
from pathlib import Path
from generator import pool as pools
from generator.render import Drawn

class Worker:  # draws a page as the process that drew it
    def compile_templates(self):
        pass

    def draw(self, src):
        return Drawn(f"{src} {os.getpid()}")

pools.GENERATION = 40
pages = [f"p{n}.md" for n in range(200)]
pool = pools.DrawingPool(Worker(), pages, Path(sys.argv[1]), workers=2)
try:
    before = len(multiprocessing.active_children())
    print(json.dumps({"parent": os.getpid(), "before": before,
                      "bodies": [pool.take(p)[0] for p in pages]}))
finally:
    pool.close()
"""


def test_the_drawing_pool_forks_fresh_workers_every_generation(tmp_path):
    """Workers that drew ``GENERATION`` pages are replaced by fresh ones (a long-lived worker
    copies the collection it reads, page after page); every page is still given, in order.
    The first are forked when the first page is asked for, not before: what the main process
    makes till then is shared, not copied. Run in a fresh interpreter: this one may run other
    threads, and then forks nothing."""
    done = subprocess.run([sys.executable, "-c", _GENERATIONS, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    found = json.loads(done.stdout)
    bodies = found["bodies"]
    assert [body.split()[0] for body in bodies] == [f"p{n}.md" for n in range(200)]
    by: dict[int, set[int]] = {}
    for n, body in enumerate(bodies):
        by.setdefault(int(body.split()[1]), set()).add(n // 40)
    assert found["before"] == 0, "no worker before the first page is asked for"
    assert found["parent"] not in by, "every page was drawn by a worker"
    assert len(by) >= 5, "fresh workers for each of the five generations"
    assert all(len(generations) == 1 for generations in by.values()), \
        "a worker draws pages of its own generation only"


_WORKER_DIES = """
import gc, json, os, sys, time
from pathlib import Path
from generator import pool as pools
from generator.render import Drawn

parent = os.getpid()

class Worker:  # a worker dies on p50; every page says which process drew it
    def compile_templates(self):
        pass

    def draw(self, src):
        if src == "p50.md" and os.getpid() != parent:
            os._exit(1)
        return Drawn(f"{src} {os.getpid()}")

def index(renderer):  # slow in a worker: still being written when the other worker dies
    if os.getpid() != parent:
        time.sleep(3)
    return {"search/index.js": str(os.getpid())}

pages = [f"p{n}.md" for n in range(120)]
gc.freeze()  # as the plugin does, for the whole build
pool = pools.DrawingPool(Worker(), pages, Path(sys.argv[1]), workers=2)
try:
    pool.write_aside(index, "the search index")
    bodies = [pool.take(p)[0] for p in pages]
    frozen = gc.get_freeze_count()
finally:
    pool.close()
print(json.dumps({"parent": parent, "bodies": bodies, "frozen": frozen,
                  "problems": [str(p) for p in pool.problems]}))
"""


def test_a_drawing_worker_that_dies_costs_no_page_and_says_so(tmp_path):
    """Should a worker die mid-build, this process draws every page left and writes the
    files a worker was writing aside (the search index), the build says so once (however
    the death is met: a page's answer, a page handed over, the files), and only the workers
    stop: what the build froze for its whole length (out of
    the collector's reach) stays frozen until the pool is closed. Run in a fresh
    interpreter: this one may run other threads, and then forks nothing."""
    done = subprocess.run([sys.executable, "-c", _WORKER_DIES, str(tmp_path)], cwd=ROOT,
                          capture_output=True, text=True, check=True, timeout=120)
    found = json.loads(done.stdout)
    bodies = found["bodies"]
    assert [body.split()[0] for body in bodies] == [f"p{n}.md" for n in range(120)]
    drawn_by = [int(body.split()[1]) for body in bodies]
    assert drawn_by[0] != found["parent"], "the first pages were drawn by a worker"
    assert drawn_by[50:] == [found["parent"]] * 70, "the rest, here"
    assert len(found["problems"]) == 1 and "drawing workers" in found["problems"][0]
    assert found["frozen"] > 1000, "the build's freeze holds after the workers stopped"
    written_by = (tmp_path / "search" / "index.js").read_text(encoding="utf-8")
    assert written_by == str(found["parent"]), "the index the workers' end cut short"


def test_listing_pages_drawn_meanwhile_are_the_listing_pages(synthetic, tmp_path):
    """The home, session and year pages drawn by the process forked at parse time (while the
    collection is linked; it then writes the search index) are what the linked collection
    draws; should linking change what they list, they are drawn again."""
    from types import SimpleNamespace

    from generator.forking import fork_workers
    from generator.plugin import ResolutionAtlasPlugin
    from generator.render import LISTINGS, SiteRenderer, listing_key
    from generator.search import search_files

    if not fork_workers():
        pytest.skip("this process runs other threads: nothing is forked, all is drawn here")
    parsed = load_corpus(synthetic).resolutions
    site = collect(synthetic)
    renderer = SiteRenderer(site.linked, ROOT / "templates", site.data)
    plugin = ResolutionAtlasPlugin()
    plugin.load_config({"templates_dir": str(ROOT / "templates")})

    def meanwhile(resolutions: tuple, site_dir: Path) -> dict:
        config = SimpleNamespace(site_dir=str(site_dir), use_directory_urls=False)
        plugin._index_meanwhile(config)(resolutions)
        drawn = plugin._listed_meanwhile(listing_key(renderer.resolutions))
        job, _ = plugin.indexing
        job.join()
        assert job.exitcode == 0
        return drawn

    drawn = meanwhile(parsed, tmp_path / "site")
    assert sorted(drawn) == sorted(LISTINGS)
    assert drawn == {name: draw() for name, draw in renderer.collection_pages()
                     if name in LISTINGS}
    index = search_files(parsed, directory_urls=False)
    assert {path: (tmp_path / "site" / path).read_text(encoding="utf-8")
            for path in index} == index, "then the same process wrote the search index"
    retitled = (replace(parsed[0], title=parsed[0].title + " (revised)"), *parsed[1:])
    assert meanwhile(retitled, tmp_path / "again") == {}, "what they list changed: drawn again"


def test_a_direct_page_renders_as_markdown_renders_its_empty_text():
    """plugin.DirectPage skips setting up Python-Markdown for a page with no Markdown: what it
    holds after rendering is what MkDocs' own Page holds; a page with Markdown is rendered by
    Markdown as ever."""
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

    from generator.plugin import DirectPage

    os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")
    config = load_config(str(ROOT / "mkdocs.yml"))
    config.plugins._current_plugin = "resolution-atlas"  # as while on_files runs
    for text in ("---\ntitle: A/RES/64/187\n---\n", "---\ntitle: T\n---\n# Heading\n\nWords."):
        pages = []
        for kind in (Page, DirectPage):
            file = File.generated(config, "A/RES/64/187.md", content=text)
            page = kind(None, file, config)
            page.read_source(config)
            page.render(config, Files([file]))
            toc = [(a.id, a.title, a.level) for a in page.toc]
            pages.append((page.title, page.content, toc, page.present_anchor_ids))
        assert pages[0] == pages[1]
