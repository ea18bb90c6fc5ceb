"""The block recognisers of the parse stage, shared by every reader, body and annexes alike.

Each recogniser knows one construct of a General Assembly resolution. ``test`` says whether a
block is that construct given what the ``Draft`` has seen so far (its ``region``) and, where
needed, the blocks that follow; ``run`` records it in the draft. ``RECOGNISERS`` is their
order of precedence, as in Python-Markdown's ``BlockParser``: the first recogniser whose test
passes takes the block. A block no recogniser takes is an error naming its line.

The regions, in the order a resolution passes through them:

    masthead   "United Nations A/RES/78/132", "Distr.: General" and its date, session,
               agenda items and their titles (a PDF's first page)
    header     "Resolution adopted by the General Assembly on ...", "[on the report of ...]"
    title      "78/132. Information and communications technologies ..." and its lines
    part       "A" and the part's title, in a multi-part resolution (parts A, B, ...)
    body       "The General Assembly," then preambular and operative paragraphs, headings
    closing    "49th plenary meeting", then its date
    closed     after the date: the next part, an annex, or the footnotes
    annex      "Annex I", its title, its paragraphs, headings and tables
    notes      the footnotes of a text export (a PDF's footnotes are lines of their own)
    trailer    the ODS markers and masthead of a text export
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date

from . import patterns as P
from .blocks import Block
from .errors import InputError
from .layout import ITALIC, SUPERSCRIPT, Layout
from .model import (
    AgendaItem,
    Footnote,
    Heading,
    Meeting,
    Notice,
    Paragraph,
    ParagraphKind,
    Part,
    Report,
    Resolution,
    SourceLink,
    Table,
    TableCell,
)
from .styled import Styled

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMANS = (
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
    "xxi", "xxii", "xxiii", "xxiv", "xxv", "xxvi", "xxvii", "xxviii", "xxix", "xxx",
)


# --- The draft: what the recognisers have found so far -----------------------------------------


@dataclass
class _Item:
    """A paragraph before its footnote markers are cut out."""

    id: str
    kind: ParagraphKind
    number: int | str
    label: str
    content: Styled
    block: Block
    parent: str | None = None
    section: str | None = None
    depth: int = 0
    part: str | None = None


@dataclass
class _Note:
    number: int
    parts: list[Styled]
    block: Block


@dataclass
class _PartDraft:
    letter: str
    line: int
    title: list[str] = field(default_factory=list)
    meeting: Meeting | None = None


@dataclass
class _Flow:
    """The running state of one body (of the resolution or of one part) or one annex."""

    prefix: str  # "" for the body, "A-" for part A, "annex-i" for annex I
    kind: ParagraphKind = "preambular"
    preambular: int = 0
    operative: int = 0
    unnumbered: int = 0
    stack: list[_Item] = field(default_factory=list)  # the open paragraph and its sub-paragraphs
    section: str | None = None
    untitled: Heading | None = None  # a heading whose title may follow on the next block
    runs: int = 1  # annex numbering that starts again at 1 makes a new run
    listing: int = 0  # the last number of a numbered list inside the open paragraph


class Draft:
    """Everything recognised in one input, and the state the recognisers read."""

    def __init__(self, name: str, layout: Layout) -> None:
        self.name = name
        self.layout = layout
        self.region = "masthead"
        self.facts: dict[str, list[str]] = {}
        self.masthead_symbol: str | None = None
        self.distributed: date | None = None
        self.session_words: str | None = None
        self.agenda: list[list[str]] = []  # [item, title words...]
        self.agenda_items: tuple[str, ...] = ()
        self.masthead_notes: list[Styled] = []
        self.adopted: date | None = None
        self.report: Report | None = None
        self.draft_symbol: str | None = None
        self.number: re.Match[str] | None = None
        self.title_block: Block | None = None
        self.title: list[Styled] = []
        self.parts: list[_PartDraft] = []
        self.meeting: Meeting | None = None
        self.meeting_number = 0  # of a closing line whose date is on the next block
        self.closing_block: Block | None = None
        self.items: list[_Item] = []
        self.headings: list[Heading] = []
        self.tables: list[Table] = []
        self.order: list[str] = []  # ids of paragraphs, headings and tables in reading order
        self.notes: list[_Note] = []
        self.notices: list[Notice] = []
        self.flow = _Flow("")
        self.annexes = 0
        self.upcoming: list[Block] = []  # the blocks after the one being recognised

    # --- messages ---------------------------------------------------------------------

    def fail(self, message: str, block: Block | None) -> InputError:
        line = block.first if block else None
        if line is not None and line.page:
            message = f"{message} (page {line.page})"
        return InputError(self.name, message, line.number if line else None)

    def warn(self, message: str, block: Block | None) -> None:
        line = block.first if block else None
        self.notices.append(Notice(message, line.number if line else 0,
                                   line.page if line else 0))

    # --- ids ----------------------------------------------------------------------------

    @property
    def part_prefix(self) -> str:
        return f"{self.parts[-1].letter}-" if self.parts else ""

    def add_item(self, item: _Item) -> _Item:
        self.items.append(item)
        self.order.append(item.id)
        return item

    def add_heading(self, heading: Heading) -> Heading:
        taken = {h.id for h in self.headings}
        base, n = heading.id, 1
        new_id = base
        while new_id in taken:
            n += 1
            new_id = f"{base}-{n}"
        heading = Heading(new_id, heading.label, heading.title, heading.line, len(self.items),
                          heading.level, heading.part)
        self.headings.append(heading)
        self.order.append(heading.id)
        return heading

    def retitle(self, heading: Heading, title: str) -> Heading:
        index = self.headings.index(heading)
        self.headings[index] = Heading(heading.id, heading.label, title, heading.line,
                                       heading.position, heading.level, heading.part)
        return self.headings[index]

    # --- before the first block and after the last ----------------------------------------

    def require_header(self, blocks: list[Block]) -> None:
        """Refuse at once what is no resolution at all, saying what is missing."""
        texts = [b.text for b in blocks if b.role == "text"]
        for pattern, what in ((P.ADOPTION, "'Resolution adopted by the General Assembly on "
                               "<date>'"), (P.TITLE, "'<session>/<number>. <title>'")):
            if not any(pattern.match(text) for text in texts):
                raise InputError(self.name, f"not a General Assembly resolution: no {what} "
                                 "line", 1)


    def finish_structure(self) -> None:
        for missing, what in ((self.adopted, "'Resolution adopted by the General Assembly on "
                               "<date>'"), (self.number, "'<session>/<number>. <title>'")):
            if missing is None:
                raise InputError(self.name, f"not a General Assembly resolution: no {what} "
                                 "line", 1)
        if self.region in ("header", "title", "part"):
            raise self.fail("no 'The General Assembly,' line after the title", self.title_block)
        if self.meeting is None:
            raise self.fail("no closing '<n>th plenary meeting' line after the text",
                            self.items[-1].block if self.items else self.title_block)
        self._check_symbol()

    def _check_symbol(self) -> None:
        expected = self.symbol
        found = [s for s in self.facts.get("symbol", []) if s]
        if self.masthead_symbol:
            found.append(self.masthead_symbol)
        for symbol in found:
            if symbol.replace(" ", "").rstrip("*") != expected:
                raise self.fail(f"symbol {symbol} on the document does not match the "
                                f"resolution number {self.number_text} (expected {expected})",
                                self.title_block)

    @property
    def number_text(self) -> str:
        assert self.number
        return f"{self.number['session']}/{self.number['serial']}" + (
            f" {self.number['part']}" if self.number["part"] else "")

    @property
    def symbol(self) -> str:
        assert self.number
        return f"A/RES/{self.number['session']}/{self.number['serial']}{self.number['part'] or ''}"

    def marker_texts(self) -> list[tuple[Styled, Block]]:
        """Every text that may hold footnote markers, in reading order: paragraphs, and the
        title words of headings (their markers are cut, the words kept)."""
        return [(item.content, item.block) for item in self.items]

    def resolution(self, spans: list[list[tuple[int, int, int]]]) -> Resolution:
        paragraphs = tuple(_paragraph(item, marks) for item, marks in
                           zip(self.items, spans, strict=True))
        footnotes = tuple(_footnote(note) for note in self.notes)
        session = self.number["session"] if self.number else "0"
        agenda = tuple(AgendaItem(item, " ".join(rest) or None) for item, *rest in self.agenda)
        if not agenda and self.agenda_items:
            agenda = tuple(AgendaItem(item, None) for item in self.agenda_items)
        job = (self.facts.get("job") or [None])[0]
        assert self.adopted and self.meeting
        return Resolution(
            symbol=self.symbol,
            number=self.number_text,
            session=int(session) if session.isdigit() else session,
            title=" ".join(t.text for t in self.title).strip(),
            adopted=self.adopted,
            report=self.report,
            meeting=self.meeting,
            distributed=self.distributed,
            agenda_items=tuple(a.item for a in agenda),
            job_number=job,
            paragraphs=paragraphs,
            footnotes=footnotes,
            headings=tuple(self.headings),
            draft=self.draft_symbol,
            agenda=agenda,
            parts=tuple(Part(p.letter, " ".join(p.title), p.meeting or self.meeting, p.line)
                        for p in self.parts),
            tables=tuple(self.tables),
            order=tuple(self.order),
            notes=tuple(n.text for n in self.masthead_notes),
            notices=tuple(self.notices),
            kind=self.layout.kind,
            source=self.name,
        )


def _paragraph(item: _Item, spans: list[tuple[int, int, int]]) -> Paragraph:
    content, at = item.content.without((start, end) for _, start, end in spans)
    markers = []
    for (number, _, _), offset in zip(spans, at, strict=True):
        markers.append((number, offset))
    if markers:  # where each marker stands once whitespace is collapsed
        content, offsets = content.collapsed()
        markers = [(number, _before_space(content.text, offsets[offset]))
                   for number, offset in markers]
    else:  # the same text, without working out where every character went
        content = content.squashed()
    return Paragraph(
        id=item.id, kind=item.kind, number=item.number, label=item.label, text=content.text,
        markers=tuple(markers), parent=item.parent, section=item.section,
        line=item.block.line, depth=item.depth, page=item.block.first.page,
        italic=content.spans(ITALIC) if content.styles else None,
        source_links=tuple(SourceLink(link.start, link.end, link.target)
                           for link in content.links),
        part=item.part)


def _before_space(text: str, offset: int) -> int:
    """A marker that stood between two spaces ("Society, ⁸ held") belongs to the word before."""
    if offset > 0 and offset <= len(text) and text[offset - 1:offset] == " ":
        return offset - 1
    return offset


def _footnote(note: _Note) -> Footnote:
    content = Styled.join(note.parts, [" "] * (len(note.parts) - 1)).squashed()
    return Footnote(note.number, content.text, note.block.line, page=note.block.first.page,
                    italic=content.spans(ITALIC) if content.styles else None,
                    source_links=tuple(SourceLink(link.start, link.end, link.target)
                                       for link in content.links))


# --- The recognisers --------------------------------------------------------------------------


@dataclass(frozen=True)
class Recogniser:
    """One construct: ``test(block, draft)`` says it is here; ``run(block, draft)`` records it."""

    name: str
    test: Callable[[Block, Draft], bool]
    run: Callable[[Block, Draft], None]


def recognise(block: Block, draft: Draft) -> None:
    for recogniser in RECOGNISERS:
        if recogniser.test(block, draft):
            recogniser.run(block, draft)
            return
    raise draft.fail(_unexpected(block, draft), block)


def _unexpected(block: Block, draft: Draft) -> str:
    where = {"masthead": "before the title", "header": "before the title",
             "title": "between the title and 'The General Assembly,'",
             "closing": "after the plenary meeting line (its date was expected)",
             "closed": "after the plenary meeting date",
             "trailer": "among the ODS markers and page furniture (it would be lost; is a "
                        "paragraph misplaced?)"}.get(draft.region, f"in the {draft.region}")
    return f"unexpected text {where}: {block.text[:80]!r}"


def _date(text: str, draft: Draft, block: Block) -> date:
    """A date of the document; an impossible one ("30 February 2009") is an error."""
    try:
        return P.parse_date(text)
    except ValueError:
        raise draft.fail(f"impossible date {text!r}", block) from None


# Furniture: its facts are kept, its words never become text.

def _furniture_test(block: Block, draft: Draft) -> bool:
    return block.role == "furniture"


def _furniture_run(block: Block, draft: Draft) -> None:
    for line in block.lines:
        for key, value in line.facts:
            draft.facts.setdefault(key, []).append(value)
        if line.rule == "ods-marker" and draft.region in ("closed", "annex", "notes"):
            draft.region = "trailer"


# Footnotes of a PDF: lines under the footnote rule.

_NOTE_START = re.compile(r"(?P<number>\d{1,3})\s*")
_MASTHEAD_NOTE = re.compile(r"\*+\s*\S")


def _pdf_note_test(block: Block, draft: Draft) -> bool:
    return block.role == "note"


def _pdf_note_run(block: Block, draft: Draft) -> None:
    content = block.content
    raised = len(content.text) - len(content.text.lstrip("0123456789"))
    match = _NOTE_START.match(content.text)
    if match and raised and all(content.style_at(i) & SUPERSCRIPT for i in range(raised)):
        number = int(match["number"])
        expected = len(draft.notes) + 1
        if number != expected:
            draft.warn(f"footnote {number} where {expected} was expected", block)
        draft.notes.append(_Note(number, [content.slice(match.end())], block))
    elif _MASTHEAD_NOTE.match(content.text) and not draft.notes:
        draft.masthead_notes.append(content)  # "* Reissued for technical reasons on ..."
    elif draft.notes:
        draft.notes[-1].parts.append(content)  # a footnote carried over from the page before
    elif draft.masthead_notes:
        draft.masthead_notes[-1] = Styled.join([draft.masthead_notes[-1], content], [" "])
    else:
        raise draft.fail(f"text under the footnote rule that is no footnote: "
                         f"{content.text[:80]!r}", block)


# The masthead (a PDF's first page; the trailer of a text export).

def _masthead_test(block: Block, draft: Draft) -> bool:
    if draft.region not in ("masthead", "trailer"):
        return False
    text = block.text
    return bool(P.MASTHEAD.match(text) or P.MASTHEAD_SYMBOL.match(text)
                or P.MASTHEAD_DISTRIBUTION.match(text) or P.DISTRIBUTED.match(text)
                or re.fullmatch(P.DATE, text) or P.SESSION.fullmatch(text)
                or P.AGENDA.match(text) or P.LANGUAGE.fullmatch(text)
                or (draft.region == "masthead" and draft.agenda_items and block.bold
                    and not P.ADOPTION.match(text)))


def _masthead_run(block: Block, draft: Draft) -> None:
    text = block.text
    if match := P.MASTHEAD.match(text):
        draft.masthead_symbol = match["symbol"]
        rest = match["rest"]
        if rest and (date_match := re.fullmatch(P.DATE, rest)):
            draft.distributed = _date(date_match.group(), draft, block)
        elif rest:  # the masthead is not published: words glued to it would be lost
            draft.warn(f"words after the masthead are not published: {rest[:80]!r}", block)
    elif match := P.MASTHEAD_SYMBOL.match(text):
        draft.masthead_symbol = match["symbol"]
    elif P.MASTHEAD_DISTRIBUTION.match(text):
        pass  # "General Assembly Distr.: General": the only distribution resolutions have
    elif match := P.DISTRIBUTED.match(text):
        draft.distributed = _date(match["date"], draft, block)
        draft.session_words = match["session"]
    elif re.fullmatch(P.DATE, text):
        draft.distributed = _date(text, draft, block)
    elif P.SESSION.fullmatch(text):
        draft.session_words = text
    elif match := P.AGENDA.match(text):
        draft.agenda_items = P.split_items(match["items"])
        draft.agenda = []
    elif P.LANGUAGE.fullmatch(text):
        pass  # "Original: English": the language the text was negotiated in
    else:  # an agenda item's title, in bold under "Agenda items 13 and 117"
        index = len(draft.agenda)
        if index < len(draft.agenda_items):
            draft.agenda.append([draft.agenda_items[index], text])
        elif draft.agenda:
            draft.agenda[-1].append(text)


# The header.

def _adoption_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("masthead", "header") and bool(P.ADOPTION.match(block.text))


def _adoption_run(block: Block, draft: Draft) -> None:
    match = P.ADOPTION.match(block.text)
    assert match
    draft.adopted = _date(match["date"], draft, block)
    draft.region = "header"


def _report_test(block: Block, draft: Draft) -> bool:
    return draft.region == "header" and bool(P.REPORT.match(block.text)
                                             or P.NO_COMMITTEE.match(block.text))


def _report_run(block: Block, draft: Draft) -> None:
    if match := P.REPORT.match(block.text):
        draft.report = Report(match["committee"], match["symbol"], match["paragraph"])
    elif match := P.NO_COMMITTEE.match(block.text):
        draft.draft_symbol = match["draft"]


def _title_test(block: Block, draft: Draft) -> bool:
    return draft.region == "header" and bool(P.TITLE.match(block.text))


def _title_run(block: Block, draft: Draft) -> None:
    match = P.TITLE.match(block.text)
    assert match
    if draft.adopted is None:
        raise draft.fail("the title comes before 'Resolution adopted by the General Assembly "
                         "on <date>'", block)
    draft.number = match
    draft.title_block = block
    draft.title = [block.content.slice(match.start("title"))]
    draft.region = "title"


def _title_more_test(block: Block, draft: Draft) -> bool:
    return draft.region == "title" and not _is_assembly(block) and not _part_ahead(block, draft)


def _title_more_run(block: Block, draft: Draft) -> None:
    draft.title.append(block.content)  # a title over several lines of a text export


# Multi-part resolutions: "A", its title, then "The General Assembly," again.

_PART = re.compile(r"(?P<letter>[A-Z])\.?(?:[\t ]+(?P<title>\S.*))?")


def _part_ahead(block: Block, draft: Draft) -> bool:
    """Is this block a part letter: "A" alone (or with its title), with 'The General
    Assembly,' among the next few blocks and nothing numbered before it?"""
    if not _PART.fullmatch(block.text):
        return False
    for later in draft.upcoming[:6]:
        if _is_assembly(later):
            return True
        if P.NUMBERED.match(later.text) or P.CLOSING.match(later.text):
            return False
    return False


