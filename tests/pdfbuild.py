"""A small typesetter for test PDFs laid out like the General Assembly's own.

The fixtures in tests/fixtures/pdf/*.txt describe a resolution in a few lines of markup;
``build_pdf`` sets it as the UN's template does (masthead, bold title, first-line indents,
justified lines, italic lead words, raised footnote markers, footnotes under a rule at the
foot of each page, running heads and page footers, link annotations) with PDFium itself
(pypdfium2, already a dependency), so each construct the corpus holds, or must be designed
for (parts A, B, ...), has a small PDF made on the fly from a readable source.

Fixture markup. Header fields ``key: value`` until a line ``---``; then one block per line:

    P: text      a paragraph with a first-line indent (preamble, operative)
    S: text      a sub-paragraph: every line at the indent ("(a) To ...")
    N: text      a paragraph without indent, parted by space (annexes)
    H: text      a heading in bold at the margin; HC: centred (a part letter)
    C: text      a closing line, far right ("80th plenary meeting", then its date)
    TH: a | b    a table header row (cells apart by " | "); T: a | b  a table row
    TN: text     a table note
    BREAK        a new page

Inline: ``*italic*``, ``**bold**``, ``^12`` a raised marker (digits or one letter),
``[[A/70/1|https://undocs.org/en/A/70/1]]`` a link annotation, ``seventy|-eighth`` a word
broken after its hyphen at the end of a line, `` // `` the page ending inside a paragraph
(after a full line). After a line ``--- notes``:
``N: text`` footnote N; a ``||`` in its text carries the rest over to the next page.
"""

from __future__ import annotations

import ctypes
import io
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import pypdfium2 as pdfium
import pypdfium2.raw as raw

PAGE_W, PAGE_H = 612.0, 792.0
MARGIN, WIDTH = 123.4, 417.0
INDENT = 23.7
BODY, SMALL, NOTE = 10.0, 8.5, 8.5
LINE = 12.0
TOP, BOTTOM = 710.0, 62.0
FONTS = {"": "Times-Roman", "i": "Times-Italic", "b": "Times-Bold", "bi": "Times-BoldItalic"}


@dataclass
class Word:
    text: str
    style: str = ""  # "", "i", "b", "bi", or "sup"
    link: str | None = None
    sup_bold: bool = False


@dataclass
class Block:
    kind: str
    words: list[list[Word]]  # the block's tokens: each a run of words glued together
    cells: list[str] = field(default_factory=list)


@dataclass
class Spec:
    fields: dict[str, str]
    blocks: list[Block]
    notes: dict[int, str]


_TOKEN = re.compile(r"\[\[(?P<link>[^|\]]+)\|(?P<href>[^\]]+)\]\]|\*\*(?P<b>[^*]+)\*\*"
                    r"|\*(?P<i>[^*]+)\*|\^(?P<sup>\d+|[a-z])|(?P<plain>[^*\^\[]+|\[)")


def inline(text: str, base: str = "") -> list[list[Word]]:
    """Markup -> tokens (space-separated units), each a list of styled pieces glued."""
    pieces: list[Word] = []
    for m in _TOKEN.finditer(text):
        if m["link"]:
            pieces.append(Word(m["link"], base, m["href"]))
        elif m["b"]:
            pieces += [Word(p, "b" + ("i" if "i" in base else "")) for p in _split(m["b"])]
        elif m["i"]:
            pieces += [Word(p, ("b" if "b" in base else "") + "i") for p in _split(m["i"])]
        elif m["sup"]:
            pieces.append(Word(m["sup"], "sup"))
        else:
            pieces += [Word(p, base) for p in _split(m["plain"])]
    tokens: list[list[Word]] = [[]]
    for piece in pieces:
        if piece.text == " ":
            if tokens[-1]:
                tokens.append([])
        elif piece.text == "//":  # the page ends here, inside the paragraph
            tokens.append([Word("", "page")])
            tokens.append([])
        elif "|-" in piece.text:  # "seventy|-eighth": the line ends after "seventy-"
            head, tail = piece.text.split("|-", 1)
            tokens[-1].append(Word(head + "-", piece.style))
            tokens.append([Word("", "break")])
            tokens.append([Word(tail, piece.style)])
        else:
            tokens[-1].append(piece)
    return [t for t in tokens if t]


