"""Accessibility as axe-core (Deque's engine, injected by Playwright) judges the rendered pages.

Zero serious or critical violations on the pages readers land on, in the light and the dark
palette (chosen as a reader's system setting chooses it). Where a violation was the theme's,
templates/overrides/assets/atlas.css overrides it; nothing is excluded from the audit.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..checkers import axe_source

PAGES = ["index.html", "A/RES/64/187.html", "A/RES/66/184.html", "sessions/index.html",
         "overview.html", "compare/A-RES-64-187--A-RES-66-184.html"]
SCHEMES = {"light": "default", "dark": "slate"}
BLOCKING = ("serious", "critical")


def audit(browser, url: str, scheme: str) -> list[dict]:
    """axe-core's violations on ``url`` as seen in the ``scheme`` palette."""
    context = browser.new_context(color_scheme=scheme, viewport={"width": 1280, "height": 900})
    try:
        page = context.new_page()
        page.goto(url)
        page.wait_for_load_state("networkidle")
        applied = page.locator("body").get_attribute("data-md-color-scheme")
        assert applied == SCHEMES[scheme], f"the {scheme} palette is applied"
        page.add_script_tag(content=axe_source())
        result = page.evaluate("""async () => await axe.run(document, {
            runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa",
                                            "best-practice"]},
            resultTypes: ["violations"]})""")
        return result["violations"]
    finally:
        context.close()


def describe(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(f"{violation['impact']}: {violation['id']}: {violation['help']}")
        for node in violation["nodes"][:5]:
            summary = node.get("failureSummary", "").strip().splitlines()[-1:]
            lines.append(f"    {node['target']}: {' '.join(summary)}")
    return "\n".join(lines)


@pytest.mark.parametrize("scheme", sorted(SCHEMES))
@pytest.mark.parametrize("path", PAGES)
def test_no_serious_violations(browser, built_site: Path, path: str, scheme: str):
    violations = audit(browser, (built_site / path).as_uri(), scheme)
    blocking = [v for v in violations if v["impact"] in BLOCKING]
    assert not blocking, "\n" + describe(blocking)


def test_axe_finds_a_violation(browser, tmp_path: Path):
    """An unlabelled image and grey-on-grey text are reported, so zero above means something."""
    page = tmp_path / "bad.html"
    page.write_text('<!doctype html><html lang="en"><title>x</title><body>'
                    '<div data-md-color-scheme="default"></div>'
                    '<img src="x.png"><p style="color:#999;background:#aaa">faint</p>',
                    encoding="utf-8")
    context = browser.new_context()
    try:
        tab = context.new_page()
        tab.goto(page.as_uri())
        tab.add_script_tag(content=axe_source())
        found = tab.evaluate("async () => (await axe.run()).violations.map(v => v.id)")
    finally:
        context.close()
    assert {"image-alt", "color-contrast"} <= set(found)