def _part_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("title", "closed", "body") and _part_ahead(block, draft)


def _part_run(block: Block, draft: Draft) -> None:
    match = _PART.fullmatch(block.text)
    assert match
    letter = match["letter"]
    expected = chr(ord("A") + len(draft.parts))
    if letter != expected:
        raise draft.fail(f"part {letter} where part {expected} was expected", block)
    part = _PartDraft(letter, block.line, [match["title"]] if match["title"] else [])
    draft.parts.append(part)
    draft.flow = _Flow(f"{letter}-")
    draft.region = "part"


def _part_title_test(block: Block, draft: Draft) -> bool:
    return draft.region == "part" and not _is_assembly(block)


def _part_title_run(block: Block, draft: Draft) -> None:
    draft.parts[-1].title.append(block.text)


# "The General Assembly," opens the body.

def _is_assembly(block: Block) -> bool:
    return bool(P.ASSEMBLY.match(block.text))


def _assembly_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("title", "part") and _is_assembly(block)


def _assembly_run(block: Block, draft: Draft) -> None:
    draft.region = "body"


# The closing: "49th plenary meeting" and its date.

def _closing_test(block: Block, draft: Draft) -> bool:
    return draft.region == "body" and bool(P.CLOSING.match(block.text))


def _closing_run(block: Block, draft: Draft) -> None:
    match = P.CLOSING.match(block.text)
    assert match
    draft.closing_block = block
    rest = match["date"]
    if rest:
        _record_meeting(draft, int(match["number"]), _date(rest, draft, block))
        draft.region = "closed"
    else:
        draft.meeting_number = int(match["number"])
        draft.region = "closing"


