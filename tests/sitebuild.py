"""Build the real site with MkDocs into a temporary folder, from any source folder.

The project's own mkdocs.yml is used with only its paths made absolute, so what the tests build
is what users build.
"""

from __future__ import annotations

import filecmp
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml

from .conftest import ROOT


class _Env(list):
    """MkDocs' ``!ENV [NAME, default]`` tag, kept as it is through a load and a dump."""


class _Loader(yaml.SafeLoader):
    pass


class _Dumper(yaml.SafeDumper):
    pass


_Loader.add_constructor("!ENV", lambda loader, node: _Env(loader.construct_sequence(node)))
_Dumper.add_representer(_Env, lambda dumper, data: dumper.represent_sequence("!ENV", data))


def write_config(tmp: Path, source_dir: Path, site_dir: Path) -> Path:
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=_Loader)
    config["docs_dir"] = str(ROOT / config.get("docs_dir", "docs"))
    config["site_dir"] = str(site_dir)
    config["theme"]["custom_dir"] = str(ROOT / config["theme"]["custom_dir"])
    for plugin in config["plugins"]:
        if isinstance(plugin, dict) and "resolution-atlas" in plugin:
            options = plugin["resolution-atlas"]
            options["source_dir"] = str(source_dir)
            options["templates_dir"] = str(ROOT / options.get("templates_dir", "templates"))
            options["data_dir"] = str(ROOT / options.get("data_dir", "data"))
    path = tmp / "mkdocs.yml"
    path.write_text(yaml.dump(config, Dumper=_Dumper, sort_keys=False), encoding="utf-8")
    return path


# ``mkdocs`` run with the clock set to another day (argv[1], ISO): what MkDocs reads the day
# from (``mkdocs.utils``' datetime) and ``time.time`` both answer that day.
_ON_DAY = """
import datetime as dt, sys, time
import mkdocs.utils
day = dt.datetime.fromisoformat(sys.argv.pop(1)).replace(tzinfo=dt.timezone.utc)
class Clock(dt.datetime):
    @classmethod
    def now(cls, tz=None):
        return day if tz else day.replace(tzinfo=None)
mkdocs.utils.datetime = Clock
time.time = day.timestamp
from mkdocs.__main__ import cli
sys.argv[0] = "mkdocs"
cli()
"""


def build(tmp: Path, source_dir: Path, *, strict: bool = True, name: str = "site",
          env: dict[str, str | None] | None = None, day: str | None = None
          ) -> tuple[subprocess.CompletedProcess[str], Path]:
    """Run ``mkdocs build`` as a user would; return the process and the site folder.

    Built as of a fixed ``SOURCE_DATE_EPOCH`` unless ``env`` says otherwise (a None value
    unsets a variable); ``day`` runs it with the clock on that day."""
    site = tmp / name
    config = write_config(tmp, source_dir, site)
    runner = ["-c", _ON_DAY, day] if day else ["-m", "mkdocs"]
    command = [sys.executable, *runner, "build", "-f", str(config)]
    if strict:
        command.append("--strict")
    merged = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000", **(env or {})}
    env = {key: value for key, value in merged.items() if value is not None}
    result = subprocess.run(command, capture_output=True, text=True, cwd=tmp, env=env,
                            timeout=600)
    return result, site


class _Links(HTMLParser):
    """Collect ids and the local href/src targets of one HTML page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.targets: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        values = dict(attrs)
        if values.get("id"):
            self.ids.add(values["id"] or "")
        if tag == "a" and values.get("name"):
            self.ids.add(values["name"] or "")
        for attribute in ("href", "src"):
            target = values.get(attribute)
            if target and not urlsplit(target).scheme and not target.startswith("//"):
                self.targets.append(target)


def page_links(path: Path) -> _Links:
    parser = _Links()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def broken_links(site: Path) -> list[str]:
    """Every relative link or anchor in the built HTML that does not land.

    404.html is left out: a server shows it at any depth, so MkDocs writes its links
    root-absolute (from ``site_url``), never relative, and no reader opens it from disk.
    """
    pages = {p: page_links(p) for p in site.rglob("*.html") if p.name != "404.html"}
    broken = []
    for page, links in sorted(pages.items()):
        for target in links.targets:
            parts = urlsplit(target)
            file = (page.parent / unquote(parts.path)).resolve() if parts.path else page
            if file.is_dir():
                file = file / "index.html"
            if not file.exists():
                broken.append(f"{page.relative_to(site)}: {target} (no such file)")
            elif parts.fragment and file.suffix == ".html":
                ids = pages[file].ids if file in pages else page_links(file).ids
                if unquote(parts.fragment) not in ids:
                    broken.append(f"{page.relative_to(site)}: {target} (no such anchor)")
    return broken


def differences(first: Path, second: Path) -> list[str]:
    """Files that differ between two built sites, or stand in one only."""
    return _differences(filecmp.dircmp(first, second))


def _differences(comparison: filecmp.dircmp) -> list[str]:
    _, mismatch, errors = filecmp.cmpfiles(comparison.left, comparison.right,
                                           comparison.common_files, shallow=False)
    found = mismatch + errors + comparison.left_only + comparison.right_only
    for sub in comparison.subdirs.values():
        found += _differences(sub)
    return found
