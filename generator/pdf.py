"""Read stage for official PDFs: the characters of every page -> one ``layout.Layout``.

Why pypdfium2: PDFium (Chrome's PDF engine, BSD-licensed, through the Apache/BSD pypdfium2
binding) reads a page's characters with their positions, sizes and fonts in about 3 ms a page;
pdfplumber (pdfminer) takes about 130 ms for the same page, and the record has some 150,000
pages. Its own plain text is not used: it inserts a space wherever two glyphs stand a little
apart ("Deve lopment", "a nd"), so words are built here from the glyphs themselves.

How a page becomes lines, each step using what the page knows rather than guessing:

1. Glyphs: every character with its origin (baseline position), size, font (italic, bold,
   barcode) and whether PDFium generated it (spaces it infers, line ends). The calls go to
   PDFium through bare ``ctypes`` prototypes: with their argument types unchecked they cost
   half as much, and a page has thousands of characters.
2. Lines: glyphs on one baseline form a line; a smaller glyph raised above a line's baseline
   is a superscript of that line (a footnote marker), never a line of its own.
3. Words: a space stands where the PDF has a space character, or where PDFium inferred one
   and the gap is a real word space: at least ``WORD_SPACE_RATIO`` of the line's own word
   spacing (justified lines stretch it), or of ``WORD_SPACE`` em when the line has no space
   characters at all. The gaps PDFium turns into spaces inside words ("Deve lopment") are
   kerning, an eighth of an em.
4. Zones: on every page, the lines above the body (running heads), below it (page numbers,
   job numbers, barcodes) and the footnote rule are furniture, recognised by exact rules and
   kept with the facts they carry; the lines under the footnote rule are footnotes. A line
   in a furniture band that no rule explains keeps its words and is reported.
5. Blocks: a line starts a paragraph when it is indented from the text margin, when more
   space than a line's stands above it, or when it opens a page after a short last line.
6. Tables (``pdf_tables``): a run of lines set smaller than the running text, in columns,
   becomes one ``Table``.

Link annotations are kept on the lines whose words they cover: the PDF's own citation links.
"""

from __future__ import annotations

import ctypes
import itertools
import math
import re
import statistics
from bisect import bisect_right, insort
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field

import pypdfium2 as pdfium
import pypdfium2.raw as raw

from .errors import InputError
from .layout import BOLD, ITALIC, SUPERSCRIPT, Layout, Line, Link, Table
from .pdf_furniture import Furniture
from .pdf_tables import table_of, table_runs

WORD_SPACE = 0.165  # em: the least gap that is a word space on a line without space characters
WORD_SPACE_RATIO = 0.6  # of the line's own word spacing: the least inferred gap that is a space
CLEAR_SPACE = 0.3  # em: an inferred gap this wide is a space whatever the line's spacing
SUPERSCRIPT_SIZE = 0.8  # a glyph this much smaller than its line, and raised, is a superscript
SUPERSCRIPT_RISE = 0.15  # em of the line: how far above the baseline a superscript stands
SAME_BASELINE = 0.3  # em: glyphs this close vertically stand on one line
PARAGRAPH_GAP = 1.45  # em: more space than this above a line (baseline to baseline) parts blocks
INDENT = 8.0  # points right of the text margin that make a line indented
SHORT_LINE = 12.0  # points short of the text's right edge that make a line a paragraph's last
CELL_GAP = 1.2  # em: a gap this wide inside a line parts table cells
MIN_SIZE, MAX_SIZE = 0.5, 2000.0  # points: the sizes a glyph is measured in (_usable_size)

# A paragraph's label at the start of a line: "73. ", "(b) ", "(iv) ".
_LABEL_START = re.compile(r"(?:\d{1,3}\.|\((?:[a-z]{1,2}|[ivxlc]{1,6})\))\s")

