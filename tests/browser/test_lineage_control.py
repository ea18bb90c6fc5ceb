"""The lineage of a paragraph, quiet by default: a small muted mark ("↔ 4") at the
paragraph's end, named for what it holds ("Lineage: 1 earlier, 3 later"), that opens the
list of counterparts by mouse and keyboard with no script needed, never covers or moves the
paragraph's words, reads in both palettes, and leaves paper alone. Offline and hosted."""

from __future__ import annotations

from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..conftest import ROOT
from .conftest import Reader, open_reader

PAGE = "A/RES/66/184.html"
PARAGRAPH = "#op4"  # from 64/187 pp15, and carried into the three PDFs of 2023-2025
DETAILS = f"{PARAGRAPH} + details.atlas-seealso"
ARTIFACTS = ROOT / "tests" / "artifacts"

# Contrast of an element's text against the page, its colour's alpha blended over the page.
CONTRAST = """node => {
  const rgb = text => text.match(/[\\d.]+/g).map(Number);
  const bg = rgb(getComputedStyle(document.body).backgroundColor);
  const [r, g, b, a = 1] = rgb(getComputedStyle(node).color);
  const mixed = [r, g, b].map((c, i) => c * a + bg[i] * (1 - a));
  const lum = c => { const v = c.map(x => x / 255).map(x =>
    x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4);
    return 0.2126 * v[0] + 0.7152 * v[1] + 0.0722 * v[2]; };
  const [hi, lo] = [lum(mixed), lum(bg)].sort((x, y) => y - x);
  return {ratio: (hi + 0.05) / (lo + 0.05), size: parseFloat(getComputedStyle(node).fontSize)};
}"""
# Does the mark's box meet any line box of the paragraph's words?
OVERLAP = """([mark, paragraph]) => {
  const range = document.createRange();
  range.selectNodeContents(paragraph);
  const m = mark.getBoundingClientRect();
  return [...range.getClientRects()].some(r => r.width > 0 && r.left < m.right &&
    m.left < r.right && r.top < m.bottom - 1 && m.top + 1 < r.bottom);
}"""

# Where an element is on the page (not in the window, which a click may scroll).
PLACE = """node => { const r = node.getBoundingClientRect();
  return [r.left + scrollX, r.top + scrollY, r.width, r.height]; }"""


def _counts(details) -> str:
    """What the mark should be named, from the list it opens."""
    items = details.locator("li").all_text_contents()
    earlier = sum(", earlier" in item for item in items)
    later = sum(", later" in item for item in items)
    parts = [f"{earlier} earlier"] * bool(earlier) + [f"{later} later"] * bool(later)
    return "Lineage: " + ", ".join(parts)


def test_a_small_muted_mark_names_what_it_holds(reader: Reader):
    reader.goto(PAGE)
    details = reader.page.locator(DETAILS)
    summary = details.locator("summary")
    expect(summary).to_be_visible()
    count = details.locator("li").count()
    expect(summary.locator('[aria-hidden="true"]')).to_have_text(f"↔ {count}")
    expect(summary).to_have_accessible_name(_counts(details))
    paragraph = reader.page.locator(PARAGRAPH)
    mark, text = summary.evaluate(CONTRAST), paragraph.evaluate(CONTRAST)
    assert mark["size"] <= 0.8 * text["size"]  # small beside the text
    assert 4.5 <= mark["ratio"] < text["ratio"]  # muted, and still readable (WCAG AA)
    assert not reader.page.evaluate(OVERLAP, [summary.element_handle(),
                                              paragraph.element_handle()])
    assert reader.outside == []


