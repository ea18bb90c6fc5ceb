"""The built site's relations: see-also panels, comparison pages, overview and graph.json."""

from __future__ import annotations

import json
import re
from pathlib import Path
from xml.etree import ElementTree

import pytest

from generator.paths import SEARCH_INDEX
from generator.search import read_script

from .sitebuild import broken_links

COMPARE = "compare/A-RES-64-187--A-RES-66-184.html"
# The default collection: the two seeds (ODS text exports) and the three PDFs of 2023-2025.
COLLECTION = ["A/RES/64/187", "A/RES/66/184", "A/RES/78/132", "A/RES/79/194", "A/RES/80/118"]


@pytest.fixture(scope="module")
def site(seed_site: Path) -> Path:
    return seed_site


def read(site: Path, path: str) -> str:
    return (site / path).read_text(encoding="utf-8")


def test_both_pages_link_each_other_and_the_comparison(site):
    new, old = read(site, "A/RES/66/184.html"), read(site, "A/RES/64/187.html")
    assert '<a href="../64/187.html" rel="prev"' in new
    assert '<a href="../66/184.html" rel="next"' in old
    assert f'href="../../../{COMPARE}"' in new and f'href="../../../{COMPARE}"' in old
    assert "2 of 5 on this subject in this collection (18 more not in it)" in new
    assert "1 of 5 on this subject in this collection" in old


def test_panel_lists_the_missing_members_in_place(site):
    html = read(site, "A/RES/78/132.html")
    panel = html[html.index('<ol class="atlas-panel__series">'):]
    panel = panel[:panel.index("</ol>")]
    labels = re.findall(r'<li[^>]*><a href="[^"]+"[^>]*>([\d/]+)</a>', panel)
    assert labels[:3] == ["56/183", "57/238", "59/220"]
    assert labels.index("64/187") < labels.index("65/141") < labels.index("66/184") \
        < labels.index("67/195") < labels.index("78/132")
    assert len(labels) == 23  # 5 held, 18 known from the series footnotes
    assert '<li class="atlas-panel__missing"><a href="https://undocs.org/en/A/RES/65/141"' \
        in panel
    assert panel.count(": not in this collection</li>") == 18
    assert "this resolution<span class=\"atlas-panel__retitled\">, under a new title: " \
        "“Information and communications technologies for sustainable development”" in panel


def test_a_comparison_across_a_gap_says_what_lies_between(site):
    """66/184 (2011) and 78/132 (2023): eleven resolutions between them are not held, so no
    text is called new in 78/132."""
    html = read(site, "compare/A-RES-66-184--A-RES-78-132.html")
    gap = html[html.index('<p class="atlas-compare__gap"'):]
    gap = gap[:gap.index("</p>")]
    assert "Between them the series has 11 resolutions not in this collection" in gap
    assert gap.count('href="https://undocs.org/en/A/RES/') == 11
    assert ">67/195</a>" in gap and ">77/150</a>" in gap and ">65/141</a>" not in gap
    assert "Added: added since 66/184." in html and "new in 78/132" not in html
    consecutive = read(site, "compare/A-RES-78-132--A-RES-79-194.html")
    assert "atlas-compare__gap" not in consecutive and "Added: new in 79/194." in consecutive


def test_panel_lists_recalls_recalled_by_and_related(site):
    new, old = read(site, "A/RES/66/184.html"), read(site, "A/RES/64/187.html")
    panel_new = new[new.index('id="see-also"'):new.index("</aside>")]
    panel_old = old[old.index('id="see-also"'):old.index("</aside>")]
    recalls = panel_new[panel_new.index("<h3>Recalls</h3>"):panel_new.index("Recalled by")]
    assert '<a href="../64/187.html"' in recalls and '<a href="#pp1">pp1</a>' in recalls
    recalled_by = panel_old[panel_old.index("Recalled by"):panel_old.index("Most related")]
    assert '<a href="../66/184.html#pp1">pp1</a>' in recalled_by
    assert "22 paragraphs in common, 91% alike" in panel_old  # every pair of the comparison
    assert "78/132</a> (2023): 9 paragraphs in common" in panel_old  # the later PDFs too


