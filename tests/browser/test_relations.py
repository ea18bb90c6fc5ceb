"""Series, comparison and overview in the browser, offline and hosted: the picture is drawn,
its dots are links a keyboard reaches, and the series links land."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import Reader

COMPARE = "compare/A-RES-64-187--A-RES-66-184.html"


def test_overview_graph_renders_and_its_dots_open_resolutions(reader: Reader):
    reader.goto("overview.html")
    graph = reader.page.locator("svg.atlas-graph")
    expect(graph).to_be_visible()
    box = graph.bounding_box()
    assert box and box["width"] > 300 and box["height"] > 50
    dots = graph.locator("circle.atlas-graph__node")
    expect(dots).to_have_count(5)  # the default collection: two seeds, three PDFs
    for index in range(5):  # drawn with the theme's colours, not left black or transparent
        fill = dots.nth(index).evaluate("node => getComputedStyle(node).fill")
        assert fill not in ("none", "rgb(0, 0, 0)", "")
    edges = graph.locator("path.atlas-graph__edge")
    expect(edges).to_have_count(10)
    assert edges.first.evaluate("node => node.getTotalLength()") > 50
    graph.locator('a[href="A/RES/66/184.html"]').click()
    expect(reader.page).to_have_url(reader.url("A/RES/66/184.html"))
    assert reader.outside == []


def test_graph_dots_are_reached_and_followed_by_keyboard(reader: Reader):
    reader.goto("overview.html")
    link = reader.page.locator('svg.atlas-graph a[href="A/RES/64/187.html"]')
    link.focus()
    expect(link).to_be_focused()
    reader.page.keyboard.press("Enter")
    expect(reader.page).to_have_url(reader.url("A/RES/64/187.html"))


def test_series_navigation_and_comparison(reader: Reader):
    reader.goto("A/RES/64/187.html")
    reader.page.locator('.atlas-panel a[rel="next"]').click()
    expect(reader.page).to_have_url(reader.url("A/RES/66/184.html"))
    reader.page.get_by_role("link", name="What changed since 64/187").click()
    expect(reader.page).to_have_url(reader.url(COMPARE))
    expect(reader.page.locator("ul.atlas-counts")).to_contain_text("5 moved")
    moved = reader.page.locator("#op4")
    expect(moved).to_contain_text("Moved from the preamble")
    moved.get_by_role("link", name="64/187 pp15").click()
    expect(reader.page).to_have_url(reader.url("A/RES/64/187.html#pp15"))
    expect(reader.page.locator("#pp15")).to_be_in_viewport()
    assert reader.outside == []
