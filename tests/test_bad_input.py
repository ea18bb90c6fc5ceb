"""Bad input gets a clear message naming the file (and line); the rest of the corpus builds."""

from __future__ import annotations

import pytest

from generator.corpus import load_corpus
from generator.errors import InputError
from generator.parse import parse, parse_text
from generator.read import decode

from .conftest import SOURCE_DIR, ods_text

SEED = (SOURCE_DIR / "A-RES-64-187.txt").read_text(encoding="utf-8")
QUOTED = "\t1.\tWelcomes the \u201cDigital Solidarity Fund\u201d \u2013 and its caf\u00e9.\n"


def problems_for(write_source, name: str, content: str | bytes) -> list[str]:
    write_source("good.txt", SEED)
    write_source(name, content)
    corpus = load_corpus(write_source.folder, root=write_source.folder)
    assert [r.symbol for r in corpus.resolutions] == ["A/RES/64/187"], "the good file builds"
    return [str(p) for p in corpus.problems]


@pytest.mark.parametrize(("content", "expected"), [
    (b"", "empty.txt: empty file: there is no text to read"),
    (b"   \n\n", "empty.txt: empty file: there is no text to read"),
])
def test_empty(write_source, content, expected):
    assert problems_for(write_source, "empty.txt", content) == [expected]


def test_binary(write_source):
    content = bytes(range(256)) * 4
    [problem] = problems_for(write_source, "image.txt", content)
    assert problem.startswith("image.txt") and "binary file" in problem


def test_not_a_resolution(write_source):
    [problem] = problems_for(write_source, "notes.txt", "Shopping list\n\tbread\n\tmilk\n")
    assert problem == ("notes.txt:1: not a General Assembly resolution: no 'Resolution adopted "
                       "by the General Assembly on <date>' line")


def test_pdf_extraction_is_refused_clearly():
    text = ods_text("Recalling its resolution 69/1,\n1. Decides.\n").replace("\t", " ")
    with pytest.raises(InputError, match="not an ODS text export"):
        parse_text(text, "pdf.txt")


def test_pdf_layout_is_named_as_such():
    text = ("United Nations \nA/RES/80/1 \n \nGeneral Assembly \nDistr.: General \n"
            "19 September 2025 \n\n Resolution adopted by the General Assembly \n"
            "on 19 September 2025 \n")
    with pytest.raises(InputError, match="text extracted from a PDF"):
        parse_text(text, "a.txt")


def test_duplicate_symbol_names_both_files(write_source):
    write_source("good.txt", SEED)
    write_source("copy.txt", SEED)
    corpus = load_corpus(write_source.folder, root=write_source.folder)
    assert corpus.resolutions == ()
    assert [str(p) for p in corpus.problems] == [
        "copy.txt:1: duplicate symbol A/RES/64/187: also in good.txt; none of these files is "
        "published",
        "good.txt:1: duplicate symbol A/RES/64/187: also in copy.txt; none of these files is "
        "published",
    ]


def test_duplicate_leaves_other_files_alone(write_source):
    write_source("a.txt", SEED)
    write_source("b.txt", SEED)
    write_source("c.txt", (SOURCE_DIR / "A-RES-66-184.txt").read_text(encoding="utf-8"))
    corpus = load_corpus(write_source.folder, root=write_source.folder)
    assert [r.symbol for r in corpus.resolutions] == ["A/RES/66/184"]
    assert len(corpus.problems) == 2


@pytest.mark.parametrize(("encode", "encoding"), [
    (lambda s: s.encode("cp1252"), "cp1252"),
    (lambda s: b"\xef\xbb\xbf" + s.encode("utf-8"), "utf-8-sig"),
    (lambda s: s.encode("utf-16"), "utf-16"),
    (lambda s: s.replace("\n", "\r\n").encode("utf-8"), "utf-8"),
    (lambda s: s.replace("\n", "\r").encode("utf-8"), "utf-8"),
])
def test_encodings_and_line_endings_read_correctly(encode, encoding):
    text = ods_text(QUOTED)
    source = decode(encode(text), "x.txt")
    assert source.encoding == encoding
    assert "\r" not in source.text
    op1 = parse(source).paragraphs[0]
    assert op1.text == "Welcomes the \u201cDigital Solidarity Fund\u201d \u2013 and its caf\u00e9."


