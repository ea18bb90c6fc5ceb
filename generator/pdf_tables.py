"""Tables in official PDFs: a run of lines set in columns, smaller than the text -> ``Table``.

The tables of General Assembly resolutions (appropriations, levels of contribution, scales of
assessment) are set one or two points smaller than the running text, in columns with wide
gaps between them, under a header set smaller still and in italics, with notes lettered
"a", "b" at the foot. What holds after ``tables_of``:

- a table is a maximal run of the page's running-text lines set smaller than the text and
  falling into at least two columns;
- its columns ("bands") are the horizontal extents its body lines' pieces cover, pieces being
  parted by gaps wider than ``CELL_GAP`` em; a header piece that covers several bands spans
  them;
- its rows are its lines grouped by spacing: a gap wider than a line's own parts two rows, so
  a label wrapped onto two lines stays one cell;
- lines opening with a raised letter ("a See A/78/534.") are the table's notes;
- every character of the run is in exactly one cell or note, in reading order.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from .layout import SUPERSCRIPT, Cell, Table

if TYPE_CHECKING:
    from .pdf import _Line

CELL_GAP = 1.2  # em of the line: a gap this wide parts two cells
ROW_GAP = 1.35  # em: more space than this between baselines parts two rows
SMALLER = 0.93  # a line this much smaller than the running text may belong to a table
# More columns than this is no table of a resolution (a scale of assessments has five): a
# run of small lines with gaps everywhere stays text, and no row is matched against
# thousands of columns.
MAX_BANDS = 24


@dataclass
class _Piece:
    """A run of a line's characters between two cell gaps."""

    left: float
    right: float
    start: int  # in the line's text
    end: int
    line: _Line

    @property
    def text(self) -> str:
        return self.line.text[self.start:self.end]

    @property
    def styles(self) -> bytes:
        return bytes(self.line.styles[self.start:self.end])


def table_runs(lines: list[_Line], body_size: float) -> list[tuple[int, int]]:
    """(start, end) indexes of the runs of ``lines`` that are tables."""
    runs: list[tuple[int, int]] = []
    start = None
    for index, line in enumerate([*lines, None]):
        small = line is not None and line.size < SMALLER * body_size
        if small and start is None:
            start = index
        elif not small and start is not None:
            _, body, _ = _sections(lines[start:index])
            if 2 <= len(_bands([p for line in body for p in _pieces(line)])) <= MAX_BANDS:
                runs.append((start, index))
            start = None
    return runs


def _sections(lines: list[_Line]) -> tuple[list[_Line], list[_Line], list[_Line]]:
    """(header, body, notes) of a run: the notes from the first line opening with a raised
    letter; the header, the lines above the first one set in the body's size. ``table_runs``
    and ``table_of`` both cut a run so, so the columns one counts are the columns the other
    draws."""
    notes_at = next((i for i, line in enumerate(lines) if _is_note(line)), len(lines))
    grid, notes = lines[:notes_at], lines[notes_at:]
    if not grid:
        return [], [], notes
    body_size = max(line.size for line in grid)
    header_end = next((i for i, line in enumerate(grid) if line.size >= body_size - 0.3), 0)
    return grid[:header_end], grid[header_end:], notes


def table_of(lines: list[_Line]) -> Table:
    """The table the run ``lines`` forms (see the module docstring); the run is one that
    ``table_runs`` found, so its body has at least two columns."""
    header, body, notes = _sections(lines)
    bands = _bands([p for line in body for p in _pieces(line)])
    return Table(header=tuple(_row(row, bands, spanning=True) for row in _rows(header)),
                 rows=tuple(_row(row, bands, spanning=False) for row in _rows(body)),
                 notes=tuple(_note_lines(notes)))


def _is_note(line: _Line) -> bool:
    return bool(line.styles) and bool(line.styles[0] & SUPERSCRIPT) and line.text[:1].isalpha()


def _pieces(line: _Line) -> list[_Piece]:
    pieces: list[_Piece] = []
    start = 0
    for index, char in enumerate(line.text):
        wide = char == " " and index + 1 < len(line.xs) and (
            line.xs[index + 1] - line.xs[index]) / line.size > CELL_GAP
        if wide:
            pieces.append(_Piece(line.xs[start], line.xs[index], start, index, line))
            start = index + 1
    pieces.append(_Piece(line.xs[start] if line.xs else 0.0, line.right, start,
                         len(line.text), line))
    return [p for p in pieces if p.text.strip()]


def _bands(pieces: list[_Piece]) -> list[tuple[float, float]]:
    """The horizontal extents covered by pieces, overlapping extents merged."""
    bands: list[list[float]] = []
    for piece in sorted(pieces, key=lambda p: p.left):
        if bands and piece.left <= bands[-1][1] + 1.0:
            bands[-1][1] = max(bands[-1][1], piece.right)
        else:
            bands.append([piece.left, piece.right])
    return [(a, b) for a, b in bands]


def _rows(lines: list[_Line]) -> list[list[_Line]]:
    rows: list[list[_Line]] = []
    for line in lines:
        if rows and rows[-1][-1].y - line.y <= ROW_GAP * max(line.size, rows[-1][-1].size):
            rows[-1].append(line)
        else:
            rows.append([line])
    return rows


def _row(lines: list[_Line], bands: list[tuple[float, float]], spanning: bool
         ) -> tuple[Cell, ...]:
    """One row: per band, the pieces standing in it joined top to bottom; in a header a
    piece over several bands is one cell spanning them."""
    parts: dict[int, list[_Piece]] = {}
    spans: dict[int, int] = {}
    for line in lines:
        for piece in _pieces(line):
            covered = [i for i, (a, b) in enumerate(bands)
                       if min(b, piece.right) - max(a, piece.left) > 0.5]
            if not covered:
                covered = [min(range(len(bands)),
                               key=lambda i: abs((bands[i][0] + bands[i][1]) / 2
                                                 - (piece.left + piece.right) / 2))]
            first = covered[0]
            if spanning and len(covered) > 1:
                spans[first] = max(spans.get(first, 1), len(covered))
            parts.setdefault(first, []).append(piece)
    cells: list[Cell] = []
    column = 0
    while column < len(bands):
        pieces = parts.get(column, [])
        text = " ".join(p.text.strip() for p in pieces)
        styles = b"\x00".join(_trimmed_styles(p) for p in pieces)
        span = spans.get(column, 1)
        cells.append(Cell(text, styles if text else b"", span))
        column += span
    return tuple(cells)


def _trimmed_styles(piece: _Piece) -> bytes:
    text = piece.text
    lead = len(text) - len(text.lstrip())
    tail = len(text.rstrip())
    return piece.styles[lead:tail]


def _note_lines(lines: list[_Line]) -> list[Cell]:
    """The notes, a note carried onto a second line joined to it."""
    notes: list[list[_Line]] = []
    for line in lines:
        if _is_note(line) or not notes:
            notes.append([line])
        else:
            notes[-1].append(line)
    return [Cell(" ".join(line.text for line in group),
                 b"\x00".join(bytes(line.styles) for line in group)) for group in notes]
