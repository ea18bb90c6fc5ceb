"""What the PDF reader made of a file, kept by the file's content so no PDF is read twice.

Reading a PDF's characters is the one costly step of the read stage (some 15 ms a page); its
result, the ``Layout``, depends only on the file's bytes and on the reader's code. So the
cache key is the SHA-256 of the bytes together with a digest of the reader's own source files:
an edited reader never serves an old reading. Entries are JSON (never pickle: a cache folder
must not be a way to run code), written to a temporary name and renamed, so two builds at
once, or one stopped half-way, never leave a torn entry. The cache lives outside ``site/``
(by default ``.cache/resolution-atlas`` beside ``mkdocs.yml``) and can be deleted at any time.
"""

from __future__ import annotations

import base64
import hashlib
import json
import os
import tempfile
from dataclasses import asdict
from functools import cache
from pathlib import Path
from typing import Any

from .layout import Cell, Layout, Line, Link, Table

# The modules whose code decides what a reading holds.
_READER_MODULES = ("pdf.py", "pdf_furniture.py", "pdf_tables.py", "layout.py", "cache.py")


@cache
def reader_digest() -> str:
    here = Path(__file__).resolve().parent
    digest = hashlib.sha256()
    for name in _READER_MODULES:
        digest.update((here / name).read_bytes())
    return digest.hexdigest()[:16]


class LayoutCache:
    """Readings by content; ``folder`` None keeps nothing (every file is read afresh)."""

    def __init__(self, folder: Path | None) -> None:
        self.folder = folder

    def key(self, data: bytes) -> str:
        return f"{hashlib.sha256(data).hexdigest()}-{reader_digest()}"

    def get(self, key: str, name: str) -> Layout | None:
        if self.folder is None:
            return None
        path = self.folder / f"{key}.json"
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            return layout_from_json(stored, name)
        except (OSError, ValueError, KeyError, TypeError):
            return None  # missing or unreadable: read the file again

    def put(self, key: str, layout: Layout) -> None:
        if self.folder is None:
            return
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            handle, temporary = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
            with os.fdopen(handle, "w", encoding="utf-8") as out:
                json.dump(layout_to_json(layout), out, ensure_ascii=False,
                          separators=(",", ":"))
            os.replace(temporary, self.folder / f"{key}.json")
        except OSError:
            pass  # a cache that cannot be written only costs time


def layout_to_json(layout: Layout) -> dict[str, Any]:
    return {"kind": layout.kind, "pages": layout.pages,
            "warnings": [list(w) for w in layout.warnings], "facts": layout.facts,
            "lines": [_line_json(line) for line in layout.lines]}


def layout_from_json(data: dict[str, Any], name: str) -> Layout:
    return Layout(name, data["kind"], tuple(_line_of(x) for x in data["lines"]),
                  pages=data["pages"], warnings=tuple((n, m) for n, m in data["warnings"]),
                  facts=dict(data["facts"]))


def _bytes(value: bytes) -> str:
    return base64.b64encode(value).decode("ascii")


def _line_json(line: Line) -> dict[str, Any]:
    data = asdict(line)
    data["styles"] = _bytes(line.styles)
    data["links"] = [[k.start, k.end, k.target] for k in line.links]
    data["facts"] = [list(f) for f in line.facts]
    if line.table is not None:
        data["table"] = {
            "header": [[_cell_json(c) for c in row] for row in line.table.header],
            "rows": [[_cell_json(c) for c in row] for row in line.table.rows],
            "notes": [_cell_json(c) for c in line.table.notes]}
    return data


def _cell_json(cell: Cell) -> list[Any]:
    return [cell.text, _bytes(cell.styles), cell.span]


def _cell_of(data: list[Any]) -> Cell:
    return Cell(data[0], base64.b64decode(data[1]), data[2])


def _line_of(data: dict[str, Any]) -> Line:
    table = data.pop("table")
    return Line(**{**data, "styles": base64.b64decode(data["styles"]),
                   "links": tuple(Link(*k) for k in data["links"]),
                   "facts": tuple(tuple(f) for f in data["facts"]),
                   "table": None if table is None else Table(
                       tuple(tuple(_cell_of(c) for c in row) for row in table["header"]),
                       tuple(tuple(_cell_of(c) for c in row) for row in table["rows"]),
                       tuple(_cell_of(c) for c in table["notes"]))})
