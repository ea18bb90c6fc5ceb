"""The overview at the scale of the record, in Chromium from disk: 300 synthetic resolutions
in 50 series over 40 years, and the default collection, on a desktop and on a phone. The
whole time span is in view at first sight, no lane label is cut off or reads like another,
the filters show only what matches (and everything shows without JavaScript), the zoom
scrolls inside its frame, and the page never scrolls sideways."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from benchmarks.synthetic import write_corpus

from ..sitebuild import build
from .conftest import open_reader

VIEWPORTS = {"desktop": {"width": 1280, "height": 800}, "phone": {"width": 390, "height": 844}}
# Series take turns at the committees (and the plenary, without a report), so each filter
# has something to tell apart.
COMMITTEES = ("Second Committee", "Third Committee", "Sixth Committee", "First Committee", None)
SERIES_LENGTH = 6


@pytest.fixture(scope="module")
def scale_site(tmp_path_factory) -> Path:
    """300 resolutions, 50 series of 6, sessions 50 to 90 (1995 to 2035)."""
    tmp = tmp_path_factory.mktemp("overview-scale")
    paths = write_corpus(tmp / "src", 300, seed=5, series_length=SERIES_LENGTH)
    for index, path in enumerate(paths):  # written series by series
        committee = COMMITTEES[index // SERIES_LENGTH % len(COMMITTEES)]
        text = path.read_text(encoding="utf-8")
        text = (re.sub(r"\[on the report of the Second Committee \(A/\d+/400\)\]\n", "", text)
                if committee is None else text.replace("Second Committee", committee))
        path.write_text(text, encoding="utf-8")
    result, site = build(tmp, tmp / "src")
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(params=sorted(VIEWPORTS))
def overview(request, browser, scale_site: Path):
    reader = open_reader(browser, scale_site, "offline", viewport=VIEWPORTS[request.param])
    reader.goto("overview.html")
    yield reader.page
    reader.page.context.close()


# Each visible lane label's own words (its <title> child holds the full title) and box.
LANES = """() => [...document.querySelectorAll("text.atlas-graph__lane")].map(text => {
  const box = text.getBoundingClientRect();
  const title = text.querySelector("title").textContent;
  return {words: text.textContent.slice(title.length), left: box.left, right: box.right,
          shown: box.width > 0 && text.checkVisibility()};
})"""
DOTS = """() => [...document.querySelectorAll("svg.atlas-graph a[data-symbol]")].map(dot => {
  const box = dot.querySelector("circle").getBoundingClientRect();
  return {symbol: dot.dataset.symbol, session: dot.dataset.session,
          committee: dot.dataset.committee,
          series: dot.closest(".atlas-graph__row").dataset.series,
          year: Number(dot.getAttribute("aria-label").match(/adopted (\\d{4})/)[1]),
          left: box.left, right: box.right, width: box.width,
          shown: box.width > 0 && dot.checkVisibility()};
})"""
BOX = "selector => document.querySelector(selector).getBoundingClientRect().toJSON()"
NO_PAGE_SCROLL = "() => document.scrollingElement.scrollWidth <= window.innerWidth"


def test_the_whole_span_is_in_view_at_first_sight(overview):
    figure = overview.evaluate(BOX, "figure.atlas-overview")
    dots = overview.evaluate(DOTS)
    assert len(dots) == 240  # the 40 lanes drawn of 50
    first, last = min(d["year"] for d in dots), max(d["year"] for d in dots)
    assert last - first >= 35
    for dot in dots:  # the first year's and the last year's too, without scrolling
        assert figure["left"] <= dot["left"] and dot["right"] <= figure["right"], dot
        assert dot["width"] >= 4  # a dot, not a speck
    frame = overview.locator(".atlas-graph-scroll")
    assert frame.evaluate("node => node.scrollWidth <= node.clientWidth")
    assert overview.evaluate(NO_PAGE_SCROLL)


def test_lane_labels_are_unique_and_whole(overview):
    svg = overview.evaluate(BOX, "svg.atlas-graph")
    lanes = overview.evaluate(LANES)
    assert len(lanes) == 40
    words = [lane["words"] for lane in lanes]
    assert len(set(words)) == len(words)
    for lane in lanes:
        assert svg["left"] <= lane["left"] and lane["right"] <= svg["right"] + 0.5, lane


@pytest.mark.parametrize("key", ["series", "committee", "session"])
def test_a_filter_shows_only_what_matches(overview, key: str):
    dots = overview.evaluate(DOTS)
    value = sorted({d[key] for d in dots})[2]
    height = overview.evaluate(BOX, "svg.atlas-graph")["height"]
    overview.locator(f'form.atlas-filters select[name="{key}"]').select_option(value)
    shown = [d for d in overview.evaluate(DOTS) if d["shown"]]
    expected = [d["symbol"] for d in dots if d[key] == value]
    assert [d["symbol"] for d in shown] == expected and expected
    expect(overview.locator("output.atlas-filters__count")).to_have_text(
        f"{len(expected)} of 240 resolutions shown")
    lanes = [lane for lane in overview.evaluate(LANES) if lane["shown"]]
    assert len(lanes) == len({d["series"] for d in shown})  # empty lanes closed up
    assert overview.evaluate(BOX, "svg.atlas-graph")["height"] < height
    entries = overview.locator(f'.atlas-timeline li[data-{key}="{value}"]')
    if key != "series":  # the timeline follows (it lists the series not drawn too)
        assert overview.locator(".atlas-timeline li:visible").count() == entries.count()
    overview.locator(f'form.atlas-filters select[name="{key}"]').select_option("")
    assert all(d["shown"] for d in overview.evaluate(DOTS))
    expect(overview.locator("output.atlas-filters__count")).to_have_text("")


def test_filters_combine(overview):
    dots = overview.evaluate(DOTS)
    committee = dots[0]["committee"]
    session = sorted({d["session"] for d in dots if d["committee"] == committee})[1]
    overview.locator('select[name="committee"]').select_option(committee)
    overview.locator('select[name="session"]').select_option(session)
    shown = [d["symbol"] for d in overview.evaluate(DOTS) if d["shown"]]
    assert shown == [d["symbol"] for d in dots
                     if d["committee"] == committee and d["session"] == session]


def test_the_zoom_scrolls_inside_its_frame(overview):
    frame = overview.locator(".atlas-graph-scroll")
    overview.locator('select[name="zoom"]').select_option("4")
    assert frame.evaluate("node => node.scrollWidth > 3 * node.clientWidth")
    assert overview.evaluate(NO_PAGE_SCROLL)
    box = overview.evaluate(BOX, ".atlas-graph-scroll")
    frame.evaluate("node => { node.scrollLeft = node.scrollWidth; }")
    latest = max(overview.evaluate(DOTS), key=lambda d: d["year"])
    assert box["left"] <= latest["left"] and latest["right"] <= box["right"]
    assert latest["width"] >= 16  # four times the size: numbers and dots read on a phone


def test_without_javascript_everything_shows(browser, scale_site: Path):
    reader = open_reader(browser, scale_site, "offline", viewport=VIEWPORTS["phone"],
                         java_script_enabled=False)
    reader.goto("overview.html")
    page = reader.page
    expect(page.locator("form.atlas-filters")).to_be_hidden()
    assert all(d["shown"] for d in page.evaluate(DOTS))
    assert page.evaluate(NO_PAGE_SCROLL)
    page.context.close()


@pytest.mark.parametrize("viewport", sorted(VIEWPORTS))
def test_the_default_collection_shows_all_five(browser, built_site: Path, viewport: str):
    """One series from 2009 to 2025: every dot inside the figure, at both widths."""
    reader = open_reader(browser, built_site, "offline", viewport=VIEWPORTS[viewport])
    reader.goto("overview.html")
    page = reader.page
    figure = page.evaluate(BOX, "figure.atlas-overview")
    dots = page.evaluate(DOTS)
    assert [d["year"] for d in dots] == [2009, 2011, 2023, 2024, 2025]
    for dot in dots:
        assert dot["shown"] and figure["left"] <= dot["left"] < dot["right"] <= figure["right"]
    assert page.evaluate(NO_PAGE_SCROLL)
    assert reader.outside == []
    page.context.close()