def test_paragraphs_stand_as_far_apart_with_the_mark_as_without(reader: Reader):
    reader.goto(PAGE)
    gaps = reader.page.evaluate("""() => [...document.querySelectorAll("p.atlas-para")]
      .filter(p => p.nextElementSibling && p.nextElementSibling.nextElementSibling)
      .map(p => {
        const marked = p.nextElementSibling.matches("details.atlas-seealso");
        const next = marked ? p.nextElementSibling.nextElementSibling : p.nextElementSibling;
        return next.matches("p.atlas-para") ?
          [marked, Math.round(next.getBoundingClientRect().top -
                              p.getBoundingClientRect().bottom)] : null;
      }).filter(Boolean)""")
    assert {marked for marked, _ in gaps} == {True, False}
    assert len({gap for _, gap in gaps}) == 1, gaps


def test_opens_by_click_and_the_links_land(reader: Reader):
    reader.goto(PAGE)
    details = reader.page.locator(DETAILS)
    paragraph = reader.page.locator(PARAGRAPH)
    box = paragraph.evaluate(PLACE)
    words = details.locator(".atlas-seealso__words")
    expect(details.locator("ul")).to_be_hidden()
    assert words.evaluate("node => node.getBoundingClientRect().width") <= 1  # quiet
    details.locator("summary").click()
    expect(details.locator("ul")).to_be_visible()
    expect(words).to_have_text(_counts(details))  # opened, the mark says what it holds
    assert words.evaluate("node => node.getBoundingClientRect().width") > 50
    assert paragraph.evaluate(PLACE) == box  # the words stay put
    link = details.locator('a[href="../64/187.html#pp15"]')
    expect(link).to_be_visible()
    link.click()
    expect(reader.page).to_have_url(reader.url("A/RES/64/187.html#pp15"))
    expect(reader.page.locator("#pp15")).to_be_in_viewport()
    assert reader.outside == []


def test_opens_and_closes_by_keyboard_with_a_visible_focus(reader: Reader):
    reader.goto(PAGE)
    details = reader.page.locator(DETAILS)
    summary = details.locator("summary")
    summary.focus()
    assert summary.evaluate("node => node.matches(':focus-visible')")
    outline = summary.evaluate("node => getComputedStyle(node).outlineStyle")
    assert outline not in ("none", "")
    reader.page.keyboard.press("Enter")
    expect(details.locator("ul")).to_be_visible()
    reader.page.keyboard.press("Space")
    expect(details.locator("ul")).to_be_hidden()
    reader.page.keyboard.press("Space")
    expect(details.locator("ul")).to_be_visible()


def test_works_without_javascript(browser, built_site: Path):
    reader = open_reader(browser, built_site, "offline", java_script_enabled=False)
    reader.goto(PAGE)
    details = reader.page.locator(DETAILS)
    expect(details.locator('summary [aria-hidden="true"]')).to_have_text(
        f"↔ {details.locator('li').count()}")
    details.locator("summary").click()
    expect(details.locator("ul")).to_be_visible()
    reader.page.context.close()


def test_paper_leaves_a_closed_mark_out(browser, built_site: Path):
    reader = open_reader(browser, built_site, "offline")
    reader.goto(PAGE)
    reader.page.emulate_media(media="print")
    expect(reader.page.locator(f"{DETAILS} summary")).to_be_hidden()
    expect(reader.page.locator(PARAGRAPH)).to_be_visible()
    reader.page.context.close()


VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 800}, "color_scheme": "dark"},
    "phone": {"viewport": {"width": 390, "height": 844}, "color_scheme": "light",
              "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
    "phone-dark": {"viewport": {"width": 390, "height": 844}, "color_scheme": "dark",
                   "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_screenshot_closed_and_open(browser, built_site: Path, view: str):
    """Into tests/artifacts/ for a look: the marks as a reader meets them, then one opened;
    readable in this palette."""
    reader = open_reader(browser, built_site, "offline", **VIEWS[view])
    reader.goto(PAGE + PARAGRAPH)
    page = reader.page
    summary = page.locator(f"{DETAILS} summary")
    assert summary.evaluate(CONTRAST)["ratio"] >= 4.5
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"lineage-{view}.png"))
    summary.click()
    expect(page.locator(f"{DETAILS} ul")).to_be_visible()
    page.screenshot(path=str(ARTIFACTS / f"lineage-{view}-open.png"))
    page.context.close()
