r"""Regular expressions for the ODS text export, one verbose pattern per construct.

Kept apart from the parsing logic so each pattern can be read, commented and tested on its own
(see tests/test_patterns.py for real lines and near misses).

Every pattern runs in time linear in its line, however long the line and whatever it repeats
(tests/test_linear.py): a group that ends a line is written ``\S(?:.*\S)?`` ("from a
non-blank to the last non-blank"), never ``\S.*?`` before ``\s*$``, which tries the rest of
the line after every character; no two quantified runs of whitespace stand side by side; a
lazy group before whitespace only ends on a non-blank.
"""

from __future__ import annotations

import re
from datetime import date

_MONTH_NAMES = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)
MONTHS = {name: number for number, name in enumerate(_MONTH_NAMES, start=1)}

DATE = r"(?:\d{1,2}\s+(?:" + "|".join(MONTHS) + r")\s+\d{4})"

# "Resolution adopted by the General Assembly on 21 December 2009"
ADOPTION = re.compile(
    rf"""^\s*Resolution\s+adopted\s+by\s+the\s+General\s+Assembly
        \s+on\s+(?P<date>{DATE})    # adoption date
        \s*$""",
    re.X,
)

# "[on the report of the Second Committee (A/64/417)]"
# "[on the report of the Fifth Committee (A/64/582/Add.1, para. 7)]"
# "[on the report of the Special Political and Decolonization Committee (Fourth Committee)
#   (A/64/413)]"
REPORT = re.compile(
    r"""^\s*\[on\s+the\s+reports?\s+of\s+the\s+
        (?P<committee>\S(?:.*?\S)?)      # committee name, may itself hold "(Fourth Committee)"
        \s+\((?P<symbol>[AE]/[^,()\s]+)   # report symbol: A/64/417, A/64/582/Add.1
        (?:,\s*(?P<paragraph>paras?\.\s*[^)]+))?  # optional "para. 7"
        \)\]\s*$""",
    re.X,
)

# "[without reference to a Main Committee (A/64/L.38 and Add.1)]"
NO_COMMITTEE = re.compile(
    r"""^\s*\[without\s+reference\s+to\s+a\s+Main\s+Committee
        (?:\s+\((?P<draft>[^)]+)\))?   # the draft resolution's symbol(s), when given
        \]\s*$""",
    re.X,
)

# "64/187.\tInformation and communication technologies for development"
# "57/270 B.\tIntegrated and coordinated implementation of ..."
# "ES-11/1. Aggression against Ukraine" (an emergency special session)
TITLE = re.compile(
    r"""^\s*(?P<number>
            (?P<session>\d{1,3}|ES-\d{1,2}|S-\d{1,2})/(?P<serial>\d{1,4})  # 64/187, ES-11/1
            (?:\s?(?P<part>[A-Z]))?                     # optional part letter: 57/270 B
        )\.[\t ]+(?P<title>\S(?:.*\S)?)\s*$""",   # the title, up to its last non-blank
    re.X | re.S,
)

# "The General Assembly," opens the preamble
# (without its comma when one unnumbered paragraph follows)
ASSEMBLY = re.compile(r"^\s*The\s+General\s+Assembly\s*(?:,\s*)?$")

# "66th plenary meeting" closes the resolution, followed by its date (on the next line of a
# text export; a PDF may set both as one block); "50th (resumed) plenary meeting" too.
CLOSING = re.compile(
    rf"""^\s*(?P<number>\d{{1,4}})(?:st|nd|rd|th)   # 66th
        (?:\s+\(resumed\))?                        # a resumed meeting
        \s+plenary\s+meeting
        (?:\s+(?P<date>{DATE}))?\s*$""",
    re.X,
)

# "\t6.\tAcknowledges that ..." (a numbered paragraph, once its leading tabs are gone)
NUMBERED = re.compile(r"^(?P<number>\d{1,3})\.[\t \u00a0\u202f]+(?P<text>\S.*)$", re.S)
# "26 Condemns ...": a number printed without its full stop (taken only where it is due next)
NUMBERED_BARE = re.compile(r"^(?P<number>\d{1,3})[\t \u00a0\u202f]+(?P<text>[A-Z]\S*.*)$", re.S)

# "(a)\tTo ...", "(ii)\tBy ...": a sub-paragraph
SUBPARAGRAPH = re.compile(r"^\((?P<label>[a-z]{1,2}|[ivxlc]{1,6})\)[\t ]+(?P<text>\S.*)$", re.S)

