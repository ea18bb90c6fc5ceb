"""Pages built from official PDFs, in a real browser, from disk and hosted: italics as the
PDF sets them, the PDF itself one click away, tables readable on a phone, parts and their
anchors, and the notice of a text published with doubts."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import expect

from ..conftest import ods_text
from ..pdfbuild import fixture_pdf
from ..sitebuild import build
from .conftest import Reader, open_reader, served


@pytest.fixture(scope="module")
def fixture_site(tmp_path_factory) -> Path:
    """A site of the PDF fixtures (an annex with a table, parts A and B, an emergency
    special session) and a text export whose footnote 2 is never referenced."""
    tmp = tmp_path_factory.mktemp("pdf-fixtures")
    sources = tmp / "sources"
    sources.mkdir()
    for name in ("annex", "multipart", "emergency-session"):
        (sources / f"{name}.pdf").write_bytes(fixture_pdf(name))
    (sources / "doubt.txt").write_text(ods_text(
        "\tRecalling its resolution 69/1,1\n\t1.\tDecides to act;\n",
        footnotes="1 See A/70/1.\n2 See A/70/2.\n"), encoding="utf-8")
    result, site = build(tmp, sources, strict=False)
    assert result.returncode == 0, result.stderr
    assert "footnote 2 is never referenced" in result.stderr  # in the build log too
    return site


@pytest.fixture(params=["offline", "hosted"])
def pdf_reader(request, browser, fixture_site: Path, tmp_path) -> Iterator[Reader]:
    if request.param == "offline":
        reader = open_reader(browser, fixture_site, "offline")
        yield reader
    else:
        with served(fixture_site, tmp_path) as root:
            reader = open_reader(browser, fixture_site, "hosted", root)
            yield reader
    reader.page.context.close()


def test_italics_are_the_pdf_own(reader: Reader):
    reader.goto("A/RES/78/132.html")
    lead = reader.page.locator("#pp1 em.atlas-lead").first
    expect(lead).to_have_text("Recalling")
    assert lead.evaluate("e => getComputedStyle(e).fontStyle") == "italic"
    expect(reader.page.locator("#op1 em.atlas-lead").first).to_have_text("Recognizes")


def test_the_official_pdf_is_one_click_away(reader: Reader, built_site: Path):
    reader.goto("A/RES/78/132.html")
    link = reader.page.locator("a.atlas-pdf")
    expect(link).to_have_attribute("href", "132.pdf")
    if reader.base.startswith("file:"):
        assert (built_site / "A/RES/78/132.pdf").read_bytes()[:5] == b"%PDF-"
    else:
        response = reader.page.request.get(reader.url("A/RES/78/132.pdf"))
        assert response.ok and response.body()[:5] == b"%PDF-"
    assert reader.outside == []


def test_a_table_is_read_on_a_phone(browser, fixture_site: Path):
    reader = open_reader(browser, fixture_site, "offline", viewport={"width": 390,
                                                                     "height": 800})
    try:
        reader.goto("A/RES/70/902.html#table-1")
        table = reader.page.locator("#table-1 table")
        expect(table).to_be_visible()
        expect(table.locator("thead th")).to_have_text(["Item", "Gross", "Net"])
        expect(table.locator("tbody tr").nth(0).locator("td")).to_have_text(
            ["Estimated appropriation for 2016", "63 930 800", "58 552 400"])
        page_width = reader.page.evaluate("document.documentElement.scrollWidth")
        assert page_width <= 390, "the page never scrolls sideways; the table may, inside"
        figure = table.locator("td.atlas-figure").first
        assert figure.evaluate("e => getComputedStyle(e).textAlign") == "right"
        expect(reader.page.locator("#table-1 .atlas-table__notes sup")).to_have_text("a")
    finally:
        reader.page.context.close()


def test_parts_and_their_paragraph_anchors(pdf_reader: Reader):
    pdf_reader.goto("A/RES/70/904.html#B-op2")
    target = pdf_reader.page.locator("#B-op2")
    expect(target).to_be_in_viewport()
    expect(target).to_contain_text("part A, paragraph 1")
    expect(pdf_reader.page.locator("#part-B")).to_contain_text(
        "Special subjects relating to the programme budget")
    closings = pdf_reader.page.locator(".atlas-closing")
    expect(closings).to_have_count(2)
    expect(closings.nth(1)).to_contain_text("81st plenary meeting")


def test_a_text_published_with_doubts_says_so(pdf_reader: Reader):
    pdf_reader.goto("A/RES/70/999.html")
    notice = pdf_reader.page.locator("#notices")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("footnote 2 is never referenced in the text")
    expect(notice).to_contain_text("Line 8")
    box = notice.bounding_box()
    first = pdf_reader.page.locator("#pp1").bounding_box()
    assert box and first and box["y"] < first["y"], "the notice comes before the text"
