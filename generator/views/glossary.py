"""The Glossary page: every body of ``data/bodies.yaml``, with the resolutions that name it.

What holds: bodies sorted by abbreviation (case aside); each lists the resolutions whose
paragraphs or footnotes name it (by abbreviation or full name, as ``glossary.find_terms``
finds them), by symbol, each linked from the page.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from ..data import Body
from ..glossary import find_terms
from ..model import Resolution
from ..paths import Href, symbol_key


@dataclass(frozen=True)
class GlossaryEntry:
    body: Body
    resolutions: list[tuple[Resolution, str]]  # (resolution, href) that mention the body


def glossary(bodies: tuple[Body, ...], resolutions: tuple[Resolution, ...], href: Href
             ) -> list[GlossaryEntry]:
    """Every body of data/bodies.yaml, with the resolutions that name it."""
    mentions: dict[str, set[str]] = defaultdict(set)
    for resolution in resolutions:
        texts = [p.text for p in resolution.paragraphs] + [f.text for f in resolution.footnotes]
        for text in texts:
            for term in find_terms(text, bodies):
                mentions[term.body.abbr].add(resolution.symbol)
    by_symbol = {r.symbol: r for r in resolutions}
    return [GlossaryEntry(body, [(by_symbol[s], href.symbol(s))
                                 for s in sorted(mentions[body.abbr], key=symbol_key)])
            for body in sorted(bodies, key=lambda b: b.abbr.lower())]
