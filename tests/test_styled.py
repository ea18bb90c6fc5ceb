"""Collapsing whitespace, source -> result: runs of ASCII whitespace become one space and both
ends lose theirs; every other character (a no-break space, a zero-width space, an information
separator) is text and stays. The quick paths (``_surely_collapsed``, ``_CHANGED_RUN``) give
what the plain definition gives, and every offset lands where its character went."""

from __future__ import annotations

import re

import pytest

from generator.styled import Styled

_RUN = re.compile(r"[ \t\n\r\f\v]+")

CASES = [
    "",
    " ",
    "Recalling its resolution 64/187,",
    " Recalling  its\tresolution\n64/187, ",
    "two  spaces and a tab\there",
    "a line\nbreak and a carriage\r\nreturn",
    "no-break\u00a0space stays, and\u00a0 one beside a space",
    "zero\u200bwidth, separator\x1cstays",
    "\u00a0 at the start and the end \u00a0",
    "\t\n leading and trailing \f\v",
    "ends with one space ",
    " starts with one space",
]


def _plain(text: str) -> str:
    return _RUN.sub(" ", text).strip(" \t\n\r\f\v")


@pytest.mark.parametrize("text", CASES)
def test_whitespace_collapses_as_defined_whichever_path_is_taken(text: str):
    assert Styled(text).squashed().text == _plain(text)
    collapsed, offsets = Styled(text).collapsed()
    assert collapsed.text == _plain(text)
    assert len(offsets) == len(text) + 1 and offsets[-1] == len(collapsed.text)
    for at, character in enumerate(text):
        if not character.isspace() or character == "\u00a0":
            assert collapsed.text[offsets[at]] == character, (text, at)


@pytest.mark.parametrize("text", CASES)
def test_a_styled_text_collapses_to_the_same_words(text: str):
    styled = Styled(text, bytes(len(text)))
    assert styled.squashed().text == _plain(text)
    assert len(styled.squashed().styles) in (0, len(_plain(text)))
