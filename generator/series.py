"""Series as the record draws them: the resolutions on one item, each recalling the ones before.

A series is found in two ways, and both are needed:

1. Titles: resolutions whose titles are the same subject (``titles.subject_key``: case,
   punctuation, plurals and the session's ordinal set aside) are one series. This is what
   joins the older resolutions, which recall their predecessors among other resolutions
   ("Recalling its resolutions 56/183 ..., 63/202 ... and other relevant resolutions").
2. The series statement: the words of a preambular paragraph by which a resolution names its
   own predecessors, with the footnotes they carry:
   - "Recalling its resolution 77/150 of 14 December 2022 on information and communications
     technologies for sustainable development, as well as previous resolutions on the
     issue,¹" with ¹ "Resolutions 56/183, 57/238, ... and 76/189.";
   - "Recalling its previous resolutions on this issue, the most recent of which is
     resolution 78/19 of 4 December 2023";
   - "Recalling all its previous resolutions on <subject>, including ...".
   A series phrase says "previous resolutions on the issue" (or the subject, question,
   matter, "subsequent resolutions thereon") or "on" a subject alike to the resolution's own
   title. The General Assembly resolutions cited in a list just before it ("77/244 of ...,
   78/230 ... and 79/235 of ... on <subject>") or just after it ("..., including resolution
   78/182"), and every one a footnote on it lists, are predecessors; nothing else in the
   paragraph is ("Reaffirming its resolution 46/182 ..., the annex to which ..., as well as
   all its resolutions on <subject>": 46/182 founded another item). One of the collection
   joins the series when its title is at least somewhat alike (``JOIN``), so a retitled
   series stays one ("... for development" and "... for sustainable development").

What holds after ``find_series``: every resolution has exactly one series; members are in
order of adoption; ``missing`` holds every predecessor named by a member's series statement
that the collection lacks, in symbol order; ``titles`` lists each title the members used, with
the first member using it (one entry when the title never changed).
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections import defaultdict
from collections.abc import Iterable, Iterator

from .forking import forked_map
from .model import Footnote, Paragraph, Reference, Resolution, Series, by_adoption
from .paths import symbol_key
from .titles import alike, slug, subject_key

JOIN = 0.3  # least title likeness for a recalled resolution of the collection to join
SUBJECT = 0.6  # least likeness of "on <subject>" to the resolution's own title
BEFORE_GAP = 400  # most characters between a list and the series phrase after it
AFTER_GAP = 160  # most characters between a series phrase and the list after it

# A series phrase: words by which a paragraph says the resolutions it cites are earlier ones
# on its own item. Either the item itself ("previous resolutions on the issue", "its
# subsequent resolutions thereon") or a subject, kept when alike to the resolution's title.
_SERIES_PHRASE = re.compile(r"""
    (?P<item>
        \b(?:all\s)?(?:its\s)?                 # "its previous resolutions", "all relevant ..."
        (?:(?:previous|earlier|prior|past|subsequent|annual|relevant|other)\s){0,2}
        resolutions?\s
        (?:on\s(?:the|this|that)\s(?:issue|subject|question|matter|item|topic)\b
         |thereon\b)
    )
    |
    (?P<resolutions>                     # "all previous resolutions" on the subject, or just
        \b(?:all\s)?(?:its\s)?              # "... of 14 December 2022" on it
        (?:(?:previous|earlier|prior|past|subsequent|annual|relevant|other)\s){0,2}
        resolutions?
    )?
    \son\s
    (?P<subject>[^,;:()“”"]{3,300})       # the subject, as the record words it
    """, re.X | re.I)

# Between two references of one list: "77/244 of 30 December 2022, 78/230 ... and 79/235".
_LIST_GAP = re.compile(r"""
    (?:\s[A-Z](?![\w/]))?                  # a part letter: "57/270 B"
    (?:\sof\s\d{1,2}\s[A-Z][a-z]+\s\d{4})?   # its date
    (?:,\s|\sand\s|,\sand\s)                # the list goes on
    (?:(?:its|Assembly|General\sAssembly)\s)?
    (?:resolutions?\s)?
    \Z""", re.X)

# From the end of a list to a phrase after it: "... 79/235 of 24 December 2024 on", "77/150
# of 14 December 2022 ..., as well as previous resolutions on the issue", and, for the
# resolution founding an item, "913 (X) of 3 December 1955, by which it established ..., and
# its subsequent resolutions on the subject".
_BEFORE_PHRASE = re.compile(r"""
    (?:\s[A-Z](?![\w/]))?
    (?:\sof\s\d{1,2}\s[A-Z][a-z]+\s\d{4})?
    (?P<clause>,[^;]{0,300}?)??             # a clause about it, for "subsequent" only
    (?:,?\s(?:as\swell\sas|and|together\swith))?
    \s?\Z""", re.X)

# From a phrase to a list after it: "..., including resolution 78/182", "the most recent of
# which is resolution 78/19", "in particular resolutions 71/59 ...".
_AFTER_PHRASE = re.compile(r"""
    \A[^;]{0,120}?                          # the rest of the subject's words
    ,?\s
    (?:including|in\sparticular|notably|most\srecently
     |the\s(?:most\srecent|latest|last)\sof\swhich\s(?:is|was|being|are|were))
    \s(?:(?:its|General\sAssembly)\s)?(?:resolutions?\s)?
    \Z""", re.X)


def find_series(resolutions: Iterable[Resolution]) -> dict[str, Series]:
    """Symbol -> its series. Series ids are unique: a clash of slugs gets a number."""
    ordered = sorted(resolutions, key=by_adoption)
    held = {r.symbol: r for r in ordered}
    # Reading each resolution's series statements is most of the work, and needs only its
    # own words: on every core (forking.forked_map).
    recalled = dict(zip((r.symbol for r in ordered), forked_map(recalled_by, ordered),
                        strict=True))
    groups = _Groups(held)
    by_subject: dict[tuple[str, ...], str] = {}
    for resolution in ordered:
        first = by_subject.setdefault(subject_key(resolution.title), resolution.symbol)
        groups.join(first, resolution.symbol)
    for resolution in ordered:
        for symbol in recalled[resolution.symbol]:
            earlier = held.get(symbol)
            if earlier is not None and by_adoption(earlier) < by_adoption(resolution) \
                    and alike(earlier.title, resolution.title) >= JOIN:
                groups.join(symbol, resolution.symbol)
    return _series_of(groups.members(), held, recalled)


def _series_of(member_lists: list[list[str]], held: dict[str, Resolution],
               recalled: dict[str, tuple[str, ...]]) -> dict[str, Series]:
    by_symbol: dict[str, Series] = {}
    used: set[str] = set()
    for symbols in sorted(member_lists, key=lambda m: subject_key(held[m[0]].title)):
        members = [held[s] for s in symbols]
        base = slug(members[0].title)
        series_id, n = base, 1
        while series_id in used:
            n += 1
            series_id = f"{base}-{n}"
        used.add(series_id)
        missing = sorted({s for m in symbols for s in recalled[m] if s not in held},
                         key=symbol_key)
        series = Series(series_id, members[-1].title, tuple(symbols), tuple(missing),
                        _titles(members))
        for symbol in symbols:
            by_symbol[symbol] = series
    return by_symbol


def _titles(members: list[Resolution]) -> tuple[tuple[str, str], ...]:
    """Each subject the members were adopted under, with the first member under it."""
    titles: list[tuple[str, str]] = []
    for member in members:
        if not titles or subject_key(titles[-1][1]) != subject_key(member.title):
            titles.append((member.symbol, member.title))
    return tuple(titles)


def recalled_by(resolution: Resolution) -> tuple[str, ...]:
    """``predecessors`` of ``resolution``, all of them."""
    return tuple(predecessors(resolution))


def predecessors(resolution: Resolution) -> Iterator[str]:
    """The General Assembly resolutions ``resolution`` names as earlier members of its own
    series, in the order it cites them, each once."""
    notes = {f.number: f for f in resolution.footnotes}
    seen: set[str] = {resolution.symbol}
    for paragraph in resolution.paragraphs:
        if paragraph.kind != "preambular":
            continue
        for symbol in recalled_members(paragraph, resolution.title, notes):
            if symbol not in seen:
                seen.add(symbol)
                yield symbol


def recalled_members(paragraph: Paragraph, title: str, notes: dict[int, Footnote]
                     ) -> list[str]:
    """The resolutions this paragraph recalls as earlier ones on its item: the list just
    before a series phrase or just after it, and every one the phrase's footnote lists."""
    text = paragraph.text
    cited = [r for r in paragraph.references if _is_assembly_resolution(r)]
    lists = _lists(cited, text)
    if not lists and not paragraph.markers:  # what a phrase finds is near a list or in a note
        return []
    ends, starts = [m[-1].end for m in lists], [m[0].start for m in lists]
    found: list[str] = []
    for phrase in _SERIES_PHRASE.finditer(text):
        if phrase.group("subject") and alike(phrase.group("subject"), title) < SUBJECT:
            continue
        founding = "subsequent" in phrase.group(0).lower() or "thereon" in phrase.group(0)
        for members in _near(lists, ends, starts, phrase.start(), phrase.end()):
            if _leads_to(text[members[-1].end:phrase.start()], founding) \
                    or _follows(text[phrase.end():members[0].start]):
                found += [r.target for r in members]
        if not (phrase.group("item") or phrase.group("resolutions")):
            continue  # a footnote on "the Declaration on <subject>" is not a list of them
        for number, offset in paragraph.markers:
            if phrase.start() <= offset <= phrase.end() + 2 and number in notes:
                found += [r.target for r in notes[number].references
                          if _is_assembly_resolution(r)]
    return [symbol for symbol in found if symbol]


def _near(lists: list[list[Reference]], ends: list[int], starts: list[int], start: int,
          end: int) -> list[list[Reference]]:
    """The lists close enough to a phrase to be its own, in order: ending at most
    ``BEFORE_GAP`` characters before it, or starting at most ``AFTER_GAP`` after it (found by
    bisection, so a paragraph of thousands of phrases and lists stays linear)."""
    before = range(bisect_left(ends, start - BEFORE_GAP), bisect_right(ends, start))
    after = range(bisect_left(starts, end), bisect_right(starts, end + AFTER_GAP))
    return [lists[i] for i in (*before, *after)]


def _leads_to(gap: str, founding: bool) -> bool:
    """Does a list end just before the phrase? (``gap`` is empty when the list comes after.)
    Only the resolution founding an item may have a clause about it in between."""
    if not gap or len(gap) > BEFORE_GAP:
        return False
    before = _BEFORE_PHRASE.match(gap)
    return bool(before) and (founding or not before.group("clause"))


def _follows(gap: str) -> bool:
    """Does a list start just after the phrase ("..., including resolution 78/182")?"""
    return bool(gap) and len(gap) <= AFTER_GAP and bool(_AFTER_PHRASE.match(gap))


def _lists(references: list[Reference], text: str) -> list[list[Reference]]:
    """The references as lists: "resolutions 77/244 of ..., 78/230 ... and 79/235" is one."""
    lists: list[list[Reference]] = []
    for reference in references:
        if lists and _LIST_GAP.match(text[lists[-1][-1].end:reference.start][:200]):
            lists[-1].append(reference)
        else:
            lists.append([reference])
    return lists


def _is_assembly_resolution(reference: Reference) -> bool:
    return reference.kind == "resolution" and bool(reference.target) \
        and reference.target.startswith("A/RES/")  # type: ignore[union-attr]


class _Groups:
    """Union-find over symbols: which resolutions are one series."""

    def __init__(self, symbols: Iterable[str]) -> None:
        self.parent = {s: s for s in symbols}

    def root(self, symbol: str) -> str:
        while self.parent[symbol] != symbol:
            self.parent[symbol] = self.parent[self.parent[symbol]]
            symbol = self.parent[symbol]
        return symbol

    def join(self, a: str, b: str) -> None:
        root_a, root_b = self.root(a), self.root(b)
        if root_a != root_b:
            self.parent[max(root_a, root_b)] = min(root_a, root_b)

    def members(self) -> list[list[str]]:
        """Each group's symbols in the order they were given (adoption order)."""
        found: dict[str, list[str]] = defaultdict(list)
        for symbol in self.parent:
            found[self.root(symbol)].append(symbol)
        return list(found.values())
