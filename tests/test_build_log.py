"""A short build log: progress every few seconds on long builds, never a line per page."""

from __future__ import annotations

from generator import progress
from generator.pipeline import collect
from generator.progress import Progress
from generator.render import render_site

from .conftest import ROOT, SOURCE_DIR
from .sitebuild import build


def test_progress_reports_at_most_every_few_seconds():
    lines: list[str] = []
    now = [0.0]
    counter = Progress("parsed", 5000, "sources", lines.append, every=5.0,
                       clock=lambda: now[0])
    for done in range(1, 1201):
        now[0] = done / 100  # 100 a second
        counter.advance()
    assert lines == ["parsed 500 of 5,000 sources (100 a second, about 45 s left)",
                     "parsed 1,000 of 5,000 sources (100 a second, about 40 s left)"]


def test_a_quick_step_says_nothing():
    lines: list[str] = []
    counter = Progress("drawn", 5, "resolution pages", lines.append)
    for _ in range(5):
        counter.advance()
    assert lines == []


def test_reading_parsing_and_drawing_report_progress(monkeypatch):
    monkeypatch.setattr(progress.Progress.__init__, "__defaults__", (0.0, progress.time.monotonic))
    lines: list[str] = []
    site = collect(SOURCE_DIR, report=lines.append, cache_dir=None)
    render_site(site.linked, ROOT / "templates", site.data, report=lines.append)
    assert "read 3 of 3 new PDFs" in " ".join(lines)
    assert any(line.startswith("parsed 5 of 5 sources (") for line in lines)
    assert any(line.startswith("drawn 5 of 5 resolution pages (") for line in lines)


def test_the_log_lists_no_page_and_fits_on_a_screen(tmp_path):
    result, _ = build(tmp_path, SOURCE_DIR, env={"NO_MKDOCS_2_WARNING": "1"})  # as make does
    assert result.returncode == 0, result.stderr
    assert "not included in the" not in result.stderr
    assert len(result.stderr.splitlines()) < 12, result.stderr
