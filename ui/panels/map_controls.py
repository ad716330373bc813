"""지도 page pieces around the map (the map itself is `ui.maps` drawn by `ui.mapview`): which levels and
indicators a view offers, which colour scales, and the notes when a level has no values.

The level comes first and the indicator list offers what that level has: every level's button stays
(an indicator never removes one), and an indicator the level lacks (a link's, or the one shown before the
level was changed) gives way to the level's default with a note naming both."""
from __future__ import annotations

import app_data
from indicators.schema import Indicator
from ui import format as fmt
from ui import macro, state
from ui.context import Ctx
from ui.pickers import current_indicator_id

SCALES = ("value", "relative")
LEVELS = ("macro", "sido", "sigungu")


def indicators_at(level: str) -> list[str]:
    """Mappable indicators with values at `level` (권역: its own values, summed or published)."""
    return [i for i in app_data.mappable_indicators(macro=True) if app_data.years_for(i, level)]


def levels() -> list[str]:
    """The levels with at least one indicator, coarse to fine."""
    return [lv for lv in LEVELS if indicators_at(lv)]


def requested_indicator(ctx: Ctx) -> str | None:
    """The indicator this run would show before the level filters it (the URL's, the picker's, the one
    carried from another page), if it is a mappable indicator at all."""
    every = set(app_data.mappable_indicators(macro=True))
    return state.peek("indicator", every.__contains__, None, parse=current_indicator_id, scope=ctx.page)


def opening_level(wanted: str | None, offered: list[str]) -> str:
    """The level a view opens at when nothing chose one: 시도, unless the indicator asked for has no 시도
    values (an indicator published only per 권역 opens at 권역)."""
    if wanted is not None and not app_data.years_for(wanted, "sido"):
        own = [lv for lv in offered if app_data.years_for(wanted, lv)]
        if own:
            return own[0]
    return "sido" if "sido" in offered else offered[0]


def give_way(ctx: Ctx, wanted: str | None, level: str, offered: list[str]) -> str:
    """'' if `wanted` is offered at `level` (or nothing was asked for); else the note that it has no values
    at this level, naming the levels it has. The URL then forgets it (the level's default is shown)."""
    if wanted is None or wanted in offered:
        return ""
    state.write_param("indicator", None)
    has = [ctx.t(lv) for lv in LEVELS if app_data.years_for(wanted, lv)]
    note = ctx.t("map_not_at_level", name=fmt.name(wanted, ctx.lang), level=ctx.t(level), levels=", ".join(has))
    return note + ("  \n" + macro.macro_gap_text(ctx, wanted) if level == "macro" else "")  # why no 권역 value


def scales(ind: Indicator) -> list[str]:
    """'relative' (nation = 100) only where the nation has values (years without one stay hatched)."""
    return list(SCALES) if not app_data.series(ind.id, ["00"]).empty else ["value"]


def scale_labels(ctx: Ctx) -> dict[str, str]:
    return {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}