def _split(text: str) -> list[str]:
    return [p for p in re.split(r"( )", text) if p]


def parse_spec(source: str) -> Spec:
    head, _, rest = source.partition("\n---\n")
    fields = {}
    for line in head.splitlines():
        if line.strip() and not line.startswith("#"):
            key, _, value = line.partition(":")
            fields[key.strip()] = value.strip()
    body, _, notes_text = rest.partition("\n--- notes\n")
    blocks = []
    for line in body.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        if line.strip() == "BREAK":
            blocks.append(Block("BREAK", []))
            continue
        kind, _, text = line.partition(": ")
        if kind in ("TH", "T"):
            blocks.append(Block(kind, [], [c.strip() for c in text.split(" | ")]))
        else:
            blocks.append(Block(kind, inline(text, "b" if kind in ("H", "HC") else
                                             "i" if kind == "C" else "")))
    notes = {}
    for line in notes_text.splitlines():
        if line.strip():
            number, _, text = line.partition(": ")
            notes[int(number)] = text
    return Spec(fields, blocks, notes)


# --- Drawing -----------------------------------------------------------------------------------


class Canvas:
    """Pages of a new PDF, text placed word by word with PDFium's page objects."""

    def __init__(self) -> None:
        self.pdf = pdfium.PdfDocument.new()
        self.pages: list[pdfium.PdfPage] = []
        self.fonts = {k: raw.FPDFText_LoadStandardFont(self.pdf.raw, v.encode())
                      for k, v in FONTS.items()}

    def new_page(self) -> pdfium.PdfPage:
        page = self.pdf.new_page(PAGE_W, PAGE_H)
        self.pages.append(page)
        return page

    def text(self, text: str, x: float, y: float, size: float, style: str = "") -> float:
        """Draw ``text`` with its baseline origin at (x, y); return its advance."""
        font = self.fonts[style if style in self.fonts else ""]
        obj = raw.FPDFPageObj_CreateTextObj(self.pdf.raw, font, size)
        encoded = (text + "\0").encode("utf-16-le")
        buffer = ctypes.create_string_buffer(encoded)
        raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
        raw.FPDFPageObj_Transform(obj, 1, 0, 0, 1, x, y)
        raw.FPDFPage_InsertObject(self.pages[-1].raw, obj)
        return advance(text, size, style)

    def link(self, rect: tuple[float, float, float, float], uri: str) -> None:
        annot = raw.FPDFPage_CreateAnnot(self.pages[-1].raw, raw.FPDF_ANNOT_LINK)
        r = raw.FS_RECTF(rect[0], rect[3], rect[2], rect[1])
        raw.FPDFAnnot_SetRect(annot, r)
        raw.FPDFAnnot_SetURI(annot, uri.encode())
        raw.FPDFPage_CloseAnnot(annot)

    def save(self) -> bytes:
        for page in self.pages:
            raw.FPDFPage_GenerateContent(page.raw)
        out = io.BytesIO()
        self.pdf.save(out)
        return out.getvalue()


@cache
def advance(text: str, size: float, style: str = "") -> float:
    """The text's advance width, measured by PDFium: a trailing space's origin is where the
    text ends."""
    pdf = _measurer()
    font = raw.FPDFText_LoadStandardFont(pdf.raw, FONTS.get(style, FONTS[""]).encode())
    obj = raw.FPDFPageObj_CreateTextObj(pdf.raw, font, size)
    encoded = (text + " \0").encode("utf-16-le")
    buffer = ctypes.create_string_buffer(encoded)
    raw.FPDFText_SetText(obj, ctypes.cast(buffer, ctypes.POINTER(raw.FPDF_WCHAR)))
    left, bottom, right, top = (ctypes.c_float() for _ in range(4))
    raw.FPDFPageObj_GetBounds(obj, left, bottom, right, top)
    raw.FPDFPageObj_Destroy(obj)
    return right.value


