"""The exact rules that tell page furniture of an official PDF from its text.

Every page of a General Assembly resolution is printed on one template: from the second page
on, a running head of the document symbol and the (running) title at the top; on every page a
footer of the page number (``2/15``) and the job number (``23-25902``), on the first page the
job number with its language and date code (``23-25902 (E) 291223``) and its barcode
(``*2325902*``); a short rule (``________``) above each page's footnotes. Each rule below
recognises one of these by what it says, not only by where it stands, and returns the facts it
carries, so nothing is removed on a hunch:

- ``running-head``: on a page after the first, the lines above the text (within an inch of the
  top edge) that read exactly the symbol and whole words of the running title, the title the
  most pages print (of two as common, the shorter);
- ``footer``: the lowest lines of a page made only of footer tokens (``N/M`` for this very
  page, the job number, ``(E)``, a date code, the barcode of that job number, "Please recycle");
- ``footnote-rule``: a line of underscores only, at the left of the text.

A line in the top band that is not the running head keeps its words, and is reported.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .pdf import _Line

TOP_BAND = 72.0  # points below the top edge where running heads stand (the text starts lower)

_SYMBOL = re.compile(r"A/RES/(?:ES-\d+|S-\d+|\d+)/\d+(?:\s?[A-Z](?:[-\u2013][A-Z])?)?\*?")
_JOB = re.compile(r"\d{2}-\d{5}")
_FOOTER_TOKENS = re.compile(
    r"""(?P<page>\d{1,3}/\d{1,3})         # 2/15: this page of all pages
      | (?P<job>\d{2}-\d{5})\*?           # 23-25902, 23-24915* on a reissue
      | (?P<language>\(E\))               # the language version: English
      | (?P<date>\d{6})                   # 291223: date code of the job, on the first page
      | \*(?P<barcode>\d{7})\*            # *2325902*: the job number as a barcode
      | (?P<recycle>Please\ recycle)      # the recycling notice of older documents
      """,
    re.X,
)
_UNDERSCORES = re.compile(r"_{5,}")


@dataclass
class Furniture:
    """The rules of one document, with what they need to know about it."""

    symbol: str
    page_count: int
    page_tops: list[float]  # each page's top edge
    running_title: str | None
    job: str | None
    found: dict[str, str] = field(default_factory=dict)

    @classmethod
    def of(cls, pages: list[list[_Line]], tops: list[float] | None = None) -> Furniture:
        tops = tops or [792.0] * len(pages)
        symbol = _document_symbol(pages)
        furniture = cls(symbol, len(pages), tops, None, _job_number(pages))
        furniture.running_title = furniture._running_title(pages)
        return furniture

    def facts(self) -> dict[str, str]:
        found = dict(self.found)
        if self.job:
            found["job"] = self.job
        if self.running_title:
            found["running_title"] = self.running_title
        return found

    # --- judging one line ---------------------------------------------------------------

    def judge(self, line: _Line) -> tuple[str, tuple[tuple[str, str], ...]] | None:
        """(rule, facts) when the line is furniture, else None."""
        text = line.text.strip()
        if _UNDERSCORES.fullmatch(text):
            return "footnote-rule", ()
        if line.page > 1 and self.in_top_band(line) and self._is_running_head(line.page, text):
            return "running-head", (("running_head", text),)
        facts = self._footer_facts(line)
        if facts is not None:
            return "footer", facts
        return None

    def in_top_band(self, line: _Line) -> bool:
        return line.y > self.page_tops[line.page - 1] - TOP_BAND

    def _is_running_head(self, page: int, text: str) -> bool:
        rest = self._without_symbol(text)
        if rest is None:
            return self._in_running_title(text)
        return rest == "" or self._in_running_title(rest)

    def _in_running_title(self, words: str) -> bool:
        """Are ``words`` whole words of the running title, in its order (a title set over
        two lines has each line apart)? Part of a word is not: "ges acr" is no running
        head of "Resolutions across pages"."""
        title = self.running_title
        return title is not None and f" {' '.join(words.split())} " in f" {title} "

    def _without_symbol(self, text: str) -> str | None:
        if not self.symbol or self.symbol not in text:
            return None
        return " ".join(text.replace(self.symbol, " ").split())

    def _footer_facts(self, line: _Line) -> tuple[tuple[str, str], ...] | None:
        text = line.text.strip()
        position = 0
        facts: list[tuple[str, str]] = []
        for match in _FOOTER_TOKENS.finditer(text):
            if text[position:match.start()].strip():
                return None
            position = match.end()
            kind = match.lastgroup or ""
            value = match.group(kind)
            if kind == "page" and value != f"{line.page}/{self.page_count}":
                return None
            if kind == "job" and self.job and value != self.job:
                return None
            if kind == "barcode" and self.job and value != self.job.replace("-", ""):
                return None
            if kind in ("date", "language", "recycle") and line.page != 1 and kind != "recycle":
                return None
            facts.append((kind, value))
        if text[position:].strip() or not facts:
            return None
        if not any(kind in ("page", "job", "barcode") for kind, _ in facts):
            return None
        return tuple(facts)

    # --- what the document says of itself ------------------------------------------------

    def _running_title(self, pages: list[list[_Line]]) -> str | None:
        """The words of the running head besides the symbol, the same on every later page."""
        titles: Counter[str] = Counter()
        for page in pages[1:]:
            band = [line for line in page if self.in_top_band(line)]
            words = " ".join(line.text for line in band)
            rest = self._without_symbol(words)
            if rest:
                titles[rest] += 1
        if not titles:
            return None
        # the most pages agree on it; of two as common, the shorter: words that are not on
        # every page (a line of the text run into the head) are not the running title's
        return max(titles, key=lambda title: (titles[title], -len(title)))


def _document_symbol(pages: list[list[_Line]]) -> str:
    """The symbol on the first page's masthead ("United Nations A/RES/78/132")."""
    for line in pages[0] if pages else []:
        match = _SYMBOL.search(line.text)
        if match:
            return match.group().rstrip("*")
    return ""


def _job_number(pages: list[list[_Line]]) -> str | None:
    """The job number printed at the foot of the first page ("23-25902 (E) 291223")."""
    counts: Counter[str] = Counter()
    for page in pages:
        for line in page[-4:]:
            for match in _JOB.finditer(line.text):
                counts[match.group()] += 1
    return counts.most_common(1)[0][0] if counts else None
