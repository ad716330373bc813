"""종합 격차지수's tables: the ranked areas' columns and the areas left unscored with the inputs each lacks
(the numbers are `indicators.composite`'s, through `ui.panels.composite`)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import composite as cx
from indicators import views
from ui import datatable
from ui.context import Ctx

Result = views.CompositeResult

TABLE_ORDER = ["region", "score", "rank", "decile", *[d.id for d in cx.DOMAINS], "is_capital_region", "region_code"]


def table_columns(ctx: Ctx, domain_names: dict[str, str]) -> dict:
    """Column settings of the ranked table; `domain_names`: domain id → its name in the reader's language."""
    domain_cols = {d: st.column_config.NumberColumn(name, format="%.2f") for d, name in domain_names.items()}
    return {"region": st.column_config.TextColumn(ctx.t("region")),
            "score": st.column_config.NumberColumn(ctx.t("score"), format="%.3f"),
            "rank": st.column_config.NumberColumn(ctx.t("rank"), format="%d"),
            "decile": st.column_config.NumberColumn(ctx.t("decile"), format="%d"),
            "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
            "region_code": st.column_config.TextColumn(ctx.t("code_col")), **domain_cols}


def missing_table(ctx: Ctx, res: Result) -> pd.DataFrame:
    m = res.missing.copy()
    m.insert(1, "region", [regions.name(c, ctx.lang) for c in m["region_code"]])
    m["missing"] = [", ".join(app_data.name(i.strip(), ctx.lang) for i in s.split(",") if i.strip())
                    for s in m["missing"]]
    return m


def show_missing(ctx: Ctx, res: Result) -> None:
    """The areas left unscored and the inputs each lacks."""
    st.subheader(ctx.t("missing_title", n=len(res.missing)))
    if res.missing.empty:
        st.caption(ctx.t("missing_none"))
        return
    st.caption(ctx.t("missing_note"))
    datatable.show(ctx, missing_table(ctx, res), key="comp_missing", height=400,
                   column_config={"region_code": st.column_config.TextColumn(ctx.t("code_col")),
                                "region": st.column_config.TextColumn(ctx.t("region")),
                                "missing": st.column_config.TextColumn(ctx.t("missing_col"))})
