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

import logging
import os
from pathlib import Path

from mkdocs.config import config_options as c
from mkdocs.config.base import Config
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.livereload import LiveReloadServer
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File, Files, InclusionLevel
from mkdocs.structure.pages import Page

from .pipeline import collect
from .progress import Progress
from .render import render_site
from .search import search_files

log = logging.getLogger("mkdocs.plugins.resolution_atlas")


class ResolutionAtlasConfig(Config):
    """Options of the ``resolution-atlas`` plugin in mkdocs.yml (paths relative to that file)."""

    source_dir = c.Dir(exists=False, default="source_texts")  # official PDFs and text exports
    templates_dir = c.Dir(exists=True, default="templates")  # Jinja page templates
    data_dir = c.Dir(exists=False, default="data")  # instruments.yaml and bodies.yaml
    # What the PDF reader made of each file, by content: an unchanged PDF is never read twice.
    # Outside site/; delete it at will. ATLAS_CACHE overrides it ("" keeps no cache).
    cache_dir = c.Type(str, default=".cache/resolution-atlas")


class ResolutionAtlasPlugin(BasePlugin[ResolutionAtlasConfig]):
    """Generates one page and one JSON file per resolution, plus the index pages."""

    as_of: str | None = None  # the date pages carry in place of the build day
    written: Progress | None = None  # pages MkDocs has written, for the log of a long build
    pages = 0  # pages MkDocs will write

    def on_files(self, files: Files, /, *, config: MkDocsConfig) -> Files:
        """Parse the corpus and add every rendered file (each build, so serve sees edits)."""
        source_dir = Path(self.config.source_dir)
        if not source_dir.is_dir():
            log.warning(f"source_dir {source_dir} does not exist: no resolutions to publish")
        root = Path(config.config_file_path).parent if config.config_file_path else None
        site = collect(source_dir, Path(self.config.data_dir), root=root,
                       directory_urls=config.use_directory_urls,
                       cache_dir=_cache_dir(self.config.cache_dir, root), report=log.info)
        as_of = site.as_of
        self.as_of = None if "SOURCE_DATE_EPOCH" in os.environ or as_of is None \
            else as_of.isoformat()
        for problem in site.problems:
            (log.info if problem.level == "info" else log.warning)(str(problem))
        rendered = render_site(site.linked, Path(self.config.templates_dir), site.data,
                               directory_urls=config.use_directory_urls, report=log.info)
        for problem in rendered.problems:
            log.warning(str(problem))
        in_nav = _nav_paths(config.nav)
        for src_uri, content in rendered.files.items():
            _replace(files, File.generated(config, src_uri, content=content,
                                           inclusion=_inclusion(src_uri, in_nav)))
        for src_uri, content in search_files(site.linked.resolutions,
                                             directory_urls=config.use_directory_urls).items():
            _replace(files, File.generated(config, src_uri, content=content))
        for src_uri, path in site.documents.items():  # each official PDF beside its page
            _replace(files, File.generated(config, src_uri, abs_src_path=str(path.resolve())))
        self.pages = len(files.documentation_pages())
        self.written = None  # counted from the first page written (see on_post_page)
        return files

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
        return output

    def on_serve(self, server: LiveReloadServer, /, *, config: MkDocsConfig, builder
                 ) -> LiveReloadServer:
        """Rebuild when a source text, a page template or a data file changes."""
        for folder in (self.config.source_dir, self.config.templates_dir, self.config.data_dir):
            if Path(folder).is_dir():
                server.watch(folder)
        return server


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
