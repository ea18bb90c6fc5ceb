"""Never drop silently: every line a reader sets aside as furniture (running heads, page
numbers, job numbers, barcodes, ODS markers, rules) matches one exact rule, and a line that
merely begins like furniture keeps its words or is reported.

For each rule: the exact line is furniture (kept by the reader with the rule's name, its
words in no paragraph); the same line with a word glued to it or after it gives that word
to the text, or a warning or an ``InputError`` that quotes it, never nothing. Text exports
first (their trailer and their body), then the PDF's rules, on pages typeset by
``tests/pdfbuild.py``.
"""

from __future__ import annotations

import pytest

from generator.errors import InputError
from generator.parse import parse
from generator.pdf import _Line, read_pdf
from generator.pdf_furniture import Furniture
from generator.read import decode
from generator.text_export import read_text_export

from .conftest import SOURCE_DIR
from .mutations import edit_streams, pdf_specs
from .pdfbuild import build_pdf

SEED = (SOURCE_DIR / "A-RES-64-187.txt").read_text(encoding="utf-8")
WORD = "Droppedword"
TITLE = "Paragraphs and footnotes that run on over a page"  # the running title of across-pages


def fate(text: str, word: str = WORD) -> str:
    """What became of ``word``: "kept" in a paragraph or footnote, "reported" in a warning or
    the error that refused the file, or "dropped"."""
    try:
        resolution = parse(read_text_export(decode(text.encode("utf-8"), "a.txt")))
    except InputError as error:
        return "reported" if word in str(error) else f"refused without it: {error}"
    texts = [p.text for p in resolution.paragraphs] + [f.text for f in resolution.footnotes]
    if any(word in text for text in texts):
        return "kept"
    if any(word in notice.message for notice in resolution.notices):
        return "reported"
    return "dropped"


def furniture_rules(text: str) -> dict[str, str]:
    """The furniture lines of a text export: their text, and the rule that took each."""
    layout = read_text_export(decode(text.encode("utf-8"), "a.txt"))
    return {line.text: line.rule for line in layout.lines if line.role == "furniture"}


def in_trailer(line: str) -> str:
    """The seed with ``line`` among its page furniture, after the distribution lines."""
    return SEED.replace("Agenda item 50\n", f"Agenda item 50\n{line}\n", 1)


def in_body(line: str) -> str:
    """The seed with ``line`` as a line of its own after the first operative paragraph."""
    anchor = "\t2.\t"
    return SEED.replace(anchor, f"{line}\n{anchor}", 1)


# --- Text exports: each rule, exact ------------------------------------------------------------


@pytest.mark.parametrize(("line", "rule"), [
    ("[DU1]<<ODS JOB NO>>N0947305E<<ODS JOB NO>>", "ods-marker"),
    ("<<ODS DOC SYMBOL1>>A/RES/64/187<<ODS DOC SYMBOL1>>", "ods-marker"),
    ("_______________", "rule"),
    ("---------------", "rule"),
    ("3", "page-number"),
    ("09-47305", "job-number"),
    ("*0947305*", "barcode"),
    ("A/RES/64/187", "running-head"),
])
def test_the_seeds_furniture_each_by_its_rule(line, rule):
    assert furniture_rules(SEED)[line] == rule


@pytest.mark.parametrize(("line", "rule"), [
    ("7", "page-number"),
    ("09-47305 (E)", "job-number"),
    ("*0947305*", "barcode"),
    ("A/RES/64/187", "running-head"),
    ("[DU1]", "ods-marker"),
])
def test_an_exact_furniture_line_in_the_trailer_is_set_aside(line, rule):
    assert furniture_rules(in_trailer(line))[line] == rule


# --- Text exports: the same lines with words -------------------------------------------------


GLUED = [
    "A/RES/64/187" + WORD,  # a body line glued to a running head
    "A/RES/64/187 " + WORD,
    "Page 3" + WORD,
    "3" + WORD,
    "3 " + WORD,
    "09-47389" + WORD,
    "09-47305 (E) " + WORD,  # a job number line with trailing words
    "*0947305*" + WORD,
    "_______________" + WORD,
    "[DU1]" + WORD,
    "<<ODS JOB NO>>N0947305E<<ODS JOB NO>>" + WORD,
]


@pytest.mark.parametrize("line", GLUED)
def test_a_line_that_begins_like_furniture_in_the_trailer_is_reported(line):
    assert fate(in_trailer(line)) == "reported"


