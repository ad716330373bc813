"""Map figures of the pages: an indicator choropleth (권역, 시도 or 시군구) and the KEIS risk-class map."""
from __future__ import annotations

import re

import numpy as np
import pandas as pd
import streamlit as st

import app_data
from geo import regions
from geo.groups import MACRO_REGIONS
from indicators import derive, views
from ui import charts, fastfig, mapview, nav, state
from ui import components as cp
from ui import format as fmt


def national_value(ind_id: str, year: int) -> float:
    s = app_data.series(ind_id, ["00"])
    s = s[s["year"] == year]["value"]
    return float(s.iloc[0]) if len(s) else np.nan


def indicator_map(ctx: cp.Ctx, ind_id: str, level: str, year: int, scale: str = "value"):
    """(figure, table) of `ind_id` at `level` in `year`; scale 'relative' = nation 100, diverging.

    The figure is a `fastfig.SpecFigure` (a finished plain dict, for st.plotly_chart / plotly.io):
    built once per view and build (cached without its geometry), the shared simplified geometry
    attached per run."""
    spec, table = _indicator_map(app_data.data_version(), ind_id, level, int(year), scale, ctx.lang, ctx.presenter)
    return fastfig.SpecFigure(fastfig.attach_geometry(spec, app_data.geometry()[level])), table


@st.cache_data(show_spinner=False, max_entries=256)
def _indicator_map(version: int, ind_id: str, level: str, year: int, scale: str, lang: str,
                   presenter: bool) -> tuple[dict, pd.DataFrame]:
    """(plain figure dict without geometry, table) of one map view."""
    ctx = cp.Ctx("map", lang, presenter)
    fig, table = build_indicator_map(ctx, ind_id, level, year, scale,
                                     geojson=fastfig.light_geojson(app_data.geometry()[level]))
    return fastfig.figure_spec(fig), table


def build_indicator_map(ctx: cp.Ctx, ind_id: str, level: str, year: int, scale: str = "value",
                        geojson: dict | None = None):
    """(go.Figure, table) of `indicator_map`, uncached; `geojson` defaults to the level's geometry."""
    geo = app_data.geometry()
    geojson = geo[level] if geojson is None else geojson
    frame = app_data.values(ind_id, level, year).copy()
    ind = app_data.indicator(ind_id)
    polarity = ind.polarity if ind else 0
    frame["hover"] = cp.hover_lines(frame, ind_id, year, ctx.lang)
    unit = fmt.unit_label(ind_id, ctx.lang)
    nat = national_value(ind_id, year)
    shown = frame.copy()
    if scale == "relative" and not np.isnan(nat) and nat != 0:
        shown["value"] = views.relative_to(frame["value"], nat)
        shown["hover"] = [h + (f"<br>{ctx.t('relative_unit')}: {v:,.1f}" if not np.isnan(v) else "")
                          for h, v in zip(frame["hover"], shown["value"])]
        fig = charts.choropleth(shown, geojson, colorbar_title=ctx.t("relative_unit"),
                                scale=charts.diverging_scale(polarity), zmid=100.0, tickformat=",.0f",
                                **_common(ctx, level))
        subtitle_unit = f"{ctx.t('relative_unit')} ({fmt.value(nat, ind_id, ctx.lang)})"
    else:
        fig = charts.choropleth(shown, geojson, colorbar_title=unit, scale=charts.sequential_scale(polarity),
                                **_common(ctx, level))
        subtitle_unit = unit
    n_have = int(frame["value"].notna().sum())
    subtitle = (f"{ctx.t(level)} · {fmt.year_text(year, ctx.lang)} · {ctx.t('unit')}: {subtitle_unit} · "
                f"{n_have}/{len(frame)}")
    charts.finish(fig, title=app_data.name(ind_id, ctx.lang), subtitle=subtitle,
                  source=fmt.source_line(ind_id, ctx.lang), presenter=ctx.presenter, height=620, legend_top=False,
                  wrap=90, note=macro_note(ctx, ind_id) if level == "macro" else "")
    table = pd.DataFrame({
        "region_code": frame["region_code"],
        "region": [regions.name(c, ctx.lang) for c in frame["region_code"]],
        "is_capital_region": frame["is_capital_region"],
        "year": year, "indicator": ind_id, "value": frame["value"].round(
            3 if frame["value"].abs().max() < 100 else 1), "unit": unit,
        "rank": frame["rank"].astype("Int64"),
    })
    if scale == "relative" and not np.isnan(nat) and nat != 0:
        table["relative_to_nation_100"] = shown["value"]
    return fig, table


