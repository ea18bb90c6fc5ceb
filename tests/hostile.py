"""A collection whose text tries to become markup or script, for the tests of inert text.

The two seeds, with payloads planted where resolution text reaches the reader: both titles
(so the series, its comparison page, the citation previews, the index tables, the overview,
the cited documents and every ``<title>`` carry one), a preambular and an operative paragraph
(carried into 66/184, so see-also diffs and the comparison page show them), a footnote (the
marker's hover text), a paragraph citation of 64/187 op6 from 66/184 (its preview quotes the
payload), and the file names: 64/187 is read from a file named like a tag, and a refused file
so named reaches the build log. Every payload is a distinct ``alert(n)``, so a dialog that
fires says where it came from.
"""

from __future__ import annotations

from pathlib import Path

from .conftest import SOURCE_DIR

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
SVG = "<svg onload=alert(3)>"
JS_URL = "javascript:alert(4)"
NOTE_IMG = "<img src=x onerror=alert(5)>"
ENTITIES = "&amp; &lt;b&gt;"
TEMPLATE = "{{ 7*7 }}"
EMPHASIS = "*emphasis*"
STASH = "\x02wzxhzdk:0\x03"  # Python-Markdown's own placeholder for a raw HTML block

TITLE_TAIL = f" {IMG} {ENTITIES} {TEMPLATE} {STASH}"
TITLE_64 = "Information and communication technologies for development" + TITLE_TAIL
TITLE_66 = "Information and communications technologies for development" + TITLE_TAIL
# 64/187 pp2 and op6 (carried into 66/184 pp15 and op3 by lineage)
PP2_PLANT = f"cultural diversity {SCRIPT} {ENTITIES} is the common heritage"
OP6_PLANT = f"a gender divide {SVG} {JS_URL} {EMPHASIS} {TEMPLATE} exists"
NOTE_8 = f"E/2009/92. {NOTE_IMG} {ENTITIES} {TEMPLATE}"
# 66/184 op3 cites 64/187 op6, so its link previews op6's words
CITING = "recalling paragraph 6 of its resolution 64/187,"
FILE_64 = "<img src=x onerror=alert(6)> &amp; {{ 7*7 }}.txt"
REFUSED = "<svg onload=alert(7)> &lt;.txt"

PAYLOADS = (IMG, SCRIPT, SVG, JS_URL, NOTE_IMG, ENTITIES, TEMPLATE, EMPHASIS, STASH)


def _plant(text: str, old: str, new: str) -> str:
    assert text.count(old) == 1, old
    return text.replace(old, new)


def write_hostile_sources(folder: Path) -> Path:
    """Write the collection into ``folder`` (created) and return it."""
    folder.mkdir(parents=True, exist_ok=True)
    first = (SOURCE_DIR / "A-RES-64-187.txt").read_text(encoding="utf-8")
    first = _plant(first, "64/187.\tInformation and communication technologies for development\n",
                   f"64/187.\t{TITLE_64}\n")
    first = _plant(first, "Noting that cultural diversity is the common heritage",
                   f"Noting that {PP2_PLANT}")
    first = _plant(first, "Acknowledges that a gender divide exists",
                   f"Acknowledges that {OP6_PLANT}")
    first = _plant(first, "\n8 E/2009/92.\n", f"\n8 {NOTE_8}\n")
    second = (SOURCE_DIR / "A-RES-66-184.txt").read_text(encoding="utf-8")
    second = _plant(second,
                    "66/184.\tInformation and communications technologies for development\n",
                    f"66/184.\t{TITLE_66}\n")
    second = _plant(second, "Noting also that cultural diversity is the common heritage",
                    f"Noting also that {PP2_PLANT}")
    second = _plant(second, "Acknowledges that a gender divide exists as part of the digital "
                    "divide, and", f"Acknowledges that {OP6_PLANT} as part of the digital "
                    f"divide, {CITING} and")
    (folder / FILE_64).write_text(first, encoding="utf-8")
    (folder / "A-RES-66-184.txt").write_text(second, encoding="utf-8")
    (folder / REFUSED).write_text("Not a resolution at all.\n", encoding="utf-8")
    return folder
