"""Relations of whole resolutions (series, cites, cited by, related) and the comparison of two
consecutive resolutions of a series."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from generator.compare import _longest_increasing, compare
from generator.model import Meeting, Paragraph, Resolution, to_json
from generator.paths import Href, compare_path, page_path
from generator.pipeline import collect
from generator.render import make_environment
from generator.series import find_series
from generator.titles import subject_key
from generator.views.see_also import see_also_panel

from .conftest import ROOT, SOURCE_DIR

OLD, NEW = "A/RES/64/187", "A/RES/66/184"


@pytest.fixture(scope="module")
def seeds() -> dict[str, Resolution]:
    return {r.symbol: r for r in collect(SOURCE_DIR).linked.resolutions}


# --- Series ------------------------------------------------------------------------------


def test_seed_titles_are_one_subject_despite_the_plural():
    assert subject_key("Information and communication technologies for development") == \
        subject_key("Information and communications technologies for development.")
    assert subject_key("Oceans and the law of the sea") != subject_key("Sustainable fisheries")


def test_seeds_and_pdfs_form_one_series_in_adoption_order(seeds):
    """The seeds by their title, the PDFs (retitled "... for sustainable development") by
    the series footnote naming the seeds."""
    series = seeds[NEW].series
    assert series is not None
    assert seeds[OLD].series == seeds[NEW].series == seeds["A/RES/80/118"].series
    assert series.members == (OLD, NEW, "A/RES/78/132", "A/RES/79/194", "A/RES/80/118")
    assert series.id == "information-and-communication-technologies-for-development"
    assert series.neighbours(OLD) == (None, NEW)
    assert series.neighbours(NEW) == (OLD, "A/RES/78/132")


def _resolution(symbol: str, title: str, day: date, texts: tuple[str, ...] = ("Notes it.",)
                ) -> Resolution:
    number = symbol.removeprefix("A/RES/")
    paragraphs = tuple(Paragraph(f"op{n}", "operative", n, f"{n}.", text)
                       for n, text in enumerate(texts, start=1))
    return Resolution(symbol, number, int(number.split("/")[0]), title, day, None,
                      Meeting(80, day), None, (), None, paragraphs, ())


LONG = ("International cooperation on humanitarian assistance in the field of natural disasters, "
        "from relief to development")


def test_series_split_by_subject_ordered_by_date_with_unique_ids():
    found = find_series([
        _resolution("A/RES/70/5", "Road safety", date(2015, 12, 1)),
        _resolution("A/RES/68/9", "Road Safety.", date(2013, 12, 1)),
        _resolution("A/RES/70/6", "Road-safety", date(2015, 12, 1)),
        _resolution("A/RES/70/7", "Malaria", date(2015, 12, 2)),
        _resolution("A/RES/70/8", LONG + " in Africa", date(2015, 12, 3)),
        _resolution("A/RES/70/9", LONG + " in Asia", date(2015, 12, 3)),  # slugs cut alike
    ])
    assert found["A/RES/70/5"].members == ("A/RES/68/9", "A/RES/70/5", "A/RES/70/6")
    assert found["A/RES/70/5"].title == "Road-safety"  # the latest title
    assert found["A/RES/70/7"].members == ("A/RES/70/7",)
    ids = sorted({s.id for s in found.values()})
    assert len(ids) == 4
    cut = "international-cooperation-on-humanitarian-assistance-in-the-field-of-natural"
    assert ids[:2] == [cut, cut + "-2"]  # whole words, at most 80 characters, then numbered


# --- Cites, cited by, related ------------------------------------------------------------


def test_resolution_json_has_cites_cited_by_series_and_related(seeds):
    new, old = to_json(seeds[NEW]), to_json(seeds[OLD])
    recalled = [c for c in new["cites"] if c["target"] == OLD]
    assert recalled == [{"target": OLD, "kind": "resolution", "internal": True, "at": ["pp1"]}]
    external = next(c for c in new["cites"] if c["target"] == "A/RES/65/141")
    assert external["internal"] is False and external["at"] == ["pp1", "op19"]
    later = [{"symbol": s, "at": ["fn1"]} for s in ("A/RES/78/132", "A/RES/79/194",
                                                    "A/RES/80/118")]
    # the PDFs' first footnote lists the series: "Resolutions 56/183, ..., 64/187, ..."
    assert old["cited_by"] == [{"symbol": NEW, "at": ["pp1"]}, *later]
    assert new["cited_by"] == later
    series = {k: v for k, v in new["series"].items() if k not in ("missing", "titles")}
    assert series == {"id": "information-and-communication-technologies-for-development",
                      "title": "Information and communications technologies for sustainable "
                               "development",
                      "members": [OLD, NEW, "A/RES/78/132", "A/RES/79/194", "A/RES/80/118"],
                      "position": 2, "previous": OLD, "next": "A/RES/78/132"}
    assert new["series"]["missing"][:2] == ["A/RES/56/183", "A/RES/57/238"]
    assert new["related"][0]["symbol"] == OLD and new["related"][0]["paragraphs"] >= 20


def test_panel_renders_on_its_own(seeds):
    """The see-also template needs nothing but its panel."""
    panel = see_also_panel(seeds[NEW], seeds, Href(page_path(seeds[NEW])))
    html = make_environment(ROOT / "templates").get_template("see_also.html").render(panel=panel)
    assert 'rel="prev"' in html and 'href="../64/187.html"' in html
    assert 'href="../../../compare/A-RES-64-187--A-RES-66-184.html"' in html
    assert 'aria-current="page"' in html
    assert "22 paragraphs in common, 91% alike" in html  # alike in distinctive words


# --- Comparison --------------------------------------------------------------------------


def test_seed_comparison_reads_correctly(seeds):
    comparison = compare(seeds[OLD], seeds[NEW])
    rows = {(r.old.id if r.old else None, r.new.id if r.new else None): r
            for r in comparison.rows}
    gender = rows[("op6", "op3")]
    assert gender.status == "moved" and gender.diff  # carried forward, edited, moved up
    assert ("added", "and use of") in [(d.kind, d.text) for d in gender.diff]
    moved = rows[("pp15", "op4")]
    assert moved.status == "moved"  # from the preamble into the operative part
    assert rows[("op2", "op5")].status == "changed"
    assert rows[(None, "op21")].status == "added"  # the new agenda decision
    assert rows[("op18", None)].status == "dropped"
    # every paragraph of both texts is in exactly one row, in the order of the new text
    assert [r.new.id for r in comparison.rows if r.new] == \
        [p.id for p in seeds[NEW].paragraphs if p.depth == 0]
    assert sorted(r.old.id for r in comparison.rows if r.old) == \
        sorted(p.id for p in seeds[OLD].paragraphs if p.depth == 0)
    counts = comparison.counts
    assert sum(counts.values()) == len(comparison.rows)
    assert counts == {"kept": 0, "changed": 17, "moved": 5, "added": 29, "dropped": 13}


def test_comparison_statuses_on_a_small_case():
    day1, day2 = date(2014, 12, 1), date(2015, 12, 1)
    a = ("Urges Member States to protect coral reefs from bleaching and acidification.",
         "Invites donors to fund marine science capacity in small island developing States.",
         "Decides to convene a dialogue on ocean acidification during the next session.",
         "Notes the report on fish stocks in the high seas and straddling stocks.")
    b = (a[0],
         a[2],  # swapped with the next one: moved
         "Invites donors to fund marine science capacity and technology transfer in small "
         "island developing States.",  # reworded
         "Welcomes the entry into force of the agreement on port State measures.")  # added
    comparison = compare(_resolution("A/RES/69/1", "Oceans", day1, a),
                         _resolution("A/RES/70/1", "Oceans", day2, b))
    statuses = [(r.status, r.old and r.old.id, r.new and r.new.id) for r in comparison.rows]
    assert statuses == [("kept", "op1", "op1"), ("moved", "op3", "op2"),
                        ("dropped", "op4", None),  # after the row of what stood before it
                        ("changed", "op2", "op3"), ("added", None, "op4")]


def test_longest_increasing_run():
    assert _longest_increasing([]) == []
    values = [0, 2, 1, 3, 5, 4]
    run = _longest_increasing(values)
    assert len(run) == 4 and [values[i] for i in run] == sorted(values[i] for i in run)


def test_compare_path_names_both_ends():
    assert compare_path(OLD, NEW) == "compare/A-RES-64-187--A-RES-66-184.md"
    assert Path(compare_path(OLD, NEW)).parent.name == "compare"
