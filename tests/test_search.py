"""The search index (generator/search.py), without a browser: its files, terms and postings.

What a browser does with it is ``tests/browser/test_search.py``.
"""

from __future__ import annotations

import dataclasses
import json
import random

import pytest

from generator import search
from generator.parse import parse
from generator.paths import SEARCH_INDEX
from generator.read import read_input
from generator.search import (
    SearchIndex,
    decode_postings,
    encode_postings,
    read_script,
    search_files,
    terms,
)

from .conftest import SEEDS


@pytest.fixture(scope="module")
def seeds():
    """The two seeds as parsed (64/187 and 66/184), in reverse symbol order on purpose."""
    return [parse(read_input(path)) for path in reversed(SEEDS)]


def files_of(resolutions, **options) -> dict[str, object]:
    """{path: data} of every file, each checked to name its own path."""
    out = {}
    for path, content in search_files(resolutions, **options).items():
        named, data = read_script(content)
        assert named == path
        out[path] = data
    return out


def records(data: dict[str, object]) -> list[tuple[dict, list[str]]]:
    """(resolution file, [anchor, text]) of every record, numbered as the postings are."""
    index = data[SEARCH_INDEX]
    found = []
    for i, _ in enumerate(index["counts"]):
        file = data[index["records"].replace("{}", str(i))]
        found += [(file, item) for item in file["items"]]
    return found


def postings(data: dict[str, object]) -> dict[str, list[int]]:
    index = data[SEARCH_INDEX]
    out: dict[str, list[int]] = {}
    for _, path in index["terms"]:
        flat = data[path]
        for term, encoded in zip(flat[::2], flat[1::2], strict=True):
            out[term] = decode_postings(encoded)
    return out


@pytest.mark.parametrize(("text", "expected"), [
    ("A/RES/64/187", ["a/res/64/187", "64/187"]),
    ("64/187", ["64/187"]),
    ("Recalling its resolution 64/187 of 21 December 2009,", [
        "recalling", "resolution", "64/187", "21", "december", "2009"]),
    ("See A/C.2/59/3, annex, and E/2009/92.", ["see", "a/c.2/59/3", "annex", "e/2009/92"]),
    ("A/RES/ES-11/1", ["a/res/es", "11/1", "es"]),
    ("high-level Côte d'Ivoire ÉCONOMIQUE", ["high", "level", "cote", "d", "ivoire",
                                            "economique"]),
    ("The State of the art, and the state", ["state", "art"]),
])
def test_terms_keep_symbols_whole_and_fold_words(text: str, expected: list[str]):
    assert terms(text) == expected


def test_postings_round_trip_in_safe_characters():
    rng = random.Random(7)
    numbers = [*sorted(rng.sample(range(3_000_000), 5_000)), 3_000_001, 3_000_002]
    encoded = encode_postings(numbers)
    assert decode_postings(encoded) == numbers
    assert decode_postings(encode_postings([0])) == [0]
    assert set(encoded) <= {chr(c) for c in range(0x21, 0x7F)} - set('"\\<>')
    assert len(encode_postings(range(1000))) == 1000  # consecutive records: a digit each


def test_every_record_lands_on_its_page_and_anchor(seeds):
    data = files_of(seeds)
    index = data[SEARCH_INDEX]
    assert index["format"] == search.FORMAT
    assert index["sessions"] == ["64", "66"] and index["sessionOf"] == [0, 1]
    first = data[index["records"].replace("{}", "0")]
    assert (first["symbol"], first["number"], first["session"], first["url"]) == (
        "A/RES/64/187", "64/187", "64", "A/RES/64/187.html")
    resolution = seeds[1]
    expected = [("", resolution.title)] + [(p.id, p.text) for p in resolution.paragraphs] + [
        (f.id, f.text) for f in resolution.footnotes]
    assert [tuple(item) for item in first["items"]] == expected
    assert index["counts"] == [len(expected), len(records(data)) - len(expected)]
    directory = files_of(seeds, directory_urls=True)
    assert directory[index["records"].replace("{}", "1")]["url"] == "A/RES/66/184/"


def test_postings_name_the_records_holding_each_term(seeds):
    data = files_of(seeds)
    every = records(data)
    found = postings(data)
    # the title's record also holds the symbol and number: "A/RES/64/187" and "64/187" find it
    words = [terms(text + (f" {file['symbol']} {file['number']}" if anchor == "" else ""))
             for file, (anchor, text) in every]
    for term in ("gender", "divide", "64/187", "a/res/66/184", "a/c.2/59/3", "society"):
        assert found[term] == [i for i, held in enumerate(words) if term in held], term
    title = next(i for i, (file, item) in enumerate(every)
                 if file["symbol"] == "A/RES/66/184" and item[0] == "")
    assert title in found["a/res/66/184"] and title in found["66/184"]
    assert "the" not in found and "of" not in found  # stop words
    assert set(data[SEARCH_INDEX]["stopWords"]) == set(search.STOP_WORDS)


