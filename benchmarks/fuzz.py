"""The long fuzz run: the mutations of tests/mutations.py over many inputs, on every core.

    .venv/bin/python benchmarks/fuzz.py [--count 100000] [--seed 12] [--workers 2]
                                        [--out .cache/fuzz]

Input ``i`` is made from ``random.Random(f"{seed}:{i}")``, so every input can be made again
on its own (``--only i`` does that, and says what became of it); nothing is shrunk, as
Hypothesis would (``tests/test_fuzz.py`` runs the same mutations shrunk, and bounded). The
property: reading, parsing and linking an input gives a resolution or an ``InputError``
naming the file. Anything else is a crash; so is an input that takes longer than
``--timeout`` seconds, or one that kills its worker (PDFium is C: a crash of its own would
end the process, not raise).

Reported: inputs tried (and how many became resolutions, how many were refused, how many the
test typesetter could not set), crashes by distinct cause (exception type and the frame of
``generator/`` it was raised in) with a reproducer for each, written to ``--out`` as
``crash-<n>.<ext>`` with the traceback beside it; and the slowest input, timed again on its
own (the first timing shares the machine with the other workers), saved as ``slowest.*``.
"""

from __future__ import annotations

import argparse
import multiprocessing
import os
import signal
import sys
import time
import traceback
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from pathlib import Path
from random import Random

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from tests.mutations import RandomChooser, any_input, attempt  # noqa: E402

CHUNK = 200  # inputs per task: few enough to lose little when a worker dies


@dataclass
class Outcome:
    """What became of one input."""

    index: int
    kind: str  # "resolution", "refused", "skipped" (the typesetter's limits), "crash"
    seconds: float = 0.0
    cause: str = ""  # for a crash: "ValueError at generator/pdf_tables.py:133"
    detail: str = ""  # the traceback


@dataclass
class Report:
    tried: int = 0
    kinds: dict[str, int] = field(default_factory=dict)
    crashes: dict[str, list[Outcome]] = field(default_factory=dict)
    slowest: Outcome | None = None
    stopped: bool = False  # interrupted before the last input

    def add(self, outcome: Outcome) -> None:
        self.tried += 1
        self.kinds[outcome.kind] = self.kinds.get(outcome.kind, 0) + 1
        if outcome.kind == "crash":
            self.crashes.setdefault(outcome.cause, []).append(outcome)
        elif self.slowest is None or outcome.seconds > self.slowest.seconds:
            self.slowest = outcome


def make(seed: int, index: int) -> tuple[str, bytes] | None:
    """Input ``index`` of the run ``seed``: the same bytes whoever makes it."""
    return any_input(RandomChooser(Random(f"{seed}:{index}")))


class Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise Timeout


def run_one(seed: int, index: int, timeout: float) -> Outcome:
    made = make(seed, index)
    if made is None:
        return Outcome(index, "skipped")
    name, data = made
    signal.signal(signal.SIGALRM, _alarm)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    start = time.perf_counter()
    try:
        error = attempt(data, name)
        kind = "resolution" if error is None else "refused"
        return Outcome(index, kind, time.perf_counter() - start)
    except Timeout:
        return Outcome(index, "crash", timeout, f"no answer within {timeout:g} s", "")
    except Exception as error:  # the crashes this run is for
        return Outcome(index, "crash", time.perf_counter() - start, _cause(error),
                       traceback.format_exc())
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)


def _cause(error: BaseException) -> str:
    """The exception type and the innermost frame of generator/ (or the innermost of all)."""
    frames = traceback.extract_tb(error.__traceback__)
    ours = [f for f in frames if f"{os.sep}generator{os.sep}" in f.filename] or frames
    where = f"{Path(ours[-1].filename).relative_to(ROOT)}:{ours[-1].lineno}" if ours else "?"
    return f"{type(error).__name__} at {where}"


def run_chunk(seed: int, start: int, end: int, timeout: float, beacon: str) -> list[Outcome]:
    """Inputs ``start`` to ``end``; before each, its index goes into the file ``beacon``, so
    that should the process die the parent knows which input killed it."""
    outcomes = []
    for index in range(start, end):
        Path(beacon).write_text(str(index))
        outcomes.append(run_one(seed, index, timeout))
    Path(beacon).write_text("done")
    return outcomes


def run(count: int, seed: int, workers: int, timeout: float, out: Path) -> Report:
    """Every input; stopped early (Ctrl-C, or SIGTERM), the report of those done so far."""
    report = Report()
    chunks = [(start, min(start + CHUNK, count)) for start in range(0, count, CHUNK)]
    signal.signal(signal.SIGTERM, signal.default_int_handler)
    try:
        while chunks:
            chunks = _pool(chunks, seed, workers, timeout, out, report)
    except KeyboardInterrupt:
        report.stopped = True
    return report


