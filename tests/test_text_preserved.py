"""The text is sacred: every word of a seed's body comes out of the parser, in order.

The source body (furniture removed) and the parsed paragraphs and footnotes, with markers put
back at their recorded offsets, must give the very same sequence of words.
"""

from __future__ import annotations

import re

import pytest

from generator.model import Paragraph
from generator.parse import parse
from generator.read import read_source

from .conftest import SEEDS


def with_markers(paragraph: Paragraph) -> str:
    text = paragraph.text
    for number, offset in reversed(paragraph.markers):
        text = text[:offset] + str(number) + text[offset:]
    return f"{paragraph.label} {text}".strip()


def source_body_words(text: str) -> list[str]:
    """Words from 'The General Assembly,' to the last footnote, without the closing lines."""
    lines = text.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "The General Assembly,")
    stop = next(i for i, line in enumerate(lines) if "<<ODS" in line)
    closing = next(i for i, line in enumerate(lines) if re.search(r"plenary meeting$", line))
    kept = lines[start + 1:closing] + lines[closing + 2:stop]
    return " ".join(kept).split()


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_word_in_original_order(path):
    source = read_source(path)
    resolution = parse(source)
    parsed_words = " ".join(
        [with_markers(p) for p in resolution.paragraphs]
        + [f"{f.number} {f.text}" for f in resolution.footnotes]
    ).split()
    assert parsed_words == source_body_words(source.text)


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_title_and_header_words_are_metadata(path):
    source = read_source(path)
    resolution = parse(source)
    title_line = next(line for line in source.lines if line.startswith(resolution.number + "."))
    assert title_line.split(None, 1)[1].split() == resolution.title.split()
    assert f"({resolution.report.symbol})" in source.text
