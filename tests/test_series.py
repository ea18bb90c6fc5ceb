"""Series as the record draws them: one per item across retitling, its missing members listed
in place, and comparisons across a gap that never claim more than they know.

Each case is a small collection of text exports, read, parsed and linked as the site does it.
"""

from __future__ import annotations

import json

import pytest

from generator.compare import compare
from generator.data import load_data
from generator.model import Resolution, to_json
from generator.parse import parse_text
from generator.paths import Href, page_path
from generator.pipeline import DEFAULT_DATA_DIR, relate
from generator.series import predecessors
from generator.views.compare import comparison_view
from generator.views.see_also import see_also_panel

from .conftest import SOURCE_DIR, ods_text

OLD_TITLE = "Information and communications technologies for development"
NEW_TITLE = "Information and communications technologies for sustainable development"


def resolution(number: str, title: str, body: str, day: str, footnotes: str = "") -> Resolution:
    """A text export of resolution ``number`` adopted on ``day`` ("20 December 2017")."""
    text = ods_text(body, number=number, title=title, footnotes=footnotes)
    return parse_text(text.replace("21 December 2015", day), f"{number.replace('/', '-')}.txt")


def linked(*resolutions: Resolution) -> dict[str, Resolution]:
    done = relate(tuple(resolutions), load_data(DEFAULT_DATA_DIR))
    return {r.symbol: r for r in done.resolutions}


def series_statement(symbol: str, day: str, subject: str) -> str:
    """The opening paragraph of the later resolutions of a series, with its footnote 1."""
    return (f"\tRecalling its resolution {symbol} of {day} on {subject}, as well as previous "
            "resolutions on the issue,1\n\t1.\tDecides to continue;\n")


EARLY = resolution("71/212", OLD_TITLE, "\tRecalling its resolutions 56/183 of 21 December "
                   "2001 and 70/184 of 22 December 2015 and other relevant resolutions,\n"
                   "\t1.\tDecides to continue;\n", "21 December 2016")
RETITLED = resolution(
    "74/197", NEW_TITLE, series_statement("73/218", "20 December 2018", NEW_TITLE),
    "19 December 2019", "1 Resolutions 56/183, 57/238, 70/184, 71/212 and 72/200.\n")
LATER = resolution(
    "76/189", NEW_TITLE, series_statement("75/202", "21 December 2020", NEW_TITLE),
    "17 December 2021", "1 Resolutions 56/183, 57/238, 70/184, 71/212, 72/200, 73/218 and "
    "74/197.\n")


@pytest.fixture(scope="module")
def ict() -> dict[str, Resolution]:
    return linked(EARLY, RETITLED, LATER)


def test_a_retitled_series_stays_one(ict):
    series = ict["A/RES/76/189"].series
    assert series is not None
    assert series.members == ("A/RES/71/212", "A/RES/74/197", "A/RES/76/189")
    assert ict["A/RES/71/212"].series == series
    assert series.title == NEW_TITLE  # the latest
    assert series.titles == (("A/RES/71/212", OLD_TITLE), ("A/RES/74/197", NEW_TITLE))


def test_missing_members_are_known_from_the_series_statements(ict):
    series = ict["A/RES/74/197"].series
    assert series.missing == ("A/RES/56/183", "A/RES/57/238", "A/RES/70/184", "A/RES/72/200",
                              "A/RES/73/218", "A/RES/75/202")
    assert series.between("A/RES/71/212", "A/RES/74/197") == ("A/RES/72/200", "A/RES/73/218")
    assert series.between("A/RES/74/197", "A/RES/76/189") == ("A/RES/75/202",)
    assert [(s, held) for s, held in series.sequence()][2:6] == [
        ("A/RES/70/184", False), ("A/RES/71/212", True), ("A/RES/72/200", False),
        ("A/RES/73/218", False)]


def test_json_lists_missing_members_and_titles(ict):
    data = to_json(ict["A/RES/76/189"])["series"]
    assert data["missing"][-1] == "A/RES/75/202"
    assert data["members"] == ["A/RES/71/212", "A/RES/74/197", "A/RES/76/189"]
    assert data["titles"] == [{"from": "A/RES/71/212", "title": OLD_TITLE},
                              {"from": "A/RES/74/197", "title": NEW_TITLE}]
    json.dumps(data)


def test_panel_lists_missing_members_in_place_linked_to_undocs(ict):
    panel = see_also_panel(ict["A/RES/74/197"], ict, Href(page_path(ict["A/RES/74/197"])))
    labels = [(e.link.label if e.link else e.missing.label) for e in panel.entries]
    assert labels == ["56/183", "57/238", "70/184", "71/212", "72/200", "73/218", "74/197",
                      "75/202", "76/189"]
    missing = [e.missing for e in panel.entries if e.missing]
    assert missing[0].href == "https://undocs.org/en/A/RES/56/183"
    assert [e.retitled for e in panel.entries if e.retitled] == [NEW_TITLE]
    assert panel.missing == 6


def test_a_comparison_across_a_gap_names_what_lies_between(ict):
    view = comparison_view(compare(ict["A/RES/71/212"], ict["A/RES/74/197"]), Href("compare.md"))
    assert [m.symbol for m in view.between] == ["A/RES/72/200", "A/RES/73/218"]
    next_view = comparison_view(compare(ict["A/RES/74/197"], ict["A/RES/76/189"]),
                                Href("compare.md"))
    assert [m.symbol for m in next_view.between] == ["A/RES/75/202"]


