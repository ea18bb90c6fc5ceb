"""Text made inert for the site's Markdown sources: literal to the browser, nothing to Markdown.

One function for every piece of input-derived text the generator writes into a page, whether
through a template (Jinja's ``finalize``) or built in Python (the overview's SVG), so no page
escapes text a second way that forgets a case.
"""

from __future__ import annotations

import re

from markupsafe import Markup, escape

# Escaping for HTML is not quite enough inside a Markdown file: a few Markdown preprocessors
# read the whole page before raw HTML is set aside (pymdownx.critic acts on "{++", Markdown
# itself drops its STX/ETX placeholder characters and expands tabs), and a newline in the text
# could end a raw HTML block early. As character references these are the same text to the
# browser and nothing to Markdown.
_MARKDOWN_SENSITIVE = str.maketrans({
    "{": "&#123;", "\t": "&#9;", "\n": "&#10;", "\r": "&#13;", "\x02": "&#2;", "\x03": "&#3;",
})


_SENSITIVE = re.compile("[{\t\n\r\x02\x03]")


def html_text(value: object) -> Markup:
    """Any value as literal text in HTML inside Markdown (in an element or a quoted
    attribute); ``Markup`` is trusted as is. (Called for every value of every page: most hold
    none of the sensitive characters and are escaped once, with no second copy.)"""
    if isinstance(value, Markup):
        return value
    escaped = escape(value)
    if _SENSITIVE.search(escaped) is None:
        return escaped
    return Markup(str(escaped).translate(_MARKDOWN_SENSITIVE))
