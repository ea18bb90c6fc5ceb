"""resolution-atlas: UN General Assembly resolutions as a hyperlinked static site.

Stages, data flowing one way (each a module or two, none knows about MkDocs):
read (``read``: a file -> its ``layout.Layout``, by ``pdf`` for official PDFs, through the
``cache``, or ``text_export`` for ODS text exports) -> parse (``blocks``, ``recognisers``,
``markers``: the layout -> ``model.Resolution``) -> corpus (every file, problems collected,
duplicates rejected) -> link (``link``, ``lineage``, ``relations``) -> render (Jinja2 -> page
content). ``plugin`` adapts them to MkDocs; ``__main__`` gives them a command line.
"""
