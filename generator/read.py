"""Read stage: a file on disk -> its ``layout.Layout`` (``read_input``, ``read_inputs``).

A PDF goes to ``pdf.read_pdf`` (through the ``cache``); anything else is a text export,
decoded here and handed to ``text_export.read_text_export``. After ``decode``: the text is a
``str`` decoded from UTF-8 (with or without BOM), UTF-16 (with BOM, or without when its NUL
bytes say so), or Windows-1252; line
endings are ``\\n``; nothing else is changed (no Unicode normalisation, no trimming: the text
is the official one). Empty and binary files are refused.
"""

from __future__ import annotations

import codecs
import multiprocessing
import os
import re
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from pathlib import Path

from .cache import LayoutCache
from .errors import InputError, Problem
from .guard import failure
from .layout import Layout
from .progress import Progress, Report
from .text_export import read_text_export

# Characters that never occur in a text export; many of them mean a binary file.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}
_CONTROL_CHARACTER = re.compile("[" + "".join(sorted(_CONTROL)) + "]")


@dataclass(frozen=True)
class Source:
    """A decoded input file: its display name, its text and the encoding it was read with."""

    name: str
    text: str
    encoding: str

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")


def read_source(path: Path, name: str | None = None) -> Source:
    """Read ``path``; ``name`` is how messages refer to it (defaults to the path)."""
    return decode(path.read_bytes(), name or path.as_posix())


def decode(data: bytes, name: str) -> Source:
    """Decode and normalise ``data``; raise ``InputError`` for what cannot be a text export."""
    if not data.strip():
        raise InputError(name, "empty file: there is no text to read")
    text, encoding = _decode_bytes(data, name)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    _refuse_binary(text, name)
    return Source(name=name, text=text, encoding=encoding)


def _decode_bytes(data: bytes, name: str) -> tuple[str, str]:
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8):], "utf-8", name), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16", name), "utf-16"
    if b"\x00" in data:
        if (text := _utf16_without_bom(data)) is not None:
            return text
        line = data[: data.index(b"\x00")].count(b"\n") + 1
        raise InputError(name, "binary file (it contains NUL bytes): not a text export", line)
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    # Not UTF-8: older ODS exports and Windows editors write Windows-1252 ("smart quotes" as
    # single bytes 0x91-0x94). Its five undefined bytes make a strict decode fail on anything else.
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(
            name, f"cannot decode byte 0x{data[error.start]:02x}: neither UTF-8 nor "
            "Windows-1252 (is this a binary file?)", line) from None


def _utf16_without_bom(data: bytes) -> tuple[str, str] | None:
    """UTF-16 written without its byte order mark, which some tools do: the text of an
    export is mostly Latin letters, so every NUL byte is the high half of a character and
    stands on the same side of each pair (odd offsets little-endian, even big-endian), and
    a third of the pairs at least have one. None when the NULs say otherwise (a stray NUL in
    UTF-8 is no UTF-16) or the bytes do not decode: then it is binary."""
    if len(data) % 2:
        return None
    odd = data[1::2].count(0)
    even = data[0::2].count(0)
    if (odd and even) or (odd + even) * 3 < len(data) // 2:
        return None
    encoding = "utf-16-le" if odd else "utf-16-be"
    try:
        return data.decode(encoding), encoding
    except UnicodeDecodeError:
        return None


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(name, f"invalid {encoding} despite its byte order mark", line) from None