def _bare(function, result):
    """PDFium's ``function`` without the argument checks of its binding: called thousands
    of times a page, it costs half as much. Pointers must be passed as ``c_void_p``."""
    return ctypes.CFUNCTYPE(result)(ctypes.cast(function, ctypes.c_void_p).value)


# What PDFium reports for a character.
_CHAR_ORIGIN = _bare(raw.FPDFText_GetCharOrigin, ctypes.c_int)
_FONT_SIZE = _bare(raw.FPDFText_GetFontSize, ctypes.c_double)
_TEXT_OBJECT = _bare(raw.FPDFText_GetTextObject, ctypes.c_void_p)
_IS_GENERATED = _bare(raw.FPDFText_IsGenerated, ctypes.c_int)
_UNICODE = _bare(raw.FPDFText_GetUnicode, ctypes.c_uint)
_IS_HYPHEN = _bare(raw.FPDFText_IsHyphen, ctypes.c_int)


@dataclass(slots=True)
class Glyph:
    """One character on a page: what it is, where its origin stands, how it is set."""

    char: str
    x: float  # origin: left end of the glyph's advance
    y: float  # baseline
    size: float
    font: int  # flags: ITALIC, BOLD; BARCODE for the barcode font
    generated: bool  # inferred by PDFium (a space at a gap), not in the PDF


BARCODE = 8  # a font flag of ours: the "Barcode 3 of 9" font of the job-number barcode


@dataclass(slots=True)
class _Line:
    """Glyphs of one line, left to right, with the line's own measures."""

    glyphs: list[Glyph]
    y: float  # baseline of the main glyphs
    size: float  # the size most of its glyphs are set in
    page: int
    text: str = ""
    styles: bytearray = field(default_factory=bytearray)
    xs: list[float] = field(default_factory=list)  # each character's left position
    right: float = 0.0  # where the last glyph ends
    links: list[Link] = field(default_factory=list)
    bold: bool = False  # every letter and digit is bold
    solid: list[float] = field(default_factory=list)  # x of each glyph but spaces, sorted

    @property
    def x(self) -> float:
        return next((g.x for g in self.glyphs if not g.char.isspace()), self.glyphs[0].x)


# --- Opening ---------------------------------------------------------------------------------


def open_pdf(data: bytes, name: str) -> pdfium.PdfDocument:
    """The document, or an ``InputError`` that says why it cannot be read."""
    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError:
        raise InputError(name, _OPEN_ERRORS.get(raw.FPDF_GetLastError(), _DAMAGED)) from None
    if len(document) == 0:
        document.close()
        raise InputError(name, "PDF with no pages: there is no text to read")
    return document


_DAMAGED = "damaged PDF, or one with no pages: PDFium cannot read its structure"
_OPEN_ERRORS = {
    raw.FPDF_ERR_PASSWORD: "encrypted PDF: it needs a password to be read",
    raw.FPDF_ERR_SECURITY: "PDF with an unsupported security handler: it cannot be read",
    raw.FPDF_ERR_FORMAT: "damaged PDF: its structure cannot be read (a truncated or corrupt "
                         "file?)",
    raw.FPDF_ERR_FILE: "PDF that cannot be opened",
}


def _reason(error: Exception) -> str:
    text = str(error).strip().rstrip(".")
    return text[:1].lower() + text[1:] if text else "damaged file"


# --- Reading ---------------------------------------------------------------------------------


def read_pdf(data: bytes, name: str) -> Layout:
    """Every page of the PDF as lines (see the module docstring)."""
    document = open_pdf(data, name)
    try:
        read = [_page_lines(document, index, name) for index in range(len(document))]
    finally:
        document.close()
    pages = [lines for lines, _ in read]
    if not any(pages):
        raise InputError(name, "PDF with no text layer (a scanned image?): there are no "
                         "characters to read")
    return _Assembler(name, pages, [top for _, top in read]).layout()