@cache
def _measurer() -> pdfium.PdfDocument:
    return pdfium.PdfDocument.new()


def token_width(token: list[Word], size: float) -> float:
    return sum(advance(w.text, 0.65 * size if w.style == "sup" else size,
                       "" if w.style == "sup" else w.style) for w in token)


class Setter:
    """Lays blocks out on pages: lines filled and justified, footnotes at each page's foot."""

    def __init__(self, spec: Spec) -> None:
        self.spec = spec
        self.canvas = Canvas()
        self.y = 0.0
        self.page_notes: list[str] = []
        self.carried: str | None = None

    # page furniture --------------------------------------------------------------------

    def start_page(self) -> None:
        self.canvas.new_page()
        number = len(self.canvas.pages)
        self.page_notes = []
        self.y = TOP
        if number > 1:
            f = self.spec.fields
            self.canvas.text(f["symbol"], 60, 733.0, 8.5, "b")
            self.canvas.text(f["title"], 330, 733.0, 8.5, "b")

    def finish_page(self) -> None:
        notes = ([self.carried] if self.carried else []) + self.page_notes
        self.carried = None
        y = BOTTOM + 12 * len(notes) + 10
        if notes:
            self.canvas.text("_" * 18, 99.6, y + 8, 8.0, "b")
        for note in notes:
            number, _, text = note.partition(": ") if ": " in note[:5] else ("", "", note)
            if "||" in text:
                text, rest = text.split("||", 1)
                self.carried = rest.strip()
            x = MARGIN
            if number:
                self.canvas.text(number, 117.0, y + 3.0, 5.5)
            self.line(inline(text.strip()), x, y, NOTE, justify=False)
            y -= 12

    # text ------------------------------------------------------------------------------

    def line(self, tokens: list[list[Word]], x: float, y: float, size: float, *,
             justify: bool, width: float | None = None) -> None:
        width = width if width is not None else MARGIN + WIDTH - x
        natural = sum(token_width(t, size) for t in tokens)
        space = advance(" ", size) if not justify or len(tokens) < 2 else max(
            advance(" ", size), (width - natural) / (len(tokens) - 1))
        for n, token in enumerate(tokens):
            start = x
            for word in token:
                if word.style == "sup":
                    x += self.canvas.text(word.text, x, y + 0.35 * size, 0.65 * size)
                else:
                    x += self.canvas.text(word.text, x, y, size, word.style)
            if token[0].link:
                self.canvas.link((start - 0.5, y - 2, x + 0.5, y + size), token[0].link)
            if n + 1 < len(tokens):
                # a real space character, then the gap up to the next word
                self.canvas.text(" ", x, y, size)
                x += space

    def wrap(self, tokens: list[list[Word]], first_x: float, rest_x: float, size: float
             ) -> list[tuple[float, list[list[Word]]]]:
        lines: list[tuple[float, list[list[Word]]]] = []
        current: list[list[Word]] = []
        x0 = first_x
        for token in tokens:
            if token[0].style in ("break", "page"):
                lines.append((x0, current))
                if token[0].style == "page":
                    lines.append((rest_x, [token]))
                current, x0 = [], rest_x
                continue
            trial = [*current, token]
            width = sum(token_width(t, size) for t in trial) + advance(" ", size) * (
                len(trial) - 1)
            if current and x0 + width > MARGIN + WIDTH:
                lines.append((x0, current))
                current, x0 = [token], rest_x
            else:
                current = trial
        if current:
            lines.append((x0, current))
        return lines

    def room(self, lines: int) -> None:
        notes = len(self.page_notes) + (1 if self.carried else 0)
        if self.y - LINE * lines < BOTTOM + 12 * notes + 30:
            self.finish_page()
            self.start_page()

    def block(self, block: Block) -> None:
        if block.kind == "BREAK":
            self.finish_page()
            self.start_page()
            return
        if block.kind in ("TH", "T"):
            self.table_row(block)
            return
        size = SMALL if block.kind == "TN" else BODY
        first = {"P": MARGIN + INDENT, "S": MARGIN + INDENT, "HC": 300.0}.get(block.kind, MARGIN)
        if block.kind == "C":  # the closing lines stand flush right against 484 points
            first = 484.0 - sum(token_width(t, size) for t in block.words) - advance(
                " ", size) * (len(block.words) - 1)
        rest = {"S": MARGIN + INDENT, "C": first, "HC": 300.0}.get(block.kind, MARGIN)
        lines = self.wrap(block.words, first, rest, size)
        self.y -= 6 if block.kind not in ("C",) else 0
        for index, (x, tokens) in enumerate(lines):
            if tokens and tokens[0][0].style == "page":
                self.finish_page()
                self.start_page()
                continue
            self.room(1)
            last = index == len(lines) - 1
            self.line(tokens, x, self.y, size, justify=not last and block.kind in "PSN")
            for token in tokens:
                for word in token:
                    if word.style == "sup" and word.text.isdigit() and int(
                            word.text) in self.spec.notes and f"{word.text}: " not in "".join(
                            self.page_notes):
                        self.page_notes.append(f"{word.text}: {self.spec.notes[int(word.text)]}")
            self.y -= LINE

    def table_row(self, block: Block) -> None:
        self.room(1)
        columns = [60.0, 300.0, 470.0, 520.0][:len(block.cells)]
        size = 7.0 if block.kind == "TH" else SMALL
        style = "i" if block.kind == "TH" else ""
        for x, cell in zip(columns, block.cells, strict=False):
            self.canvas.text(cell, x, self.y, size, style)
        self.y -= 14.5


