"""지도's comparisons (`?compare=`): the change of one indicator between two years (in its unit — %p for a
percentage — or in %, diverging colours centred on 0, both years named), and two maps side by side (two
years of one indicator, or two indicators in one year) on one scale where their units agree."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators.schema import Indicator
from indicators.views import compare
from ui import figures, maps, mapview, palette
from ui import format as fmt
from ui.context import Ctx

MODES = ("none", "change", "years", "indicators")


def mode_labels(ctx: Ctx) -> dict[str, str]:
    return {m: ctx.t(f"map_compare_{m}") for m in MODES}


def change_labels(ctx: Ctx, ind: Indicator) -> dict[str, str]:
    """'unit' (the indicator's unit; %p for a percentage) | 'pct' (% of the first year)."""
    unit = "%p" if fmt.unit_label(ind, "ko") == "%" else fmt.unit_label(ind, ctx.lang)
    return {"unit": ctx.t("change_in_unit", unit=unit), "pct": ctx.t("change_in_pct")}


def _ranks(values: pd.Series) -> pd.Series:
    """1 = highest, ties share the better rank; NaN stays unranked."""
    return values.rank(ascending=False, method="min")


def _codes(level: str) -> list[str]:
    return regions.codes(level, app_data.boundary_set())


def change_frame(ind: Indicator, level: str, year_from: int, year_to: int) -> pd.DataFrame:
    """`compare.change_between` of `ind` on the map's areas (a union's value where a file has no split)."""
    frame = maps.all_years(ind.id, level)
    return compare.change_between(frame[["region_code", "year", "value"]], _codes(level), year_from, year_to)


@figures.cached
def change_view(ctx: Ctx, ind: Indicator, level: str, year_from: int, year_to: int, as_pct: bool) -> dict:
    """The change map: `year_to` − `year_from` per area (or in % of `year_from`), RdBu centred on 0 with
    blue on the better side; hover names both years' values."""
    ch = change_frame(ind, level, year_from, year_to)
    col = "change_pct" if as_pct else "change"
    unit = "%" if as_pct else ("%p" if fmt.unit_label(ind, "ko") == "%" else fmt.unit_label(ind, ctx.lang))
    span = float(np.nanmax(np.abs(ch[col]))) if ch[col].notna().any() else 1.0
    colors = palette.diverging_scale(ind.polarity)

    def signed(v: float) -> str:
        return f"{v:+,.1f}{unit}" if as_pct or unit == "%p" else f"{'+' if v > 0 else ''}{fmt.value(v, ind, ctx.lang)}"

    texts = [None if pd.isna(c) else f"{fmt.value(a, ind, ctx.lang)} → {fmt.value(b, ind, ctx.lang)} ({signed(c)})"
             for a, b, c in zip(ch["value_from"], ch["value_to"], ch[col])]
    shown = pd.DataFrame({"region_code": ch["region_code"], "value": ch[col], "text": texts,
                          "fill": mapview.fills(ch[col].to_numpy(), colors, -span, span), "rank": _ranks(ch[col])})
    title = ctx.t("map_change_title", name=fmt.name(ind, ctx.lang), y0=year_from, y1=year_to)
    legend = mapview.legend_continuous(ctx.t("map_change_legend", y0=year_from, y1=year_to, unit=unit), colors,
                                       -span, span, signed)
    return maps.one_year_view(ctx, shown, level=level, year=year_to, title=title, legend=legend, unit_text=unit,
                              source=fmt.source_line(ind, ctx.lang), key=f"change|{ind.id}|{level}|{year_from}|"
                              f"{year_to}|{as_pct}|{ctx.lang}|{ctx.presenter}",
                              filename=f"{ind.id}_{level}_change_{year_from}_{year_to}",
                              note=ctx.t("map_change_note", y0=year_from, y1=year_to))


def _year_frame(ind: Indicator, level: str, year: int) -> pd.DataFrame:
    frame = maps.all_years(ind.id, level)
    at = frame[frame["year"] == year].set_index("region_code")["value"]
    values = pd.Series(_codes(level)).map(at)
    return pd.DataFrame({"region_code": _codes(level), "value": values.to_numpy()})


def _one(ctx: Ctx, ind: Indicator, level: str, year: int, lo: float, hi: float, side: str) -> dict:
    frame = _year_frame(ind, level, year)
    colors = palette.sequential_scale(ind.polarity)
    unit = fmt.unit_label(ind, ctx.lang)
    shown = frame.assign(fill=mapview.fills(frame["value"].to_numpy(), colors, lo, hi),
                         text=[None if pd.isna(v) else fmt.value(v, ind, ctx.lang) for v in frame["value"]],
                         rank=_ranks(frame["value"]))
    legend = mapview.legend_continuous(unit, colors, lo, hi, lambda v: fmt.value(v, ind, ctx.lang))
    return maps.one_year_view(ctx, shown, level=level, year=year, title=f"{fmt.name(ind, ctx.lang)} · "
                              f"{fmt.year_text(year, ctx.lang)}", legend=legend, unit_text=unit,
                              source=fmt.source_line(ind, ctx.lang), filename=f"{ind.id}_{level}_{year}",
                              key=f"pair|{side}|{ind.id}|{level}|{year}|{lo}|{hi}|{ctx.lang}|{ctx.presenter}")


def _span(frames: list[pd.DataFrame]) -> tuple[float, float]:
    values = pd.concat([f["value"] for f in frames]).dropna()
    return (float(values.min()), float(values.max())) if len(values) else (0.0, 1.0)


@figures.cached
def year_pair(ctx: Ctx, ind: Indicator, level: str, year_a: int, year_b: int) -> tuple[dict, dict]:
    """Two years of one indicator side by side on one scale (the two years' range)."""
    lo, hi = _span([_year_frame(ind, level, y) for y in (year_a, year_b)])
    return _one(ctx, ind, level, year_a, lo, hi, "a"), _one(ctx, ind, level, year_b, lo, hi, "b")


def shared_scale(a: Indicator, b: Indicator) -> bool:
    """Two indicators share a colour scale only when their units agree."""
    return fmt.unit_label(a, "en") == fmt.unit_label(b, "en")


@figures.cached
def indicator_pair(ctx: Ctx, a: Indicator, b: Indicator, level: str, year: int) -> tuple[dict, dict]:
    """Two indicators in one year side by side: one scale where their units agree, else each its own."""
    fa, fb = _year_frame(a, level, year), _year_frame(b, level, year)
    if shared_scale(a, b):
        lo, hi = _span([fa, fb])
        return _one(ctx, a, level, year, lo, hi, "a"), _one(ctx, b, level, year, lo, hi, "b")
    return _one(ctx, a, level, year, *_span([fa]), "a"), _one(ctx, b, level, year, *_span([fb]), "b")


def show_pair(ctx: Ctx, views: tuple[dict, dict], note: str) -> None:
    """Two one-year views side by side (지도's comparisons: keys map_a, map_b) and the note on their scales."""
    for column, view, key in zip(st.columns(2), views, ("map_a", "map_b")):
        with column:
            maps.show_view(ctx, view, key=key)
    st.caption(note)
