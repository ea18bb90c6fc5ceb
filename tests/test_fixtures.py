"""Per-construct fixtures, each a small PDF (typeset from tests/fixtures/pdf/*.txt by
tests/pdfbuild.py) or text export (tests/fixtures/text/*.txt), parsed and compared with its
golden JSON (tests/fixtures/golden/), then checked construct by construct as a reader would.

Refresh the golden files with `make golden` after an intended change, and read the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.model import dump_json
from generator.parse import parse
from generator.pdf import read_pdf
from generator.read import read_input

from .pdfbuild import FIXTURES, build_pdf

TEXT_FIXTURES = FIXTURES.parent / "text"
GOLDEN = FIXTURES.parent / "golden"
PDF_NAMES = sorted(p.stem for p in FIXTURES.glob("*.txt"))
TEXT_NAMES = sorted(p.stem for p in TEXT_FIXTURES.glob("*.txt"))


def parsed_pdf(name: str):
    source = (FIXTURES / f"{name}.txt").read_text(encoding="utf-8")
    return parse(read_pdf(build_pdf(source), f"{name}.pdf"))


def parsed_text(name: str):
    return parse(read_input(TEXT_FIXTURES / f"{name}.txt", f"{name}.txt"))


def golden_json(kind: str, name: str) -> str:
    resolution = parsed_pdf(name) if kind == "pdf" else parsed_text(name)
    return dump_json(resolution)


@pytest.mark.parametrize(("kind", "name"), [("pdf", n) for n in PDF_NAMES]
                         + [("text", n) for n in TEXT_NAMES])
def test_golden(kind: str, name: str):
    golden = GOLDEN / f"{kind}-{name}.json"
    assert golden.is_file(), f"no {golden.name}: run `make golden`"
    assert golden_json(kind, name) == golden.read_text(encoding="utf-8")


def test_subparagraphs_nest_under_their_paragraph():
    r = parsed_pdf("subparagraphs")
    assert [(p.id, p.parent, p.depth, p.label) for p in r.paragraphs] == [
        ("pp1", None, 0, ""), ("op1", None, 0, "1."), ("op1-a", "op1", 1, "(a)"),
        ("op1-b", "op1", 1, "(b)"), ("op1-b-i", "op1-b", 2, "(i)"),
        ("op1-b-ii", "op1-b", 2, "(ii)"), ("op1-c", "op1", 1, "(c)"), ("op2", None, 0, "2.")]
    wrapped = r.paragraphs[2].text  # a sub-paragraph over two lines, set as one
    assert wrapped.startswith("To do one thing,") and wrapped.endswith("often does;")
    assert r.paragraphs[0].italic == ((0, 9),)  # "Recalling" as the PDF sets it
    assert r.paragraphs[1].italic == ((0, 7),) and r.paragraphs[1].text == "Decides:"


def test_masthead_facts():
    r = parsed_pdf("subparagraphs")
    assert (r.symbol, r.number, r.session, r.title) == (
        "A/RES/70/901", "70/901", 70, "Sub-paragraphs of an operative paragraph")
    assert (r.adopted.isoformat(), r.distributed.isoformat()) == ("2015-12-21", "2016-01-08")
    assert (r.report.committee, r.report.symbol, r.report.paragraph) == (
        "Second Committee", "A/70/472", "para. 9")
    assert [(a.item, a.title) for a in r.agenda] == [("20", "Sustainable development")]
    assert (r.job_number, r.meeting.number, r.kind) == ("15-44901", 80, "pdf")


def test_annex_headings_paragraphs_and_table_in_reading_order():
    r = parsed_pdf("annex")
    order = [x.id for x in r.reading_order()]
    assert order == ["op1", "annex", "annex-p1", "annex-sec-i", "annex-1", "annex-2",
                     "annex-sec-ii", "annex-3", "table-1", "annex-4"]
    [op1] = r.operative
    assert (op1.label, op1.text) == ("", "Adopts the declaration annexed to the present "
                                         "resolution.")  # the sole operative paragraph
    annex = next(h for h in r.headings if h.id == "annex")
    assert (annex.label, annex.title, annex.level) == ("Annex", "Declaration on annexes", 2)
    assert [h.label for h in r.headings[1:]] == ["I.", "II."]  # as printed, full stop kept
    [table] = r.tables
    assert [c.text for c in table.header[0]] == ["Item", "Gross", "Net"]
    assert [[c.text for c in row] for row in table.rows] == [
        ["Estimated appropriation for 2016", "63 930 800", "58 552 400"],
        ["Recommendations of the Fifth Committee", "(114 600)", "(120 300)"],
        ["Total", "63 816 200", "58 432 100"]]
    assert [(n.text, n.raised) for n in table.notes] == [("a See A/70/5.", ((0, 1),))]
    assert next(p for p in r.paragraphs if p.id == "annex-2").footnotes == [1]


def test_text_and_notes_run_on_over_pages():
    r = parsed_pdf("across-pages")
    pp4 = next(p for p in r.paragraphs if p.id == "pp4")
    assert "however long the reader's screen may be," in pp4.text  # across the page break
    pp5 = next(p for p in r.paragraphs if p.id == "pp5")
    assert "the seventy-eighth session and the eighty-first" in pp5.text  # hyphen kept
    assert r.footnotes[1].text.endswith("the notes of the next page, with no number of its "
                                        "own.")
    assert "first page, and the rest" in r.footnotes[1].text
    assert [p.page for p in r.paragraphs] == [1, 1, 1, 1, 2, 2, 2]
    text = " ".join(p.text for p in r.paragraphs)
    assert "A/RES/70/903" not in text and "2/3" not in text  # no running head, no footer


def test_parts_each_with_title_numbering_and_meeting():
    r = parsed_pdf("multipart")
    assert [(p.letter, p.title, p.meeting.number) for p in r.parts] == [
        ("A", "Revised estimates relating to the Human Rights Council", 80),
        ("B", "Special subjects relating to the programme budget", 81)]
    assert [p.id for p in r.paragraphs] == ["A-pp1", "A-op1", "A-op2", "B-op1", "B-op2"]
    assert {p.part for p in r.paragraphs} == {"A", "B"}
    assert (r.symbol, r.number) == ("A/RES/70/904", "70/904")
    assert [p.footnotes for p in r.paragraphs] == [[1], [], [], [2], []]


def test_emergency_special_session():
    r = parsed_pdf("emergency-session")
    assert (r.symbol, r.number, r.session) == ("A/RES/ES-11/9", "ES-11/9", "ES-11")
    assert r.meeting_record == "A/ES-11/PV.5"
    assert r.draft == "A/ES-11/L.9"
    assert [a.title for a in r.agenda] == [
        "Letter dated 28 February 2014 from the Permanent Representative to the President "
        "of the Security Council (S/2014/136)"]
    links = [(p.text[k.start:k.end], k.target) for p in r.paragraphs for k in p.source_links]
    assert links == [("2623", "https://undocs.org/en/S/RES/2623(2022)"),
                     ("ES-11/1", "https://undocs.org/en/A/RES/ES-11/1")]


@pytest.mark.parametrize("get", [parsed_text, parsed_pdf], ids=["text export", "pdf"])
def test_marker_traps(get):
    """Markers glued to a figure, after a space, among figures that are never markers."""
    r = get("marker-traps")
    assert [(p.id, p.footnotes) for p in r.paragraphs] == [
        ("pp1", [1]), ("pp2", [2]), ("pp3", [3]), ("op1", [4]), ("op2", [4])]
    texts = [p.text for p in r.paragraphs]
    assert texts[0] == "Recalling its resolution 64/187 of 21 December 2009 on the subject,"
    assert texts[1].startswith("Taking note of the reports, the comments")
    assert "15,000 participants, some 26 per cent" in texts[2]
    assert texts[2].endswith("its resolution 65/141,")
    assert texts[3] == "Decides to allocate 27,553,750 dollars for the purpose;"
    assert "the Geneva phase and on paragraph 12 of resolution 65/141." in texts[4]
    assert r.notices == ()


def test_both_readers_give_the_same_paragraphs():
    pdf, text = parsed_pdf("marker-traps"), parsed_text("marker-traps")
    assert [(p.id, p.text, p.markers) for p in pdf.paragraphs] == [
        (p.id, p.text, p.markers) for p in text.paragraphs]
    assert [f.text for f in pdf.footnotes] == [f.text for f in text.footnotes]


def write_golden() -> list[Path]:
    """Rewrite every fixture's golden JSON (``make golden``)."""
    GOLDEN.mkdir(exist_ok=True)
    written = []
    for kind, names in (("pdf", PDF_NAMES), ("text", TEXT_NAMES)):
        for name in names:
            path = GOLDEN / f"{kind}-{name}.json"
            path.write_text(golden_json(kind, name), encoding="utf-8")
            written.append(path)
    return written


if __name__ == "__main__":
    for path in write_golden():
        print(f"wrote {path}")
