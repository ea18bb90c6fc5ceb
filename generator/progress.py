"""Progress of a long build, every few seconds and never once per page.

A build of the whole record reads, parses and draws tens of thousands of resolutions; the
reader of its log wants to know it is moving and how long is left, in a log that fits on a
screen. ``Progress`` counts the work of one step and reports at most every ``EVERY`` seconds:

    read and parsed 1,200 of 5,000 sources (400 a second, about 10 s left)

A step that ends before the first report says nothing, so small builds stay quiet.
"""

from __future__ import annotations

import time
from collections.abc import Callable

EVERY = 5.0  # seconds between reports
Report = Callable[[str], None]


class Progress:
    """Counts ``total`` items of the step ``what`` ("read and parsed", "drawn")."""

    def __init__(self, what: str, total: int, unit: str, report: Report | None,
                 every: float = EVERY, clock: Callable[[], float] = time.monotonic) -> None:
        self.what, self.total, self.unit = what, total, unit
        self.report, self.every, self.clock = report, every, clock
        self.done = 0
        self.started = self.last = clock()

    def advance(self, count: int = 1) -> None:
        """``count`` more items done; a report when ``every`` seconds have passed."""
        self.done += count
        now = self.clock()
        if self.report is not None and now - self.last >= self.every:
            self.last = now
            self.report(self.line(now))

    def line(self, now: float) -> str:
        elapsed = max(now - self.started, 1e-9)
        rate = self.done / elapsed
        left = (self.total - self.done) / rate if rate else 0.0
        return (f"{self.what} {self.done:,} of {self.total:,} {self.unit} "
                f"({rate:,.0f} a second, about {_duration(left)} left)")


def _duration(seconds: float) -> str:
    if seconds < 90:
        return f"{seconds:.0f} s"
    return f"{seconds / 60:.0f} min"
