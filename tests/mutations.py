"""Damaged inputs for the fuzz tests: the seeds and fixtures, mutated as files get damaged.

One set of mutations serves both fuzzers: ``tests/test_fuzz.py`` draws them through
Hypothesis (which shrinks a failure to its smallest case) and ``benchmarks/fuzz.py`` through
a seeded ``random.Random`` (many more inputs, no shrinking). Every choice goes through a
``Chooser``, so the same code makes an input from either source of choices.

What an input may suffer, as files do: lines deleted, duplicated, swapped, moved (a header
line after the title), glued or split; characters replaced or inserted (control, bidi and
zero-width characters, NUL, CR, form feed); numbers changed (impossible dates, numbering
that jumps); tokens of the format itself put where they do not belong (ODS markers, running
heads, a resolution citing itself); truncation; another encoding (Latin-1, UTF-16 with and
without BOM, a UTF-8 BOM, bytes that are no UTF-8). A PDF: truncated, bytes corrupted (in
its compressed streams too, recompressed so the damage reaches the text), encrypted, pages
dropped, blanked or left with no text; and PDFs typeset by ``tests/pdfbuild.py`` from
fixture markup that was itself mutated, so every construct reaches the parser damaged.

``attempt`` is the property both fuzzers check: reading and parsing (and linking, as
``python -m generator parse`` does) either succeeds or raises ``InputError`` naming the file;
anything else is a crash.
"""

from __future__ import annotations

import codecs
import ctypes
import io
import re
import zlib
from collections.abc import Callable, Sequence
from functools import cache
from pathlib import Path
from random import Random
from typing import Protocol, TypeVar

import pypdfium2 as pdfium

from generator.data import load_data
from generator.errors import InputError
from generator.link import link_corpus
from generator.parse import parse
from generator.pdf import read_pdf
from generator.pipeline import DEFAULT_DATA_DIR
from generator.read import decode, is_pdf
from generator.text_export import read_text_export

from .pdfbuild import build_pdf

ROOT = Path(__file__).resolve().parent.parent
T = TypeVar("T")


class Chooser(Protocol):
    """Where a mutation's choices come from: Hypothesis, or a seeded random generator."""

    def integer(self, low: int, high: int) -> int: ...


class RandomChooser:
    """Choices from ``random.Random``: the long run of ``benchmarks/fuzz.py``."""

    def __init__(self, rng: Random) -> None:
        self.rng = rng

    def integer(self, low: int, high: int) -> int:
        return self.rng.randint(low, high)


def choice(chooser: Chooser, items: Sequence[T]) -> T:
    return items[chooser.integer(0, len(items) - 1)]


# --- Seeds ------------------------------------------------------------------------------------


@cache
def text_seeds() -> tuple[tuple[str, bytes], ...]:
    """The text exports: the two seeds and the text fixtures."""
    paths = sorted((ROOT / "source_texts").glob("*.txt")) + sorted(
        (ROOT / "tests/fixtures/text").glob("*.txt"))
    return tuple((p.name, p.read_bytes()) for p in paths)


@cache
def pdf_specs() -> tuple[tuple[str, str], ...]:
    """The PDF fixtures' markup, which ``pdfbuild`` typesets."""
    paths = sorted((ROOT / "tests/fixtures/pdf").glob("*.txt"))
    return tuple((p.stem, p.read_text(encoding="utf-8")) for p in paths)


@cache
def pdf_seeds() -> tuple[tuple[str, bytes], ...]:
    """The official PDFs of ``source_texts/`` and the fixtures typeset."""
    official = [(p.name, p.read_bytes()) for p in sorted((ROOT / "source_texts").glob("*.pdf"))]
    built = [(f"{name}.pdf", build_pdf(spec)) for name, spec in pdf_specs()]
    return tuple(official + built)


# --- Text mutations ---------------------------------------------------------------------------

