"""Benchmark: the atlas side by side with plain Material for MkDocs, in one run.

For each size (default 1,000 and 5,000 resolutions) this writes a synthetic corpus
(``benchmarks/synthetic.py``) and the plain Material project of the same resolutions
(``benchmarks/plain.py``: a Markdown page per resolution with the same words, search on,
pages out of the navigation, and as many pages in all as the atlas writes, since the goal is
"no slower than plain Material on the same number of pages"; ``--one-page-each`` gives it one
page per resolution instead), then builds both ``--runs`` times, interleaved (atlas, plain,
plain, atlas, ...), each build a fresh ``mkdocs build`` process from a clean output folder, and
reports per size:

- the median wall time of each, and their ratio (atlas / plain);
- the median peak memory of each: the largest sum, over the build's whole process tree (the
  atlas forks workers), of each process's proportional set size (PSS: a page shared by n
  processes counts 1/n to each), sampled every ``SAMPLE`` seconds (reading PSS walks a
  process's page tables: sampled more often, it slows the build it measures); and its
  ratio;
- pages written and lines of the atlas's build log.

``--serve`` also times the authoring loop: ``mkdocs serve`` over the corpus, one resolution
edited, seconds until the rebuilt page is served. ``--search`` times the first search answer
from disk in Chromium (tests/browser/test_search.py measures the same in the test suite).
Timings belong here, never in tests.

    .venv/bin/python benchmarks/run.py                       # 1,000 and 5,000; 3 runs each
    .venv/bin/python benchmarks/run.py --sizes 25000 --runs 1 --no-plain
    .venv/bin/python benchmarks/run.py --sizes 1000 --runs 1 --serve
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

MKDOCS = [sys.executable, "-m", "mkdocs"]
SAMPLE = 0.25  # seconds between two readings of the builds' memory
ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}


@dataclass(frozen=True)
class Run:
    seconds: float
    peak_mib: float
    log_lines: int
    pages: int


def _tree_pss_kib(pid: int) -> int:
    """PSS of ``pid`` and all its descendants, in KiB (0 for a process already gone)."""
    total, todo = 0, [pid]
    while todo:
        current = todo.pop()
        try:
            rollup = Path(f"/proc/{current}/smaps_rollup").read_text()
            total += int(re.search(r"^Pss:\s+(\d+)", rollup, re.M).group(1))
            for task in Path(f"/proc/{current}/task").iterdir():
                children = (task / "children").read_text().split()
                todo += [int(child) for child in children]
        except (OSError, AttributeError, ValueError):
            continue
    return total


def measured(command: list[str], env: dict[str, str], cwd: Path) -> tuple[float, float, str]:
    """(wall seconds, peak PSS of the process tree in MiB, stderr) of one command."""
    peak = 0
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.DEVNULL,
                               stderr=subprocess.PIPE, text=True)
    err: list[str] = []
    reader = threading.Thread(target=lambda: err.append(process.stderr.read()), daemon=True)
    reader.start()
    while process.poll() is None:
        peak = max(peak, _tree_pss_kib(process.pid))
        if process.poll() is None:
            time.sleep(SAMPLE)
    seconds = time.perf_counter() - start
    reader.join()
    if process.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{''.join(err)[-3000:]}")
    return seconds, peak / 1024, "".join(err)


def build_atlas(corpus: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    env = {**ENV, "ATLAS_SOURCES": str(corpus), "ATLAS_CACHE": ""}
    seconds, peak, log = measured([*MKDOCS, "build", "-d", str(out)], env, ROOT)
    return Run(seconds, peak, len(log.splitlines()), _pages(out))


def build_plain(project: Path, out: Path) -> Run:
    shutil.rmtree(out, ignore_errors=True)
    seconds, peak, log = measured([*MKDOCS, "build", "-d", str(out)], ENV, project)
    return Run(seconds, peak, len(log.splitlines()), _pages(out))


def _pages(site: Path) -> int:
    return sum(1 for _ in site.rglob("*.html"))


def serve_edit_seconds(corpus: Path, edits: int = 3) -> list[float]:
    """Seconds from saving an edited resolution to ``mkdocs serve`` serving the change."""
    port = 8765
    env = {**ENV, "ATLAS_SOURCES": str(corpus), "ATLAS_CACHE": ""}
    process = subprocess.Popen([*MKDOCS, "serve", "-a", f"127.0.0.1:{port}"], cwd=ROOT,
                               env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        target = sorted(corpus.glob("*.txt"))[len(list(corpus.glob("*.txt"))) // 2]
        text = target.read_text(encoding="utf-8")
        symbol = "A/RES/" + text.splitlines()[2].split(".\t")[0]
        url = f"http://127.0.0.1:{port}/{symbol}.html"
        _wait_for(url, lambda page: True, 900)
        times = []
        for n in range(edits):
            word = f"Editedword{n}"
            target.write_text(text.replace("Requests the Secretary-General to submit",
                                           f"Requests the Secretary-General {word} to submit",
                                           1), encoding="utf-8")
            start = time.perf_counter()
            _wait_for(url, lambda page, word=word: word in page, 300)
            times.append(time.perf_counter() - start)
        target.write_text(text, encoding="utf-8")
        return times
    finally:
        process.terminate()
        process.wait(30)


def _wait_for(url: str, ok, timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=5) as response:
                if ok(response.read().decode("utf-8", "replace")):
                    return
        except OSError:
            pass
        time.sleep(0.05)
    raise SystemExit(f"{url} did not come in {timeout} s")


def search_first_answer(site: Path, query: str) -> float:
    """Seconds from opening index.html from disk to the first search result (Chromium,
    network blocked), as a reader types ``query`` into the header search."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium")
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_()
                   if route.request.url.startswith("file:") else route.abort())
        start = time.perf_counter()
        page.goto((site / "index.html").as_uri())
        page.keyboard.press("/")
        page.keyboard.type(query)
        page.wait_for_selector(".md-search-result__item", timeout=60_000)
        seconds = time.perf_counter() - start
        browser.close()
    return seconds


