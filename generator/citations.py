"""Find citations in resolution text: resolutions, documents, instruments and paragraphs.

Pure text in, spans out: ``find_citations(text, instruments)`` returns every citation of one
paragraph or footnote as a ``Citation`` with its character span in ``text``, what kind of thing
it names and that thing's symbol. Nothing here knows the corpus; the link stage decides where
each citation leads.

What holds after ``find_citations``:
- spans never overlap and are sorted by start; each covers exactly the words that become the
  link (the number ``65/141``, the symbol ``A/C.2/59/3``, the name ``Tunis Agenda``);
- every item of a list becomes its own citation (``resolutions 56/183 of 21 December 2001,
  57/238 ...``; ``55/5 B and C``), and a joint symbol ``A/64/64-E/2009/10`` gives two;
- a citation preceded by ``paragraph(s) N ... of`` carries those paragraph numbers;
- numbers that only look like citations (``ICT 4 All Forum``, ``26 per cent``, dates,
  ``2015 overall review``, UNESCO's ``resolution 25``) give nothing.
"""

from __future__ import annotations

import functools
import re
from bisect import bisect_left
from collections.abc import Iterator
from dataclasses import dataclass, replace
from typing import Literal

from .patterns import DATE

CitationKind = Literal["resolution", "council-resolution", "security-council-resolution",
                       "decision", "document", "instrument", "paragraph"]


@dataclass(frozen=True)
class Citation:
    """One citation found in a text: ``text[start:end]`` names ``symbol``."""

    start: int
    end: int
    text: str
    kind: CitationKind
    symbol: str  # A/RES/65/141, E/RES/2011/16, A/64/417, an instrument's id, or "" for self
    paragraphs: tuple[str, ...] = ()  # cited paragraph numbers as printed: ("27", "28", "29")
    instrument: str | None = None  # the instrument's id when kind == "instrument"


@dataclass(frozen=True)
class InstrumentName:
    """A phrase that cites an instrument, with an optional required right context."""

    instrument: str  # the instrument's id
    text: str
    followed_by: str | None = None  # regular expression the following text must match


# --- Patterns ---------------------------------------------------------------------------------

# One resolution as printed in a list: its number, any part letters, any date. Numbers whose
# first part is a year (19xx or 20xx, four digits) are Council resolutions (2008/3); others are
# General Assembly ones (session/serial: 64/187). Named groups are read by RESOLUTION_ITEM.
_ITEM = rf"""
    (?P<number>
        (?P<first>\d{{1,4}})/(?P<serial>\d{{1,4}})                               # 64/187, 2008/3
      | (?P<special>E?S-\d{{1,2}})/(?P<special_serial>\d{{1,4}})                  # ES-11/1, S-10/2
      | (?P<old>\d{{1,4}})(?:\s(?P<old_part>[A-Z]))?                           # 217 A (III),
        \s\((?P<roman>(?:E?S-)?[IVXLC]+)\)                                     # 1874 (S-IV)
      | (?P<sc>\d{{1,4}})\s\((?P<sc_year>(?:19|20)\d\d)\)                      # 1325 (2000)
    )
    (?P<parts>\s[A-Z](?:(?:,\s|,?\sand\s)[A-Z])*)?  # part letters: 57/270 B, 55/5 B and C
    (?![\w/])
    (?:\sof\s{DATE})?                                  # its date: "of 21 December 2001"
    (?:,\s(?:sects?\.\s(?:[IVXLC]{{1,6}}|[A-Z]|\d{{1,3}})        # the part cited: ", sect. III",
            (?:\.[A-Z\d]{{1,3}}){{0,3}}                            # ", sect. I.B"
        |annex(?:\s[IVXLC]{{1,6}})?                              # ", annex II"
        |paras?\.\s\d{{1,3}}(?:[\u2013-]\d{{1,3}})?                # ", para. 12", ", paras. 61-76"
    )){{0,3}}
"""
_SEPARATOR = r"(?:,\s|,?\sand\s|;\s(?:and\s)?)"  # between list items: ", ", " and ", "; "
_ITEM_UNNAMED = re.sub(r"\(\?P<\w+>", "(?:", _ITEM)  # the same, to repeat inside one pattern

# "resolution 59/220", "its resolutions 56/183 of 21 December 2001, 57/238 of ... and 63/202",
# "Economic and Social Council resolution 2008/3", "Council resolutions 2006/46 of ..., 2008/3".
RESOLUTION_LIST = re.compile(
    rf"""\b(?P<council>                         # whose, when said:
            (?:Economic\sand\sSocial|Security|Human\sRights)\sCouncil
            (?:,\sin\sits)?\s                    # "the Human Rights Council, in its resolution"
          | Commission\son\sHuman\sRights\s
        )?
        [Rr]esolutions?\s                   # "Resolution 70/125." opens many footnotes
        (?P<items>
            {_ITEM_UNNAMED}                          # the first item
            (?:{_SEPARATOR}{_ITEM_UNNAMED})*         # and every further one
        )""",
    re.X,
)

