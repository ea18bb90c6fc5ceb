"""resolution-atlas: UN General Assembly resolutions as a hyperlinked static site.

Stages, data flowing one way (each a module, none knows about MkDocs):
read (bytes -> normalised text) -> parse (text -> model.Resolution) -> corpus (all files,
problems collected, duplicates rejected) -> render (Jinja2 -> page content).
``plugin`` adapts them to MkDocs; ``__main__`` gives them a command line.
"""
