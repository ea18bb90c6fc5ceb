"""What a reader does, in a real browser, both from disk (network unplugged) and hosted."""

from __future__ import annotations

from pathlib import Path

from playwright.sync_api import expect

from .conftest import Reader

# Records what the copy-link control writes, where a headless browser has no clipboard to read.
CLIPBOARD_SPY = """
window.__copied = [];
Object.defineProperty(navigator, "clipboard", {configurable: true, value: {
  writeText: (text) => { window.__copied.push(text); return Promise.resolve(); }}});
"""


def site_pages(site: Path) -> list[str]:
    """Every page a reader can reach (404.html is shown only by servers, for missing pages)."""
    return sorted(p.relative_to(site).as_posix() for p in site.rglob("*.html")
                  if p.name != "404.html")


def test_no_page_fetches_anything_outside_the_site(reader: Reader, built_site: Path):
    for path in site_pages(built_site):
        reader.goto(path)
        reader.page.wait_for_load_state("networkidle")
    assert reader.outside == []


def test_home_to_resolution_to_paragraph(reader: Reader):
    reader.goto("index.html")
    reader.page.get_by_role("link", name="A/RES/66/184", exact=True).click()
    expect(reader.page).to_have_url(reader.url("A/RES/66/184.html"))
    expect(reader.page.locator("h1")).to_contain_text(
        "Information and communications technologies for development")

    reader.goto("A/RES/66/184.html#op3")
    target = reader.page.locator("#op3")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("gender divide")
    highlighted = target.evaluate("e => getComputedStyle(e).backgroundColor")
    plain = reader.page.locator("#op4").evaluate("e => getComputedStyle(e).backgroundColor")
    assert highlighted != plain, "the targeted paragraph is highlighted"


def test_footnote_tooltip_and_round_trip(reader: Reader):
    reader.goto("A/RES/64/187.html")
    marker = reader.page.locator("#fnref-op15-8")
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = reader.page.locator(".md-tooltip--active, .md-tooltip2--active").first
    expect(tooltip).to_be_visible()
    expect(tooltip).to_contain_text("E/2009/92.")

    marker.click()
    expect(reader.page).to_have_url(reader.url("A/RES/64/187.html#fn8"))
    expect(reader.page.locator("#fn8")).to_be_in_viewport()
    reader.page.locator('#fn8 a[href="#fnref-op15-8"]').click()
    expect(reader.page.locator("#op15")).to_be_in_viewport()


def search(reader: Reader, words: str) -> list[str]:
    """Type into the header's search as a person does; return the result links once the
    whole query's results show (``tests/browser/test_search.py`` tests it further)."""
    box = reader.page.locator("input.md-search__input")
    box.click()
    box.press_sequentially(words, delay=20)
    reader.page.wait_for_function("""query => document.querySelector("[data-atlas-search]")
        .getAttribute("data-atlas-shown") === query""", arg=words, timeout=15_000)
    results = reader.page.locator(".md-search-result__item a.md-search-result__link")
    expect(results.first).to_be_visible()
    return results.evaluate_all("links => links.map(a => a.href)")


def test_search_finds_words_in_both_seeds(reader: Reader):
    reader.goto("index.html")
    links = search(reader, "gender divide")
    assert any("A/RES/64/187.html" in link for link in links), links
    assert any("A/RES/66/184.html" in link for link in links), links


def test_search_finds_a_symbol(reader: Reader):
    reader.goto("index.html")
    links = search(reader, "66/184")
    assert links and "A/RES/66/184.html" in links[0], links


def test_permalink_copies_the_paragraph_url(reader: Reader):
    reader.page.add_init_script(CLIPBOARD_SPY)
    reader.goto("A/RES/64/187.html")
    control = reader.page.locator("#op6 a.atlas-permalink")
    control.scroll_into_view_if_needed()
    control.click()
    expected = reader.url("A/RES/64/187.html#op6")
    reader.page.wait_for_function("() => window.__copied.length > 0")
    assert reader.page.evaluate("window.__copied") == [expected]
    expect(reader.page).to_have_url(expected)
    expect(reader.page.locator("#atlas-live")).to_contain_text("Link copied")

    control = reader.page.locator("#op7 a.atlas-permalink")
    control.focus()
    reader.page.keyboard.press("Enter")
    reader.page.wait_for_function("() => window.__copied.length > 1")
    assert reader.page.evaluate("window.__copied")[-1] == reader.url("A/RES/64/187.html#op7")


def test_recorder_catches_a_network_font(browser, tmp_path: Path):
    """The offline check bites: a page that asks for Google Fonts is caught."""
    from .conftest import _reader

    page = tmp_path / "page.html"
    page.write_text('<!doctype html><link rel="stylesheet" '
                    'href="https://fonts.googleapis.com/css?family=Roboto"><p>x</p>')
    reader = _reader(browser, tmp_path.as_uri() + "/", ("file:",))
    reader.goto("page.html")
    reader.page.context.close()
    assert reader.outside == ["https://fonts.googleapis.com/css?family=Roboto"]
