"""Parse stage: the text of one ODS export -> one ``Resolution``, or an ``InputError``.

An ODS plain-text export of a General Assembly resolution reads, top to bottom:

    [DU1]                                                    header
    Resolution adopted by the General Assembly on <date>
    [on the report of the <Committee> (<symbol>)]
    <number>.<TAB><title>
    <TAB>The General Assembly,                               body
    <TAB><preambular paragraph>        (one per line, sometimes wrapped without the tab)
    <TAB><n>.<TAB><operative paragraph>
    <n>th plenary meeting                                    closing
    <date>
    Annex ...                                                annex (optional)
    <n> <footnote text>                                      footnotes
    [DU1]<<ODS JOB NO>>...                                   trailer: ODS markers, page furniture

Parsing runs in stages; each states what holds after it:

1. ``_regions``: the line ranges of header, body, after-closing part and trailer are known, or
   the text is refused as "not a resolution".
2. ``_header`` / ``_trailer``: the metadata facts are known; no furniture remains in any range.
3. ``_footnotes``: the footnote texts are known, numbered 1..N without gap.
4. ``_blocks``: the body and annex are a list of blocks, one per paragraph, wrapped lines joined.
5. ``_Structurer``: each block is a paragraph (with its stable id) or a heading; numbering
   is checked.
6. ``_Markers``: footnote markers are cut out of paragraph text and kept with their offsets;
   every footnote is referenced at least once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from . import patterns as P
from .errors import InputError
from .model import Footnote, Heading, Meeting, Paragraph, ParagraphKind, Report, Resolution
from .read import Source

# Whitespace inside a paragraph collapses to one space; a no-break space is content, not layout.
_SPACE_RUN = re.compile(r"[ \t\n\f\v]+")

_LETTERS = "abcdefghijklmnopqrstuvwxyz"
_ROMANS = (
    "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x",
    "xi", "xii", "xiii", "xiv", "xv", "xvi", "xvii", "xviii", "xix", "xx",
)


def parse(source: Source, name: str | None = None) -> Resolution:
    """Parse one decoded export. ``name`` overrides ``source.name`` in messages."""
    return _Parser(source.lines, name or source.name).parse()


def parse_text(text: str, name: str = "<text>") -> Resolution:
    """Convenience for tests and tools: parse a ``str`` as if read from ``name``."""
    return _Parser(text.replace("\r\n", "\n").split("\n"), name).parse()


@dataclass
class _Block:
    """One paragraph-to-be: its first line (1-based) and its text, wrapped lines joined."""

    line: int
    text: str
    tabbed: bool  # started with a tab, as every paragraph of an ODS export does


@dataclass
class _Regions:
    title: int  # index of the "<number>. <title>" line
    assembly: int  # index of "The General Assembly,"
    closing: int  # index of "<n>th plenary meeting"
    trailer: int  # index of the first ODS marker line (len(lines) when there is none)


@dataclass
class _Parser:
    lines: list[str]
    name: str
    problems: list[str] = field(default_factory=list)

    def fail(self, message: str, index: int | None = None) -> InputError:
        return InputError(self.name, message, None if index is None else index + 1)

    # ---- stage 1 ---------------------------------------------------------------------------

    def parse(self) -> Resolution:
        regions = self._regions()
        adopted, report, draft = self._header(regions)
        number_match = P.TITLE.match(self.lines[regions.title])
        assert number_match  # _regions found it
        facts = self._trailer(regions)
        part = number_match["part"]
        number = f"{number_match['session']}/{number_match['serial']}"
        number += f" {part}" if part else ""
        symbol = self._symbol(number_match, facts, regions)
        title = self._title(regions, number_match["title"])
        meeting = self._meeting(regions)
        annex_start, footnote_start = self._after_closing(regions)
        footnotes = self._footnotes(footnote_start, regions.trailer)
        body = self._blocks(regions.assembly + 1, regions.closing)
        annex = self._blocks(annex_start, footnote_start) if annex_start is not None else []
        structurer = _Structurer(self)
        items = structurer.body(body) + structurer.annex(annex)
        paragraphs = _Markers(self, footnotes).apply(items)
        return Resolution(
            symbol=symbol,
            number=number,
            session=int(number_match["session"]),
            title=title,
            adopted=adopted,
            report=report,
            meeting=meeting,
            distributed=facts.get("distributed"),
            agenda_items=facts.get("agenda_items", ()),
            job_number=facts.get("job"),
            paragraphs=tuple(paragraphs),
            footnotes=tuple(footnotes),
            headings=tuple(structurer.headings),
            draft=draft,
            source=self.name,
        )

    def _regions(self) -> _Regions:
        trailer = next(
            (i for i, line in enumerate(self.lines) if "<<ODS " in line), len(self.lines))
        title = self._find(P.TITLE, 0, trailer)
        adoption = self._find(P.ADOPTION, 0, trailer)
        if self._looks_like_pdf_text(trailer):
            raise self.fail(
                "this is text extracted from a PDF (the masthead with 'Distr.:' comes first), "
                "not an ODS text export; that format is not supported yet", 0)
        if adoption is None or title is None:
            missing = "'Resolution adopted by the General Assembly on <date>'" if adoption is None \
                else "'<session>/<number>. <title>'"
            raise self.fail(f"not a General Assembly resolution: no {missing} line", 0)
        if not any(line.startswith("\t") for line in self.lines[title:trailer]):
            raise self.fail(
                "no tab-indented paragraph: this is not an ODS text export (text extracted "
                "from a PDF is not supported yet)", title)
        assembly = self._find(P.ASSEMBLY, title, trailer)
        if assembly is None:
            raise self.fail("no 'The General Assembly,' line after the title", title)
        second = self._find(P.ASSEMBLY, assembly + 1, trailer)
        if second is not None:
            raise self.fail(
                "a second 'The General Assembly,' line: multi-part documents (parts A, B, ... "
                "in one file) are not supported; split them into one file per part", second)
        closing = self._find(P.CLOSING, assembly, trailer)
        if closing is None:
            raise self.fail("no closing '<n>th plenary meeting' line after the text", assembly)
        return _Regions(title=title, assembly=assembly, closing=closing, trailer=trailer)

    def _looks_like_pdf_text(self, trailer: int) -> bool:
        """The PDF layout opens with the masthead the ODS export keeps among its furniture."""
        head = [line.strip() for line in self.lines[:min(trailer, 15)] if line.strip()]
        return bool(head) and head[0] == "United Nations" and any(
            "Distr.:" in line for line in head)

    def _find(self, pattern: re.Pattern[str], start: int, stop: int) -> int | None:
        return next((i for i in range(start, stop) if pattern.match(self.lines[i])), None)

    # ---- stage 2: metadata -------------------------------------------------------------------

    def _header(self, regions: _Regions) -> tuple:
        adopted = report = draft = None
        for index in range(regions.title):
            line = self.lines[index]
            if match := P.ADOPTION.match(line):
                adopted = P.parse_date(match["date"])
            elif match := P.REPORT.match(line):
                report = Report(match["committee"], match["symbol"], match["paragraph"])
            elif match := P.NO_COMMITTEE.match(line):
                draft = match["draft"]
            elif not P.FURNITURE.match(line):
                raise self.fail(f"unexpected line before the title: {line.strip()!r}", index)
        return adopted, report, draft

    def _title(self, regions: _Regions, first: str) -> str:
        """The title, with any wrapped continuation lines before 'The General Assembly,'."""
        parts = [first]
        for index in range(regions.title + 1, regions.assembly):
            line = self.lines[index]
            if line.strip():
                parts.append(line)
        return _collapse(" ".join(parts))

    def _symbol(self, number: re.Match[str], facts: dict, regions: _Regions) -> str:
        part = number["part"] or ""
        expected = f"A/RES/{number['session']}/{number['serial']}{part}"
        for found in facts.get("symbols", ()):
            if found.replace(" ", "") != expected:
                raise self.fail(
                    f"symbol {found} in the ODS markers does not match the resolution number "
                    f"{number['number']} (expected {expected})", regions.title)
        return expected

    def _meeting(self, regions: _Regions) -> Meeting:
        match = P.CLOSING.match(self.lines[regions.closing])
        assert match
        index = regions.closing + 1
        date_line = self.lines[index].strip() if index < regions.trailer else ""
        if not re.fullmatch(P.DATE, date_line):
            raise self.fail("the plenary meeting line is not followed by its date", index)
        return Meeting(int(match["number"]), P.parse_date(date_line))

    def _trailer(self, regions: _Regions) -> dict:
        """Facts from the ODS markers and the masthead; every other trailer line is furniture."""
        facts: dict = {"symbols": []}
        for index in range(regions.trailer, len(self.lines)):
            line = self.lines[index]
            rest = line
            if match := P.ODS_JOB.search(line):
                facts["job"] = match["job"].strip() or None
            for match in P.ODS_SYMBOL.finditer(line):
                if match["symbol"].strip():
                    facts["symbols"].append(match["symbol"].strip())
            rest = P.ODS_SYMBOL.sub("", P.ODS_JOB.sub("", rest))
            if match := P.MASTHEAD.match(rest):
                facts["symbols"].append(match["symbol"])
            elif match := P.DISTRIBUTED.match(rest):
                facts["distributed"] = P.parse_date(match["date"])
            elif match := P.AGENDA.match(rest):
                facts["agenda_items"] = P.split_items(match["items"])
            elif not P.FURNITURE.match(rest):
                raise self.fail(
                    f"unexpected text among the ODS markers and page furniture: {line.strip()!r}"
                    " (it would be lost; is a paragraph misplaced?)", index)
        return facts

    # ---- stage 3: footnotes ------------------------------------------------------------------

    def _after_closing(self, regions: _Regions) -> tuple[int | None, int]:
        """Where the annex (if any) and the footnotes start, after the meeting date line."""
        start = regions.closing + 2
        annex = next((i for i in range(start, regions.trailer)
                      if P.ANNEX.match(self.lines[i])), None)
        search_from = annex if annex is not None else start
        footnotes = next(
            (i for i in range(search_from, regions.trailer)
             if (m := P.FOOTNOTE.match(self.lines[i])) and m["number"] == "1"),
            regions.trailer)
        for index in range(start, annex if annex is not None else footnotes):
            if self.lines[index].strip():
                raise self.fail(
                    f"unexpected text after the plenary meeting date: "
                    f"{self.lines[index].strip()!r}", index)
        return annex, footnotes

    def _footnotes(self, start: int, stop: int) -> list[Footnote]:
        notes: list[tuple[int, int, list[str]]] = []  # (number, line index, text parts)
        for index in range(start, stop):
            line = self.lines[index]
            if not line.strip():
                continue
            match = P.FOOTNOTE.match(line)
            expected = len(notes) + 1
            number = int(match["number"]) if match else None
            if number == expected:
                notes.append((number, index, [match["text"]]))
            elif number is not None and expected - 3 <= number <= expected + 3:
                raise self.fail(
                    f"broken footnote numbering: footnote {number} where {expected} was "
                    "expected", index)
            elif notes:
                notes[-1][2].append(line)  # a footnote wrapped onto the next line
            else:
                raise self.fail(f"unexpected text before the footnotes: {line.strip()!r}", index)
        return [Footnote(number, _collapse(" ".join(parts)), index + 1)
                for number, index, parts in notes]

    # ---- stage 4: blocks ---------------------------------------------------------------------

    def _blocks(self, start: int, stop: int) -> list[_Block]:
        """Group lines into paragraphs: a tab starts one; a line without it continues it."""
        blocks: list[_Block] = []
        blank_before = False
        for index in range(start, stop):
            line = self.lines[index]
            if not line.strip():
                blank_before = True
                continue
            if line.startswith("\t") or not blocks:
                blocks.append(_Block(index + 1, line.lstrip("\t"), line.startswith("\t")))
            elif not blank_before or not _ends_sentence(blocks[-1].text):
                # "held in Geneva from \n10 to 12 December 2003": the export wrapped the line.
                blocks[-1].text += "\n" + line
            elif P.FURNITURE.match(line):
                pass  # a stray page number or running header between paragraphs
            else:
                raise self.fail(
                    "a line without a leading tab after a blank line and a finished paragraph: "
                    f"cannot tell where it belongs: {line.strip()!r}", index)
            blank_before = False
        return blocks


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((",", ";", ".", ":"))


def _collapse(text: str) -> str:
    return _SPACE_RUN.sub(" ", text).strip(" ")


@dataclass
class _Item:
    """A paragraph before its footnote markers are cut out."""

    id: str
    kind: ParagraphKind
    number: int | str
    label: str
    raw: str  # text with markers still glued in, whitespace collapsed
    line: int
    parent: str | None = None
    section: str | None = None
    depth: int = 0


@dataclass
class _Structurer:
    """Stage 5: blocks -> paragraphs with stable ids, headings, checked numbering."""

    parser: _Parser
    headings: list[Heading] = field(default_factory=list)

    def body(self, blocks: list[_Block]) -> list[_Item]:
        items: list[_Item] = []
        kind: ParagraphKind = "preambular"
        preambular = operative = 0
        stack: list[_Item] = []  # the open paragraph and its open sub-paragraphs
        section: str | None = None
        pending_heading: Heading | None = None
        for block in blocks:
            text = _collapse(block.text)
            if match := P.NUMBERED.match(text):
                kind = "operative"
                number = int(match["number"])
                if number != operative + 1:
                    raise self._numbering(f"operative paragraph {number} follows "
                                          f"{operative or 'the preamble'}", block)
                operative = number
                item = _Item(f"op{number}", kind, number, f"{number}.", match["text"],
                             block.line, section=section)
                stack = [item]
            elif (match := P.SUBPARAGRAPH.match(text)) and stack:
                item = self._subparagraph(match, stack, block)
            elif (match := P.HEADING.match(text)) and _is_heading(match):
                pending_heading = self._heading(match, block, prefix="sec")
                section = pending_heading.id
                stack = []
                continue
            elif pending_heading and not pending_heading.title and not _ends_sentence(text):
                self._title_heading(pending_heading, text)
                pending_heading = None
                continue
            elif kind == "preambular":
                preambular += 1
                item = _Item(f"pp{preambular}", kind, preambular, "", text, block.line,
                             section=section)
                stack = [item]
            else:
                raise self.parser.fail(
                    f"unnumbered paragraph in the operative part: {text[:60]!r}...",
                    block.line - 1)
            pending_heading = None
            items.append(item)
        return items

    def annex(self, blocks: list[_Block]) -> list[_Item]:
        """Annex paragraphs: numbered ones keep their numbers, the rest are counted."""
        items: list[_Item] = []
        prefix = "annex"
        numbered = unnumbered = 0
        stack: list[_Item] = []
        untitled: Heading | None = None  # an "Annex" line whose title may follow
        for block in blocks:
            text = _collapse(block.text)
            if match := P.ANNEX.match(text):
                label = match["label"]
                prefix = f"annex-{label.lower()}" if label else "annex"
                heading = Heading(prefix, f"Annex {label}" if label else "Annex",
                                  match["title"] or "", block.line)
                self.headings.append(heading)
                untitled = None if heading.title else heading
                numbered = unnumbered = 0
                stack = []
                continue
            if untitled and not P.NUMBERED.match(text) and not _ends_sentence(text):
                self._title_heading(untitled, text)  # "Declaration on ..." names the annex
                untitled = None
                continue
            untitled = None
            if match := P.NUMBERED.match(text):
                number = int(match["number"])
                if number != numbered + 1:
                    raise self._numbering(f"annex paragraph {number} follows {numbered}", block)
                numbered = number
                item = _Item(f"{prefix}-{number}", "annex", number, f"{number}.",
                             match["text"], block.line, section=prefix)
                stack = [item]
            elif (match := P.SUBPARAGRAPH.match(text)) and stack:
                item = self._subparagraph(match, stack, block)
            else:
                unnumbered += 1
                item = _Item(f"{prefix}-p{unnumbered}", "annex", unnumbered, "", text,
                             block.line, section=prefix)
                stack = []
            items.append(item)
        return items

    def _subparagraph(self, match: re.Match[str], stack: list[_Item], block: _Block) -> _Item:
        """Place ``(x)`` under the open paragraph; ``(i)`` after ``(h)`` is a letter."""
        label = match["label"]
        level = _sub_level(label, stack)
        if level is None:
            parent = stack[-1]
            expected = _next_label(stack, len(stack))
            raise self._numbering(f"sub-paragraph ({label}) under {parent.id} where "
                                  f"({expected}) was expected", block)
        del stack[level:]
        parent = stack[-1]
        item = _Item(f"{parent.id}-{label}", parent.kind, label, f"({label})", match["text"],
                     block.line, parent=parent.id, section=parent.section, depth=level)
        stack.append(item)
        return item

    def _heading(self, match: re.Match[str], block: _Block, prefix: str) -> Heading:
        label = match["label"]
        heading = Heading(f"{prefix}-{label.lower()}", label,
                          match["title"] or match["tabbed"] or "", block.line)
        if any(h.id == heading.id for h in self.headings):
            raise self.parser.fail(f"section {label} appears twice", block.line - 1)
        self.headings.append(heading)
        return heading

    def _title_heading(self, heading: Heading, title: str) -> None:
        index = self.headings.index(heading)
        self.headings[index] = Heading(heading.id, heading.label, title, heading.line)

    def _numbering(self, message: str, block: _Block) -> InputError:
        return self.parser.fail(f"broken paragraph numbering: {message}", block.line - 1)


def _is_heading(match: re.Match[str]) -> bool:
    """A heading label stands alone, or its title is short and ends without punctuation."""
    title = match["title"] or match["tabbed"]
    return title is None or (len(title) <= 200 and not _ends_sentence(title))


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


class _Markers:
    """Stage 6: cut footnote markers out of paragraph text, checking footnote references.

    A marker is a footnote number glued to the word or punctuation before it
    (``Organization,1 will``, ``Geneva2 and``, ``the Internet;8``). A number is a marker only
    when it is the next footnote not yet referenced or one already referenced (notes are first
    referenced in order), so ``ICT 4 All``, ``26 per cent`` and ``resolution 65/141`` stay text.
    """

    CANDIDATE = re.compile(
        r"""(?<=\S)               # glued to what precedes: no space before it
            (?P<number>\d{1,3})   # the footnote number
            (?=[\s,;:.)]|$)       # followed by a space, punctuation or the end
        """,
        re.X,
    )

    def __init__(self, parser: _Parser, footnotes: list[Footnote]) -> None:
        self.parser = parser
        self.count = len(footnotes)
        self.footnotes = footnotes
        self.next_new = 1

    def apply(self, items: list[_Item]) -> list[Paragraph]:
        paragraphs = [self._paragraph(item) for item in items]
        if self.next_new <= self.count:
            note = self.footnotes[self.next_new - 1]
            raise self.parser.fail(
                f"broken footnote numbering: footnote {note.number} is never referenced in "
                "the text", note.line - 1)
        return paragraphs

    def _paragraph(self, item: _Item) -> Paragraph:
        text, markers = self._cut(item)
        return Paragraph(id=item.id, kind=item.kind, number=item.number, label=item.label,
                         text=text, markers=tuple(markers), parent=item.parent,
                         section=item.section, line=item.line, depth=item.depth)

    def _cut(self, item: _Item) -> tuple[str, list[tuple[int, int]]]:
        pieces: list[str] = []
        markers: list[tuple[int, int]] = []
        position = length = 0
        for match in self.CANDIDATE.finditer(item.raw):
            number = int(match["number"])
            if not self._is_marker(item.raw, match, number, item):
                continue
            piece = item.raw[position:match.start()]
            pieces.append(piece)
            length += len(piece)
            markers.append((number, length))
            position = match.end()
        pieces.append(item.raw[position:])
        text = "".join(pieces)
        # A marker at the end of a paragraph leaves no trailing space to collapse; one before a
        # space leaves "word, next" intact because the marker sat between them.
        return text, markers

    def _is_marker(self, raw: str, match: re.Match[str], number: int, item: _Item) -> bool:
        if not _glued_like_marker(raw, match.start()):
            return False
        if number < self.next_new:
            return True  # a footnote referenced again ("the Geneva2 and Tunis4 phases")
        if number == self.next_new and number <= self.count:
            self.next_new += 1
            return True
        if number == self.next_new and _ends_word_or_clause(raw, match.start()):
            raise self.parser.fail(
                f"broken footnote numbering: marker {number} in {item.id} has no footnote "
                f"(the text has {self.count})", item.line - 1)
        return False


def _glued_like_marker(raw: str, start: int) -> bool:
    """Is the digit run at ``start`` placed like a footnote marker?

    It must follow a word or a closing punctuation mark, never a digit run of its own kind
    (``65/141``, ``2009/7``, ``H5N1``, ``A/64/L.1``, ``3.5``).
    """
    before = raw[:start]
    token = before.split()[-1] if before.split() else ""
    last = token[-1:]
    if last.isalpha():
        return not any(ch.isdigit() or ch == "/" for ch in token)
    if last in ",;:)\u201d\u2019\"'":
        return True
    if last == ".":
        return not token[-2:-1].isdigit() and "/" not in token
    return False


def _ends_word_or_clause(raw: str, start: int) -> bool:
    return raw[start - 1:start] in {",", ";", ":"} or raw[start - 1:start].isalpha()
