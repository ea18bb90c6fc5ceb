"""The intermediate form every reader produces: the lines of an input, with what its source knows.

A text export knows its characters, its tabs and its line breaks; an official PDF knows far more:
which characters are italic or raised as footnote markers, where a line starts on the page, how
much space stands above it, which words a link annotation covers, which lines are page furniture.
Each reader (``text_export`` for ODS text exports, ``pdf`` for PDFs) turns its input into one
``Layout``: the same ``Line`` records, in reading order, so that one parser serves both.

What holds for every ``Layout``:
- ``lines`` are in reading order: the running text page after page, each page's footnotes
  after its running text (``role == "note"``);
- a line's ``text`` is its characters exactly as the source has them (no trimming inside, no
  Unicode normalisation); ``styles`` is empty or has one flag byte per character;
- page furniture (running heads, page numbers, job numbers, barcodes, ODS markers) is never
  dropped by a reader: each such line is kept with ``role == "furniture"``, the exact rule that
  recognised it in ``rule`` and the facts it carries in ``facts``;
- ``number`` is unique and increasing: the file's line number, or the line's place in the PDF.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

# Flags of ``Line.styles``, one byte per character.
ITALIC = 1
BOLD = 2
SUPERSCRIPT = 4  # raised and smaller than the line: a footnote marker in a PDF

Role = Literal["text", "note", "furniture"]
Size = Literal["text", "small", "large"]


@dataclass(frozen=True)
class Link:
    """A link annotation of the source: ``line.text[start:end]`` is covered by it."""

    start: int
    end: int
    target: str  # the URI, as the annotation has it


@dataclass(frozen=True)
class Cell:
    """One cell of a table: its text, its styles, and how many columns it spans."""

    text: str
    styles: bytes = b""
    span: int = 1


@dataclass(frozen=True)
class Table:
    """A table found by a reader: header rows first, then body rows; every word of the
    table region is in exactly one cell, in reading order row by row."""

    header: tuple[tuple[Cell, ...], ...]
    rows: tuple[tuple[Cell, ...], ...]
    notes: tuple[Cell, ...] = ()  # the table's own notes ("a See A/78/534."), in order


@dataclass(frozen=True)
class Line:
    """One line of the source as its reader saw it (see the module docstring)."""

    text: str
    number: int
    styles: bytes = b""
    page: int = 0  # 1-based page of a PDF; 0 when the source has no pages
    role: Role = "text"
    starts_block: bool = True  # the reader sees a new paragraph (or footnote) start here
    indented: bool = False  # starts further right than the text margin (PDF first-line indent)
    size: Size = "text"  # type size against the running text: table cells are "small"
    bold: bool = False  # every letter is bold (headings, titles in a PDF)
    right: bool = False  # set flush right or centred far from the margin (the closing lines)
    links: tuple[Link, ...] = ()
    table: Table | None = None  # the line stands for a whole table the reader found
    rule: str = ""  # for furniture: the name of the exact rule that recognised it
    facts: tuple[tuple[str, str], ...] = ()  # for furniture: ("job", "23-25902"), ...


@dataclass(frozen=True)
class Layout:
    """A whole input as one reader saw it."""

    name: str  # how messages name the input (its path relative to the project)
    kind: Literal["text", "pdf"]
    lines: tuple[Line, ...]
    pages: int = 0
    warnings: tuple[tuple[int, str], ...] = ()  # (line number, message): kept, but doubtful
    facts: dict[str, str] = field(default_factory=dict, compare=False)