# "I", "II.", "A.\tFinancing", "IV\tFollow-up": a section heading label
HEADING = re.compile(
    r"""^(?P<label>[IVXLC]{1,6}|[A-Z])   # roman or capital letter
        (?:\.?$                           # the label alone (its title on the next line)
         |\.[\t ]+(?P<title>\S.*)$        # "A. Title"
         |\t+(?P<tabbed>\S.*)$)           # "I<tab>Title"
    """,
    re.X | re.S,
)

# "Annex", "Annex I", "Annex\tDeclaration on ..."
ANNEX = re.compile(
    r"""^\s*Annex
        (?:\s+(?P<label>[IVXLC]{1,6}|\d{1,2}))?   # "Annex II"
        (?:[\t ]+(?P<title>\S(?:.*\S)?))?       # a title on the same line
        \s*$""",
    re.X,
)

# "8 E/2009/92." A footnote line; its number is checked against the expected sequence.
FOOTNOTE = re.compile(r"^(?P<number>\d{1,3})[\t ]+(?P<text>\S.*)$")

# ODS markers and page furniture: never content, but some carry metadata.
ODS_JOB = re.compile(r"<<ODS JOB NO>>(?P<job>[^<]*)<<ODS JOB NO>>")
ODS_SYMBOL = re.compile(r"<<ODS DOC SYMBOL(?P<which>\d)>>(?P<symbol>[^<]*)<<ODS DOC SYMBOL\d>>")
# "United Nations A/RES/78/132 General Assembly Distr.: General" (a PDF's first lines, as one
# block) or "United NationsA/RES/64/187General AssemblyDistr.: General" (a text export's
# trailer, glued); a reissue marks the symbol with a star: "A/RES/78/68*".
MASTHEAD = re.compile(
    r"""^\s*United\s*Nations\s*(?P<symbol>A/RES/\S+?)\*?
        \s*General\s*Assembly
        \s*Distr\.:\s*(?P<distribution>\w+)
        (?:\s+(?P<rest>\S(?:.*\S)?))?\s*$""",
    re.X,
)
# The same two lines apart, as a PDF sets them in two sizes.
# A resolution in parts may name them: "A/RES/76/247 A-C".
MASTHEAD_SYMBOL = re.compile(
    r"^\s*United\s*Nations\s*(?P<symbol>A/RES/\S+?)\*?(?:\s(?P<parts>[A-Z][-\u2013][A-Z]))?\s*$")
MASTHEAD_DISTRIBUTION = re.compile(
    r"^\s*General\s*Assembly\s*Distr\.:\s*(?P<distribution>\w+)\s*$")
# "Original: English" (in two lines, as a PDF sets it right of the masthead)
LANGUAGE = re.compile(r"(?:Original:\s*)?(?:Arabic|Chinese|English|French|Russian|Spanish)?"
                      r"|Original:")
# A date printed without the space before its year ("4 December2024"): read, and reported.
LOOSE_DATE = re.compile(
    r"(?P<day>\d{1,2})\s*(?P<month>" + "|".join(MONTHS) + r")\s*(?P<year>\d{4})")
# "9 February 2010Sixty-fourth session" (the date glued to the session line)
DISTRIBUTED = re.compile(
    rf"""^\s*(?P<date>{DATE})                              # distribution date
        \s*(?P<session>[A-Z][a-z]+(?:-[a-z]+)?\s+(?:(?:emergency\s+)?special\s+)?session)
        \s*$""",
    re.X,
)
AGENDA = re.compile(r"^\s*Agenda\s+items?\s+(?P<items>\S(?:.*\S)?)\s*$")
# "Seventy-eighth session", "Eleventh emergency special session"
SESSION = re.compile(r"[A-Z][a-z]+(?:-[a-z]+)?\s+(?:(?:emergency\s+)?special\s+)?session")
def parse_date(text: str) -> date:
    """``"21 December 2009"`` -> ``date(2009, 12, 21)``; the text must match ``DATE``."""
    day, month, year = text.split()
    return date(int(year), MONTHS[month], int(day))


def split_items(text: str) -> tuple[str, ...]:
    """``"50"`` -> ("50",); ``"20 and 21 (a)"`` -> ("20", "21 (a)"); ``"9, 10 and 11"`` -> 3."""
    return tuple(item.strip() for item in _ITEM_SEPARATOR.split(text) if item.strip())


# ", " or " and " between agenda items; " and " only from the start of its blanks, so a long
# run of them is not tried again from each of its characters.
_ITEM_SEPARATOR = re.compile(r",\s*|(?<!\s)\s+and\s+")
