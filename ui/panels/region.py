"""Region profile pieces: the relative-to-nation chart and the table of every indicator."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import views
from ui import barchart, figures, plots
from ui import format as fmt
from ui.context import Ctx

BETTER, WORSE, NEUTRAL = "#2166ac", "#b2182b", "#8c8c8c"


TEXT_PX = 118  # a value with its unit ("130.3 개/천 명", "KRW 1,946.0 tn") whole, never cut
ROW_PX = 35  # a table row's (and header's) height, generous (ui.datatable draws them ~31 px)
TABLE_MAX_PX = {"profile": 640, "series": 520}  # taller tables scroll inside


def rank_px() -> int:
    """Width of the rank column: the longest rank there can be ('229/229' among the 시군구) in full
    (8.5 px a digit or slash at the grid's 14 px type, and the cell's padding)."""
    n = len(regions.codes("sigungu"))
    return int(len(f"{n}/{n}") * 8.5) + 32


def table_height(rows: int, kind: str) -> int:
    """A table's height in px: its header and rows exactly (no empty rows under the last one), at most
    `TABLE_MAX_PX[kind]` (then it scrolls)."""
    return min(TABLE_MAX_PX[kind], ROW_PX * (rows + 1) + 3)
TABLE_ORDER = ["name", "year", "value_text", "rank", "trend", "nation_text", "capital_text", "noncapital_text",
               "share_of_nation_pct", "relative_to_nation_100", "source"]


def title(ctx: Ctx, code: str) -> str:
    """The region's name (시도 in full)."""
    return regions.name(code, ctx.lang, full=len(code) != 5)


def header(ctx: Ctx, code: str) -> str:
    row = regions.require(code)
    bits = [ctx.t(row["level"])]
    if row["level"] == "sigungu":
        bits.append(regions.name(row["parent_code"], ctx.lang, full=True))
    bits.append(ctx.t("CR") if regions.is_capital(code) else ctx.t("NC"))
    return " · ".join(bits)


@figures.cached
def table(ctx: Ctx, code: str) -> pd.DataFrame:
    """One row per indicator of the region's profile (`app_data.region_profile`): name, year, value and
    unit, rank, nation/CR/NC, share of nation, trend."""
    return profile_table(ctx, app_data.region_profile(code))


def profile_table(ctx: Ctx, prof: pd.DataFrame) -> pd.DataFrame:
    """`table` of a profile frame."""
    lang = ctx.lang
    inds = prof["indicator"]
    known = [app_data.indicator(i) for i in inds]  # looked up once per row, then passed along
    # an amount (its unit's kind in the registry): "relative to nation" is a size share, not a comparison
    amount = np.array([k.is_amount if k else True for k in known], dtype=bool)
    ratio = views.relative_to(prof["value"], prof["nation"])
    share = np.where(amount, ratio, np.nan)
    rel = np.where(~amount, ratio, np.nan)
    return pd.DataFrame({
        "indicator": inds,
        "name": [fmt.name(k, lang) if k else i for i, k in zip(inds, known)],
        "year": prof["year"],
        "value": prof["value"],
        "value_text": [fmt.value(v, k, lang) for v, k in zip(prof["value"], known)],
        "rank": [f"{r}/{n}" for r, n in zip(prof["rank"], prof["n_ranked"])],
        "nation_text": [fmt.value(v, k, lang) for v, k in zip(prof["nation"], known)],
        "capital_text": [fmt.value(v, k, lang) for v, k in zip(prof["capital"], known)],
        "noncapital_text": [fmt.value(v, k, lang) for v, k in zip(prof["noncapital"], known)],
        "share_of_nation_pct": np.round(share, 2),
        "relative_to_nation_100": np.round(rel, 1),
        "trend": prof["trend"],
        "nation": prof["nation"], "capital": prof["capital"], "noncapital": prof["noncapital"],
        "source": [fmt.source_text(k, lang, short=True) if k else i for i, k in zip(inds, known)],
    })


def columns(ctx: Ctx) -> dict:
    ko = ctx.lang == "ko"
    return {
        "name": st.column_config.TextColumn(ctx.t("indicator"), width="medium", pinned=True,
                                            help=ctx.t("region_name_help")),
        "year": st.column_config.NumberColumn(ctx.t("latest_year"), format="%d"),
        "value_text": st.column_config.TextColumn(ctx.t("value"), width=TEXT_PX),
        "rank": st.column_config.TextColumn(ctx.t("rank"), help="높은 값 순" if ko else "highest first",
                                            width=rank_px()),
        "nation_text": st.column_config.TextColumn(ctx.t("nation"), width=TEXT_PX),
        "capital_text": st.column_config.TextColumn(ctx.t("CR"), width=TEXT_PX),
        "noncapital_text": st.column_config.TextColumn(ctx.t("NC"), width=TEXT_PX),
        "share_of_nation_pct": st.column_config.NumberColumn("전국 대비 비중(%)" if ko else "Share of nation (%)",
                                                             format="%.2f"),
        "relative_to_nation_100": st.column_config.NumberColumn(ctx.t("relative_unit"), format="%.1f"),
        "trend": st.column_config.LineChartColumn(ctx.t("trend"), width="small"),
        "source": st.column_config.TextColumn(ctx.t("source")),
    }




