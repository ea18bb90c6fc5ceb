"""No script from content, in a real browser: every page of a collection whose text is made of
markup and script payloads (``tests/hostile.py``), from disk and hosted, with every titled
element hovered and focused and the search run, and no dialog may open, no element appear.

Tooltips are where it used to happen: Material's ``content.tooltips`` wrote titles into its
tooltips as HTML (a footnote's ``<img src=x onerror=...>`` ran on hover, and so did a long
resolution title in the page header). ``atlas.js`` now shows them, as text.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from .. import hostile
from ..sitebuild import build
from .conftest import Reader, open_reader, served

PAGES = [
    "index.html", "about.html", "sessions/index.html", "sessions/64.html", "sessions/66.html",
    "years/index.html", "years/2009.html", "years/2011.html", "overview.html", "cited.html",
    "glossary.html", "compare/A-RES-64-187--A-RES-66-184.html", "A/RES/64/187.html",
    "A/RES/66/184.html",
]
# What a payload would leave in the document had it become markup.
INJECTED = 'img[src="x"], [onerror], [onload], a[href^="javascript:"], script'

# Gives every element of the page's content with a title (or an SVG link with its <title>) a
# number, and returns [number, title, has a title attribute, focusable] for each; titles are
# read before any hover, as a screen reader or the browser's own tooltip reads them. (The
# theme's header and sidebars hold only its own words, but for the labels hovered below.)
MARK_TITLED = """() => {
  const found = [...document.querySelectorAll(".md-content [title], .md-content svg a")];
  return found.map((element, index) => {
    element.setAttribute("data-probe", String(index));
    const title = element.getAttribute("title") ?? element.querySelector("title")?.textContent;
    return [index, title, element.hasAttribute("title"), element.tabIndex >= 0];
  });
}"""
# One step of hovering: the tooltip the element hovered last shows, after two frames (null
# if none), and the point to hover next: the middle of element i's first line box, scrolled to
# the middle of the window (null when it has none: not rendered, or in a closed <details>).
STEP = """async ([last, i]) => {
  await new Promise(requestAnimationFrame);
  await new Promise(requestAnimationFrame);
  const probe = n => n === null ? null : document.querySelector(`[data-probe="${n}"]`);
  const tooltip = last === null ? null : tooltipOf(probe(last));
  const element = probe(i);
  if (!element || !element.checkVisibility()) return [tooltip, null];
  element.scrollIntoView({block: "center", inline: "center"});
  const box = element.getClientRects()[0];
  return [tooltip, box && box.width ? [box.x + box.width / 2, box.y + box.height / 2] : null];
}"""
# The text of the active tooltip that describes an element (installed in every page).
TOOLTIP_OF = """window.tooltipOf = element => {
  const id = element.getAttribute("aria-describedby");
  const tip = id && document.getElementById(id);
  return tip && tip.classList.contains("md-tooltip2--active") ? tip.textContent : null;
};"""
# Focuses each element in turn as the keyboard would, a frame for its tooltip to show, and
# returns [title, what the tooltip said] wherever they differ.
FOCUS_EACH = """async titled => {
  const wrong = [];
  for (const [i, title, hasTitle, focusable] of titled) {
    const element = document.querySelector(`[data-probe="${i}"]`);
    if (!focusable || !element.checkVisibility()) continue;
    element.focus();
    await new Promise(requestAnimationFrame);
    await new Promise(requestAnimationFrame);
    const shown = tooltipOf(element);
    if (hasTitle && shown !== title) wrong.push([title, shown]);
  }
  return wrong;
}"""


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("hostile-site")
    result, site = build(tmp, hostile.write_hostile_sources(tmp / "src"), strict=False)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture(scope="module")
def hostile_hosted(hostile_site: Path, tmp_path_factory) -> Iterator[str]:
    with served(hostile_site, tmp_path_factory.mktemp("hostile-www")) as root:
        yield root


@pytest.fixture(params=["offline", "hosted"])
def hostile_reader(request, browser, hostile_site: Path) -> Iterator[Reader]:
    """A tab on the hostile site that records every dialog any script opens (and closes it)."""
    hosted = request.getfixturevalue("hostile_hosted") if request.param == "hosted" else ""
    reader = open_reader(browser, hostile_site, request.param, hosted)
    reader.page.add_init_script(TOOLTIP_OF)
    reader.dialogs = []  # type: ignore[attr-defined]
    reader.page.on("dialog", lambda dialog: (reader.dialogs.append(dialog.message),
                                             dialog.dismiss()))
    yield reader
    reader.page.context.close()  # type: ignore[attr-defined]


def injected(reader: Reader) -> list[str]:
    """Elements a payload would have made (a script only if it is one of the payloads': the
    theme has scripts of its own), as HTML for the failure message."""
    return reader.page.evaluate(f"""() => [...document.querySelectorAll('{INJECTED}')]
        .filter(e => e.tagName !== "SCRIPT" || e.textContent.includes("alert("))
        .map(e => e.outerHTML.slice(0, 120))""")


def test_the_pages_are_every_page_of_the_site(hostile_site: Path):
    built = sorted(p.relative_to(hostile_site).as_posix() for p in hostile_site.rglob("*.html")
                   if p.name != "404.html")
    assert sorted(PAGES) == built


@pytest.mark.parametrize("path", PAGES)
def test_hover_and_focus_run_no_script_and_show_text(hostile_reader: Reader, path: str):
    """Every titled element hovered, then focused from the keyboard's side: its tooltip shows
    exactly its title, and nothing the text says runs or becomes an element. The header's
    labels, cut off by the long titles, are hovered too (Material made tooltips of them)."""
    reader = hostile_reader
    reader.goto(path)
    page = reader.page
    titled = page.evaluate(MARK_TITLED)
    wrong, last, expected = [], None, {index: title for index, title, has, _ in titled if has}
    for index in [index for index, *_ in titled] + [None]:
        shown, point = page.evaluate(STEP, [last, index])
        if last in expected and shown != expected[last]:
            wrong.append((expected[last], shown))
        last = None
        if point is not None:
            page.mouse.move(*point)
            last = index
    page.mouse.move(0, page.viewport_size["height"] - 1)
    wrong += page.evaluate(FOCUS_EACH, titled)
    # Scrolled down, the header shows the page's title (cut off when long): hovered.
    page.evaluate("window.scrollTo(0, document.body.scrollHeight)")
    page.wait_for_timeout(300)
    page.locator(".md-header__title").hover()
    page.wait_for_timeout(300)  # an onerror or onload fires on its own time
    assert reader.dialogs == []  # type: ignore[attr-defined]
    assert injected(reader) == []
    assert wrong == []
    assert reader.outside == []


def test_tooltips_say_the_payloads_as_typed(hostile_reader: Reader):
    """The footnote's note, a citation's preview of the paragraph it cites and of the
    resolution it recalls: shown with `<`, `&amp;` and `{{` as the text has them; Escape
    closes the tooltip, and the title comes back for the next reader."""
    reader = hostile_reader
    reader.goto("A/RES/64/187.html")
    marker = reader.page.locator("#fnref-op15-8")
    marker.scroll_into_view_if_needed()
    marker.hover()
    tooltip = reader.page.locator(".md-tooltip2--active")
    expect(tooltip).to_have_text(hostile.NOTE_8)
    expect(marker).to_have_accessible_description(hostile.NOTE_8)
    reader.page.keyboard.press("Escape")
    expect(tooltip).to_have_count(0)
    expect(marker).to_have_attribute("title", hostile.NOTE_8)

    reader.goto("A/RES/66/184.html")
    cite = reader.page.locator('#op3 a.atlas-cite[href="../64/187.html#op6"]')
    cite.focus()
    expect(tooltip).to_contain_text(f"A/RES/64/187 6. Acknowledges that {hostile.OP6_PLANT}")
    recall = reader.page.locator('#pp1 a.atlas-cite[href="../64/187.html"]')
    recall.hover()
    expect(tooltip).to_have_text(f"64/187, adopted 21 December 2009: {hostile.TITLE_64}")
    assert reader.dialogs == [] and injected(reader) == []  # type: ignore[attr-defined]


def test_without_javascript_the_title_reads_as_typed(browser, hostile_site: Path):
    """What the browser's own tooltip and a screen reader get with no script at all: the
    words, not an escaped copy (why titles are not escaped twice for an HTML tooltip)."""
    reader = open_reader(browser, hostile_site, "offline", java_script_enabled=False)
    try:
        reader.goto("A/RES/64/187.html")
        marker = reader.page.locator("#fnref-op15-8")
        expect(marker).to_have_attribute("title", hostile.NOTE_8)
        expect(marker).to_have_accessible_description(hostile.NOTE_8)
        # (a window title has no room for control characters: the browser drops them)
        words = hostile.TITLE_64.replace("\x02", "").replace("\x03", "")
        assert reader.page.title() == f"64/187. {words} - Resolution Atlas"
        op6 = reader.page.locator("#op6")
        assert hostile.OP6_PLANT in op6.text_content()
    finally:
        reader.page.context.close()  # type: ignore[attr-defined]


def search(reader: Reader, words: str):
    box = reader.page.locator("input.md-search__input")
    box.click()
    box.fill("")
    box.press_sequentially(words, delay=20)
    reader.page.wait_for_function("""query => document.querySelector("[data-atlas-search]")
        .getAttribute("data-atlas-shown") === query""", arg=words, timeout=15_000)
    results = reader.page.locator(".md-search-result__item")
    expect(results.first).to_be_visible()
    return results


@pytest.mark.parametrize(("words", "payload"), [
    ("heritage", hostile.SCRIPT), ("heritage", hostile.ENTITIES), ("gender divide", hostile.SVG),
    ("gender divide", hostile.JS_URL), ("gender divide", hostile.EMPHASIS),
    ("onerror", hostile.IMG), ("alert", hostile.TEMPLATE), ("onerror", hostile.NOTE_IMG),
])
def test_search_results_and_their_highlighting_read_as_typed(hostile_reader: Reader,
                                                             words: str, payload: str):
    """The site's search writes results (titles, snippets, <mark> around the words found)
    with textContent: the payloads read as typed in the list, and on the paragraph the
    result opens."""
    reader = hostile_reader
    reader.goto("index.html")
    results = search(reader, words)
    texts = results.evaluate_all("items => items.map(i => i.textContent)")
    assert any(payload in text for text in texts), texts
    marks = results.locator("mark").all_text_contents()  # the words found, or their stems
    assert marks and all(any(m.lower().startswith(w[:4]) for w in words.split())
                         for m in marks), marks
    assert reader.dialogs == [] and injected(reader) == []  # type: ignore[attr-defined]
    link = results.locator("a.md-search-result__link", has_text=payload).first
    href = link.get_attribute("href")
    link.click()
    reader.page.wait_for_load_state("load")
    assert reader.page.url.endswith(href.split("/")[-1])
    reader.page.wait_for_timeout(300)  # an onerror or onload fires on its own time
    landed = f"#{href.split('#')[1]}" if "#" in href else "article"  # a paragraph, or the page
    assert payload in reader.page.locator(landed).first.text_content()
    assert reader.dialogs == [] and injected(reader) == []  # type: ignore[attr-defined]