def _closing_date_test(block: Block, draft: Draft) -> bool:
    return draft.region == "closing"


def _closing_date_run(block: Block, draft: Draft) -> None:
    text = block.text
    if not re.fullmatch(P.DATE, text):
        loose = P.LOOSE_DATE.fullmatch(text)
        if loose is None:
            raise draft.fail("the plenary meeting line is not followed by its date", block)
        draft.warn(f"the meeting date is printed {text!r}", block)
        text = f"{loose['day']} {loose['month']} {loose['year']}"
    _record_meeting(draft, draft.meeting_number, _date(text, draft, block))
    draft.region = "closed"


def _record_meeting(draft: Draft, number: int, day: date) -> None:
    meeting = Meeting(number, day)
    if draft.meeting is None:
        draft.meeting = meeting
    if draft.parts:
        draft.parts[-1].meeting = meeting
    draft.flow.stack = []


# Annexes.

def _annex_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("closed", "annex") and bool(P.ANNEX.match(block.text)) and (
        block.bold or not block.first.indented or block.first.page)


def _annex_run(block: Block, draft: Draft) -> None:
    match = P.ANNEX.match(block.text)
    assert match
    label = match["label"]
    prefix = f"annex-{label.lower()}" if label else "annex"
    draft.annexes += 1
    heading = draft.add_heading(Heading(prefix, f"Annex {label}" if label else "Annex",
                                        match["title"] or "", block.line, level=2))
    draft.flow = _Flow(heading.id, kind="annex")
    draft.flow.section = heading.id
    draft.flow.untitled = None if heading.title else heading
    draft.region = "annex"


