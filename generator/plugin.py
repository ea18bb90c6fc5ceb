"""The MkDocs adapter: feed the rendered pages to MkDocs as if they were files in ``docs/``.

Deliberately thin (in the spirit of mkdocs-gen-files): parsing lives in ``parse``, page
building in ``render``; this module only reads options, reports problems the MkDocs way and
registers files. Every input problem is logged as a warning, so ``mkdocs build --strict`` fails
on it while a plain build still publishes every resolution that parsed.

Builds are reproducible: nothing in the output depends on the day of the build. MkDocs dates
every page (the sitemap's ``lastmod``, the gzip header of ``sitemap.xml.gz``) with the build
day unless ``SOURCE_DATE_EPOCH`` is set; when it is not, the plugin dates pages with the latest
date the sources carry instead.
"""

from __future__ import annotations

import atexit
import gc
import logging
import os
import pickle
import shutil
import tempfile
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page
from mkdocs.structure.toc import get_toc

from .forking import fork_job
from .guard import failure
from .pipeline import Preview, collect
from .pool import DrawingPool, write_files
from .progress import Progress
from .render import LISTINGS, SiteRenderer, listing_key, listing_pages
from .reuse import HeldBytecode, reached_pages, tree_key, write_bytes
from .search import SearchIndex, search_files
from .stash import stash_html_blocks, unstash_html_blocks

log = logging.getLogger("mkdocs.plugins.resolution_atlas")


class ResolutionAtlasConfig(Config):
    """Options of the ``resolution-atlas`` plugin in mkdocs.yml (paths relative to that file)."""

    source_dir = c.Dir(exists=False, default="source_texts")  # official PDFs and text exports
    templates_dir = c.Dir(exists=True, default="templates")  # Jinja page templates
    data_dir = c.Dir(exists=False, default="data")  # instruments.yaml and bodies.yaml
    # What the PDF reader made of each file, by content: an unchanged PDF is never read twice.
    # Outside site/; delete it at will. ATLAS_CACHE overrides it ("" keeps no cache).
    cache_dir = c.Type(str, default=".cache/resolution-atlas")


# What MkDocs holds as the content of a page drawn straight to HTML until it writes the page;
# it holds "<h1" so that the theme adds no title of its own (the body has its h1).
BODY = "<!-- resolution-atlas: the page body, with its <h1>, is drawn here -->"


