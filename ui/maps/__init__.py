"""The browser maps of the pages (drawn by `ui.mapview`), read as `maps.<name>`. One module per job:
`choropleths` (the views: an indicator over every year, the KEIS risk classes, one computed year),
`geometry` (the build's shapes published for the browser, the designation outline, a callout's area)
and `display` (a view drawn at the address's year and zoom)."""
from ui.maps.choropleths import (
    CSV_COLUMNS,
    all_years,
    class_labels,
    indicator_view,
    map_labels,
    one_year_view,
    risk_frame,
    risk_view,
    union_note,
    union_texts,
)
from ui.maps.display import ZOOMS, highlight_overlay, page_year, show_view
from ui.maps.geometry import HIGHLIGHT, designation_overlay, geometry_urls, highlight_members

__all__ = [
    "CSV_COLUMNS", "all_years", "class_labels", "indicator_view", "map_labels", "one_year_view", "risk_frame",
    "risk_view", "union_note", "union_texts", "ZOOMS", "highlight_overlay", "page_year", "show_view", "HIGHLIGHT",
    "designation_overlay", "geometry_urls", "highlight_members",
]
