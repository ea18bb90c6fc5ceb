"""Reproducible builds: the same sources give the same bytes on any day.

The site is built twice with the clock on two different days and no ``SOURCE_DATE_EPOCH``
(as a user runs ``make site``), hosted (``SITE_URL`` set, so there is a sitemap): every file is
byte-identical and no file carries either day. ``SOURCE_DATE_EPOCH``, when set, dates pages.
"""

from __future__ import annotations

import gzip
import struct
from datetime import UTC, datetime
from pathlib import Path
from xml.etree import ElementTree

import pytest

from .conftest import SOURCE_DIR
from .sitebuild import build, differences

HOST = "https://atlas.example.org/un/"
DAYS = ("2026-12-01T09:30:00", "2041-03-17T23:59:00")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture(scope="module")
def hosted_builds(tmp_path_factory) -> tuple[Path, Path]:
    """The default collection built hosted on each of ``DAYS``, the clock the only change."""
    sites = []
    for number, day in enumerate(DAYS):
        tmp = tmp_path_factory.mktemp(f"day{number}")
        result, site = build(tmp, SOURCE_DIR, day=day,
                             env={"SOURCE_DATE_EPOCH": None, "SITE_URL": HOST})
        assert result.returncode == 0, result.stderr
        sites.append(site)
    return sites[0], sites[1]


def test_builds_on_two_days_are_byte_identical(hosted_builds):
    first, second = hosted_builds
    assert differences(first, second) == []


def test_no_file_carries_the_day_of_the_build(hosted_builds):
    for site, day in zip(hosted_builds, DAYS, strict=True):
        stamp = day[:10].encode()
        carrying = [p.relative_to(site).as_posix() for p in site.rglob("*")
                    if p.is_file() and stamp in p.read_bytes()]
        assert carrying == [], f"{day[:10]} is written in {carrying}"


def test_sitemap_is_dated_by_the_sources_not_the_clock(hosted_builds):
    site = hosted_builds[0]
    dates = {u.findtext(f"{SITEMAP}lastmod") for u in _entries(site)}
    assert dates == {"2025-12-18"}, "80/118, the latest resolution, was distributed then"
    assert _gzip_mtime(site / "sitemap.xml.gz") == _midnight("2025-12-18")


def test_sitemap_lists_every_page_at_its_hosted_url(hosted_builds):
    site = hosted_builds[0]
    urls = {u.findtext(f"{SITEMAP}loc") for u in _entries(site)}
    for symbol in ("A/RES/64/187", "A/RES/66/184", "A/RES/78/132", "A/RES/80/118"):
        assert f"{HOST}{symbol}.html" in urls
    assert f"{HOST}index.html" in urls and f"{HOST}overview.html" in urls
    assert all(url.startswith(HOST) for url in urls)
    html_pages = [p for p in site.rglob("*.html") if p.name != "404.html"]
    assert len(urls) == len(html_pages), "one entry per page, none missing"


def test_source_date_epoch_is_honoured(tmp_path):
    result, site = build(tmp_path, SOURCE_DIR, day=DAYS[1],
                         env={"SOURCE_DATE_EPOCH": "1700000000", "SITE_URL": HOST})
    assert result.returncode == 0, result.stderr
    assert {u.findtext(f"{SITEMAP}lastmod") for u in _entries(site)} == {"2023-11-14"}
    assert _gzip_mtime(site / "sitemap.xml.gz") == _midnight("2023-11-14")


def test_no_empty_sitemap_without_a_site_url(seed_site):
    """Sitemap entries must be absolute URLs: without ``site_url`` there is none to give."""
    assert not (seed_site / "sitemap.xml").exists()
    assert not (seed_site / "sitemap.xml.gz").exists()


def _entries(site: Path) -> list[ElementTree.Element]:
    root = ElementTree.fromstring((site / "sitemap.xml").read_bytes())
    entries = root.findall(f"{SITEMAP}url")
    with gzip.open(site / "sitemap.xml.gz") as packed:
        assert packed.read() == (site / "sitemap.xml").read_bytes()
    return entries


def _gzip_mtime(path: Path) -> int:
    """The MTIME field of a gzip member's header (RFC 1952: bytes 4 to 8, little-endian)."""
    return struct.unpack("<I", path.read_bytes()[4:8])[0]


def _midnight(day: str) -> int:
    return int(datetime.fromisoformat(day).replace(tzinfo=UTC).timestamp())
