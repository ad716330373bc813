"""The views of the pages' browser maps (specs for `ui.mapview`): an indicator by 권역, 시도 or 시군구 over
every year (`indicator_view`: each area's colour, text and rank per year, the legend in the unit's format,
the CSV's columns), the KEIS risk classes (`risk_view`) and one computed year (`one_year_view`: composite,
bivariate). Cached per build, boundary set and view."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import derive, views
from ui import csvs, macro, mapview, palette
from ui import format as fmt
from ui.context import Ctx
from ui.maps.geometry import geometry_urls


def class_labels(lang: str) -> list[str]:
    names = derive.RISK_CLASSES_EN if lang == "en" else derive.RISK_CLASSES_KO
    b = derive.RISK_BOUNDS
    ranges = [f"< {b[0]}"] + [f"{lo}–{hi}" for lo, hi in zip(b[:-1], b[1:])] + [f"≥ {b[-1]}"]
    return [f"{n} ({r})" for n, r in zip(names, ranges)]


def risk_frame(basis: str, year: int) -> pd.DataFrame:
    """Every 시군구 with its index, KEIS class (NaN = no data), capital flag, rank."""
    frame = app_data.values(derive.RISK_INDEX[basis], "sigungu", year).copy()
    frame["class"] = derive.risk_class(frame["value"])
    return frame


# ---------------------------------------------------------------- the SVG map component (ui.mapview)

def map_labels(ctx: Ctx) -> dict[str, str]:
    """The map's own words (buttons, tooltip, zoom) in the page's language."""
    out = {name: ctx.t(f"map_{name}") for name in ("play", "pause", "png", "svg", "csv", "geo_error")}
    out.update(nation=ctx.t("zoom_nation"), capital=ctx.t("zoom_capital"), rank=ctx.t("rank"),
               region=ctx.t("region"), value=ctx.t("value"), year=ctx.t("year"), no_data=ctx.t("no_data"))
    return out


def all_years(ind_id: str, level: str) -> pd.DataFrame:
    """Every area of `level` in the run's boundary set × every year with a value (region_code, year,
    value — NaN where missing — rank within the year among the units with a value, and `union`: the
    union code whose value an area shows in a year no file has it apart, else None), from one cached
    series read (`views.on_areas`)."""
    set_id = app_data.boundary_set()
    codes, years = regions.codes(level, set_id), app_data.years_for(ind_id, level)
    stand = regions.stand_ins(set_id) if level == "sigungu" else {}
    read = app_data.series(ind_id, codes + list(stand))
    return views.on_areas(read, codes, years, stand)


def indicator_view(ctx: Ctx, ind_id: str, level: str, scale: str = "value") -> dict:
    """The browser map of `ind_id` at `level`, every year (cached per build and view)."""
    return _indicator_view(app_data.data_key(), ind_id, level, scale, ctx.lang, ctx.presenter)


@st.cache_data(show_spinner=False, max_entries=64)
def _indicator_view(key: app_data.DataKey, ind_id: str, level: str, scale: str, lang: str, presenter: bool) -> dict:
    ctx = Ctx("map", lang, presenter)
    frame = all_years(ind_id, level)
    years = sorted(frame["year"].unique().tolist())
    ind = app_data.indicator(ind_id)
    polarity = ind.polarity if ind else 0
    unit = fmt.unit_label(ind, lang)
    shown = frame.assign(raw_value=frame["value"])
    if scale == "relative":
        nat = app_data.series(ind_id, ["00"]).set_index("year")["value"]
        shown["value"] = views.relative_to(frame["value"], frame["year"].map(nat))
        span = float(np.nanmax(np.abs(shown["value"] - 100))) if shown["value"].notna().any() else 1.0
        lo, hi, colors = 100 - span, 100 + span, palette.diverging_scale(polarity)
        legend = mapview.legend_continuous(ctx.t("relative_unit"), colors, lo, hi, lambda v: f"{v:,.0f}")
        unit_text = ctx.t("relative_unit")
    else:
        lo, hi = float(np.nanmin(frame["value"])), float(np.nanmax(frame["value"]))
        colors = palette.sequential_scale(polarity)
        legend = mapview.legend_continuous(unit, colors, lo, hi, lambda v: fmt.value(v, ind, lang))
        unit_text = unit
    shown["fill"] = mapview.fills(shown["value"].to_numpy(), colors, lo, hi)
    shown["text"] = [fmt.value(v, ind, lang) if not fmt.is_missing(v) else None for v in frame["value"]]
    if scale == "relative":
        shown["text"] = [None if t is None else f"{t} · {r:,.1f}" for t, r in zip(shown["text"], shown["value"])]
    shown["text"] = union_texts(ctx, shown)
    view = _view(ctx, shown, ind_id, level, years, title=app_data.name(ind_id, lang), legend=legend,
                 unit_text=unit_text, key=f"{ind_id}|{level}|{scale}|{lang}|{int(presenter)}",
                 note=macro.macro_note(ctx, ind_id) if level == "macro" else "", filename=f"{ind_id}_{level}",
                 source=fmt.source_line(ind, lang), extra=union_note(ctx, frame))
    return {**view, "csv": {"header": [csvs.title(k, lang) for k in CSV_COLUMNS],
                            "indicator": app_data.name(ind_id, lang), "unit": unit, "decimals": fmt.csv_decimals(ind),
                            "indicator_id": ind_id, "source": fmt.source_text(ind, lang)}}


def union_texts(ctx: Ctx, shown: pd.DataFrame) -> list[str | None]:
    """Each area's text, marked where it shows its union's value (a year no file has it apart):
    '0.68배 (제물포구+영종구 합계)'."""
    return [t if u is None or t is None else f"{t} ({ctx.t('union_value', name=regions.name(u, ctx.lang))})"
            for t, u in zip(shown["text"], shown["union"])]


def union_note(ctx: Ctx, frame: pd.DataFrame) -> dict[int, str]:
    """Per year where an area shows its union's value: the note naming those unions."""
    unions = frame.dropna(subset=["union"]).groupby("year")["union"].unique()
    return {int(y): " · " + ctx.t("union_note", names=", ".join(regions.name(u, ctx.lang) for u in us))
            for y, us in unions.items()}


