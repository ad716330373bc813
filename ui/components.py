"""Compatibility for `ui/maps.py` (the lead's, being replaced by the map component) and its tests:
the names it reaches as `cp.*`. The kit lives in `ui.context`, `ui.pickers`, `ui.figures`,
`ui.notices`, `ui.concepts` and `ui.page`; new code imports those."""
from __future__ import annotations

from ui.context import Ctx  # noqa: F401  (cp.Ctx in ui/maps.py, tests/app/test_map_fastpath.py)
from ui.figures import hover_lines  # noqa: F401  (cp.hover_lines in ui/maps.py)
