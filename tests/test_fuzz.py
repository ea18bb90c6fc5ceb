"""No traceback, ever: whatever a file holds, reading and parsing it gives a resolution or an
``InputError`` naming the file (and, for a text export, the line), never another exception.

Hypothesis draws damaged inputs from the seeds and fixtures (``tests/mutations.py`` says how
they are damaged) and shrinks any failure to the smallest damage that causes it. The number
of examples is bounded so the suite stays quick (some 20 s); ``benchmarks/fuzz.py`` runs the
same mutations over 100,000 inputs and more. The draws are derandomized: every run tries the
same inputs, so a failure here is never a matter of luck. Below them, the crashes fuzzing
found, each as the smallest input that shows it.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.errors import InputError
from generator.pdf import read_pdf
from generator.read import decode

from .conftest import SOURCE_DIR
from .mutations import (
    attempt,
    built_pdf_input,
    edit_streams,
    pdf_input,
    pdf_specs,
    text_input,
)
from .pdfbuild import build_pdf, fixture_pdf


class DrawChooser:
    """The mutations' choices drawn by Hypothesis, which can then shrink them."""

    def __init__(self, data: st.DataObject) -> None:
        self.data = data

    def integer(self, low: int, high: int) -> int:
        return self.data.draw(st.integers(low, high))


def fuzz(examples: int):
    return settings(max_examples=examples, deadline=None, derandomize=True, database=None,
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


def check(made: tuple[str, bytes] | None) -> None:
    """The property: a resolution, or an ``InputError`` naming the file; for a text export
    also the line, unless the whole file is at fault (empty, binary, not a resolution)."""
    if made is None:
        return
    name, data = made
    error = attempt(data, name)
    if error is not None and not name.endswith(".pdf~"):
        assert error.problem.line or "empty file" in str(error), str(error)


@fuzz(600)
@given(st.data())
def test_text_exports(data):
    check(text_input(DrawChooser(data)))


@fuzz(200)
@given(st.data())
def test_typeset_pdfs(data):
    """Fixtures whose markup was mutated, then typeset: damaged lines and words in a PDF."""
    check(built_pdf_input(DrawChooser(data)))


@fuzz(60)
@given(st.data())
def test_damaged_pdfs(data):
    """The official PDFs and the typeset fixtures, the files themselves damaged."""
    check(pdf_input(DrawChooser(data)))


# --- Crashes fuzzing found, each the smallest input that shows it ------------------------------


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be"])
def test_utf16_without_its_byte_order_mark_is_read(encoding):
    text = (SOURCE_DIR / "A-RES-64-187.txt").read_text(encoding="utf-8")
    assert attempt(text.encode(encoding), "a.txt") is None


def test_a_nul_byte_is_refused_with_its_line():
    data = (SOURCE_DIR / "A-RES-64-187.txt").read_bytes().replace(b"Recalling", b"Re\x00calling", 1)
    with pytest.raises(InputError, match=r"^a\.txt:8: binary file \(it contains NUL bytes\)"):
        decode(data, "a.txt")


def annex_with(old: str, new: str) -> bytes:
    spec = dict(pdf_specs())["annex"]
    assert old in spec
    return build_pdf(spec.replace(old, new))


def test_a_page_pdfium_cannot_load_is_named():
    """The page tree counts a page whose object is missing: PDFium fails to load it."""
    data = fixture_pdf("annex").replace(b"/Kids[ 4 0 R  5 0 R ]", b"/Kids[ 4 0 R  99 0 R ]")
    with pytest.raises(InputError, match=r"^a\.pdf: page 2 cannot be read \(failed to load"):
        read_pdf(data, "a.pdf")


def test_a_table_note_above_its_rows_keeps_every_word():
    """A line opening with a raised letter above the rows: the run was counted as a table
    by its rows but cut as one of notes only."""
    data = annex_with("TH: Item | Gross | Net\n", "TN: ^b A note first.\nTH: Item | Gross | Net\n")
    assert attempt(data, "a.pdf") is None


def test_type_selected_in_size_next_to_zero_is_measured_as_drawn():
    """Type selected at 0.00001 points and scaled up by its text matrix (a damaged or odd
    file): measured at the size it is drawn in, never divided by zero, its words whole."""
    data = edit_streams(fixture_pdf("emergency-session"), lambda stream: stream.replace(
        b"1 0 0 1 397 693.6 Tm /FXF1 10 Tf", b"1000000 0 0 1000000 397 693.6 Tm /FXF1 0.00001 Tf"))
    layout = read_pdf(data, "a.pdf")
    assert [line.text for line in layout.lines if line.page == 1][2] == "2 March 2022"
