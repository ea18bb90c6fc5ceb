"""The two real seeds parse exactly right: golden JSON, counts, every marker on its paragraph."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from datetime import date

import pytest

from generator.model import dump_json, to_json
from generator.parse import parse
from generator.pipeline import collect, link_one
from generator.read import read_source

from .conftest import GOLDEN_DIR, ROOT, SEEDS, SOURCE_DIR, SOURCES


def parsed(name: str):
    return parse(read_source(SOURCE_DIR / name))


@pytest.fixture(scope="module")
def linked_seeds():
    """The seeds as the site publishes them: parsed, then linked across the corpus."""
    site = collect(SOURCE_DIR)
    assert not [p for p in site.problems if p.level != "info"], site.problems
    return {r.source.rsplit("/", 1)[-1]: r for r in site.linked.resolutions}


@pytest.mark.parametrize("path", SOURCES, ids=lambda p: p.name)
def test_golden_json(path, linked_seeds):
    """Refresh with `make golden` after an intended change, then review the diff."""
    resolution = linked_seeds[path.name]
    golden = GOLDEN_DIR / (resolution.symbol.replace("/", "-") + ".json")
    assert dump_json(resolution) == golden.read_text(encoding="utf-8")


def test_cli_prints_the_same_json():
    path = SOURCE_DIR / "A-RES-64-187.txt"
    result = subprocess.run(
        [sys.executable, "-m", "generator", "parse", str(path)],
        capture_output=True, text=True, check=True, cwd=ROOT,
    )
    assert json.loads(result.stdout) == to_json(link_one(parse(read_source(path))))


def test_metadata_64_187():
    r = parsed("A-RES-64-187.txt")
    data = to_json(r)
    assert {k: data[k] for k in list(data)[:10]} == {
        "symbol": "A/RES/64/187", "number": "64/187", "session": 64,
        "title": "Information and communication technologies for development",
        "adopted": "2009-12-21",
        "report": {"committee": "Second Committee", "symbol": "A/64/417"},
        "meeting": {"number": 66, "date": "2009-12-21", "record": "A/64/PV.66"},
        "distributed": "2010-02-09", "agenda_items": ["50"], "job_number": "N0947305E",
    }
    assert list(data) == ["symbol", "number", "session", "title", "adopted", "report",
                          "meeting", "distributed", "agenda_items", "job_number",
                          "paragraphs", "footnotes", "series", "cites", "cited_by", "related",
                          "source", "order"]  # keys only ever grow, at the end
    assert (data["series"], data["cites"], data["cited_by"], data["related"]) == (
        None, [], [], [])  # parsed alone: relations come from the corpus (test_relations.py)


def test_metadata_66_184():
    r = parsed("A-RES-66-184.txt")
    assert (r.symbol, r.number, r.session) == ("A/RES/66/184", "66/184", 66)
    assert r.title == "Information and communications technologies for development"
    assert r.adopted == date(2011, 12, 22)
    assert (r.report.committee, r.report.symbol) == ("Second Committee", "A/66/437")
    assert (r.meeting.number, r.meeting.date) == (91, date(2011, 12, 22))
    assert r.distributed == date(2012, 2, 6)
    assert r.agenda_items == ("16",)
    assert r.job_number == "N1146986E"


@pytest.mark.parametrize(("name", "pp", "op", "fn"), [
    ("A-RES-64-187.txt", 16, 19, 8),
    ("A-RES-66-184.txt", 30, 21, 10),
])
def test_counts(name, pp, op, fn):
    r = parsed(name)
    assert [p.id for p in r.preambular] == [f"pp{i}" for i in range(1, pp + 1)]
    assert [p.id for p in r.operative] == [f"op{i}" for i in range(1, op + 1)]
    assert [f.id for f in r.footnotes] == [f"fn{i}" for i in range(1, fn + 1)]


@pytest.mark.parametrize(("name", "expected"), [
    ("A-RES-64-187.txt", {"pp2": [1], "pp3": [2, 3, 4, 5], "pp4": [6], "pp5": [7],
                          "op7": [2], "op9": [2, 4], "op15": [8]}),
    ("A-RES-66-184.txt", {"pp3": [1, 2, 3, 4], "pp4": [5], "pp5": [6], "pp6": [7],
                          "pp11": [8], "op9": [1, 3], "op13": [7], "op17": [9],
                          "op19": [10]}),
])
def test_every_marker_on_its_paragraph(name, expected):
    r = parsed(name)
    assert {p.id: p.footnotes for p in r.paragraphs if p.footnotes} == expected


def test_wrapped_line_joins_its_paragraph():
    pp3 = parsed("A-RES-64-187.txt").paragraphs[2]
    assert "held in Geneva from 10 to 12 December 2003, as endorsed by the General Assembly," \
        in pp3.text
    assert pp3.markers[0] == (2, pp3.text.index("2003,") + len("2003,"))


@pytest.mark.parametrize("phrase", [
    "organizing annually the ICT 4 All Forum",  # a number that is not a marker
    "the 2015 overall review",
    "Economic and Social Council resolution 2009/7 of 24 July 2009",
])
def test_numbers_that_are_not_markers_stay(phrase):
    assert any(phrase in p.text for p in parsed("A-RES-64-187.txt").paragraphs)


def test_percentages_and_paragraph_ranges_stay():
    text = " ".join(p.text for p in parsed("A-RES-66-184.txt").paragraphs)
    for phrase in ("only 26 per cent of the population", "74 per cent in",
                   "paragraph 22 of its resolution 65/141", "paragraphs 35 to 37 and 67 to 72",
                   "paragraphs 27 to 29 of its resolution 2011/16"):
        assert phrase in text


def test_text_has_no_furniture_or_markers():
    for path in SEEDS:
        r = parse(read_source(path))
        blob = " ".join([p.text for p in r.paragraphs] + [f.text for f in r.footnotes])
        for furniture in ("[DU1]", "<<ODS", "*0947305*", "*1146986*", "09-47305",
                          "Distr.: General", "plenary meeting"):
            assert furniture not in blob
        assert not re.search(r"[A-Za-z,;]\d{1,2}\b(?!/)", blob.replace("ICT 4", ""))
