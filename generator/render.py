"""Render stage: a corpus -> the site's source files (Markdown pages and JSON), as strings.

No MkDocs here: ``render_site`` returns ``{site source path: content}`` and the plugin hands
those to MkDocs, so the pages can be tested, diffed and read without building a site.

Why the pages are Markdown files made of raw HTML: MkDocs needs ``.md`` sources for its nav,
search and theme, but resolution text must reach the reader exactly as published. Every piece of
resolution text is HTML-escaped by Jinja's autoescape and placed inside a block-level HTML
element that starts at the beginning of a line; Python-Markdown stores such blocks untouched
(its "raw HTML" stash), so no Markdown, attribute-list or typography extension ever sees the
text. Only fixed words of our own (headings of index pages, link labels) are written as
Markdown.

Links between generated pages are relative hrefs computed from the pages' paths (links inside
raw HTML are not rewritten by MkDocs), so they work from ``file://`` and under any path prefix.
"""

from __future__ import annotations

import html
import json
import posixpath
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal
from urllib.parse import quote

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape
from markupsafe import Markup, escape

from .model import Footnote, Heading, Paragraph, Resolution, dump_json
from .typography import split_lead

if TYPE_CHECKING:
    from .corpus import Corpus

MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
          "September", "October", "November", "December")


# --- Paths and links -----------------------------------------------------------------------


def page_path(resolution: Resolution) -> str:
    """Site source path of a resolution's page: the symbol itself, ``A/RES/64/187.md``."""
    return f"{resolution.symbol}.md"


def json_path(resolution: Resolution) -> str:
    """The published JSON stands beside the page: ``A/RES/64/187.json``."""
    return f"{resolution.symbol}.json"


def output_url(src_path: str, directory_urls: bool = False) -> str:
    """Where MkDocs writes ``src_path``: ``a/b.md`` -> ``a/b.html`` (or ``a/b/``)."""
    if not src_path.endswith(".md"):
        return src_path
    stem = src_path[: -len(".md")]
    if not directory_urls:
        return stem + ".html"
    if stem == "index" or stem.endswith("/index"):
        return stem[: -len("index")]
    return stem + "/"


def relative_href(from_src: str, to_src: str, directory_urls: bool = False) -> str:
    """Relative link from the page built from ``from_src`` to the file built from ``to_src``."""
    source = output_url(from_src, directory_urls)
    target = output_url(to_src, directory_urls)
    base = posixpath.dirname(source) if not source.endswith("/") else source.rstrip("/")
    href = quote(posixpath.relpath(target or ".", base or "."))  # a space in a symbol -> %20
    is_folder = target == "" or target.endswith("/")  # directory URLs: "sessions/", the root
    return href + "/" if is_folder else href


def official_url(symbol: str) -> str:
    """The UN Official Document System link for any document symbol."""
    return f"https://undocs.org/en/{symbol}"


# --- Words for facts -----------------------------------------------------------------------


def long_date(day: date) -> str:
    """"21 December 2009", as UN documents print dates (no locale involved)."""
    return f"{day.day} {MONTHS[day.month - 1]} {day.year}"


def ordinal_suffix(number: int) -> str:
    """"66th", "91st", "112th": how the plenary meeting line is printed."""
    if 10 <= number % 100 <= 20:
        return f"{number}th"
    return f"{number}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(number % 10, 'th') }"


_UNITS = ("", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten",
          "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen",
          "eighteen", "nineteen")
_UNIT_ORDINALS = ("", "first", "second", "third", "fourth", "fifth", "sixth", "seventh",
                  "eighth", "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth",
                  "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth")
_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")


def ordinal_words(number: int) -> str:
    """64 -> "sixty-fourth": sessions are named in words ("Sixty-fourth session")."""
    if number <= 0 or number >= 1000:
        return ordinal_suffix(number)
    hundreds, rest = divmod(number, 100)
    if hundreds:
        head = f"{_UNITS[hundreds]} hundred"
        return f"{head} and {ordinal_words(rest)}" if rest else f"{head}th"
    if rest < 20:
        return _UNIT_ORDINALS[rest]
    tens, unit = divmod(rest, 10)
    if not unit:
        return _TENS[tens][:-1] + "ieth"
    return f"{_TENS[tens]}-{_UNIT_ORDINALS[unit]}"


