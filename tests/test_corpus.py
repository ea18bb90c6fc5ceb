"""Every official PDF of the team's corpus (../shared/corpus/pdf, 205 resolutions of
2014-2025) read and parsed, and checked against the document itself:

- no PDF is refused, and the reader loses no character a page has;
- every word of the body (paragraphs, headings, tables, annexes) and of the footnotes is in
  the published JSON, in reading order, and no word of the page furniture is;
- operative paragraphs run 1..N without a gap, footnotes 1..M, each referenced;
- symbol (against INDEX.tsv), title (against the running head) and adoption date (against
  the closing meeting) are right.

Skipped, saying so, where ../shared is absent (a clone outside the team's machines).
"""

from __future__ import annotations

import csv
import re
from collections import Counter

import pypdfium2 as pdfium
import pytest

from generator import patterns as P
from generator.blocks import blocks_of
from generator.cache import LayoutCache
from generator.layout import SUPERSCRIPT, Layout
from generator.model import Heading, Resolution, Table, to_json
from generator.parse import parse
from generator.read import read_inputs

from .conftest import ROOT, SHARED

CORPUS = SHARED / "corpus" / "pdf"
FILES = sorted(CORPUS.glob("*.pdf")) if CORPUS.is_dir() else []
pytestmark = pytest.mark.skipif(not FILES, reason=f"the corpus of PDFs is not here ({CORPUS})")


@pytest.fixture(scope="module")
def corpus() -> dict[str, tuple[Layout, Resolution]]:
    """Every PDF read (on every core, through the project's cache) and parsed."""
    cache = LayoutCache(ROOT / ".cache" / "resolution-atlas")
    readings = read_inputs([(path, path.name) for path in FILES], cache)
    problems = [r for r in readings if not isinstance(r, Layout)]
    assert not problems, problems
    return {layout.name: (layout, parse(layout)) for layout in readings}


def names():
    return [path.name for path in FILES]


def test_every_pdf_parses(corpus):
    assert len(corpus) == len(FILES) == 205


def test_the_reader_keeps_every_character_of_every_page(corpus):
    """Per page, the characters PDFium finds (its own inferred spaces and line ends aside)
    are exactly the characters of the page's lines, furniture included."""
    for path in FILES[::7]:  # a seventh of the corpus: every layout, in a few seconds
        layout, _ = corpus[path.name]
        document = pdfium.PdfDocument(path)
        for number, page in enumerate(document, start=1):
            textpage = page.get_textpage()
            found: Counter[str] = Counter()
            for index in range(textpage.count_chars()):
                char = chr(pdfium.raw.FPDFText_GetUnicode(textpage.raw, index))
                if pdfium.raw.FPDFText_IsGenerated(textpage.raw, index) or char.isspace():
                    continue
                found["-" if char in "\x02\ufffe" else char] += 1
            ours = Counter(ch for line in layout.lines if line.page == number
                           for ch in line.text if not ch.isspace())
            assert ours == found, f"{path.name} page {number}: {(found - ours) or (ours - found)}"
        document.close()


def squashed(text: str) -> str:
    return "".join(text.split())


def expected_words(layout: Layout) -> tuple[str, str]:
    """The body and the footnotes as the page has them, whitespace aside: from the line after
    "The General Assembly" to the end, without furniture, the closing meeting lines and the
    raised digits of markers (the JSON keeps those as markers)."""
    body, notes = [], []
    started = after_closing = False
    for block in blocks_of(layout.lines):
        if block.role == "furniture":
            continue
        content = block.content
        text = "".join(ch for i, ch in enumerate(content.text)
                       if not (ch.isdigit() and content.style_at(i) & SUPERSCRIPT))
        if block.role == "note":
            notes.append(text)
        elif block.table is not None:
            table = block.table
            body += [c.text for row in (*table.header, *table.rows) for c in row]
            body += [n.text for n in table.notes]  # the reader's cells
        elif not started:
            started = bool(P.ASSEMBLY.match(block.text))
        elif closing := P.CLOSING.match(block.text):
            after_closing = not closing["date"]
        elif after_closing and (re.fullmatch(P.DATE, block.text)
                                or P.LOOSE_DATE.fullmatch(block.text)):
            after_closing = False
        elif not P.ASSEMBLY.match(block.text):
            body.append(text)
    return squashed(" ".join(body)), squashed(" ".join(notes))