@pytest.mark.parametrize(("body", "footnotes", "expected"), [
    # the predecessor on the resolution's own subject, and the series footnote
    (series_statement("73/218", "20 December 2018", NEW_TITLE),
     "1 Resolutions 71/212 and 72/200.\n", ["A/RES/73/218", "A/RES/71/212", "A/RES/72/200"]),
    # "the most recent of which is"
    ("\tRecalling its previous resolutions on this issue, the most recent of which is "
     "resolution 73/218 of 20 December 2018, and taking note of the proposals,\n"
     "\t1.\tDecides;\n", "", ["A/RES/73/218"]),
    # a list before "on <subject>"
    (f"\tRecalling its resolutions 72/200 of 20 December 2017 and 73/218 of 20 December 2018 "
     f"on {NEW_TITLE.lower()},\n\t1.\tDecides;\n", "", ["A/RES/72/200", "A/RES/73/218"]),
    # "all previous resolutions on <subject>, including ..."
    ("\tRecalling its resolution 73/218 of 20 December 2018, as well as all previous "
     f"resolutions on {NEW_TITLE.lower()}, including resolution 56/183 of 21 December 2001,\n"
     "\t1.\tDecides;\n", "", ["A/RES/73/218", "A/RES/56/183"]),
    # the founding resolution, then "its subsequent resolutions on the subject"
    ("\tRecalling its resolution 56/183 of 21 December 2001, by which it decided to act, and "
     "its subsequent resolutions on the subject,\n\t1.\tDecides;\n", "", ["A/RES/56/183"]),
])
def test_series_statements(body, footnotes, expected):
    r = resolution("74/197", NEW_TITLE, body, "19 December 2019", footnotes)
    assert list(predecessors(linked(r)["A/RES/74/197"])) == expected


@pytest.mark.parametrize(("body", "footnotes"), [
    # another item's founding resolution, before the series phrase
    ("\tReaffirming its resolution 46/182 of 19 December 1991, the annex to which contains "
     f"the guiding principles, as well as all its resolutions on {NEW_TITLE.lower()},\n"
     "\t1.\tDecides;\n", ""),
    # a resolution on another subject
    ("\tRecalling its resolution 70/1 of 25 September 2015 on transforming our world,\n"
     "\t1.\tDecides;\n", ""),
    # the footnote of a declaration "on" the subject is not a list of resolutions
    (f"\tReaffirming the Declaration on {NEW_TITLE},1\n\t1.\tDecides;\n",
     "1 Resolution 61/295, annex.\n"),
    # the seeds' style names predecessors among others: only titles tell
    ("\tRecalling its resolutions 56/183 of 21 December 2001, 63/202 of 19 December 2008 and "
     "other relevant resolutions,\n\t1.\tDecides;\n", ""),
    # the Economic and Social Council's series is not the Assembly's
    ("\tRecalling also Economic and Social Council resolution 2019/24 of 23 July 2019, as well "
     "as previous resolutions on the issue,1\n\t1.\tDecides;\n",
     "1 Economic and Social Council resolutions 2017/21 and 2018/28.\n"),
])
def test_not_series_statements(body, footnotes):
    r = resolution("74/197", NEW_TITLE, body, "19 December 2019", footnotes)
    assert list(predecessors(linked(r)["A/RES/74/197"])) == []


def test_a_recalled_resolution_on_another_subject_does_not_join():
    """"World Fair Play Day" recalling a resolution on sport "as well as previous resolutions
    on the issue" stays its own series."""
    sport = resolution("78/10", "Building a peaceful and better world through sport",
                       "\t1.\tDecides;\n", "20 November 2023")
    day = resolution("78/310", "World Fair Play Day", "\tRecalling its resolution 78/10 of 20 "
                     "November 2023, as well as previous resolutions on the issue,\n"
                     "\t1.\tDecides;\n", "3 July 2024")
    found = linked(sport, day)
    assert found["A/RES/78/310"].series.members == ("A/RES/78/310",)
    assert found["A/RES/78/310"].series.missing == ()  # 78/10 is held, only not a member


def test_yearly_reports_are_one_series_whatever_the_session():
    title = "Report of the Commission on the work of its {} session"
    first = resolution("78/103", title.format("fifty-sixth"), "\t1.\tTakes note;\n",
                       "7 December 2023")
    second = resolution("79/117", title.format("fifty\u2011seventh"), "\t1.\tTakes note;\n",
                        "4 December 2024")
    found = linked(first, second)
    assert found["A/RES/79/117"].series.members == ("A/RES/78/103", "A/RES/79/117")


def test_the_default_collection_is_one_series_from_2009_to_2025():
    from generator.pipeline import collect

    site = collect(SOURCE_DIR)
    series = {r.series for r in site.linked.resolutions}
    assert len(series) == 1
    (ict,) = series
    assert ict.members == ("A/RES/64/187", "A/RES/66/184", "A/RES/78/132", "A/RES/79/194",
                           "A/RES/80/118")
    assert len(ict.missing) == 18 and "A/RES/65/141" in ict.missing
    assert ict.between("A/RES/66/184", "A/RES/78/132")[0] == "A/RES/67/195"
    assert ict.between("A/RES/66/184", "A/RES/78/132")[-1] == "A/RES/77/150"
    assert [symbol for symbol, _ in ict.titles] == ["A/RES/64/187", "A/RES/78/132"]


def test_series_statements_are_found_in_linear_time():
    """Thousands of series phrases and lists in one paragraph: each phrase looks only at the
    lists beside it (50 s before, when it looked at every list)."""
    import time

    body = "\tRecalling " + "; ".join(
        f"its previous resolutions on the issue, including resolution {n}/1"
        for n in range(1, 4000)) + ",\n\t1.\tDecides;\n"
    r = linked(resolution("74/197", NEW_TITLE, body, "19 December 2019"))["A/RES/74/197"]
    started = time.process_time()
    found = list(predecessors(r))
    assert time.process_time() - started < 1.0
    assert len(found) == 3799 and found[0] == "A/RES/1/1"
