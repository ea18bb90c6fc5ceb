"""Raw HTML blocks set aside while Python-Markdown runs over a generated page.

The index pages (home, sessions, years, cited documents, glossary, overview) are Markdown with
a few headings of our own and long raw HTML blocks (tables of resolutions). Python-Markdown
passes such a block through untouched, but only after parsing every tag of it to find where it
ends: most of the time of those pages. Replaced by a placeholder paragraph before Markdown and
put back after, the blocks reach the page exactly as written, and the headings still give the
page its table of contents.
"""

from __future__ import annotations

import re

# A raw HTML block: from a block-level tag at the start of a line (after a
# blank line) to the next blank line, as Python-Markdown takes it.
_HTML_BLOCK = re.compile(r"""
    (?:\A|(?<=\n\n))                       # at the start of the page or after a blank line
    (?P<block>
      <(?:table|div|ul|ol|dl|section|aside|figure|nav|details|h[1-6]|p)\b  # block-level tag
      .*?                                  # its lines, none blank
    )
    (?=\n\n|\n?\Z)                          # up to a blank line or the end
    """, re.X | re.S)
_STASHED = "ATLASHTMLBLOCK{}X"  # a paragraph Markdown leaves alone: <p>ATLASHTMLBLOCK3X</p>


def stash_html_blocks(markdown: str) -> tuple[str, list[str]]:
    """``markdown`` with each raw HTML block replaced by a placeholder paragraph, and the
    blocks in order."""
    blocks: list[str] = []

    def keep(match: re.Match) -> str:
        blocks.append(match.group("block"))
        return _STASHED.format(len(blocks) - 1)

    return _HTML_BLOCK.sub(keep, markdown), blocks


_PLACEHOLDER = re.compile(r"<p>ATLASHTMLBLOCK(\d+)X</p>")


def unstash_html_blocks(html: str, blocks: list[str]) -> str:
    """Each placeholder paragraph of ``html`` replaced by its block again (in one pass, so
    nothing inside a block is ever taken for a placeholder)."""
    if not blocks:
        return html
    return _PLACEHOLDER.sub(lambda m: blocks[int(m.group(1))], html)