def _annex_title_test(block: Block, draft: Draft) -> bool:
    flow = draft.flow
    if draft.region != "annex" or flow.untitled is None or flow.stack:
        return False
    if block.first.page:  # a PDF: the annex's title is set in bold
        return block.bold and not P.NUMBERED.match(block.text)
    return not P.NUMBERED.match(block.text) and not _ends_sentence(block.text)


def _annex_title_run(block: Block, draft: Draft) -> None:
    assert draft.flow.untitled
    draft.retitle(draft.flow.untitled, block.text)
    draft.flow.untitled = None


# The footnotes of a text export: "1 See A/70/1." after the closing (and any annex).

def _text_note_test(block: Block, draft: Draft) -> bool:
    if block.first.page or draft.region not in ("closed", "annex", "notes"):
        return False
    match = P.FOOTNOTE.match(block.text)
    if match is None or block.first.indented:
        return draft.region == "notes"
    number = int(match["number"])
    expected = len(draft.notes) + 1
    if draft.region != "notes" and number != 1:
        return False
    return number == expected or draft.region == "notes"


def _text_note_run(block: Block, draft: Draft) -> None:
    match = P.FOOTNOTE.match(block.text)
    expected = len(draft.notes) + 1
    number = int(match["number"]) if match and not block.first.indented else None
    if number == expected:
        draft.notes.append(_Note(number, [block.content.slice(match.start("text"))], block))
    elif number is not None and expected - 3 <= number <= expected + 3:
        raise draft.fail(f"broken footnote numbering: footnote {number} where {expected} was "
                         "expected", block)
    else:
        draft.notes[-1].parts.append(block.content)  # a footnote wrapped onto the next line
    draft.region = "notes"


