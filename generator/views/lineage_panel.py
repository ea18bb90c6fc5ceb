"""A paragraph's lineage, as the small panel after it shows it: its counterparts in the
collection's other resolutions (``Paragraph.lineage``, filled in by the lineage stage).

What holds: one ``LineagePanel`` per paragraph with counterparts (none for the others), counting
its earlier and later ones, with one ``LineageView`` per counterpart, in the order lineage lists
them, each linked to the counterpart paragraph with the word diff from the earlier text to the
later one (empty when the words are the same).

The panel's markup is made here (``panel_html``, ``diff_html``), not by Jinja macros: a page
shows some 140 counterparts, 50 of them with a diff, and laying them out through macros took
as long as the rest of the page (about 3.4 ms of 5 a page, at 1,000 resolutions: every value
goes through Jinja's attribute lookup, ``finalize`` and a second ``Markup``). It is the only
page markup made in Python; the templates use it as the ``lineage_panel`` and ``word_diff``
filters, and every text in it is escaped by ``text_html`` (``html_text``'s characters), as
every value a template prints is. ``tests/test_lineage.py`` holds the markup to what the macro drew.
"""

from __future__ import annotations

from dataclasses import dataclass

from markupsafe import Markup

from ..inert import text_html
from ..lineage import DiffPart, word_diff
from ..model import LineageLink, Paragraph, Resolution
from ..paths import Href


@dataclass(frozen=True)
class LineageView:
    """One counterpart of a paragraph, as its lineage panel shows it."""

    label: str  # "64/187 op6"
    href: str
    percent: int
    relation: str  # "earlier" or "later"
    year: int
    diff: list[DiffPart]  # from the earlier text to the later one; empty when the same


@dataclass(frozen=True)
class LineagePanel:
    """A paragraph's lineage panel: its counterparts, and how many are earlier and later."""

    earlier: int
    later: int
    views: list[LineageView]


def lineage_views(resolution: Resolution, corpus: dict[str, Resolution], href: Href
                  ) -> dict[str, LineagePanel]:
    """For each paragraph with counterparts (by id): each one, linked, with its word diff."""
    panels: dict[str, LineagePanel] = {}
    texts: dict[str, dict[str, str]] = {}  # each counterpart resolution's texts, by paragraph
    for paragraph in resolution.paragraphs:
        found = []
        for link in paragraph.lineage:
            other = corpus[link.symbol]
            if link.symbol not in texts:
                texts[link.symbol] = {p.id: p.text for p in other.paragraphs}
            found.append(lineage_view(paragraph, link, other, texts[link.symbol][link.paragraph],
                                      href))
        if found:
            earlier = sum(1 for view in found if view.relation == "earlier")
            panels[paragraph.id] = LineagePanel(earlier, len(found) - earlier, found)
    return panels


def lineage_view(paragraph: Paragraph, link: LineageLink, other: Resolution, text: str,
                 href: Href) -> LineageView:
    """The counterpart ``link`` of ``paragraph``: ``text``, a paragraph of ``other``."""
    old, new = (text, paragraph.text) if link.relation == "earlier" else (paragraph.text, text)
    return LineageView(
        f"{other.number} {link.paragraph}", href.paragraph(other.symbol, link.paragraph),
        round(link.similarity * 100), link.relation, other.adopted.year,
        word_diff(old, new) if old != new else [])


_DIFF_TAGS = {"added": ("<ins>", "</ins>"), "removed": ("<del>", "</del>"), "same": ("", "")}


def diff_html(parts: list[DiffPart]) -> Markup:
    """Words kept, ``<del>removed</del>`` and ``<ins>added</ins>``, one space between parts,
    in ``<span class="atlas-diff">`` (the ``word_diff`` filter of the templates)."""
    runs = []
    for part in parts:
        start, end = _DIFF_TAGS[part.kind]
        runs.append(f"{start}{text_html(part.text)}{end}")
    return Markup('<span class="atlas-diff">' + " ".join(runs) + "</span>")


def panel_html(panel: LineagePanel) -> Markup:
    """A paragraph's counterparts (its lineage), behind a small mark at the paragraph's end
    ("↔ 3"): there for a reader who looks for it, quiet for one who reads the text. Its words
    ("Lineage: 2 earlier, 1 later") name it for screen readers, and show beside it on hover,
    focus and once open. A native ``<details>``, so it opens by mouse and keyboard with no
    script and from disk. Excluded from search. (The ``lineage_panel`` filter.)"""
    counts = ", ".join(f"{n} {word}" for n, word in ((panel.earlier, "earlier"),
                                                    (panel.later, "later")) if n)
    items = "".join(_item_html(view) for view in panel.views)
    return Markup(
        '<details class="atlas-seealso" data-search-exclude="true">\n'
        f'<summary><span class="atlas-seealso__words">Lineage: {counts}</span> '
        '<span class="atlas-seealso__mark" aria-hidden="true">'
        f"↔ {panel.earlier + panel.later}</span></summary>\n<ul>\n{items}</ul>\n</details>")


def _item_html(view: LineageView) -> str:
    link = f'<a href="{text_html(view.href)}">{text_html(view.label)}</a>'
    words = (f", {view.percent}% alike): {diff_html(view.diff)}" if view.diff
             else "): the same words")
    return f"<li>{link} ({view.year}, {text_html(view.relation)}{words}</li>\n"