# Characters that damage a line: controls and format characters a text may pick up, bidi
# overrides, zero-width spaces, and the characters the format itself gives meaning to.
NASTY = ("\x00", "\r", "\x0c", "\x0b", "\x1b", "\x7f", "\u202e", "\u202d", "\u200b", "\u200f",
         "\ufeff", "\u00a0", "\u2028", "\ufffd", "\t", " ", "\n", ".", "/", "-", "*", "(", ")",
         "[", "]", "<", ">", "<<", "0", "1", "9", "A", "a", "\u0663", "\U0001d7d9", "é", "\u0301")

# Pieces of the format put where they do not belong: ODS markers, furniture, labels, dates,
# a resolution citing itself, header lines.
TOKENS = (
    "[DU1]", "<<ODS JOB NO>>", "<<ODS JOB NO>>N0947305E<<ODS JOB NO>>",
    "<<ODS DOC SYMBOL1>>A/RES/64/187<<ODS DOC SYMBOL1>>", "A/RES/64/187", "A/RES/66/184",
    "64/187", "resolution 64/187", "resolutions 64/187 and 66/184 of 21 December 2009",
    "paragraph 3 above", "paragraphs 2 to 999 of the present resolution",
    "paragraphs 1 and 2 of its resolution 64/187", "1/", "12/3456", "Page 3", "2/15",
    "09-47389", "09-47305 (E)", "*0947305*", "____", "-----", "1.", "(a)", "(ii)", "I.",
    "A.", "Annex", "Annex II", "80th plenary meeting", "0 December 2009", "99 December 2009",
    "21 December 0000", "30 February 2010", "21 December 2009", "The General Assembly,",
    "Resolution adopted by the General Assembly on 21 December 2009",
    "[on the report of the Second Committee (A/64/417)]",
    "[without reference to a Main Committee (A/64/L.38)]", "64/187.\tA title",
    "United NationsA/RES/64/187General AssemblyDistr.: General", "Agenda item 50",
    "9 February 2010Sixty-fourth session", "Original: English", "\t", "\t\t", "999",
)

Lines = list[str]


def _line_index(chooser: Chooser, lines: Lines) -> int:
    return chooser.integer(0, max(len(lines) - 1, 0))


def delete_line(chooser: Chooser, lines: Lines) -> Lines:
    if lines:
        del lines[_line_index(chooser, lines)]
    return lines


def duplicate_line(chooser: Chooser, lines: Lines) -> Lines:
    if lines:
        index = _line_index(chooser, lines)
        lines.insert(index, lines[index])
    return lines


def swap_lines(chooser: Chooser, lines: Lines) -> Lines:
    if len(lines) > 1:
        a, b = _line_index(chooser, lines), _line_index(chooser, lines)
        lines[a], lines[b] = lines[b], lines[a]
    return lines


def move_line(chooser: Chooser, lines: Lines) -> Lines:
    """A line put elsewhere: the adoption line after the title, a footnote in the body."""
    if len(lines) > 1:
        line = lines.pop(_line_index(chooser, lines))
        lines.insert(_line_index(chooser, lines), line)
    return lines


def glue_lines(chooser: Chooser, lines: Lines) -> Lines:
    """Two lines as one: "A/RES/64/187Droppedword", a paragraph glued to a running head."""
    if len(lines) > 1:
        index = chooser.integer(0, len(lines) - 2)
        lines[index:index + 2] = [lines[index] + lines[index + 1]]
    return lines


def split_line(chooser: Chooser, lines: Lines) -> Lines:
    if lines:
        index = _line_index(chooser, lines)
        line = lines[index]
        at = chooser.integer(0, len(line))
        lines[index:index + 1] = [line[:at], line[at:]]
    return lines


def _at(chooser: Chooser, lines: Lines) -> tuple[int, int]:
    index = _line_index(chooser, lines)
    return index, chooser.integer(0, len(lines[index]))


def replace_char(chooser: Chooser, lines: Lines) -> Lines:
    if lines:
        index, at = _at(chooser, lines)
        line = lines[index]
        lines[index] = line[:at] + choice(chooser, NASTY) + line[at + 1:]
    return lines


