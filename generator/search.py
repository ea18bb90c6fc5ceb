"""Search index: the site's offline search, split into shards loaded by script tags.

Built from the model, never from page HTML: every resolution gives *records* (its title, then
each paragraph, heading, table and footnote in reading order, each with the anchor it lands
on), numbered across the whole collection. Three kinds of file, all JavaScript that hands its
data to ``atlasSearchLoaded(path, data)`` (``templates/overrides/assets/search.js``):

- ``search/index.js``, the first file: the stop words, the first term of every term shard,
  how many records each resolution has and its session. Small (about 40 KB at 5,000
  resolutions), loaded when the reader first turns to the search box.
- ``search/terms/N.js``: the inverted index, terms in sorted order cut into shards of about
  ``TERM_SHARD_BYTES``; each term with its *postings*, the numbers of the records holding it,
  gap-encoded into a short string (``encode_postings``). A query loads only the shards whose
  range holds its words, its words' stems or, for the word being typed, its completions.
- ``search/records/N.js``: the N-th resolution's symbol, number, page URL, session and
  records (anchor, text). A result list loads only the resolutions it shows, and cuts its
  snippets from these texts around the words found.

Why files loaded by ``<script>`` and not JSON: a page opened from disk (``file://``) may not
fetch or XHR other local files, but may load scripts; rustdoc's search works the same way.
Why hand-written: no Python library builds a sharded, script-loaded index for a browser (lunr
and its ports build one monolithic index, which is what made search slow before: 10.5 MB at
1,000 resolutions, all loaded before the first answer).

Terms are what ``terms`` finds: runs of letters and digits, lowercased and without accents,
joined by ``/`` or ``.`` so that symbols stay whole (``a/res/64/187``, ``64/187``,
``a/c.2/59/3``); a hyphen separates. The browser tokenises queries the same way, and stems
and completes words itself (a stem is always a prefix of its word, so the words sharing a
stem lie in one range of the sorted dictionary): the index holds words as written, so the
stemmer lives in one place only.

Deterministic: records in symbol order, terms in sorted order, JSON with sorted keys and no
clock; nothing iterates a set.
"""

from __future__ import annotations

import json
import re
import unicodedata
from array import array
from bisect import bisect_left, insort
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from sys import intern

from .model import Paragraph, Resolution, Table
from .paths import (
    SEARCH_INDEX,
    output_url,
    page_path,
    search_records_path,
    search_terms_path,
    symbol_key,
)

FORMAT = 1  # version of the files' layout, read by search.js
TERM_SHARD_BYTES = 48 * 1024  # a term shard is cut after about this much (one term may exceed it)

# Words too common to narrow a search; the browser drops them from queries too (it reads this
# list from the first file, so index and queries never disagree).
STOP_WORDS = (
    "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "from", "has", "have",
    "in", "into", "is", "it", "its", "of", "on", "or", "s", "such", "that", "the", "their",
    "these", "this", "those", "to", "was", "were", "which", "with",
)
_STOP = frozenset(STOP_WORDS)

# A letter or digit is [^\W_]; the same as [\p{L}\p{N}] in search.js once accents are gone.
_TERM = re.compile(r"[^\W_]+(?:[./][^\W_]+)*+")
_SYMBOL_PREFIX = "a/res/"  # "a/res/64/187" is also indexed as "64/187"

# Gaps between postings, written in base 45 with two digit sets: a digit of _MORE says another
# follows, a digit of _LAST ends the number. Both sets are printable ASCII that needs no
# escape in a JSON string and no escape for HTML either (no quote, backslash, < or >).
_DIGITS = [chr(c) for c in range(0x21, 0x7F) if chr(c) not in '"\\<>']
_BASE = 45
_MORE, _LAST = "".join(_DIGITS[:_BASE]), "".join(_DIGITS[_BASE:2 * _BASE])


def fold(text: str) -> str:
    """Lowercase, accents removed: ``Côte`` -> ``cote`` (search.js folds queries alike)."""
    text = text.lower()
    if text.isascii():
        return text
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.category(c).startswith("M"))  # \p{M} in search.js


