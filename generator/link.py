"""Link stage: every citation of the corpus resolved to a target, and the citation graph.

Collect, resolve, then render (as Material's tags plugin does): ``link_corpus`` first finds the
citations of every paragraph and footnote of every resolution, then resolves each against the
whole corpus, so a link's target is known before any page is drawn.

What holds after ``link_corpus``:
- every paragraph and footnote carries its ``references``, sorted and non-overlapping; a
  reference whose target the corpus holds links relatively to that page (and to the cited
  paragraph's anchor when that paragraph exists); any other links to its official URL;
- ``graph`` lists, for every target, each place that cites it, and for every resolution, what
  it cites, in text order; it is the only record of citation edges, and its readers
  (``cited_by``, ``cited_from``, ``citers_of``, the cited-by side of ``links``) never list a
  resolution as citing itself;
- every citation that could not be resolved, or cites a paragraph the target does not have, is
  a ``Problem`` naming the file, paragraph and line (a warning in MkDocs).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from functools import partial

from .citations import Citation, Doubt, find_citations, find_doubts
from .data import Data, Instrument, InstrumentName
from .errors import Problem
from .forking import forked_map
from .guard import failure
from .model import CitationLink, Paragraph, Reference, Resolution, changed
from .paths import Href, fragment, official_url, page_path, symbol_page
from .words import long_date

PREVIEW_LENGTH = 320  # characters of a cited paragraph shown on hover
KIND_NAMES = {"resolution": "General Assembly resolution",
              "council-resolution": "Economic and Social Council resolution",
              "security-council-resolution": "Security Council resolution",
              "decision": "Decision"}
# Council resolutions not of the Economic and Social Council, told by their symbol.
COUNCIL_NAMES = {"A/HRC/": "Human Rights Council resolution",
                 "E/CN.4/": "Commission on Human Rights resolution",
                 "A/DEC/": "General Assembly decision",
                 "E/DEC/": "Economic and Social Council decision"}


@dataclass(frozen=True)
class Place:
    """Where a citation stands: a paragraph (``op19``) or footnote (``fn7``) of a resolution."""

    symbol: str
    anchor: str
    paragraph: str | None  # cited paragraph of the target, if any


@dataclass(frozen=True)
class Target:
    """Something cited anywhere in the corpus: a resolution, a document or an instrument."""

    key: str  # the symbol, or the instrument id when it has none
    kind: str
    label: str  # as listed: the symbol or the instrument's title
    href_from_root: str  # site-root-relative source path for internal targets, else a URL
    internal: bool


@dataclass(frozen=True)
class CitationGraph:
    """Every citation of the corpus, from both ends: the one place its edges are kept and
    read. The resolutions' ``cites`` and ``cited_by`` (``relations``), the References and
    Cited by panels and the Cited documents page are all read from it."""

    targets: dict[str, Target]
    cited_at: dict[str, list[Place]]  # target key -> places citing it, corpus order
    cites: dict[str, list[tuple[str, Place]]]  # resolution symbol -> (target key, place)

    def cited_by(self, symbol: str) -> list[Place]:
        """Places in *other* resolutions of the corpus citing ``symbol``."""
        return [p for p in self.cited_at.get(symbol, []) if p.symbol != symbol]

    def cited_from(self, symbol: str) -> dict[str, list[Place]]:
        """What ``symbol`` cites other than itself (target key -> its places there), in order
        of first citation."""
        found: dict[str, list[Place]] = defaultdict(list)
        for key, place in self.cites.get(symbol, []):
            if key != symbol:
                found[key].append(place)
        return dict(found)

    def citers_of(self, symbol: str) -> dict[str, list[Place]]:
        """The other resolutions citing ``symbol`` (citing symbol -> its places), corpus order."""
        found: dict[str, list[Place]] = defaultdict(list)
        for place in self.cited_by(symbol):
            found[place.symbol].append(place)
        return dict(found)

    def links(self, corpus: set[str]) -> tuple[dict[str, tuple[CitationLink, ...]],
                                                dict[str, tuple[CitationLink, ...]]]:
        """Per resolution: what it cites (one link per target, in order of first citation,
        with every anchor it is cited at), and who in ``corpus`` cites it (in the order of
        ``cites``)."""
        cites: dict[str, tuple[CitationLink, ...]] = {}
        cited_by: dict[str, list[CitationLink]] = defaultdict(list)
        for symbol, entries in self.cites.items():
            anchors: dict[str, list[str]] = {}
            for key, place in entries:
                _add(anchors.setdefault(key, []), place.anchor)
            cites[symbol] = tuple(
                CitationLink(key, self.targets[key].kind, self.targets[key].internal, tuple(at))
                for key, at in anchors.items())
            for key, at in anchors.items():
                if key in corpus and key != symbol:
                    cited_by[key].append(CitationLink(symbol, "resolution", True, tuple(at)))
        return cites, {key: tuple(links) for key, links in cited_by.items()}


def _add(anchors: list[str], anchor: str) -> None:
    if anchor not in anchors:
        anchors.append(anchor)


@dataclass(frozen=True)
class Linked:
    resolutions: tuple[Resolution, ...]
    graph: CitationGraph
    problems: tuple[Problem, ...]


def link_corpus(resolutions: Iterable[Resolution], data: Data | None = None, *,
                directory_urls: bool = False) -> Linked:
    resolutions = tuple(resolutions)
    linker = _Linker({r.symbol: r for r in resolutions}, data or Data(), directory_urls)
    linked = []
    for resolution, found in zip(resolutions, _found_meanwhile(resolutions, linker.names),
                                 strict=True):
        try:
            linked.append(linker.resolution(resolution, found))
        except Exception as error:  # published unlinked, and reported
            linker.problems.append(failure(error, resolution.source or resolution.symbol,
                                           "linked (its citations are left plain)"))
            linked.append(resolution)
    return Linked(tuple(linked), linker.graph(), tuple(linker.problems))


def relink(resolutions: Iterable[Resolution], previous: Linked, changed: set[str],
           data: Data | None = None, *, directory_urls: bool = False) -> Linked:
    """``link_corpus`` after an edit (``mkdocs serve``), linking again only where the edit
    reaches: the ``changed`` resolutions, and those citing them (a citation's preview shows
    the cited paragraph). The others keep their links from ``previous`` and their citations
    are counted into the graph again, in corpus order, so the result is ``link_corpus``'s.
    The same resolutions as ``previous`` (by symbol) are expected."""
    resolutions = tuple(resolutions)
    linker = _Linker({r.symbol: r for r in resolutions}, data or Data(), directory_urls)
    again = set(changed)
    for symbol in changed:
        again |= set(previous.graph.citers_of(symbol))
    before = {r.symbol: r for r in previous.resolutions}
    sources = {before[s].source or s for s in again if s in before}
    linker.problems = [p for p in previous.problems if p.file not in sources]
    linked = []
    for resolution in resolutions:
        if resolution.symbol in again or resolution.symbol not in before:
            linked.append(linker.resolution(resolution))
        else:
            linked.append(linker.replay(before[resolution.symbol]))
    return Linked(tuple(linked), linker.graph(), tuple(linker.problems))


# --- Finding citations on every core ------------------------------------------------------

Found = tuple[list[Citation], list[Doubt]]  # what one text cites, and what it seems to but not


def found_in(resolution: Resolution, names: tuple[InstrumentName, ...]) -> list[Found]:
    """The citations and doubts of each paragraph, then of each footnote: what reading the
    words finds, before anything is resolved against the collection."""
    found = []
    for text in [p.text for p in resolution.paragraphs] + [f.text for f in resolution.footnotes]:
        citations = find_citations(text, names)
        found.append((citations, find_doubts(text, citations)))
    return found


def _found_meanwhile(resolutions: tuple[Resolution, ...], names: tuple[InstrumentName, ...]
                     ) -> Iterator[list[Found]]:
    """For each resolution in order, ``found_in`` it, worked out ahead by forked processes
    (``forking.forked_map``) while this one resolves what they found: finding is most of
    the link stage's time, and needs the words alone."""
    return forked_map(partial(found_in, names=names), resolutions)