def session_name(session: int) -> str:
    """"Sixty-fourth session"."""
    words = ordinal_words(session)
    return f"{words[0].upper()}{words[1:]} session"


def symbol_key(symbol: str) -> tuple[tuple[int, int | str], ...]:
    """Sort A/RES/64/99 < A/RES/64/187 < A/RES/64/1000: numbers as numbers."""
    return tuple((0, int(part)) if part.isdigit() else (1, part)
                 for part in re.split(r"(\d+)", symbol))


# --- Front matter --------------------------------------------------------------------------

# Characters YAML refuses even inside a double-quoted scalar (C1 controls, DEL, surrogates).
_YAML_UNPRINTABLE = re.compile("[\x7f-\x84\x86-\x9f\ud800-\udfff\ufffe\uffff]")


def yaml_string(value: str) -> str:
    """A double-quoted YAML scalar for any text (JSON string syntax is valid YAML)."""
    quoted = json.dumps(value, ensure_ascii=False)
    return _YAML_UNPRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def meta_html(value: str) -> Markup:
    """A front-matter value for a field the theme prints *as HTML* (title, description).

    Material inserts ``page.meta.title`` into ``<title>``, the header and the search index
    without escaping, so the value is escaped once here and then YAML-quoted.
    """
    return Markup(yaml_string(html.escape(value, quote=True)))


# --- Escaping ----------------------------------------------------------------------------

# Escaping for HTML is not quite enough inside a Markdown file: a few Markdown preprocessors
# read the whole page before raw HTML is set aside (pymdownx.critic acts on "{++", Markdown
# itself drops its STX/ETX placeholder characters and expands tabs), and a newline in the text
# could end a raw HTML block early. As character references these are the same text to the
# browser and nothing to Markdown.
_MARKDOWN_SENSITIVE = str.maketrans({
    "{": "&#123;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;", "\x02": "&#2;", "\x03": "&#3;",
})


def html_text(value: object) -> Markup:
    """Any value as literal text in HTML inside Markdown; ``Markup`` is trusted as is.

    Installed as Jinja's ``finalize``, so every ``{{ value }}`` of every template gets it.
    """
    if isinstance(value, Markup):
        return value
    return Markup(str(escape(value)).translate(_MARKDOWN_SENSITIVE))


# --- Paragraph text with its markers --------------------------------------------------------


@dataclass(frozen=True)
class Segment:
    """A run of paragraph text, in italics (``lead``) or not, or a footnote marker."""

    kind: Literal["text", "lead", "marker"]
    text: str = ""
    number: int = 0  # footnote number, for markers
    ref_id: str = ""  # the marker's own id: "fnref-op6-2"
    note: str = ""  # the footnote's text, shown on hover


def marker_ids(paragraph: Paragraph) -> list[str]:
    """One unique id per marker: ``fnref-op6-2``, then ``fnref-op6-2-2`` for a repeat."""
    seen: dict[int, int] = defaultdict(int)
    ids = []
    for number in paragraph.footnotes:
        seen[number] += 1
        suffix = f"-{seen[number]}" if seen[number] > 1 else ""
        ids.append(f"fnref-{paragraph.id}-{number}{suffix}")
    return ids


def segments(paragraph: Paragraph, notes: dict[int, Footnote], lead_length: int = 0
             ) -> list[Segment]:
    """Cut the text at its marker offsets and at the end of the italic lead.

    The text is only ever cut, never changed: joining the text segments gives
    ``paragraph.text`` back, and each marker stands exactly at its recorded offset.
    """
    text = paragraph.text
    result: list[Segment] = []
    position = 0
    for (number, offset), ref_id in zip(paragraph.markers, marker_ids(paragraph), strict=True):
        offset = min(max(offset, position), len(text))  # markers come in text order
        result += _runs(text, position, offset, lead_length)
        note = notes.get(number)
        result.append(Segment("marker", number=number, ref_id=ref_id,
                              note=note.text if note else ""))
        position = offset
    return result + _runs(text, position, len(text), lead_length)