def terms(text: str) -> list[str]:
    """The distinct index terms of ``text``, in order of first occurrence, stop words left
    out; a symbol ``A/RES/64/187`` gives ``a/res/64/187`` and, after the others, ``64/187``."""
    folded = fold(text)
    # Distinct, in order (never a set); interned: every record's terms are kept (for serve's
    # edits), and one string per term instead of one per use is a sixth of the memory.
    found = dict.fromkeys(map(intern, _TERM.findall(folded)))
    for word in _STOP.intersection(found):  # removal: the order cannot matter
        del found[word]
    if _SYMBOL_PREFIX in folded:
        for term in [t for t in found if t.startswith(_SYMBOL_PREFIX)]:
            if len(term) > len(_SYMBOL_PREFIX):
                found[intern(term[len(_SYMBOL_PREFIX):])] = None
    return list(found)


def _encode_number(number: int) -> str:
    digits = _LAST[number % _BASE]
    number //= _BASE
    while number:
        digits = _MORE[number % _BASE] + digits
        number //= _BASE
    return digits


_SMALL = [_encode_number(n) for n in range(_BASE * _BASE)]  # one or two digits, precomputed


def encode_postings(numbers: Sequence[int]) -> str:
    """Increasing record numbers as a string: the first as is, then each gap less one."""
    if not numbers:
        return ""
    gaps = [after - before - 1
            for before, after in zip((-1, *numbers[:-1]), numbers, strict=True)]
    try:
        return "".join(map(_SMALL.__getitem__, gaps))
    except IndexError:  # a gap of 2,025 records or more: rare words only
        return "".join(_SMALL[gap] if gap < len(_SMALL) else _encode_number(gap)
                       for gap in gaps)


def decode_postings(encoded: str) -> list[int]:
    """The inverse of ``encode_postings`` (search.js has its own; this one is for tests)."""
    numbers, value, previous = [], 0, -1
    for char in encoded:
        if char in _MORE:
            value = value * _BASE + _MORE.index(char)
            continue
        previous += value * _BASE + _LAST.index(char) + 1
        numbers.append(previous)
        value = 0
    return numbers


def script(path: str, data: object) -> str:
    """A file that hands ``data`` to the page: ``atlasSearchLoaded("search/...", {...});``.

    JSON with ``<``, ``>`` and the line separators U+2028/2029 escaped, so the text reads
    literally even if a file were ever inlined into HTML (no ``</script>``, no ``<!--``) or
    read by an engine older than ES2019; everything else is plain UTF-8."""
    encoded = json.dumps([path, data], ensure_ascii=False, sort_keys=True,
                         separators=(",", ":"))
    encoded = (encoded.replace("<", "\\u003c").replace(">", "\\u003e")
               .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))
    return f"atlasSearchLoaded({encoded[1:-1]});\n"


def read_script(content: str) -> tuple[str, object]:
    """The path and data a file of ``script`` hands over (for tests and tools)."""
    prefix, suffix = "atlasSearchLoaded(", ");\n"
    if not (content.startswith(prefix) and content.endswith(suffix)):
        raise ValueError("not a search file")
    path, data = json.loads("[" + content[len(prefix):-len(suffix)] + "]")
    return path, data


def _table_text(table: Table) -> str:
    rows = (*table.header, *table.rows, table.notes)
    return " ".join(cell.text for row in rows for cell in row if cell.text)


def records(resolution: Resolution) -> Iterator[tuple[str, str]]:
    """(anchor, text) of each place a result can land on: the title ("", the page itself),
    then headings, paragraphs and tables in reading order, then footnotes."""
    yield "", resolution.title
    for part in resolution.parts:
        yield part.id, part.title
    for item in resolution.reading_order():
        if isinstance(item, Table):
            yield item.id, _table_text(item)
        elif isinstance(item, Paragraph):
            yield item.id, item.text
        else:  # a heading
            yield item.id, " ".join(x for x in (item.label, item.title) if x)
    for footnote in resolution.footnotes:
        yield footnote.id, footnote.text