def insert_char(chooser: Chooser, lines: Lines) -> Lines:
    if lines:
        index, at = _at(chooser, lines)
        line = lines[index]
        lines[index] = line[:at] + choice(chooser, NASTY) * chooser.integer(1, 3) + line[at:]
    return lines


def insert_token(chooser: Chooser, lines: Lines) -> Lines:
    """A piece of the format where it does not belong, inside a line or as a line."""
    if not lines:
        return [choice(chooser, TOKENS)]
    index, at = _at(chooser, lines)
    token = choice(chooser, TOKENS)
    if chooser.integer(0, 1):
        lines.insert(index, token)
    else:
        line = lines[index]
        lines[index] = line[:at] + token + line[at:]
    return lines


_NUMBER = re.compile(r"\d+")
NUMBERS = ("0", "00", "0000", "1", "2", "3", "9", "10", "31", "32", "99", "100", "999",
           "1000", "9999", "65535", "99999999999999999999")


def change_number(chooser: Chooser, lines: Lines) -> Lines:
    """A number made another: "0 December 2009", year 0000, paragraph 3 after 1."""
    if not lines:
        return lines
    index = _line_index(chooser, lines)
    found = list(_NUMBER.finditer(lines[index]))
    if found:
        match = choice(chooser, found)
        line = lines[index]
        lines[index] = line[:match.start()] + choice(chooser, NUMBERS) + line[match.end():]
    return lines


def grow_line(chooser: Chooser, lines: Lines) -> Lines:
    """A line made long: a character or a word repeated some thousand times."""
    if lines:
        index, at = _at(chooser, lines)
        piece = choice(chooser, (" ", "\t", "1", "a", "1/", " 1", "word ", "(a) "))
        line = lines[index]
        lines[index] = line[:at] + piece * chooser.integer(100, 2000) + line[at:]
    return lines


def truncate_lines(chooser: Chooser, lines: Lines) -> Lines:
    return lines[:chooser.integer(0, len(lines))]


LINE_MUTATIONS: tuple[Callable[[Chooser, Lines], Lines], ...] = (
    delete_line, duplicate_line, swap_lines, move_line, glue_lines, split_line, replace_char,
    insert_char, insert_token, change_number, grow_line, truncate_lines,
)


def mutate_lines(chooser: Chooser, text: str, most: int = 4) -> str:
    lines = text.split("\n")
    for _ in range(chooser.integer(1, most)):
        lines = choice(chooser, LINE_MUTATIONS)(chooser, lines)
    return "\n".join(lines)


def encode(chooser: Chooser, text: str) -> bytes:
    """The text as bytes, mostly UTF-8, sometimes in another encoding or with bad bytes."""
    how = chooser.integer(0, 9)
    if how == 0:
        return text.encode("latin-1", "replace")
    if how == 1:
        return text.encode("utf-16")  # with its BOM
    if how == 2:
        return text.encode("utf-16-le")  # without
    if how == 3:
        return codecs.BOM_UTF8 + text.encode("utf-8", "surrogatepass")
    data = text.encode("utf-8", "surrogatepass")
    if how == 4 and data:
        at = chooser.integer(0, len(data))
        bad = choice(chooser, (b"\xff", b"\xc3", b"\x81", b"\xe2\x80", b"\xed\xa0\x80", b"\x00"))
        return data[:at] + bad + data[at:]
    if how == 5:
        return data[:chooser.integer(0, len(data))]  # cut, perhaps inside a character
    return data


def text_input(chooser: Chooser) -> tuple[str, bytes]:
    """A text export, mutated: (name, bytes)."""
    name, data = choice(chooser, text_seeds())
    text = data.decode("utf-8")
    return f"{name}~", encode(chooser, mutate_lines(chooser, text))


# --- PDF mutations ----------------------------------------------------------------------------


def truncate(chooser: Chooser, data: bytes) -> bytes:
    return data[:chooser.integer(0, len(data))]


def corrupt_bytes(chooser: Chooser, data: bytes) -> bytes:
    out = bytearray(data)
    for _ in range(chooser.integer(1, 8)):
        if out:
            out[chooser.integer(0, len(out) - 1)] = chooser.integer(0, 255)
    return bytes(out)