def _runs(text: str, start: int, end: int, lead_length: int) -> list[Segment]:
    """``text[start:end]`` as up to two runs: the part inside the italic lead, then the rest."""
    middle = min(max(lead_length, start), end)
    runs = (("lead", start, middle), ("text", middle, end))
    return [Segment(kind, text[a:b]) for kind, a, b in runs if b > a]  # type: ignore[arg-type]


@dataclass(frozen=True)
class ParagraphView:
    """What the template needs to draw one paragraph."""

    id: str
    kind: str
    depth: int
    label: str
    segments: list[Segment]


def paragraph_view(paragraph: Paragraph, notes: dict[int, Footnote]) -> ParagraphView:
    """Only top-level preambular and operative paragraphs get UN-style italic lead words."""
    kind = paragraph.kind if paragraph.depth == 0 else "sub-paragraph"
    lead, _ = split_lead(paragraph.text, kind)
    return ParagraphView(paragraph.id, paragraph.kind, paragraph.depth, paragraph.label,
                         segments(paragraph, notes, len(lead)))


# --- The body of a resolution, in reading order ---------------------------------------------


@dataclass(frozen=True)
class Block:
    """One item of the body: a part heading of ours, a heading of the text, or a paragraph."""

    kind: Literal["part", "heading", "paragraph"]
    id: str = ""
    title: str = ""  # part headings
    heading: Heading | None = None
    level: int = 3  # h2 for annexes, h3 for sections
    paragraph: ParagraphView | None = None


PARTS = {"preambular": ("preamble", "Preamble"), "operative": ("operative", "Operative part")}


def body_blocks(resolution: Resolution) -> Iterator[Block]:
    """Paragraphs in order, each preceded by the headings it stands under (each heading once).

    "Preamble" and "Operative part" are headings of ours: they give the search index and the
    reader a place to land; an annex brings its own heading ("Annex", id ``annex``).
    """
    notes = {f.number: f for f in resolution.footnotes}
    headings = list(resolution.headings)
    emitted: set[str] = set()
    part = None
    for paragraph in resolution.paragraphs:
        if paragraph.kind != part and paragraph.kind in PARTS:
            part_id, title = PARTS[paragraph.kind]
            yield Block("part", id=part_id, title=title)
        part = paragraph.kind
        if paragraph.section and paragraph.section not in emitted:
            yield from _headings_until(headings, paragraph.section, emitted)
        yield Block("paragraph", id=paragraph.id, paragraph=paragraph_view(paragraph, notes))
    yield from _headings_until(headings, None, emitted)


def _headings_until(headings: list[Heading], until: str | None, emitted: set[str]
                    ) -> Iterator[Block]:
    """Headings not yet shown, up to ``until`` (all of them when ``until`` is None)."""
    for heading in headings:
        if heading.id in emitted:
            continue
        emitted.add(heading.id)
        level = 2 if heading.id.startswith("annex") else 3
        yield Block("heading", id=heading.id, heading=heading, level=level)
        if heading.id == until:
            return


@dataclass(frozen=True)
class BackLink:
    ref_id: str
    paragraph_id: str
    label: str  # "op6", "op6 (2)" for a second marker in the same paragraph


def back_links(resolution: Resolution) -> dict[int, list[BackLink]]:
    """For each footnote, every marker that points to it, in text order."""
    links: dict[int, list[BackLink]] = defaultdict(list)
    for paragraph in resolution.paragraphs:
        seen: dict[int, int] = defaultdict(int)
        for number, ref_id in zip(paragraph.footnotes, marker_ids(paragraph), strict=True):
            seen[number] += 1
            label = paragraph.id if seen[number] == 1 else f"{paragraph.id} ({seen[number]})"
            links[number].append(BackLink(ref_id, paragraph.id, label))
    return dict(links)


