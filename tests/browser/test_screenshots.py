"""Screenshots of a resolution page as readers see it: light, dark and on a phone.

Every run writes them to tests/artifacts/ (git-ignored) for a look; with UPDATE_SCREENSHOTS=1
it also refreshes the copies in screenshots/ that the README shows.
"""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from ..conftest import ROOT

ARTIFACTS = ROOT / "tests" / "artifacts"
KEPT = ROOT / "screenshots"

VIEWS = {
    "light": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "light"},
    "dark": {"viewport": {"width": 1280, "height": 900}, "color_scheme": "dark"},
    "phone": {"viewport": {"width": 390, "height": 844}, "color_scheme": "light",
              "device_scale_factor": 2, "is_mobile": True, "has_touch": True},
}
SCHEMES = {"light": "default", "dark": "slate", "phone": "default"}


@pytest.mark.parametrize("view", sorted(VIEWS))
def test_screenshot(browser, built_site: Path, view: str):
    context = browser.new_context(**VIEWS[view])
    page = context.new_page()
    page.goto((built_site / "A/RES/66/184.html").as_uri() + "#op3")
    page.wait_for_load_state("networkidle")
    scheme = page.locator("body").get_attribute("data-md-color-scheme")
    assert scheme == SCHEMES[view], f"the {view} palette is applied"
    _keep(page, f"resolution-{view}.png")


PAGES = {"compare": "compare/A-RES-64-187--A-RES-66-184.html#op3",
         "overview": "overview.html",
         "see-also": "A/RES/66/184.html#see-also"}


@pytest.mark.parametrize("name", sorted(PAGES))
def test_screenshot_of_relations(browser, built_site: Path, name: str):
    """The comparison page, the overview and the resolution's "See also" panel (light)."""
    context = browser.new_context(**VIEWS["light"])
    page = context.new_page()
    path, _, anchor = PAGES[name].partition("#")
    page.goto((built_site / path).as_uri() + (f"#{anchor}" if anchor else ""))
    page.wait_for_load_state("networkidle")
    _keep(page, f"{name}.png")


def _keep(page, name: str) -> None:
    """Save the screenshot among the artifacts (and for the README when asked), then close."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    shot = ARTIFACTS / name
    page.screenshot(path=str(shot))
    page.context.close()
    assert shot.stat().st_size > 20_000, "a blank page would be a few KB"
    if os.environ.get("UPDATE_SCREENSHOTS"):
        KEPT.mkdir(exist_ok=True)
        shutil.copyfile(shot, KEPT / shot.name)