def _page_lines(document: pdfium.PdfDocument, index: int, name: str
                ) -> tuple[list[_Line], float]:
    """The page's lines, and the height of its top edge. A page PDFium cannot load (its
    object damaged, though the page tree counts it) is an error naming the page."""
    try:
        page = document[index]
    except pdfium.PdfiumError as error:
        raise InputError(name, f"page {index + 1} cannot be read ({_reason(error)})") from None
    try:
        top = page.get_size()[1]
        textpage = page.get_textpage()
        try:
            glyphs = _glyphs(textpage)
            links = list(_links(document, page))
        finally:
            textpage.close()
    except pdfium.PdfiumError as error:
        raise InputError(name, f"page {index + 1} cannot be read ({_reason(error)})") from None
    finally:
        page.close()
    lines = [_measured(line) for line in _group_lines(glyphs, index + 1)]
    for rect, target in links:
        _attach_link(lines, rect, target)
    return lines, top


def _glyphs(textpage: pdfium.PdfTextPage) -> list[list[Glyph]]:
    """Every character of the page in content order, in runs: a run is cut wherever the
    baseline or the size changes or the pen goes back, so each lies on one baseline in one
    size. PDFium's own line ends become spaces (see below), its other inferred characters
    are left out."""
    handle = ctypes.c_void_p(ctypes.cast(textpage.raw, ctypes.c_void_p).value)
    count = raw.FPDFText_CountChars(textpage.raw)
    codes = _codes(textpage, count) or [_UNICODE(handle, i) for i in range(count)]
    x, y = ctypes.c_double(), ctypes.c_double()
    x_ref, y_ref = ctypes.byref(x), ctypes.byref(y)
    origin, text_object, special = _CHAR_ORIGIN, _TEXT_OBJECT, _SPECIAL  # local: a hot loop
    styles: dict[int | None, tuple[int, float]] = {}  # text object -> (font flags, size)
    runs: list[list[Glyph]] = []
    glyphs: list[Glyph] = []
    append = glyphs.append
    font, size, last_object, generated_last = 0, 0.0, -1, True
    last_x = last_y = last_size = 0.0
    for index in range(count):
        code = codes[index]
        generated = False
        if code in special:
            code, generated = _special(handle, index, code)
            if code is None or (generated and generated_last):
                continue  # PDFium's own, or a second line end in a row
        origin(handle, index, x_ref, y_ref)
        if not generated:  # PDFium gives its own characters size 1: keep the last's
            obj = text_object(handle, index)
            if obj != last_object:
                style = styles.get(obj)
                if style is None:  # one font and size per text object
                    style = styles[obj] = (_font_flags(obj),
                                           _usable_size(_FONT_SIZE(handle, index),
                                                        textpage, index))
                font, size = style
                last_object = obj
        gx, gy = x.value, y.value
        if glyphs and (gy - last_y > 0.5 or last_y - gy > 0.5 or gx < last_x - 0.5
                       or size - last_size > 0.3 or last_size - size > 0.3):
            runs.append(glyphs)
            glyphs = []
            append = glyphs.append
        append(Glyph(chr(code), gx, gy, size, font, generated))
        last_x, last_y, last_size = gx, gy, size
        generated_last = generated
    if glyphs:
        runs.append(glyphs)
    return runs


def _usable_size(size: float, textpage: pdfium.PdfTextPage, index: int) -> float:
    """The size to measure a glyph by. PDFium reports the size the font is selected in,
    which an odd or damaged file may make 0 or next to it (a division by it fails, or every
    gap looks like a word space), negative, or absurd, and scale by its text matrix: then
    the size as drawn (scaled by the matrix) is its size, kept in reason."""
    if MIN_SIZE <= size <= MAX_SIZE:
        return size
    matrix = raw.FS_MATRIX()
    if raw.FPDFText_GetMatrix(textpage.raw, index, matrix):
        size = abs(size) * math.hypot(matrix.c, matrix.d)
    if MIN_SIZE <= size <= MAX_SIZE:
        return size
    return MAX_SIZE if size > MAX_SIZE else MIN_SIZE  # NaN too


