"""Citation patterns, table-driven: real citations from resolutions, and near misses.

Each case is a text and the citations expected in it as (link text, symbol, paragraphs).
"""

from __future__ import annotations

import pytest

from generator.citations import find_citations, find_doubts
from generator.data import load_data

from .conftest import ROOT

NAMES = load_data(ROOT / "data").instrument_names

CASES = [
    # General Assembly resolutions, single and in lists with dates
    ("See resolution 59/220.", [("59/220", "A/RES/59/220", ())]),
    ("Recalling its resolutions 56/183 of 21 December 2001, 57/238 of 20 December 2002, "
     "57/270 B of 23 June 2003 and 63/202 of 19 December 2008 and other relevant resolutions,",
     [("56/183", "A/RES/56/183", ()), ("57/238", "A/RES/57/238", ()),
      ("57/270 B", "A/RES/57/270B", ()), ("63/202", "A/RES/63/202", ())]),
    ("Recalling its resolutions 55/5 B and C of 23 December 2000,",
     [("55/5 B", "A/RES/55/5B", ()), ("C", "A/RES/55/5C", ())]),
    ("in accordance with resolution 217 (III)", [("217 (III)", "A/RES/217(III)", ())]),
    ("Recalling resolution 217 A (III) of 10 December 1948,",
     [("217 A (III)", "A/RES/217A(III)", ())]),
    # Economic and Social Council: year-first numbers, whoever "its" is
    ("Economic and Social Council resolution 2008/3 of 18 July 2008, its resolution 63/202 of "
     "19 December 2008", [("2008/3", "E/RES/2008/3", ()), ("63/202", "A/RES/63/202", ())]),
    ("Recalling also Economic and Social Council resolutions 2006/46 of 28 July 2006, 2008/3 of "
     "18 July 2008 and 2010/2 of 19 July 2010,",
     [("2006/46", "E/RES/2006/46", ()), ("2008/3", "E/RES/2008/3", ()),
      ("2010/2", "E/RES/2010/2", ())]),
    ("the decision of the Economic and Social Council, in paragraphs 27 to 29 of its resolution "
     "2011/16, to extend", [("2011/16", "E/RES/2011/16", ("27", "28", "29"))]),
    ("Security Council resolution 1325 (2000) on women", [("1325 (2000)", "S/RES/1325(2000)", ())]),
    # The Human Rights Council and the Commission on Human Rights: their own symbols
    ("in accordance with Human Rights Council resolution 17/4 of 16 June 2011,",
     [("17/4", "A/HRC/RES/17/4", ())]),
    ("the decision of the Human Rights Council, in its resolution 60/13, that the theme",
     [("60/13", "A/HRC/RES/60/13", ())]),
    ("pursuant to Human Rights Council resolution S-28/1,", [("S-28/1", "A/HRC/RES/S-28/1", ())]),
    ("Commission on Human Rights resolution 2004/16 of 16 April 2004",
     [("2004/16", "E/CN.4/RES/2004/16", ())]),
    # Old-style numbers of special sessions, and lists naming the part cited of each item
    ("as stated in its resolutions 1874 (S-IV) of 27 June 1963, 3101 (XXVIII) of 11 December "
     "1973 and 55/235 of 23 December 2000,",
     [("1874 (S-IV)", "A/RES/1874(S-IV)", ()), ("3101 (XXVIII)", "A/RES/3101(XXVIII)", ()),
      ("55/235", "A/RES/55/235", ())]),
    ("Resolutions 52/214, sect. B, 57/283 B, sect. III, and 58/250, sect. III.",
     [("52/214", "A/RES/52/214", ()), ("57/283 B", "A/RES/57/283B", ()),
      ("58/250", "A/RES/58/250", ())]),
    ("Resolutions 52/214, sect. C, para. 3; 55/222, sect. III, para. 12; 58/101 B, sect. V, "
     "paras. 61\u201376; and 61/121 B, sect. IV.",
     [("52/214", "A/RES/52/214", ()), ("55/222", "A/RES/55/222", ()),
      ("58/101 B", "A/RES/58/101B", ()), ("61/121 B", "A/RES/61/121B", ())]),
    # Decisions: the Assembly's from 301 on, the Council's by year; never another body's
    ("Recalling its decision 73/555 of 16 September 2019,", [("73/555", "A/DEC/73/555", ())]),
    ("decisions 72/555 and 73/555", [("72/555", "A/DEC/72/555", ()),
                                     ("73/555", "A/DEC/73/555", ())]),
    ("Economic and Social Council decision 2019/209", [("2019/209", "E/DEC/2019/209", ())]),
    ("CBD/COP/15/17, decision 15/4, annex", [("CBD/COP/15/17", "CBD/COP/15/17", ())]),
    # Security Council symbols keep their year
    ("S/RES/2231 (2015)", [("S/RES/2231 (2015)", "S/RES/2231(2015)", ())]),
    # Documents of the treaty bodies and conferences the Assembly cites
    ("See FCCC/CP/2015/10/Add.1, decision 1/CP.21, annex.",
     [("FCCC/CP/2015/10/Add.1", "FCCC/CP/2015/10/Add.1", ())]),
    ("ICCD/COP(15)/23/Add.1, decision 7/COP.15.",
     [("ICCD/COP(15)/23/Add.1", "ICCD/COP(15)/23/Add.1", ())]),
    ("See CD/1839 and BWC/CONF.IX/9.", [("CD/1839", "CD/1839", ()),
                                        ("BWC/CONF.IX/9", "BWC/CONF.IX/9", ())]),
    ("UNEP/EA.5/Res.14.", [("UNEP/EA.5/Res.14", "UNEP/EA.5/Res.14", ())]),
    ("See SPLOS/34/7, ISBA/28/A/15 and CLCS/11/Add.1/Corr.1.",
     [("SPLOS/34/7", "SPLOS/34/7", ()), ("ISBA/28/A/15", "ISBA/28/A/15", ()),
      ("CLCS/11/Add.1/Corr.1", "CLCS/11/Add.1/Corr.1", ())]),
    ("A/CONF.192/2024/RC/3.", [("A/CONF.192/2024/RC/3", "A/CONF.192/2024/RC/3", ())]),
    ("See CAC/COSP/2019/17, sect. I.B, and CTOC/COP/2022/9.",
     [("CAC/COSP/2019/17", "CAC/COSP/2019/17", ()),
      ("CTOC/COP/2022/9", "CTOC/COP/2022/9", ())]),
    # Emergency special and special sessions (A/RES/ES-11/2 cites ES-11/1)
    ("Recalling its resolutions ES-11/1 of 2 March 2022 and ES-11/2 of 24 March 2022,",
     [("ES-11/1", "A/RES/ES-11/1", ()), ("ES-11/2", "A/RES/ES-11/2", ())]),
    ("Resolution S-10/2.", [("S-10/2", "A/RES/S-10/2", ())]),
    ("(A/ES-11/L.1 and A/RES/ES-11/4)", [("A/ES-11/L.1", "A/ES-11/L.1", ()),
                                        ("A/RES/ES-11/4", "A/RES/ES-11/4", ())]),
    # Documents by symbol; a joint symbol is two documents
    ("See A/C.2/59/3, annex.", [("A/C.2/59/3", "A/C.2/59/3", ())]),
    ("A/64/64-E/2009/10.", [("A/64/64", "A/64/64", ()), ("E/2009/10", "E/2009/10", ())]),
    ("See A/60/687.", [("A/60/687", "A/60/687", ())]),
    ("E/2009/92.", [("E/2009/92", "E/2009/92", ())]),
    ("draft resolution A/66/L.1 and the record A/64/PV.66",
     [("A/66/L.1", "A/66/L.1", ()), ("A/64/PV.66", "A/64/PV.66", ())]),
    ("report (A/64/582/Add.1) and E/CN.16/2011/3",
     [("A/64/582/Add.1", "A/64/582/Add.1", ()), ("E/CN.16/2011/3", "E/CN.16/2011/3", ())]),
    ("as in A/RES/64/187", [("A/RES/64/187", "A/RES/64/187", ())]),
    # Paragraph-level citations
    ("Recalls paragraph 22 of its resolution 65/141, takes note",
     [("65/141", "A/RES/65/141", ("22",))]),
    ("Reaffirming paragraphs 4, 5 and 55 of the Declaration of Principles adopted in Geneva in "
     "2003,", [("Declaration of Principles", "wsis-geneva-declaration", ("4", "5", "55"))]),
    ("Reaffirming also paragraphs 35 to 37 and 67 to 72 of the Tunis Agenda,",
     [("Tunis Agenda", "wsis-tunis-agenda",
       ("35", "36", "37", "67", "68", "69", "70", "71", "72"))]),
    ("as recognized in paragraph 111 of the Tunis Agenda for the Information Society, and",
     [("Tunis Agenda for the Information Society", "wsis-tunis-agenda", ("111",))]),
    ("the measures referred to in paragraph 7 above", [("paragraph 7", "", ("7",))]),
    # Named instruments
    ("Recalling also the 2005 World Summit Outcome,",
     [("2005 World Summit Outcome", "world-summit-outcome-2005", ())]),
    ("including the Millennium Development Goals;",
     [("Millennium Development Goals", "millennium-development-goals", ())]),
    ("the Declaration of Principles and the Plan of Action adopted by the World Summit on the "
     "Information Society", [("Declaration of Principles", "wsis-geneva-declaration", ()),
                             ("Plan of Action", "wsis-geneva-plan-of-action", ())]),
    # Near misses: numbers that are not citations
    ("organizing annually the ICT 4 All Forum and technological exhibition", []),
    ("26 per cent of the population", []),
    ("held in Geneva from 10 to 12 December 2003", []),
    ("at the halfway point to the 2015 overall review", []),
    ("Resolutions, chap. V, resolution 25, annex I.", []),
    ("Paris, 15 October-3 November 2001, vol. I and corrigendum", []),
    ("the Madrid International Plan of Action on Ageing", []),
    ("a Declaration of Principles on tolerance", []),
    ("paragraphs 35 to 37 and 67 to 72", []),
    ("and/or A/B testing", []),
]