def _common(ctx: cp.Ctx, level: str) -> dict:
    geo = app_data.geometry()
    return dict(missing_label=ctx.t("no_data"), outline=geo[f"capital_outline_{level}"],
                outline_label=ctx.t("capital_outline"), uirevision=f"map-{level}",
                zoom_labels=(ctx.t("zoom_nation"), ctx.t("zoom_capital")), presenter=ctx.presenter)


# ---------------------------------------------------------------- 권역 (macro-regions)

def macro_members(lang: str) -> str:
    """'수도권 서울·인천·경기; 충청권 대전·세종·충북·충남; …' from `geo.groups.MACRO_REGIONS`."""
    sep = "·" if lang == "ko" else ", "
    return "; ".join(f"{regions.name(m.code, lang)} {sep.join(regions.name(s, lang) for s in m.members)}"
                     for m in MACRO_REGIONS)


def macro_note(ctx: cp.Ctx, ind_id: str) -> str:
    """How the 권역 values of `ind_id` arise: published per 권역 (an indicator without 시도 values in
    the catalogue, e.g. 경인지방통계청's gi_*) or summed from the member 시도."""
    ind = app_data.indicator(ind_id)
    published = ind is not None and "sido" not in ind.levels and "macro" in ind.levels
    return ctx.t("macro_published_note" if published else "macro_sum_note")


def _topic(name: str) -> str:
    """The Korean topic particle after `name`: 은 after a final consonant, 는 after a vowel
    (a trailing parenthesis is skipped: '지역내총생산(실질)' → 은); '은(는)' if not Hangul."""
    core = re.sub(r"\s*\([^()]*\)\s*$", "", name).rstrip()
    last = core[-1:] if core else ""
    if not ("가" <= last <= "힣"):
        return "은(는)"
    return "은" if (ord(last) - 0xAC00) % 28 else "는"


def macro_gap_text(ctx: cp.Ctx, ind_id: str) -> str:
    """Why `ind_id` has no 권역 values, in the page's language ('' if it has them): from
    `app_data.macro_gap` (catalogue: additive flag, ratio parts, unit; coverage: 시도 present)."""
    gap = app_data.macro_gap(ind_id)
    return "" if gap is None else _gap_text(ctx, gap)


def _gap_text(ctx: cp.Ctx, gap: views.MacroGap) -> str:
    name = app_data.name(gap.ind_id, ctx.lang)
    fields = dict(name=name, nun=_topic(name))
    if gap.kind == "parts" and gap.inner is not None:
        ind = app_data.indicator(gap.ind_id)
        return ctx.t("macro_gap_parts", **fields, num=app_data.name(ind.numerator, ctx.lang),
                     den=app_data.name(ind.denominator, ctx.lang), part=app_data.name(gap.part, ctx.lang),
                     why=_gap_text(ctx, gap.inner))
    if gap.kind == "incomplete":
        sep = "·" if ctx.lang == "ko" else ", "
        missing = sep.join(regions.name(c, ctx.lang) for c in gap.missing_sido) or "-"
        text = ctx.t("macro_gap_incomplete", **fields, n=gap.n_sido, missing=missing)
        if gap.macro_with_values:
            text += ctx.t("macro_gap_only", have=sep.join(regions.name(c, ctx.lang) for c in gap.macro_with_values))
        return text
    if gap.kind == "not_additive":
        return ctx.t(f"macro_gap_{gap.measure}", **fields)
    return ctx.t("macro_gap_unknown", **fields)


def class_labels(lang: str) -> list[str]:
    names = derive.RISK_CLASSES_EN if lang == "en" else derive.RISK_CLASSES_KO
    b = derive.RISK_BOUNDS
    ranges = [f"< {b[0]}"] + [f"{lo}–{hi}" for lo, hi in zip(b[:-1], b[1:])] + [f"≥ {b[-1]}"]
    return [f"{n} ({r})" for n, r in zip(names, ranges)]


