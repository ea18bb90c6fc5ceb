"""Fixtures for tests in a real browser: Debian's Chromium driven by Playwright.

The site is built once per session with ``--strict``, then read two ways, as users do:
``file://`` with every non-file request blocked and recorded (offline), and over HTTP from a
static server on 127.0.0.1 under the path prefix ``/atlas/`` (hosted). No browser is ever
downloaded: a machine without /usr/bin/chromium fails with the command that installs it.
"""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import pytest

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
# Flags for a sandboxed root user on a closed network (no background calls home).
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]
PREFIX = "/atlas/"


@pytest.fixture(scope="session")
def built_site(seed_site: Path) -> Path:
    """The seeds' site, built as ``make site`` builds it."""
    return seed_site


@pytest.fixture(scope="session")
def browser():
    if not (Path(CHROMIUM).exists() or shutil.which(CHROMIUM)):
        pytest.fail(f"Chromium not found at {CHROMIUM}: install Debian's package with "
                    "`make browser-deps` (or `sudo apt-get install chromium`), or point the "
                    "CHROMIUM environment variable at it", pytrace=False)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def served(site: Path, tmp: Path) -> Iterator[str]:
    """``http://127.0.0.1:<port>/atlas/``: a copy of ``site`` served under a path prefix."""
    shutil.copytree(site, tmp / PREFIX.strip("/"))
    handler = functools.partial(_QuietHandler, directory=str(tmp))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{PREFIX}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(scope="session")
def hosted_root(built_site: Path, tmp_path_factory) -> Iterator[str]:
    """The seeds' site served under the path prefix ``/atlas/``."""
    with served(built_site, tmp_path_factory.mktemp("www")) as root:
        yield root


@dataclass
class Reader:
    """A browser tab on the site, one way of reading it; records what it tried to fetch."""

    page: object  # playwright Page
    base: str  # URL of the site root, ending in "/"
    outside: list[str] = field(default_factory=list)  # requests that left the site, blocked

    def url(self, path: str) -> str:
        return self.base + path

    def goto(self, path: str) -> None:
        self.page.goto(self.url(path))  # type: ignore[attr-defined]
        self.page.wait_for_load_state("load")  # type: ignore[attr-defined]


def _reader(browser, base: str, allowed: tuple[str, ...], **context_options) -> Reader:
    context = browser.new_context(**context_options)
    page = context.new_page()
    reader = Reader(page, base)

    def route(request_route) -> None:
        url = request_route.request.url
        if url.startswith(allowed):
            request_route.continue_()
        else:
            reader.outside.append(url)
            request_route.abort()

    context.route("**/*", route)
    return reader


def open_reader(browser, site: Path, way: str, hosted: str = "", **options) -> Reader:
    """A tab on ``site`` from disk with the network unplugged ("offline"), or on its copy
    served at ``hosted`` ("hosted")."""
    if way == "offline":
        return _reader(browser, site.as_uri() + "/", ("file:", "data:", "blob:", "about:"),
                       **options)
    return _reader(browser, hosted, (hosted.split(PREFIX)[0] + "/", "data:", "blob:",
                                     "about:"), **options)


@pytest.fixture(params=["offline", "hosted"])
def reader(request, browser, built_site: Path) -> Iterator[Reader]:
    """The site as a reader meets it: from disk with the network unplugged, or hosted."""
    hosted = request.getfixturevalue("hosted_root") if request.param == "hosted" else ""
    reader = open_reader(browser, built_site, request.param, hosted)
    yield reader
    reader.page.context.close()  # type: ignore[attr-defined]