_STREAM = re.compile(rb"/Filter\s*/FlateDecode[^>]*>>\s*stream\r?\n", re.S)


def corrupt_stream(chooser: Chooser, data: bytes) -> bytes:
    """Damage inside a compressed stream that still decompresses: the page's text operators,
    fonts or positions go wrong while the file stays whole (its /Length is left as it was,
    which readers recover from)."""
    found = list(_STREAM.finditer(data))
    if not found:
        return corrupt_bytes(chooser, data)
    match = choice(chooser, found)
    end = data.find(b"endstream", match.end())
    if end < 0:
        return corrupt_bytes(chooser, data)
    try:
        plain = zlib.decompress(data[match.end():end].rstrip(b"\r\n"))
    except zlib.error:
        return corrupt_bytes(chooser, data)
    plain = corrupt_bytes(chooser, plain) if chooser.integer(0, 1) else _change_numbers(
        chooser, plain)
    return data[:match.end()] + zlib.compress(plain) + b"\r\n" + data[end:]


def edit_streams(data: bytes, edit: Callable[[bytes], bytes]) -> bytes:
    """``data`` with ``edit`` applied to every compressed stream, each recompressed with its
    /Length (as ``pdfbuild`` writes them: ``/Filter/FlateDecode/Length N>>stream``)."""
    out: list[bytes] = []
    position = 0
    for match in re.finditer(rb"/Filter/FlateDecode/Length (\d+)>>stream\r\n", data):
        length = int(match[1])
        stream = zlib.compress(edit(zlib.decompress(data[match.end():match.end() + length])))
        out += [data[position:match.start()],
                b"/Filter/FlateDecode/Length %d>>stream\r\n" % len(stream), stream]
        position = match.end() + length
    return b"".join([*out, data[position:]])


def _change_numbers(chooser: Chooser, plain: bytes) -> bytes:
    """Numbers of a content stream made others: glyphs moved, sizes changed."""
    found = list(re.finditer(rb"-?\d+(?:\.\d+)?", plain))
    out = plain
    for _ in range(chooser.integer(1, 6)):
        if not found:
            break
        match = choice(chooser, found)
        number = choice(chooser, (b"0", b"-1", b"1e9", b"100000", b"0.001", b"-792", b"9999"))
        out = out[:match.start()] + number + out[match.end():]
        found = list(re.finditer(rb"-?\d+(?:\.\d+)?", out))
    return out


def encrypted(data: bytes) -> bytes:
    """``data`` with a Standard security handler whose empty password does not open it,
    added as an incremental update (PDFium writes no encrypted files itself)."""
    start = int(re.findall(rb"startxref\s+(\d+)", data)[-1])
    size = int(re.findall(rb"/Size (\d+)", data)[-1])
    root = re.findall(rb"/Root (\d+ \d+ R)", data)[-1]
    ident = re.findall(rb"/ID\s*\[<([0-9A-F]+)>", data)[-1]
    obj = (b"%d 0 obj\n<< /Filter /Standard /V 1 /R 2 /O <%s> /U <%s> /P -4 >>\nendobj\n"
           % (size, b"A1" * 32, b"B2" * 32))
    xref = b"xref\n%d 1\n%010d 00000 n \n" % (size, len(data))
    trailer = (b"trailer\n<< /Size %d /Root %s /Prev %d /Encrypt %d 0 R /ID [<%s><%s>] >>\n"
               b"startxref\n%d\n%%%%EOF\n" % (size + 1, root, start, size, ident, ident,
                                              len(data) + len(obj)))
    return data + obj + xref + trailer


def _encrypt(chooser: Chooser, data: bytes) -> bytes:
    try:
        return encrypted(data)
    except (IndexError, ValueError):  # no trailer left to extend: damage it otherwise
        return truncate(chooser, data)