# "its decision 73/555", "decisions 72/555 and 73/555", "Economic and Social Council decision
# 2019/209": decisions, numbered as resolutions are. The Assembly numbers its decisions from 301
# on, so "decision 15/4" (of a conference of parties) or "1/CP.21" is never one of them.
DECISION_LIST = re.compile(
    rf"""\b(?P<council>Economic\sand\sSocial\sCouncil\s)?
        [Dd]ecisions?\s
        (?P<items>
            {_ITEM_UNNAMED}
            (?:{_SEPARATOR}{_ITEM_UNNAMED})*
        )""",
    re.X,
)

# Each item inside a list matched by RESOLUTION_LIST.
RESOLUTION_ITEM = re.compile(_ITEM, re.X)

# A UN document symbol: a body prefix, then "/"-separated parts, at least one of them numeric.
# A/64/417, A/C.2/59/3, A/60/687, E/2009/92, A/66/L.1, A/64/PV.66, A/64/582/Add.1,
# E/CN.16/2011/3, A/RES/64/187, and those of the treaty bodies and conferences the Assembly
# cites: FCCC/CP/2015/10/Add.1, ICCD/COP(15)/23/Add.1, CD/1839, BWC/CONF.IX/9, SPLOS/34/7,
# ISBA/28/A/15, CLCS/11/Corr.1, UNEP/EA.5/Res.14, A/CONF.192/2024/RC/3. A joint symbol
# "A/64/64-E/2009/10" is two matches.
DOCUMENT_SYMBOL = re.compile(
    r"""(?<![\w/.])
        (?P<symbol>
            (?:A|E|S|ST|TD|DP|UNEP|HRC|CEDAW|CRC|CCPR|CERD|CAT          # issuing body
              |FCCC|ICCD|CBD|CD|BWC|CCW|NPT|SPLOS|ISBA|CLCS|CTBT|APLC|CAC|CTOC|UNW|UNICEF
              |ECE|ECA)
            (?:/(?:E?S-\d{1,2}                                        # organ and session parts:
                |[A-Z]{1,8}(?:\.(?:\d{1,4}|[IVXLC]{1,6}))?(?:\(\d{1,3}\))?  # C.2, CONF.IX, COP(15)
                |\d{1,4}                                               # numbers: 64, 417, 2015
                |[A-Z][a-z]{1,2}\.\d{1,4}                               # Res.14
            ))*?                                  # (the branches exclude each other: linear)
            /(?:\d{1,4}|[A-Z]{1,3}\.\d{1,4}|[A-Z][a-z]{1,2}\.\d{1,4})   # ending in a number
            (?:/(?:Add|Corr|Rev|Amend)\.\d{1,3})*                      # addenda and corrigenda
        )
        (?![\w/])""",
    re.X,
)

# The year after a Security Council resolution's symbol: "S/RES/2231 (2015)".
_SECURITY_COUNCIL_YEAR = re.compile(r"\s?\((?P<year>(?:19|20)\d\d)\)")

# "paragraph 22 of its resolution ", "paragraphs 27 to 29 of its resolution ",
# "paragraphs 4, 5 and 55 of the ", "paragraphs 35 to 37 and 67 to 72 of the ": the words
# before a citation that make it a citation of paragraphs. Matched against the text that ends
# where the citation starts.
_PARAGRAPH_NUMBERS = r"""
    (?P<numbers>
        \d{1,3}(?:\s(?:to|-)\s\d{1,3})?                       # 35, or 35 to 37
        (?:(?:,\s|,?\sand\s)\d{1,3}(?:\s(?:to|-)\s\d{1,3})?)*   # , 5 and 67 to 72
    )
"""
PARAGRAPHS_BEFORE = re.compile(
    rf"""\bparagraphs?\s{_PARAGRAPH_NUMBERS}\s
        of\s(?:its\s|the\s)?
        (?:(?:General\sAssembly|Economic\sand\sSocial\sCouncil|Council)\s)?
        (?:resolutions?\s)?\Z""",
    re.X,
)

# "paragraph 7 above", "paragraphs 3 and 4 of the present resolution": the resolution itself.
OWN_PARAGRAPHS = re.compile(
    rf"""\bparagraphs?\s{_PARAGRAPH_NUMBERS}
        (?P<where>\s(?:above|below)|\sof\sthe\spresent\sresolution)\b""",
    re.X,
)


