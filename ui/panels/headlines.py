"""Headline figures of the overview: each a dict the page renders as a card.

Everything is read from the built tables (gaps, observations, coverage); a figure that
cannot be formed says why instead of showing a number.
"""
from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

import app_analyses
import app_data
from geo import regions
from indicators import derive
from ui import barchart, concepts, figures, plots
from ui import format as fmt
from ui import sparkline as spark
from ui.context import Ctx
from ui.i18n import t
from ui.palette import CR_COLOR

EARLIER_GAP_YEARS = 10


@dataclass
class Card:
    key: str
    title: str
    value: str = ""
    year: int | None = None
    delta: str = ""
    delta_year: int | None = None
    spark_x: list = field(default_factory=list)
    spark_y: list = field(default_factory=list)
    source: str = ""
    note: str = ""
    missing: str = ""
    unit: str = ""  # what `value` counts in ('%', '%p', 시군구), for the figures' CSV
    reference_value: str = ""  # a published figure shown instead of a series value (labelled as such)
    reference_label: str = ""
    good_when_up: bool | None = None
    data: pd.DataFrame | None = None
    indicator: str = ""  # the indicator the figure is read from (its definition is the card's help)


def _earlier(years: list[int]) -> int | None:
    """A comparison year about ten years before the latest (else the first year)."""
    if len(years) < 2:
        return None
    last = years[-1]
    before = [y for y in years[:-1] if y <= last - EARLIER_GAP_YEARS]
    return before[-1] if before else years[0]


def _share_card(key: str, concept: str, lang: str) -> Card:
    card = Card(key, t(f"card_{key}", lang))
    ind = concepts.concept_indicator(concept)
    if ind is None:
        card.missing = t("missing_card", lang)
        return card
    g = app_data.gaps(ind).dropna(subset=["capital_share_pct"])
    if g.empty:
        card.missing = t("missing_card", lang)
        return card
    card.indicator = ind
    years = g["year"].astype(int).tolist()
    s = g.set_index("year")["capital_share_pct"]
    last, before = years[-1], _earlier(years)
    card.value, card.year, card.unit = f"{s[last]:.1f}%", last, "%"
    if before is not None:
        card.delta, card.delta_year = f"{s[last] - s[before]:+.1f}{t('pp', lang)}", before
    card.spark_x, card.spark_y = years, s.round(3).tolist()
    meta = app_data.indicator(ind)
    card.source = fmt.source_line(meta, lang, short=True) + f" — {fmt.name(meta, lang)}"
    card.note = t("CR", lang) + " ÷ (" + t("CR", lang) + " + " + t("NC", lang) + ")"
    card.data = g[["indicator", "year", "capital_value", "noncapital_value", "capital_share_pct"]]
    return card


def exports_card(lang: str) -> Card:
    card = Card("exports", t("card_exports", lang))
    ind = concepts.concept_indicator("exports")
    if ind is not None:
        g = app_data.gaps(ind).dropna(subset=["capital_share_pct"])
        if not g.empty:
            return _share_card("exports", "exports", lang)
        card.indicator = ind
        cov = app_data.coverage()
        n = cov[(cov["indicator"] == ind) & (cov["level"] == "sido")]["regions"]
        card.missing = t("exports_cannot", lang, n=int(n.max()) if len(n) else 0,
                         total=len(regions.codes("sido", app_data.boundary_set())))
        card.source = fmt.source_line(app_data.indicator(ind), lang, short=True)
        _exports_reference(card, lang)
    else:
        card.missing = t("exports_absent", lang)
        _exports_reference(card, lang)
    return card


def _exports_reference(card: Card, lang: str) -> None:
    """The 2020 capital-region export share from the published 17-시도 figures (a reference point)."""
    from indicators import reference_points as rp

    ref = app_analyses.exports_reference_2020()
    card.reference_value, card.unit = f"{rp.capital_share_pct(ref):.1f}%", "%"
    card.year = 2020
    src = rp.EXPORTS_2020
    producer, reported = src.who(lang)
    card.reference_label = t("exports_reference", lang, producer=producer, reported=reported,
                             published=src.published)


