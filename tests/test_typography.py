"""UN italics: the right opening words, and never a changed character."""

from __future__ import annotations

import pytest

from generator.parse import parse
from generator.read import read_source
from generator.typography import split_lead

from .conftest import SEEDS


@pytest.mark.parametrize(("text", "kind", "lead"), [
    ("Recalling its resolutions 56/183", "preambular", "Recalling"),
    ("Recalling also the 2005 World Summit Outcome,", "preambular", "Recalling also"),
    ("Taking note of the report", "preambular", "Taking note"),
    ("Expressing concern also about the growing gap", "preambular", "Expressing concern also"),
    ("Bearing in mind that", "preambular", "Bearing in mind"),
    ("Deeply concerned about", "preambular", "Deeply concerned"),
    ("Noting with appreciation the work", "preambular", "Noting with appreciation"),
    ("Conscious of the challenges", "preambular", "Conscious"),
    ("Emphasizing, however, that", "preambular", "Emphasizing"),
    ("During the session,", "preambular", ""),
    ("Also recognizes that", "operative", "Also recognizes"),
    ("Further recognizes the immense potential", "operative", "Further recognizes"),
    ("Calls upon all stakeholders", "operative", "Calls upon"),
    ("Takes note of the report", "operative", "Takes note"),
    ("Expresses concern regarding", "operative", "Expresses concern"),
    ("Decides to include", "operative", "Decides"),
    ("To do one thing;", "sub-paragraph", ""),
])
def test_lead(text, kind, lead):
    assert split_lead(text, kind) == (lead, text[len(lead):])


@pytest.mark.parametrize("path", SEEDS, ids=lambda p: p.name)
def test_every_seed_paragraph_has_a_lead_and_keeps_its_text(path):
    for paragraph in parse(read_source(path)).paragraphs:
        lead, rest = split_lead(paragraph.text, paragraph.kind)
        assert lead + rest == paragraph.text
        assert lead, f"{paragraph.id} has no italic lead: {paragraph.text[:40]!r}"
