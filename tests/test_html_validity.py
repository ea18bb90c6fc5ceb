"""The built site is valid HTML, as the Nu Html Checker (the W3C validator's engine) sees it.

One JVM run checks every page and our stylesheet. Messages are filtered only when the markup is
the theme's own and we cannot change it without forking a whole template; each filter names the
exact message, the markup it applies to, and why.
"""

from __future__ import annotations

import json
import subprocess
from dataclasses import dataclass
from pathlib import Path

from .checkers import vnu_command


@dataclass(frozen=True)
class Accepted:
    """One message we accept: its exact text, a piece of the offending markup, and why."""

    message: str
    extract: str
    reason: str


ACCEPTED = (
    Accepted(
        message="Attribute “autocomplete” is only allowed when the input type is “color”, "
                "“date”, “datetime-local”, “email”, “hidden”, “month”, “number”, “password”, "
                "“range”, “search”, “tel”, “text”, “time”, “url”, or “week”.",
        extract='data-md-toggle=',
        reason="Material's base.html puts autocomplete=off on its hidden drawer and search "
               "checkboxes so Firefox does not restore their state on back navigation "
               "(squidfunk/mkdocs-material#1488); harmless, and only a fork of base.html "
               "would remove it.",
    ),
)


def _accepted(message: dict) -> bool:
    return any(message.get("message") == rule.message and rule.extract in message.get("extract", "")
               for rule in ACCEPTED)


def _check(paths: list[Path], *options: str) -> list[dict]:
    result = subprocess.run([*vnu_command(), "--format", "json", *options, *map(str, paths)],
                            capture_output=True, text=True, timeout=600)
    return json.loads(result.stderr)["messages"]


def _report(messages: list[dict], root: Path) -> str:
    return "\n".join(
        f"{msg.get('url', '').split(str(root), 1)[-1]}:{msg.get('lastLine', '?')}: "
        f"{msg.get('type')}: {msg.get('message')}  [{msg.get('extract', '').strip()}]"
        for msg in messages)


def test_every_page_and_stylesheet_is_valid(seed_site: Path):
    pages = sorted(seed_site.rglob("*.html"))
    assert len(pages) >= 7, pages
    messages = _check(pages, "--errors-only")
    messages += _check([seed_site / "assets" / "atlas.css"], "--css", "--errors-only")
    problems = [msg for msg in messages if not _accepted(msg)]
    assert not problems, "\n" + _report(problems, seed_site)


def test_the_checker_finds_errors(tmp_path: Path):
    """A broken page is reported, so an empty result above means something."""
    broken = tmp_path / "broken.html"
    broken.write_text('<!doctype html><html lang="en"><title>x</title><p id="a" id="a">x</ul>',
                      encoding="utf-8")
    assert _check([broken], "--errors-only")