def fiscal_card(lang: str) -> Card:
    """재정자립도: CR − NC per year (`views.capital_gap_series`: the gaps table's, else the difference of
    the simple means of the 시도 values in years with all 17 시도, labelled as such), formatted."""
    card = Card("fiscal", t("card_fiscal", lang))
    ind = concepts.concept_indicator("fiscal")
    if ind is None:
        card.missing = t("missing_card", lang)
        return card
    s, simple_mean = app_analyses.capital_gap(ind)
    other = ""
    if s.empty and app_data.boundary_set() != regions.REFERENCE_SET:
        # a mean over 시도 needs every 시도: 전남광주's ratio cannot be formed from 광주's and 전남's (no parts
        # in the file), so the end-2024 set's 17 시도 give it, labelled
        s, simple_mean = app_analyses.capital_gap(ind, regions.REFERENCE_SET)
        other = " · " + t("fiscal_on_2024", lang) if not s.empty else ""
    if s.empty:
        card.missing = t("missing_card", lang)
        return card
    card.note = (t("fiscal_simple_mean", lang) if simple_mean else "") + other
    card.indicator = ind
    years = [int(y) for y in s.index]
    last, before = years[-1], _earlier(years)
    card.value, card.year, card.unit = f"{s[last]:+.1f}{t('pp', lang)}", last, t("pp", lang)
    if before is not None:
        card.delta, card.delta_year = f"{s[last] - s[before]:+.1f}{t('pp', lang)}", before
        card.good_when_up = False  # a narrowing gap is good
    card.spark_x, card.spark_y = years, s.round(3).tolist()
    card.source = fmt.source_line(app_data.indicator(ind), lang, short=True)
    card.data = s.reset_index().assign(indicator=ind)
    return card


def risk_card(lang: str) -> Card:
    """Number of 시군구 with an extinction-risk index < 0.5 (latest year of the freshest basis)."""
    card = Card("risk", t("card_risk", lang))
    have = set(app_data.available_indicators())
    best = None
    for b in derive.BASES:
        ind = derive.AT_RISK_COUNTS[b]
        if ind in have:
            yrs = app_data.years_for(ind)
            if yrs and (best is None or yrs[-1] > best[2]):
                best = (b, ind, yrs[-1])
    if best is None:
        card.missing = t("risk_missing", lang)
        return card
    basis, ind, _ = best
    card.indicator = ind
    ser = app_data.series(ind, ["00", "CR", "NC"]).pivot(index="year", columns="region_code", values="value")
    ser = ser.dropna(subset=["00"])
    years = [int(y) for y in ser.index]
    last, before = years[-1], _earlier(years)
    idx_cov = app_data.coverage()
    n = idx_cov[(idx_cov["indicator"] == derive.RISK_INDEX[basis]) & (idx_cov["level"] == "sigungu")
                & (idx_cov["year"] == last)]["regions"]
    total = int(n.iloc[0]) if len(n) else len(regions.codes("sigungu", app_data.boundary_set()))
    card.value, card.year, card.unit = f"{int(ser.loc[last, '00'])}", last, t("unit_districts", lang)
    card.note = t("risk_of", lang, n=total, cr=_int(ser.loc[last].get("CR")), nc=_int(ser.loc[last].get("NC")))
    areas = len(regions.codes("sigungu", app_data.boundary_set()))
    if total < areas and regions.stand_ins(app_data.boundary_set()):  # a union counts once (no file has it apart)
        card.note += " · " + t("risk_units", lang, areas=areas)
    if before is not None:
        card.delta, card.delta_year = f"{int(ser.loc[last, '00'] - ser.loc[before, '00']):+d}", before
        card.good_when_up = False
    card.spark_x, card.spark_y = years, ser["00"].tolist()
    index = app_data.indicator(derive.RISK_INDEX[basis])
    card.source = fmt.source_line(index, lang, short=True) + f" — {fmt.basis_name(basis, lang)}"
    card.data = ser.reset_index()
    return card