def _special(handle: ctypes.c_void_p, index: int, code: int) -> tuple[int | None, bool]:
    """(code to keep or None, generated) for the few codes that need a second look."""
    if code in (0x20, 0x0A, 0x0D, 0x02, 0xFFFE) and _IS_GENERATED(handle, index):
        if code in (0x20, 0x0A, 0x0D):
            # An inferred space or line end stands where the glyph before it ends, so it
            # measures the gap to what follows on the line: kept as a space to judge.
            return 0x20, True
        return None, True
    if code in (0x02, 0xFFFE) and _IS_HYPHEN(handle, index):
        return 0x2D, False  # PDFium marks a hyphen that ends a line (0x02, 0xFFFE in its text)
    if code in (0x20, 0x0A, 0x0D):
        return code, False
    return 0xFFFD, False  # a glyph without a character: keep a mark of it, never drop it


# Codes that need a second look: what PDFium may have inferred (spaces, line ends), its
# marks of a line-end hyphen (0x02, 0xFFFE), and codes that are no character at all.
_SPECIAL = frozenset((0x00, 0x02, 0x0A, 0x0D, 0x20, 0xFFFE, 0xFFFF, *range(0xD800, 0xE000)))


def _codes(textpage: pdfium.PdfTextPage, count: int) -> list[int] | None:
    """Every character's code in one call, or None when the page has characters beyond
    the Basic Multilingual Plane (UTF-16 pairs would no longer line up with the indexes)."""
    buffer = (ctypes.c_ushort * (count + 1))()
    written = raw.FPDFText_GetText(textpage.raw, 0, count, buffer)
    codes = list(buffer[:count])
    if written - 1 != count or any(0xD800 <= c <= 0xDFFF for c in codes):
        return None
    return codes


def _font_flags(obj: int | None) -> int:
    """ITALIC, BOLD and BARCODE from the font's name, weight and flags."""
    if not obj:
        return 0
    font = raw.FPDFTextObj_GetFont(ctypes.cast(obj, raw.FPDF_PAGEOBJECT))
    if not font:
        return 0
    length = raw.FPDFFont_GetBaseFontName(font, None, 0)
    buffer = ctypes.create_string_buffer(max(length, 1))
    raw.FPDFFont_GetBaseFontName(font, buffer, length)
    base = buffer.value.decode("latin-1").split("+")[-1].lower()
    flags = 0
    if "italic" in base or "oblique" in base or raw.FPDFFont_GetFlags(font) & 64:
        flags |= ITALIC
    if "bold" in base or raw.FPDFFont_GetWeight(font) >= 600:
        flags |= BOLD
    if "barcode" in base:
        flags |= BARCODE
    return flags


def _links(document: pdfium.PdfDocument, page: pdfium.PdfPage
           ) -> Iterator[tuple[tuple[float, float, float, float], str]]:
    """(rectangle, URI) of every URI link annotation of the page."""
    position = ctypes.c_int(0)
    link = raw.FPDF_LINK()
    while raw.FPDFLink_Enumerate(page.raw, position, link):
        action = raw.FPDFLink_GetAction(link)
        if not action or raw.FPDFAction_GetType(action) != raw.PDFACTION_URI:
            continue
        length = raw.FPDFAction_GetURIPath(document.raw, action, None, 0)
        buffer = ctypes.create_string_buffer(max(length, 1))
        raw.FPDFAction_GetURIPath(document.raw, action, buffer, length)
        rect = raw.FS_RECTF()
        if raw.FPDFLink_GetAnnotRect(link, rect):
            target = buffer.value.decode("utf-8", "replace").strip()
            yield (rect.left, rect.bottom, rect.right, rect.top), target


# --- Lines -----------------------------------------------------------------------------------


