"""Benchmark: paragraph lineage against pairs labelled by reading, on the corpus of 205 PDFs.

``tests/data/lineage_pairs.tsv`` holds paragraph pairs of the corpus, each labelled true (B is
the same paragraph as A: carried, reworded or moved), false (they share only boilerplate, a
report's phrasing or a name, or are different provisions) or unsure (left out of the scores);
its header says how they were chosen and the rules. This reads the corpus with the real
pipeline (``pipeline.collect``: lineage runs inside it, as for the site), takes a labelled pair
as predicted when either paragraph lists the other in its ``lineage``, and reports:

- precision (labelled pairs predicted that are true) and recall (true pairs predicted), with
  their counts, overall and per kind of pair;
- every error: false pairs predicted, true pairs missed, with both paragraphs' first words;
- how many predicted pairs are unlabelled (the labels are a sample, not the whole);
- the time of the lineage stage alone (``lineage.with_lineage``), median of ``--runs``;
- any labelled paragraph the corpus no longer has as labelled (a parser change), first.

Without the corpus (``../shared/corpus/pdf``) it says so and exits 0.

    .venv/bin/python benchmarks/lineage.py                 # ../shared/corpus/pdf, 3 timed runs
    .venv/bin/python benchmarks/lineage.py --corpus DIR --runs 5
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

LABELS = ROOT / "tests" / "data" / "lineage_pairs.tsv"
CORPUS = ROOT.parent / "shared" / "corpus" / "pdf"
CACHE = ROOT / ".cache" / "resolution-atlas"

Key = tuple[str, str]  # (symbol, paragraph id)


@dataclass(frozen=True)
class Label:
    a: Key
    b: Key
    label: str  # "true", "false" or "unsure"
    kind: str
    stratum: str
    note: str
    words_a: str
    words_b: str

    @property
    def pair(self) -> frozenset[Key]:
        return frozenset((self.a, self.b))


@dataclass(frozen=True)
class Score:
    """Precision and recall over the labelled pairs (unsure ones left out)."""

    true_positives: int
    false_positives: int
    false_negatives: int
    unsure: int
    errors: tuple[Label, ...]  # false pairs predicted, then true pairs missed

    @property
    def precision(self) -> float:
        predicted = self.true_positives + self.false_positives
        return self.true_positives / predicted if predicted else 1.0

    @property
    def recall(self) -> float:
        true = self.true_positives + self.false_negatives
        return self.true_positives / true if true else 1.0


def load_labels(path: Path = LABELS) -> list[Label]:
    """The labelled pairs; lines starting with ``#`` are the header's explanation."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#")]
    labels = []
    for line in lines[1:]:  # the first is the column names
        sa, pa, sb, pb, label, kind, stratum, note, words_a, words_b = line.split("\t")
        assert label in ("true", "false", "unsure"), line
        labels.append(Label((sa, pa), (sb, pb), label, kind, stratum, note, words_a, words_b))
    return labels


def predicted_pairs(resolutions: Iterable) -> set[frozenset[Key]]:
    """Every pair of paragraphs that lineage links, in either direction."""
    return {frozenset(((r.symbol, p.id), (c.symbol, c.paragraph)))
            for r in resolutions for p in r.paragraphs for c in p.lineage}


def score(labels: Iterable[Label], predicted: set[frozenset[Key]]) -> Score:
    tp = fp = fn = unsure = 0
    wrong, missed = [], []
    for label in labels:
        hit = label.pair in predicted
        if label.label == "unsure":
            unsure += 1
        elif label.label == "true":
            tp, fn = tp + hit, fn + (not hit)
            if not hit:
                missed.append(label)
        else:
            fp += hit
            if hit:
                wrong.append(label)
    return Score(tp, fp, fn, unsure, (*wrong, *missed))


def stale(labels: Iterable[Label], resolutions) -> list[str]:
    """Labelled paragraphs the corpus no longer has as labelled (a parser change renumbered
    or reworded them): their ids are missing, or their words no longer begin as recorded."""
    texts = {(r.symbol, p.id): p.text for r in resolutions for p in r.paragraphs}
    problems = []
    for label in labels:
        for key, start in ((label.a, label.words_a), (label.b, label.words_b)):
            text = texts.get(key)
            if text is None or " ".join(text.split()[:len(start.split())]) != start:
                problems.append(f"{key[0]} {key[1]}: labelled as “{start} ...”, "
                                f"now {'missing' if text is None else repr(text[:60])}")
    return problems


def read_corpus(folder: Path):
    """The corpus as the site reads it, lineage included."""
    from generator.pipeline import collect

    return collect(folder, cache_dir=CACHE).linked.resolutions


def time_lineage(resolutions, runs: int) -> list[float]:
    """Seconds of the lineage stage alone, on resolutions already parsed and linked."""
    from generator.lineage import with_lineage
    from generator.pipeline import paused_gc

    times = []
    for _ in range(runs):
        start = time.perf_counter()
        with paused_gc():
            with_lineage(resolutions)
        times.append(time.perf_counter() - start)
    return times


def report(labels: list[Label], resolutions, times: list[float]) -> str:
    predicted = predicted_pairs(resolutions)
    result = score(labels, predicted)
    labelled = {label.pair for label in labels}
    counts = Counter(label.label for label in labels)
    lines = [f"STALE LABEL {problem}" for problem in stale(labels, resolutions)]
    lines += [
        f"labelled pairs: {len(labels)} ({counts['true']} true, {counts['false']} false, "
        f"{counts['unsure']} unsure, left out)",
        f"precision: {result.precision:.3f} ({result.true_positives} of "
        f"{result.true_positives + result.false_positives} predicted labelled pairs are true)",
        f"recall:    {result.recall:.3f} ({result.true_positives} of "
        f"{result.true_positives + result.false_negatives} true pairs predicted)",
        f"predicted pairs in the corpus: {len(predicted)}, of which unlabelled: "
        f"{len(predicted - labelled)}",
        f"lineage stage: median {statistics.median(times):.2f} s of "
        f"{', '.join(f'{t:.2f}' for t in times)} "
        f"({sum(len(r.paragraphs) for r in resolutions)} paragraphs)",
        "",
        "by kind (predicted / labelled):",
    ]
    for kind in sorted({(label.label, label.kind) for label in labels}):
        group = [label for label in labels if (label.label, label.kind) == kind]
        hits = sum(label.pair in predicted for label in group)
        lines.append(f"  {kind[0]:6} {kind[1]:20} {hits:3} / {len(group)}")
    lines += ["", f"errors ({len(result.errors)}):"]
    for label in result.errors:
        what = "wrongly linked" if label.label == "false" else "missed"
        lines.append(f"  {what}: {label.a[0]} {label.a[1]} ~ {label.b[0]} {label.b[1]} "
                     f"[{label.kind}, {label.stratum}] {label.note}")
        lines.append(f"      A: {label.words_a} ...  B: {label.words_b} ...")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", type=Path, default=CORPUS)
    parser.add_argument("--labels", type=Path, default=LABELS)
    parser.add_argument("--runs", type=int, default=3, help="timed runs of the lineage stage")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}: nothing to measure (the labels need it)")
        return 0
    resolutions = read_corpus(args.corpus)
    print(report(load_labels(args.labels), resolutions, time_lineage(resolutions, args.runs)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
