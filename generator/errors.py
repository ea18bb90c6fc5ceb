"""Problems found in input files, reported with the file and line they concern.

A problem's file name and message come partly from the input (a file may be called
"a\\nINFO - all good.txt"; its text is quoted in messages), so ``str(problem)`` shows every
character that could forge or garble a log line as an escape: newlines, tabs, other control
and format characters (bidi overrides), each as ``\\n``, ``\\t``, ``\\x1b``, ``\\u202e``. One
problem is always exactly one line of the log.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

_ESCAPES = {"\n": "\\n", "\r": "\\r", "\t": "\\t", "\\": "\\\\"}


def printable(text: str) -> str:
    """``text`` with every control, format, separator-other-than-space and unassigned
    character escaped, so it can stand in one line of a log as it is."""
    if text.isprintable() and "\\" not in text:
        return text
    out = []
    for char in text:
        if char in _ESCAPES:
            out.append(_ESCAPES[char])
        elif char == " " or (char.isprintable() and unicodedata.category(char) != "Cf"):
            out.append(char)
        elif ord(char) < 0x100:
            out.append(f"\\x{ord(char):02x}")
        else:
            out.append(f"\\u{ord(char):04x}" if ord(char) < 0x10000 else f"\\U{ord(char):08x}")
    return "".join(out)


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
        return printable(f"{where}: {self.message}")


class InputError(Exception):
    """Raised by the read and parse stages for input that cannot become a resolution."""

    def __init__(self, file: str, message: str, line: int | None = None) -> None:
        super().__init__(str(Problem(file, message, line)))
        self.problem = Problem(file, message, line)
