"""Data files users extend without code: named instruments and bodies (``data/*.yaml``).

``load_data(folder)`` reads ``instruments.yaml`` and ``bodies.yaml``; a missing file means an
empty list, a malformed one is a ``Problem`` naming the file and entry (the build goes on
without that entry). After loading, every instrument has a title, a description, at least one
name and somewhere to link (a symbol or a url); every body has an abbreviation, a name and a
description.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from .citations import InstrumentName
from .errors import Problem


@dataclass(frozen=True)
class Instrument:
    """A text cited by name: "the Tunis Agenda", "the 2005 World Summit Outcome"."""

    id: str
    title: str
    description: str
    names: tuple[InstrumentName, ...]
    symbol: str | None = None
    url: str | None = None
    paragraphs: str = "op{n}"  # anchor of paragraph n on our page of ``symbol``


@dataclass(frozen=True)
class Body:
    """An organ or agency, for tooltips and the glossary."""

    abbr: str
    name: str
    description: str
    url: str | None = None
    aliases: tuple[str, ...] = ()

    @property
    def id(self) -> str:
        return "body-" + re.sub(r"[^a-z0-9]+", "-", self.abbr.lower()).strip("-")


@dataclass(frozen=True)
class Data:
    instruments: tuple[Instrument, ...] = ()
    bodies: tuple[Body, ...] = ()
    problems: tuple[Problem, ...] = field(default=(), compare=False)

    @property
    def instrument_names(self) -> tuple[InstrumentName, ...]:
        """Every citing phrase, longest first: "Tunis Agenda for the ..." beats "Tunis Agenda"."""
        names = [name for instrument in self.instruments for name in instrument.names]
        return tuple(sorted(names, key=lambda n: (-len(n.text), n.text)))

    def instrument(self, id: str) -> Instrument | None:
        return next((i for i in self.instruments if i.id == id), None)


def load_data(folder: Path | None) -> Data:
    if folder is None:
        return Data()
    problems: list[Problem] = []
    instruments = [_instrument(entry, index, problems, folder / "instruments.yaml")
                   for index, entry in enumerate(_entries(folder / "instruments.yaml", problems))]
    bodies = [_body(entry, index, problems, folder / "bodies.yaml")
              for index, entry in enumerate(_entries(folder / "bodies.yaml", problems))]
    return Data(tuple(i for i in instruments if i), tuple(b for b in bodies if b),
                tuple(problems))


def _entries(path: Path, problems: list[Problem]) -> list[Any]:
    if not path.is_file():
        return []
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8")) or []
    except (yaml.YAMLError, UnicodeDecodeError) as error:
        line = getattr(getattr(error, "problem_mark", None), "line", None)
        problems.append(Problem(path.as_posix(), f"cannot read: {error}".splitlines()[0],
                                line + 1 if line is not None else None))
        return []
    if not isinstance(entries, list):
        problems.append(Problem(path.as_posix(), "must be a list of entries"))
        return []
    return entries


def _require(entry: Any, keys: tuple[str, ...], index: int, path: Path,
             problems: list[Problem]) -> bool:
    missing = [k for k in keys if not isinstance(entry, dict) or not entry.get(k)]
    if missing:
        problems.append(Problem(path.as_posix(),
                                f"entry {index + 1} lacks {', '.join(missing)}; it is ignored"))
    return not missing


def _instrument(entry: Any, index: int, problems: list[Problem], path: Path
                ) -> Instrument | None:
    if not _require(entry, ("id", "title", "description", "names"), index, path, problems):
        return None
    if not (entry.get("symbol") or entry.get("url")):
        problems.append(Problem(path.as_posix(), f"{entry['id']}: needs a symbol or a url"))
        return None
    names = []
    for name in entry["names"]:
        text = name if isinstance(name, str) else name.get("text", "")
        follow = None if isinstance(name, str) else name.get("followed_by")
        try:
            re.compile(follow or "")
        except re.error as error:
            problems.append(Problem(path.as_posix(), f"{entry['id']}: followed_by: {error}"))
            continue
        names.append(InstrumentName(entry["id"], str(text), follow))
    return Instrument(str(entry["id"]), str(entry["title"]), str(entry["description"]),
                      tuple(names), entry.get("symbol"), entry.get("url"),
                      str(entry.get("paragraphs", "op{n}")))


def _body(entry: Any, index: int, problems: list[Problem], path: Path) -> Body | None:
    if not _require(entry, ("abbr", "name", "description"), index, path, problems):
        return None
    return Body(str(entry["abbr"]), str(entry["name"]), str(entry["description"]),
                entry.get("url"), tuple(str(a) for a in entry.get("aliases") or ()))
