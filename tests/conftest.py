"""Shared fixtures: paths, and a builder for synthetic ODS exports shaped like the seeds."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SOURCE_DIR = ROOT / "source_texts"
GOLDEN_DIR = Path(__file__).resolve().parent / "golden"
SEEDS = sorted(SOURCE_DIR.glob("*.txt"))  # the two ODS text exports
SOURCES = sorted(p for p in SOURCE_DIR.iterdir() if p.is_file())  # and the three PDFs
SHARED = ROOT.parent / "shared"  # the team's corpus, beside the checkout (may be absent)


def ods_text(
    body: str,
    *,
    number: str = "70/999",
    title: str = "A synthetic resolution for tests",
    footnotes: str = "",
    header: str = "[on the report of the Second Committee (A/70/999)]",
    symbol: str | None = None,
) -> str:
    """A complete ODS-style export around ``body`` (the lines after "The General Assembly,")."""
    symbol = symbol or "A/RES/" + number.replace(" ", "")
    return (
        "[DU1]\n"
        "Resolution adopted by the General Assembly on 21 December 2015\n"
        f"{header}\n"
        f"{number}.\t{title}\n\n\n"
        "\tThe General Assembly,\n"
        f"{body.rstrip()}\n\n"
        "80th plenary meeting\n"
        "21 December 2015\n"
        f"{footnotes}"
        "[DU1]<<ODS JOB NO>>N1544444E<<ODS JOB NO>>\n"
        f"<<ODS DOC SYMBOL1>>{symbol}<<ODS DOC SYMBOL1>>\n"
        "<<ODS DOC SYMBOL2>><<ODS DOC SYMBOL2>>\n"
        "_______________\n\n"
        f"United Nations{symbol}General AssemblyDistr.: General\n"
        "9 February 2016Seventieth session\n"
        "Agenda item 20\n\n"
        "15-44444\n*1544444*\n\n"
        f"{symbol}\n\n2\n"
    )


@pytest.fixture(scope="session")
def seed_site(tmp_path_factory) -> Path:
    """The seeds' site, built once per test run as ``make site`` builds it. Read, never write."""
    from .sitebuild import build

    result, site = build(tmp_path_factory.mktemp("seed-build"), SOURCE_DIR)
    assert result.returncode == 0, result.stderr
    return site


@pytest.fixture
def write_source(tmp_path: Path):
    """Write texts (or bytes) into a fresh source folder and return the folder."""
    folder = tmp_path / "source_texts"
    folder.mkdir()

    def write(name: str, content: str | bytes) -> Path:
        path = folder / name
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(content, encoding="utf-8")
        return path

    write.folder = folder  # type: ignore[attr-defined]
    return write
