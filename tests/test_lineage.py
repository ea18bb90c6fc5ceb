"""Paragraph lineage: counterparts across resolutions, with word diffs; boilerplate alone never
links two paragraphs."""

from __future__ import annotations

from dataclasses import replace
from datetime import date

from generator.lineage import LIMIT, paragraph_lineage, word_diff
from generator.model import Meeting, Paragraph, Resolution
from generator.pipeline import collect

from .conftest import SOURCE_DIR


def test_seed_counterparts_both_ways():
    lineage = paragraph_lineage(collect(SOURCE_DIR).linked.resolutions)
    later = {(c.symbol, c.paragraph, c.relation) for c in lineage[("A/RES/64/187", "op6")]}
    assert ("A/RES/66/184", "op3", "later") in later, "the gender divide paragraph went on"
    earlier = {(c.symbol, c.paragraph) for c in lineage[("A/RES/66/184", "op3")]}
    assert ("A/RES/64/187", "op6") in earlier
    moved = {(c.symbol, c.paragraph) for c in lineage[("A/RES/66/184", "op4")]}
    assert ("A/RES/64/187", "pp15") in moved, "a preambular paragraph became operative"
    for (symbol, paragraph), found in lineage.items():
        for c in found:
            other = lineage[(c.symbol, c.paragraph)]
            back = {(b.symbol, b.paragraph) for b in other}
            opposite = "later" if c.relation == "earlier" else "earlier"
            full = sum(b.relation == opposite for b in other) == LIMIT
            assert (symbol, paragraph) in back or full, \
                "the relation is symmetric, unless the limit cut it on the other side"


def test_word_diff_of_the_gender_divide_paragraph():
    old = ("Acknowledges that a gender divide exists as part of the digital divide, and "
           "women's access to the new technologies, especially information and communication "
           "technologies for development;")
    new = ("Acknowledges that a gender divide exists as part of the digital divide, and "
           "women's access to and use of information and communications technologies for "
           "their overall empowerment and benefit;")
    diff = word_diff(old, new)
    assert ("removed", "the new technologies, especially") in [(d.kind, d.text) for d in diff]
    assert ("added", "and use of") in [(d.kind, d.text) for d in diff]
    assert " ".join(d.text for d in diff if d.kind != "removed") == new
    assert " ".join(d.text for d in diff if d.kind != "added") == old


def test_word_diffs_are_the_same_whatever_words_came_before(monkeypatch):
    """Words are spelt with one character each, numbered as this process first meets them,
    and renumbered from scratch past a bound: a diff never depends on what was diffed
    before (nor on which texts the cache of spelt texts still holds)."""
    import generator.lineage as lineage_module

    pairs = [("Recalls its resolution 64/187 of 18 December 2009,",
              "Recalls its resolutions 64/187 of 18 December 2009 and 65/141,"),
             ("Welcomes the report; notes with concern", "Takes note of the report, noting"),
             ("a a a b", "b a a"), ("", "new words"), ("old words", "")]
    first = [word_diff(old, new) for old, new in pairs]
    monkeypatch.setattr(lineage_module, "_WORD_CODES_AT_MOST", 3)
    again = [word_diff(old, new) for old, new in reversed(pairs)][::-1]
    assert again == first
    assert len(lineage_module._WORD_CODES) <= 3 + len(set(" ".join(pairs[0]).split()))
    for (old, new), diff in zip(pairs, first, strict=True):
        assert " ".join(d.text for d in diff if d.kind != "removed") == new
        assert " ".join(d.text for d in diff if d.kind != "added") == old


def _resolution(serial: int, texts: list[str]) -> Resolution:
    paragraphs = tuple(Paragraph(f"op{n}", "operative", n, f"{n}.", text)
                       for n, text in enumerate(texts, start=1))
    day = date(2015, 1, 1).replace(day=1 + serial % 28)
    return Resolution(f"A/RES/70/{serial}", f"70/{serial}", 70, f"Topic {serial}", day, None,
                      Meeting(80, day), None, (), None, paragraphs, ())


TOPICS = ["fisheries", "desertification", "road safety", "malaria", "migration", "oceans",
          "literacy", "housing", "tourism", "cooperatives", "volunteers", "disabilities",
          "ageing", "youth", "family", "sport", "water", "energy", "forests", "mountains",
          "deserts", "chemicals", "tsunamis", "biodiversity", "climate", "cities", "debt",
          "trade", "science", "culture"]


def test_boilerplate_alone_links_nothing():
    """Thirty unrelated resolutions share the closing request; only a carried paragraph links."""
    resolutions = [
        _resolution(serial, [
            f"Encourages Member States to give priority to {topic} {serial} in national plans "
            f"and to share experience on {topic} with partners number {serial};",
            "Requests the Secretary-General to submit to the General Assembly at its "
            f"seventy-first session a report on the implementation of the present resolution "
            f"concerning {topic};"])
        for serial, topic in enumerate(TOPICS, start=1)]
    carried = resolutions[0].paragraphs[0].text.replace("give priority", "give high priority")
    resolutions.append(_resolution(99, [carried, "Decides to remain seized of the matter."]))
    lineage = paragraph_lineage(resolutions)
    linked = {key for key, found in lineage.items() if found}
    assert linked == {("A/RES/70/1", "op1"), ("A/RES/70/99", "op1")}


