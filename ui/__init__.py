"""The app's shared kit; one job per module. Pages stay thin (title → selection widgets → cached
data → chart); anything two pages need lives here, what one page shows lives in `ui.panels`.

context (Ctx, page setup) · page (page opening, stop notices, click-to-profile, events) · pickers
(widgets bound to the URL) · state/ (the URL mirror and native-binding notes) · nav (language,
presenter, links) · format (numbers and source lines from Indicator objects) · figures (chart +
downloads) · notices (raw files a page needs) · concepts (concepts, events, quoted figures) ·
palette · finishing · plots (lines, bars) · maps/ (the map views of the pages) · mapview (the SVG map
component: ui/assets/mapview.js, .css) · macro (권역 texts) · i18n · gc_freeze. `state` and `maps` are
packages of one module per job, read as `state.<name>` and `maps.<name>`. Nothing in `ui` reads
raw files: data comes through `app_data` and `app_analyses`.
"""