def _group_lines(runs_of_glyphs: list[list[Glyph]], page: int) -> list[_Line]:
    """Runs of glyphs -> lines, top to bottom, each left to right (step 2)."""
    runs = [(run[0].size, run) for run in runs_of_glyphs]  # one size per run
    runs.sort(key=lambda item: -item[0])  # big glyphs set the lines first
    lines: list[_Line] = []
    for size, run in runs:
        home = _home_line(lines, run[0].y, size, run)
        if home is None:
            home = _Line([], run[0].y, size, page)
            lines.append(home)
        home.glyphs.extend(run)
        for glyph in run:
            if not glyph.char.isspace():
                insort(home.solid, glyph.x)
    for line in lines:
        line.glyphs.sort(key=lambda g: g.x)
        line.size = _main_size(line.glyphs)
        line.y = statistics.median(g.y for g in line.glyphs if abs(g.size - line.size) < 0.5)
    lines.sort(key=lambda line: (-round(line.y, 1), line.x))
    return lines


def _home_line(lines: list[_Line], y: float, size: float, run: list[Glyph]) -> _Line | None:
    """The line a run belongs to: one on the same baseline, or for a small run, the line
    whose baseline lies just below it (it is that line's superscript)."""
    solid = [g for g in run if not g.char.isspace()] or run
    left, right = solid[0].x, solid[-1].x
    for line in lines:
        if abs(line.y - y) <= SAME_BASELINE * line.size and _beside(line, left, right):
            return line
    for line in lines:
        small = size < SUPERSCRIPT_SIZE * line.size
        rise = y - line.y
        if small and 0 < rise <= 0.75 * line.size and _beside(line, left, right):
            return line
    return None


def _beside(line: _Line, left: float, right: float) -> bool:
    """A run may join a line only where the line has no glyphs already (it stands beside
    them, not over them): no glyph but a space between ``left - 0.5`` and ``right + 0.5``,
    looked up in the line's sorted positions. (Looking at every glyph of the line for every
    run made a page of glyphs set one by one take minutes.)"""
    at = bisect_right(line.solid, left - 0.5)
    return at == len(line.solid) or line.solid[at] >= right + 0.5


def _main_size(glyphs: list[Glyph]) -> float:
    """The size most of the line's glyphs are set in (sizes a tenth of a point apart are one)."""
    counts = Counter(g.size for g in glyphs if g.char != " ")
    if not counts:
        return glyphs[0].size
    sizes: dict[float, int] = {}
    for size, n in counts.items():
        key = round(size, 1)
        sizes[key] = sizes.get(key, 0) + n
    return max(sizes, key=lambda s: (sizes[s], s))


def _measured(line: _Line) -> _Line:
    """Text, styles and positions of the line's characters, spaces decided (step 3)."""
    glyphs = line.glyphs
    spacing = _word_spacing(glyphs)
    following = _next_solid(glyphs)
    small, rise = SUPERSCRIPT_SIZE * line.size, SUPERSCRIPT_RISE * line.size
    baseline = line.y
    far = WORD_SPACE * line.size * 4
    chars: list[str] = []
    styles = bytearray()
    xs: list[float] = []
    previous: Glyph | None = None
    for position, glyph in enumerate(glyphs):
        style = glyph.font & (ITALIC | BOLD)
        if glyph.size < small and glyph.y - baseline >= rise:
            style |= SUPERSCRIPT
        if glyph.char == " ":
            if not chars or chars[-1] == " ":
                continue  # one space between words, however the PDF spells it
            if glyph.generated and not _is_word_space(glyph, following[position], spacing,
                                                      line.size):
                continue
            chars.append(" ")
            styles.append(style & ~SUPERSCRIPT)
            xs.append(glyph.x)
            continue
        if (previous is not None and chars[-1] != " "
                and glyph.x - previous.x > 0.5 * previous.size + far):
            chars.append(" ")  # two runs side by side with a gap and no space character
            styles.append(0)
            xs.append(previous.x)
        chars.append(glyph.char)
        styles.append(style)
        xs.append(glyph.x)
        previous = glyph
    while chars and chars[-1] == " ":
        chars.pop()
        styles.pop()
        xs.pop()
    line.text, line.styles, line.xs = "".join(chars), styles, xs
    line.right = _right_edge(glyphs)
    line.bold = bool(line.text) and all(
        s & BOLD for s, ch in zip(styles, line.text, strict=True) if ch.isalnum()) and any(
        ch.isalnum() for ch in line.text)
    return line