def _symbol(citation) -> str:
    return citation.instrument or citation.symbol


@pytest.mark.parametrize(("text", "expected"), CASES, ids=[c[0][:50] for c in CASES])
def test_citations(text: str, expected: list[tuple[str, str, tuple[str, ...]]]):
    found = find_citations(text, NAMES)
    assert [(c.text, _symbol(c), c.paragraphs) for c in found] == expected
    for citation in found:
        assert text[citation.start:citation.end] == citation.text


def test_unresolvable_paragraph_citation_is_a_doubt():
    text = "Reaffirming paragraphs 4 and 5 of the Declaration on Something Unknown,"
    doubts = find_doubts(text, find_citations(text, NAMES))
    assert len(doubts) == 1 and doubts[0].text.startswith("paragraphs 4 and 5 of the Decl")
    assert "neither a resolution nor an instrument" in doubts[0].reason


def test_council_with_assembly_number_is_a_doubt():
    text = "Recalling Economic and Social Council resolution 64/3,"
    citations = find_citations(text, NAMES)
    assert citations == []
    assert find_doubts(text, citations)


def test_seed_citations_are_found():
    """Each seed's known citations: the spot checks of the issue."""
    from generator.pipeline import collect

    site = collect(ROOT / "source_texts")
    by_symbol = {r.symbol: r for r in site.linked.resolutions}
    op19 = next(p for p in by_symbol["A/RES/66/184"].paragraphs if p.id == "op19")
    assert (op19.references[0].target, op19.references[0].paragraph) == ("A/RES/65/141", "op22")
    pp1 = by_symbol["A/RES/66/184"].paragraphs[0]
    own = next(r for r in pp1.references if r.target == "A/RES/64/187")
    assert own.internal and own.href == "../64/187.html"
    fn7 = by_symbol["A/RES/64/187"].footnotes[6]
    assert [r.href for r in fn7.references] == ["https://undocs.org/en/A/64/64",
                                                "https://undocs.org/en/E/2009/10"]


def test_a_text_without_the_words_a_pattern_needs_is_never_searched_and_never_has_to_be():
    """Each pattern is only tried on a text holding the words all its matches hold: in every
    case above and every paragraph and footnote of the seeds, every match holds them, and
    every Council listing a doubt is about names a Council or the Commission."""
    from generator.citations import _NEEDED, RESOLUTION_LIST
    from generator.corpus import load_corpus

    seeds = load_corpus(ROOT / "source_texts").resolutions
    texts = [text for text, _ in CASES] + [
        part.text for r in seeds for part in (*r.paragraphs, *r.footnotes)]
    found = {pattern: 0 for pattern in _NEEDED}
    for text in texts:
        for pattern, needed in _NEEDED.items():
            for match in pattern.finditer(text):
                assert needed in match.group(), (pattern.pattern[:40], match.group())
                found[pattern] += 1
        for listing in RESOLUTION_LIST.finditer(text):
            council = listing.group("council") or ""
            assert not council or "Council" in council or "Commission" in council
    assert all(found.values()), "each pattern is exercised"
    assert find_citations("resolution 64/187", NAMES) and not find_citations("64/187", NAMES)