# Tables found by the PDF reader.

def _table_test(block: Block, draft: Draft) -> bool:
    return block.table is not None and draft.region in ("body", "annex", "closed")


def _table_run(block: Block, draft: Draft) -> None:
    table = block.table
    assert table is not None
    draft.order.append(f"table-{len(draft.tables) + 1}")
    draft.tables.append(Table(
        id=f"table-{len(draft.tables) + 1}",
        position=len(draft.items),
        header=tuple(tuple(_cell(c) for c in row) for row in table.header),
        rows=tuple(tuple(_cell(c) for c in row) for row in table.rows),
        notes=tuple(_cell(note) for note in table.notes),  # "a See A/78/534."
        line=block.line, page=block.first.page, section=draft.flow.section))


def _cell(cell) -> TableCell:
    return TableCell(cell.text, cell.span, Styled(cell.text, cell.styles).spans(SUPERSCRIPT))


# Section headings: "I", "II. Title", "A. Financing", "Action 1. We will ..." in bold.

_LABELLED = re.compile(
    r"""(?P<label>[IVXLC]{1,7}|[A-Z]|Action\s\d{1,3}|Part\s[IVXLC\d]+|Chapter\s[IVXLC\d]+)
        (?:\.?$|\.?[\t ]+(?P<title>\S.*)$)""", re.X | re.S)