# "paragraphs 4, 5 and 55 of the ...": a paragraph citation, whatever it names. One that no
# citation follows names something we cannot resolve, and is reported.
PARAGRAPHS_OF = re.compile(
    rf"""\bparagraphs?\s{_PARAGRAPH_NUMBERS}\sof\s(?!the\spresent\b)
        (?P<what>(?:its|the|that|this)\s\S+(?:\s\S+){{0,5}})""",
    re.X,
)


# Words every match of a pattern holds. A text without them is not searched (``_matches``): a
# substring test runs at memory speed, where a pattern is tried at every character, and most
# paragraphs cite nothing (at 1,000 synthetic resolutions, finding took a third of the time).
_NEEDED = {
    RESOLUTION_LIST: "esolution",  # [Rr]esolutions?
    DECISION_LIST: "ecision",  # [Dd]ecisions?
    DOCUMENT_SYMBOL: "/",  # every symbol has a part after a slash
    OWN_PARAGRAPHS: "paragraph",
    PARAGRAPHS_OF: "paragraph",
}


def _matches(pattern: re.Pattern[str], text: str) -> Iterator[re.Match[str]]:
    """``pattern.finditer(text)``, or nothing at once when ``text`` lacks ``_NEEDED``."""
    return pattern.finditer(text) if _NEEDED[pattern] in text else iter(())


@dataclass(frozen=True)
class Doubt:
    """Words that cite something we cannot resolve: reported, left as plain text."""

    start: int
    text: str
    reason: str


def find_doubts(text: str, citations: list[Citation]) -> list[Doubt]:
    """Paragraph citations that no found citation completes, and Council resolutions with a
    General Assembly number ("Economic and Social Council resolution 64/3")."""
    doubts = []
    starts = sorted({c.start for c in citations})
    for match in _matches(PARAGRAPHS_OF, text):
        following = match.start("what")
        # the first citation starting at or after the words: does it start within 60?
        at = bisect_left(starts, following)
        if not (at < len(starts) and starts[at] <= following + 60):
            doubts.append(Doubt(match.start(), match.group(),
                                "cites paragraphs of something that is neither a resolution "
                                "nor an instrument in data/instruments.yaml"))
    if "Council" not in text and "Commission" not in text:  # what its council group holds
        return doubts
    for listing in _matches(RESOLUTION_LIST, text):
        if listing.group("council") and not any(
                c.start >= listing.start("items") and c.end <= listing.end() for c in citations):
            doubts.append(Doubt(listing.start(), listing.group(),
                                "a Council resolution with a General Assembly-style number"))
    return doubts


# --- Finding --------------------------------------------------------------------------------


def find_citations(text: str, names: tuple[InstrumentName, ...] = ()) -> list[Citation]:
    """Every citation in ``text``, sorted, without overlaps (earlier finders win)."""
    found = (list(_resolutions(text)) + list(_decisions(text)) + list(_documents(text))
             + list(_instruments(text, names))
             + list(_own_paragraphs(text)))
    citations: list[Citation] = []
    taken = bytearray(len(text))  # 1 for every character a citation already covers
    for citation in found:
        start, end = citation.start, citation.end
        if 1 in taken[start:end]:  # looks at this citation's characters only, however many
            continue               # citations the text has
        taken[start:end] = b"\x01" * (end - start)
        citations.append(_with_paragraphs(text, citation))
    return sorted(citations, key=lambda c: c.start)


def _resolutions(text: str):
    for listing in _matches(RESOLUTION_LIST, text):
        council = (listing.group("council") or "").strip()
        items_start = listing.start("items")
        items = listing.group("items")
        for item in RESOLUTION_ITEM.finditer(items):
            yield from _resolution_item(item, items_start, council)


def _decisions(text: str):
    """"decision 73/555" is A/DEC/73/555; an Economic and Social Council one, E/DEC/2019/209."""
    for listing in _matches(DECISION_LIST, text):
        council = bool(listing.group("council"))
        for item in RESOLUTION_ITEM.finditer(listing.group("items")):
            if not item.group("first"):
                continue
            first = item.group("first")
            number = f"{first}/{item.group('serial')}"
            by_year = len(first) == 4 and first[:2] in ("19", "20")
            if council != by_year or (not by_year and int(item.group("serial")) < 300):
                continue  # a Council's number unsaid, or another body's: "COP decision 15/4"
            start = listing.start("items") + item.start()
            symbol = f"{'E' if by_year else 'A'}/DEC/{number}"
            yield Citation(start, start + len(number), number, "decision", symbol)