# --- The site ------------------------------------------------------------------------------


def make_environment(templates_dir: Path) -> Environment:
    """Jinja set up so that forgetting to escape is impossible and typos fail loudly."""
    env = Environment(
        loader=FileSystemLoader(str(templates_dir)),
        autoescape=select_autoescape(enabled_extensions=("html", "md"), default=True,
                                     default_for_string=True),
        undefined=StrictUndefined,
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
        finalize=html_text,
    )
    env.filters["long_date"] = long_date
    env.filters["ordinal_suffix"] = ordinal_suffix
    env.filters["meta_html"] = meta_html
    env.globals["official_url"] = official_url
    env.globals["session_name"] = session_name
    return env


@dataclass(frozen=True)
class Row:
    """One resolution in an index table, with its link from the page showing the table."""

    resolution: Resolution
    href: str


class SiteRenderer:
    """Renders every page; knows where each page lives so it can link between them."""

    def __init__(self, resolutions: Iterable[Resolution], templates_dir: Path,
                 directory_urls: bool = False) -> None:
        self.resolutions = sorted(resolutions, key=lambda r: symbol_key(r.symbol))
        self.env = make_environment(templates_dir)
        self.directory_urls = directory_urls

    def href(self, from_src: str, to_src: str) -> str:
        return relative_href(from_src, to_src, self.directory_urls)

    def rows(self, from_src: str, resolutions: Iterable[Resolution]) -> list[Row]:
        return [Row(r, self.href(from_src, page_path(r))) for r in resolutions]

    def render(self, template: str, **context: object) -> str:
        return self.env.get_template(template).render(**context)

    def files(self) -> dict[str, str]:
        files: dict[str, str] = {}
        for resolution in self.resolutions:
            files[page_path(resolution)] = self.resolution_page(resolution)
            files[json_path(resolution)] = dump_json(resolution)
        files["index.md"] = self.render("home.md", rows=self.rows("index.md", self.resolutions))
        files.update(self.group_pages("sessions", "session", lambda r: r.session))
        files.update(self.group_pages("years", "year", lambda r: r.adopted.year))
        return dict(sorted(files.items()))

    def resolution_page(self, resolution: Resolution) -> str:
        src = page_path(resolution)
        return self.render(
            "resolution.md",
            r=resolution,
            blocks=list(body_blocks(resolution)),
            back_links=back_links(resolution),
            json_href=self.href(src, json_path(resolution)),
            session_href=self.href(src, f"sessions/{resolution.session}.md"),
            year_href=self.href(src, f"years/{resolution.adopted.year}.md"),
            home_href=self.href(src, "index.md"),
        )

    def group_pages(self, folder: str, kind: str, key) -> dict[str, str]:
        """``<folder>/index.md`` listing the groups, and one ``<folder>/<key>.md`` per group."""
        groups: dict[int, list[Resolution]] = defaultdict(list)
        for resolution in self.resolutions:
            groups[key(resolution)].append(resolution)
        index_src = f"{folder}/index.md"
        files = {}
        listing = []
        for value in sorted(groups):
            src = f"{folder}/{value}.md"
            files[src] = self.render(f"{kind}.md", value=value, rows=self.rows(src, groups[value]))
            listing.append((value, groups[value]))
        files[index_src] = self.render(f"{folder}.md", groups=listing)
        return files


def render_site(corpus: Corpus, templates_dir: Path, *, directory_urls: bool = False
                ) -> dict[str, str]:
    """Every generated site file: ``{source path: content}``, sorted, byte-for-byte stable.

    Only ``corpus.resolutions`` is read (problems are the caller's to report).
    ``directory_urls`` must match MkDocs' ``use_directory_urls`` so relative links land.
    """
    return SiteRenderer(corpus.resolutions, templates_dir, directory_urls).files()
