"""What ``mkdocs serve`` can copy as it was: the pages an edit does not reach.

Engine-free: the plugin asks, after each build's linking, which direct pages (resolutions,
comparisons) an edit reached, and copies the others from where it kept them.
"""

from __future__ import annotations

from pathlib import Path

from jinja2 import BytecodeCache
from jinja2.bccache import Bucket

from .paths import page_path
from .pipeline import Preview
from .render import SiteRenderer


def reached_pages(preview: Preview, renderer: SiteRenderer) -> set[str] | None:
    """Site paths of the direct pages an edit reaches (None: all of them): the pages of the
    resolutions it changed and of those showing anything of them (lineage, series, citations
    either way), and the comparisons of any of these."""
    if preview.touched is None:
        return None
    changed = preview.touched
    reached = set(changed)
    for r in renderer.resolutions:
        shown = {c.symbol for p in r.paragraphs for c in p.lineage}
        shown |= set(r.series.members) if r.series else set()
        shown |= {c.symbol for c in (*r.cites, *r.cited_by)}
        if shown & changed:
            reached.add(r.symbol)
    pages = {page_path(r) for r in renderer.resolutions if r.symbol in reached}
    pages |= {src for src, pair in renderer.comparisons.items() if set(pair) & reached}
    return pages


def write_bytes(path: Path, data: bytes) -> None:
    """``data`` as the file ``path``: a new file (what was there, perhaps hard-linked into the
    site being served, is unlinked first, never written over)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    path.unlink(missing_ok=True)
    path.write_bytes(data)


def tree_key(*folders: Path) -> tuple:
    """Every file below ``folders`` with its modification time and size."""
    found = []
    for folder in folders:
        for path in sorted(folder.rglob("*")) if folder.is_dir() else ():
            if path.is_file():
                stat = path.stat()
                found.append((str(path), stat.st_mtime_ns, stat.st_size))
    return tuple(found)


class HeldBytecode(BytecodeCache):
    """The theme's templates as compiled by the last build, held in memory: MkDocs makes a new
    Jinja environment for each build, which would compile all of Material's templates again
    (about a quarter of a second) for every edit. Jinja keys each by the template's name and
    source, so an edited template is compiled afresh."""

    def __init__(self) -> None:
        self.held: dict[str, bytes] = {}

    def load_bytecode(self, bucket: Bucket) -> None:
        if bucket.key in self.held:
            bucket.bytecode_from_string(self.held[bucket.key])

    def dump_bytecode(self, bucket: Bucket) -> None:
        self.held[bucket.key] = bucket.bytecode_to_string()
