"""Fail if a built site would load anything from the network.

    python scripts/check_offline.py [SITE_DIR]      (default: site)

Scans every .html file for the resources a browser fetches by itself (<script src>, <link href>,
<img src/srcset>, <iframe src>, <source>, <video>, <audio>, <embed>, <object>, inline <style> and
style="" attributes) and every .css file for @import and url(). A reference to http://, https://,
ws://, wss://, ftp:// or a protocol-relative //host is reported. Plain links (<a href>) are not
loads and are allowed, as are <link> relations that only name a page (canonical, alternate...).

Exit status: 0 when nothing points at the network, 1 listing each reference when something does,
2 when SITE_DIR is not a directory.
"""

from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from html.parser import HTMLParser
from pathlib import Path

NETWORK = re.compile(r"^\s*(?:(?:https?|wss?|ftp):)?//", re.IGNORECASE)
CSS_URL = re.compile(r"""url\(\s*(?P<q>['"]?)(?P<url>.*?)(?P=q)\s*\)""", re.IGNORECASE | re.DOTALL)
CSS_IMPORT = re.compile(r"""@import\s+(?P<q>['"])(?P<url>.*?)(?P=q)""", re.IGNORECASE)

# Attributes whose URL the browser fetches without a click, by tag.
FETCHED = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "iframe": ("src",),
    "frame": ("src",),
    "source": ("src", "srcset"),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "input": ("src",),
    "image": ("href", "xlink:href"),  # SVG
}
# <link rel=...> values that name a page rather than load a resource.
NOT_LOADED_RELS = {"canonical", "alternate", "author", "license", "help", "me", "bookmark"}


@dataclass(frozen=True)
class Reference:
    path: Path
    where: str
    url: str

    def __str__(self) -> str:
        return f"{self.path}: {self.where} {self.url}"


def css_urls(text: str) -> list[str]:
    """Every URL in CSS text: url(...) and @import "..."."""
    return [m["url"] for m in CSS_URL.finditer(text)] + [
        m["url"] for m in CSS_IMPORT.finditer(text)
    ]


def srcset_urls(value: str) -> list[str]:
    return [part.split()[0] for part in value.split(",") if part.split()]


class _PageScanner(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.found: list[tuple[str, str]] = []
        self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = {name: value or "" for name, value in attrs}
        self._in_style = tag == "style"
        if "style" in values:
            self.found += [(f'<{tag} style="">', url) for url in css_urls(values["style"])]
        rels = set(values.get("rel", "").lower().split())
        if tag == "link" and rels and rels <= NOT_LOADED_RELS:
            return
        for name in FETCHED.get(tag, ()):
            if name not in values:
                continue
            urls = srcset_urls(values[name]) if name == "srcset" else [values[name]]
            self.found += [(f"<{tag} {name}>", url) for url in urls]

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        self._in_style = False

    def handle_endtag(self, tag: str) -> None:
        if tag == "style":
            self._in_style = False

    def handle_data(self, data: str) -> None:
        if self._in_style:
            self.found += [("<style>", url) for url in css_urls(data)]


def scan_html(path: Path) -> list[Reference]:
    scanner = _PageScanner()
    scanner.feed(path.read_text(encoding="utf-8", errors="replace"))
    scanner.close()
    return [Reference(path, where, url) for where, url in scanner.found if NETWORK.match(url)]


def scan_css(path: Path) -> list[Reference]:
    text = path.read_text(encoding="utf-8", errors="replace")
    return [Reference(path, "css", url) for url in css_urls(text) if NETWORK.match(url)]


def network_references(site_dir: Path) -> list[Reference]:
    """Every reference in the built site that a browser would fetch from the network."""
    found: list[Reference] = []
    for path in sorted(site_dir.rglob("*")):
        suffix = path.suffix.lower()
        if suffix in {".html", ".htm"}:
            found += scan_html(path)
        elif suffix == ".css":
            found += scan_css(path)
    return found


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    site_dir = Path(args[0] if args else "site")
    if not site_dir.is_dir():
        print(f"check_offline: no directory {site_dir} (run `make site`)", file=sys.stderr)
        return 2
    found = network_references(site_dir)
    for reference in found:
        print(reference)
    if found:
        print(f"check_offline: {len(found)} network reference(s) in {site_dir}", file=sys.stderr)
        return 1
    pages = sum(1 for _ in site_dir.rglob("*.html"))
    print(f"check_offline: {pages} pages in {site_dir}, nothing loads from the network")
    return 0


if __name__ == "__main__":
    sys.exit(main())