def test_the_lineage_panel_is_the_markup_the_macro_drew():
    """The panel is drawn in Python for speed (views/lineage_panel.py): this is, byte for
    byte, what the template's macro drew, with text escaped as a template escapes it."""
    from generator.lineage import DiffPart
    from generator.views.lineage_panel import LineagePanel, LineageView, panel_html

    views = [
        LineageView("64/187 op6", "../64/187.html#op6", 87, "earlier", 2009,
                    [DiffPart("same", "Calls <b>"), DiffPart("removed", "upon & {{ x }}"),
                     DiffPart("added", "on\tall")]),
        LineageView("68/198 op2", "../68/198.html#op2", 100, "later", 2013, []),
    ]
    assert str(panel_html(LineagePanel(1, 1, views))) == (
        '<details class="atlas-seealso" data-search-exclude="true">\n'
        '<summary><span class="atlas-seealso__words">Lineage: 1 earlier, 1 later</span> '
        '<span class="atlas-seealso__mark" aria-hidden="true">↔ 2</span></summary>\n<ul>\n'
        '<li><a href="../64/187.html#op6">64/187 op6</a> (2009, earlier, 87% alike): '
        '<span class="atlas-diff">Calls &lt;b&gt; <del>upon &amp; &#123;&#123; x }}</del> '
        '<ins>on&#9;all</ins></span></li>\n'
        '<li><a href="../68/198.html#op2">68/198 op2</a> (2013, later): the same words</li>\n'
        '</ul>\n</details>')
    assert "Lineage: 3 later<" in str(panel_html(LineagePanel(0, 3, views)))


def test_the_packed_lineage_a_build_fills_in_is_the_lineage_itself(tmp_path):
    """``with_lineage`` packs the counterparts in arrays before making them (the memory of
    everything lineage worked with is let go first): the same counterparts, in the same
    order, naming paragraphs by the very strings the resolutions hold."""
    from benchmarks.synthetic import write_corpus
    from generator.lineage import with_lineage

    write_corpus(tmp_path, 24, seed=7, series_length=6)
    resolutions = collect(tmp_path).linked.resolutions
    bare = tuple(replace(r, paragraphs=tuple(replace(p, lineage=()) for p in r.paragraphs))
                 for r in resolutions)
    expected = paragraph_lineage(bare)
    assert {round(c.similarity, 2) for found in expected.values() for c in found} > {1.0}
    filled = with_lineage(bare)
    found = {(r.symbol, p.id): p.lineage for r in filled for p in r.paragraphs if p.lineage}
    assert found == {key: tuple(counterparts) for key, counterparts in expected.items()}
    ids = {(r.symbol, p.id): (r.symbol, p.id) for r in bare for p in r.paragraphs}
    for counterparts in found.values():
        for c in counterparts:
            symbol, paragraph = ids[c.symbol, c.paragraph]
            assert c.symbol is symbol and c.paragraph is paragraph


def test_ranking_by_int_codes_is_ranking_by_tuples():
    """``_ranked`` holds each candidate as one int (``_RankCodes``) that must sort as the
    tuple it stands for: series neighbours first, then the most alike, then the nearest in
    time, then the counterpart's key (symbol, paragraph). Random links over a small corpus,
    ranked both ways, give the same counterparts in the same order."""
    import random
    from types import SimpleNamespace

    from generator.lineage import _SHOWN, _ranked

    rng = random.Random(7)
    units = 60
    keys = [(f"A/RES/{rng.randrange(50, 56)}/{rng.randrange(1, 9)}", f"op{n}")
            for n in range(units)]
    ranks = sorted(rng.randrange(0, 12) for _ in range(units))
    corpus = SimpleNamespace(keys=keys, ranks=ranks, units_at=[[]] * 12,
                             text_of=[rng.randrange(0, 20) for _ in range(units)])
    links = []
    for _ in range(400):
        first, second = sorted(rng.sample(range(units), 2))
        links.append((first, second, rng.choice([1.0, 0.5, 0.754, 0.991, rng.random()]),
                      rng.random() < 0.3))

    def by_tuples():  # what _ranked did before: a tuple per candidate, sorted
        earlier, later = {}, {}
        for first, second, alike, neighbours in links:
            same = corpus.text_of[first] == corpus.text_of[second]
            shown = 1.0 if same else min(round(alike, 2), 0.99)
            distance = ranks[second] - ranks[first]
            later.setdefault(first, []).append((not neighbours, -shown, distance,
                                                keys[second], second))
            earlier.setdefault(second, []).append((not neighbours, -shown, distance,
                                                   keys[first], first))
        return [(unit, [(relation, -negative, other)
                        for relation, found in (("earlier", earlier), ("later", later))
                        for _, negative, _, _, other in sorted(found.get(unit, ()))[:LIMIT]])
                for unit in sorted(earlier.keys() | later.keys())]

    ranked = list(_ranked(corpus, links))
    assert ranked == by_tuples()
    assert all(shown in _SHOWN for _, found in ranked for _, shown, _ in found)
    assert sum(len(found) for _, found in ranked) > units