def _heading_test(block: Block, draft: Draft) -> bool:
    if draft.region not in ("body", "annex"):
        return False
    text = block.text
    if block.first.page:  # a PDF says which lines are bold
        if not block.bold or P.NUMBERED.match(text) or len(text) > 400:
            return False
        return not _ends_sentence(text) or bool(_LABELLED.match(text))
    match = P.HEADING.match(text)
    if match and _is_text_heading(match):
        return True
    flow = draft.flow
    return bool(flow.untitled and not flow.untitled.title and not _ends_sentence(text))


def _is_text_heading(match: re.Match[str]) -> bool:
    title = match["title"] or match["tabbed"]
    return title is None or (len(title) <= 200 and not _ends_sentence(title))


def _heading_run(block: Block, draft: Draft) -> None:
    flow = draft.flow
    text = block.text
    if flow.untitled and not flow.untitled.title and not (
            block.first.page and _LABELLED.match(text)):
        draft.retitle(flow.untitled, text)  # "I" on one line, its title on the next
        flow.untitled = None
        return
    match = _LABELLED.match(text) if block.first.page else P.HEADING.match(text)
    label = match["label"] if match else ""
    title = (match["title"] or (match.groupdict().get("tabbed") or "")) if match else text
    printed = text[:match.start("title")].strip() if match and match["title"] else (
        text.strip() if match and not title else label)  # "I." as printed, full stop kept
    base = flow.prefix if flow.kind == "annex" else flow.prefix.rstrip("-")
    slug = _slug(label) if label else _slug(title)[:40] or "heading"
    heading_id = f"{base}-sec-{slug}" if base else f"sec-{slug}"
    level = 3 if label or not flow.section else 4
    if not block.first.page and any(h.id == heading_id for h in draft.headings):
        raise draft.fail(f"section {label} appears twice", block)
    heading = draft.add_heading(Heading(heading_id, printed, title or "", block.line,
                                        level=level, part=draft.part_prefix.rstrip("-") or None))
    flow.section = heading.id
    flow.untitled = heading if not title else None
    flow.stack = []