def _resolution_item(item: re.Match[str], offset: int, council: str):
    """One list item; "55/5 B and C" gives 55/5 B and C as two citations."""
    kind, symbol = _resolution_symbol(item, council)
    if kind is None:
        return
    parts = [(m.group(), m.start()) for m in re.finditer(r"\b[A-Z]\b", item.group("parts") or "")]
    start = offset + item.start()
    if not parts:
        yield Citation(start, offset + item.end("number"), item.group("number"), kind, symbol)
        return
    parts_start = offset + item.start("parts")
    first, _ = parts[0]
    end = parts_start + 2  # " B"
    yield Citation(start, end, item.group("number") + " " + first, kind, _part(symbol, first))
    for letter, position in parts[1:]:
        at = parts_start + position
        yield Citation(at, at + 1, letter, kind, _part(symbol, letter))


def _resolution_symbol(item: re.Match[str], council: str
                       ) -> tuple[CitationKind | None, str]:
    if item.group("first"):
        first = item.group("first")
        number = f"{first}/{item.group('serial')}"
        if council.startswith("Human Rights"):
            return "council-resolution", f"A/HRC/RES/{number}"
        if council.startswith("Commission on Human Rights"):
            return "council-resolution", f"E/CN.4/RES/{number}"
        if len(first) == 4 and first[:2] in ("19", "20"):
            return "council-resolution", f"E/RES/{number}"
        if council.startswith("Economic") or council.startswith("Security"):
            return None, ""  # a Council named with a General Assembly-style number: unsure
        return "resolution", f"A/RES/{number}"
    if item.group("special"):
        number = f"{item.group('special')}/{item.group('special_serial')}"
        if council.startswith("Human Rights"):
            return "council-resolution", f"A/HRC/RES/{number}"  # a special session's: S-28/1
        return "resolution", f"A/RES/{number}"
    if item.group("old"):
        letter = item.group("old_part") or ""
        return "resolution", f"A/RES/{item.group('old')}{letter}({item.group('roman')})"
    if council.startswith("Security") or item.group("sc"):
        return "security-council-resolution", f"S/RES/{item.group('sc')}({item.group('sc_year')})"
    return None, ""


def _part(symbol: str, letter: str) -> str:
    """A/RES/57/270 + B -> A/RES/57/270B, as the Official Document System writes it."""
    return symbol + letter


def _documents(text: str):
    for match in _matches(DOCUMENT_SYMBOL, text):
        symbol, end = match.group("symbol"), match.end()
        kind: CitationKind = "document"
        if symbol.startswith(("A/RES/", "E/RES/")):
            kind = "resolution" if symbol.startswith("A/") else "council-resolution"
        year = _SECURITY_COUNCIL_YEAR.match(text, end) if symbol.startswith("S/RES/") else None
        if year:  # "S/RES/2231 (2015)": the year is part of the symbol
            symbol, end = f"{symbol}({year.group('year')})", year.end()
            kind = "security-council-resolution"
        yield Citation(match.start(), end, text[match.start():end], kind, symbol)


def _instruments(text: str, names: tuple[InstrumentName, ...]):
    for name in names:
        if name.text not in text:  # the cheap test first: most texts cite no instrument
            continue
        for match in _name_pattern(name.text).finditer(text):
            if name.followed_by and not re.match(name.followed_by, text[match.end():]):
                continue
            yield Citation(match.start(), match.end(), match.group(), "instrument",
                           name.instrument, instrument=name.instrument)


@functools.lru_cache(maxsize=1024)
def _name_pattern(name: str) -> re.Pattern[str]:
    return re.compile(rf"(?<!\w){re.escape(name)}(?!\w)")


def _own_paragraphs(text: str):
    for match in _matches(OWN_PARAGRAPHS, text):
        start, end = match.start(), match.end("numbers")
        yield Citation(start, end, text[start:end], "paragraph", "",
                       _numbers(match.group("numbers")))


def _with_paragraphs(text: str, citation: Citation) -> Citation:
    """Attach the paragraph numbers of a "paragraphs N of ..." phrase that ends at the citation."""
    if citation.kind == "paragraph":
        return citation
    before = PARAGRAPHS_BEFORE.search(text, max(0, citation.start - 200), citation.start)
    if before is None:
        return citation
    return replace(citation, paragraphs=_numbers(before.group("numbers")))


def _numbers(listing: str) -> tuple[str, ...]:
    """"35 to 37 and 67" -> ("35", "36", "37", "67"); ranges written out, order kept."""
    numbers: list[str] = []
    for item in re.split(r",\sand\s|,\s|\sand\s", listing):
        bounds = re.split(r"\s(?:to|-)\s", item)
        low, high = int(bounds[0]), int(bounds[-1])
        numbers += [str(n) for n in range(low, high + 1)] if high >= low else bounds
    return tuple(numbers)


