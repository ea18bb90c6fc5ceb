"""The synthetic corpus behind the benchmark: deterministic, read by the real parser, and
traced by lineage within its series only. The benchmark script itself runs (no timings are
asserted: figures belong in the README, measured by ``benchmarks/run.py``)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from benchmarks.synthetic import write_corpus
from generator.pipeline import collect

from .conftest import ROOT
from .sitebuild import build


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("synthetic")
    write_corpus(folder, 24, seed=7, series_length=6)
    return folder


def test_same_seed_same_files(corpus, tmp_path):
    again = write_corpus(tmp_path, 24, seed=7, series_length=6)
    assert [p.read_bytes() for p in sorted(again)] == \
        [p.read_bytes() for p in sorted(corpus.glob("*.txt"))]


def test_parsed_linked_and_in_series(corpus):
    site = collect(corpus)
    assert site.problems == ()
    resolutions = site.linked.resolutions
    assert len(resolutions) == 24
    assert sorted(len(s.members) for s in {r.series for r in resolutions}) == [6, 6, 6, 6]
    for resolution in resolutions:  # each later member recalls the one before, in our site
        previous, _ = resolution.series.neighbours(resolution.symbol)
        internal = [c.symbol for c in resolution.cites if c.internal]
        assert internal == ([previous] if previous else [])


def test_lineage_follows_each_series_and_never_crosses(corpus):
    resolutions = collect(corpus).linked.resolutions
    series_of = {r.symbol: r.series.id for r in resolutions}
    links = [(r.symbol, c.symbol) for r in resolutions for p in r.paragraphs
             for c in p.lineage]
    assert len(links) > 24 * 20  # most paragraphs are carried forward
    assert all(series_of[a] == series_of[b] for a, b in links)


def test_synthetic_site_builds_strict_with_a_comparison_per_pair(corpus, tmp_path):
    result, site = build(tmp_path, corpus)
    assert result.returncode == 0, result.stderr
    assert len(list((site / "compare").glob("*.html"))) == 4 * 5


def test_benchmark_script_runs(tmp_path):
    """One tiny side-by-side run: both builds succeed and the row has every figure."""
    completed = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / "run.py"), "--sizes", "12", "--runs", "1",
         "--warmup", "0"], capture_output=True, text=True, check=False, cwd=tmp_path)
    assert completed.returncode == 0, completed.stderr
    [row] = [[cell.strip() for cell in line.split("|")[1:-1]]
             for line in completed.stdout.splitlines() if line.startswith("| 12 |")]
    atlas, plain, ratio, atlas_peak, plain_peak, memory_ratio, pages, log_lines = row[1:]
    assert atlas.endswith(" s") and plain.endswith(" s") and float(ratio) > 0
    assert atlas_peak.endswith(" MiB") and plain_peak.endswith(" MiB") and float(memory_ratio) > 0
    assert int(pages) > 12 and int(log_lines) > 0
