"""The alternative a user would pick: plain Material for MkDocs over the same resolutions.

``write_project(corpus_dir, out_dir)`` turns every text export of a synthetic corpus
(``benchmarks/synthetic.py``) into one hand-written-style Markdown page holding the same words
(its title as the page's heading, the adoption line, the preamble and the operative part under
their own headings, one Markdown paragraph per paragraph of the text), and writes an
``mkdocs.yml`` for the Material theme with its search plugin on and the pages kept out of the
navigation, as a site of thousands of pages would. ``benchmarks/run.py`` builds it side by side
with the atlas.
"""

from __future__ import annotations

import re
from pathlib import Path

CONFIG = """\
site_name: Plain Material
use_directory_urls: false
theme:
  name: material
  font: false
plugins:
  - search
not_in_nav: |
  /A/
  /more/
nav:
  - Home: index.md
"""

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]<>#+!|])")
_OPERATIVE = re.compile(r"(\d+)\.\t")


def page(export: str) -> tuple[str, str]:
    """(symbol, Markdown page) of one synthetic text export."""
    lines = [line.strip() for line in export.split("<<ODS")[0].splitlines()]
    adopted, report, heading = lines[0], lines[1], lines[2]
    number, title = heading.split(".\t", 1)
    body = [line for line in lines[3:] if line]
    preamble = [line for line in body if not _OPERATIVE.match(line)]
    operative = [_OPERATIVE.sub(r"\1\\. ", line, count=1) for line in body
                 if _OPERATIVE.match(line)]
    markdown = [f"# {number}. {_escape(title)}", "", _escape(adopted), "", _escape(report), "",
                "## Preamble", ""]
    markdown += [f"{_escape(line)}\n" for line in preamble]
    markdown += ["## Operative part", ""]
    markdown += [f"{_escape(line)}\n" for line in operative]
    return f"A/RES/{number}", "\n".join(markdown)


def _escape(text: str) -> str:
    return _MARKDOWN_SPECIAL.sub(r"\\\1", text)


def write_project(corpus_dir: Path, out_dir: Path, pages: int | None = None) -> Path:
    """A plain Material project of the corpus's pages in ``out_dir``; its mkdocs.yml.

    ``pages``: as many pages in all as that (the atlas's own count, which adds a comparison
    page per pair of consecutive resolutions of a series and its index pages): the pages
    beyond one per resolution hold a resolution's words again, under ``more/``."""
    docs = out_dir / "docs"
    docs.mkdir(parents=True, exist_ok=True)
    listing = []
    texts = [page(path.read_text(encoding="utf-8")) for path in sorted(corpus_dir.glob("*.txt"))]
    extra = max(0, (pages or 0) - len(texts) - 1)
    for folder, (symbol, markdown) in [("", t) for t in texts] + [
            ("more/", texts[n % len(texts)]) for n in range(extra if texts else 0)]:
        name = f"{folder}{symbol}" if folder == "" else f"{folder}{symbol}-{len(listing)}"
        target = docs / f"{name}.md"
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(markdown, encoding="utf-8")
        listing.append(f"- [{name}]({name}.md)")
    (docs / "index.md").write_text("# Resolutions\n\n" + "\n".join(listing) + "\n",
                                   encoding="utf-8")
    config = out_dir / "mkdocs.yml"
    config.write_text(CONFIG, encoding="utf-8")
    return config