@figures.cached
def relative_chart(ctx: Ctx, code: str):
    """(bar view for `ui.barchart`, table): the non-additive indicators (rates, ratios, per-capita) of
    `table(ctx, code)` as region ÷ nation × 100, blue where better than the nation, red where worse;
    (None, table) without any. Presenter mode: the extremes only (all in the table)."""
    rel = table(ctx, code).dropna(subset=["relative_to_nation_100"]).copy()
    if rel.empty:
        return None, rel
    everything, note = rel, ""
    if ctx.presenter:
        keep = plots.extremes(rel["relative_to_nation_100"].tolist(), plots.PRESENTER_BARS)
        if len(keep) < len(rel):
            note = " · " + ctx.t("presenter_top_n", n=len(rel), k=plots.PRESENTER_BARS)
        rel = rel.iloc[keep]
    inds = [app_data.indicator(i) for i in rel["indicator"]]
    rows = []
    for r, ind in zip(rel.itertuples(), inds):
        pol = ind.polarity if ind else 0
        diff = r.relative_to_nation_100 - 100
        color = NEUTRAL if pol == 0 or diff == 0 else BETTER if diff * pol > 0 else WORSE
        label = f"{fmt.name(ind, ctx.lang)} ({int(r.year)})"
        hover = (f"{r.name} · {int(r.year)}\n{r.value_text} ({ctx.t('nation')} {r.nation_text})"
                 f"\n{ctx.t('relative_unit')}: {r.relative_to_nation_100:,.1f}")
        value = r.relative_to_nation_100
        rows.append(barchart.row(label=label, code=r.indicator, hover=hover,
                                 bars=[barchart.bar(value, f"{value:,.0f}", color)]))
    name = regions.name(code, ctx.lang)
    legend = ("파랑: 전국보다 나음 · 빨강: 전국보다 나쁨 · 회색: 방향 없음" if ctx.lang == "ko"
              else "Blue: better than nation · red: worse · grey: no direction")
    view = barchart.spec(ctx, key=f"region|{code}|{ctx.lang}|{ctx.presenter}", rows=rows, base=100.0, ref=100.0,
                         ref_label=ctx.t("nation"),
                         axis=barchart.axis(rel["relative_to_nation_100"].tolist(), base=100.0),
                         title=ctx.t("region_rel_title", name=name),
                         subtitle=f"{ctx.t('relative_unit')} · {legend}{note}", unit=ctx.t("relative_unit"),
                         source=fmt.sources_line([i for i in inds if i is not None], ctx.lang, short=True))
    return view, everything


# ---------------------------------------------------------------- every year (issue 9)

SERIES_YEAR = "year"


def _series_columns(code: str) -> list[str]:
    """The region's indicators, those measured most recently first (catalogue order within a year)."""
    wide = app_data.region_series(code)
    last = {c: int(wide[c].dropna().index.max()) for c in wide.columns}
    return sorted(wide.columns, key=lambda c: -last[c])  # stable: catalogue order kept within a year


def series_decimals(code: str) -> dict[str, int]:
    """Decimals of each indicator's column (`fmt.decimals_for` over all its years), shared by the table
    and the CSV so the CSV is rounded as displayed."""
    wide = app_data.region_series(code)
    return {c: fmt.decimals_for(wide[c], app_data.indicator(c)) for c in wide.columns}


def series_header(ind_id: str, lang: str) -> str:
    """A column header: the indicator's name and its unit, the unit every cell below is written in."""
    ind = app_data.indicator(ind_id)
    return fmt.indicator_label(ind, lang) if ind else ind_id


@figures.cached
def series_table(ctx: Ctx, code: str) -> pd.DataFrame:
    """Every year (rows, newest first) × every indicator of the region (columns: id): the value in the
    indicator's own unit (shown with one number of decimals per column: `series_columns`); missing
    where the build has no value for that year (never filled)."""
    wide = app_data.region_series(code)
    out = pd.DataFrame({SERIES_YEAR: wide.index.astype(int)})
    for c in _series_columns(code):
        out[c] = wide[c].to_numpy()
    return out


def series_columns(ctx: Ctx, code: str) -> dict:
    """Column settings of `series_table`: header = name (unit), tooltip = the catalogue's definition, the
    values with thousands separators and the column's decimals (`series_decimals`)."""
    conf = {SERIES_YEAR: st.column_config.NumberColumn(ctx.t("latest_year"), format="%d", pinned=True, width="small")}
    dec = series_decimals(code)
    for c in _series_columns(code):
        conf[c] = st.column_config.NumberColumn(series_header(c, ctx.lang), help=fmt.definition(c, ctx.lang),
                                                format=f"{{:,.{dec[c]}f}}")
    return conf


CSV_KEYS = ("region_code", "region", "indicator", "indicator_name", "unit", "year", "value", "source")


@figures.cached
def series_csv(ctx: Ctx, code: str) -> pd.DataFrame:
    """ONE table of everything the region has: one row per indicator and year the build holds (a year
    without a value stays empty, never filled), values rounded as the table shows them; the download
    titles its columns in the page's language (`ui.csvs`)."""
    wide = app_data.region_series(code)
    dec = series_decimals(code)
    name = regions.name(code, ctx.lang, full=len(code) != 5)
    rows = []
    for c in _series_columns(code):
        ind = app_data.indicator(c)
        col = wide[c]
        span = col[(col.index >= col.dropna().index.min()) & (col.index <= col.dropna().index.max())]
        for year, v in span.sort_index().items():
            rows.append((code, name, c, fmt.name(ind, ctx.lang) if ind else c, fmt.unit_label(ind, ctx.lang),
                         int(year), None if fmt.is_missing(v) else round(float(v), dec[c]),
                         fmt.source_text(ind, ctx.lang) if ind else ""))
    return pd.DataFrame(rows, columns=list(CSV_KEYS))