def _median(values: list[float]) -> float:
    return statistics.median(values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 5000])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--one-page-each", action="store_true",
                        help="plain Material with one page per resolution (by default it has "
                        "as many pages as the atlas writes, as the goal is stated)")
    parser.add_argument("--warmup", type=int, default=1,
                        help="builds of each, not counted, before the runs (disk caches)")
    parser.add_argument("--no-plain", action="store_true", help="the atlas alone")
    parser.add_argument("--serve", action="store_true", help="also time mkdocs serve edits")
    parser.add_argument("--search", action="store_true", help="also time the first answer")
    args = parser.parse_args()
    from benchmarks.plain import write_project
    from benchmarks.synthetic import write_corpus

    print(f"# {platform.python_implementation()} {platform.python_version()}, "
          f"{os.cpu_count()} CPUs, {args.runs} interleaved runs per figure (medians)")
    print("| resolutions | atlas | plain Material | time ratio | atlas peak | plain peak "
          "| memory ratio | atlas pages | log lines |")
    print("| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
    extras = []
    for size in args.sizes:
        with tempfile.TemporaryDirectory() as tmp:
            work = Path(tmp)
            corpus = work / "corpus"
            write_corpus(corpus, size, args.seed)
            # Plain Material with the atlas's number of pages, or one page per resolution.
            pages = None if args.one_page_each else build_atlas(corpus, work / "site").pages
            project = write_project(corpus, work / "plain", pages).parent
            for _ in range(args.warmup):
                build_atlas(corpus, work / "site")
                if not args.no_plain:
                    build_plain(project, work / "plain-site")
            atlas, plain = [], []
            for run in range(args.runs):
                order = ("atlas", "plain") if run % 2 == 0 else ("plain", "atlas")
                for which in order:
                    if which == "atlas":
                        atlas.append(build_atlas(corpus, work / "site"))
                    elif not args.no_plain:
                        plain.append(build_plain(project, work / "plain-site"))
            a_time = _median([r.seconds for r in atlas])
            a_peak = _median([r.peak_mib for r in atlas])
            if plain:
                p_time = _median([r.seconds for r in plain])
                p_peak = _median([r.peak_mib for r in plain])
                plain_cells = (f"{p_time:.1f} s | {a_time / p_time:.2f} | {a_peak:,.0f} MiB | "
                               f"{p_peak:,.0f} MiB | {a_peak / p_peak:.2f}")
            else:
                plain_cells = f"- | - | {a_peak:,.0f} MiB | - | -"
            print(f"| {size:,} | {a_time:.1f} s | {plain_cells} | {atlas[0].pages:,} "
                  f"| {atlas[0].log_lines} |", flush=True)
            if args.search:
                build_atlas(corpus, work / "site")
                seconds = search_first_answer(work / "site", "internet governance")
                extras.append(f"search, {size:,} resolutions: first answer {seconds:.2f} s "
                              "after opening index.html from disk")
            if args.serve:
                times = serve_edit_seconds(corpus)
                extras.append(f"serve, {size:,} resolutions: an edit shows in "
                              f"{_median(times):.1f} s (median of {len(times)}: "
                              + ", ".join(f"{t:.1f}" for t in times) + ")")
    for line in extras:
        print(f"\n{line}")


if __name__ == "__main__":
    main()
