"""지도 page pieces around the map (the map itself is `ui.maps` drawn by `ui.mapview`): which colour
scales a view offers and the note when a level has no values."""
from __future__ import annotations

import app_data
from indicators.schema import Indicator
from ui.context import Ctx

SCALES = ("value", "relative")


def scales(ind: Indicator) -> list[str]:
    """'relative' (nation = 100) only where the nation has values (years without one stay hatched)."""
    return list(SCALES) if not app_data.series(ind.id, ["00"]).empty else ["value"]


def scale_labels(ctx: Ctx) -> dict[str, str]:
    return {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}


def no_level_caption(ctx: Ctx, ind: Indicator) -> str:
    """Under 'no 권역 values': how to see the indicator, and its catalogue note in the reader's language."""
    note = ind.text("note", ctx.lang)
    return ctx.t("macro_gap_hint") + (f"  \n{ctx.t('catalogue_note')}: {note}" if note else "")