class ResolutionAtlasPlugin(BasePlugin[ResolutionAtlasConfig]):
    """Generates one page and one JSON file per resolution, plus the index pages.

    Resolution and comparison pages are drawn straight to HTML by worker processes
    (``DrawingPool``) while MkDocs writes the site: MkDocs gets their front matter and an empty
    Markdown body (nothing for Python-Markdown to parse), the theme lays each one out around
    ``BODY``, and the drawn body takes its place as the page is written."""

    as_of: str | None = None  # the date pages carry in place of the build day
    written: Progress | None = None  # pages MkDocs has written, for the log of a long build
    pages = 0  # pages MkDocs will write
    drawing: DrawingPool | None = None  # bodies of the direct pages, drawn ahead
    direct: frozenset[str] = frozenset()  # site paths of the pages drawn straight to HTML
    blocks: dict[tuple[str, str], str]  # theme parts shared by a folder's direct pages
    stashed: dict[str, list[str]]  # a generated page's raw HTML blocks while Markdown runs
    preview: Preview | None = None  # under ``mkdocs serve``: what the last build knew
    kept: dict[str, list[str]]  # under serve: each direct page's files (page, JSON) kept
    kept_dir: Path  # under serve: where they are kept
    theme_key: tuple = ()  # under serve: the templates and docs the kept pages were drawn with
    indexing: tuple | None = None  # (the process writing the search index, for which symbols)
    listing: tuple | None = None  # (the pipe the job says the listings are drawn on, what
    # they list, the file it leaves them in)
    listings: dict  # under serve: the lists of resolutions as last drawn, with what they list
    search: SearchIndex | None = None  # under serve: the search index as last made
    compiled: HeldBytecode | None = None  # under serve: the theme's templates, compiled

    def on_startup(self, *, command: str, dirty: bool) -> None:
        """Under ``mkdocs serve`` every build after the first works out again only what an
        edit reaches (``pipeline.Preview``) and rewrites the other pages as they were."""
        if command == "serve":
            self.preview, self.kept, self.listings = Preview(), {}, {}
            self.search, self.compiled = SearchIndex(), HeldBytecode()
            self.kept_dir = Path(tempfile.mkdtemp(prefix="resolution-atlas-serve-"))
            atexit.register(shutil.rmtree, self.kept_dir, True)

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Parse the corpus and add every rendered file (each build, so serve sees edits)."""
        source_dir = Path(self.config.source_dir)
        if not source_dir.is_dir():
            log.warning(f"source_dir {source_dir} does not exist: no resolutions to publish")
        root = Path(config.config_file_path).parent if config.config_file_path else None
        site = collect(source_dir, Path(self.config.data_dir), root=root,
                       directory_urls=config.use_directory_urls,
                       cache_dir=_cache_dir(self.config.cache_dir, root), report=log.info,
                       preview=self.preview, parsed=self._index_meanwhile(config))
        # What collect made lives as long as the build: out of the collector's reach (till
        # _stop_drawing), or the first collections after linking walk all of it again.
        gc.freeze()
        as_of = site.as_of
        self.as_of = None if "SOURCE_DATE_EPOCH" in os.environ or as_of is None \
            else as_of.isoformat()
        for problem in site.problems:
            (log.info if problem.level == "info" else log.warning)(str(problem))
        renderer = SiteRenderer(site.linked, Path(self.config.templates_dir), site.data,
                                config.use_directory_urls, log.info)
        in_nav = _nav_paths(config.nav)
        as_before = self._as_before(renderer, config)
        for name in sorted(name for src in as_before for name in self.kept[src]):
            _replace(files, KeptFile.generated(config, name,
                                               abs_src_path=str(self.kept_dir / name)))
        # The pages to draw, in the order MkDocs writes them (by path): the workers are forked
        # when the first is asked for, after this process has made the front matter and the
        # index pages (the search index, if it is written here, starts at once).
        self.direct = frozenset(s for s in renderer.direct_pages() if s not in as_before)
        self.drawing = DrawingPool(renderer, sorted(self.direct), Path(config.site_dir))
        if self.search is not None:  # serve: only what an edit changed is indexed again
            self._write_search_index_now(renderer, Path(config.site_dir))
        elif not self._indexed_as(site.linked.resolutions):
            self.drawing.write_aside(search_index, "the search index")
        for src_uri, content in sorted(self._generated(renderer).items()):
            file = File.generated(config, src_uri, content=content,
                                  inclusion=_inclusion(src_uri, in_nav))
            if src_uri in self.direct and src_uri not in in_nav:
                DirectPage(None, file, config)  # MkDocs uses the page a file has
            _replace(files, file)
        for src_uri, path in site.documents.items():  # each official PDF beside its page
            _replace(files, File.generated(config, src_uri, abs_src_path=str(path.resolve())))
        self.pages = len(files.documentation_pages())
        self.written = None  # counted from the first page written (see on_post_page)
        return files

    def _index_meanwhile(self, config: MkDocsConfig):
        """What to do once the sources are parsed. The listing pages (home, sessions, years)
        show only what parsing found (symbol, title, date, session, committee), and the
        search index needs only the words: one forked process draws the listings, leaves
        them in a file for ``_generated``, then writes the index, while this one links the
        collection (not under serve, which indexes again only what an edit changed). One
        process for both: a forked process holds some 20 MiB of its own at 1,000
        resolutions, and the listings take a tenth of the index's time."""
        site_dir, directory_urls = Path(config.site_dir), config.use_directory_urls
        templates_dir = Path(self.config.templates_dir)
        self.indexing = None
        if self.search is not None:
            return None

        def start(resolutions: tuple) -> None:
            handle, name = tempfile.mkstemp(prefix="resolution-atlas-listings-")
            os.close(handle)
            drawn = Path(name)
            listed, ready = os.pipe()  # the job says on ready when the listings are drawn
            try:
                job = fork_job(_list_then_index, resolutions, templates_dir, directory_urls,
                               drawn, ready, site_dir)
            finally:
                os.close(ready)  # the job's own copy is the one that matters
            if job is None:
                os.close(listed)
                drawn.unlink()
                return
            self.indexing = (job, {r.symbol for r in resolutions})
            self.listing = (listed, listing_key(resolutions), drawn)

        return start

    def _listed_meanwhile(self, listed: tuple | None) -> dict[str, dict[str, str]]:
        """The listing pages the forked process drew ({name: {path: content}}), once it has,
        if it drew them of what the collection lists once linked (``listed``: its
        ``listing_key``; None, after a build that failed first: the process is only waited
        for); else nothing (drawn here then). The file it left is removed either way."""
        if self.listing is None:
            return {}
        ready, drawn_of, drawn = self.listing
        self.listing = None
        try:
            done = os.read(ready, 1) == b"1"  # nothing read: failed, or the process died
        finally:
            os.close(ready)
        try:
            if not done or listed != drawn_of:
                return {}
            return pickle.loads(drawn.read_bytes())
        finally:
            drawn.unlink(missing_ok=True)
            drawn.with_name(drawn.name + ".part").unlink(missing_ok=True)

    def _indexed_as(self, resolutions: tuple) -> bool:
        """Whether the index being written holds exactly ``resolutions`` (linking may leave
        one out: then the index is written again, of the collection as published)."""
        if self.indexing is None:
            return False
        job, symbols = self.indexing
        if symbols == {r.symbol for r in resolutions}:
            return True
        job.join()
        self.indexing = None
        return False

    def _write_search_index_now(self, renderer: SiteRenderer, site_dir: Path) -> None:
        assert self.search is not None
        try:
            write_files(site_dir, self.search.files(renderer.resolutions,
                                                    directory_urls=renderer.directory_urls))
        except Exception as error:  # reported; every page is still written
            self.search = SearchIndex()  # nothing half-updated is kept
            log.warning(str(failure(error, "the search index", "written")))

    def _as_before(self, renderer: SiteRenderer, config: MkDocsConfig) -> set[str]:
        """Under serve, the direct pages an edit does not reach: their files are copied as
        last written, with no drawing and no theme. Nothing is kept over a change of
        templates or pages."""
        if self.preview is None:
            return set()
        theme_key = tree_key(Path(self.config.templates_dir), Path(config.docs_dir))
        reached = reached_pages(self.preview, renderer)
        if theme_key != self.theme_key:
            self.listings = {}
        if theme_key != self.theme_key or reached is None:
            self.kept, self.theme_key = {}, theme_key
            return set()
        return {src for src in renderer.direct_pages() if src not in reached and src in self.kept}

    def _generated(self, renderer: SiteRenderer) -> dict[str, str]:
        """Every generated page and file: the direct pages by their front matter only, the
        pages about the whole collection whole. What cannot be drawn is reported."""
        files: dict[str, str] = {}
        for src in sorted(self.direct):
            try:
                files[src] = renderer.front_matter(src)
            except Exception as error:  # reported; every other page is drawn
                log.warning(str(failure(error, src, "drawn")))
        self.direct = frozenset(files)
        listed = listing_key(renderer.resolutions)
        drawn_meanwhile = self._listed_meanwhile(listed)
        serving = self.preview is not None
        for name, draw in renderer.collection_pages():
            kept = self.listings.get(name) if serving else None
            if kept is not None and kept[0] == listed:  # serve: no listed fact changed
                files.update(kept[1])
                continue
            if name in drawn_meanwhile:
                files.update(drawn_meanwhile[name])
                continue
            try:
                drawn = draw()
            except Exception as error:  # reported; every other page is drawn
                log.warning(str(failure(error, name, "drawn")))
                continue
            files.update(drawn)
            if serving and name in LISTINGS:
                self.listings[name] = (listed, drawn)
        return files

    def on_pre_build(self, *, config: MkDocsConfig) -> None:
        self.stashed = {}

    def on_env(self, env, /, *, config: MkDocsConfig, files: Files):
        """The theme draws what every direct page of a folder shares once per folder
        (templates/overrides/main.html). Under serve, templates compile once."""
        self.blocks = {}
        if self.compiled is not None:
            env.bytecode_cache = self.compiled
        env.globals["shared_block"] = self._shared_block
        env.globals["keep_block"] = self._keep_block
        return env

    def _folder_of(self, page: Page | None) -> str | None:
        """The key a direct page's shared parts are kept under; None for other pages (and for
        the theme's own pages such as 404.html, which have none)."""
        if page is None or page.file.src_uri not in self.direct:
            return None
        return page.file.dest_uri.rpartition("/")[0]

    def _shared_block(self, name: str, page: Page | None) -> str | None:
        folder = self._folder_of(page)
        return None if folder is None else self.blocks.get((name, folder))

    def _keep_block(self, name: str, page: Page | None, html: str) -> str:
        folder = self._folder_of(page)
        if folder is not None:
            self.blocks[(name, folder)] = html
        return html

    def on_page_markdown(self, markdown: str, /, *, page: Page, config: MkDocsConfig,
                         files: Files) -> str:
        """A direct page has nothing for Markdown: its body is drawn as HTML. The other
        generated pages keep their few Markdown headings, but their raw HTML blocks (the
        long tables of resolutions) are set aside until Markdown is done with the page:
        Python-Markdown would pass them through untouched, after parsing every tag."""
        if page.file.src_uri in self.direct:
            return ""
        if page.file.generated_by is None:
            return markdown
        markdown, self.stashed[page.file.src_uri] = stash_html_blocks(markdown)
        return markdown

    def on_page_content(self, html: str, /, *, page: Page, config: MkDocsConfig,
                        files: Files) -> str:
        if page.file.src_uri in self.direct:
            return BODY
        return unstash_html_blocks(html, self.stashed.pop(page.file.src_uri, []))

    def on_pre_page(self, page: Page, /, *, config: MkDocsConfig, files: Files) -> Page:
        """Date the page by its sources, not by the clock (``SOURCE_DATE_EPOCH`` wins)."""
        if self.as_of:
            page.update_date = self.as_of
        return page

    def on_post_page(self, output: str, /, *, page: Page, config: MkDocsConfig) -> str:
        """Count the page MkDocs has made (Markdown to HTML, theme): a long build says how far
        it is every few seconds."""
        if self.written is None:
            self.written = Progress("written", self.pages, "pages", log.info)
        self.written.advance()
        if page.file.src_uri not in self.direct or self.drawing is None:
            return output
        body, problems = self.drawing.take(page.file.src_uri)
        for problem in problems:
            log.warning(str(problem))
        # Without a body (not even a short page could be drawn) MkDocs writes nothing.
        output = "" if body is None else output.replace(BODY, body, 1)
        if self.preview is not None:
            self._keep(page.file, output, Path(config.site_dir))
        return output

    def _keep(self, file: File, output: str, site_dir: Path) -> None:
        """Under serve: a copy of the page as written, and of its JSON, for the next builds."""
        names = [file.dest_uri]
        write_bytes(self.kept_dir / file.dest_uri, output.encode("utf-8"))
        data = file.src_uri[: -len(".md")] + ".json"
        if (site_dir / data).is_file():
            names.append(data)
            write_bytes(self.kept_dir / data, (site_dir / data).read_bytes())
        self.kept[file.src_uri] = names

    def on_post_build(self, *, config: MkDocsConfig) -> None:
        self._stop_drawing()

    def on_build_error(self, *, error: Exception) -> None:
        self._stop_drawing()

    def _stop_drawing(self) -> None:
        self._listed_meanwhile(None)  # a build that failed before the listings were taken
        if self.indexing is not None:
            job, _ = self.indexing
            job.join()
            self.indexing = None
            if job.exitcode != 0 and self.drawing is not None:  # written here instead
                log.info(f"the search index's own process failed (exit code {job.exitcode}); "
                         "the main process writes it")
                try:
                    write_files(self.drawing.out_dir, search_index(self.drawing.renderer))
                except Exception as error:  # reported; every page is still written
                    log.warning(str(failure(error, "the search index", "written")))
        if self.drawing is not None:
            for problem in self.drawing.problems:
                log.warning(str(problem))
            self.drawing.close()
            self.drawing = None
        gc.unfreeze()

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder
                 ) -> LiveReloadServer:
        """Rebuild when a source text, a page template or a data file changes."""
        for folder in (self.config.source_dir, self.config.templates_dir, self.config.data_dir):
            if Path(folder).is_dir():
                server.watch(folder)
        return server