def risk_frame(basis: str, year: int) -> pd.DataFrame:
    """Every 시군구 with its index, KEIS class (NaN = no data), capital flag, rank."""
    ind = f"extinction_risk_index_{basis}"
    frame = app_data.values(ind, "sigungu", year).copy()
    frame["class"] = derive.risk_class(frame["value"])
    return frame


def risk_map(ctx: cp.Ctx, basis: str, year: int):
    """(figure, frame) of the KEIS classes in `year`; the figure a `fastfig.SpecFigure`, cached like
    `indicator_map`."""
    spec, frame = _risk_map(app_data.data_version(), basis, int(year), ctx.lang, ctx.presenter)
    return fastfig.SpecFigure(fastfig.attach_geometry(spec, app_data.geometry()["sigungu"])), frame


@st.cache_data(show_spinner=False, max_entries=64)
def _risk_map(version: int, basis: str, year: int, lang: str, presenter: bool) -> tuple[dict, pd.DataFrame]:
    fig, frame = build_risk_map(cp.Ctx("risk", lang, presenter), basis, year,
                                geojson=fastfig.light_geojson(app_data.geometry()["sigungu"]))
    return fastfig.figure_spec(fig), frame


def build_risk_map(ctx: cp.Ctx, basis: str, year: int, geojson: dict | None = None):
    """(go.Figure, frame) of `risk_map`, uncached; `geojson` defaults to the 시군구 geometry."""
    geojson = app_data.geometry()["sigungu"] if geojson is None else geojson
    ind = f"extinction_risk_index_{basis}"
    frame = risk_frame(basis, year)
    labels = class_labels(ctx.lang)
    hover = cp.hover_lines(frame, ind, year, ctx.lang)
    frame["hover"] = [h + (f"<br>{labels[int(c)]}" if not np.isnan(c) else "") for h, c in zip(hover, frame["class"])]
    fig = charts.class_choropleth(frame, geojson, class_labels=labels,
                                  colors=charts.RISK_COLORS, **_common(ctx, "sigungu"))
    n_risk = int((frame["value"] < derive.AT_RISK_BELOW).sum())
    subtitle = (f"{ctx.t('sigungu')} · {fmt.year_text(year, ctx.lang)} · {derive.BASES[basis]} · "
                f"{ctx.t('card_risk')}: {n_risk}/{int(frame['value'].notna().sum())}")
    charts.finish(fig, title=ctx.t("risk_map"), subtitle=subtitle, source=fmt.source_line(ind, ctx.lang),
                  presenter=ctx.presenter, height=620, legend_top=False, wrap=90)
    return fig, frame


# ---------------------------------------------------------------- the SVG map component (ui.mapview)

_LABELS = {  # the component's own words (moved into ui.i18n with the next label pass)
    "play": ("▶ 재생", "▶ Play"), "pause": ("❚❚ 멈춤", "❚❚ Pause"), "png": ("PNG로 저장", "Save as PNG"),
    "svg": ("SVG로 저장", "Save as SVG"),
    "geo_error": ("지도 경계를 불러오지 못했습니다", "Could not load the boundaries"),
}


def _labels(ctx: cp.Ctx) -> dict[str, str]:
    k = 0 if ctx.lang == "ko" else 1
    out = {name: pair[k] for name, pair in _LABELS.items()}
    out.update(nation=ctx.t("zoom_nation"), capital=ctx.t("zoom_capital"), rank=ctx.t("rank"),
               region=ctx.t("region"), value=ctx.t("value"), year=ctx.t("year"), no_data=ctx.t("no_data"))
    return out


@st.cache_resource(show_spinner=False)
def geometry_urls() -> dict[str, str]:
    """level → URL of its SVG geometry under static/geo (written once per geometry version)."""
    from geo import svgmap

    return mapview.publish_geometry(svgmap.load())


def _all_years(ind_id: str, level: str) -> pd.DataFrame:
    years = app_data.years_for(ind_id, level)
    return pd.concat([app_data.values(ind_id, level, y).assign(year=y) for y in years], ignore_index=True)


