"""지역 비교: up to four regions side by side — the same indicators at the same year, each region's value
and its rank among the units of its level (`compare.regions_side_by_side`)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators.views import compare
from ui import datatable
from ui import format as fmt
from ui.context import Ctx

MAX_OTHERS = compare.MAX_REGIONS - 1  # the region shown and up to three more


def table(ctx: Ctx, codes: list[str]) -> pd.DataFrame:
    """Wide table of the indicators all `codes` have in a common year: indicator name, that year, then per
    region its value (in the indicator's unit) and rank ('k/N')."""
    long = app_data.regions_side_by_side(codes)
    long = long[long["year"].notna()]
    if long.empty:
        return pd.DataFrame()
    rows = []
    for ind_id, part in long.groupby("indicator", sort=False):
        ind = app_data.indicator(ind_id)
        row = {"indicator": ind_id, "name": fmt.name(ind, ctx.lang) if ind else ind_id,
               "year": part["year"].iloc[0]}
        for r in part.itertuples():
            name = regions.name(r.region_code, ctx.lang)
            row[name] = fmt.value(r.value, ind, ctx.lang, compact=False) if pd.notna(r.value) else None
            row[f"{name} · {ctx.t('rank')}"] = f"{int(r.rank)}/{int(r.n_ranked)}" if pd.notna(r.rank) else None
        rows.append(row)
    return pd.DataFrame(rows)


def without_common_year(ctx: Ctx, codes: list[str]) -> list[str]:
    """Names of the indicators some of `codes` have but not all in any one year (left out of `table`)."""
    long = app_data.regions_side_by_side(codes)
    ids = pd.unique(long.loc[long["year"].isna(), "indicator"])
    return [fmt.name(app_data.indicator(i), ctx.lang) for i in ids]


def csv_frame(ctx: Ctx, codes: list[str]) -> pd.DataFrame:
    """The long frame for the CSV: one row per indicator and region, with unit and source."""
    long = app_data.regions_side_by_side(codes)
    inds = [app_data.indicator(i) for i in long["indicator"]]
    return long.assign(region=[regions.name(c, ctx.lang) for c in long["region_code"]],
                       unit=[fmt.unit_label(i, ctx.lang) if i else "" for i in inds],
                       source=[fmt.source_text(i, ctx.lang, short=True) if i else "" for i in inds])


def show(ctx: Ctx, codes: list[str]) -> None:
    """The comparison table of `codes` under its heading, with its note."""
    st.subheader(ctx.t("compare_title", names=" · ".join(regions.name(c, ctx.lang) for c in codes)))
    shown = table(ctx, codes)
    if shown.empty:
        st.info(ctx.t("no_region_data"))
        return
    st.caption(ctx.t("compare_note"))
    apart = without_common_year(ctx, codes)
    datatable.show(ctx, shown.drop(columns="indicator"), key="region_compare", height=640,
                   column_config={"name": st.column_config.TextColumn(ctx.t("indicator"), pinned=True),
                                "year": st.column_config.NumberColumn(ctx.t("common_year"), format="%d")})
    if apart:
        st.caption(ctx.t("compare_apart", n=len(apart), names=", ".join(apart)))