def _pool(chunks: list[tuple[int, int]], seed: int, workers: int, timeout: float, out: Path,
          report: Report) -> list[tuple[int, int]]:
    """Run ``chunks``; what is left to run should a worker die (the chunks not done, the
    dead input's chunk resumed after it, the dead input a crash)."""
    beacons = {chunk: str(out / f".beacon-{chunk[0]}") for chunk in chunks}
    done: set[tuple[int, int]] = set()
    try:
        with ProcessPoolExecutor(workers) as pool:
            futures = {pool.submit(run_chunk, seed, a, b, timeout, beacons[(a, b)]): (a, b)
                       for a, b in chunks}
            try:
                for future in _as_completed(futures):
                    for outcome in future.result():
                        report.add(outcome)
                    done.add(futures[future])
                    Path(beacons[futures[future]]).unlink(missing_ok=True)
                    _progress(report)
            except KeyboardInterrupt:  # stopped: the workers too, at once
                for process in list(pool._processes.values()):
                    process.terminate()
                pool.shutdown(wait=False, cancel_futures=True)
                raise
        return []
    except BrokenProcessPool:
        return _after_a_death(chunks, done, beacons, seed, timeout, report)


def _after_a_death(chunks: list[tuple[int, int]], done: set[tuple[int, int]],
                   beacons: dict[tuple[int, int], str], seed: int, timeout: float,
                   report: Report) -> list[tuple[int, int]]:
    """A worker died, and the pool with it: the inputs in flight are each tried alone in a
    process of their own; the one that kills it is a crash. The chunks not done are run
    again (from their start: a dead pool's results never come back)."""
    left = []
    for chunk in chunks:
        if chunk in done:
            continue
        beacon = Path(beacons[chunk])
        state = beacon.read_text() if beacon.exists() else ""
        beacon.unlink(missing_ok=True)
        if state.isdigit() and _dies_alone(seed, int(state), timeout):
            report.add(Outcome(int(state), "crash", 0.0, "the worker died (a crash inside "
                               "PDFium?)"))
            left += [(chunk[0], int(state)), (int(state) + 1, chunk[1])]
        else:
            left.append(chunk)
    return [c for c in left if c[0] < c[1]]


def _dies_alone(seed: int, index: int, timeout: float) -> bool:
    process = multiprocessing.Process(target=run_one, args=(seed, index, timeout))
    process.start()
    process.join()
    return process.exitcode != 0


def _as_completed(futures):
    from concurrent.futures import as_completed
    return as_completed(futures)


_last = [0.0]


def _progress(report: Report) -> None:
    now = time.monotonic()
    if now - _last[0] > 30:
        _last[0] = now
        slowest = report.slowest.seconds if report.slowest else 0.0
        print(f"  {report.tried} inputs, {sum(map(len, report.crashes.values()))} crashes, "
              f"slowest {slowest:.3f} s", flush=True)


def save(seed: int, outcome: Outcome, stem: str, out: Path) -> Path | None:
    made = make(seed, outcome.index)
    if made is None:
        return None
    name, data = made
    path = out / f"{stem}.{'pdf' if name.endswith('.pdf~') else 'txt'}"
    path.write_bytes(data)
    if outcome.detail:
        path.with_suffix(path.suffix + ".traceback").write_text(
            f"input {outcome.index} of seed {seed} ({name})\n{outcome.detail}")
    return path


def retime(seed: int, index: int) -> float:
    """The input's time on its own: the best of three runs."""
    made = make(seed, index)
    assert made is not None
    name, data = made
    best = float("inf")
    for _ in range(3):
        start = time.perf_counter()
        attempt(data, name)
        best = min(best, time.perf_counter() - start)
    return best


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--count", type=int, default=100_000)
    parser.add_argument("--seed", type=int, default=12)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--timeout", type=float, default=30.0,
                        help="seconds after which an input counts as a crash")
    parser.add_argument("--out", type=Path, default=ROOT / ".cache" / "fuzz")
    parser.add_argument("--only", type=int, help="make and try input ONLY alone, and say "
                        "what became of it")
    args = parser.parse_args(argv)
    args.out.mkdir(parents=True, exist_ok=True)
    if args.only is not None:
        outcome = run_one(args.seed, args.only, args.timeout)
        print(f"input {args.only}: {outcome.kind} in {outcome.seconds:.3f} s {outcome.cause}")
        print(outcome.detail, end="")
        return 1 if outcome.kind == "crash" else 0
    started = time.perf_counter()
    print(f"fuzzing {args.count} inputs (seed {args.seed}) on {args.workers} processes",
          flush=True)
    report = run(args.count, args.seed, args.workers, args.timeout, args.out)
    wall = time.perf_counter() - started
    kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(report.kinds.items()))
    stopped = " (stopped early)" if report.stopped else ""
    print(f"inputs tried: {report.tried}{stopped} ({kinds}); wall time {wall:.0f} s")
    print(f"crashes: {sum(map(len, report.crashes.values()))}, distinct: {len(report.crashes)}")
    for number, (cause, outcomes) in enumerate(sorted(report.crashes.items()), start=1):
        path = save(args.seed, outcomes[0], f"crash-{number}", args.out)
        print(f"  {len(outcomes)} x {cause}: first input {outcomes[0].index}, saved as {path}")
    if report.slowest is not None:
        slow = report.slowest
        path = save(args.seed, slow, "slowest", args.out)
        print(f"slowest input: {slow.index} ({slow.kind}), {slow.seconds:.3f} s in the run, "
              f"{retime(args.seed, slow.index):.3f} s on its own; saved as {path}")
    return 1 if report.crashes else 0


if __name__ == "__main__":
    sys.exit(main())
