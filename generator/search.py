"""Search index: the site's offline search, split into shards loaded by script tags.

Stub: filled in by the search work of issue 14. ``search_files`` returns
``{site path: content}`` for every file the search needs; the plugin adds them to the site.
"""

from __future__ import annotations

from collections.abc import Sequence

from .model import Resolution


def search_files(resolutions: Sequence[Resolution], *, directory_urls: bool = False
                 ) -> dict[str, str]:
    """Every file of the search index, by site path."""
    return {}
