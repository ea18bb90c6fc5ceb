"""PDFs as a user drops them into the source folder: any name, read once, published beside
their page; and those that cannot be read (scanned, encrypted, damaged, empty) refused with a
clear message naming the file, the rest of the collection built."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import pypdfium2 as pdfium
import pytest

from generator import pdf as pdf_module
from generator.cache import LayoutCache
from generator.corpus import load_corpus
from generator.errors import InputError
from generator.pdf import read_pdf
from generator.read import read_input, read_inputs

from .conftest import ROOT, SEEDS, SOURCE_DIR
from .mutations import encrypted
from .pdfbuild import fixture_pdf
from .sitebuild import build


def saved(document: pdfium.PdfDocument) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def blank_pages(count: int) -> bytes:
    document = pdfium.PdfDocument.new()
    for _ in range(count):
        document.new_page(612, 792)
    return saved(document)


GOOD = fixture_pdf("subparagraphs")


@pytest.mark.parametrize(("data", "message"), [
    (blank_pages(2), "PDF with no text layer (a scanned image?): there are no characters"),
    (encrypted(GOOD), "encrypted PDF: it needs a password to be read"),
    (GOOD[: len(GOOD) // 2], "damaged PDF: its structure cannot be read"),
    (b"%PDF-1.7\n" + b"\x00garbage" * 64, "damaged PDF: its structure cannot be read"),
    (blank_pages(0), "damaged PDF"),  # PDFium will not open a document of no pages
], ids=["scanned", "encrypted", "truncated", "corrupt", "no pages"])
def test_unreadable_pdfs_are_refused_with_the_reason(data: bytes, message: str):
    with pytest.raises(InputError) as error:
        read_pdf(data, "bad.pdf")
    assert error.value.problem.file == "bad.pdf"
    assert message in error.value.problem.message


def test_bad_pdfs_cost_nothing_else(tmp_path: Path):
    folder = tmp_path / "src"
    folder.mkdir()
    (folder / "good").write_bytes(GOOD)  # no suffix: the content decides
    (folder / "scan.pdf").write_bytes(blank_pages(1))
    (folder / "locked.pdf").write_bytes(encrypted(GOOD).replace(b"70/901", b"70/911"))
    corpus = load_corpus(folder, root=tmp_path)
    assert [r.symbol for r in corpus.resolutions] == ["A/RES/70/901"]
    assert sorted(p.file for p in corpus.problems) == ["src/locked.pdf", "src/scan.pdf"]


def test_a_reading_is_cached_by_content_and_never_redone(tmp_path: Path, monkeypatch):
    path = tmp_path / "anything.bin"
    path.write_bytes(GOOD)
    cache = LayoutCache(tmp_path / "cache")
    first = read_input(path, "a.pdf", cache)
    calls = []
    monkeypatch.setattr(pdf_module, "read_pdf", lambda *a: calls.append(a) or first)
    again = read_input(path, "b.pdf", cache)
    assert calls == [] and again.lines == first.lines and again.name == "b.pdf"
    assert len(list((tmp_path / "cache").glob("*.json"))) == 1
    path.write_bytes(GOOD + b"\n% one more byte\n")  # another content, another reading
    read_input(path, "c.pdf", cache)
    assert len(calls) == 1


def test_a_torn_cache_entry_is_read_again(tmp_path: Path):
    path = tmp_path / "x.pdf"
    path.write_bytes(GOOD)
    cache = LayoutCache(tmp_path / "cache")
    layout = read_input(path, "x.pdf", cache)
    [entry] = (tmp_path / "cache").glob("*.json")
    entry.write_text('{"kind": "pdf", "lines": [', encoding="utf-8")
    assert read_input(path, "x.pdf", cache).lines == layout.lines


def test_the_cache_key_changes_with_the_reader():
    from generator import cache

    key = LayoutCache(None).key(GOOD)
    assert key.endswith(cache.reader_digest())
    cache.reader_digest.cache_clear()
    try:
        original = cache._READER_MODULES
        cache._READER_MODULES = (*original, "patterns.py")  # as if the reader changed
        assert LayoutCache(None).key(GOOD) != key
    finally:
        cache._READER_MODULES = original
        cache.reader_digest.cache_clear()


def test_many_pdfs_are_read_on_every_core_with_the_same_result(tmp_path: Path):
    names = ["subparagraphs", "annex", "across-pages", "multipart"]
    files = []
    for name in names:
        (tmp_path / name).write_bytes(fixture_pdf(name))
        files.append((tmp_path / name, name))
    parallel = read_inputs(files, workers=2)
    serial = read_inputs(files, workers=1)
    assert [p.lines for p in parallel] == [s.lines for s in serial]


def test_cli_parses_a_pdf(tmp_path: Path):
    path = tmp_path / "A-RES-70-901.pdf"
    path.write_bytes(GOOD)
    result = subprocess.run([sys.executable, "-m", "generator", "parse", str(path)],
                            capture_output=True, text=True, cwd=ROOT, check=True)
    data = json.loads(result.stdout)
    assert data["symbol"] == "A/RES/70/901" and data["source"] == {"format": "pdf"}
    assert data["paragraphs"][1]["italic"] == [[0, 7]]


def test_a_pdf_page_publishes_its_pdf(seed_site: Path):
    page = (seed_site / "A/RES/78/132.html").read_text(encoding="utf-8")
    assert '<a href="132.pdf" type="application/pdf" class="atlas-pdf">' in page
    assert (seed_site / "A/RES/78/132.pdf").read_bytes() == (
        SOURCE_DIR / "A-RES-78-132.pdf").read_bytes()
    assert not (seed_site / "A/RES/64/187.pdf").exists()  # a text export has no PDF


def test_any_folder_builds_on_demand(tmp_path: Path):
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    (folder / "README.md").write_text("# Where these came from\n", encoding="utf-8")
    (folder / "INDEX.tsv").write_text("file\tsymbol\n", encoding="utf-8")
    (folder / "a-budget.pdf").write_bytes(fixture_pdf("annex"))
    result, site = build(tmp_path, folder)
    assert result.returncode == 0, result.stderr
    assert (site / "A/RES/70/902.html").is_file() and (site / "A/RES/70/902.pdf").is_file()
    assert "README.md" not in result.stderr and "INDEX.tsv" not in result.stderr


def test_text_exports_alone_never_load_pdfium(tmp_path: Path):
    """PDFium (some 5 MiB in every process of the build, and in each one it forks) is loaded
    only where a PDF is read: the seeds' text exports are parsed and linked without it. Run in
    a fresh interpreter: this one has loaded it."""
    for seed in SEEDS:
        (tmp_path / seed.name).write_bytes(seed.read_bytes())
    code = ("import sys; from pathlib import Path; from generator.pipeline import collect; "
            f"site = collect(Path({str(tmp_path)!r}), cache_dir=None); "
            "print(len(site.linked.resolutions), 'pypdfium2' in sys.modules)")
    done = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True,
                          text=True, check=True, timeout=120)
    assert done.stdout.split() == [str(len(SEEDS)), "False"]