def indicator_view(ctx: cp.Ctx, ind_id: str, level: str, scale: str = "value") -> dict:
    """The browser map of `ind_id` at `level`, every year (cached per build and view)."""
    return _indicator_view(app_data.data_version(), ind_id, level, scale, ctx.lang, ctx.presenter)


@st.cache_data(show_spinner=False, max_entries=64)
def _indicator_view(version: int, ind_id: str, level: str, scale: str, lang: str, presenter: bool) -> dict:
    ctx = cp.Ctx("map", lang, presenter)
    frame = _all_years(ind_id, level)
    years = sorted(frame["year"].unique().tolist())
    ind = app_data.indicator(ind_id)
    polarity = ind.polarity if ind else 0
    unit = fmt.unit_label(ind_id, lang)
    shown = frame.assign(raw_value=frame["value"])
    if scale == "relative":
        nat = app_data.series(ind_id, ["00"]).set_index("year")["value"]
        shown["value"] = views.relative_to(frame["value"], frame["year"].map(nat))
        span = float(np.nanmax(np.abs(shown["value"] - 100))) if shown["value"].notna().any() else 1.0
        lo, hi, colors = 100 - span, 100 + span, charts.diverging_scale(polarity)
        legend = mapview.legend_continuous(ctx.t("relative_unit"), colors, lo, hi, lambda v: f"{v:,.0f}")
        unit_text = ctx.t("relative_unit")
    else:
        lo, hi = float(np.nanmin(frame["value"])), float(np.nanmax(frame["value"]))
        colors = charts.sequential_scale(polarity)
        legend = mapview.legend_continuous(unit, colors, lo, hi, lambda v: fmt.value(v, ind_id, lang))
        unit_text = unit
    shown["fill"] = mapview.fills(shown["value"].to_numpy(), colors, lo, hi)
    shown["text"] = [fmt.value(v, ind_id, lang) if not fmt.is_missing(v) else None for v in frame["value"]]
    if scale == "relative":
        shown["text"] = [None if t is None else f"{t} · {r:,.1f}" for t, r in zip(shown["text"], shown["value"])]
    shown["rank"] = mapview.ranks(frame)
    return _view(ctx, shown, ind_id, level, years, title=app_data.name(ind_id, lang), legend=legend,
                 unit_text=unit_text, key=f"{ind_id}|{level}|{scale}|{lang}|{int(presenter)}",
                 note=macro_note(ctx, ind_id) if level == "macro" else "", filename=f"{ind_id}_{level}")


def _view(ctx: cp.Ctx, shown: pd.DataFrame, ind_id: str, level: str, years: list[int], *, title: str,
          legend: dict, unit_text: str, key: str, note: str, filename: str, extra: dict | None = None) -> dict:
    codes = regions.codes(level)
    have = shown.groupby("year")["value"].apply(lambda s: int(s.notna().sum()))
    subtitle = {str(y): f"{ctx.t(level)} · {fmt.year_text(y, ctx.lang)} · {ctx.t('unit')}: {unit_text} · "
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
        legend=legend, source=fmt.source_line(ind_id, ctx.lang), note=note, labels=_labels(ctx),
        missing_label=ctx.t("no_data"), outline_label=ctx.t("capital_outline"), clickable=level != "macro",
        presenter=ctx.presenter, filename=filename, height=560 if ctx.presenter else 620)


def risk_view(ctx: cp.Ctx, basis: str) -> dict:
    """The browser map of the KEIS classes on `basis`, every year (cached per build)."""
    return _risk_view(app_data.data_version(), basis, ctx.lang, ctx.presenter)


@st.cache_data(show_spinner=False, max_entries=16)
def _risk_view(version: int, basis: str, lang: str, presenter: bool) -> dict:
    ctx = cp.Ctx("risk", lang, presenter)
    ind = f"extinction_risk_index_{basis}"
    frame = _all_years(ind, "sigungu")
    years = sorted(frame["year"].unique().tolist())
    cls = derive.risk_class(frame["value"])
    labels = class_labels(lang)
    shown = frame.assign(fill=[None if np.isnan(c) else charts.RISK_COLORS[int(c)] for c in cls],
                         text=[None if fmt.is_missing(v) else f"{fmt.value(v, ind, lang)} · {labels[int(c)]}"
                               for v, c in zip(frame["value"], cls)],
                         rank=mapview.ranks(frame))
    at_risk = frame.assign(r=frame["value"] < derive.AT_RISK_BELOW).groupby("year")["r"].sum()
    extra = {y: f" · {ctx.t('card_risk')}: {int(at_risk.get(y, 0))}" for y in years}
    return _view(ctx, shown, ind, "sigungu", years, title=ctx.t("risk_map"),
                 legend=mapview.legend_classes(derive.BASES[basis], charts.RISK_COLORS, labels),
                 unit_text=derive.BASES[basis], key=f"risk|{basis}|{lang}|{int(presenter)}", note="",
                 filename=f"extinction_risk_{basis}", extra=extra)