def test_seed_with_crlf_parses_identically():
    from generator.model import dump_json

    crlf = decode(SEED.replace("\n", "\r\n").encode("cp1252"), "crlf.txt")
    assert dump_json(parse(crlf)) == dump_json(parse(decode(SEED.encode(), "lf.txt")))


def test_undecodable_bytes_name_the_line():
    data = ods_text("\t1.\tDecides.\n").encode("utf-8").replace(b"Decides", b"Dec\x81\x8dides")
    with pytest.raises(InputError) as error:
        decode(data, "odd.txt")
    assert str(error.value) == ("odd.txt:8: cannot decode byte 0x81: neither UTF-8 nor "
                                "Windows-1252 (is this a binary file?)")


FOOTNOTES_OK = "1 See A/70/1.\n2 See A/70/2.\n"
BODY_OK = "\tRecalling its resolution 69/1,1\n\t1.\tDecides to act;2\n"


def test_footnotes_fixture_is_valid():
    r = parse_text(ods_text(BODY_OK, footnotes=FOOTNOTES_OK))
    assert [p.footnotes for p in r.paragraphs] == [[1], [2]]


@pytest.mark.parametrize(("body", "footnotes", "message", "line"), [
    (BODY_OK, "1 See A/70/1.\n3 See A/70/2.\n",
     "broken footnote numbering: footnote 3 where 2 was expected", 14),
    (BODY_OK, "1 See A/70/1.\n1 See A/70/2.\n",
     "broken footnote numbering: footnote 1 where 2 was expected", 14),
])
def test_broken_footnote_numbering(body, footnotes, message, line):
    with pytest.raises(InputError) as error:
        parse_text(ods_text(body, footnotes=footnotes), "fn.txt")
    assert (error.value.problem.message, error.value.problem.line) == (message, line)


@pytest.mark.parametrize(("body", "message", "line", "last_text"), [
    # A footnote nobody references: published, with a notice on the paragraph's line (pp1
    # references footnote 1, so footnote 2's marker belongs there or after), not the note's.
    ("\tRecalling its resolution 69/1,1\n\t1.\tDecides to act;\n",
     "footnote 2 is never referenced in the text", 8, "Decides to act;"),
    # A number placed like a marker of a footnote the text does not have stays text.
    (BODY_OK + "\t2.\tRequests a report;3\n", "3 stands like a footnote marker, but the text "
     "has 2 footnotes; kept as text", 10, "Requests a report;3"),
])
def test_footnotes_that_do_not_add_up_are_published_with_a_notice(body, message, line,
                                                                  last_text):
    r = parse_text(ods_text(body, footnotes=FOOTNOTES_OK), "fn.txt")
    [notice] = r.notices
    assert message in notice.message and notice.line == line
    assert r.paragraphs[0].footnotes == [1]
    assert r.paragraphs[-1].text == last_text  # every character kept
    assert len(r.footnotes) == 2


def test_symbol_disagreeing_with_number_is_refused():
    text = ods_text("\t1.\tDecides.\n", symbol="A/RES/70/998")
    with pytest.raises(InputError, match="does not match the resolution number 70/999"):
        parse_text(text, "sym.txt")


def test_unknown_text_in_furniture_is_not_dropped_silently():
    text = ods_text("\t1.\tDecides.\n").replace("Agenda item 20", "Agenda item 20\nA lost line")
    with pytest.raises(InputError, match="unexpected text among the ODS markers"):
        parse_text(text, "lost.txt")


def test_meeting_without_date_is_refused():
    text = ods_text("\t1.\tDecides.\n").replace("21 December 2015\n[DU1]", "[DU1]")
    with pytest.raises(InputError, match="not followed by its date"):
        parse_text(text, "nodate.txt")
