"""A resolution as a link, whether the collection holds it or not: what the index tables,
the see-also panel and the comparison pages name resolutions by.

What holds: a held resolution links to its page (by the showing page's ``Href``); one the
collection lacks links to its official document.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..model import Resolution
from ..paths import Href, official_url


@dataclass(frozen=True)
class ResolutionLink:
    """A resolution as a link: "64/187 (2009)", its title on hover."""

    resolution: Resolution
    href: str

    @property
    def label(self) -> str:
        return self.resolution.number


@dataclass(frozen=True)
class MissingLink:
    """A member of a series the collection lacks, known from its members' citations: linked
    to the official document."""

    symbol: str

    @property
    def label(self) -> str:
        return self.symbol.removeprefix("A/RES/")

    @property
    def href(self) -> str:
        return official_url(self.symbol)


def resolution_link(resolution: Resolution, href: Href) -> ResolutionLink:
    return ResolutionLink(resolution, href.resolution(resolution))
