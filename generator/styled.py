"""Text that keeps what its source knew about each character, through every cut and join.

The parser cuts labels off paragraphs, cuts footnote markers out of them, joins wrapped lines
and collapses whitespace; the italics of the official text and the PDF's link annotations must
follow the characters they belong to. ``Styled`` holds a text, one style byte per character
(``layout.ITALIC`` ...; empty when the source says nothing) and the links over it, and every
operation returns a new ``Styled`` whose styles and links still line up with its text.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from .layout import Line, Link

# Whitespace collapses to one space; a no-break space is content, not layout, and stays.
_SPACE_RUN = re.compile(r"[ \t\n\r\f\v]+")
_NOT_COLLAPSED = re.compile(r"[\t\n\r\f\v]| {2}")  # what a collapsed text never holds
# The runs collapsing changes (a lone space between words stays as it is): replacing only
# them, not every space between two words, is several times quicker.
_CHANGED_RUN = re.compile(r"[ \t\n\r\f\v]{2,}|[\t\n\r\f\v]")
_ENDS = " \t\n\r\f\v"  # what collapsing strips from both ends
# For ``spans``: a style byte -> b"1" where it carries the flag, b"0" elsewhere.
_MASKS = {flag: bytes(b"1"[0] if value & flag else b"0"[0] for value in range(256))
          for flag in (1, 2, 4)}
_ON = re.compile(rb"1+")


def _surely_collapsed(text: str) -> bool:
    """True when ``text`` holds no whitespace run to collapse (but maybe a space at either
    end), told by string methods that run at memory speed: no two spaces, and nothing
    unprintable (tabs, line breaks; a few texts holding other characters Python does not
    print, a no-break space among them, are told by ``_NOT_COLLAPSED`` instead). Most texts
    are; a pattern would look at each of their characters in turn."""
    return "  " not in text and text.isprintable()


@dataclass(frozen=True)
class Styled:
    text: str
    styles: bytes = b""  # len(styles) == len(text), or empty: no style known
    links: tuple[Link, ...] = ()

    @classmethod
    def of(cls, line: Line) -> Styled:
        return cls(line.text, line.styles, line.links)

    def __len__(self) -> int:
        return len(self.text)

    def style_at(self, index: int) -> int:
        return self.styles[index] if self.styles else 0

    def slice(self, start: int, end: int | None = None) -> Styled:
        end = len(self.text) if end is None else end
        links = tuple(Link(max(link.start, start) - start, min(link.end, end) - start, link.target)
                      for link in self.links if link.start < end and link.end > start)
        return Styled(self.text[start:end], self.styles[start:end] if self.styles else b"",
                      links)

    @classmethod
    def join(cls, parts: Iterable[Styled], separators: Iterable[str]) -> Styled:
        """``parts`` joined, with ``separators[i]`` (unstyled) between parts i and i+1."""
        parts = list(parts)
        seps = list(separators)
        text: list[str] = []
        styles = bytearray()
        links: list[Link] = []
        known = any(p.styles for p in parts)
        position = 0
        for index, part in enumerate(parts):
            if index:
                sep = seps[index - 1]
                text.append(sep)
                styles += bytes(len(sep))
                position += len(sep)
            text.append(part.text)
            styles += part.styles if part.styles else bytes(len(part.text))
            links += [Link(k.start + position, k.end + position, k.target) for k in part.links]
            position += len(part.text)
        return cls("".join(text), bytes(styles) if known else b"", _merged(links))

    def squashed(self) -> Styled:
        """The text of ``collapsed()`` without the offsets, which most callers do not need:
        a text that knows no styles and no links is collapsed by one pattern, however many
        whitespace runs it has."""
        if self.styles or self.links:
            return self.collapsed()[0]
        text = self.text
        if not _surely_collapsed(text):
            text = _CHANGED_RUN.sub(" ", text)
        return Styled(text.strip(_ENDS))

    def collapsed(self) -> tuple[Styled, list[int]]:
        """Whitespace runs as one space, no space at either end; and for every offset of
        this text (and its end) the offset it has in the result. Work is done on slices
        between whitespace runs, so it stays linear and quick however long the text."""
        text, styles = self.text, self.styles
        if (_surely_collapsed(text) or not _NOT_COLLAPSED.search(text)) \
                and text[:1] != " " and text[-1:] != " ":
            return self, list(range(len(text) + 1))  # nothing to collapse
        runs = [(m.start(), m.end()) for m in _SPACE_RUN.finditer(text)]
        pieces: list[str] = []
        style_pieces: list[bytes] = []
        offsets: list[int] = [0] * (len(text) + 1)
        length = position = 0
        for start, end in [*runs, (len(text), len(text))]:
            if start > position:  # the characters kept as they are
                pieces.append(text[position:start])
                if styles:
                    style_pieces.append(styles[position:start])
                offsets[position:start] = range(length, length + start - position)
                length += start - position
            offsets[start:end] = [length] * (end - start)
            if length and end < len(text) and end > start:
                pieces.append(" ")  # one space for the run; it keeps no style of its own
                if styles:
                    style_pieces.append(b"\x00")
                length += 1
            position = end
        offsets[len(text)] = length
        links = tuple(Link(offsets[k.start], offsets[k.end], k.target) for k in self.links
                      if offsets[k.end] > offsets[k.start])
        return Styled("".join(pieces), b"".join(style_pieces), links), offsets

    def without(self, spans: Iterable[tuple[int, int]]) -> tuple[Styled, list[int]]:
        """The text with ``spans`` removed, and where each removed span stood in the result
        (one offset per span, in order). A text that knows no styles and no links (a text
        export's) is cut as a plain string: a paragraph may have thousands of markers."""
        if not self.styles and not self.links:
            return self._plain_without(spans)
        pieces: list[Styled] = []
        at: list[int] = []
        position = length = 0
        for start, end in spans:
            piece = self.slice(position, start)
            pieces.append(piece)
            length += len(piece)
            at.append(length)
            position = end
        pieces.append(self.slice(position))
        return Styled.join(pieces, [""] * (len(pieces) - 1)), at

    def _plain_without(self, spans: Iterable[tuple[int, int]]) -> tuple[Styled, list[int]]:
        text = self.text
        pieces: list[str] = []
        at: list[int] = []
        position = length = 0
        for start, end in spans:
            piece = text[position:start]
            pieces.append(piece)
            length += len(piece)
            at.append(length)
            position = end
        pieces.append(text[position:])
        return Styled("".join(pieces)), at

    def spans(self, flag: int) -> tuple[tuple[int, int], ...]:
        """Maximal runs of characters carrying ``flag``; a single space between two such runs
        joins them, and no run starts or ends with a space."""
        if not self.styles:
            return ()
        mask = self.styles.translate(_MASKS[flag])
        runs: list[list[int]] = []
        for match in _ON.finditer(mask):
            start, end = match.span()
            if runs and start == runs[-1][1] + 1 and self.text[start - 1] == " ":
                runs[-1][1] = end
            else:
                runs.append([start, end])
        trimmed = []
        for start, end in runs:
            while end > start and self.text[end - 1] == " ":
                end -= 1
            while start < end and self.text[start] == " ":
                start += 1
            if end > start:
                trimmed.append((start, end))
        return tuple(trimmed)


def _merged(links: list[Link]) -> tuple[Link, ...]:
    """One link where a link annotation covered the end of a line and the start of the next
    (two annotations, one target, joined across the line break)."""
    merged: list[Link] = []
    for link in links:
        last = merged[-1] if merged else None
        if last is not None and last.target == link.target and link.start - last.end <= 1:
            merged[-1] = Link(last.start, link.end, link.target)
        else:
            merged.append(link)
    return tuple(merged)
