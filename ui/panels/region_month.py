"""지역's '최신 월말 수치': where the region has a month-end figure newer than the latest year end of its
indicator (e.g. 전남광주 12's population of 2026년 7월 말 beside the 2025 year end), the figure with its
date, its source and the boundary set, apart from the year series (never a row or column of it)."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from indicators import derive
from indicators.views import month_end as mv
from ui import datatable, figures, monthend
from ui import format as fmt
from ui.context import Ctx
from ui.i18n import t

ORDER = ("reg_population_persons", mv.RISK_INDEX, "reg_female_20_39_persons", "reg_age65plus_persons", mv.AT_RISK)


@figures.cached
def newer(ctx: Ctx, code: str) -> pd.DataFrame:
    """The region's month-end figures newer than their indicator's latest year end: indicator, period,
    value, label ('주민등록인구 (2026년 7월 말)'), text ('3,157,777명'), note (the index's KEIS class, else
    None), year_end (the year series' latest year, '2025년', or that it has none), in `ORDER`."""
    prof = app_data.region_profile(code)
    year_ends = dict(zip(prof["indicator"], prof["year"])) if not prof.empty else {}
    rows = mv.newer_than_year_end(mv.latest_per_region(app_data.month_end(), code), year_ends)
    rows = rows[rows["indicator"].isin(ORDER)].copy()
    rows["order"] = rows["indicator"].map(ORDER.index)
    rows = rows.sort_values("order", ignore_index=True).drop(columns="order")
    classes = monthend.class_names(ctx.lang)
    labels, texts, notes, seen = [], [], [], []
    for r in rows.itertuples():
        date = monthend.date_text(r.period, ctx.lang)
        labels.append(ctx.t("month_label", name=ctx.t(f"month_name_{r.indicator}"), date=date))
        texts.append(monthend.value_text(r.value, r.indicator, ctx.lang))
        index = r.indicator == mv.RISK_INDEX
        notes.append(classes[int(derive.risk_class(pd.Series([r.value])).iloc[0])] if index else None)
        year = year_ends.get(r.indicator)
        seen.append(fmt.year_text(year, ctx.lang) if year is not None else ctx.t("month_no_year_end"))
    return rows.assign(label=labels, text=texts, note=notes, year_end=seen)


def source_caption(ctx: Ctx, rows: pd.DataFrame) -> str:
    """'출처: 행정안전부 주민등록 인구통계, 연령별 인구현황 (2026년 7월 말, 2025년 6월 말) · 2026년 7월 경계'."""
    cat = app_data.catalogue()
    dates = ", ".join(monthend.date_text(p, ctx.lang) for p in sorted(set(rows["period"]), reverse=True))
    cite = fmt.citation(cat.sources.get(monthend.SOURCE_ID), ctx.lang)
    calc = ""
    if (rows["indicator"] == mv.RISK_INDEX).any():
        index = cat.indicators[mv.RISK_INDEX]
        formula = fmt.plain_formula(index, cat.indicators, ctx.lang)
        calc = (f"; {fmt.citation(cat.sources.get('derived'), ctx.lang, short=True)}: "
                f"{ctx.t('month_name_' + mv.RISK_INDEX)} = {formula}")
    return f"{t('source', ctx.lang)}: {cite} ({dates}){calc} · {monthend.set_text(ctx.lang)}"


def display(ctx: Ctx, rows: pd.DataFrame) -> pd.DataFrame:
    """`newer` as the screen's table: the figure with its date, its value and unit (the index with its class),
    and the latest year of the year series beside it (a row each; a phone reads it on one screen)."""
    value = [f"{v} ({n})" if isinstance(n, str) else v for v, n in zip(rows["text"], rows["note"])]
    return pd.DataFrame({ctx.t("month_col_figure"): rows["label"], ctx.t("month_col_value"): value,
                         ctx.t("month_col_year_end"): rows["year_end"]})


def show(ctx: Ctx, rows: pd.DataFrame) -> None:
    """The figures as a small table (each labelled with its date), the note that they are not part of the
    year series, and the source line with the boundary set."""
    with st.container(border=True, key="region_month"):
        st.markdown(f"**{ctx.t('month_region_title')}**")
        datatable.show(ctx, display(ctx, rows), key="region_month_table", sortable=False)
        st.caption(f"{ctx.t('month_region_note')}  \n{source_caption(ctx, rows)}")