# The map's CSV (written in the browser, ui/assets/mapview.js), titled as every CSV (ui/csvs.py)
CSV_COLUMNS = ("region_code", "region", "year", "indicator_name", "value", "unit", "rank", "indicator", "source")


def _view(ctx: Ctx, shown: pd.DataFrame, ind_id: str, level: str, years: list[int], *, title: str,
          legend: dict, unit_text: str, key: str, note: str, filename: str, source: str,
          extra: dict | None = None, missing_label: str = "") -> dict:
    set_id = app_data.boundary_set()
    codes = regions.codes(level, set_id)
    have = shown.groupby("year")["value"].apply(lambda s: int(s.notna().sum()))
    boundaries = "" if level == "macro" else f" · {ctx.t(f'set_note_{set_id}')}"  # 권역: one territory in both
    subtitle = {str(y): f"{ctx.t(level)} · {fmt.year_text(y, ctx.lang)}{boundaries} · {ctx.t('unit')}: {unit_text} · "
                f"{have.get(y, 0)}/{len(codes)}" + ((extra or {}).get(y, "")) for y in years}
    rank = {y: [None if r is None else int(r) for r in v]
            for y, v in mapview.by_year(shown, codes, years, "rank").items()}
    return mapview.spec(
        key=key, indicator=ind_id, geo_url=geometry_urls()[level], codes=codes,
        names=[regions.name(c, ctx.lang) for c in codes],
        capital=[bool(c == "CR" or regions.is_capital(c)) for c in codes], years=years, year=years[-1],
        value=mapview.by_year(shown.assign(value=shown.get("raw_value", shown["value"])), codes, years, "value"),
        fill=mapview.by_year(shown, codes, years, "fill"), text=mapview.by_year(shown, codes, years, "text"),
        rank=rank, title=title, subtitle=subtitle, year_text={str(y): fmt.year_text(y, ctx.lang) for y in years},
        legend=legend, source=source, note=note, labels=map_labels(ctx),
        missing_label=missing_label or ctx.t("no_data"), outline_label=ctx.t("capital_outline"),
        clickable=level != "macro",
        presenter=ctx.presenter, filename=filename, height=560 if ctx.presenter else 620)


def risk_view(ctx: Ctx, basis: str) -> dict:
    """The browser map of the KEIS classes on `basis`, every year (cached per build)."""
    return _risk_view(app_data.data_key(), basis, ctx.lang, ctx.presenter)


@st.cache_data(show_spinner=False, max_entries=16)
def _risk_view(key: app_data.DataKey, basis: str, lang: str, presenter: bool) -> dict:
    ctx = Ctx("risk", lang, presenter)
    ind = derive.RISK_INDEX[basis]
    index = app_data.indicator(ind)
    frame = all_years(ind, "sigungu")
    years = sorted(frame["year"].unique().tolist())
    cls = derive.risk_class(frame["value"])
    labels = class_labels(lang)
    shown = frame.assign(fill=[None if np.isnan(c) else palette.RISK_COLORS[int(c)] for c in cls],
                         text=[None if fmt.is_missing(v) else f"{fmt.value(v, index, lang)} · {labels[int(c)]}"
                               for v, c in zip(frame["value"], cls)],
                         rank=frame["rank"])
    shown["text"] = union_texts(ctx, shown)
    at_risk = frame.assign(r=frame["value"] < derive.AT_RISK_BELOW).groupby("year")["r"].sum()
    unions = union_note(ctx, frame)
    extra = {y: f" · {ctx.t('card_risk')}: {int(at_risk.get(y, 0))}" + unions.get(y, "") for y in years}
    return _view(ctx, shown, ind, "sigungu", years, title=ctx.t("risk_map"),
                 legend=mapview.legend_classes(fmt.basis_name(basis, lang), palette.RISK_COLORS, labels),
                 unit_text=f"{fmt.unit_label(index, lang)} · {ctx.t('basis')}: {fmt.basis_name(basis, lang)}",
                 key=f"risk|{basis}|{lang}|{int(presenter)}", note="",
                 filename=f"extinction_risk_{basis}", extra=extra,
                 source=fmt.source_line(index, lang))


def one_year_view(ctx: Ctx, frame: pd.DataFrame, *, level: str, year: int, title: str, legend: dict,
                  unit_text: str, source: str, key: str, filename: str, note: str = "", extra: str = "",
                  missing_label: str = "") -> dict:
    """A browser map of one computed year (종합 격차지수, 이변량) beside the page's own table: `frame` has
    region_code, value (NaN = not computed), fill (hex; None = hatched), text (shown on hover) and rank."""
    view = _view(ctx, frame.assign(year=year), key, level, [year], title=title, legend=legend, unit_text=unit_text,
                 key=key, note=note, filename=filename, source=source, extra={year: extra},
                 missing_label=missing_label)
    return {**view, "side": False}
