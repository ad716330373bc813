"""브리핑 of 수도권 vs 비수도권: the parts of its sheet (`ui.briefsheet`).

The key figures are 개요's cards as the page passes them in (`ui.panels.headlines.cards`: capital share of
population and GRDP, exports, the fiscal gap, 시군구 at extinction risk); the tables are the gaps table's
latest 수도권 share, ratio and difference per indicator as the build forms them (`indicators.gap`), and the
net migration into 수도권 its capital value. Nothing is recomputed here; a missing value shows as missing.
"""
from __future__ import annotations

import pandas as pd

import app_data
from geo import regions
from indicators.views import brief as bv
from ui import briefsheet as bs
from ui import figures, locator
from ui import format as fmt
from ui.briefsheet import Column, Html
from ui.context import Ctx
from ui.palette import CR_COLOR

NC_TINT = "#c6dbef"  # the rest of the country on the locator (a light tone of the rest's colour)


def head(ctx: Ctx) -> Html:
    """Title, what the two groups are, the country with 수도권 coloured."""
    members = regions.group_members(app_data.boundary_set())
    fills = {c: CR_COLOR for c in members["CR"]} | {c: NC_TINT for c in members["NC"]}
    drawing = locator.in_country(app_data.map_geometry(), fills, ctx.t("brief_capital_locator"), 120)
    sub = ctx.t("brief_capital_sub", n=len(members["NC"]))
    return bs.head(ctx.t("brief_capital_title"), sub, Html(drawing), bs.meta(ctx.lang))


def card_fact(ctx: Ctx, card) -> Html:
    """One of 개요's cards as a boxed figure: value and year, change, note, trend line (a card without a
    series: its published reference figure, labelled, or why it is missing)."""
    if card.missing and not card.reference_value:
        return bs.fact(card.title, ctx.t("no_data"), card.missing, key=card.key)
    if card.missing:
        return bs.fact(card.title, card.reference_value,
                       bs.join([ctx.t("reference_point", y=card.year), " · ", card.missing]), key=card.key)
    bits = [fmt.year_text(card.year, ctx.lang)]
    if card.delta:
        bits.append(ctx.t("brief_change", d=card.delta, y=card.delta_year))
    if card.note:
        bits.append(card.note)
    return bs.fact(card.title, card.value, " · ".join(bits), key=card.key,
                   extra=bs.spark(list(card.spark_x), list(card.spark_y), CR_COLOR, ctx.lang))


def _values(ctx: Ctx, r, ind) -> dict[str, str]:
    lang = ctx.lang
    return {"id": r.indicator, "name": fmt.name(ind, lang), "year": str(r.year),
            "capital": fmt.value(r.capital_value, ind, lang), "noncapital": fmt.value(r.noncapital_value, ind, lang),
            "nation": fmt.value(r.national_value, ind, lang)}


def _columns(ctx: Ctx, last: list[Column]) -> list[Column]:
    return [Column("name", ctx.t("indicator"), left=True), Column("year", ctx.t("latest_year")),
            Column("capital", ctx.t("CR")), Column("noncapital", ctx.t("NC")), Column("nation", ctx.t("nation")),
            *last, Column("trend", ctx.t("trend"))]


def shares_part(ctx: Ctx, rows: pd.DataFrame) -> Html:
    """Amounts: the latest 수도권 share of each (`bv.CAPITAL_SHARES`), its trend."""
    out = []
    for r in rows.itertuples():
        ind = app_data.indicator(r.indicator)
        out.append({**_values(ctx, r, ind), "share": f"{r.capital_share_pct:.1f}%",
                    "trend": bs.spark(r.years, r.values, CR_COLOR, ctx.lang)})
    cols = _columns(ctx, [Column("share", ctx.t("brief_col_share"))])
    return bs.section(ctx.t("brief_shares"), bs.table(cols, out, key="shares"), key="shares")


def ratios_part(ctx: Ctx, rows: pd.DataFrame) -> Html:
    """Rates and per-capita figures (`bv.CAPITAL_RATIOS`): 수도권 ÷ 비수도권, 수도권 − 비수도권, the ratio's trend."""
    out = []
    for r in rows.itertuples():
        ind = app_data.indicator(r.indicator)
        gap = r.capital_value - r.noncapital_value
        ratio = ctx.t("brief_ratio_value", v=f"{r.capital_to_noncapital_ratio:.2f}")
        out.append({**_values(ctx, r, ind), "ratio": ratio, "diff": fmt.delta(gap, ind, ctx.lang),
                    "trend": bs.spark(r.years, r.values, CR_COLOR, ctx.lang)})
    cols = _columns(ctx, [Column("ratio", ctx.t("brief_col_ratio")), Column("diff", ctx.t("brief_col_diff"))])
    return bs.section(ctx.t("brief_ratios"), bs.table(cols, out, key="ratios"), ctx.t("brief_capital_note"),
                      key="ratios")


def migration_fact(ctx: Ctx, rows: pd.DataFrame) -> Html:
    """수도권's net inflow from the other 시도 in the latest year, and its every year."""
    if rows.empty:
        return Html("")
    r = rows.iloc[0]
    ind = app_data.indicator(r["indicator"])
    trend = bs.spark(r["years"], r["values"], CR_COLOR, ctx.lang)
    return bs.fact(ctx.t("brief_migration", year=int(r["year"])), fmt.delta(r["capital_value"], ind, ctx.lang),
                   fmt.name(ind, ctx.lang), key="migration", extra=trend)


@figures.cached
def parts(ctx: Ctx, cards: list) -> list[Html]:
    """The sheet of 수도권 vs 비수도권: head, the key figures, the share table, the ratio table, sources."""
    gaps = app_data.gaps()
    shares = bv.latest_gaps(gaps, bv.CAPITAL_SHARES, "capital_share_pct")
    ratios = bv.latest_gaps(gaps, bv.CAPITAL_RATIOS, "capital_to_noncapital_ratio").dropna(
        subset=["noncapital_value"])
    migration = bv.latest_gaps(gaps, (bv.NET_MIGRATION,), "capital_value")
    facts = bs.facts([card_fact(ctx, c) for c in cards] + [migration_fact(ctx, migration)])
    shown = [(c.indicator, int(c.year)) for c in cards if c.indicator and c.year and not c.missing]
    for frame in (shares, ratios, migration):
        shown += [(i, int(y)) for i, y in zip(frame["indicator"], frame["year"])]
    return [head(ctx), bs.section(ctx.t("brief_cards"), facts, key="cards"), shares_part(ctx, shares),
            ratios_part(ctx, ratios),
            bs.sources(ctx.lang, shown, [f"{c.title}: {c.reference_label}" for c in cards if c.reference_value])]

