"""브리핑 of one 시도 or 시군구: the parts of its sheet (`ui.briefsheet`), and the page's region picker.

Every figure is the region profile's as 지역 shows it (`ui.panels.region.table`, passed in by the page: the
same latest year, value, rank among the level's units with a value, and nation/수도권/비수도권 that year), the
trend lines its every year (`app_data.region_profile`), the month-end figures 지역's (`region_month.newer`),
the designation the build's notices table. Nothing is recomputed here; a missing value shows as missing.
"""
from __future__ import annotations

import pandas as pd

import app_data
from geo import regions
from indicators.designation_views import notice_number
from indicators.views import brief as bv
from ui import briefsheet as bs
from ui import figures, locator, maps, monthend, pickers, state
from ui import format as fmt
from ui.briefsheet import Column, Html
from ui.context import Ctx
from ui.palette import CR_COLOR, NC_COLOR, RISK_COLORS


def pick(ctx: Ctx, container) -> str:
    """The brief's subject, bound to `?region=` ('capital', a 시도 or a 시군구 code of the run's boundary set;
    default 'capital'; an unknown value is noted as plain text and the default shown: `ui.state`)."""
    codes = bv.brief_codes(app_data.boundary_set())
    label = {bv.CAPITAL: ctx.t("brief_capital_option")}
    return state.bind("region", lambda k: container.selectbox(
        ctx.t("brief_region"), codes, key=k, filter_mode="fuzzy",
        format_func=lambda c: label.get(c) or pickers.region_label(c, ctx.lang)),
        options=codes, default=bv.CAPITAL, scope=ctx.page)


def colour(code: str) -> str:
    """The region's colour on the locator: the capital region's or the rest's (ui.palette)."""
    return CR_COLOR if regions.is_capital(code) else NC_COLOR


def locators(ctx: Ctx, code: str) -> Html:
    """A 시군구 in its 시도, beside the country with the 시도 marked (a 시도 of one 시군구, 세종: the country
    only); a 시도 in the country."""
    geometry = app_data.map_geometry()
    name = regions.name(code, ctx.lang, full=True)
    label = ctx.t("brief_locator", name=name)
    if regions.level(code) == "sido":
        return Html(locator.in_country(geometry, {code: colour(code)}, label, 120))
    parent = regions.require(code)["parent_code"]
    whole = Html(locator.in_country(geometry, {parent: locator.INSET_MARK}, ctx.t("brief_locator", name=regions.name(
        parent, ctx.lang, full=True)), 70, units=110, other=locator.INSET_OTHER))
    if sum(c[:2] == parent for c in regions.codes("sigungu", app_data.boundary_set())) == 1:
        return Html(locator.in_country(geometry, {parent: colour(code)}, label, 120))
    return bs.join([Html(locator.in_province(geometry, code, parent, colour(code), label, 190)), whole])


def basis_text(ind_id: str, lang: str) -> str:
    """How an indicator counts, as the registry says (a derived one without its own: its numerator's)."""
    ind = app_data.indicator(ind_id)
    if ind is None:
        return ""
    own = ind.text("basis", lang)
    if own or not ind.numerator:
        return own
    num = app_data.indicator(ind.numerator)
    return num.text("basis", lang) if num else ""


def against_nation(ctx: Ctx, row) -> str:
    """'비중 0.09%' for an amount, '75.3 (전국=100)' for a rate; '' where there is no nation figure."""
    if not fmt.is_missing(row.share_of_nation_pct):
        return ctx.t("brief_share_of", v=f"{row.share_of_nation_pct:,.2f}")
    if not fmt.is_missing(row.relative_to_nation_100):
        return ctx.t("brief_rel_of", v=f"{row.relative_to_nation_100:,.1f}")
    return ""


def _rank(text: str) -> str:
    return text.replace("/", " / ")


def headline_part(ctx: Ctx, code: str, table: pd.DataFrame) -> Html:
    """The headline indicators (`indicators.views.brief.HEADLINES`) as one table row each."""
    prof = app_data.region_profile(code).set_index("indicator")
    level = regions.level(code)
    rows = table.set_index("indicator")
    cols = [Column("name", ctx.t("brief_col_name"), left=True), Column("year", ctx.t("latest_year")),
            Column("value", ctx.t("value")), Column("rank", ctx.t("brief_col_rank")),
            Column("nation", ctx.t("nation")), Column("capital", ctx.t("CR")), Column("noncapital", ctx.t("NC")),
            Column("against", ctx.t("brief_col_rel")), Column("trend", ctx.t("trend"))]
    out = []
    for ind in bv.headline_ids(level, list(rows.index)):
        r = rows.loc[ind]
        basis = basis_text(ind, ctx.lang)
        name = bs.join([bs.esc(r["name"]), bs.tag("small", basis) if basis and basis != r["name"] else ""])
        out.append({"id": ind, "name": name, "year": str(int(r["year"])), "value": r["value_text"],
                    "rank": _rank(r["rank"]), "nation": r["nation_text"], "capital": r["capital_text"],
                    "noncapital": r["noncapital_text"], "against": against_nation(ctx, r.rename(None)),
                    "trend": bs.spark(prof.at[ind, "trend_years"], prof.at[ind, "trend"], colour(code), ctx.lang)})
    note = ctx.t("brief_rank_note", peers=ctx.t(f"brief_peers_{level}"))
    return bs.section(ctx.t("brief_headlines"), bs.table(cols, out, key="headlines"), note, key="headlines")