def _int(v) -> str:
    return "–" if v is None or (isinstance(v, float) and np.isnan(v)) else f"{int(v)}"


@figures.cached
def cards(lang: str) -> list[Card]:
    return [_share_card("pop", "population", lang), _share_card("grdp", "grdp", lang), exports_card(lang),
            fiscal_card(lang), risk_card(lang)]




@figures.cached
def share_table() -> pd.DataFrame:
    """Latest capital share of every additive indicator (from the gaps table)."""
    g = app_data.gaps().dropna(subset=["capital_share_pct"])
    if g.empty:
        return g
    latest = g.sort_values("year").groupby("indicator").tail(1)
    latest = latest[latest["indicator"].isin(app_data.available_indicators())]
    return latest.sort_values("capital_share_pct", ascending=False, ignore_index=True)


@figures.cached
def sparkline(years: tuple[int, ...], values: tuple[float, ...]) -> str:
    """A card's sparkline as inline SVG (`ui.sparkline`: no chart code before the headline numbers)."""
    return spark.svg(years, values)


def cards_table(cards_: list[Card]) -> pd.DataFrame:
    """The headline figures as one table (title, value, year, change, source, note or why missing)."""
    return pd.DataFrame([{"figure": c.title, "value": c.value or c.reference_value, "unit": c.unit, "year": c.year,
                          "reference_point": c.reference_label, "change": c.delta,
                          "change_vs_year": c.delta_year, "note": c.note or c.missing, "source": c.source,
                          "series_years": ",".join(str(x) for x in c.spark_x),
                          "series_values": ",".join(f"{v:g}" for v in c.spark_y)} for c in cards_])


@figures.cached
def share_chart(ctx: Ctx, shares: pd.DataFrame, links: dict[str, str]):
    """(bar view for `ui.barchart`, table): the latest capital share of every additive indicator as
    horizontal bars, 50% marked; a bar's row opens `links[indicator]` (its trend, or its map). Presenter
    mode: the extremes only (all in the table)."""
    year = int(shares["year"].max())
    everything, note = shares, ""
    if ctx.presenter:  # every bar readable from the back of a room: the extremes only (all in the CSV)
        keep = plots.extremes(shares["capital_share_pct"].tolist(), plots.PRESENTER_BARS)
        if len(keep) < len(shares):
            note = " · " + ctx.t("presenter_top_n", n=len(shares), k=plots.PRESENTER_BARS)
        shares = shares.iloc[keep].reset_index(drop=True)
    inds = [app_data.indicator(i) for i in shares["indicator"]]
    rows = [barchart.row(label=fmt.name(ind, ctx.lang), code=ind.id, href=links.get(ind.id, ""),
                         hover=f"{fmt.name(ind, ctx.lang)}\n{v:.1f}% · {fmt.year_text(y, ctx.lang)}",
                         bars=[barchart.bar(v, f"{v:.1f}% ({int(y)})", CR_COLOR)])
            for ind, v, y in zip(inds, shares["capital_share_pct"], shares["year"])]
    view = barchart.spec(ctx, key=f"shares|{ctx.lang}|{ctx.presenter}", rows=rows, ref=50.0, ref_label="50%",
                         axis=barchart.axis([], lo=0.0, hi=100.0, suffix="%"),
                         title=ctx.t("share_chart_title", y=year), subtitle=f"% · {ctx.t('share_chart_note')}{note}",
                         source=fmt.sources_line(inds, ctx.lang))
    names = [fmt.name(app_data.indicator(i), ctx.lang) for i in everything["indicator"]]
    return view, everything.assign(name=names)
