"""The parsed form of a resolution: frozen dataclasses, no behaviour beyond small derived views.

Every later stage (link, render) reads these and never mutates them, so a parsed corpus can be
shared, cached and compared freely. ``to_json`` gives the public JSON shape that
``python -m generator parse`` prints and the site publishes beside each page; scripts outside the
project read it, so its keys only ever grow.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

ParagraphKind = Literal["preambular", "operative", "annex"]


@dataclass(frozen=True)
class Report:
    """The Main Committee report a resolution was adopted on (``[on the report of ...]``)."""

    committee: str  # "Second Committee"
    symbol: str  # "A/64/417"
    paragraph: str | None = None  # "para. 7" when the header cites one


@dataclass(frozen=True)
class Meeting:
    """The plenary meeting that adopted the resolution (the closing ``66th plenary meeting``)."""

    number: int
    date: date


@dataclass(frozen=True)
class Footnote:
    """One footnote: its number, its text exactly as published, and the line it stands on."""

    number: int
    text: str
    line: int  # 1-based line in the source file, for error messages

    @property
    def id(self) -> str:
        return f"fn{self.number}"


@dataclass(frozen=True)
class Paragraph:
    """A preambular, operative or annex paragraph, or one of their sub-paragraphs.

    ``text`` is the paragraph's words exactly as in the official text, whitespace collapsed,
    without its number/label and without footnote markers. ``markers`` keeps where each marker
    stood, so a renderer can put the superscripts back without ever re-reading the source.
    """

    id: str  # stable anchor: "pp3", "op6", "op6-a", "op6-a-ii", "annex-4"
    kind: ParagraphKind
    number: int | str  # 6 for op6; "a" for op6-a; "ii" for op6-a-ii
    label: str  # the number as printed: "6.", "(a)", "(ii)", "" for preambular paragraphs
    text: str
    markers: tuple[tuple[int, int], ...] = ()  # (footnote number, offset in text), in text order
    parent: str | None = None  # id of the enclosing paragraph for a sub-paragraph
    section: str | None = None  # id of the section heading it stands under, if any
    line: int = 0  # 1-based source line where the paragraph starts
    depth: int = 0  # 0 for a paragraph, 1 for (a), 2 for (i)

    @property
    def footnotes(self) -> list[int]:
        """Footnote numbers in the order their markers occur (repeats kept)."""
        return [number for number, _ in self.markers]


@dataclass(frozen=True)
class Heading:
    """A section heading inside the body or an annex (``I.``, ``A.``, ``Annex``)."""

    id: str  # "sec-i", "annex"
    label: str  # "I", "A", "Annex"
    title: str  # the heading's words, may be empty
    line: int = 0


@dataclass(frozen=True)
class Resolution:
    """One General Assembly resolution, parsed from one ODS text export."""

    symbol: str  # "A/RES/64/187"
    number: str  # "64/187" (or "57/270 B")
    session: int
    title: str
    adopted: date
    report: Report | None
    meeting: Meeting
    distributed: date | None
    agenda_items: tuple[str, ...]
    job_number: str | None  # ODS job number, "N0947305E"
    paragraphs: tuple[Paragraph, ...]
    footnotes: tuple[Footnote, ...]
    headings: tuple[Heading, ...] = ()
    draft: str | None = None  # draft symbol when adopted without reference to a Main Committee
    source: str = field(default="", compare=False)  # file it was read from, for messages only

    @property
    def preambular(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "preambular"]

    @property
    def operative(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "operative"]

    @property
    def annex(self) -> list[Paragraph]:
        return [p for p in self.paragraphs if p.kind == "annex"]

    @property
    def path(self) -> str:
        """Site path of the page, mirroring the symbol: ``A/RES/64/187.html``."""
        return f"{self.symbol}.html"

    @property
    def official_url(self) -> str:
        return f"https://undocs.org/en/{self.symbol}"

    def footnote(self, number: int) -> Footnote:
        return self.footnotes[number - 1]

    def references_to(self, number: int) -> list[Paragraph]:
        """Paragraphs that reference footnote ``number``, in text order (a paragraph once)."""
        return [p for p in self.paragraphs if number in p.footnotes]


def to_json(resolution: Resolution) -> dict[str, Any]:
    """The public JSON shape (see README, "JSON"). Optional keys appear only when they apply."""
    data: dict[str, Any] = {
        "symbol": resolution.symbol,
        "number": resolution.number,
        "session": resolution.session,
        "title": resolution.title,
        "adopted": resolution.adopted.isoformat(),
        "report": _report_json(resolution.report),
        "meeting": {
            "number": resolution.meeting.number,
            "date": resolution.meeting.date.isoformat(),
        },
        "distributed": resolution.distributed.isoformat() if resolution.distributed else None,
        "agenda_items": list(resolution.agenda_items),
        "job_number": resolution.job_number,
        "paragraphs": [_paragraph_json(p) for p in resolution.paragraphs],
        "footnotes": [
            {"id": f.id, "number": f.number, "text": f.text} for f in resolution.footnotes
        ],
    }
    if resolution.draft:
        data["draft"] = resolution.draft
    if resolution.headings:
        data["headings"] = [
            {"id": h.id, "label": h.label, "title": h.title} for h in resolution.headings
        ]
    return data


def _report_json(report: Report | None) -> dict[str, Any] | None:
    if report is None:
        return None
    data: dict[str, Any] = {"committee": report.committee, "symbol": report.symbol}
    if report.paragraph:
        data["paragraph"] = report.paragraph
    return data


def _paragraph_json(paragraph: Paragraph) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": paragraph.id,
        "kind": paragraph.kind,
        "number": paragraph.number,
        "text": paragraph.text,
        "footnotes": paragraph.footnotes,
    }
    if paragraph.parent:
        data["parent"] = paragraph.parent
    if paragraph.section:
        data["section"] = paragraph.section
    return data


def dump_json(resolution: Resolution) -> str:
    """The JSON text published beside each page and printed by ``python -m generator parse``."""
    import json

    return json.dumps(to_json(resolution), ensure_ascii=False, indent=2) + "\n"
