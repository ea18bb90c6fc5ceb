"""The parsed form of a resolution: frozen dataclasses, no behaviour beyond small derived views.

Every later stage (link, render) reads these and never mutates them, so a parsed corpus can be
shared, cached and compared freely. ``to_json`` gives the public JSON shape that
``python -m generator parse`` prints and the site publishes beside each page; scripts outside the
project read it, so its keys only ever grow.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from datetime import date
from functools import cache
from typing import Any, Literal, TypeVar

from .paths import symbol_key

ParagraphKind = Literal["preambular", "operative", "annex"]

Record = TypeVar("Record")


def changed(record: Record, **changes: Any) -> Record:
    """``dataclasses.replace`` for these records, at a third of its cost (linking and lineage
    change every paragraph of the collection): the other fields are taken as they are. No
    record here checks its fields when made (no ``__post_init__``), so nothing is skipped;
    a name that is not a field fails, as with ``replace``. Fields are set one by one, in
    their order, as ``__init__`` does: the copy's fields stay as compact as the original's
    (a copy of ``__dict__`` would give each a dictionary of its own, 64 bytes more)."""
    kind = type(record)
    names, known = _field_names(kind)
    if not changes.keys() <= known:
        raise TypeError(f"{kind.__name__} has no field {sorted(changes.keys() - known)[0]!r}")
    copy = object.__new__(kind)
    for name in names:
        _set(copy, name, changes[name] if name in changes else getattr(record, name))
    return copy


_set = object.__setattr__  # as a frozen dataclass's own __init__ sets its fields


@cache
def _field_names(kind: type) -> tuple[tuple[str, ...], frozenset[str]]:
    names = tuple(f.name for f in fields(kind))
    return names, frozenset(names)


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


ReferenceKind = Literal["resolution", "council-resolution", "security-council-resolution",
                        "decision", "document", "instrument", "paragraph", "meeting"]


@dataclass(frozen=True)
class Reference:
    """A citation in a paragraph's or footnote's ``text``, resolved by the link stage.

    ``text[start:end]`` is the cited designation ("65/141", "A/C.2/59/3", "Tunis Agenda").
    ``href`` is relative to the page of the citing resolution (and so to its JSON, published
    beside it) when the corpus holds the target, else the official link.
    """

    text: str
    start: int
    end: int
    kind: ReferenceKind
    target: str | None  # symbol: "A/RES/65/141"; None for an instrument without one
    href: str
    internal: bool  # True when the target is a page of this site
    paragraph: str | None = None  # first cited paragraph: "op22" on our pages, else "35"
    paragraphs: tuple[str, ...] = ()  # every cited paragraph, when more than one
    instrument: str | None = None  # instrument id (data/instruments.yaml)
    preview: str = field(default="", compare=False)  # hover text, embedded at build time


@dataclass(frozen=True, slots=True)
class LineageLink:
    """A paragraph of another resolution that shares this one's language (link stage).
    (Slots: a collection holds about 140 of them per resolution, and they are never
    pickled; 40 bytes less each.)"""

    symbol: str
    paragraph: str
    similarity: float
    relation: Literal["earlier", "later"]


@dataclass(frozen=True)
class Series:
    """The resolutions on one item, in order of adoption: the Assembly takes most subjects up
    again session after session, each resolution recalling the ones before it, sometimes
    under a new title ("... for development" became "... for sustainable development").

    ``members`` are the resolutions of the collection; ``missing`` are the earlier members the
    resolutions name (the series footnote, "Recalling its resolution 77/150 ... on the
    subject") that the collection lacks: the series as the record knows it is both."""

    id: str  # "information-and-communication-technologies-for-development", from the first title
    title: str  # the latest member's title
    members: tuple[str, ...]  # symbols, oldest first
    missing: tuple[str, ...] = ()  # symbols of members not in the collection, in symbol order
    titles: tuple[tuple[str, str], ...] = ()  # (first member under it, title): each title used

    def position(self, symbol: str) -> int:
        """1 for the first member."""
        return self.members.index(symbol) + 1

    def neighbours(self, symbol: str) -> tuple[str | None, str | None]:
        """The members adopted just before and just after ``symbol``."""
        at = self.members.index(symbol)
        return (self.members[at - 1] if at else None,
                self.members[at + 1] if at + 1 < len(self.members) else None)

    def sequence(self) -> tuple[tuple[str, bool], ...]:
        """(symbol, held) of every known member, the missing ones in their place: before the
        first member that comes after them in symbol order (session, then number)."""
        out: list[tuple[str, bool]] = []
        waiting = list(self.missing)
        for member in self.members:
            while waiting and symbol_key(waiting[0]) < symbol_key(member):
                out.append((waiting.pop(0), False))
            out.append((member, True))
        return (*out, *((symbol, False) for symbol in waiting))

    def between(self, old: str, new: str) -> tuple[str, ...]:
        """The missing members adopted between two members: a comparison of ``old`` and
        ``new`` cannot tell which of them brought in a change."""
        low, high = symbol_key(old), symbol_key(new)
        return tuple(s for s in self.missing if low < symbol_key(s) < high)


@dataclass(frozen=True)
class CitationLink:
    """One resolution citing another document, seen from either end (link stage)."""

    symbol: str  # the other end: what is cited (``cites``) or who cites (``cited_by``)
    kind: str  # "resolution", "document", "instrument", ... (of the cited end)
    internal: bool  # the other end is a page of this site
    at: tuple[str, ...]  # anchors of the citing resolution where the citations stand


@dataclass(frozen=True)
class Related:
    """Another resolution sharing language with this one (paragraph lineage, summed up)."""

    symbol: str
    paragraphs: int  # this resolution's paragraphs with a counterpart there
    similarity: float  # their best similarities, averaged


@dataclass(frozen=True)
class SourceLink:
    """A link annotation of the official PDF: ``text[start:end]`` links to ``target``."""

    start: int
    end: int
    target: str


@dataclass(frozen=True)
class Footnote:
    """One footnote: its number, its text exactly as published, and the line it stands on."""

    number: int
    text: str
    line: int  # 1-based line in the source file, for error messages
    references: tuple[Reference, ...] = ()  # filled by the link stage
    page: int = 0  # page of a PDF where the footnote starts
    italic: tuple[tuple[int, int], ...] | None = None  # italic spans; None: the source never says
    source_links: tuple[SourceLink, ...] = ()  # the PDF's own link annotations over the text

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
    references: tuple[Reference, ...] = ()  # filled by the link stage
    lineage: tuple[LineageLink, ...] = ()  # counterparts in other resolutions (link stage)
    page: int = 0  # page of a PDF where the paragraph starts
    italic: tuple[tuple[int, int], ...] | None = None  # italic spans; None: the source never says
    source_links: tuple[SourceLink, ...] = ()  # the PDF's own link annotations over the text
    part: str | None = None  # "A" for a paragraph of part A of a multi-part resolution

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
    position: int = 0  # index in ``Resolution.paragraphs`` of the first paragraph after it
    level: int = 3  # 2 for an annex, 3 for a section, 4 for a heading inside a section
    part: str | None = None  # the part letter of a multi-part resolution


@dataclass(frozen=True)
class TableCell:
    text: str
    span: int = 1  # columns it spans
    raised: tuple[tuple[int, int], ...] = ()  # superscript spans: the "a" of "2024a"


@dataclass(frozen=True)
class Table:
    """A table of the official text (budgets, scales of assessment), every figure kept."""

    id: str  # "table-1"
    position: int  # index in ``Resolution.paragraphs`` of the first paragraph after it
    header: tuple[tuple[TableCell, ...], ...]
    rows: tuple[tuple[TableCell, ...], ...]
    notes: tuple[TableCell, ...] = ()  # the table's own notes ("a See A/78/534.", "a" raised)
    line: int = 0
    page: int = 0
    section: str | None = None


@dataclass(frozen=True)
class Part:
    """One part of a multi-part resolution (``76/247 A``): its letter, title and meeting."""

    letter: str
    title: str
    meeting: Meeting
    line: int = 0

    @property
    def id(self) -> str:
        return f"part-{self.letter}"


@dataclass(frozen=True)
class AgendaItem:
    """An agenda item of the masthead, with its title when the masthead prints it."""

    item: str  # "15", "75 (b)"
    title: str | None = None


@dataclass(frozen=True)
class Notice:
    """Something kept as read but doubtful (footnotes that do not add up, ...): shown on the
    page and reported in the build log, with the line it concerns."""

    message: str
    line: int = 0
    page: int = 0


@dataclass(frozen=True)
class Resolution:
    """One General Assembly resolution, parsed from its official PDF or an ODS text export."""

    symbol: str  # "A/RES/64/187"
    number: str  # "64/187" (or "57/270 B")
    session: int | str  # 64; "ES-11" for an emergency special session
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
    series: Series | None = None  # relations across the corpus, filled by the link stage
    cites: tuple[CitationLink, ...] = ()
    cited_by: tuple[CitationLink, ...] = ()
    related: tuple[Related, ...] = ()
    agenda: tuple[AgendaItem, ...] = ()  # agenda items with their titles, as the masthead has them
    parts: tuple[Part, ...] = ()  # parts A, B, ... of a multi-part resolution
    tables: tuple[Table, ...] = ()
    order: tuple[str, ...] = ()  # ids of paragraphs, headings and tables in reading order
    notes: tuple[str, ...] = ()  # notes of the masthead: "* Reissued for technical reasons on ..."
    notices: tuple[Notice, ...] = ()  # kept but doubtful (see ``Notice``)
    kind: str = "text"  # what it was read from: "text" (an ODS export) or "pdf"
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

    def reading_order(self) -> list[Paragraph | Heading | Table]:
        """Paragraphs, headings and tables as the text reads (``order``; when a resolution
        was built without it, headings and tables go before the paragraph at their
        ``position``)."""
        by_id: dict[str, Paragraph | Heading | Table] = {
            x.id: x for x in (*self.headings, *self.tables, *self.paragraphs)}
        if self.order:
            return [by_id[key] for key in self.order]
        inserts: dict[int, list[Heading | Table]] = {}
        for x in (*self.headings, *self.tables):
            inserts.setdefault(x.position, []).append(x)
        found: list[Paragraph | Heading | Table] = []
        for index, paragraph in enumerate(self.paragraphs):
            found += inserts.pop(index, [])
            found.append(paragraph)
        for key in sorted(inserts):
            found += inserts[key]
        return found

    @property
    def meeting_record(self) -> str:
        """The verbatim record of the adopting meeting: 66th meeting of session 64 -> A/64/PV.66."""
        return f"A/{self.session}/PV.{self.meeting.number}"

    @property
    def official_url(self) -> str:
        return f"https://undocs.org/en/{self.symbol}"

    def footnote(self, number: int) -> Footnote:
        return self.footnotes[number - 1]

    def references_to(self, number: int) -> list[Paragraph]:
        """Paragraphs that reference footnote ``number``, in text order (a paragraph once)."""
        return [p for p in self.paragraphs if number in p.footnotes]


def by_adoption(resolution: Resolution) -> tuple[date, str]:
    """Sort key for time order: adoption date, then symbol (a day adopts dozens)."""
    return (resolution.adopted, resolution.symbol)


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
            "record": resolution.meeting_record,
        },
        "distributed": resolution.distributed.isoformat() if resolution.distributed else None,
        "agenda_items": list(resolution.agenda_items),
        "job_number": resolution.job_number,
        "paragraphs": [_paragraph_json(p) for p in resolution.paragraphs],
        "footnotes": [_footnote_json(f) for f in resolution.footnotes],
    }
    if resolution.draft:
        data["draft"] = resolution.draft
    if resolution.headings:
        data["headings"] = [_heading_json(h) for h in resolution.headings]
    data["series"] = _series_json(resolution)
    data["cites"] = [{"target": c.symbol, "kind": c.kind, "internal": c.internal,
                      "at": list(c.at)} for c in resolution.cites]
    data["cited_by"] = [{"symbol": c.symbol, "at": list(c.at)} for c in resolution.cited_by]
    data["related"] = [{"symbol": r.symbol, "paragraphs": r.paragraphs,
                        "similarity": r.similarity} for r in resolution.related]
    data["source"] = {"format": resolution.kind}
    if resolution.agenda and any(item.title for item in resolution.agenda):
        data["agenda"] = [{"item": a.item, "title": a.title} for a in resolution.agenda]
    if resolution.notes:
        data["notes"] = list(resolution.notes)
    if resolution.parts:
        data["parts"] = [{"id": p.id, "letter": p.letter, "title": p.title,
                          "meeting": {"number": p.meeting.number,
                                      "date": p.meeting.date.isoformat()}}
                         for p in resolution.parts]
    if resolution.tables:
        data["tables"] = [_table_json(t) for t in resolution.tables]
    data["order"] = [x.id for x in resolution.reading_order()]
    if resolution.notices:
        data["notices"] = [{"message": n.message, "line": n.line, "page": n.page or None}
                           for n in resolution.notices]
    return data