def _next_solid(glyphs: list[Glyph]) -> list[Glyph | None]:
    """For each position, the first glyph after it that is not a space."""
    found: list[Glyph | None] = [None] * len(glyphs)
    upcoming: Glyph | None = None
    for position in range(len(glyphs) - 1, -1, -1):
        found[position] = upcoming
        if glyphs[position].char != " ":
            upcoming = glyphs[position]
    return found


def _word_spacing(glyphs: list[Glyph]) -> float | None:
    """The line's own word space: the median width of its space characters, origin to next
    origin, or None when it has none."""
    widths = []
    for a, b in itertools.pairwise(glyphs):
        if a.char == " " and not a.generated and b.char != " " and 0 < b.x - a.x < 3 * a.size:
            widths.append((b.x - a.x) / b.size)
    return statistics.median(widths) if widths else None


def _is_word_space(space: Glyph, following: Glyph | None, spacing: float | None,
                   size: float) -> bool:
    """Is a space PDFium inferred a real word space? Its origin is where the glyph before it
    ends, so the gap is up to the next glyph's origin."""
    if following is None:
        return False
    gap = (following.x - space.x) / max(following.size, 1.0)
    if abs(following.y - space.y) > 0.5 * size:
        return True  # a raised or lowered run follows: the words are apart
    if gap >= CLEAR_SPACE:
        return True
    least = WORD_SPACE_RATIO * spacing if spacing else WORD_SPACE
    return gap >= least


def _right_edge(glyphs: list[Glyph]) -> float:
    last = next((g for g in reversed(glyphs) if not g.char.isspace()), glyphs[-1])
    spaces = [g for g in glyphs if g.generated and g.x >= last.x]
    return spaces[0].x if spaces else last.x + 0.5 * last.size


def _attach_link(lines: list[_Line], rect: tuple[float, float, float, float],
                 target: str) -> None:
    """Remember which characters the annotation covers (kept as ``Link`` on the line)."""
    left, bottom, right, top = rect
    for line in lines:
        if not (bottom - 1 <= line.y <= top + 1):
            continue
        covered = [i for i, x in enumerate(line.xs)
                   if left - 1 <= x <= right and line.text[i] != " "]
        if covered:
            line.links.append(Link(covered[0], covered[-1] + 1, target))


# --- Assembly: zones, furniture, blocks --------------------------------------------------------