class _Linker:
    def __init__(self, corpus: dict[str, Resolution], data: Data, directory_urls: bool) -> None:
        self.corpus = corpus
        self.data = data
        self.names = data.instrument_names
        self.directory_urls = directory_urls
        self.problems: list[Problem] = []
        self.targets: dict[str, Target] = {}
        self.cited_at: dict[str, list[Place]] = defaultdict(list)
        self.cites: dict[str, list[tuple[str, Place]]] = defaultdict(list)

    def graph(self) -> CitationGraph:
        return CitationGraph(dict(self.targets), dict(self.cited_at), dict(self.cites))

    def resolution(self, resolution: Resolution, found: list[Found] | None = None
                   ) -> Resolution:
        """``resolution`` with every citation resolved; ``found``: ``found_in`` it, when
        worked out already."""
        found = found if found is not None else found_in(resolution, self.names)
        count = len(resolution.paragraphs)
        paragraphs = tuple(
            changed(p, references=self.references(resolution, found[n], p.id, p.line, p))
            for n, p in enumerate(resolution.paragraphs))
        footnotes = tuple(
            changed(f, references=self.references(resolution, found[count + n], f.id, f.line,
                                                  None))
            for n, f in enumerate(resolution.footnotes))
        return replace(resolution, paragraphs=paragraphs, footnotes=footnotes)

    def replay(self, linked: Resolution) -> Resolution:
        """A resolution linked before, its citations counted into the graph as
        ``resolution`` counted them."""
        places = [(p.id, p.references) for p in linked.paragraphs]
        places += [(f.id, f.references) for f in linked.footnotes]
        for anchor, references in places:
            for ref in references:
                key = ref.target or ref.instrument or ""
                instrument = self.data.instrument(ref.instrument) if ref.instrument else None
                self.record(linked, key, ref.kind, instrument, ref.internal, anchor,
                            ref.paragraph)
        return linked

    def references(self, resolution: Resolution, found: Found, anchor: str, line: int,
                   paragraph: Paragraph | None) -> tuple[Reference, ...]:
        citations, doubts = found
        for doubt in doubts:
            # Citations of a report's or a conference's paragraphs are everywhere in the
            # record and nothing is wrong with them: noted, not a warning.
            self.warn(resolution, anchor, line, f"“{doubt.text}”: {doubt.reason}; left unlinked",
                      level="info")
        references = []
        for citation in citations:
            reference = self.resolve(resolution, citation, anchor, line, paragraph)
            if reference is not None:
                references.append(reference)
        return tuple(references)

    def warn(self, resolution: Resolution, anchor: str, line: int, message: str,
             level: str = "warning") -> None:
        self.problems.append(Problem(resolution.source or resolution.symbol,
                                     f"{resolution.symbol} {anchor}: {message}", line or None,
                                     level))

    # --- Resolving one citation -----------------------------------------------------------

    def resolve(self, resolution: Resolution, citation: Citation, anchor: str, line: int,
                paragraph: Paragraph | None) -> Reference | None:
        instrument = self.data.instrument(citation.instrument) if citation.instrument else None
        symbol = citation.symbol or resolution.symbol
        if instrument is not None:
            symbol = instrument.symbol or ""
        template = instrument.paragraphs if instrument else "op{n}"
        if citation.kind == "paragraph":
            template = self.own_template(resolution, paragraph)
        target = self.corpus.get(symbol)
        anchors = [template.format(n=n) for n in citation.paragraphs]
        if target is None and not symbol.startswith(("A/RES/", "E/RES/")) and not (
                instrument and instrument.symbol and instrument.symbol.startswith("A/RES/")):
            anchors = list(citation.paragraphs)  # not our anchor scheme: the printed numbers
        missing = [a for a in anchors if target is not None and not _has(target, a)]
        if missing:
            self.warn(resolution, anchor, line,
                      f"cites paragraph {', '.join(missing)} of {symbol}, which has no such "
                      "paragraph; linked to the resolution instead")
        landing = anchors[0] if anchors and not missing else None
        href, internal = self.href(resolution, citation, symbol, instrument, target, landing)
        key = symbol or (instrument.id if instrument else "")
        self.record(resolution, key, citation.kind, instrument, internal, anchor,
                    anchors[0] if anchors else None)
        return Reference(
            text=citation.text, start=citation.start, end=citation.end, kind=citation.kind,
            target=symbol or None, href=href, internal=internal,
            paragraph=anchors[0] if anchors else None, paragraphs=tuple(anchors),
            instrument=instrument.id if instrument else None,
            preview=self.preview(target, landing, instrument, symbol, citation.kind))

    def own_template(self, resolution: Resolution, paragraph: Paragraph | None) -> str:
        """"paragraph 7 above" in an annex means the annex's paragraph 7; else operative."""
        if paragraph is not None and paragraph.kind == "annex":
            prefix = paragraph.id.rsplit("-", 1)[0] if paragraph.depth == 0 else "annex"
            return prefix + "-{n}"
        return "op{n}"

    def href(self, resolution: Resolution, citation: Citation, symbol: str,
             instrument: Instrument | None, target: Resolution | None, landing: str | None
             ) -> tuple[str, bool]:
        place = fragment(landing) if landing else ""
        if citation.kind == "paragraph":
            return place or fragment("resolution-title"), True
        if target is not None:
            page = Href(page_path(resolution), self.directory_urls).resolution(target)
            return page + place, True
        return _external_url(instrument, symbol), False

    def preview(self, target: Resolution | None, landing: str | None,
                instrument: Instrument | None, symbol: str, kind: str) -> str:
        """What hovering the link shows: the cited paragraph, or the title and date."""
        if target is not None:
            cited = next((p for p in target.paragraphs if p.id == landing), None)
            if cited is not None:
                label = cited.label or f"para. {cited.id}"
                return f"{target.symbol} {label} {_shorten(cited.text)}"
            return f"{target.number}, adopted {long_date(target.adopted)}: {target.title}"
        if instrument is not None:
            return f"{instrument.title}. {instrument.description}"
        what = next((name for prefix, name in COUNCIL_NAMES.items() if symbol.startswith(prefix)),
                    KIND_NAMES.get(kind, "Document"))
        return f"{what} {symbol}: not in this collection; opens the official document"

    def record(self, resolution: Resolution, key: str, kind: str,
               instrument: Instrument | None, internal: bool, anchor: str,
               paragraph: str | None) -> None:
        if not key or kind == "paragraph":
            return  # a resolution's own paragraphs are not part of the citation graph
        if key not in self.targets:
            label = instrument.title if instrument else key
            where = symbol_page(key) if internal else _external_url(instrument, key)
            self.targets[key] = Target(key, kind, label, where, internal)
        place = Place(resolution.symbol, anchor, paragraph)
        self.cited_at[key].append(place)
        self.cites[resolution.symbol].append((key, place))


def _has(resolution: Resolution, anchor: str) -> bool:
    return any(p.id == anchor for p in resolution.paragraphs)


def _shorten(text: str) -> str:
    if len(text) <= PREVIEW_LENGTH:
        return text
    cut = text.rfind(" ", 0, PREVIEW_LENGTH)
    return text[: cut if cut > 0 else PREVIEW_LENGTH] + " …"


def _external_url(instrument: Instrument | None, symbol: str) -> str:
    """Where a target outside the site opens: the instrument's own page, else undocs.org."""
    return instrument.url if instrument is not None and instrument.url else official_url(symbol)