def _session_key(session: int | str) -> tuple[int, int | str]:
    return (0, session) if isinstance(session, int) else (1, str(session))


def _js_order(term: str) -> bytes:
    """The browser's order of terms (UTF-16 code units, as JavaScript compares strings)."""
    return term.encode("utf-16-be")


class _Postings:
    """Term -> increasing record numbers, as compact arrays (4 bytes a posting: the whole
    record of 20,000 resolutions holds some 20 million), with each term's encoded postings
    and the terms in the browser's order kept up to date as records are added or dropped."""

    def __init__(self) -> None:
        self.by_term: dict[str, array] = {}
        self.encoded: dict[str, str] = {}  # term -> encode_postings, for the terms as they are
        self.order: list[str] | None = None  # every term in _js_order, once first asked for

    def add(self, number: int, text_terms: list[str]) -> None:
        """Record ``number`` holds ``text_terms``: numbers added in increasing order."""
        by_term = self.by_term
        for term in text_terms:
            numbers = by_term.get(term)
            if numbers is None:
                numbers = by_term[term] = array("I")
            numbers.append(number)

    def change(self, number: int, before: list[str], after: list[str]) -> None:
        """Record ``number`` held ``before`` and now holds ``after`` (any number)."""
        old, new = set(before), set(after)
        for term in old - new:
            numbers = self.by_term[term]
            del numbers[bisect_left(numbers, number)]
            self.encoded.pop(term, None)
            if not numbers:
                del self.by_term[term]
                if self.order is not None:
                    del self.order[bisect_left(self.order, _js_order(term), key=_js_order)]
        for term in new - old:
            numbers = self.by_term.get(term)
            if numbers is None:
                numbers = self.by_term[term] = array("I")
                if self.order is not None:
                    insort(self.order, term, key=_js_order)
            numbers.insert(bisect_left(numbers, number), number)
            self.encoded.pop(term, None)

    def shards(self) -> Iterator[list[str]]:
        """[term, postings, term, postings, ...] per shard, terms in the browser's order."""
        if self.order is None:
            self.order = sorted(self.by_term, key=_js_order)
        encoded = self.encoded
        shard: list[str] = []
        size = 0
        for term in self.order:
            postings = encoded.get(term)
            if postings is None:
                postings = encoded[term] = encode_postings(self.by_term[term])
            if shard and size + len(postings) > TERM_SHARD_BYTES:
                yield shard
                shard, size = [], 0
            shard += (term, postings)
            size += len(term) + len(postings) + 6
        if shard:
            yield shard


def record_terms(resolution: Resolution, items: list[tuple[str, str]]) -> list[list[str]]:
    """The terms of each of ``items`` (``records(resolution)``); the title's record also
    holds the resolution's symbol and number."""
    found = [terms(text) for _, text in items]
    found[0] = list(dict.fromkeys(found[0] + terms(resolution.symbol)
                                  + terms(resolution.number)))
    return found


@dataclass
class _Indexed:
    """What the index last held of one resolution."""

    key: tuple  # what its records file shows (symbol, number, session, url, records)
    found: list[list[str]]  # the terms of each record
    position: int  # its place in symbol order
    script: str  # its records file


def _key(resolution: Resolution, directory_urls: bool) -> tuple:
    """What a resolution's records file shows: symbol, number, session, URL, records."""
    return (resolution.symbol, resolution.number, str(resolution.session),
            output_url(page_path(resolution), directory_urls), list(records(resolution)))