@dataclass
class _Assembler:
    """All pages' lines -> the document's ``Layout`` (steps 4 and 5)."""

    name: str
    pages: list[list[_Line]]
    tops: list[float]
    lines: list[Line] = field(default_factory=list)
    warnings: list[tuple[int, str]] = field(default_factory=list)

    def layout(self) -> Layout:
        furniture = Furniture.of(self.pages, self.tops)
        margin, width = _text_frame(self.pages)
        body_size = _body_size(self.pages)
        previous: _Line | None = None  # the last line of running text on the pages before
        number = 0
        for page_lines in self.pages:
            role = "text"
            above: dict[str, _Line | None] = {"text": None, "note": None}
            verdicts = [furniture.judge(line) for line in page_lines]
            tables = _tables_by_first_line(page_lines, verdicts, body_size)
            skip: set[int] = set()
            for index, raw_line in enumerate(page_lines):  # running head, text, notes, footer
                if index in skip:
                    continue
                number += 1
                verdict = verdicts[index]
                if verdict is not None:
                    rule, facts = verdict
                    role = "note" if rule == "footnote-rule" else role
                    self.lines.append(_furniture_line(raw_line, number, rule, facts))
                    continue
                if furniture.in_top_band(raw_line) and raw_line.page > 1:
                    self.warnings.append((number, "text where the running head stands is "
                                          f"kept as text: {raw_line.text.strip()!r}"))
                if index in tables:
                    end, table = tables[index]
                    skip.update(range(index + 1, end))
                    self.lines.append(_table_line(page_lines[index:end], table, number))
                    above["text"] = page_lines[end - 1]
                    continue
                starts = _starts_block(raw_line, above[role], previous if role == "text"
                                       else None, margin, width, role)
                self.lines.append(_line(raw_line, number, role, starts, margin, width,
                                        body_size))
                above[role] = raw_line
            if above["text"] is not None:
                previous = above["text"]
        return Layout(self.name, "pdf", tuple(self.lines), pages=len(self.pages),
                      warnings=tuple(self.warnings), facts=furniture.facts())


def _tables_by_first_line(page: list[_Line], verdicts: list, body_size: float
                          ) -> dict[int, tuple[int, Table]]:
    """The page's tables, by the index of their first line: (end index, table)."""
    text = [i for i, verdict in enumerate(verdicts) if verdict is None]
    found = {}
    # Runs are looked for among consecutive lines that are not furniture.
    groups: list[list[int]] = []
    for i in text:
        if groups and groups[-1][-1] == i - 1:
            groups[-1].append(i)
        else:
            groups.append([i])
    for group in groups:
        lines = [page[i] for i in group]
        for start, end in table_runs(lines, body_size):
            found[group[start]] = (group[start] + (end - start), table_of(lines[start:end]))
    return found


def _table_line(lines: list[_Line], table: Table, number: int) -> Line:
    """One line standing for a whole table: its text is every cell's, in reading order."""
    cells = [c.text for row in table.header + table.rows for c in row] + [
        n.text for n in table.notes]
    return Line(" ".join(c for c in cells if c), number, page=lines[0].page, size="small",
                table=table)


def _furniture_line(line: _Line, number: int, rule: str, facts: tuple[tuple[str, str], ...]
                    ) -> Line:
    return Line(line.text, number, bytes(line.styles), page=line.page, role="furniture",
                rule=rule, facts=facts)


def _line(raw_line: _Line, number: int, role: str, starts: bool, margin: float,
          width: float, body_size: float) -> Line:
    text = raw_line.text
    size = ("small" if raw_line.size < 0.93 * body_size
            else "large" if raw_line.size > 1.1 * body_size else "text")
    return Line(
        text, number, bytes(raw_line.styles), page=raw_line.page, role=role,  # type: ignore[arg-type]
        starts_block=starts, indented=raw_line.x > margin + INDENT, size=size,
        bold=raw_line.bold,
        right=raw_line.x > margin + 0.45 * width,
        links=tuple(raw_line.links),
    )


def _text_frame(pages: list[list[_Line]]) -> tuple[float, float]:
    """The text margin and the text width (to the right edge most full lines reach).

    The margin is where most long lines start, unless a few start a first-line indent to
    the left of it: a short text of one-line paragraphs has most lines at the indent, and
    only its header ("Resolution adopted by ...") at the margin."""
    starts: dict[float, int] = {}
    ends: list[float] = []
    for page in pages:
        for line in page:
            if len(line.text) > 30:
                key = round(line.x)
                starts[key] = starts.get(key, 0) + 1
                ends.append(line.right)
    margin = float(max(starts, key=lambda k: (starts[k], -k))) if starts else 72.0
    left = [k for k, n in starts.items() if margin - 40 < k < margin - 10
            and n * 10 >= starts[round(margin)]]  # a first-line indent is some 24 points
    if left:
        margin = float(min(left))
    right = statistics.quantiles(ends, n=10)[-1] if len(ends) >= 10 else max(ends, default=540)
    return margin, right - margin


