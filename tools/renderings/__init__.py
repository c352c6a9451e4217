"""Metamorphic renderings of the shared letters (issue 22, item 5).

Every letter in ../shared is read the way `imr` reads it (its paragraphs, their bold runs and
the items ingest finds), then written again in other forms: text exports, PDFs at other page
sizes and line widths with running headers and "Page N of M" footers, the 2014-15 "Page(s):"
form, the 2013 numbered-list notice and the "MEDICAL PROFESSIONAL REVIEW" attachment. The same
letter in any rendering should give the same items; `python -m tools.renderings.harness`
scores every rendering against the answer key and says where it does not.

Renderings are written to a cache folder outside the repository ($IMR_RENDER_DIR, default
/tmp/imr-renderings): they hold the letters' text and are never committed.
"""