def build_pdf(source: str) -> bytes:
    spec = parse_spec(source)
    setter = Setter(spec)
    setter.start_page()
    masthead(setter)
    for block in spec.blocks:
        setter.block(block)
    setter.finish_page()
    while setter.carried:
        setter.start_page()
        setter.finish_page()
    draw_footers(setter)
    return setter.canvas.save()


def masthead(setter: Setter) -> None:
    f = setter.spec.fields
    c = setter.canvas
    c.text("United Nations", 123.4, 734.2, 14.0)
    c.text(f["symbol"], 482.1, 735.5, 20.0)
    c.text("General Assembly", 123.4, 705.6, 20.0, "b")
    c.text("Distr.: General", 397.0, 705.3, 10.0)
    c.text(f.get("distributed", f["adopted"]), 397.0, 693.6, 10.0)
    c.text(f["session"], 60.0, 569.7, 10.0, "b")
    c.text(f["agenda"], 60.0, 557.7, 10.0)
    y = 545.7
    for line in f.get("agenda title", "").split(" // "):
        if line:
            c.text(line, 60.0, y, 10.0, "b")
            y -= 12
    c.text("Resolution adopted by the General Assembly", 123.4, 501.3, 14.0, "b")
    c.text(f"on {f['adopted']}", 123.4, 486.3, 14.0, "b")
    setter.line(inline(f["report"]), 123.4, 461.7, 10.0, justify=False)
    number = f["number"]
    c.text(f"{number}.", 72.4, 436.5, 12.0, "b")
    setter.line(inline(f["title"], "b"), 123.4, 436.5, 12.0, justify=False)
    setter.y = 412.0


def draw_footers(setter: Setter) -> None:
    f = setter.spec.fields
    c = setter.canvas
    pages = list(c.pages)
    total = len(pages)
    for index, page in enumerate(pages, start=1):
        c.pages = [page]
        if index == 1:
            c.text(f"{f['job']} (E) 010116", 65.4, 44.4, 10.0)
            c.text("*" + f["job"].replace("-", "") + "*", 65.4, 29.8, 12.0)
        else:
            c.text(f"{index}/{total} {f['job']}", 60.0, 36.7, 8.5, "b")
    c.pages = pages


FIXTURES = Path(__file__).resolve().parent / "fixtures" / "pdf"


def fixture_pdf(name: str) -> bytes:
    return build_pdf((FIXTURES / f"{name}.txt").read_text(encoding="utf-8"))
