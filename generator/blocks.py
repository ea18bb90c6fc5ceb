"""Lines -> blocks: the first step of the parse stage, the same for every reader.

A block is what the reader saw as one paragraph, footnote, heading or table: a line that
starts a block and the lines that continue it, their texts joined. What holds after
``blocks_of``:
- blocks are in the layout's order; furniture lines are blocks of their own, so the
  recognisers see their facts but never their words as text;
- a block's ``content`` is the joined text with whitespace collapsed, each line end read as
  one space, except after a hyphen that ends a word ("seventy-" + "eighth" is one word: the
  UN does not hyphenate words at line ends, so such a hyphen is always printed); a hyphen
  before "and", "or" or "to" stays apart ("burden- and responsibility-sharing");
- styles and links follow their characters through the join.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass

from .layout import Line, Table
from .styled import Styled

_WORD_HYPHEN = re.compile(r"\w[-\u2010\u2011]$")
_SUSPENDED = re.compile(r"(?:and|or|to|nor)\b")


@dataclass(frozen=True)
class Block:
    content: Styled
    lines: tuple[Line, ...]

    @property
    def text(self) -> str:
        return self.content.text

    @property
    def first(self) -> Line:
        return self.lines[0]

    @property
    def role(self) -> str:
        return self.first.role

    @property
    def table(self) -> Table | None:
        return self.first.table

    @property
    def line(self) -> int:
        return self.first.number

    @property
    def bold(self) -> bool:
        return all(line.bold for line in self.lines)


def blocks_of(lines: tuple[Line, ...]) -> list[Block]:
    """Blocks in the order of their first lines. The running text and the footnotes are two
    streams that interleave page by page: a paragraph carried over to the next page goes on
    after that page's running head, and a footnote after the next page's text."""
    done: list[list[Line]] = []
    open_blocks: dict[str, list[Line]] = {}
    for line in lines:
        if line.role == "furniture" or line.table is not None:
            done.append([line])
            continue
        current = open_blocks.get(line.role)
        if current is not None and not line.starts_block:
            current.append(line)
            continue
        if current is not None:
            done.append(current)
        open_blocks[line.role] = [line]
    done += open_blocks.values()
    done.sort(key=lambda group: group[0].number)
    return [_block(group) for group in done]


def _block(lines: list[Line]) -> Block:
    parts = [Styled.of(line) for line in lines]
    separators = [_separator(a.text, b.text) for a, b in itertools.pairwise(lines)]
    content = Styled.join(parts, separators).squashed()
    return Block(content, tuple(lines))


def _separator(before: str, after: str) -> str:
    before = before.rstrip(" \t")
    if _WORD_HYPHEN.search(before) and after[:1].isalnum() and not _SUSPENDED.match(after):
        return ""
    return " "