def _footnote_json(footnote: Footnote) -> dict[str, Any]:
    data: dict[str, Any] = {"id": footnote.id, "number": footnote.number, "text": footnote.text,
                            "references": _references_json(footnote.references)}
    _source_facts(data, footnote.page, footnote.italic, footnote.source_links)
    return data


def _series_json(resolution: Resolution) -> dict[str, Any] | None:
    series = resolution.series
    if series is None:
        return None
    previous, following = series.neighbours(resolution.symbol)
    return {"id": series.id, "title": series.title, "members": list(series.members),
            "position": series.position(resolution.symbol),
            "previous": previous, "next": following, "missing": list(series.missing),
            "titles": [{"from": symbol, "title": title} for symbol, title in series.titles]}


def _heading_json(heading: Heading) -> dict[str, Any]:
    data: dict[str, Any] = {"id": heading.id, "label": heading.label, "title": heading.title}
    if heading.level != 3:
        data["level"] = heading.level
    if heading.part:
        data["part"] = heading.part
    return data


def _table_json(table: Table) -> dict[str, Any]:
    def row(cells: tuple[TableCell, ...]) -> list[dict[str, Any]]:
        return [{"text": c.text, **({"span": c.span} if c.span > 1 else {}),
                 **({"raised": [list(r) for r in c.raised]} if c.raised else {})}
                for c in cells]

    return {"id": table.id, "header": [row(r) for r in table.header],
            "rows": [row(r) for r in table.rows], "notes": [n.text for n in table.notes],
            "page": table.page or None}


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
        "references": _references_json(paragraph.references),
        "see_also": [{"symbol": c.symbol, "paragraph": c.paragraph,
                      "similarity": c.similarity, "relation": c.relation}
                     for c in paragraph.lineage],
    }
    if paragraph.parent:
        data["parent"] = paragraph.parent
    if paragraph.section:
        data["section"] = paragraph.section
    if paragraph.part:
        data["part"] = paragraph.part
    if paragraph.label:
        data["label"] = paragraph.label  # as printed: "6.", "(a)"
    _source_facts(data, paragraph.page, paragraph.italic, paragraph.source_links)
    return data


