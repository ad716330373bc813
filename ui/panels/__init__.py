"""What one page shows: each module here serves a single page of `app_pages/` (its charts, tables and
the text around them) and builds on the shared kit in `ui/` (widgets, charts, maps, formatting, i18n,
URL state). Nothing in the kit imports from here, and no panel imports another.
"""