def _list_then_index(resolutions: tuple, templates_dir: Path, directory_urls: bool,
                     drawn: Path, ready: int, site_dir: Path) -> None:
    """In its own process: the listing pages of the parsed ``resolutions``, pickled into
    ``drawn`` (whole or not at all: written aside, then renamed) and said so on the pipe
    ``ready``, closed without a word when they cannot be drawn (the build then draws them
    itself, and reports what fails); then the search index, written file by file as it is
    made (should it fail, the process exits 1 and the build writes it)."""
    try:
        part = drawn.with_name(drawn.name + ".part")
        part.write_bytes(pickle.dumps(listing_pages(resolutions, templates_dir,
                                                    directory_urls)))
        part.replace(drawn)
        os.write(ready, b"1")
    except Exception:  # drawn, and reported, by the build
        pass
    finally:
        os.close(ready)
    for path, content in SearchIndex(keep=False).each_file(resolutions,
                                                           directory_urls=directory_urls):
        write_files(site_dir, {path: content})


class DirectPage(Page):
    """A page drawn straight to HTML: it has no Markdown, so none is parsed. MkDocs would
    set up a Python-Markdown instance with every extension for each page to convert its
    empty text (about half a millisecond a page, thousands of times); the result is the
    same: no content (``on_page_content`` then puts ``BODY``), no table of contents, no
    anchors, the title from the front matter."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        if self.markdown is None:
            raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
        if self.markdown:  # only ever empty (on_page_markdown): Markdown's own way otherwise
            super().render(config, files)
            return
        self.content, self.toc, self.present_anchor_ids = "", get_toc([]), set()


class KeptFile(File):
    """A page ``serve`` wrote before, put back into the site as a hard link to the copy kept
    of it (a few thousand pages in a fraction of the time copying takes); copied where links
    cannot be made. The kept copy is replaced, never written over, when the page changes."""

    def copy_file(self, dirty: bool = False) -> None:
        assert self.abs_src_path is not None
        os.makedirs(os.path.dirname(self.abs_dest_path), exist_ok=True)
        try:
            os.link(self.abs_src_path, self.abs_dest_path)
        except OSError:
            super().copy_file(dirty)


def search_index(renderer: SiteRenderer) -> dict[str, str]:
    """The search index's files (written aside by a drawing worker)."""
    return search_files(renderer.resolutions, directory_urls=renderer.directory_urls)


