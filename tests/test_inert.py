"""No script from content, without a browser: text from the sources reads literally in every
attribute, page title, JSON file, the overview's SVG, the search index and the log.

The site is built once from ``tests/hostile.py``'s collection. What a browser does with these
files (tooltips, search results) is ``tests/browser/test_injection.py``.
"""

from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st
from markupsafe import Markup, escape

from generator.inert import finalized, html_text, text_html
from generator.render import make_environment
from generator.search import read_script

from . import hostile
from .conftest import ROOT
from .sitebuild import build

HTML_SINKS = re.compile(r"innerHTML|outerHTML|insertAdjacentHTML|document\.write|"
                        r"createContextualFragment|DOMParser|setHTMLUnsafe")


VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source",
        "track", "wbr"}


class _Elements(HTMLParser):
    """Every start tag with its attributes (decoded, as the browser sees them); the text of
    each element with an id, of the page's ``<title>`` and of each SVG ``<title>``."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str]]] = []
        self.texts: dict[str, str] = {}  # id -> text
        self.svg_titles: list[str] = []
        self.page_title = ""
        self.text: list[str] = []  # all of it, in order
        self._open: list[tuple[str, str | None, list[str]]] = []  # (tag, key, text so far)

    def handle_starttag(self, tag, attrs):
        values = {k: v or "" for k, v in attrs}
        self.tags.append((tag, values))
        if tag in VOID:
            return
        key = values.get("id") or None
        if tag == "title":
            key = "svg-title" if any(t == "svg" for t, _, _ in self._open) else "page-title"
        self._open.append((tag, key, []))

    def handle_startendtag(self, tag, attrs):  # <circle/>: nothing to close
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag):
        if not any(t == tag for t, _, _ in self._open):
            return
        while self._open:
            open_tag, key, parts = self._open.pop()
            text = "".join(parts)
            if self._open:
                self._open[-1][2].append(text)
            if key == "svg-title":
                self.svg_titles.append(text)
            elif key == "page-title":
                self.page_title = text
            elif key:
                self.texts[key] = text
            if open_tag == tag:
                break

    def handle_data(self, data):
        self.text.append(data)
        if self._open:
            self._open[-1][2].append(data)


# Python's html.unescape drops references to C0 controls (``&#2;``), which browsers keep as
# the character: stand-ins carry them through the parse.
_KEPT = {"&#2;": "\ue002", "&#3;": "\ue003"}
_BACK = str.maketrans({v: k[2:-1] and chr(int(k[2:-1])) for k, v in _KEPT.items()})


class _Kept(_Elements):
    def handle_starttag(self, tag, attrs):
        super().handle_starttag(tag, [(k, v.translate(_BACK) if v else v) for k, v in attrs])

    def handle_startendtag(self, tag, attrs):
        super().handle_startendtag(tag, [(k, v.translate(_BACK) if v else v) for k, v in attrs])

    def handle_data(self, data):
        super().handle_data(data.translate(_BACK))


def elements(path: Path) -> _Elements:
    """A built page as the browser reads it."""
    source = path.read_text(encoding="utf-8")
    for reference, stand_in in _KEPT.items():
        source = source.replace(reference, stand_in)
    parser = _Kept()
    parser.feed(source)
    parser.close()
    return parser


def titles(page: _Elements) -> list[str]:
    return [values["title"] for _, values in page.tags if "title" in values]


@pytest.fixture(scope="module")
def hostile_build(tmp_path_factory):
    tmp = tmp_path_factory.mktemp("hostile")
    result, site = build(tmp, hostile.write_hostile_sources(tmp / "src"), strict=False)
    assert result.returncode == 0, result.stderr
    return result, site


@pytest.fixture(scope="module")
def site(hostile_build) -> Path:
    return hostile_build[1]


def test_titles_are_shown_as_text_never_as_html():
    """Material's ``content.tooltips`` writes an element's title into its tooltip with
    innerHTML (and turns the words of cut-off header labels into such titles), so it stays off;
    ``atlas.js`` shows the titles instead, with textContent, and writes no HTML anywhere."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    assert "content.tooltips" not in config["theme"].get("features", [])
    script = (ROOT / "templates/overrides/assets/atlas.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)  # comments may name them
    assert HTML_SINKS.findall(code) == []
    assert re.search(r'\.textContent = host\.getAttribute\("title"\)', script), \
        "atlas.js shows an element's title as text"


def test_title_attributes_hold_the_text_once(site: Path):
    """What the browser's own tooltip, a screen reader and atlas.js read: the literal text,
    never an escaped copy of it (which escaping twice for an HTML tooltip would give)."""
    first, second = elements(site / "A/RES/64/187.html"), elements(site / "A/RES/66/184.html")
    marker = next(v for t, v in first.tags if v.get("id") == "fnref-op15-8")
    assert marker["title"] == hostile.NOTE_8
    assert any(hostile.OP6_PLANT in t for t in titles(second))  # the preview of 64/187 op6
    assert hostile.TITLE_66 in titles(first)  # the series' next resolution
    assert any(t.endswith(hostile.TITLE_64) for t in titles(elements(site / "cited.html")))
    for page in site.rglob("*.html"):
        for title in titles(elements(page)):
            for payload in hostile.PAYLOADS:
                escaped = html.escape(payload)
                assert escaped == payload or escaped not in title, (page, title)


def test_page_titles_and_headings_read_literally(site: Path):
    page = elements(site / "A/RES/64/187.html")
    assert page.page_title == f"64/187. {hostile.TITLE_64} - Resolution Atlas"
    assert page.texts["resolution-title"] == f"64/187. {hostile.TITLE_64}"
    assert hostile.PP2_PLANT in page.texts["pp2"]
    assert hostile.OP6_PLANT in page.texts["op6"]
    assert hostile.NOTE_8 in page.texts["fn8"]
    compare = elements(site / "compare/A-RES-64-187--A-RES-66-184.html")
    assert f"{hostile.TITLE_66}: General Assembly resolution A/RES/64/187" in "".join(compare.text)
    for path in site.rglob("*.html"):
        tags = elements(path).tags
        assert not [v for t, v in tags if t == "img" and v.get("src") == "x"], path
        assert not [v for t, v in tags if "onload" in v or "onerror" in v], path


def test_json_holds_the_literal_text(site: Path):
    data = json.loads((site / "A/RES/64/187.json").read_text(encoding="utf-8"))
    assert data["title"] == hostile.TITLE_64
    paragraphs = {p["id"]: p["text"] for p in data["paragraphs"]}
    assert hostile.PP2_PLANT in paragraphs["pp2"]
    assert hostile.OP6_PLANT in paragraphs["op6"]
    assert [f["text"] for f in data["footnotes"] if f["number"] == 8] == [hostile.NOTE_8]
    graph = json.loads((site / "graph.json").read_text(encoding="utf-8"))
    assert {r["title"] for r in graph["resolutions"]} == {hostile.TITLE_64, hostile.TITLE_66}


def test_overview_svg_says_the_titles_as_text(site: Path):
    """The SVG is built in Python, not by a template: the same escaping must reach it,
    Markdown's placeholder characters included (Markdown would drop them silently)."""
    page = elements(site / "overview.html")
    assert hostile.TITLE_66 in page.svg_titles  # the series' lane
    assert f"A/RES/64/187, adopted 2009-12-21: {hostile.TITLE_64}" in page.svg_titles
    labels = [v["aria-label"] for t, v in page.tags if t == "a" and "aria-label" in v]
    assert f"A/RES/66/184, adopted 2011-12-22: {hostile.TITLE_66}" in labels


def test_search_index_holds_the_text_as_typed(site: Path):
    """The search shows its records' text with textContent, so they hold it as typed, not
    escaped; as JavaScript, with no ``<`` at all (no ``</script>``, no ``<!--``)
    (``tests/browser/test_injection.py`` watches the results)."""
    files = {path: path.read_text(encoding="utf-8") for path in (site / "search").rglob("*.js")}
    assert files and not [path for path, content in files.items() if "<" in content]
    texts = [text for content in files.values() for data in [read_script(content)[1]]
             if isinstance(data, dict) and "items" in data for _, text in data["items"]]
    text = " ".join(texts)
    for payload in hostile.PAYLOADS:
        assert payload in text, payload
        if html.escape(payload) != payload:
            assert html.escape(payload) not in text


def test_search_shows_text_as_text_never_as_html():
    """search.js builds results with createElement and textContent, never from HTML."""
    script = (ROOT / "templates/overrides/assets/search.js").read_text(encoding="utf-8")
    code = re.sub(r"/\*.*?\*/|//[^\n]*", "", script, flags=re.DOTALL)
    assert HTML_SINKS.findall(code) == []
    assert "textContent = text" in code


def test_file_names_are_never_published_and_log_as_text(hostile_build):
    """A file's name names it in the log, as typed, and appears in no published file."""
    result, site = hostile_build
    assert f"src/{hostile.REFUSED}:1: not a General Assembly resolution" in result.stderr
    for path in site.rglob("*"):
        if path.is_file() and path.suffix in {".html", ".json", ".xml", ".txt"}:
            content = path.read_text(encoding="utf-8")
            assert "alert(6)" not in content and "alert(7)" not in content, path


@settings(max_examples=400, deadline=None)
@given(st.one_of(st.text(alphabet=st.sampled_from("a Z0/&<>'\"{}\t\n\r\x02\x03*`é")),
                 st.text(), st.integers(), st.builds(Markup, st.text())))
def test_finalize_and_text_html_give_the_characters_html_text_gives(value):
    """The shortcuts for values that need no change (``finalized``, Jinja's ``finalize``, and
    ``text_html``, for markup made in Python) print exactly what ``html_text`` does."""
    assert escape(finalized(value)) == escape(html_text(value))
    template = make_environment(ROOT / "templates").from_string("[{{ value }}]")
    assert template.render(value=value) == f"[{html_text(value)}]"
    if type(value) is str:
        assert text_html(value) == str(html_text(value))
        assert type(text_html(value)) is str
