"""Every internal link of the built site lands, as LinkChecker sees it; every anchor too.

LinkChecker (a maintained checker nobody here wrote) starts at the home page opened from disk
and follows every local link recursively: each page, stylesheet, script, JSON file and PDF
must exist. Links to the network (undocs.org) are only syntax-checked: the tests run offline.
Anchors (``page.html#op3``) are checked by tests/sitebuild.py's crawler, which reads each page
once: LinkChecker's AnchorCheck plugin reads and parses the whole target page again for every
anchor URL, which took ten minutes on the five resolutions of the default collection (some
600 paragraph links, pages of 250 kB).
"""

from __future__ import annotations

import csv
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from .sitebuild import broken_links

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[filtering]
ignore=
  ^https?:
  ^mailto:
# The official PDFs beside the pages: checked that they are there, never read for links.
nofollow=
  \\.pdf$
"""


@pytest.fixture(scope="module")
def readable_site(seed_site: Path) -> Iterator[Path]:
    """A world-readable copy of the site: LinkChecker run as root drops to user nobody."""
    with tempfile.TemporaryDirectory(prefix="atlas-links-") as folder:
        root = Path(folder)
        shutil.copytree(seed_site, root / "site")
        for path in [root, *root.rglob("*")]:
            path.chmod(0o755 if path.is_dir() else 0o644)
        (root / "linkcheckerrc").write_text(CONFIG, encoding="utf-8")
        (root / "linkcheckerrc").chmod(0o644)
        yield root


def linkcheck(root: Path) -> list[dict[str, str]]:
    """LinkChecker's errors and warnings for the site under ``root``, one dict per problem."""
    assert LINKCHECKER.exists(), f"{LINKCHECKER} is missing: run `make test` (installs the lock)"
    result = subprocess.run(
        [str(LINKCHECKER), "--config", str(root / "linkcheckerrc"), "--no-status",
         "--output", "csv", str(root / "site" / "index.html")],
        capture_output=True, text=True, timeout=600, cwd=root,
        env={**os.environ, "HOME": str(root)})
    rows = [line for line in result.stdout.splitlines() if line and not line.startswith("#")]
    assert rows, f"LinkChecker printed no report:\n{result.stderr}"
    problems = list(csv.DictReader(rows, delimiter=";"))
    assert problems or result.returncode == 0, result.stderr
    return problems


def describe(problems: list[dict[str, str]]) -> str:
    return "\n".join(f"{row['parentname']}:{row['line']}: {row['urlname']}: "
                     f"{row['result'] or row['warningstring']}"[:400] for row in problems)


def test_no_broken_internal_link(readable_site: Path):
    problems = linkcheck(readable_site)
    assert not problems, "\n" + describe(problems)


def test_no_broken_anchor(readable_site: Path):
    assert broken_links(readable_site / "site") == []


def test_a_broken_page_and_anchor_are_found(readable_site: Path):
    """A missing page (LinkChecker) and a missing anchor (the crawler) are both reported, so
    zero above means something."""
    broken = Path(tempfile.mkdtemp(prefix="atlas-links-broken-"))
    try:
        shutil.copytree(readable_site, broken, dirs_exist_ok=True)
        broken.chmod(0o755)
        home = broken / "site" / "index.html"
        html = home.read_text(encoding="utf-8")
        html = html.replace('href="A/RES/66/184.html"', 'href="A/RES/66/184.html#op99"', 1)
        html = html.replace('href="A/RES/64/187.html"', 'href="A/RES/64/999.html"', 1)
        home.write_text(html, encoding="utf-8")
        found = describe(linkcheck(broken))
        anchors = broken_links(broken / "site")
    finally:
        shutil.rmtree(broken)
    assert "64/999.html" in found, found
    assert any("#op99 (no such anchor)" in a for a in anchors), anchors
