"""Benchmark: lineage and graph, and the whole site build, over synthetic corpora.

For each size (default 100, 1,000 and 5,000 resolutions) this writes a synthetic corpus
(``benchmarks/synthetic.py``) and measures, each in a fresh Python process so that peak memory
is that run's own:

- ``lineage+graph``: the link stage (citations resolved, citation graph), paragraph lineage and
  the corpus relations (series, cites, cited by, related), on a corpus already parsed: what
  ``pipeline.collect`` adds after parsing;
- ``whole build``: ``mkdocs build`` of the corpus, from reading the texts to the written site.

It reports the median wall time and the median peak resident memory (the process's maxrss) of
``--runs`` runs, and the time ratio between consecutive sizes (10 times the corpus should take
at most about 12 times as long). Timings belong here, never in tests.

    .venv/bin/python benchmarks/run.py                      # 100, 1000, 5000; 3 runs each
    .venv/bin/python benchmarks/run.py --sizes 100 1000 --runs 5 --stages lineage
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STAGES = ("lineage", "build")


def measure_lineage(corpus_dir: Path) -> dict[str, float]:
    """Parse (not timed), then time what ``collect`` does after parsing."""
    from generator.corpus import load_corpus
    from generator.data import load_data
    from generator.pipeline import DEFAULT_DATA_DIR, relate

    corpus = load_corpus(corpus_dir)
    data = load_data(DEFAULT_DATA_DIR)
    paragraphs = sum(len(r.paragraphs) for r in corpus.resolutions)
    start = time.perf_counter()
    linked = relate(corpus.resolutions, data)
    seconds = time.perf_counter() - start
    links = sum(len(p.lineage) for r in linked.resolutions for p in r.paragraphs)
    return {"seconds": seconds, "paragraphs": paragraphs, "lineage_links": links}


def measure_build(corpus_dir: Path) -> dict[str, float]:
    """``mkdocs build`` of the corpus with the project's own configuration and templates."""
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    with tempfile.TemporaryDirectory() as site_dir:
        config = load_config(str(ROOT / "mkdocs.yml"), site_dir=site_dir)
        for plugin in config.plugins.values():
            if hasattr(plugin, "config") and "source_dir" in plugin.config:
                plugin.config.source_dir = str(corpus_dir)
        start = time.perf_counter()
        build(config)
        seconds = time.perf_counter() - start
        pages = Path(site_dir).glob("A/RES/**/*.json")
        paragraphs = sum(len(json.loads(page.read_text())["paragraphs"]) for page in pages)
    return {"seconds": seconds, "paragraphs": paragraphs}


def _inner(stage: str, corpus_dir: Path) -> None:
    """One measurement in this process; prints JSON with the peak memory in MiB."""
    os.chdir(ROOT)
    result = (measure_lineage if stage == "lineage" else measure_build)(corpus_dir)
    result["peak_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps(result))


def run_once(stage: str, corpus_dir: Path) -> dict[str, float]:
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    completed = subprocess.run(
        [sys.executable, __file__, "--inner", stage, str(corpus_dir)],
        capture_output=True, text=True, env=env, check=False)
    if completed.returncode != 0:
        raise SystemExit(f"{stage} on {corpus_dir} failed:\n{completed.stderr[-3000:]}")
    return json.loads(completed.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--stages", nargs="+", choices=STAGES, default=list(STAGES))
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--inner", nargs=2, metavar=("STAGE", "CORPUS"), help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.inner:
        _inner(args.inner[0], Path(args.inner[1]))
        return
    from benchmarks.synthetic import write_corpus

    print(f"# {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {args.runs} runs per figure (medians)")
    print("| stage | resolutions | paragraphs | median time | time ratio | per 1,000 paragraphs "
          "| peak memory |")
    print("| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for stage in args.stages:
        previous: float | None = None
        for size in args.sizes:
            with tempfile.TemporaryDirectory() as tmp:
                corpus_dir = Path(tmp) / "corpus"
                write_corpus(corpus_dir, size, args.seed)
                runs = [run_once(stage, corpus_dir) for _ in range(args.runs)]
            seconds = statistics.median(r["seconds"] for r in runs)
            peak = statistics.median(r["peak_mib"] for r in runs)
            paragraphs = runs[0]["paragraphs"]
            ratio = f"{seconds / previous:.1f}x" if previous else "-"
            # Linear growth keeps this column flat, whatever the sizes' ratio.
            per_thousand = f"{1000 * seconds / paragraphs:.3f} s" if paragraphs else "-"
            name = "lineage+graph" if stage == "lineage" else "whole build"
            print(f"| {name} | {size:,} | {f'{paragraphs:,}' if paragraphs else '-'} | "
                  f"{seconds:.2f} s | {ratio} | {per_thousand} | {peak:,.0f} MiB |", flush=True)
            previous = seconds


if __name__ == "__main__":
    main()
