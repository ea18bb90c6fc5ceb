"""The site's paths and the links between its pages (``generator.paths``): relative from the
page they stand on, with and without MkDocs' directory URLs."""

from __future__ import annotations

import pytest

from generator.paths import (
    HOME,
    SESSIONS,
    Href,
    compare_path,
    group_index_path,
    page_symbol,
    session_path,
    symbol_page,
    year_path,
)


def test_pages_of_the_collection_have_fixed_places():
    assert session_path(64) == "sessions/64.md" and year_path(2009) == "years/2009.md"
    assert group_index_path(SESSIONS) == "sessions/index.md"
    assert compare_path("A/RES/64/187", "A/RES/66/184") == "compare/A-RES-64-187--A-RES-66-184.md"
    assert page_symbol(symbol_page("A/RES/64/187")) == "A/RES/64/187"


@pytest.mark.parametrize(("directory_urls", "expected"), [
    (False, ["../64/187.html#op3", "../../../sessions/64.html", "../../../index.html"]),
    (True, ["../../64/187/#op3", "../../../../sessions/64/", "../../../../"]),
])
def test_links_are_relative_to_the_page_they_stand_on(directory_urls, expected):
    href = Href(symbol_page("A/RES/66/184"), directory_urls)
    assert [href.paragraph("A/RES/64/187", "op3"), href.to(session_path(64)),
            href.to(HOME)] == expected


def test_a_link_from_the_home_page_to_a_folder_keeps_its_slash():
    assert Href(HOME, directory_urls=True).to(group_index_path(SESSIONS)) == "sessions/"
    assert Href(HOME).to(group_index_path(SESSIONS)) == "sessions/index.html"
