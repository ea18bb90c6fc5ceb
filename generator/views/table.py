"""A table of a resolution as its template draws it: header rows, body rows and notes.

What holds: a cell's text is cut only where letters are raised ("2024" + raised "a"), and the
columns that mostly hold figures are marked to be set flush right, header included.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from ..model import Table, TableCell


@dataclass(frozen=True)
class CellView:
    """One cell: its text cut where letters are raised ("2024" + raised "a"), whether it
    holds a figure (set flush right, as the official table sets figures), its span."""

    runs: tuple[tuple[str, bool], ...]  # (text, raised)
    span: int
    figure: bool


# A figure as tables print them: "63 930 800", "(2 061 900)", "7.5", an en dash, "Under 22,946";
# a column that mostly holds them ("Not applicable" aside) is a column of figures.
_FIGURE = re.compile(r"(?:Under |Over )?[(]?[\d\u2013\u2014-][\d\s.,\u202f]*[)]?|\u2013|\u2014|-")


def cell_view(cell: TableCell, figure: bool) -> CellView:
    cuts = sorted({0, len(cell.text), *(x for span in cell.raised for x in span)})
    runs = tuple((cell.text[a:b], any(s <= a and b <= e for s, e in cell.raised))
                 for a, b in itertools.pairwise(cuts))
    return CellView(runs, cell.span, figure)


@dataclass(frozen=True)
class TableView:
    """A table of the text, ready to draw: header rows, body rows, its notes."""

    id: str
    header: tuple[tuple[CellView, ...], ...]
    rows: tuple[tuple[CellView, ...], ...]
    notes: tuple[CellView, ...]

    @classmethod
    def of(cls, table: Table) -> TableView:
        """Columns that mostly hold figures are set flush right, header included."""
        figures = _figure_columns(table)

        def rows(grid):
            views = []
            for row in grid:
                column, cells = 0, []
                for cell in row:
                    cells.append(cell_view(cell, column in figures))
                    column += cell.span
                views.append(tuple(cells))
            return tuple(views)

        return cls(table.id, rows(table.header), rows(table.rows),
                   tuple(cell_view(n, False) for n in table.notes))


def _figure_columns(table: Table) -> set[int]:
    counts: dict[int, list[bool]] = {}
    for row in table.rows:
        column = 0
        for cell in row:
            if cell.text.strip():
                counts.setdefault(column, []).append(bool(_FIGURE.fullmatch(cell.text.strip())))
            column += cell.span
    return {c for c, found in counts.items() if c and sum(found) * 2 > len(found)}
