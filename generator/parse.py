"""Parse stage: one ``layout.Layout`` (from any reader) -> one ``Resolution``, or an error.

The same steps serve text exports and PDFs; each states what holds after it:

1. ``blocks_of``: the lines are blocks, one per paragraph, footnote, heading or table.
2. The recognisers (``recognisers.RECOGNISERS``, an ordered registry in the manner of
   Python-Markdown's block processors: each has a ``test`` and a ``run``): every block is
   claimed by the first recogniser whose ``test`` accepts it in the draft's present state,
   and its ``run`` records it. After them the draft knows the masthead and header facts, the
   title, the parts, every paragraph with its stable id, heading, table and footnote, and the
   closing meeting; numbering has been checked as it went.
3. ``find_markers``: footnote markers are cut out of the paragraph texts, each kept with its
   offset; a footnote sequence that does not add up becomes a warning on the paragraph where
   a reference is missing, and the words stay.
4. The ``Resolution`` is built; ``warnings`` lists what was kept but is doubtful, each with its
   line, for the build log and for a notice on the page.
"""

from __future__ import annotations

from .blocks import blocks_of
from .errors import InputError, Problem
from .layout import Layout
from .markers import find_markers
from .model import Notice, Resolution
from .read import Source, decode
from .recognisers import Draft, recognise
from .text_export import read_text_export


def parse(layout: Layout | Source, name: str | None = None) -> Resolution:
    """Parse one input; ``name`` overrides the layout's name in messages."""
    if isinstance(layout, Source):
        layout = read_text_export(layout)
    name = name or layout.name
    draft = Draft(name, layout)
    blocks = blocks_of(layout.lines)
    draft.require_header(blocks)
    for index, block in enumerate(blocks):
        draft.upcoming = blocks[index + 1:index + 12]  # what a recogniser may look ahead to
        recognise(block, draft)
    draft.finish_structure()
    texts = draft.marker_texts()
    markers = find_markers([text for text, _ in texts], len(draft.notes))
    for index, message in markers.doubts:
        draft.warn(message, texts[index][1] if texts else None)
    for number, message in layout.warnings:
        draft.notices.append(Notice(message, number))
    return draft.resolution(markers.spans)


def parse_text(text: str, name: str = "<text>") -> Resolution:
    """Convenience for tests and tools: parse a ``str`` as if read from ``name``."""
    return parse(decode(text.encode("utf-8"), name))


def problems_of(resolution: Resolution) -> list[Problem]:
    """The notices of a parsed resolution, as problems for the build log."""
    return [Problem(resolution.source, n.message, n.line or None) for n in resolution.notices]


__all__ = ["InputError", "parse", "parse_text", "problems_of"]
