"""Whatever goes wrong with one source, in any stage, is a reported problem naming its file;
every other page is written, and `mkdocs build --strict` fails at the end.

The failures here are planted (no input is known to crash a stage any more): each stage in
turn is made to fail on one resolution, as an unforeseen bug would.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from generator import lineage, link, relations, render
from generator.errors import Problem, printable
from generator.pipeline import collect
from generator.render import render_site

from .conftest import ROOT, SOURCE_DIR
from .sitebuild import build

BAD = "A/RES/66/184"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "src"
    folder.mkdir()
    for name in ("A-RES-64-187.txt", "A-RES-66-184.txt", "A-RES-78-132.pdf"):
        shutil.copy(SOURCE_DIR / name, folder / name)
    return folder


def fails_on_bad(original):
    def stage(*args, **kwargs):
        resolutions = args[0]
        if isinstance(resolutions, tuple | list) and any(
                getattr(r, "symbol", None) == BAD for r in resolutions):
            raise TypeError("'<' not supported between instances of 'NoneType' and 'date'")
        return original(*args, **kwargs)
    return stage


@pytest.mark.parametrize("stage", ["lineage", "relations"])
def test_a_corpus_stage_failing_on_one_resolution_leaves_it_out(sources, monkeypatch, stage):
    if stage == "lineage":
        monkeypatch.setattr("generator.pipeline.with_lineage",
                            fails_on_bad(lineage.with_lineage))
    else:
        monkeypatch.setattr("generator.pipeline.with_relations",
                            fails_on_bad(relations.with_relations))
    site = collect(sources, root=sources.parent)
    symbols = [r.symbol for r in site.linked.resolutions]
    assert symbols == ["A/RES/64/187", "A/RES/78/132"]
    [problem] = [p for p in site.problems if "could not be" in p.message]
    assert problem.file == "src/A-RES-66-184.txt"
    assert "TypeError" in problem.message and "the rest of the site is built" in problem.message
    others = {c.symbol for r in site.linked.resolutions for c in r.cited_by}
    assert BAD not in others  # no other resolution lists it or links to it


def fail_method_on_bad(monkeypatch, owner: type, name: str, error: Exception) -> None:
    """``owner.name(self, resolution)`` raises ``error`` for BAD, as a bug nobody foresaw."""
    original = getattr(owner, name)

    def method(self, r):
        if r.symbol == BAD:
            raise error
        return original(self, r)

    monkeypatch.setattr(owner, name, method)


def test_linking_failing_on_one_resolution_publishes_it_unlinked(sources, monkeypatch):
    fail_method_on_bad(monkeypatch, link._Linker, "resolution",
                       KeyError("a citation nobody foresaw"))
    site = collect(sources, root=sources.parent)
    assert BAD in [r.symbol for r in site.linked.resolutions]
    assert any(p.file == "src/A-RES-66-184.txt" and "could not be linked" in p.message
               for p in site.problems)


@pytest.fixture
def undrawable(monkeypatch):
    """The page of BAD cannot be drawn, as with a template nobody foresaw."""
    fail_method_on_bad(monkeypatch, render.SiteRenderer, "resolution_body",
                       ValueError("a template nobody foresaw"))


def test_a_page_that_cannot_be_drawn_costs_only_itself(sources, undrawable):
    site = collect(sources, root=sources.parent)
    rendered = render_site(site.linked, ROOT / "templates", site.data)
    assert "A/RES/64/187.md" in rendered.files
    assert "index.md" in rendered.files and "overview.md" in rendered.files
    [problem] = rendered.problems
    assert problem.file == "src/A-RES-66-184.txt" and "could not be drawn" in problem.message
    # in its place a short page, so that the links to it from the others still land
    short = rendered.files["A/RES/66/184.md"]
    assert "This page could not be drawn" in short and "a template nobody foresaw" in short
    assert 'href="https://undocs.org/en/A/RES/66/184"' in short
    assert "A/RES/66/184.json" not in rendered.files
    from markupsafe import escape
    bad = next(r for r in site.linked.resolutions if r.symbol == BAD)
    assert all(str(escape(p.text)) in short for p in bad.paragraphs)  # the text, still there
    assert all(str(escape(f.text)) in short for f in bad.footnotes)


def test_the_build_goes_on_and_strict_fails_at_the_end(sources, tmp_path, monkeypatch):
    """The real build, in this process so that the planted failure reaches the plugin."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config
    from mkdocs.exceptions import Abort

    from .sitebuild import write_config

    monkeypatch.setattr("generator.pipeline.with_lineage", fails_on_bad(lineage.with_lineage))
    site_dir = tmp_path / "site"
    config_file = write_config(tmp_path, sources, site_dir)
    mkdocs_build(load_config(str(config_file), strict=False))
    assert (site_dir / "A/RES/64/187.html").is_file()
    assert (site_dir / "A/RES/78/132.html").is_file()
    assert not (site_dir / "A/RES/66/184.html").exists()
    with pytest.raises(Abort):
        mkdocs_build(load_config(str(config_file), strict=True))


def test_a_file_name_cannot_forge_log_lines(tmp_path: Path):
    folder = tmp_path / "src"
    folder.mkdir()
    shutil.copy(SOURCE_DIR / "A-RES-64-187.txt", folder / "good.txt")
    evil = "evil\nINFO    -  Documentation built\x1b[2K\u202e.txt"
    (folder / evil).write_text("not a resolution\n", encoding="utf-8")
    result, _ = build(tmp_path, folder, strict=False)
    assert result.returncode == 0, result.stderr
    lines = result.stderr.splitlines()
    [line] = [x for x in lines if "evil" in x]
    assert "evil\\nINFO    -  Documentation built\\x1b[2K\\u202e.txt" in line
    assert not any(x.startswith("INFO    -  Documentation built\x1b") for x in lines)


@pytest.mark.parametrize(("text", "shown"), [
    ("a\nb", "a\\nb"), ("tab\there", "tab\\there"), ("\x1b[31mred", "\\x1b[31mred"),
    ("\u202eevil", "\\u202eevil"), ("caf\u00e9 \u201cok\u201d", "caf\u00e9 \u201cok\u201d"),
    ("back\\slash", "back\\\\slash"),
])
def test_printable(text, shown):
    assert printable(text) == shown
    assert str(Problem(text, "m")) == f"{shown}: m"


def test_a_page_that_cannot_be_drawn_leaves_no_link_dangling(sources, tmp_path, undrawable):
    """Built for real: the short page stands where the page would, every link lands."""
    from mkdocs.commands.build import build as mkdocs_build
    from mkdocs.config import load_config

    from .sitebuild import broken_links, write_config

    site_dir = tmp_path / "site"
    mkdocs_build(load_config(str(write_config(tmp_path, sources, site_dir)), strict=False))
    short = (site_dir / "A/RES/66/184.html").read_text(encoding="utf-8")
    assert "This page could not be drawn" in short
    assert 'href="../66/184.html' in (site_dir / "A/RES/64/187.html").read_text(encoding="utf-8")
    assert broken_links(site_dir) == []
