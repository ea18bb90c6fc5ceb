"""Problems found in input files, reported with the file and line they concern."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Problem:
    """One thing wrong with one input file; the build reports it and goes on with the rest."""

    file: str
    message: str
    line: int | None = None
    # "warning": doubtful or unusable input, fails `mkdocs build --strict`; "info": worth
    # knowing, not a fault of the input (a citation of a report's paragraphs left unlinked)
    level: str = "warning"

    def __str__(self) -> str:
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: {self.message}"


class InputError(Exception):
    """Raised by the read and parse stages for input that cannot become a resolution."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        super().__init__(str(Problem(file, message, line)))
        self.problem = Problem(file, message, line)
