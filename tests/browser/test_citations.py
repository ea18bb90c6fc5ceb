"""Citations in the browser: a preview on hover and on keyboard focus, offline and hosted,
and the link lands on the cited page."""

from __future__ import annotations

from playwright.sync_api import expect

from .conftest import Reader

CITATION = '#pp1 a.atlas-cite[href="../64/187.html"]'  # 66/184 pp1 recalls 64/187


def active_tooltip(reader: Reader):
    return reader.page.locator(".md-tooltip--active, .md-tooltip2--active").first


def test_hover_preview_then_follow(reader: Reader):
    reader.goto("A/RES/66/184.html")
    link = reader.page.locator(CITATION)
    link.scroll_into_view_if_needed()
    link.hover()
    expect(active_tooltip(reader)).to_be_visible()
    expect(active_tooltip(reader)).to_contain_text(
        "64/187, adopted 21 December 2009: Information and communication technologies")
    link.click()
    expect(reader.page).to_have_url(reader.url("A/RES/64/187.html"))
    # and back: 64/187 lists 66/184 under "Cited by", to the citing paragraph
    reader.page.locator('#cited-by ~ .atlas-refs a[href="../66/184.html#pp1"]').click()
    expect(reader.page.locator("#pp1")).to_be_in_viewport()
    assert reader.outside == []


def test_keyboard_focus_shows_the_preview(reader: Reader):
    reader.goto("A/RES/66/184.html")
    reader.page.locator(CITATION).focus()
    expect(active_tooltip(reader)).to_be_visible()
    expect(active_tooltip(reader)).to_contain_text("64/187")


def test_paragraph_preview_in_a_footnote_and_abbreviation(reader: Reader):
    reader.goto("A/RES/64/187.html")
    abbr = reader.page.locator("abbr.atlas-term", has_text="ICT").first
    abbr.scroll_into_view_if_needed()
    abbr.hover()
    expect(active_tooltip(reader)).to_contain_text("information and communication technologies")


def test_lineage_panel_opens_by_keyboard(reader: Reader):
    reader.goto("A/RES/66/184.html")
    panel = reader.page.locator("#op3 + details.atlas-seealso")
    expect(panel.locator("ins").first).to_be_hidden()
    panel.locator("summary").focus()
    reader.page.keyboard.press("Enter")
    expect(panel.locator("ins", has_text="and use of")).to_be_visible()
    panel.locator('a[href="../64/187.html#op6"]').click()
    expect(reader.page.locator("#op6")).to_be_in_viewport()
