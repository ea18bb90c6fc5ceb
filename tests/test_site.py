"""End to end: the real site, built with ``mkdocs build --strict`` from the seeds."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from generator.parse import parse
from generator.paths import SEARCH_INDEX
from generator.read import read_input
from generator.search import read_script

from .conftest import GOLDEN_DIR, SOURCE_DIR, SOURCES
from .sitebuild import broken_links, build, differences, page_links


@pytest.fixture(scope="module")
def site(seed_site: Path) -> Path:
    return seed_site


def page(site: Path, symbol: str) -> str:
    return (site / f"{symbol}.html").read_text(encoding="utf-8")


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_page_and_json_at_symbol_path(site, path):
    resolution = parse(read_input(path))
    assert (site / f"{resolution.symbol}.html").is_file()
    published = (site / f"{resolution.symbol}.json").read_text(encoding="utf-8")
    golden = (GOLDEN_DIR / (resolution.symbol.replace("/", "-") + ".json"))
    assert published == golden.read_text(encoding="utf-8"), "the golden JSON is what we publish"


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_every_paragraph_and_footnote_has_its_anchor(site, path):
    resolution = parse(read_input(path))
    ids = page_links(site / f"{resolution.symbol}.html").ids
    expected = {p.id for p in resolution.paragraphs} | {f.id for f in resolution.footnotes}
    assert expected <= ids


def test_footnotes_link_both_ways(site):
    html = page(site, "A/RES/64/187")
    links = page_links(site / "A/RES/64/187.html")
    # footnote 2 is referenced from pp3, op7 and op9: three markers, three back-links
    markers = re.findall(r'<sup class="atlas-marker"><a id="[^"]+" href="#fn2"', html)
    assert len(markers) == 3
    note = re.search(r'<[^>]+id="fn2".*?</li>', html, re.S).group(0)
    backrefs = re.findall(r'href="#(fnref[^"]+)"', note)
    assert len(backrefs) == 3 and all(ref in links.ids for ref in backrefs)


def test_marker_shows_note_text_on_hover(site):
    html = page(site, "A/RES/64/187")
    assert re.search(r'<a[^>]*href="#fn8"[^>]*title="E/2009/92\."', html) or re.search(
        r'<a[^>]*title="E/2009/92\."[^>]*href="#fn8"', html)


def test_official_link_and_metadata(site):
    html = page(site, "A/RES/64/187")
    assert 'href="https://undocs.org/en/A/RES/64/187"' in html
    assert 'href="https://undocs.org/en/A/64/417"' in html
    for fact in ("Second Committee", "21 December 2009", "9 February 2010", "N0947305E"):
        assert fact in html


def test_home_lists_every_resolution(site):
    html = (site / "index.html").read_text(encoding="utf-8")
    for symbol in ("A/RES/64/187", "A/RES/66/184"):
        assert f'href="{symbol}.html"' in html
    assert "Information and communications technologies for development" in html


def test_sidebar_does_not_list_resolutions(site):
    html = page(site, "A/RES/64/187")
    start = html.index("md-nav--primary")
    primary = html[start:html.index("</nav>", start)]
    assert "A/RES/66/184" not in primary


def test_no_broken_internal_links_or_anchors(site):
    assert broken_links(site) == []


def test_nothing_loaded_from_the_network(site):
    remote = re.compile(
        r"""<(?:script|link|img|iframe|source)\b[^>]*(?:src|href)=["']?(?:https?:)?//""")
    offenders = [str(p.relative_to(site)) for p in site.rglob("*.html")
                 if remote.search(p.read_text(encoding="utf-8"))]
    assert offenders == []


def test_search_index_has_paragraph_words_and_symbols(site):
    """The search's terms hold words and both forms of a symbol, its records the paragraphs'
    text (``tests/browser/test_search.py`` types them)."""
    def data(path: str):
        return read_script((site / path).read_text(encoding="utf-8"))[1]

    index = data(SEARCH_INDEX)
    terms = {term for _, path in index["terms"] for term in data(path)[::2]}
    assert {"gender", "divide", "a/res/66/184", "66/184"} <= terms
    texts = " ".join(text for i in range(len(index["counts"]))
                     for _, text in data(index["records"].replace("{}", str(i)))["items"])
    assert "gender divide" in texts


def test_build_is_deterministic(site, tmp_path):
    result, again = build(tmp_path, SOURCE_DIR)
    assert result.returncode == 0, result.stderr
    assert differences(site, again) == []


def test_meeting_and_report_link_to_their_records(site):
    html = page(site, "A/RES/64/187")
    assert html.count('href="https://undocs.org/en/A/64/PV.66"') == 2, "panel and closing line"
    assert 'href="https://undocs.org/en/A/64/417"' in html