def saved(document: pdfium.PdfDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def reshape_pages(chooser: Chooser, data: bytes) -> bytes:
    """Pages dropped, blank pages or pages with only an image added, pages reordered: a
    file that is whole but whose pages say less than a resolution's."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        return data
    try:
        how = chooser.integer(0, 4)
        count = len(document)
        if how == 0 and count:
            for _ in range(chooser.integer(1, count)):
                if len(document):
                    del document[chooser.integer(0, len(document) - 1)]
        elif how == 1:
            document.new_page(612, 792).close()  # a blank page at the end
        elif how == 2:
            page = document.new_page(612, 792, index=chooser.integer(0, count))
            _add_image(document, page)
            page.close()
        elif how == 3 and count > 1:
            pages = (ctypes.c_int * 1)(chooser.integer(0, count - 1))
            pdfium.raw.FPDF_MovePages(document.raw, pages, 1, chooser.integer(0, count - 1))
        else:
            return image_only(chooser.integer(0, 3))
        return saved(document)
    finally:
        document.close()


def _add_image(document: pdfium.PdfDocument, page: pdfium.PdfPage) -> None:
    """A grey image over the page: what a scanned page is to a text reader."""
    bitmap = pdfium.PdfBitmap.new_native(20, 20, pdfium.raw.FPDFBitmap_BGR)
    bitmap.fill_rect((128, 128, 128, 255), 0, 0, 20, 20)
    image = pdfium.PdfImage.new(document)
    image.set_bitmap(bitmap)
    image.set_matrix(pdfium.PdfMatrix().scale(500, 700).translate(50, 50))
    page.insert_obj(image)
    page.gen_content()


def image_only(pages: int) -> bytes:
    """A PDF of ``pages`` pages that hold an image and no text (zero pages when 0)."""
    document = pdfium.PdfDocument.new()
    for _ in range(pages):
        page = document.new_page(612, 792)
        _add_image(document, page)
        page.close()
    try:
        return saved(document)
    finally:
        document.close()


PDF_MUTATIONS: tuple[Callable[[Chooser, bytes], bytes], ...] = (
    truncate, corrupt_bytes, corrupt_stream, corrupt_stream, _encrypt, reshape_pages,
)


def pdf_input(chooser: Chooser) -> tuple[str, bytes]:
    """A PDF, damaged: (name, bytes)."""
    name, data = choice(chooser, pdf_seeds())
    for _ in range(chooser.integer(1, 2)):
        data = choice(chooser, PDF_MUTATIONS)(chooser, data)
    return f"{name}~", data


def built_pdf_input(chooser: Chooser) -> tuple[str, bytes] | None:
    """A fixture's markup mutated, then typeset: damage at the level of lines and words.
    None when the mutated markup is more than ``pdfbuild`` can typeset."""
    name, spec = choice(chooser, pdf_specs())
    head, _, body = spec.partition("\n---\n")
    source = head + "\n---\n" + mutate_lines(chooser, body)
    try:
        return f"{name}~.pdf", build_pdf(source)
    except Exception:  # the test typesetter's own limits, not the reader's
        return None


def any_input(chooser: Chooser) -> tuple[str, bytes] | None:
    """One damaged input of any kind: mostly text exports, which are cheap to read."""
    kind = chooser.integer(0, 9)
    if kind < 6:
        return text_input(chooser)
    if kind < 8:
        return built_pdf_input(chooser)
    return pdf_input(chooser)


# --- The property -----------------------------------------------------------------------------


@cache
def _data():
    return load_data(DEFAULT_DATA_DIR)


def attempt(data: bytes, name: str) -> InputError | None:
    """Read, parse and link one input as ``python -m generator parse`` does (the reading
    of ``read.read_input``, without its cache): None when it
    becomes a resolution, the ``InputError`` when it is refused. Any other exception is
    raised: that is a crash. An ``InputError`` that does not name the file is one too."""
    try:
        layout = read_pdf(data, name) if is_pdf(data) else read_text_export(decode(data, name))
        resolution = parse(layout)
        link_corpus([resolution], _data())
    except InputError as error:
        if error.problem.file != name or not str(error).startswith(name):
            raise AssertionError(f"an InputError that does not name {name}: {error}") from error
        return error
    return None
