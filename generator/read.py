"""Read stage: bytes on disk -> one normalised text, or a clear error.

After ``read_source``: the text is a ``str`` decoded from UTF-8 (with or without BOM), UTF-16
with BOM, or Windows-1252; line endings are ``\\n``; nothing else is changed (no Unicode
normalisation, no trimming: the text is the official one). Empty and binary files are refused.
"""

from __future__ import annotations

import codecs
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError

# Characters that never occur in a text export; many of them mean a binary file.
_CONTROL = {chr(c) for c in range(32)} - {"\t", "\n", "\r", "\f", "\v"}


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
        raise InputError(name, "binary file (it contains NUL bytes): not a text export")
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


def _strict(data: bytes, encoding: str, name: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise InputError(name, f"invalid {encoding} despite its byte order mark", line) from None


def _refuse_binary(text: str, name: str) -> None:
    controls = [i for i, ch in enumerate(text) if ch in _CONTROL]
    if len(controls) > max(2, len(text) // 200):
        line = text[: controls[0]].count("\n") + 1
        raise InputError(name, "binary file (control characters): not a text export", line)


def read_input(path: Path, name: str | None = None):
    """Any input file -> its ``layout.Layout``: a PDF by its content (``%PDF-``), else a text
    export. The file's name never decides."""
    from .pdf import read_pdf
    from .text_export import read_text_export

    name = name or path.as_posix()
    data = path.read_bytes()
    if is_pdf(data):
        return read_pdf(data, name)
    return read_text_export(decode(data, name))


def is_pdf(data: bytes) -> bool:
    """PDF files start with ``%PDF-`` (readers accept it within the first kilobyte)."""
    return b"%PDF-" in data[:1024]