class SearchIndex:
    """Makes the search index's files, and again after an edit (``mkdocs serve``) with only
    the resolutions whose records changed read again: their terms are swapped in the
    postings, and only the shards and records files that changed are written out anew.
    The files are always exactly what a first call on the same resolutions gives (tested);
    when the resolutions, their order or the number of records of one changes, everything
    is worked out again."""

    def __init__(self, keep: bool = True) -> None:
        self.keep = keep  # each record's terms and each records file, for the next call
        self.indexed: dict[str, _Indexed] = {}
        self.postings = _Postings()
        self.shard_scripts: dict[str, tuple[list[str], str]] = {}  # path -> (shard, script)

    def files(self, resolutions: Sequence[Resolution], *, directory_urls: bool = False
              ) -> dict[str, str]:
        """Every file of the search index, by site path."""
        return dict(self.each_file(resolutions, directory_urls=directory_urls))

    def each_file(self, resolutions: Sequence[Resolution], *, directory_urls: bool = False
                  ) -> Iterator[tuple[str, str]]:
        """Every file of the search index (site path, text), each as soon as it is made: the
        records files, then the term shards and the first file. An index that does not
        ``keep`` holds only the postings meanwhile (a one-off build: at 5,000 resolutions
        the records files and terms kept would be some 90 MB)."""
        ordered = sorted(resolutions, key=lambda r: symbol_key(r.symbol))
        keys = [_key(r, directory_urls) for r in ordered]
        if not self.keep or not self._follows(ordered, keys):
            self.indexed, self.postings, self.shard_scripts = {}, _Postings(), {}
        number = 0
        for position, (resolution, key) in enumerate(zip(ordered, keys, strict=True)):
            yield search_records_path(position), self._index(resolution, key, position, number)
            number += len(key[-1])
        yield from self._term_files(ordered).items()

    def _follows(self, ordered: list[Resolution], keys: list[tuple]) -> bool:
        """Whether the postings held are of the same resolutions, in the same order, each
        with as many records: then a changed record changes its own terms only."""
        if len(self.indexed) != len(ordered):
            return False
        for position, key in enumerate(keys):
            known = self.indexed.get(key[0])
            if known is None or known.position != position \
                    or len(known.key[-1]) != len(key[-1]):
                return False
        return True

    def _index(self, resolution: Resolution, key: tuple, position: int, first: int) -> str:
        """The records file of one resolution; its terms put into (or changed in) the
        postings."""
        known = self.indexed.get(key[0])
        if known is not None and known.key == key:
            return known.script
        found = record_terms(resolution, key[-1])
        if known is None:
            for offset, record in enumerate(found):
                self.postings.add(first + offset, record)
        else:
            for offset, (before, after) in enumerate(zip(known.found, found, strict=True)):
                if before != after:
                    self.postings.change(first + offset, before, after)
        symbol, number, session, url, items = key
        path = search_records_path(position)
        text = script(path, {"symbol": symbol, "number": number, "session": session,
                             "url": url, "items": [list(item) for item in items]})
        self.indexed[symbol] = _Indexed(key, found, position, text) if self.keep \
            else _Indexed(key, [], position, "")  # what the first file counts, no more
        return text

    def _term_files(self, ordered: list[Resolution]) -> dict[str, str]:
        """The term shards (a shard's file made again only when the shard changed) and the
        first file."""
        files: dict[str, str] = {}
        kept, self.shard_scripts = self.shard_scripts, {}
        shard_starts: list[list[str]] = []
        for shard_number, shard in enumerate(self.postings.shards()):
            path = search_terms_path(shard_number)
            before = kept.get(path)
            text = before[1] if before is not None and before[0] == shard \
                else script(path, shard)
            self.shard_scripts[path] = (shard, text)
            files[path] = text
            shard_starts.append(["" if shard_number == 0 else shard[0], path])
        sessions = sorted({_session_key(r.session) for r in ordered})
        session_index = {key: i for i, key in enumerate(sessions)}
        files[SEARCH_INDEX] = script(SEARCH_INDEX, {
            "format": FORMAT,
            "stopWords": list(STOP_WORDS),
            "terms": shard_starts,
            "records": search_records_path("{}"),
            "sessions": [str(key[1]) for key in sessions],
            "counts": [len(self.indexed[r.symbol].key[-1]) for r in ordered],
            "sessionOf": [session_index[_session_key(r.session)] for r in ordered],
        })
        return files


def search_files(resolutions: Sequence[Resolution], *, directory_urls: bool = False
                 ) -> dict[str, str]:
    """Every file of the search index, by site path (made once: nothing kept for a next
    call, which only ``mkdocs serve`` makes)."""
    return SearchIndex(keep=False).files(resolutions, directory_urls=directory_urls)
