"""이변량 지도: two indicators at one level and year as 3 × 3 tercile classes (`indicators.bivariate`).

The map is the browser map (`ui.maps.one_year_view` → `ui.mapview`) with the nine classes in
`bivariate.PALETTE`; its legend is a 3 × 3 square (in the SVG/PNG export too) labelled with the two
indicators and the direction of each. Areas missing either value are hatched.
"""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators.bivariate import PALETTE, bivariate
from ui import figures, maps
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import text_width

DEFAULT_PAIRS: tuple[tuple[str, str, str, int | None], ...] = (
    ("reg_extinction_risk_index", "fiscal_self_reliance_sigungu_pct", "sigungu", 2023),
    ("census_grdp_per_capita_krw_th", "census_doctors_per_1000", "sigungu", None),
)


def options() -> list[str]:
    """Indicators with values at 시도 or 시군구."""
    return app_data.mappable_indicators()


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


@figures.cached
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


@figures.cached
def cut_table(ctx: Ctx, f: pd.DataFrame, x: str, y: str) -> pd.DataFrame:
    """Range of values in each tercile of each indicator (as classed, over areas with that value), as
    text in the indicator's unit with one number of decimals per indicator."""
    rows = []
    names = tercile_names(ctx.lang)
    for axis, ind, vcol, ccol in (("X", x, "x_value", "x_class"), ("Y", y, "y_value", "y_class")):
        obj = app_data.indicator(ind)
        dec = fmt.decimals_for(f[vcol], obj)
        unit = fmt.unit_label(obj, ctx.lang)
        for k in range(3):
            v = f.loc[f[ccol] == k, vcol]
            span = f"{fmt.fixed(v.min(), dec)} – {fmt.fixed(v.max(), dec)} {unit}".strip() if len(v) else "–"
            rows.append({"axis": f"{axis}: {short_name(ind, ctx.lang)}", "tercile": names[k], "range": span,
                         "n": int(len(v))})
    return pd.DataFrame(rows)


def cut_columns(ctx: Ctx, x: str, y: str) -> dict:
    """The tercile table's columns (indicator tooltips: the catalogue's definitions)."""
    both = f"X: {fmt.definition(x, ctx.lang)}  \nY: {fmt.definition(y, ctx.lang)}"
    return {"axis": st.column_config.TextColumn(ctx.t("indicator"), width=130, help=both),
            "tercile": st.column_config.TextColumn(ctx.t("tercile"), width=60),
            "range": st.column_config.TextColumn(ctx.t("biv_range"), width=130),
            "n": st.column_config.NumberColumn("n", format="%d", width=40)}


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


@figures.cached
def map_view(ctx: Ctx, f: pd.DataFrame, x: str, y: str, level: str, year: int) -> dict:
    """The browser map (ui.mapview): nine classes in `PALETTE`, a 3 × 3 legend square with both
    indicators and their direction, areas missing either value hatched (never the pale low/low)."""
    xi, yi = app_data.indicator(x), app_data.indicator(y)
    xn, yn = fmt.name(xi, ctx.lang), fmt.name(yi, ctx.lang)
    names = tercile_names(ctx.lang)
    counts = f["class"].value_counts()
    cells = [f"{xn}: {names[k // 3]} · {yn}: {names[k % 3]} · {ctx.t('biv_count', n=int(counts.get(k, 0)))}"
             for k in range(9)]
    legend = {"kind": "square", "title": ctx.t("biv_legend"), "colors": list(PALETTE), "cell_titles": cells,
              "x_label": f"{_short(xn)} ({direction(x, ctx)})", "y_label": f"{_short(yn)} ({direction(y, ctx)})"}
    text = [f"{xn}: {fmt.value(a, xi, ctx.lang)} ({names[int(xc)]}) · {yn}: {fmt.value(b, yi, ctx.lang)} "
            f"({names[int(yc)]})" if pd.notna(c) else None
            for a, b, xc, yc, c in zip(f["x_value"], f["y_value"], f["x_class"], f["y_class"], f["class"])]
    frame = pd.DataFrame({"region_code": f["region_code"], "value": f["class"], "text": text,
                          "fill": [PALETTE[int(c)] if pd.notna(c) else None for c in f["class"]], "rank": None})
    title = f"{xn} × {yn}"
    if text_width(title, 16) > 560:  # long names: without their parenthesised basis (in the legend square)
        title = f"{_short(xn)} × {_short(yn)}"
    src = f"{fmt.source_line(xi, ctx.lang)} · {fmt.source_line(yi, ctx.lang)}"
    return maps.one_year_view(ctx, frame, level=level, year=year, title=title, legend=legend,
                              unit_text=ctx.t("biv_classes"), source=src, key=f"biv|{x}|{y}|{level}|{year}|{ctx.lang}",
                              filename=f"bivariate_{x}_{y}_{level}", missing_label=ctx.t("biv_missing_legend"))


def default_year(x: str, y: str, level: str, years: list[int]) -> int:
    """The default pair's year when the default pair and level are shown, else the latest."""
    dx, dy, dlevel, dyear = default_pair()
    return dyear if (x, y, level) == (dx, dy, dlevel) and dyear in years else years[-1]


@figures.cached
def shown_table(f: pd.DataFrame) -> pd.DataFrame:
    """The areas by class (terciles numbered 1 = low … 3 = high), as listed and downloaded."""
    shown = f.drop(columns=["hover"]).sort_values(["class", "region_code"], na_position="last")
    shown[["x_class", "y_class"]] = shown[["x_class", "y_class"]] + 1
    return shown


TABLE_ORDER = ["region", "x_value", "y_value", "x_class", "y_class", "class", "is_capital_region", "region_code"]


def table_columns(ctx: Ctx, x: str, y: str, f: pd.DataFrame | None = None) -> dict:
    """Columns of the areas table: X and Y headed by name and unit (tooltip: the definition), each with one
    number of decimals over the column (`fmt.decimals_for`)."""
    xi, yi = app_data.indicator(x), app_data.indicator(y)
    dx = fmt.decimals_for(f["x_value"], xi) if f is not None else 2
    dy = fmt.decimals_for(f["y_value"], yi) if f is not None else 2
    ux, uy = fmt.unit_label(xi, ctx.lang), fmt.unit_label(yi, ctx.lang)
    return {"region": st.column_config.TextColumn(ctx.t("region"), pinned=True),
            "x_value": st.column_config.NumberColumn(f"X: {short_name(x, ctx.lang)}" + (f" ({ux})" if ux else ""),
                                                     format=fmt.column_format(dx), help=fmt.definition(xi, ctx.lang)),
            "y_value": st.column_config.NumberColumn(f"Y: {short_name(y, ctx.lang)}" + (f" ({uy})" if uy else ""),
                                                     format=fmt.column_format(dy), help=fmt.definition(yi, ctx.lang)),
            "x_class": st.column_config.NumberColumn(ctx.t("biv_xc"), format="%d"),
            "y_class": st.column_config.NumberColumn(ctx.t("biv_yc"), format="%d"),
            "class": st.column_config.NumberColumn(ctx.t("biv_class"), format="%d"),
            "is_capital_region": st.column_config.CheckboxColumn(ctx.t("CR")),
            "region_code": st.column_config.TextColumn(ctx.t("code_col"))}


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
