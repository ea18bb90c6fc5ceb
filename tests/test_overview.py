"""The overview at the scale of the record, without a browser: lane labels that never read
alike, a picture whose viewBox holds the whole time span however many years it covers, the
filters' data on every dot, and graph.json's series with their missing members.
(``tests/browser/test_overview.py`` looks at the same pages in Chromium.)"""

from __future__ import annotations

import itertools
from datetime import date
from pathlib import Path
from xml.etree import ElementTree

import pytest

from benchmarks.synthetic import Member, Para, ods_export
from generator.paths import OVERVIEW, Href
from generator.pipeline import collect
from generator.views.overview import (
    LABEL,
    NUMBER_WIDTH,
    PAD,
    WIDTH,
    citation_picture,
    graph_json,
    lane_labels,
)

from .conftest import SOURCE_DIR

NS = "{http://www.w3.org/2000/svg}"
PREFIX = ("Report of the Special Committee on the Situation with regard to the Implementation "
          "of the Declaration on the Granting of Independence to Colonial Countries and Peoples")
# Four subjects whose titles share 170 characters, one short title, and one resolution a
# generation later: 1946 to 2025 on one axis.
TITLES = {(61, 101): f"{PREFIX}: question of Tokelau",
          (62, 101): f"{PREFIX}: question of Guam",
          (63, 101): f"{PREFIX}: question of New Caledonia",
          (64, 101): f"{PREFIX}: question of Western Sahara",
          (1, 5): "Establishment of a commission",
          (80, 101): "Information and communications technologies for sustainable development"}


def _write(folder: Path, titles: dict[tuple[int, int], str]) -> Path:
    folder.mkdir(exist_ok=True)
    for (session, serial), title in titles.items():
        member = Member(session, serial, date(1945 + session, 12, 10),
                        [Para(f"Noting the work on {title.split(':')[-1]}", False),
                         Para("Decides to remain seized of the matter", True)])
        (folder / f"A-RES-{session}-{serial}.txt").write_text(
            ods_export(title, member, None), encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def crafted(tmp_path_factory) -> list:
    site = collect(_write(tmp_path_factory.mktemp("overview") / "src", TITLES), None)
    assert site.problems == ()
    return list(site.linked.resolutions)


def _svg(resolutions) -> ElementTree.Element:
    picture = citation_picture(resolutions, Href(OVERVIEW))
    return ElementTree.fromstring(str(picture.svg))  # well-formed XML


def _lane_texts(svg: ElementTree.Element) -> list[str]:
    """The visible words of each lane label (its <title> child holds the full title)."""
    return ["".join(t.itertext())[len(t.find(f"{NS}title").text or ""):]
            for t in svg.iter(f"{NS}text") if t.get("class") == "atlas-graph__lane"]


def test_lane_labels_never_read_alike(crafted):
    """Cut at the same length, the four colonial titles read the same: each keeps the words
    that tell it apart."""
    labels = _lane_texts(_svg(crafted))
    assert len(labels) == len(TITLES)
    assert len(set(labels)) == len(labels), labels
    colonial = [label for label in labels if label.startswith("Report of the Special")]
    assert sorted(label.rsplit("… ", 1)[-1] for label in colonial) == [
        "question of Guam", "question of New Caledonia", "question of Tokelau",
        "question of Western Sahara"]
    assert all(len(label) <= LABEL + 2 for label in labels)
    assert "Establishment of a commission" in labels  # a short title stays whole


def test_labels_are_cut_at_a_word_boundary():
    title = "Information and communications technologies for sustainable development and more"
    (label,) = lane_labels([("ict", title, "80/118")]).values()
    assert label.endswith("…") and title.startswith(label[:-1]) and len(label) <= LABEL
    assert title[len(label) - 1] == " "  # the cut falls between words


def test_identical_titles_are_told_apart_by_their_first_member():
    labels = lane_labels([("a", "Oceans and the law of the sea", "60/30"),
                          ("b", "Oceans and the law of the sea", "70/235")])
    assert labels == {"a": "Oceans and the law of the sea (60/30)",
                      "b": "Oceans and the law of the sea (70/235)"}


def test_the_whole_span_fits_the_viewbox(crafted):
    """80 years in the same width as one: the viewBox is WIDTH across, every dot inside it,
    and the picture scales to its frame instead of running off it."""
    svg = _svg(crafted)
    assert svg.get("viewBox") == f"0 0 {WIDTH} {svg.get('height')}"
    xs = [float(c.get("cx")) for c in svg.iter(f"{NS}circle")]
    assert len(xs) == len(TITLES)
    assert min(xs) >= PAD and max(xs) <= WIDTH - PAD
    years = [t.text for t in svg.iter(f"{NS}text") if t.get("class") == "atlas-graph__year"]
    assert years[0] == "1946" and len(years) < 20  # a label every few years, never crowded


def test_every_dot_carries_what_the_filters_match(crafted):
    svg = _svg(crafted)
    rows = [g for g in svg.iter(f"{NS}g") if g.get("class") == "atlas-graph__row"]
    assert len(rows) == len(TITLES)
    for row in rows:
        assert row.get("data-series") and int(row.get("data-height")) > 0
        for dot in row.iter(f"{NS}a"):
            assert dot.get("data-committee") == "Second Committee"
            assert dot.get("data-session") == dot.get("data-symbol").split("/")[2]


def test_picture_filters_list_the_lanes_committees_and_sessions(crafted):
    picture = citation_picture(crafted, Href(OVERVIEW))
    assert len(picture.series_options) == len(TITLES)
    assert [o.label for o in picture.committees] == ["Second Committee"]
    assert [o.value for o in picture.sessions] == ["1", "61", "62", "63", "64", "80"]
    assert (picture.first, picture.last) == (1946, 2025)


@pytest.fixture(scope="module")
def seeds() -> list:
    return list(collect(SOURCE_DIR).linked.resolutions)


def test_numbers_under_the_dots_never_run_together(seeds):
    """79/194 and 80/118, a year apart at the right edge: both numbered, apart, inside."""
    labels = [t for t in _svg(seeds).iter(f"{NS}text") if t.get("class") == "atlas-graph__label"]
    assert {t.get("text-anchor") for t in labels} == {"middle"}  # each spans x ± width / 2
    numbers = [(float(t.get("x")), t.text) for t in labels]
    assert [text for _, text in numbers] == ["64/187", "66/184", "78/132", "79/194", "80/118"]
    xs = [x for x, _ in numbers]
    assert all(b - a >= NUMBER_WIDTH for a, b in itertools.pairwise(xs))
    assert xs[0] >= NUMBER_WIDTH / 2 and xs[-1] + NUMBER_WIDTH / 2 <= WIDTH


def test_graph_json_lists_each_series_missing_members(seeds):
    graph = graph_json(seeds)
    (series,) = graph["series"]
    assert set(series) == {"id", "title", "members", "missing"}
    assert len(series["missing"]) == 18
    assert series["missing"][:3] == ["A/RES/56/183", "A/RES/57/238", "A/RES/59/220"]
    assert "A/RES/65/141" in series["missing"]
    assert not set(series["missing"]) & set(series["members"])
