"""Table-driven checks of the ODS patterns and of footnote-marker detection, with near misses."""

from __future__ import annotations

import pytest

from generator import patterns as P
from generator.parse import parse_text

from .conftest import ods_text
from .test_text_preserved import with_markers


@pytest.mark.parametrize(("line", "committee", "symbol", "paragraph"), [
    ("[on the report of the Second Committee (A/64/417)]", "Second Committee", "A/64/417", None),
    ("[on the report of the Fifth Committee (A/64/582/Add.1)]", "Fifth Committee",
     "A/64/582/Add.1", None),
    ("[on the report of the First Committee (A/80/534, para. 7)]", "First Committee",
     "A/80/534", "para. 7"),
    ("[on the report of the Special Political and Decolonization Committee (Fourth Committee) "
     "(A/64/413)]", "Special Political and Decolonization Committee (Fourth Committee)",
     "A/64/413", None),
])
def test_report_line(line, committee, symbol, paragraph):
    match = P.REPORT.match(line)
    assert (match["committee"], match["symbol"], match["paragraph"]) == (
        committee, symbol, paragraph)


def test_without_reference_to_a_main_committee():
    text = ods_text("\t1.\tDecides.\n",
                    header="[without reference to a Main Committee (A/70/L.5 and Add.1)]")
    r = parse_text(text)
    assert (r.report, r.draft) == (None, "A/70/L.5 and Add.1")


@pytest.mark.parametrize(("line", "number"), [
    ("64/187.\tInformation and communication technologies for development", "64/187"),
    ("57/270 B.\tIntegrated and coordinated implementation", "57/270 B"),
    ("80/12. Objective information on military matters", "80/12"),
])
def test_title_line(line, number):
    assert P.TITLE.match(line)["number"] == number


@pytest.mark.parametrize("line", [
    "64/187 Information", "2009/7.\tNot a GA number", "Recalling its resolution 64/187.",
])
def test_not_a_title_line(line):
    assert not P.TITLE.match(line)


@pytest.mark.parametrize(("text", "items"), [
    ("50", ("50",)), ("20 and 21 (a)", ("20", "21 (a)")), ("9, 10 and 11", ("9", "10", "11")),
])
def test_agenda_items(text, items):
    assert P.split_items(text) == items


@pytest.mark.parametrize(("sentence", "markers"), [
    ("Welcomes the Organization,1 and", [1]),
    ("Welcomes the Geneva1 phase", [1]),
    ("Welcomes the Internet;1", [1]),
    ("Welcomes the \u201cDigital Fund\u201d1 and", [1]),
    ("Welcomes the report (A/64/417),1 and", [1]),
    ("Welcomes the outcome.1", [1]),
    ("Welcomes the ICT 4 All Forum, noting 1 thing", []),
    ("Welcomes the 26 per cent", []),
    ("Welcomes resolution 65/141, and 2009/1 too", []),
    ("Welcomes document A/64/L.1 and H5N1 studies", []),
    ("Welcomes growth of 3.1 per cent", []),
    ("Welcomes paragraphs 35 to 37 and 67 to 72 of the Agenda,1", [1]),
    ("Welcomes Agenda 21,1 and Agenda 21,1 again", [1, 1]),
])
def test_marker_detection(sentence, markers):
    body = f"\t1.\t{sentence}\n"
    footnotes = "1 See A/70/1.\n" if markers else ""
    paragraph = parse_text(ods_text(body, footnotes=footnotes)).paragraphs[0]
    assert paragraph.footnotes == markers
    assert with_markers(paragraph) == f"1. {sentence}"  # nothing but the markers was cut


def test_marker_digit_patterns_find_what_their_look_behind_first_forms_found():
    """markers._DIGITS and _FIGURE test the character before the first digit after that
    digit, so that the regex engine can scan for digits in C; on any text they find what
    the plainer forms with the look-behind first found."""
    import random
    import re

    from generator import markers

    plain = {
        markers._DIGITS: re.compile(r"(?<!\d)(?P<number>\d{1,3})(?=[\s,;:.)\u201d\u2019]|$)"),
        markers._FIGURE: re.compile(r"(?<![\w/])\d{1,4}/(?P<serial>\d{2,6})(?=[\s,;:.)]|$)"),
    }
    draw = random.Random(5)
    alphabet = "0123456789 /,.;:)a\u201dxA_\u00e9"
    for _ in range(5000):
        text = "".join(draw.choice(alphabet) for _ in range(draw.randint(0, 40)))
        for fast, reference in plain.items():
            assert [(m.span(), m.groupdict()) for m in fast.finditer(text)] == \
                [(m.span(), m.groupdict()) for m in reference.finditer(text)], text
