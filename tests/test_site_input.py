"""What users see when the input is hostile or bad: literal text, clear build failures."""

from __future__ import annotations

from html.parser import HTMLParser
from pathlib import Path

from .conftest import SOURCE_DIR, ods_text
from .sitebuild import build

NASTY = ("Takes note of <script>alert(1)</script>, *0947305*, [DU1], {{ x }}, &amp;, "
         "_emphasis_, **bold**, `code`, [link](http://example.org), <b>bold</b> | pipe # hash")


class _TextOf(HTMLParser):
    """Text content of the element with a given id (what a reader sees)."""

    def __init__(self, wanted: str) -> None:
        super().__init__(convert_charrefs=True)
        self.wanted, self.depth, self.parts = wanted, 0, []

    def handle_starttag(self, tag, attrs):
        if self.depth:
            self.depth += tag not in {"br", "img", "input", "meta", "link", "hr"}
        elif dict(attrs).get("id") == self.wanted:
            self.depth = 1

    def handle_endtag(self, tag):
        if self.depth:
            self.depth -= 1

    def handle_data(self, data):
        if self.depth:
            self.parts.append(data)


def text_of(html: str, element_id: str) -> str:
    parser = _TextOf(element_id)
    parser.feed(html)
    return " ".join("".join(parser.parts).split())


def test_resolution_text_is_never_markup(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    body = f"\tRecalling {NASTY},\n\t1.\t{NASTY.replace('Takes', 'Takes')};\n"
    (sources / "x.txt").write_text(ods_text(body, title="Title with <i>tags</i> & *stars*"),
                                   encoding="utf-8")
    result, site = build(tmp_path, sources)
    assert result.returncode == 0, result.stderr
    html = (site / "A/RES/70/999.html").read_text(encoding="utf-8")
    assert "<script>alert(1)</script>" not in html
    assert f"Recalling {NASTY}," in text_of(html, "pp1")
    assert f"{NASTY};" in text_of(html, "op1")
    assert "Title with <i>tags</i> & *stars*" in text_of(html, "resolution-title") or \
        "Title with &lt;i&gt;tags&lt;/i&gt; &amp; *stars*" in html


def test_bad_input_fails_strict_but_the_rest_builds(tmp_path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "good.txt").write_bytes((SOURCE_DIR / "A-RES-64-187.txt").read_bytes())
    (sources / "empty.txt").write_bytes(b"")
    (sources / "notes.txt").write_text("Not a resolution at all.\n", encoding="utf-8")
    result, site = build(tmp_path, sources, strict=False, name="lenient")
    assert result.returncode == 0, result.stderr
    assert (site / "A/RES/64/187.html").is_file()
    assert "empty.txt: empty file" in result.stderr
    assert "notes.txt:1: not a General Assembly resolution" in result.stderr
    strict, _ = build(tmp_path, sources, strict=True, name="strict")
    assert strict.returncode != 0
    assert "empty.txt: empty file" in strict.stderr


def test_offline_reader_gets_pages_at_symbol_paths(tmp_path: Path):
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "renamed-anything.txt").write_bytes(
        (SOURCE_DIR / "A-RES-66-184.txt").read_bytes())
    result, site = build(tmp_path, sources)
    assert result.returncode == 0, result.stderr
    assert (site / "A/RES/66/184.html").is_file()


def test_structured_resolution_renders_every_anchor(tmp_path: Path):
    from generator.parse import parse_text

    from .sitebuild import broken_links, page_links
    from .test_structure import SUBPARAGRAPHS

    body = SUBPARAGRAPHS.replace("\t1.\tDecides:", "\tI\n\tGeneral\n\t1.\tDecides:").replace(
        "\t2.\tRequests", "\tII.\tFollow-up\n\t2.\tRequests")
    text = ods_text(body).replace(
        "21 December 2015\n[DU1]",
        "21 December 2015\nAnnex\n\tDeclaration on things\n\tWe, the Heads of State,\n"
        "\t1.\tCommit ourselves:\n\t(a)\tTo act;\n[DU1]")
    sources = tmp_path / "src"
    sources.mkdir()
    (sources / "x.txt").write_text(text, encoding="utf-8")
    result, site = build(tmp_path, sources)
    assert result.returncode == 0, result.stderr
    resolution = parse_text(text)
    ids = page_links(site / "A/RES/70/999.html").ids
    expected = {p.id for p in resolution.paragraphs} | {h.id for h in resolution.headings}
    assert expected <= ids
    assert {"op1-b-i", "sec-ii", "annex", "annex-1-a"} <= ids
    assert broken_links(site) == []
