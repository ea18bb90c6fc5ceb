"""Every internal link and anchor of the built site lands, as LinkChecker sees it.

LinkChecker (a maintained checker nobody here wrote) starts at the home page opened from disk,
follows every local link recursively and, with its AnchorCheck plugin, checks that every
``page.html#anchor`` target exists. Links to the network (undocs.org) are only syntax-checked:
the tests run offline. LinkChecker does not check anchors within one page (``href="#op3"`` on
the page itself); tests/test_site.py's crawler checks those.
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

LINKCHECKER = Path(sys.executable).with_name("linkchecker")
CONFIG = """\
[filtering]
ignore=
  ^https?:
  ^mailto:
[AnchorCheck]
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


def test_no_broken_internal_link_or_anchor(readable_site: Path):
    problems = linkcheck(readable_site)
    assert not problems, "\n" + describe(problems)


def test_linkchecker_finds_a_broken_page_and_anchor(readable_site: Path):
    """A missing page and a missing anchor are both reported, so zero above means something."""
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
    finally:
        shutil.rmtree(broken)
    assert "#op99" in found and "64/999.html" in found, found
