"""지도 page pieces around the map (the map itself is `ui.maps`): which colour scales a view offers,
the note when a level has no values, and the table's columns."""
from __future__ import annotations

import streamlit as st

import app_data
from indicators.schema import Indicator
from ui.context import Ctx

SCALES = ("value", "relative")


def scales(ind: Indicator, year: int) -> list[str]:
    """'relative' (nation = 100) only where the nation has a value in `year`."""
    has_nation = app_data.series(ind.id, ["00"])["year"].eq(year).any()
    return list(SCALES) if has_nation else ["value"]


def scale_labels(ctx: Ctx) -> dict[str, str]:
    return {"value": ctx.t("scale_value"), "relative": ctx.t("scale_relative")}


def no_level_caption(ctx: Ctx, ind: Indicator) -> str:
    """Under 'no 권역 values': how to see the indicator, and its catalogue note."""
    note = getattr(ind, "note", "")
    return ctx.t("macro_gap_hint") + (f"  \n{ctx.t('catalogue_note')}: {note}" if note else "")


def table_columns(ctx: Ctx, unit: str) -> dict:
    return {
        "region_code": st.column_config.TextColumn("code"),
        "region": st.column_config.TextColumn(ctx.t("region")),
        "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
        "value": st.column_config.NumberColumn(f"{ctx.t('value')} ({unit})", format="localized"),
        "rank": st.column_config.NumberColumn(ctx.t("rank")),
        "relative_to_nation_100": st.column_config.NumberColumn(ctx.t("relative_unit"), format="%.1f"),
    }


TABLE_ORDER = ["region", "value", "relative_to_nation_100", "rank", "is_capital_region", "region_code"]
