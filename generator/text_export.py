"""Read stage for ODS text exports: the decoded text -> one ``layout.Layout``.

An export of the UN Official Document System knows only characters: a tab opens each paragraph
of the resolution, a paragraph may wrap onto a line without the tab, and after the text comes a
trailer of ODS markers and page furniture. Italics and raised footnote markers are lost (a
marker is a plain digit glued to the word before it), so lines carry no styles.

What holds after ``read_text_export``:
- every line of the file but blank ones is a ``Line`` with its file line number;
- a line starts a block when it opens with a tab, when it does not continue a paragraph (the
  header lines, the closing lines, footnotes), or when a blank line and a finished sentence
  (or the closing "<n>th plenary meeting" line) stand between it and the paragraph before; an
  untabbed line right after a paragraph line continues it (the export wrapped it);
- furniture, each by one exact rule (``rule``): ``ods-marker`` (``[DU1]``, the ``<<ODS ...>>``
  lines, with the job number and symbols they carry), ``rule`` (lines of ``_`` or ``-``), and
  in the trailer ``page-number``, ``job-number`` (``09-47305``), ``barcode`` (``*0947305*``) and
  ``running-head`` (exactly the document's symbol). A trailer line that is none of these and not
  masthead text keeps its words as text.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from .errors import InputError
from .layout import Layout, Line
from .patterns import ASSEMBLY, CLOSING

if TYPE_CHECKING:
    from .read import Source

_ODS_JOB = re.compile(r"<<ODS JOB NO>>(?P<job>[^<]*)<<ODS JOB NO>>")
_ODS_SYMBOL = re.compile(r"<<ODS DOC SYMBOL\d>>(?P<symbol>[^<]*)<<ODS DOC SYMBOL\d>>")
_DU = re.compile(r"\[DU\d*\]")

# Each rule matches a whole line (leading and trailing blanks aside), nothing more.
_RULES = {
    "rule": re.compile(r"_{3,}|-{3,}"),
    "page-number": re.compile(r"\d{1,4}"),
    "job-number": re.compile(r"\d{2}-\d{5}(?:\s*\(E\))?"),
    "barcode": re.compile(r"\*\d{7,}\*"),
}


def read_text_export(source: Source) -> Layout:
    lines = source.lines
    trailer = next((i for i, line in enumerate(lines)
                    if "<<ODS " in line and _ods_only(line.strip())), len(lines))
    symbols = [m["symbol"].strip() for line in lines[trailer:]
               for m in _ODS_SYMBOL.finditer(line) if m["symbol"].strip()]
    found: list[Line] = []
    in_paragraph = False  # the last line belongs to a tab-opened paragraph
    blank_before = False
    for index, text in enumerate(lines):
        number = index + 1
        if not text.strip():
            blank_before = True
            continue
        furniture = _furniture(text, number, index >= trailer, symbols)
        if furniture is not None:
            found.append(furniture)
            blank_before = False
            if index >= trailer:
                in_paragraph = False
            continue
        tabbed = text.startswith("\t")
        previous = found[-1] if found and found[-1].role != "furniture" else None
        continues = (not tabbed and in_paragraph and previous is not None
                     and not (blank_before and (_ends_sentence(previous.text)
                                                or CLOSING.match(text))))
        found.append(Line(text.lstrip("\t"), number, starts_block=not continues,
                          indented=tabbed))
        in_paragraph = index < trailer and (tabbed or continues)
        blank_before = False
    _refuse_other_formats(found, source.name)
    return Layout(source.name, "text", tuple(found))


def _refuse_other_formats(lines: list[Line], name: str) -> None:
    """Text extracted from a PDF by some other tool is not an ODS export: it has lost the
    tabs that open paragraphs (and the page furniture is mixed into it). Say so, and point
    to the PDF itself, which the atlas reads."""
    text = [line for line in lines if line.role != "furniture"]
    head = [line.text.strip() for line in text[:15]]
    if head and head[0] == "United Nations" and any("Distr.:" in line for line in head):
        raise InputError(name, "this is text extracted from a PDF (the masthead with 'Distr.:' "
                         "comes first), not an ODS text export: put the PDF itself in the "
                         "source folder", 1)
    if text and not any(line.indented for line in text) and any(
            ASSEMBLY.match(line.text) for line in text):
        raise InputError(name, "no tab-indented paragraph: this is not an ODS text export "
                         "(text extracted from a PDF? put the PDF itself in the source "
                         "folder)", text[0].number)


def _furniture(text: str, number: int, in_trailer: bool, symbols: list[str]) -> Line | None:
    stripped = text.strip()
    facts: list[tuple[str, str]] = []
    if "<<ODS " in stripped or _DU.fullmatch(stripped) or (
            in_trailer and _DU.match(stripped)):
        for match in _ODS_JOB.finditer(stripped):
            if match["job"].strip():
                facts.append(("job", match["job"].strip()))
        for match in _ODS_SYMBOL.finditer(stripped):
            if match["symbol"].strip():
                facts.append(("symbol", match["symbol"].strip()))
        if _ods_only(stripped):
            return Line(stripped, number, role="furniture", rule="ods-marker",
                        facts=tuple(facts))
        return None
    if _RULES["rule"].fullmatch(stripped):
        return Line(stripped, number, role="furniture", rule="rule")
    if not in_trailer:
        return None
    if stripped in symbols:
        return Line(stripped, number, role="furniture", rule="running-head",
                    facts=(("symbol", stripped),))
    for rule in ("page-number", "job-number", "barcode"):
        if _RULES[rule].fullmatch(stripped):
            return Line(stripped, number, role="furniture", rule=rule)
    return None


def _ods_only(stripped: str) -> bool:
    """Is the line made of ODS markers and nothing else? The trailer starts at the first
    such line with an ``<<ODS`` marker (a ``[DU1]`` opens the file too): a marker damaged
    into a paragraph does not turn the text after it into a trailer, whose page numbers and
    running heads are furniture."""
    if "<<ODS " not in stripped and "[DU" not in stripped:
        return False
    return not _ODS_SYMBOL.sub("", _ODS_JOB.sub("", _DU.sub("", stripped))).strip()


def _ends_sentence(text: str) -> bool:
    return text.rstrip().endswith((",", ";", ".", ":"))