def _class_badge(ctx: Ctx, value: float) -> Html:
    cls = bv.risk_class(value)
    if cls is None:
        return bs.esc(ctx.t("no_data"))
    name = monthend.class_names(ctx.lang)[cls]
    style = f"background: {RISK_COLORS[cls]}; color: {'#fff' if cls in (0, 4) else '#111'}"
    return Html(f'<span class="bal-brief-risk" style="{style}">{bs.esc(name)}</span>')


def risk_part(ctx: Ctx, code: str, table: pd.DataFrame, month: pd.DataFrame) -> Html:
    """The extinction-risk index of each basis with its class and rank, the latest month end's index,
    and the designation (a 시군구's status, a 시도's count of designated 시군구)."""
    rows = table.set_index("indicator")
    items = []
    for ind in bv.risk_ids(list(rows.index)):
        r = rows.loc[ind]
        rank, n = r["rank"].split("/")
        note = bs.join([_class_badge(ctx, r["value"]), " ", ctx.t("brief_rank_of", rank=rank, n=n)])
        items.append(bs.fact(ctx.t("brief_risk_fact", name=r["name"], year=int(r["year"])), r["value_text"], note,
                             key=ind))
    for m in month.itertuples():
        if m.indicator == bv.derive.RISK_INDEX["reg"] and isinstance(m.note, str):
            items.append(bs.fact(m.label, m.text, _class_badge(ctx, m.value), key=f"month_{m.indicator}"))
    level = regions.level(code)
    for ind in (bv.at_risk_ids(list(rows.index)) if level == "sido" else []):
        r = rows.loc[ind]
        items.append(bs.fact(ctx.t("brief_at_risk", year=int(r["year"])),
                             ctx.t("brief_at_risk_value", n=f"{r['value']:.0f}"), r["name"], key=ind))
    items.append(designation_fact(ctx, code))
    return bs.section(ctx.t("brief_risk"), bs.facts(items), ctx.t("brief_risk_note", classes=" · ".join(
        maps.class_labels(ctx.lang))), key="risk")


def designation_fact(ctx: Ctx, code: str) -> Html:
    """A 시군구: 인구감소지역 / 관심지역 / not designated, with its notice; a 시도: how many of its 시군구 are."""
    desig = app_data.designations()
    if regions.level(code) == "sido":
        n = sum(c[:2] == code for c in regions.codes("sigungu", app_data.boundary_set()))
        counts = bv.designated_in(desig, code)
        return bs.fact(ctx.t("brief_desig"), ctx.t("brief_desig_count", d=counts["decline"], i=counts["interest"]),
                       ctx.t("brief_desig_count_note", n=n), key="designation")
    row = bv.designation(desig, code)
    if row is None:
        return bs.fact(ctx.t("brief_desig"), ctx.t("brief_desig_none"), key="designation")
    when = ctx.t("brief_desig_when", notice=notice_number(row["notice"], ctx.lang), date=row["notice_date"])
    return bs.fact(ctx.t("brief_desig"), ctx.t(f"desig_{row['designation']}"), when, key="designation")


def month_part(ctx: Ctx, month: pd.DataFrame) -> Html:
    """지역's month-end figures newer than the year series, each with its date (never a year's row)."""
    if month.empty:
        return Html("")
    cols = [Column("label", ctx.t("month_col_figure"), left=True), Column("text", ctx.t("month_col_value")),
            Column("year_end", ctx.t("month_col_year_end"))]
    rows = [{"id": r.indicator, "label": r.label, "text": r.text, "year_end": r.year_end} for r in month.itertuples()]
    return bs.section(ctx.t("brief_month"), bs.table(cols, rows, key="month"), ctx.t("month_region_note"),
                      key="month")


@figures.cached
def parts(ctx: Ctx, code: str, title: str, subtitle: str, table: pd.DataFrame, month: pd.DataFrame,
          month_source: str) -> list[Html]:
    """The sheet of region `code`: head, risk and designation, headline table, month ends, sources."""
    head = bs.head(title, subtitle, locators(ctx, code), bs.meta(ctx.lang))
    rows = table.set_index("indicator")
    shown = [*bv.risk_ids(list(rows.index)), *bv.headline_ids(regions.level(code), list(rows.index))]
    if regions.level(code) == "sido":
        shown += bv.at_risk_ids(list(rows.index))
    years = [(i, int(rows.at[i, "year"])) for i in shown]
    extra = [month_source.removeprefix(f"{ctx.t('source')}: ")] if not month.empty else []
    desig = app_data.designations()
    if not desig.empty:
        notices = desig.drop_duplicates(["notice", "notice_date"]).sort_values("notice_date")
        extra.append(ctx.t("desig_notices", notices=", ".join(
            f"{notice_number(r.notice, ctx.lang)} ({r.notice_date})" for r in notices.itertuples())))
    return [head, risk_part(ctx, code, table, month), headline_part(ctx, code, table), month_part(ctx, month),
            bs.sources(ctx.lang, years, extra)]