def _refuse_binary(text: str, name: str) -> None:
    """Too many control characters make a file binary (counted by a pattern: a text export
    may be megabytes long)."""
    count = len(_CONTROL_CHARACTER.findall(text))
    if count > max(2, len(text) // 200):
        first = _CONTROL_CHARACTER.search(text)
        assert first is not None
        line = text[: first.start()].count("\n") + 1
        raise InputError(name, "binary file (control characters): not a text export", line)


def read_input(path: Path, name: str | None = None, cache: LayoutCache | None = None
               ) -> Layout:
    """Any input file -> its ``layout.Layout``: a PDF by its content (``%PDF-``), else a text
    export. The file's name never decides. A PDF's reading comes from ``cache`` when it has
    it, and goes there when it is new."""
    name = name or path.as_posix()
    data = path.read_bytes()
    if not is_pdf(data):
        return read_text_export(decode(data, name))
    cache = cache or LayoutCache(None)
    key = cache.key(data)
    found = cache.get(key, name)
    if found is None:
        from .pdf import read_pdf  # PDFium is loaded where a PDF is read (see _read_pdf_file)

        found = read_pdf(data, name)
        cache.put(key, found)
    return found


@dataclass(frozen=True)
class TextExport:
    """A text export read from disk but not yet decoded and read into a layout: that is left
    to whoever parses it (``read_inputs(defer_text=True)``), on every core."""

    data: bytes
    name: str

    def reading(self) -> Layout | Problem:
        """Its layout, or the problem that stopped it: what ``read_inputs`` would have given."""
        try:
            return read_text_export(decode(self.data, self.name))
        except Exception as error:  # reported, never fatal to the build
            return _problem(error, self.name)


def _problem(error: Exception, name: str) -> Problem:
    """The problem a failure to read file ``name`` becomes."""
    if isinstance(error, InputError):
        return error.problem
    if isinstance(error, OSError):
        return Problem(name, f"cannot be read: {error.strerror or error}")
    return failure(error, name, "read")


def read_inputs(files: list[tuple[Path, str]], cache: LayoutCache | None = None,
                workers: int | None = None, report: Report | None = None,
                defer_text: bool = False) -> list[Layout | Problem | TextExport]:
    """Every file's reading (or the problem that stopped it), in the order given. PDFs not in
    ``cache`` are read on every core: PDFium is not thread-safe, so each worker is a process
    of its own ("spawn": safe also under ``mkdocs serve``, whose server runs threads).
    ``defer_text``: a text export is given as a ``TextExport``, read by its parser."""
    cache = cache or LayoutCache(None)
    results: list[Layout | Problem | TextExport | None] = [None] * len(files)
    todo: list[tuple[int, Path, str, str]] = []
    for index, (path, name) in enumerate(files):
        try:
            data = path.read_bytes()
            if not is_pdf(data):
                text = TextExport(data, name)
                results[index] = text if defer_text else text.reading()
                continue
            key = cache.key(data)
            results[index] = cache.get(key, name)
            if results[index] is None:
                todo.append((index, path, name, key))
        except Exception as error:  # reported, never fatal to the build
            results[index] = _problem(error, name)
    jobs = [(path, name) for _, path, name, _ in todo]
    progress = Progress("read", len(jobs), "new PDFs", report)
    readings = _in_parallel(jobs, min(workers or os.cpu_count() or 1, len(jobs)), progress)
    for (index, _, _, key), reading in zip(todo, readings, strict=True):
        if isinstance(reading, Layout):
            cache.put(key, reading)
        results[index] = reading
    return [r for r in results if r is not None]


def _in_parallel(jobs: list[tuple[Path, str]], workers: int, progress: Progress
                 ) -> list[Layout | Problem]:
    """Every job's reading, on ``workers`` processes when more than one; should the
    processes fail to start (a program that cannot be re-imported, a sandbox without
    them), the same work is done here, one file after another."""
    if workers > 1:
        try:
            context = multiprocessing.get_context("spawn")
            with ProcessPoolExecutor(workers, mp_context=context) as pool:
                return [_counted(reading, progress)
                        for reading in pool.map(_read_pdf_file, jobs, chunksize=1)]
        except (BrokenProcessPool, OSError):
            progress.done = 0
    return [_counted(_read_pdf_file(job), progress) for job in jobs]


def _counted(reading: Layout | Problem, progress: Progress) -> Layout | Problem:
    progress.advance()
    return reading


def _read_pdf_file(job: tuple[Path, str]) -> Layout | Problem:
    """One PDF, read in a worker: its layout, or the problem (exceptions do not cross
    process boundaries whole, so problems come back as values)."""
    # PDFium (some 5 MiB) is loaded only in the processes that read a PDF: a build of text
    # exports or of PDFs already read (the cache) never loads it, nor do the processes it forks.
    from .pdf import read_pdf

    path, name = job
    try:
        return read_pdf(path.read_bytes(), name)
    except InputError as error:
        return error.problem
    except OSError as error:
        return Problem(name, f"cannot be read: {error.strerror or error}")
    except Exception as error:  # reported, never fatal to the build
        return failure(error, name, "read")


def is_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (readers accept it within the first kilobyte)."""
    return b"%PDF-" in data[:1024]