def _source_facts(data: dict[str, Any], page: int, italic: tuple[tuple[int, int], ...] | None,
                  links: tuple[SourceLink, ...]) -> None:
    """What only an official PDF tells: the page, the italic spans, its own links."""
    if page:
        data["page"] = page
    if italic is not None:
        data["italic"] = [list(span) for span in italic]
    if links:
        data["source_links"] = [{"start": k.start, "end": k.end, "target": k.target}
                                for k in links]


def _references_json(references: tuple[Reference, ...]) -> list[dict[str, Any]]:
    result = []
    for ref in references:
        data: dict[str, Any] = {"text": ref.text, "start": ref.start, "end": ref.end,
                                "kind": ref.kind, "target": ref.target,
                                "paragraph": ref.paragraph, "href": ref.href}
        if len(ref.paragraphs) > 1:
            data["paragraphs"] = list(ref.paragraphs)
        if ref.instrument:
            data["instrument"] = ref.instrument
        result.append(data)
    return result


def dump_json(resolution: Resolution) -> str:
    """The JSON text published beside each page and printed by ``python -m generator parse``."""
    import orjson  # the same text as json.dumps(..., ensure_ascii=False, indent=2) + "\n"

    return orjson.dumps(to_json(resolution),
                        option=orjson.OPT_INDENT_2 | orjson.OPT_APPEND_NEWLINE).decode()