def published_words(data: dict) -> tuple[str, str]:
    """The same from the published JSON, in its reading order ("order")."""
    items = {x["id"]: x for x in (*data.get("headings", []), *data.get("tables", []),
                                  *data["paragraphs"])}
    body = []
    for key in data["order"]:
        item = items[key]
        if "rows" in item:
            body += [c["text"] for row in (*item["header"], *item["rows"]) for c in row]
            body += item["notes"]
        elif "kind" in item:
            body.append(item.get("label", "") + item["text"])
        else:
            body.append(item["label"] + item["title"])
    notes = data.get("notes", []) + [f["text"] for f in data["footnotes"]]
    return squashed(" ".join(body)), squashed(" ".join(notes))


@pytest.mark.parametrize("name", names())
def test_every_word_is_published_in_reading_order(corpus, name):
    layout, resolution = corpus[name]
    data = to_json(resolution)
    expected_body, expected_notes = expected_words(layout)
    body, notes = published_words(data)
    assert body == expected_body, _first_difference(expected_body, body)
    assert notes == expected_notes, _first_difference(expected_notes, notes)
    # The footers' own tokens (job number, barcode, "2/15") never reach the text. (Running
    # heads are not checked word by word: they repeat the title, which the text may quote.)
    footer = {value for line in layout.lines if line.rule == "footer"
              for kind, value in line.facts if kind in ("job", "barcode", "page")}
    for text in [p["text"] for p in data["paragraphs"]] + [f["text"] for f in data["footnotes"]]:
        assert not any(re.search(rf"(?<![\w/]){re.escape(f)}(?![\w/])", text) for f in footer
                       if f != "1/1"), text
        assert not re.search(r"[\x00-\x1f\x7f\ufffd]", text), text


def _first_difference(expected: str, found: str) -> str:
    at = next((i for i, (a, b) in enumerate(zip(expected, found, strict=False)) if a != b),
              min(len(expected), len(found)))
    return f"at {at}: expected …{expected[max(0, at - 60):at + 60]}…\n found …" \
           f"{found[max(0, at - 60):at + 60]}…"


@pytest.mark.parametrize("name", names())
def test_numbering_runs_without_gaps(corpus, name):
    _, r = corpus[name]
    for part in [p.letter for p in r.parts] or [None]:
        operative = [p.number for p in r.paragraphs
                     if p.kind == "operative" and p.depth == 0 and p.part == part]
        assert operative == list(range(1, len(operative) + 1)), operative
    assert [f.number for f in r.footnotes] == list(range(1, len(r.footnotes) + 1))
    referenced = {n for p in r.paragraphs for n in p.footnotes}
    assert referenced == set(range(1, len(r.footnotes) + 1))


def test_symbol_title_and_date_are_right(corpus):
    with (CORPUS / "INDEX.tsv").open(encoding="utf-8") as index:
        symbols = {row["file"]: row["symbol"] for row in csv.DictReader(index, delimiter="\t")}
    for name, (layout, r) in corpus.items():
        assert r.symbol == symbols[name], name
        running = layout.facts.get("running_title")
        if running:  # the running head of later pages repeats the title
            assert " ".join(r.title.split()) == " ".join(running.split()), name
        assert r.adopted == (r.parts[-1].meeting if r.parts else r.meeting).date, name


def test_the_known_doubts_of_the_corpus_are_reported(corpus):
    """The corpus's own printing slips are kept as printed and reported, nothing more."""
    notices = {name: [n.message for n in r.notices] for name, (_, r) in corpus.items()
               if r.notices}
    assert notices == {
        "A-RES-79-160.pdf": [
            "paragraph 26 is printed without a full stop after its number",
            "paragraph 27 is printed without a full stop after its number"],
        "A-RES-79-85.pdf": ["the meeting date is printed '4 December2024'"],
    }


def test_headings_and_tables_stand_in_the_reading_order(corpus):
    _, r = corpus["A-RES-80-239.pdf"]
    order = [x.id for x in r.reading_order() if isinstance(x, Heading | Table)]
    assert order == ["annex-i", "table-1", "annex-ii", "table-2"]  # two annexes, two tables
    assert [c.text for c in r.tables[0].header[1]] == ["", "(United States dollars)"]
    assert r.tables[0].header[1][1].span == 2  # one heading over both columns of figures