@pytest.mark.parametrize("line", GLUED)
def test_a_line_that_begins_like_furniture_in_the_body_keeps_its_words(line):
    assert fate(in_body(line)) in ("kept", "reported")


def test_words_glued_after_the_masthead_are_reported():
    masthead = "United NationsA/RES/64/187General AssemblyDistr.: General"
    assert fate(SEED.replace(masthead, masthead + " " + WORD)) == "reported"


def test_an_ods_marker_inside_a_paragraph_does_not_make_the_rest_a_trailer():
    """The trailer starts at a line made only of markers: a line of the text that merely
    holds one leaves the lines after it text ("2005" a paragraph's wrapped last line, not
    a page number)."""
    first = next(line for line in SEED.split("\n") if line.startswith("\t1.\t"))
    text = SEED.replace(first, first + " <<ODS JOB NO>>N1<<ODS JOB NO>>\n2005", 1)
    assert "2005" not in furniture_rules(text)
    assert fate(text, "2005") in ("kept", "reported")


# --- PDFs --------------------------------------------------------------------------------------


def typeset(old: str = "", new: str = "", fixture: str = "across-pages") -> bytes:
    spec = dict(pdf_specs())[fixture]
    assert old in spec
    return build_pdf(spec.replace(old, new, 1))


def pdf_fate(data: bytes, word: str = WORD) -> str:
    layout = read_pdf(data, "a.pdf")
    if any(word in line.text for line in layout.lines if line.role != "furniture"):
        return "kept"
    if any(word in message for _, message in layout.warnings):
        return "reported"
    return "dropped"


def pdf_rules(data: bytes) -> dict[str, set[str]]:
    rules: dict[str, set[str]] = {}
    for line in read_pdf(data, "a.pdf").lines:
        if line.role == "furniture":
            rules.setdefault(line.rule, set()).add(line.text)
    return rules


def test_the_pdf_furniture_each_by_its_rule():
    rules = pdf_rules(typeset())
    assert rules["running-head"] == {"A/RES/70/903 " + TITLE}
    assert {"footer", "footnote-rule"} <= set(rules)
    assert all(text.strip("_") == "" for text in rules["footnote-rule"])


def _hex(text: str) -> bytes:
    return text.encode("latin-1").hex().upper().encode()


def with_one_head(fixture: str, title: str, new: str) -> bytes:
    """The fixture typeset, the running title of its first running head (page 2) printed
    as ``new``: the other pages' heads as they were."""
    done = []

    def edit(stream: bytes) -> bytes:
        old = b"<" + _hex(title) + b">"
        if done or old not in stream:
            return stream
        done.append(True)
        return stream.replace(old, b"<" + _hex(new) + b">", 1)

    return edit_streams(typeset(fixture=fixture), edit)


@pytest.mark.parametrize("new", [
    TITLE + " " + WORD,  # a word after the running title, on one page
    WORD + " " + TITLE,
    TITLE + WORD,
])
def test_a_running_head_with_extra_words_keeps_them(new):
    data = with_one_head("across-pages", TITLE, new)
    assert pdf_fate(data) in ("kept", "reported")


@pytest.mark.parametrize(("text", "furniture"), [
    ("A/RES/70/903 " + TITLE, True),
    ("A/RES/70/903", True),
    ("A/RES/70/903 Paragraphs and footnotes", True),  # the title over two lines: its first
    ("that run on over a page", True),                # and its second
    ("A/RES/70/903 otes that ru", False),  # parts of words: not the running title's words
    ("A/RES/70/903 " + TITLE + " " + WORD, False),
    ("A/RES/70/903" + WORD, False),
])
def test_a_running_head_is_the_symbol_and_whole_words_of_the_title(text, furniture):
    rules = Furniture("A/RES/70/903", 3, [792.0] * 3, TITLE, "15-44903")
    line = _Line([], 760.0, 8.5, 2, text)
    assert (rules.judge(line) is not None) == furniture


@pytest.mark.parametrize("footer", ["2/3 15-44903 " + WORD, "2/3 15-44903" + WORD,
                                    WORD + " 2/3 15-44903", "2/3 " + WORD + " 15-44903"])
def test_a_footer_with_extra_words_keeps_them(footer):
    done = []

    def edit(stream: bytes) -> bytes:
        old = b"<" + _hex("2/3 15-44903") + b">"
        if done or old not in stream:
            return stream
        done.append(True)
        return stream.replace(old, b"<" + _hex(footer) + b">", 1)

    data = edit_streams(typeset(), edit)
    assert done
    assert pdf_fate(data) in ("kept", "reported")
