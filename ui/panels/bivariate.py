"""이변량 지도: two indicators at one level and year as 3 × 3 tercile classes (`indicators.bivariate`).

The map is `ui.charts.class_choropleth` (called, not changed) with the nine classes in
`bivariate.PALETTE`; the legend is a 3 × 3 heatmap inset in the same figure (so the PNG carries
it), its axes labelled with the two indicators and the direction of each. Areas missing either
value are grey.
"""
from __future__ import annotations

import textwrap

import numpy as np
import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import app_data
from geo import regions
from indicators.bivariate import PALETTE, bivariate
from ui import charts
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import finish, text_width

DEFAULT_PAIRS: tuple[tuple[str, str, str, int | None], ...] = (
    ("reg_extinction_risk_index", "fiscal_self_reliance_sigungu_pct", "sigungu", 2023),
    ("census_grdp_per_capita_krw_th", "census_doctors_per_1000", "sigungu", None),
)


def options() -> list[str]:
    return [i for i in app_data.available_indicators() if app_data.levels_for(i)]


def default_pair() -> tuple[str, str, str, int | None]:
    have = set(options())
    for x, y, level, year in DEFAULT_PAIRS:
        if x in have and y in have and level in set(app_data.levels_for(x)) & set(app_data.levels_for(y)):
            if year is None or year in common_years(x, y, level):
                return x, y, level, year
    ids = options()
    return ids[0], ids[1 if len(ids) > 1 else 0], "sido", None


def common_levels(x: str, y: str) -> list[str]:
    ly = set(app_data.levels_for(y))
    return [lv for lv in app_data.levels_for(x) if lv in ly]


def common_years(x: str, y: str, level: str) -> list[int]:
    return sorted(set(app_data.years_for(x, level)) & set(app_data.years_for(y, level)))


def tercile_names(lang: str) -> list[str]:
    return ["하위 ⅓", "중위 ⅓", "상위 ⅓"] if lang == "ko" else ["low ⅓", "middle ⅓", "high ⅓"]


def direction(ind_id: str, ctx: Ctx) -> str:
    ind = app_data.indicator(ind_id)
    pol = ind.polarity if ind else 0
    return ctx.t("higher_better") if pol > 0 else ctx.t("higher_worse") if pol < 0 else ctx.t("higher_neutral")


def frame(ctx: Ctx, x: str, y: str, level: str, year: int) -> pd.DataFrame:
    """Every area of the level: both values, tercile of each (0–2), class (0–8, NaN = missing), hover."""
    xv = app_data.values(x, level, year).set_index("region_code")["value"]
    yv = app_data.values(y, level, year).set_index("region_code")["value"]
    b = bivariate(xv, yv)
    f = pd.DataFrame({"region_code": xv.index, "region": [regions.name(c, ctx.lang) for c in xv.index],
                      "is_capital_region": [regions.is_capital(c) for c in xv.index],
                      "x_value": xv.to_numpy(), "y_value": yv.reindex(xv.index).to_numpy()})
    f = f.join(b.reset_index(drop=True)[["x_class", "y_class", "class", "colour"]])
    names = tercile_names(ctx.lang)
    xi, yi = app_data.indicator(x), app_data.indicator(y)
    xn, yn = fmt.name(xi, ctx.lang), fmt.name(yi, ctx.lang)
    hover = []
    for name, xv_, yv_, xc, yc, cls in zip(f["region"], f["x_value"], f["y_value"], f["x_class"], f["y_class"],
                                          f["class"]):
        xs = fmt.value(xv_, xi, ctx.lang) + (f" ({names[int(xc)]})" if pd.notna(xc) else "")
        ys = fmt.value(yv_, yi, ctx.lang) + (f" ({names[int(yc)]})" if pd.notna(yc) else "")
        hover.append(f"<b>{name}</b><br>{xn}: {xs}<br>{yn}: {ys}"
                     + ("" if pd.notna(cls) else f"<br>{ctx.t('biv_missing')}"))
    f["hover"] = hover
    f.insert(0, "year", year)
    f.insert(1, "level", level)
    return f


