"""Structures the seeds lack but real resolutions have: sub-paragraphs, sections, annexes,
multi-part numbers. Each is handled with stable ids, or refused with a clear message."""

from __future__ import annotations

from dataclasses import replace

import pytest

from generator.errors import InputError
from generator.model import LineageLink, changed, to_json
from generator.parse import parse_text

from .conftest import ods_text

SUBPARAGRAPHS = (
    "\tRecalling its resolution 69/1,\n"
    "\t1.\tDecides:\n"
    "\t(a)\tTo do one thing;\n"
    "\t(b)\tTo do another, namely:\n"
    "\t(i)\tby this means;\n"
    "\t(ii)\tby that means;\n"
    "\t(c)\tTo report back;\n"
    "\t2.\tRequests the Secretary-General to submit a report.\n"
)


def test_subparagraph_ids_and_parents():
    r = parse_text(ods_text(SUBPARAGRAPHS))
    ids = [(p.id, p.kind, p.number, p.label, p.parent, p.depth) for p in r.paragraphs]
    assert ids == [
        ("pp1", "preambular", 1, "", None, 0),
        ("op1", "operative", 1, "1.", None, 0),
        ("op1-a", "operative", "a", "(a)", "op1", 1),
        ("op1-b", "operative", "b", "(b)", "op1", 1),
        ("op1-b-i", "operative", "i", "(i)", "op1-b", 2),
        ("op1-b-ii", "operative", "ii", "(ii)", "op1-b", 2),
        ("op1-c", "operative", "c", "(c)", "op1", 1),
        ("op2", "operative", 2, "2.", None, 0),
    ]
    assert r.paragraphs[2].text == "To do one thing;"
    assert to_json(r)["paragraphs"][4]["parent"] == "op1-b"


def test_letter_i_after_h_is_a_letter():
    letters = "".join(f"\t({c})\tItem {c};\n" for c in "abcdefghij")
    r = parse_text(ods_text("\t1.\tDecides:\n" + letters))
    assert [p.id for p in r.paragraphs][-3:] == ["op1-h", "op1-i", "op1-j"]
    assert all(p.depth == 1 for p in r.paragraphs[1:])


def test_sections_with_continuous_numbering():
    body = (
        "\tRecalling its resolution 69/1,\n"
        "\tI\n\tGeneral provisions\n"
        "\t1.\tReaffirms its commitment;\n"
        "\tII.\tFollow-up\n"
        "\t2.\tDecides to continue.\n"
    )
    r = parse_text(ods_text(body))
    assert [(h.id, h.label, h.title) for h in r.headings] == [
        ("sec-i", "I", "General provisions"), ("sec-ii", "II.", "Follow-up")]
    assert [(p.id, p.section) for p in r.operative] == [("op1", "sec-i"), ("op2", "sec-ii")]


def test_annex_with_its_own_numbering():
    body = "\t1.\tAdopts the Declaration annexed to the present resolution.\n"
    text = ods_text(body).replace(
        "21 December 2015\n[DU1]",
        "21 December 2015\nAnnex\n\tDeclaration on things\n\tWe, the Heads of State,\n"
        "\t1.\tCommit ourselves;\n\t2.\tResolve to act.\n[DU1]")
    r = parse_text(text)
    assert [(p.id, p.kind) for p in r.annex] == [
        ("annex-p1", "annex"), ("annex-1", "annex"), ("annex-2", "annex")]
    assert r.annex[0].text == "We, the Heads of State,"
    assert [(h.id, h.label, h.title) for h in r.headings] == [
        ("annex", "Annex", "Declaration on things")]


def test_part_letter_in_number():
    r = parse_text(ods_text("\t1.\tDecides.\n", number="57/270 B", symbol="A/RES/57/270B"))
    assert (r.number, r.symbol, r.session) == ("57/270 B", "A/RES/57/270B", 57)


@pytest.mark.parametrize(("body", "message", "line"), [
    ("\t1.\tDecides;\n\t3.\tRequests.\n", "operative paragraph 3 follows 1", 9),
    ("\t1.\tDecides:\n\t(a)\tOne;\n\t(c)\tThree;\n", "sub-paragraph (c) under op1", 10),
    ("\t1.\tDecides;\n\tAn unnumbered paragraph;\n", "unnumbered paragraph in the operative", 9),
    ("\t1.\tDecides;\n\tI\n\tSection\n\t2.\tAgain;\n\tI\n\tSection\n", "section I appears twice",
     12),
])
def test_structure_errors_name_the_line(body, message, line):
    with pytest.raises(InputError) as error:
        parse_text(ods_text(body), "bad.txt")
    assert error.value.problem.file == "bad.txt"
    assert message in error.value.problem.message
    assert error.value.problem.line == line


def test_part_b_without_part_a_is_refused():
    body = "\t1.\tDecides.\n\tB\n\tThe General Assembly,\n\t1.\tDecides again.\n"
    with pytest.raises(InputError, match="part B where part A was expected"):
        parse_text(ods_text(body), "ab.txt")


def test_changed_is_replace_for_the_records():
    """``model.changed`` (the link and lineage stages' copy of a paragraph with one field
    new) gives what ``dataclasses.replace`` gives, and refuses a name that is no field."""
    paragraph = parse_text(ods_text(SUBPARAGRAPHS), "t.txt").paragraphs[1]
    copy = changed(paragraph, lineage=(LineageLink("A/RES/1/1", "op1", 0.5, "earlier"),))
    assert copy == replace(paragraph, lineage=copy.lineage) and copy != paragraph
    assert hash(copy) == hash(replace(paragraph, lineage=copy.lineage))
    assert paragraph.lineage == () and copy.text == paragraph.text
    with pytest.raises(TypeError, match="no field 'lineages'"):
        changed(paragraph, lineages=())
