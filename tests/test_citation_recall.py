"""The PDFs' own links are ground truth for citations: the atlas finds what they link.

Every official PDF of the corpus carries link annotations over the symbols it cites (to
undocs.org or docs.un.org). For each one, the citation the atlas finds at the same words must
name the same resolution or document. At least ``GOAL`` of them must be found; the misses are
printed (``pytest -s``) so they can be read, and the known ones are listed below.

Two equivalences, both of the link, not of the text: a PDF links the whole of a resolution in
parts where the text names one part ("45/55 B" links A/RES/45/55), and the whole of a report
where the text names a supplement or volume ("A/48/42" links A/48/42(supp)). Links to other
sites (treaty bodies' pages, FAO, UNCTAD, job-number API links) name no symbol and are not
counted.

Known misses, read one by one: lists broken by a clause ("60/251 of 15 March 2006, by which
it established the Human Rights Council, and 65/281"), a Council named far before its
resolutions ("the subsequent Council resolution 57/26"), an impossible date ("15 of December
of 2022"), and the PDF's own wrong links (78/199 links "Human Rights Council resolution
53/11" to A/RES/53/11; 73/7 links the budget year "2017/18" to E/RES/2017/18).

Skipped, saying so, where ../shared is absent.
"""

from __future__ import annotations

import re
from urllib.parse import unquote

import pytest

from generator.cache import LayoutCache
from generator.corpus import load_corpus
from generator.data import load_data
from generator.link import link_corpus
from generator.pipeline import DEFAULT_DATA_DIR

from .conftest import ROOT, SHARED

CORPUS = SHARED / "corpus" / "pdf"
GOAL = 0.99
pytestmark = pytest.mark.skipif(not CORPUS.is_dir(),
                                reason=f"the corpus of PDFs is not here ({CORPUS})")

_SYMBOL_LINK = re.compile(r"https?://(?:undocs\.org|docs\.un\.org)/(?:en/)?(?P<symbol>.+)")


def comparable(symbol: str) -> str:
    """A symbol as the link and the citation must agree on it."""
    symbol = symbol.replace(" ", "").upper().rstrip("/")
    symbol = re.sub(r"\((?:SUPP|PARTI+|VOL\.I+)\)$", "", symbol)  # a report's supplement
    symbol = re.sub(r"^(A/RES/(?:E?S-\d+/)?\d+/\d+)[A-Z](?:-[A-Z])?$", r"\1", symbol)  # part
    return re.sub(r"^(A/RES/\d+)[A-Z](\((?:E?S-)?[IVXLC]+\))$", r"\1\2", symbol)  # 217 A (III)


@pytest.fixture(scope="module")
def linked():
    corpus = load_corpus(CORPUS, ROOT, LayoutCache(ROOT / ".cache" / "resolution-atlas"))
    return link_corpus(corpus.resolutions, load_data(DEFAULT_DATA_DIR)).resolutions


def test_the_citations_find_what_the_pdfs_link(linked):
    links = found = 0
    misses: list[str] = []
    for resolution in linked:
        for unit in (*resolution.paragraphs, *resolution.footnotes):
            for link in unit.source_links:
                target = _SYMBOL_LINK.match(unquote(link.target))
                if not target:
                    continue
                links += 1
                covering = [r for r in unit.references
                            if r.start < link.end and link.start < r.end]
                if any(comparable(r.target or "") == comparable(target["symbol"])
                       for r in covering):
                    found += 1
                else:
                    words = unit.text[link.start:link.end]
                    misses.append(f"{resolution.symbol} {unit.id}: {words!r} links "
                                  f"{target['symbol']}, found {[r.target for r in covering]}")
    recall = found / links
    print(f"\n{found} of {links} linked symbols found ({recall:.2%}); missed:")
    print("\n".join(misses))
    assert links > 5000
    assert recall >= GOAL, "\n".join(misses[:40])


def test_no_link_annotation_is_lost(linked):
    """Every PDF has its link annotations (the reader keeps them with the words)."""
    with_links = {r.symbol for r in linked
                  if any(u.source_links for u in (*r.paragraphs, *r.footnotes))}
    assert len(with_links) >= 0.9 * len(linked)