def class_label(k: int, ctx: Ctx, xn: str, yn: str) -> str:
    names = tercile_names(ctx.lang)
    return f"{xn} {names[k // 3]} · {yn} {names[k % 3]}"


def cut_table(ctx: Ctx, f: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    """Range of values in each tercile of each indicator (as classed, over areas with that value)."""
    rows = []
    names = tercile_names(ctx.lang)
    for ind, vcol, ccol in ((x, "x_value", "x_class"), (y, "y_value", "y_class")):
        for k in range(3):
            v = f.loc[f[ccol] == k, vcol]
            rows.append({ctx.t("indicator"): app_data.name(ind, ctx.lang), ctx.t("tercile"): names[k],
                         "min": v.min() if len(v) else np.nan, "max": v.max() if len(v) else np.nan,
                         "n": int(len(v))})
    return pd.DataFrame(rows)


def _short(name: str) -> str:
    """'지방소멸위험지수 (주민등록인구 (KOSIS, 등록 기준))' → '지방소멸위험지수' (trailing parenthesis dropped)."""
    if not name.endswith(")"):
        return name
    depth = 0
    for i in range(len(name) - 1, -1, -1):
        depth += {")": 1, "(": -1}.get(name[i], 0)
        if depth == 0:
            return name[:i].strip() or name
    return name


def short_name(ind_id: str, lang: str) -> str:
    return _short(app_data.name(ind_id, lang))


def _wrap(text: str, width: int = 16) -> str:
    return "<br>".join(textwrap.wrap(text, width=width, break_long_words=False))


def figure(ctx: Ctx, f: pd.DataFrame, x: str, y: str, level: str, year: int) -> go.Figure:
    geo = app_data.geometry()
    xn, yn = app_data.name(x, ctx.lang), app_data.name(y, ctx.lang)
    labels = [class_label(k, ctx, xn, yn) for k in range(9)]
    fig = charts.class_choropleth(f, geo[level], class_labels=labels, colors=PALETTE,
                                  missing_label=ctx.t("biv_missing_legend"),
                                  outline=geo.get(f"capital_outline_{level}"),
                                  outline_label=ctx.t("capital_outline"), uirevision=f"biv-{level}",
                                  zoom_labels=(ctx.t("zoom_nation"), ctx.t("zoom_capital")), presenter=ctx.presenter)
    for tr in fig.data:  # the nine classes are explained by the legend square, not the list legend
        if tr.name in labels:
            tr.showlegend = False
        elif tr.name == ctx.t("biv_missing_legend"):  # missing: grey with a dark outline (the low/low class is pale)
            tr.marker.line = dict(color="#444444", width=0.9)
    _legend_square(fig, ctx, f, xn, yn, x, y)
    n_both = int(f["class"].notna().sum())
    subtitle = (f"{ctx.t(level)} · {fmt.year_text(year, ctx.lang)} · {ctx.t('biv_classes')} · "
                f"{ctx.t('biv_n', n=n_both, total=len(f))}")
    src = f"{fmt.source_line(app_data.indicator(x), ctx.lang)} · {fmt.source_line(app_data.indicator(y), ctx.lang)}"
    title = f"{xn} × {yn}"
    if text_width(title, 16) > 560:  # long names: without their parenthesised basis (in the legend square)
        title = f"{_short(xn)} × {_short(yn)}"
    finish(fig, title=title, subtitle=subtitle, source=src, presenter=ctx.presenter, height=640,
           legend_top=False, wrap=90)
    return fig


def _legend_square(fig: go.Figure, ctx: Ctx, f: pd.DataFrame, xn: str, yn: str, x: str, y: str) -> None:
    """A 3 × 3 heatmap inset (lower right, over the sea): columns = x terciles, rows = y terciles."""
    z = [[3 * xc + yc for xc in range(3)] for yc in range(3)]
    counts = f["class"].value_counts()
    names = tercile_names(ctx.lang)
    text = [[f"{xn}: {names[xc]}<br>{yn}: {names[yc]}<br>{ctx.t('biv_count', n=int(counts.get(3 * xc + yc, 0)))}"
             for xc in range(3)] for yc in range(3)]
    scale = []
    for k, c in enumerate(PALETTE):
        scale += [[k / 9, c], [(k + 1) / 9, c]]
    fig.add_trace(go.Heatmap(z=z, x=[0, 1, 2], y=[0, 1, 2], colorscale=scale, zmin=-0.5, zmax=8.5, showscale=False,
                             xgap=2, ygap=2, text=text, hovertemplate="%{text}<extra></extra>", xaxis="x", yaxis="y",
                             showlegend=False, name=ctx.t("biv_legend")))
    size = 13 if ctx.presenter else 10
    fig.update_layout(
        xaxis=dict(domain=[0.80, 0.95], anchor="y", tickvals=[0, 1, 2], ticktext=["", "", ""], showgrid=False,
                   zeroline=False, fixedrange=True, ticks="",
                   title=dict(text=_wrap(f"{xn}", 16) + f" →<br><i>{direction(x, ctx)}</i>", font=dict(size=size),
                              standoff=4)),
        yaxis=dict(domain=[0.08, 0.24], anchor="x", tickvals=[0, 1, 2], ticktext=["", "", ""], showgrid=False,
                   zeroline=False, fixedrange=True, ticks="", scaleanchor="x", scaleratio=1, constrain="domain"))
    # the y label written horizontally above the square (rotated Hangul reads badly)
    fig.add_annotation(text="↑ " + _wrap(yn, 16) + f"<br><i>{direction(y, ctx)}</i>", xref="x domain",
                       yref="y domain", x=0.0, y=1.0, xanchor="left", yanchor="bottom", showarrow=False, align="left",
                       yshift=4, font=dict(size=size, color="#222"))


def default_year(x: str, y: str, level: str, years: list[int]) -> int:
    """The default pair's year when the default pair and level are shown, else the latest."""
    dx, dy, dlevel, dyear = default_pair()
    return dyear if (x, y, level) == (dx, dy, dlevel) and dyear in years else years[-1]


def shown_table(f: pd.DataFrame) -> pd.DataFrame:
    """The areas by class (terciles numbered 1 = low … 3 = high), as listed and downloaded."""
    shown = f.drop(columns=["hover"]).sort_values(["class", "region_code"], na_position="last")
    shown[["x_class", "y_class"]] = shown[["x_class", "y_class"]] + 1
    return shown


TABLE_ORDER = ["region", "x_value", "y_value", "x_class", "y_class", "class", "is_capital_region", "region_code"]
CUT_COLUMNS = {"min": st.column_config.NumberColumn(format="localized"),
               "max": st.column_config.NumberColumn(format="localized")}


def table_columns(ctx: Ctx, x: str, y: str) -> dict:
    return {"region": st.column_config.TextColumn(ctx.t("region")),
            "x_value": st.column_config.NumberColumn(f"X: {short_name(x, ctx.lang)}", format="localized"),
            "y_value": st.column_config.NumberColumn(f"Y: {short_name(y, ctx.lang)}", format="localized"),
            "x_class": st.column_config.NumberColumn(ctx.t("biv_xc"), format="%d"),
            "y_class": st.column_config.NumberColumn(ctx.t("biv_yc"), format="%d"),
            "class": st.column_config.NumberColumn(ctx.t("biv_class"), format="%d"),
            "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
            "region_code": st.column_config.TextColumn("code")}


def missing_caption(ctx: Ctx, f: pd.DataFrame) -> str:
    """The areas missing either value ('' if none), at most 40 named."""
    missing = f[f["class"].isna()]
    if missing.empty:
        return ""
    return (ctx.t("biv_missing_list", n=len(missing), names=", ".join(missing["region"].head(40)))
            + (" …" if len(missing) > 40 else ""))


def default_inputs() -> list[str]:
    """The first default pair's indicators (what the raw-files notice lists)."""
    return list(DEFAULT_PAIRS[0][:2])