def _body_size(pages: list[list[_Line]]) -> float:
    sizes: dict[float, int] = {}
    for page in pages:
        for line in page:
            sizes[round(line.size, 1)] = sizes.get(round(line.size, 1), 0) + len(line.text)
    return max(sizes, key=lambda s: sizes[s]) if sizes else 10.0


def _starts_block(line: _Line, above: _Line | None, before_page: _Line | None, margin: float,
                  width: float, role: str) -> bool:
    """Does the line open a paragraph (or, among notes, a footnote)? See step 5.

    Justified text tells where paragraphs end: every line of a paragraph but its last reaches
    the right edge of the text, so a line after a short one starts afresh; a line that starts
    further right than the one above it (a first-line indent) does too, and so does a change
    between bold and plain, or of type size (a heading, a table)."""
    if role == "note":
        return (bool(line.styles) and bool(line.styles[0] & SUPERSCRIPT)) or (
            above is None and line.x < margin - 2)
    if above is None:
        if before_page is None:
            return True
        return (line.bold != before_page.bold or line.x > margin + INDENT
                or _short(before_page, margin, width)  # the last page ended a paragraph
                or (before_page.text.rstrip().endswith((".", ";", ":"))
                    and bool(_LABEL_START.match(line.text))))  # "73. We ..." after "staffing."
    if line.bold != above.bold or abs(line.size - above.size) > 0.5:
        return True
    if (above.y - line.y) > PARAGRAPH_GAP * max(line.size, above.size):
        return True
    if line.x > above.x + INDENT and not _hangs_under(line, above):
        return True
    # An indented line under a short one: the next item of a list set with a hanging indent
    # ("(i) To continue ..." whose lines all start at the indent). Unindented lines are left
    # alone: headers and titles are set ragged, not justified.
    # A lower-case letter never opens a paragraph: such a line goes on a ragged list item.
    return (line.x > margin + INDENT and not above.bold
            and _short(above, margin, width) and not line.text[:1].islower())


def _hangs_under(line: _Line, above: _Line) -> bool:
    """Is the line aligned with the words after the label of the line above ("3. Advancing
    ..." over "strategies towards ...", a list set with a hanging indent)?"""
    match = _LABEL_START.match(above.text)
    if match is None or match.end() >= len(above.xs):
        return False
    return abs(above.xs[match.end()] - line.x) < 2.0


def _short(line: _Line, margin: float, width: float) -> bool:
    """Does the line stop short of the right edge of the text (a paragraph's last line)?"""
    return line.right < margin + width - SHORT_LINE


def layout_lines(layout: Layout) -> list[str]:
    """What the reader saw, one line per line (``python -m generator layout FILE``): page,
    number, role or furniture rule, flags (¶ starts a block, > indented, s small, L large,
    B bold, R far right), then the text with ^ before each raised character."""
    out = []
    for line in layout.lines:
        flags = "".join(flag for flag, on in (("¶", line.starts_block), (">", line.indented),
                                              ("s", line.size == "small"),
                                              ("L", line.size == "large"),
                                              ("B", line.bold), ("R", line.right)) if on)
        text = "".join(("^" if s & SUPERSCRIPT else "") + ch for ch, s in
                       zip(line.text, line.styles or bytes(len(line.text)), strict=True))
        out.append(f"{line.page:>3} {line.number:>5} {line.rule or line.role:<14} {flags:<6} "
                   f"{text}")
        if line.table:
            for row in line.table.header + line.table.rows:
                out.append("    | " + " | ".join(c.text + (f" (x{c.span})" if c.span > 1 else "")
                                                 for c in row))
    return out
