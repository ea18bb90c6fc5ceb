"""The stages in order, for the plugin, the command line and the tests alike.

read and parse (``load_corpus``) -> data files (``load_data``) -> link (``link_corpus``, then
paragraph lineage); the render stage then draws ``Site.linked``. Problems of every stage are
collected, never raised, so one bad file never stops the others.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path

from .corpus import load_corpus
from .data import Data, load_data
from .errors import Problem
from .lineage import with_lineage
from .link import Linked, link_corpus
from .model import Resolution

DEFAULT_DATA_DIR = Path(__file__).resolve().parent.parent / "data"


@dataclass(frozen=True)
class Site:
    linked: Linked
    data: Data
    problems: tuple[Problem, ...]


def collect(source_dir: Path, data_dir: Path | None = DEFAULT_DATA_DIR, *,
            root: Path | None = None, directory_urls: bool = False) -> Site:
    """Parse every source text, load the data files and link the corpus."""
    corpus = load_corpus(source_dir, root)
    data = load_data(data_dir)
    linked = relate(corpus.resolutions, data, directory_urls=directory_urls)
    return Site(linked, data, (*corpus.problems, *data.problems, *linked.problems))


def relate(resolutions: tuple[Resolution, ...], data: Data, *,
           directory_urls: bool = False) -> Linked:
    """Everything that needs the whole corpus: citations resolved into the citation graph,
    then paragraph lineage. The benchmark times exactly this."""
    linked = link_corpus(resolutions, data, directory_urls=directory_urls)
    return replace(linked, resolutions=with_lineage(linked.resolutions))


def link_one(resolution: Resolution, data_dir: Path | None = DEFAULT_DATA_DIR) -> Resolution:
    """One resolution linked on its own: citations of other resolutions link officially."""
    return link_corpus([resolution], load_data(data_dir)).resolutions[0]