def test_comparison_page_reads_correctly(site):
    html = read(site, COMPARE)
    assert "What changed from" in html
    counts = dict((status, int(n)) for n, status in re.findall(
        r'<span class="atlas-counts__n">(\d+)</span> (\w+)</li>', html))
    assert counts == {"kept": 0, "changed": 17, "moved": 5, "added": 29, "dropped": 13}
    rows = re.findall(r'<li id="([\w-]+)" class="atlas-row atlas-row--(\w+)">', html)
    assert len(rows) == sum(counts.values())
    assert ("op3", "moved") in rows and ("op4", "moved") in rows and ("was-op18", "dropped") \
        in rows
    op4 = html[html.index('<li id="op4"'):]
    op4 = op4[:op4.index("</li>")]
    assert "Moved from the preamble" in op4
    assert '<a href="../A/RES/64/187.html#pp15">64/187 pp15</a>' in op4
    assert '<a href="../A/RES/66/184.html#op4">66/184 op4</a>' in op4
    op3 = html[html.index('<li id="op3"'):]
    assert "<ins>and use of</ins>" in op3[:op3.index("</li>")]


def test_comparison_and_overview_links_land(site):
    """Every link of these pages opens a page of the site, at an anchor it has."""
    assert (site / COMPARE).is_file() and (site / "overview.html").is_file()
    assert [b for b in broken_links(site) if "compare/" in b or "overview" in b] == []


def test_comparison_pages_are_left_out_of_search(site):
    """Search finds resolutions' own words on their own pages, never a comparison's copy."""
    index = read_script(read(site, SEARCH_INDEX))[1]
    urls = [read_script(read(site, index["records"].replace("{}", str(i))))[1]["url"]
            for i in range(len(index["counts"]))]
    assert urls and all(url.startswith("A/RES/") for url in urls), urls


def test_overview_svg_is_well_formed_and_links_every_resolution(site):
    html = read(site, "overview.html")
    start = html.index('<svg class="atlas-graph"')
    svg = html[start:html.index("</svg>", start) + len("</svg>")]
    tree = ElementTree.fromstring(svg)  # well-formed XML, so any SVG viewer can read it too
    ns = "{http://www.w3.org/2000/svg}"
    links = [a.get("href") for a in tree.iter(f"{ns}a")]
    assert links == [f"{s}.html" for s in COLLECTION]
    assert len(list(tree.iter(f"{ns}path"))) >= 2  # the arrow head and one citation
    assert "http" not in svg.replace("http://www.w3.org/2000/svg", "")
    assert "5 resolutions in 1 series, 10 citations between them." in html
    assert '<a href="A/RES/64/187.html">64/187</a>' in html  # the timeline


def test_graph_json_at_the_root(site):
    graph = json.loads(read(site, "graph.json"))
    assert [r["symbol"] for r in graph["resolutions"]] == COLLECTION
    assert graph["resolutions"][0]["page"] == "A/RES/64/187.html"
    (series,) = graph["series"]
    missing = series.pop("missing")  # the 18 members the collection lacks, as the panel says
    assert series == {
        "id": "information-and-communication-technologies-for-development",
        "title": "Information and communications technologies for sustainable development",
        "members": COLLECTION}
    assert len(missing) == 18 and missing[0] == "A/RES/56/183" and "A/RES/77/150" in missing
    internal = [c for c in graph["citations"] if c["internal"]]
    assert {"from": "A/RES/66/184", "to": "A/RES/64/187", "kind": "resolution",
            "internal": True, "at": ["pp1"]} in internal
    assert {"from": "A/RES/80/118", "to": "A/RES/79/194", "kind": "resolution",
            "internal": True, "at": ["pp1"]} in internal
    assert len(graph["citations"]) > 10  # external targets too
    related = {(r["from"], r["to"]) for r in graph["related"]}
    assert {("A/RES/64/187", "A/RES/66/184"), ("A/RES/66/184", "A/RES/64/187"),
            ("A/RES/64/187", "A/RES/78/132")} <= related