def test_term_shards_are_sorted_as_the_browser_compares(seeds, monkeypatch):
    monkeypatch.setattr(search, "TERM_SHARD_BYTES", 2_000)  # many shards from two texts
    data = files_of(seeds)
    starts = data[SEARCH_INDEX]["terms"]
    assert len(starts) > 5 and starts[0][0] == ""
    utf16 = [t.encode("utf-16-be") for _, path in starts for t in data[path][::2]]
    assert utf16 == sorted(utf16) and len(set(utf16)) == len(utf16)
    for start, path in starts[1:]:
        assert data[path][0] == start  # a shard starts at the term the first file says


def test_same_resolutions_give_the_same_bytes(seeds):
    once = search_files(seeds)
    assert search_files(list(reversed(seeds))) == once
    assert list(once) == list(search_files(seeds))


def test_text_stays_literal_and_cannot_end_a_script(seeds):
    hostile = "</script><!-- <img src=x onerror=alert(1)> &amp; {{ 7*7 }} *x* \u2028\u2029 \\"
    first = seeds[1]
    planted = dataclasses.replace(
        first, title=first.title + hostile,
        paragraphs=(dataclasses.replace(first.paragraphs[0], text=hostile),
                    *first.paragraphs[1:]))
    files = search_files([planted])
    for content in files.values():
        assert "<" not in content and ">" not in content
        assert "\u2028" not in content and "\u2029" not in content
    data = files_of([planted])
    items = data[data[SEARCH_INDEX]["records"].replace("{}", "0")]["items"]
    assert items[0][1] == first.title + hostile and items[1] == ["pp1", hostile]
    json.dumps(data)  # all of it plain JSON


def test_an_empty_collection_has_an_index_and_no_shards():
    files = files_of([])
    assert list(files) == [SEARCH_INDEX]
    assert files[SEARCH_INDEX]["terms"] == [] and files[SEARCH_INDEX]["counts"] == []


def _with_paragraph(resolution, index: int, text: str):
    paragraphs = list(resolution.paragraphs)
    paragraphs[index] = dataclasses.replace(paragraphs[index], text=text)
    return dataclasses.replace(resolution, paragraphs=tuple(paragraphs))


def test_an_index_made_again_after_edits_is_the_index_made_afresh(seeds, monkeypatch):
    """``mkdocs serve`` keeps one SearchIndex: after each edit only the changed resolution is
    read again, and the files are exactly those of a first build of the edited collection
    (words added, words that leave the collection, a paragraph more, a title changed)."""
    monkeypatch.setattr(search, "TERM_SHARD_BYTES", 2_000)  # edits move shard boundaries
    index = search.SearchIndex()
    old, new = seeds
    assert index.files(seeds) == search_files(seeds)
    first = new.paragraphs[0].text
    both = sorted([old.symbol, new.symbol])  # read in symbol order
    edits = [  # (the collection edited, the resolutions read again)
        ([old, _with_paragraph(new, 0, first + " Zyxwordnew A/RES/99/1")], [new.symbol]),
        ([old, _with_paragraph(new, 0, "Bare")], [new.symbol]),  # its words leave
        ([_with_paragraph(old, 2, old.paragraphs[2].text + " aaaafirst"), new], both),
        ([_with_paragraph(old, 2, old.paragraphs[2].text + " aaaafirst"),
          dataclasses.replace(new, title=new.title + " Revised")], [new.symbol]),
        ([old, dataclasses.replace(new, footnotes=new.footnotes[:-1])], both),  # fewer records
        ([old], [old.symbol]),
        (list(seeds), both),
    ]
    real, read = search.record_terms, []
    monkeypatch.setattr(search, "record_terms",
                        lambda r, items: read.append(r.symbol) or real(r, items))
    for edited, read_again in edits:
        read.clear()
        assert index.files(edited) == search_files(edited)
        assert read[:len(read_again)] == read_again


def test_an_index_that_keeps_nothing_gives_the_same_files(seeds):
    """The build's own index (made once, in its own process, written file by file and
    keeping only its postings) gives exactly the files of one that keeps everything for
    serve's next edit, called once or again."""
    lean, keeping = SearchIndex(keep=False), SearchIndex().files(seeds)
    assert dict(lean.each_file(seeds)) == keeping
    assert dict(lean.each_file(seeds)) == keeping
    assert search_files(seeds) == keeping
    assert all(known.found == [] and known.script == "" for known in lean.indexed.values())
