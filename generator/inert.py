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


# Every character ``html_text`` changes: markupsafe's five and the Markdown-sensitive ones.
_CHANGED = re.compile("[&<>'\"{\t\n\r\x02\x03]")


def finalized(value: object) -> object:
    """Jinja's ``finalize``: what ``html_text`` gives, for the template's own escape to
    leave as it is; but a string none of whose characters ``html_text`` would change
    (most values: symbols, numbers, dates, plain words) is given back itself, so it is
    escaped once instead of made ``Markup`` twice (once here, once again by the template's
    escape), a fifth of the cost of printing it. Either way the page gets the same
    characters (tested)."""
    if type(value) is str and _CHANGED.search(value) is None:
        return value
    return html_text(value)


def text_html(text: str) -> str:
    """``html_text`` of a string, as a plain string, for markup built in Python: the text
    itself when none of its characters needs changing."""
    if _CHANGED.search(text) is None:
        return text
    return str(html_text(text))


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
