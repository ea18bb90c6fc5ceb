"""Citations as readers meet them in the built site: links, previews, sections and warnings.

A small synthetic corpus: 70/1 with three operative paragraphs, and 70/2 citing them.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from .conftest import ods_text
from .sitebuild import build
from .test_site_input import text_of

CITED = ods_text("\tRecalling its resolution 64/187,\n"
                 "\t1.\tDecides to act;\n\t2.\tRequests a report on <progress> & more;\n"
                 "\t3.\tDecides to remain seized of the matter.\n",
                 number="70/1", title="The cited resolution")
CITING = ods_text("\tRecalling paragraph 2 of its resolution 70/1 and A/70/999,\n"
                  "\t1.\tRecalls resolution 70/1 and the Tunis Agenda;\n"
                  "\t2.\tNotes the measures in paragraph 1 above;\n",
                  number="70/2", title="The citing resolution")
BROKEN = ods_text("\tRecalling paragraph 9 of its resolution 70/1,\n"
                  "\t1.\tReaffirms paragraphs 4 and 5 of the Charter of Unknown Things;\n",
                  number="70/3", title="A resolution citing what does not exist")


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    tmp = tmp_path_factory.mktemp("references")
    sources = tmp / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(CITED, encoding="utf-8")
    (sources / "b.txt").write_text(CITING, encoding="utf-8")
    result, site = build(tmp, sources)
    assert result.returncode == 0, result.stderr
    return site


def html(site: Path, symbol: str) -> str:
    return (site / f"{symbol}.html").read_text(encoding="utf-8")


def test_internal_citation_links_to_the_paragraph_with_its_text_as_preview(site):
    page = html(site, "A/RES/70/2")
    link = re.search(r'<a class="atlas-cite atlas-cite--resolution" href="1\.html#op2" '
                     r'title="([^"]*)">70/1</a>', page)
    assert link, "pp1 links to 70/1#op2 inside the site"
    assert "Requests a report on &lt;progress&gt; &amp; more" in link.group(1)


def test_resolution_citation_without_paragraph_previews_title_and_date(site):
    page = html(site, "A/RES/70/2")
    assert re.search(r'href="1\.html" title="70/1, adopted 21 December 2015: The cited '
                     r'resolution">70/1</a>', page)


def test_external_citations_are_marked(site):
    page = html(site, "A/RES/70/2")
    assert re.search(r'class="atlas-cite atlas-cite--document atlas-cite--external" '
                     r'href="https://undocs.org/en/A/70/999"[^>]*rel="external">A/70/999</a>',
                     page)
    assert 'href="https://www.itu.int/net/wsis/docs2/tunis/off/6rev1.html"' in page


def test_own_paragraph_citation_stays_on_the_page(site):
    assert re.search(r'href="#op1"[^>]*>paragraph 1</a> above', html(site, "A/RES/70/2"))


def test_references_and_cited_by_sections(site):
    citing, cited = html(site, "A/RES/70/2"), html(site, "A/RES/70/1")
    references = text_of(citing, "references") + citing.split('id="references"')[1]
    assert "General Assembly resolutions" in references and "Instruments" in references
    assert re.search(r'A/RES/70/1: The cited resolution</a>: cited in <a href="#pp1">pp1</a> '
                     r'\(para\. 2\), <a href="#op1">op1</a>', citing)
    cited_by = cited.split('id="cited-by"')[1]
    assert re.search(r'<a href="2\.html#pp1">pp1</a> \(para\. 2\), <a href="2\.html#op1">op1</a>',
                     cited_by)
    assert "No resolution in this collection cites" in html(site, "A/RES/70/2")


def test_cited_documents_page_most_cited_first(site):
    page = (site / "cited.html").read_text(encoding="utf-8")
    rows = re.findall(r"<tr>\s*<td><a[^>]*>([^<]+)</a></td>\s*<td>[^<]*</td>\s*<td>(\d+)</td>",
                      page)
    assert rows[0] == ("A/RES/70/1: The cited resolution", "2")
    assert {"A/RES/64/187", "A/70/999", "Tunis Agenda for the Information Society (2005)"} <= {
        label for label, _ in rows}


def test_published_json_has_references(site):
    data = json.loads((site / "A/RES/70/2.json").read_text(encoding="utf-8"))
    pp1 = data["paragraphs"][0]
    assert pp1["references"][0] == {
        "text": "70/1", "start": 40, "end": 44, "kind": "resolution", "target": "A/RES/70/1",
        "paragraph": "op2", "href": "1.html#op2"}
    assert pp1["text"][40:44] == "70/1"


def test_unresolvable_citations_are_reported_and_fail_strict(tmp_path: Path):
    """A cited paragraph the target lacks fails --strict; paragraphs of something we cannot
    resolve (a report, a conference outcome: everywhere in the record) are only noted."""
    sources = tmp_path / "sources"
    sources.mkdir()
    (sources / "a.txt").write_text(CITED, encoding="utf-8")
    (sources / "c.txt").write_text(BROKEN, encoding="utf-8")
    strict, _ = build(tmp_path, sources)
    assert strict.returncode != 0
    assert re.search(r"c\.txt:\d+: A/RES/70/3 pp1: cites paragraph op9 of A/RES/70/1, which "
                     r"has no such paragraph", strict.stderr), strict.stderr
    assert re.search(r"INFO +- +\S*c\.txt:\d+: A/RES/70/3 op1: “paragraphs 4 and 5 of the Charter",
                     strict.stderr), strict.stderr
    relaxed, site = build(tmp_path, sources, strict=False, name="relaxed")
    assert relaxed.returncode == 0
    page = html(site, "A/RES/70/3")
    assert 'href="1.html" title=' in page, "a missing paragraph links to the resolution"
    assert "paragraphs 4 and 5 of the Charter of Unknown Things" in text_of(page, "op1")


def test_bad_data_file_is_reported(tmp_path: Path):
    from generator.data import load_data

    (tmp_path / "instruments.yaml").write_text("- id: x\n  title: X\n", encoding="utf-8")
    (tmp_path / "bodies.yaml").write_text("- abbr: [unclosed\n", encoding="utf-8")
    problems = [str(p) for p in load_data(tmp_path).problems]
    assert any("instruments.yaml: entry 1 lacks description, names" in p for p in problems)
    assert any("bodies.yaml" in p and "cannot read" in p for p in problems)


def test_glossary_and_abbreviations(seed_site: Path):
    glossary = (seed_site / "glossary.html").read_text(encoding="utf-8")
    assert 'id="body-itu"' in glossary and "International Telecommunication Union" in glossary
    page = (seed_site / "A/RES/64/187.html").read_text(encoding="utf-8")
    assert '<abbr class="atlas-term" title="information and communication technologies: ' in page
    assert page.count('title="ITU: ') == 1, "a full name's tooltip once per page"


def test_own_paragraph_citation_does_not_hide_the_resolution_from_citers():
    """70/1 cites its own paragraph first; 70/2's citation of 70/1 still counts as one."""
    from generator.link import link_corpus
    from generator.parse import parse_text

    own = ods_text("\tRecalling its resolution 64/187,\n\t1.\tDecides to act;\n"
                   "\t2.\tRecalls the measures in paragraph 1 above;\n", number="70/1")
    citer = ods_text("\tRecalling its resolution 70/1,\n\t1.\tDecides to act;\n", number="70/2")
    graph = link_corpus([parse_text(own), parse_text(citer)]).graph
    assert graph.targets["A/RES/70/1"].kind == "resolution"
    assert [p.anchor for p in graph.cited_by("A/RES/70/1")] == ["pp1"]
