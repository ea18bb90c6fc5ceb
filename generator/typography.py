"""UN typographic conventions that the renderer applies without ever changing the words.

Official resolutions set the opening words of each paragraph in italics: the participle or
adjective that opens a preambular paragraph ("Recalling also", "Bearing in mind", "Deeply
concerned") and the verb that opens an operative paragraph ("Also recognizes", "Calls upon",
"Takes note"). The source text has lost that styling, so we find those words again here.

``split_lead`` only ever *cuts* the text in two (``lead + rest == text``); anything it does not
recognise stays in ``rest`` unstyled, so a miss costs some italics and never a word.
"""

from __future__ import annotations

import re

# Adverbs that may stand before the verb or participle: "Also recognizes", "Deeply concerned".
_ADVERB = r"""
    (?: Also | Further | Again | Once\s+again | Once\s+more | Strongly | Firmly | Deeply
      | Gravely | Seriously | Fully | Profoundly | Equally | Increasingly | Keenly | Greatly
      | Particularly | Urgently | Warmly | Solemnly | Emphatically | Likewise )
"""

# "also", "further" after the word: "Recalling also", "Taking note further".
_AGAIN = r"""(?: \s+ (?: also | further | again | once\s+again | once\s+more ) \b )?"""

# "with appreciation", "with deep concern": the manner belongs to the italic phrase.
_WITH = r"""
    (?: \s+ with \s+ (?: (?: deep | grave | serious | great | profound ) \s+ )?
        (?: appreciation | satisfaction | concern | interest | regret | alarm | gratitude ) \b )?
"""

# "its deep appreciation", "concern": what "Expressing"/"Expresses" expresses.
_FEELING = r"""
    (?: \s+ (?: its | their ) )?
    (?: \s+ (?: deep | grave | serious | great | profound | sincere | full ) )?
    \s+ (?: appreciation | concern | gratitude | regret | satisfaction | support | condolences ) \b
"""

# Capitalised words that look like a participle or a verb but are not one.
_NOT_A_LEAD = r"""
    (?! (?: During | Notwithstanding | According | Regarding | Concerning | Including
          | Following | Pending | Excluding | Nothing | Something | Anything | This | Its | His
          | Was | Has | Is | As | Thus | Unless | Always | Perhaps | Towards | Whereas ) \b )
"""

PREAMBULAR_LEAD = re.compile(
    rf"""
    ^ (?: {_ADVERB} \s+ )?                   # "Deeply" (concerned), "Also" (recalling)
    {_NOT_A_LEAD}
    (?:
        [Hh]aving \s+ [a-z]+ (?: ed | en | ard ) \b                 # "Having considered"
      | [Ee]xpressing {_FEELING} {_AGAIN}                 # "Expressing concern also"
      | [Cc]alling \s+ (?: upon | on | for ) \b                     # "Calling upon"
      | [Tt]aking \s+ (?: note | into\s+account | into\s+consideration ) \b
            {_AGAIN} {_WITH}                                       # "Taking note also"
      | [Bb]earing \s+ in \s+ mind \b                               # "Bearing in mind"
      | [A-Za-z]+ ing \b {_AGAIN} {_WITH}                           # "Noting with concern"
      | (?: [Cc]oncerned | [Cc]onvinced | [Mm]indful | [Aa]ware | [Cc]onscious
          | [Dd]etermined | [Aa]larmed | [Dd]esirous | [Cc]ognizant | [Dd]isturbed
          | [Aa]ppalled | [Pp]ersuaded | [Cc]onfident | [Gg]ratified | [Ss]atisfied
          | [Gg]uided \s+ by | [Ee]ncouraged \s+ by ) \b             # "Deeply concerned"
    )
    """,
    re.X,
)

OPERATIVE_LEAD = re.compile(
    rf"""
    ^ (?: {_ADVERB} \s+ (?: (?: also | further | again | strongly ) \s+ )? )?   # "Also"
    {_NOT_A_LEAD}
    (?:
        [Ee]xpresses {_FEELING} {_AGAIN}                  # "Expresses concern also"
      | [Cc]alls \s+ (?: upon | on | for ) \b                       # "Calls upon"
      | [Tt]akes \s+ (?: note | into\s+account ) \b {_AGAIN} {_WITH} # "Takes note"
      | [Bb]ears \s+ in \s+ mind \b                                 # "Bears in mind"
      | [Nn]otes {_AGAIN} {_WITH}                                  # "Notes with concern"
      | [A-Za-z]+ s \b                                              # "Recognizes", "Decides"
    )
    """,
    re.X,
)

_PATTERNS = {"preambular": PREAMBULAR_LEAD, "operative": OPERATIVE_LEAD}


def split_lead(text: str, kind: str) -> tuple[str, str]:
    """Cut ``text`` into the words UN style sets in italics and the rest.

    ``kind`` is a paragraph kind ("preambular", "operative"); any other kind (annex, or a
    sub-paragraph the caller chooses not to style) gets no lead. Always ``lead + rest == text``.
    """
    pattern = _PATTERNS.get(kind)
    match = pattern.match(text) if pattern else None
    if not match:
        return "", text
    return text[: match.end()], text[match.end() :]