ZOOMS = ("nation", "capital")


def page_year(ctx: cp.Ctx, years: list[int]) -> int:
    """The year of the URL (?year=, checked against `years`; default the latest): on pages where the
    map's timeline is the year control for everything below it."""
    return state.peek("year", years.__contains__, years[-1], parse=int, scope=ctx.page)


def show_view(ctx: cp.Ctx, view: dict, *, key: str, whole_page: bool = False) -> None:
    """Draw `view` at the URL's year and zoom; the year and zoom chosen in the browser go back to the
    URL (?year=, ?zoom=); a clicked 시도/시군구 opens its profile as a link (/region?region=<code>&…:
    the browser loads that URL, so the address bar always names the view shown; st.switch_page from
    the map's fragment run would show the profile under the map's URL). `whole_page`: a year chosen on the
    map reruns the whole page (whose tables follow the year), else only the map's fragment."""
    years = view["years"]
    year = state.peek("year", years.__contains__, years[-1], parse=int, scope=ctx.page)
    zoom = state.peek("zoom", ZOOMS.__contains__, "nation", scope=ctx.page)

    def on_view(result) -> None:
        y = result.get("year") if result is not None else None
        z = result.get("zoom") if result is not None else None
        if y in years and y != year:
            state.write_param("year", None if y == years[-1] else str(y))
            if whole_page:
                st.rerun(scope="app")
        if z in ZOOMS:
            state.write_param("zoom", None if z == "nation" else z)

    profile = nav.link_params("region") if view["clickable"] else None
    mapview.show({**view, "profile": profile and {"path": "region", "params": profile, "key": "region"}},
                 key=key, year=year, zoom=zoom, on_view=on_view)


def designation_overlay(ctx: cp.Ctx, designation: str, color: str, label: str) -> dict:
    """The dissolved edge of the 시군구 with `designation` ('decline' = 인구감소지역) over the map."""
    from geo import svgmap

    d = app_data.designations()
    codes = sorted(d.loc[d["designation"] == designation, "region_code"])
    return mapview.overlay(svgmap.overlay_path(svgmap.load(), codes), color=color, label=label,
                           width=2.4 if designation == "decline" else 1.8, dash=designation != "decline")


def all_years_table(ctx: cp.Ctx, ind_id: str, level: str) -> pd.DataFrame:
    """Every region and year of the view with its value and rank (the map's CSV)."""
    frame = _all_years(ind_id, level)
    return pd.DataFrame({"region_code": frame["region_code"],
                         "region": [regions.name(c, ctx.lang) for c in frame["region_code"]],
                         "year": frame["year"], "indicator": ind_id, "value": frame["value"],
                         "unit": fmt.unit_label(ind_id, ctx.lang), "rank": frame["rank"].astype("Int64")})


def one_year_view(ctx: cp.Ctx, frame: pd.DataFrame, *, level: str, year: int, title: str, legend: dict,
                  unit_text: str, source: str, key: str, filename: str, note: str = "",
                  ind_id: str = "", extra: str = "") -> dict:
    """A browser map of one computed year (종합 격차지수, 이변량): `frame` has region_code, fill (hex or
    None = missing, drawn hatched), text (value shown on hover and in the list) and rank."""
    shown = frame.assign(year=year)
    view = _view(ctx, shown.assign(value=shown["fill"].notna().astype(float).where(shown["fill"].notna())),
                 ind_id or key, level, [year], title=title, legend=legend, unit_text=unit_text, key=key,
                 note=note, filename=filename, extra={year: extra})
    return {**view, "source": source}
