"""Views: what each page and panel of the site shows, as plain data ready for its template.

One module per page or panel:

- ``resolution``: a resolution's page, its body in reading order and its footnotes, and the
  variables of ``resolution.html`` (and of ``unavailable.html``, drawn in its place when it
  cannot be drawn), gathering the panels below;
- ``text``: a paragraph's or footnote's text as runs, links, terms and footnote markers;
- ``table``: a table of the text, with its columns of figures;
- ``lineage_panel``: a paragraph's lineage, its counterparts in other resolutions;
- ``references``: the References and Cited by panels of a resolution page;
- ``see_also``: the "See also" panel of a resolution page (series, recalls, related);
- ``links``: a resolution as a link, held or not, for tables, the see-also panel and comparisons;
- ``compare``: a comparison page, two resolutions of a series row by row;
- ``cited``: the Cited documents page;
- ``glossary``: the Glossary page;
- ``overview``: the overview page (the citation picture and the timeline) and ``graph.json``;
- ``listing``: the home page's table and the session and year pages.

What holds for every view: it is built from the model the link stage gave (``link``,
``lineage``, ``relations``), never changes it, and holds only what its template draws; every
href in it is made by the ``paths.Href`` of the page that shows it, so it is relative to that
page and works from ``file://``. The templates only loop over views.
"""