def _cache_dir(option: str, root: Path | None) -> Path | None:
    folder = os.environ.get("ATLAS_CACHE", option)
    if not folder:
        return None
    path = Path(folder)
    return path if path.is_absolute() or root is None else root / path


def _nav_paths(nav: object) -> set[str]:
    """Every page path the ``nav`` of mkdocs.yml names."""
    if isinstance(nav, str):
        return {nav}
    if isinstance(nav, dict):
        return set().union(*(_nav_paths(v) for v in nav.values()))
    if isinstance(nav, list):
        return set().union(*(_nav_paths(v) for v in nav))
    return set()


def _inclusion(src_uri: str, in_nav: set[str]) -> InclusionLevel:
    """A generated page the nav does not name is part of the site but not of the nav: MkDocs
    would otherwise list every resolution page in the log as "not included in the nav"
    (thousands of lines for the whole record)."""
    return InclusionLevel.UNDEFINED if src_uri in in_nav else InclusionLevel.NOT_IN_NAV


def _replace(files: Files, generated: File) -> None:
    """Add ``generated``; a hand-written file at the same path gives way, with a note."""
    existing = files.get_file_from_path(generated.src_uri)
    if existing is not None:
        log.info(f"generated {generated.src_uri} replaces {existing.src_uri} in docs_dir")
        files.remove(existing)
    files.append(generated)