def _slug(text: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")


# Paragraphs.

def _numbered_test(block: Block, draft: Draft) -> bool:
    if draft.region not in ("body", "annex"):
        return False
    return bool(P.NUMBERED.match(block.text)) or _bare_number(block, draft) is not None


def _bare_number(block: Block, draft: Draft) -> re.Match[str] | None:
    """ "26 Condemns ...": an operative number printed without its full stop, taken only
    where that very number is due next and an operative paragraph may stand."""
    match = P.NUMBERED_BARE.match(block.text)
    flow = draft.flow
    if match is None or flow.kind == "annex" or flow.listing:
        return None
    number = int(match["number"])
    due = number == flow.operative + 1 and (flow.kind == "operative" or number == 1)
    return match if due else None


def _numbered_run(block: Block, draft: Draft) -> None:
    flow = draft.flow
    match = P.NUMBERED.match(block.text)
    label_end = "."
    if match is None:
        match = _bare_number(block, draft)
        assert match
        label_end = ""
        draft.warn(f"paragraph {match['number']} is printed without a full stop after its "
                   "number", block)
    number = int(match["number"])
    content = block.content.slice(match.start("text"))
    flow.untitled = None
    if _in_listing(flow, number, block):
        _list_item(block, draft, number, content)
        return
    flow.listing = 0
    if flow.kind == "annex":
        # An annex numbers as its text does (an amendment quotes "8." alone); numbers that
        # start again make a new run of ids, so every id stays unique.
        if number <= flow.operative:
            flow.runs += 1
        flow.operative = number
        run = f"-{flow.runs}" if flow.runs > 1 else ""
        item = _Item(f"{flow.prefix}{run}-{number}", "annex", number, f"{number}.", content,
                     block, section=flow.section)
    else:
        if number != flow.operative + 1:
            raise _numbering(draft, f"operative paragraph {number} follows "
                             f"{flow.operative or 'the preamble'}", block)
        flow.kind = "operative"
        flow.operative = number
        item = _Item(f"{flow.prefix}op{number}", "operative", number, f"{number}{label_end}",
                     content, block, section=flow.section,
                     part=draft.part_prefix.rstrip("-") or None)
    flow.stack = [draft.add_item(item)]


def _in_listing(flow: _Flow, number: int, block: Block) -> bool:
    """Is this "1." the start, or "2." the next, of a numbered list inside the open paragraph
    (a provisional agenda after "Approves the following provisional agenda:")? Such a list
    starts at 1 under a paragraph that ends with a colon, where 1 is not due; it ends at the
    paragraph number due next, unless the list is due the same number and the block does not
    open with the italic verb of an operative paragraph."""
    open_item = flow.stack[0] if flow.stack else None
    if flow.listing:
        if number != flow.listing + 1:
            return False
        return number != flow.operative + 1 or not _opens_in_italics(block)
    return (number == 1 and open_item is not None and flow.operative >= 1
            and flow.stack[-1].content.text.rstrip().endswith(":"))


def _opens_in_italics(block: Block) -> bool:
    content = block.content
    match = re.match(r"\d+\.?\s+", content.text)
    start = match.end() if match else 0
    return bool(content.styles) and bool(content.style_at(start) & ITALIC)


def _list_item(block: Block, draft: Draft, number: int, content: Styled) -> None:
    flow = draft.flow
    parent = flow.stack[0]
    flow.listing = number
    del flow.stack[1:]
    item = _Item(f"{parent.id}-{number}", parent.kind, number, f"{number}.", content, block,
                 parent=parent.id, section=parent.section, depth=1, part=parent.part)
    flow.stack.append(draft.add_item(item))


def _numbering(draft: Draft, message: str, block: Block) -> InputError:
    return draft.fail(f"broken paragraph numbering: {message}", block)


def _subparagraph_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("body", "annex") and bool(
        P.SUBPARAGRAPH.match(block.text)) and bool(draft.flow.stack)


def _subparagraph_run(block: Block, draft: Draft) -> None:
    flow = draft.flow
    match = P.SUBPARAGRAPH.match(block.text)
    assert match
    label = match["label"]
    stack = flow.stack
    level = _sub_level(label, stack)
    if level is None:
        if block.first.page and flow.kind == "annex":
            level = min(len(stack), 2)
        else:
            expected = _next_label(stack, len(stack))
            raise _numbering(draft, f"sub-paragraph ({label}) under {stack[-1].id} where "
                             f"({expected}) was expected", block)
    del stack[level:]
    parent = stack[-1]
    item_id = f"{parent.id}-{label}"
    if any(i.id == item_id for i in draft.items[-60:]):
        item_id = f"{item_id}-{len(draft.items)}"
    item = _Item(item_id, parent.kind, label, f"({label})",
                 block.content.slice(match.start("text")), block, parent=parent.id,
                 section=parent.section, depth=level, part=parent.part)
    stack.append(draft.add_item(item))


def _plain_test(block: Block, draft: Draft) -> bool:
    return draft.region in ("body", "annex")


def _plain_run(block: Block, draft: Draft) -> None:
    flow = draft.flow
    flow.untitled = None
    part = draft.part_prefix.rstrip("-") or None
    if flow.kind == "annex":
        flow.unnumbered += 1
        item = _Item(f"{flow.prefix}-p{flow.unnumbered}", "annex", flow.unnumbered, "",
                     block.content, block, section=flow.section)
        flow.stack = [draft.add_item(item)]
        return
    if flow.kind == "operative" or _sole_operative(block, draft):
        if flow.operative:
            raise draft.fail(f"unnumbered paragraph in the operative part: "
                             f"{block.text[:60]!r}...", block)
        flow.kind = "operative"
        flow.operative = 1  # a resolution of one operative paragraph does not number it
        item = _Item(f"{flow.prefix}op1", "operative", 1, "", block.content, block,
                     section=flow.section, part=part)
        flow.stack = [draft.add_item(item)]
        return
    flow.preambular += 1
    item = _Item(f"{flow.prefix}pp{flow.preambular}", "preambular", flow.preambular, "",
                 block.content, block, section=flow.section, part=part)
    flow.stack = [draft.add_item(item)]


def _sole_operative(block: Block, draft: Draft) -> bool:
    """An unnumbered paragraph that ends the body with a full stop is its one operative
    paragraph ("Endorses the political declaration ... annexed to the present resolution.")."""
    following = draft.upcoming[0] if draft.upcoming else None
    closes = following is None or bool(P.CLOSING.match(following.text)) or (
        following.role == "note")
    if not closes:
        later = next((b for b in draft.upcoming if b.role == "text"), None)
        closes = later is None or bool(P.CLOSING.match(later.text))
    return closes and block.text.rstrip().endswith(".")


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((",", ";", ".", ":"))


def _sub_level(label: str, stack: list[_Item]) -> int | None:
    """Depth at which ``label`` continues the numbering in ``stack``, or None.

    Depth 1 holds letters (a), (b), ...; depth 2 roman numerals (i), (ii), ... A label is
    accepted when it is the next one at some open depth, or the first one of a new depth.
    """
    for level in range(1, len(stack) + 1):
        if label == _next_label(stack, level):
            return level
    return None


def _next_label(stack: list[_Item], level: int) -> str | None:
    """The label expected next at ``level`` (1 letters, 2 romans) given the open ``stack``."""
    sequence = _LETTERS if level == 1 else _ROMANS if level == 2 else None
    if sequence is None:
        return None
    if level < len(stack):
        current = str(stack[level].number)
        position = sequence.index(current) if current in sequence else -1
        return sequence[position + 1] if 0 <= position < len(sequence) - 1 else None
    return sequence[0]


RECOGNISERS: tuple[Recogniser, ...] = (
    Recogniser("furniture", _furniture_test, _furniture_run),
    Recogniser("pdf-footnote", _pdf_note_test, _pdf_note_run),
    Recogniser("masthead", _masthead_test, _masthead_run),
    Recogniser("adoption", _adoption_test, _adoption_run),
    Recogniser("report", _report_test, _report_run),
    Recogniser("title", _title_test, _title_run),
    Recogniser("part", _part_test, _part_run),
    Recogniser("title-more", _title_more_test, _title_more_run),
    Recogniser("assembly", _assembly_test, _assembly_run),
    Recogniser("part-title", _part_title_test, _part_title_run),
    Recogniser("closing", _closing_test, _closing_run),
    Recogniser("closing-date", _closing_date_test, _closing_date_run),
    Recogniser("annex", _annex_test, _annex_run),
    Recogniser("annex-title", _annex_title_test, _annex_title_run),
    Recogniser("text-footnote", _text_note_test, _text_note_run),
    Recogniser("table", _table_test, _table_run),
    Recogniser("heading", _heading_test, _heading_run),
    Recogniser("numbered", _numbered_test, _numbered_run),
    Recogniser("sub-paragraph", _subparagraph_test, _subparagraph_run),
    Recogniser("paragraph", _plain_test, _plain_run),
)
