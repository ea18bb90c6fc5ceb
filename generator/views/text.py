"""The text of a paragraph or footnote as its template draws it: runs, links, terms, markers.

What holds: the text is only ever cut, never changed; joining the runs of ``inline_items``
gives the text back, each footnote marker stands at its recorded offset, and a link or term
cut by a marker becomes two. Italics are the source's where it knows them (a PDF), else the
lead words UN style sets in italics.
"""

from __future__ import annotations

import itertools
from collections import defaultdict
from dataclasses import dataclass
from typing import Literal

from ..data import Body
from ..glossary import Term, find_terms
from ..model import Footnote, Paragraph, Reference
from ..typography import split_lead


@dataclass(frozen=True)
class Run:
    """A piece of text, in italics (the UN's lead words, titles of publications) or not."""

    text: str
    italic: bool = False


@dataclass(frozen=True)
class Inline:
    """One item of a paragraph's line: plain runs, a link, a term with a tooltip, or a marker."""

    kind: Literal["plain", "link", "term", "marker"]
    runs: tuple[Run, ...] = ()
    reference: Reference | None = None
    term: Term | None = None
    number: int = 0  # footnote number, for markers
    ref_id: str = ""  # the marker's own id: "fnref-op6-2"
    note: str = ""  # the footnote's text, shown on hover


def marker_ids(paragraph: Paragraph) -> list[str]:
    """One unique id per marker: ``fnref-op6-2``, then ``fnref-op6-2-2`` for a repeat."""
    seen: dict[int, int] = defaultdict(int)
    ids = []
    for number in paragraph.footnotes:
        seen[number] += 1
        suffix = f"-{seen[number]}" if seen[number] > 1 else ""
        ids.append(f"fnref-{paragraph.id}-{number}{suffix}")
    return ids


Span = Reference | Term


def inline_items(text: str, *, italic: tuple[tuple[int, int], ...] = (),
                 markers: list[Inline] | None = None, offsets: list[int] | None = None,
                 spans: list[Span] = ()) -> list[Inline]:
    """Cut ``text`` at italic boundaries, at marker offsets and at link and term boundaries.

    The text is only ever cut, never changed: joining the runs gives ``text`` back, each
    marker stands exactly at its recorded offset, and a link or term cut by a marker becomes
    two (an ``<a>`` cannot hold the marker's own link).
    """
    markers, offsets = markers or [], offsets or []
    italic = tuple((min(a, len(text)), min(b, len(text))) for a, b in italic)
    cuts = sorted({0, len(text), *offsets, *(x for span in italic for x in span),
                   *(x for span in spans for x in (span.start, span.end))})
    items: list[Inline] = []
    pending = sorted(zip(offsets, range(len(markers)), strict=True))
    for start, end in itertools.pairwise(cuts):
        while pending and pending[0][0] <= start:
            items.append(markers[pending.pop(0)[1]])
        span = next((s for s in spans if s.start <= start and end <= s.end), None)
        run = Run(text[start:end], italic=any(a <= start and end <= b for a, b in italic))
        last = items[-1] if items else None
        if last is not None and last.kind != "marker" and _same_span(last, span):
            items[-1] = Inline(last.kind, (*last.runs, run), last.reference, last.term)
        elif isinstance(span, Reference):
            items.append(Inline("link", (run,), reference=span))
        elif isinstance(span, Term):
            items.append(Inline("term", (run,), term=span))
        else:
            items.append(Inline("plain", (run,)))
    items += [markers[index] for _, index in pending]
    return items


def _same_span(item: Inline, span: Span | None) -> bool:
    return (item.reference or item.term) is span if span is not None else item.kind == "plain"


def annotation_spans(references: tuple[Reference, ...], terms: list[Term],
                     seen_names: set[str]) -> list[Span]:
    """References, and the terms that overlap none of them. A body's full name gets its
    tooltip at its first occurrence on the page only (``seen_names`` carries that across
    paragraphs); abbreviations get it every time, as readers may land anywhere."""
    spans: list[Span] = list(references)
    for term in terms:
        if any(term.start < r.end and r.start < term.end for r in references):
            continue
        if not term.abbreviation:
            if term.body.abbr in seen_names:
                continue
            seen_names.add(term.body.abbr)
        spans.append(term)
    return sorted(spans, key=lambda s: s.start)


@dataclass(frozen=True)
class ParagraphView:
    """What the template needs to draw one paragraph."""

    id: str
    kind: str
    depth: int
    label: str
    items: list[Inline]


def italic_spans(text: str, italic: tuple[tuple[int, int], ...] | None, kind: str
                 ) -> tuple[tuple[int, int], ...]:
    """The source's italics where it knows them (a PDF); else, for a text export, the lead
    words UN style sets in italics, found again by ``typography.split_lead``."""
    if italic is not None:
        return italic
    lead, _ = split_lead(text, kind)
    return ((0, len(lead)),) if lead else ()


def paragraph_view(paragraph: Paragraph, notes: dict[int, Footnote], bodies: tuple[Body, ...] = (),
                   seen_names: set[str] | None = None) -> ParagraphView:
    """Italics as the official text sets them (for text exports: only the lead words of
    top-level preambular and operative paragraphs)."""
    kind = paragraph.kind if paragraph.depth == 0 else "sub-paragraph"
    italic = italic_spans(paragraph.text, paragraph.italic, kind)
    markers = [Inline("marker", number=number, ref_id=ref_id,
                      note=notes[number].text if number in notes else "")
               for (number, _), ref_id in zip(paragraph.markers, marker_ids(paragraph),
                                               strict=True)]
    spans = annotation_spans(paragraph.references, find_terms(paragraph.text, bodies),
                             seen_names if seen_names is not None else set())
    offsets = _clamped([offset for _, offset in paragraph.markers], len(paragraph.text))
    return ParagraphView(paragraph.id, paragraph.kind, paragraph.depth, paragraph.label,
                         inline_items(paragraph.text, italic=italic, markers=markers,
                                      offsets=offsets, spans=spans))


def _clamped(offsets: list[int], length: int) -> list[int]:
    """Marker offsets kept in text order and inside the text."""
    result, position = [], 0
    for offset in offsets:
        position = min(max(offset, position), length)
        result.append(position)
    return result


def footnote_items(footnote: Footnote, bodies: tuple[Body, ...], seen_names: set[str]
                   ) -> list[Inline]:
    spans = annotation_spans(footnote.references, find_terms(footnote.text, bodies), seen_names)
    return inline_items(footnote.text, italic=footnote.italic or (), spans=spans)
