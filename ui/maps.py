"""The browser maps of the pages (drawn by `ui.mapview`): an indicator by 권역, 시도 or 시군구 over every
year, the KEIS risk classes, one computed year (composite, bivariate), and what goes to the URL."""
from __future__ import annotations

import numpy as np
import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import derive, views
from ui import csvs, macro, mapview, nav, palette, state
from ui import format as fmt
from ui.context import Ctx


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


def geometry_urls() -> dict[str, str]:
    """level → URL of the build's SVG geometry of the run's boundary set under static/geo (content-hashed;
    written once)."""
    return _geometry_urls(app_data.data_key())


@st.cache_resource(show_spinner=False, max_entries=4)
def _geometry_urls(key: app_data.DataKey) -> dict[str, str]:
    return mapview.publish_geometry(app_data.map_geometry(key.boundary_set))


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


ZOOMS = ("nation", "capital")


def page_year(ctx: Ctx, years: list[int]) -> int:
    """The year of the URL (?year=, checked against `years`; default the latest): on pages where the
    map's timeline is the year control for everything below it."""
    return state.peek("year", years.__contains__, years[-1], parse=int, scope=ctx.page)


def show_view(ctx: Ctx, view: dict, *, key: str, whole_page: bool = False) -> None:
    """Draw `view` at the URL's year and zoom. The browser writes the year and zoom chosen on the map to
    the URL itself (?year=, ?zoom=; no server round trip). `whole_page`: the page's other content follows
    the map's year, so a year chosen on the map comes back to Python (the map's fragment) and reruns the
    page. A clicked 시도/시군구 opens its profile as a link (/region?region=<code>&…: the browser loads that
    URL, so the address bar always names the view shown)."""
    years = view["years"]
    year = page_year(ctx, years)
    if len(years) > 1:  # the timeline is the year control: a year carried from another page goes in the URL
        state.write_param("year", None if year == years[-1] else str(year))
    zoom = state.peek("zoom", ZOOMS.__contains__, "nation", scope=ctx.page)

    def on_view(result) -> None:
        y = result.get("year") if result is not None else None
        if whole_page and y in years and y != year:
            state.write_param("year", None if y == years[-1] else str(y))
            st.rerun(scope="app")

    # the params may be empty (Korean, no presenter: nothing to carry); the profile itself never is
    profile = {"path": "region", "params": nav.link_params("region"), "key": "region"} if view["clickable"] else None
    if ctx.slide:  # a slide's frame never leaves its view: no profile on a click
        profile = None
        # no buttons, and the callout's region outlined (`?highlight=`)
        view = {**view, "slide": True, "clickable": False,
                "overlays": [*view.get("overlays", []), *highlight_overlay(ctx, view)]}
    mapview.show({**view, "profile": profile, "year_to_server": whole_page}, key=key, year=year, zoom=zoom,
                 on_view=on_view)


def highlight_overlay(ctx: Ctx, view: dict) -> list[dict]:
    """A slide's callout region (`?highlight=<code>`: a 시군구, a 시도, 수도권 or 비수도권 of the view's boundary
    set) outlined over the map, named in the legend; nothing for another code."""
    code = state.peek("highlight", regions.known_codes().__contains__, "", scope=ctx.page)
    if not code:
        return []
    path = _highlight_path(app_data.data_key(), code)
    if not path:
        return []
    return [mapview.inline_overlay(path, color=HIGHLIGHT, label=regions.name(code, ctx.lang), width=4.0)]


HIGHLIGHT = "#D55E00"  # the callout's colour (ui/assets/deck.css)


@st.cache_data(show_spinner=False, max_entries=64)
def _highlight_path(key: app_data.DataKey, code: str) -> str:
    from geo import svgmap

    members = highlight_members(code, key.boundary_set)
    if not members:
        return ""
    try:
        return svgmap.overlay_path(app_data.map_geometry(key.boundary_set), members)
    except KeyError:  # a code without its own shape in this set
        return ""


def highlight_members(code: str, boundary_set: str) -> list[str]:
    """The 시군구 whose union is `code`'s area in `boundary_set` ([] for a code of no area there)."""
    sigungu = regions.codes("sigungu", boundary_set)
    if code in sigungu:
        return [code]
    if code in regions.codes("sido", boundary_set):
        return [c for c in sigungu if c[:2] == code]  # a 시군구 code starts with its 시도's (12xxx in 12)
    if code in ("CR", "NC"):
        return [c for c in sigungu if regions.is_capital(c) == (code == "CR")]
    return []


def designation_overlay(ctx: Ctx, designation: str, color: str, label: str) -> dict:
    """The dissolved edge of the 시군구 with `designation` ('decline' = 인구감소지역) over the map."""
    return mapview.overlay(_overlay_url(app_data.data_key(), designation), color=color, label=label,
                           width=2.4 if designation == "decline" else 1.8, dash=designation != "decline")


@st.cache_resource(show_spinner=False, max_entries=8)
def _overlay_url(key: app_data.DataKey, designation: str) -> str:
    return mapview.publish_overlay(designation, _overlay_path(key, designation))


@st.cache_data(show_spinner=False, max_entries=8)
def _overlay_path(key: app_data.DataKey, designation: str) -> str:
    from geo import svgmap

    # drawn from the shapes of the 시군구 as designated (end-2024 codes): both sets share one frame, so the
    # outline lies right on the current map too (인천 동구 included, now inside 제물포구)
    d = app_data.designations_as_designated()
    return svgmap.overlay_path(app_data.map_geometry(regions.REFERENCE_SET),
                               sorted(d.loc[d["designation"] == designation, "region_code"]))


def one_year_view(ctx: Ctx, frame: pd.DataFrame, *, level: str, year: int, title: str, legend: dict,
                  unit_text: str, source: str, key: str, filename: str, note: str = "", extra: str = "",
                  missing_label: str = "") -> dict:
    """A browser map of one computed year (종합 격차지수, 이변량) beside the page's own table: `frame` has
    region_code, value (NaN = not computed), fill (hex; None = hatched), text (shown on hover) and rank."""
    view = _view(ctx, frame.assign(year=year), key, level, [year], title=title, legend=legend, unit_text=unit_text,
                 key=key, note=note, filename=filename, source=source, extra={year: extra},
                 missing_label=missing_label)
    return {**view, "side": False}
