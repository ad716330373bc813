"""Extinction-risk page pieces: class counts figure and the at-risk list."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_analyses
import app_data
from geo import regions
from indicators import derive, designation_views, views
from indicators.designation_views import notice_number  # noqa: F401  (risk.notice_number, as before)
from ui import datatable, figures, linechart, maps
from ui import format as fmt
from ui.context import Ctx
from ui.palette import RISK_COLORS

BASIS_SHORT = {"reg": ("주민등록 (KOSIS)", "Registered (KOSIS)"), "res": ("거주자 (행안부)", "Residents (MOIS)"),
               "cen2010": ("2010 총조사", "2010 census")}
# Basis tokens renamed with the id grammar (DESIGN.md "One id grammar"): a former `?basis=` value of an
# old shared link → the current token. The registry keeps former indicator ids, not former tokens.
FORMER_BASES = {"cen": "cen2010"}


def index_id(basis: str) -> str:
    """The id of the 시군구 extinction-risk index on `basis` (a basis token of the registry: 'reg',
    'res', 'cen2010')."""
    return derive.RISK_INDEX[basis]


def current_basis(raw: str) -> str:
    """The current token of a URL's `?basis=` value (a former token resolved; anything else unchanged,
    to be refused by the option list)."""
    return FORMER_BASES.get(raw, raw)


def all_index_ids() -> list[str]:
    return [index_id(b) for b in derive.BASES]


def years(basis: str) -> list[int]:
    return app_data.years_for(index_id(basis), "sigungu")


def freshest_basis(bases: list[str]) -> str:
    """The basis with the latest year (ties: the first offered): the one the 개요 card counts, so the
    page opens on the same headline number."""
    return max(bases, key=lambda b: (max(years(b), default=0), -bases.index(b)))


def basis_name(basis: str, lang: str = "ko") -> str:
    """'주민등록인구 (KOSIS, 등록 기준)' etc. (`indicators.derive.BASES`)."""
    return fmt.basis_name(basis, lang)


def list_caption(ctx: Ctx, n: int, basis: str, year: int) -> str:
    return f"{n} · {fmt.year_text(year, ctx.lang)} · {basis_name(basis, ctx.lang)}"


def cross_source(ctx: Ctx, basis: str) -> str:
    """Source line of the class × designation table: the index and the designation notices."""
    return (f"{fmt.source_line(app_data.indicator(index_id(basis)), ctx.lang)} · "
            + ctx.t("desig_source", notices=notices_text(ctx.lang)))


LIST_ORDER = ["region", "extinction_risk_index", "risk_class", "designation", "is_capital_region", "female_20_39",
              "age65plus", "region_code"]
MISMATCH_ORDER = ["region", "extinction_risk_index", "risk_class"]  # a narrow column: whole values, the rest in the CSV
MISMATCH_KEYS = {"at_risk_not_designated": "desig_at_risk_not", "decline_not_at_risk": "desig_not_at_risk",
                 "no_data": "desig_no_data"}


def show_mismatches(ctx: Ctx, frame: pd.DataFrame, year: int) -> None:
    """One expander per kind of disagreement between risk class and designation, with its 시군구."""
    for kind, table in mismatch_lists(ctx, frame, year).items():
        with st.expander(ctx.t(MISMATCH_KEYS[kind], n=len(table)), expanded=kind == "at_risk_not_designated"):
            if table.empty:
                st.caption("—")
            else:
                datatable.show(ctx, table, key=f"risk_mismatch_{kind}", column_config=list_columns(ctx), height=300,
                               column_order=MISMATCH_ORDER)


def basis_labels(lang: str) -> dict[str, str]:
    return {b: (en if lang == "en" else ko) for b, (ko, en) in BASIS_SHORT.items()}


@figures.cached
def frame(basis: str, year: int) -> pd.DataFrame:
    """`maps.risk_frame`, one shared object per basis and year (the builders below are keyed by it)."""
    return maps.risk_frame(basis, year)


@figures.cached
def class_table(ctx: Ctx, frame: pd.DataFrame, basis: str, year: int) -> pd.DataFrame:
    """Every 시군구 with index and class (for the map's CSV)."""
    names = derive.RISK_CLASSES_EN if ctx.lang == "en" else derive.RISK_CLASSES_KO
    return pd.DataFrame({
        "region_code": frame["region_code"],
        "region": [regions.name(c, ctx.lang) for c in frame["region_code"]],
        "is_capital_region": frame["is_capital_region"], "year": year, "basis": basis,
        "extinction_risk_index": frame["value"],
        "risk_class": [names[int(c)] if pd.notna(c) else "" for c in frame["class"]],
    })


def _quoted_projection(lang: str) -> str:
    facts = app_data.seed_facts()
    f = facts[(facts["kind"] == "figure") & (facts["indicator_hint"] == "extinction_risk_areas")]
    if f.empty:
        return ""
    parts = []
    for r in f.itertuples():
        label = r.label_en if lang == "en" and r.label_en else r.label_ko
        parts.append(f"{label}: {r.value:g}{'%' if r.unit == '%' else ''}")
    doc = views.quoted_source(next(f.itertuples()), lang)
    head = "◇ 인용 (전망, 다른 기준)" if lang == "ko" else "◇ Quoted (projection, other basis)"
    return f"{head}: " + "; ".join(parts) + (f" — {doc}" if doc else "")


@figures.cached
def counts_chart(ctx: Ctx, basis: str):
    """(chart view for `ui.linechart`, table): 시군구 per risk class and year as stacked bars, 수도권 and
    비수도권 in two panels (each on its own scale: their numbers of 시군구 differ threefold)."""
    counts = app_analyses.risk_counts(basis)
    labels = maps.class_labels(ctx.lang)
    unit = "개" if ctx.lang == "ko" else "districts"
    panels = []
    for capital, group in ((True, "CR"), (False, "NC")):
        part = counts[counts["is_capital_region"] == capital]
        series = []
        for k, (label, color) in enumerate(zip(labels, RISK_COLORS)):
            c = part[part["risk_class"] == k]
            series.append(linechart.bars(name=label, code=f"{group}-{k}", years=c["year"], values=c["sigungu_count"],
                                         texts=[f"{int(n):,}{unit if ctx.lang == 'ko' else ''}"
                                                for n in c["sigungu_count"]], color=color))
        totals = part.groupby("year")["sigungu_count"].sum()
        panels.append(linechart.panel(title=ctx.t(group), axis=linechart.value_axis([0.0, *totals.tolist()]),
                                      bars=series, stack=True))
    years = counts["year"]
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    view = linechart.spec(ctx, key="|".join(map(str, ("risk_counts", basis, ctx.lang, ctx.presenter))), panels=panels,
                          cols=2, title=ctx.t("risk_counts"),
                          subtitle=f"{basis_name(basis, ctx.lang)} · {span} · "
                                   + ("시군구 수 (개)" if ctx.lang == "ko" else "number of districts"),
                          source=fmt.source_line(app_data.indicator(index_id(basis)), ctx.lang),
                          note=_quoted_projection(ctx.lang), height=360)
    return view, counts.assign(basis=basis)


DESIGNATION_FILTERS: tuple[str, ...] = ("all", *designation_views.DESIGNATIONS)
DESIGNATION_COLOR = {"decline": "#5b2a86", "interest": "#b15928"}


def designation_labels(ctx: Ctx) -> dict[str, str]:
    """'all' | 'decline' | 'interest' | 'none' → label in the page language."""
    return {k: ctx.t(f"desig_{k}") for k in DESIGNATION_FILTERS}


def designation_overlay(ctx: Ctx, designation: str) -> dict:
    """The dissolved edge of the designated 시군구 over the map, with its legend label."""
    n = int((app_data.designations()["designation"] == designation).sum())
    label = ctx.t("desig_outline_label" if designation == "decline" else "desig_interest_label", n=n)
    return maps.designation_overlay(designation, DESIGNATION_COLOR[designation], label)


def notices_text(lang: str = "ko") -> str:
    """The notice numbers of the designation table, e.g. '제2024-15호 (2024-02-27), …' / 'No. 2024-15
    (2024-02-27), …'."""
    d = app_data.designations().drop_duplicates(["notice", "notice_date"]).sort_values("notice_date")
    return ", ".join(f"{notice_number(r.notice, lang)} ({r.notice_date})" for r in d.itertuples())


@figures.cached
def at_risk_table(ctx: Ctx, frame: pd.DataFrame, basis: str, year: int, query: str = "",
                  designation: str = "all") -> pd.DataFrame:
    """시군구 with index < 0.5, lowest first; `query` filters by name (plain substring, case-insensitive),
    `designation` ('all', 'decline', 'interest', 'none') by 인구감소지역 status."""
    names = derive.RISK_CLASSES_EN if ctx.lang == "en" else derive.RISK_CLASSES_KO
    risky = frame[frame["value"] < derive.AT_RISK_BELOW].sort_values("value")
    index = app_data.indicator(index_id(basis))  # its parts: women 20–39 ÷ people 65+ on the same basis
    obs = app_data.observations()
    parts = obs[(obs["year"] == year) & obs["indicator"].isin([index.numerator, index.denominator])]
    wide = parts.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    out = pd.DataFrame({
        "region_code": risky["region_code"],
        "sido": [regions.name(c[:2], ctx.lang) for c in risky["region_code"]],
        "region": [regions.name(c, ctx.lang) for c in risky["region_code"]],
        "extinction_risk_index": risky["value"].round(3),
        "risk_class": [names[int(c)] for c in risky["class"]],
        "is_capital_region": risky["is_capital_region"],
        "female_20_39": risky["region_code"].map(wide.get(index.numerator, pd.Series(dtype=float))),
        "age65plus": risky["region_code"].map(wide.get(index.denominator, pd.Series(dtype=float))),
        "year": year, "basis": basis,
    })
    status = app_data.designations().set_index("region_code")["designation"]
    out["designation_code"] = out["region_code"].map(status).fillna("none")
    out["designation"] = out["designation_code"].map(designation_labels(ctx))
    if designation != "all":
        out = out[out["designation_code"] == designation]
    q = query.strip().lower()
    if q:
        hay = (out["sido"] + " " + out["region"] + " " + out["region_code"]).str.lower()
        out = out[hay.str.contains(q, regex=False)]
    return out.reset_index(drop=True)


def list_columns(ctx: Ctx) -> dict:
    ko = ctx.lang == "ko"
    return {
        "region_code": st.column_config.TextColumn(ctx.t("code_col")),
        "sido": st.column_config.TextColumn(ctx.t("sido_of")),
        "region": st.column_config.TextColumn(ctx.t("region")),
        "extinction_risk_index": st.column_config.NumberColumn(ctx.t("risk_index"), format="%.3f"),
        "risk_class": st.column_config.TextColumn(ctx.t("risk_class")),
        "is_capital_region": st.column_config.CheckboxColumn(ctx.t("capital_flag")),
        "female_20_39": st.column_config.NumberColumn("20–39세 여성 (명)" if ko else "Women 20–39",
                                                      format="localized"),
        "age65plus": st.column_config.NumberColumn("65세 이상 (명)" if ko else "Aged 65+", format="localized"),
        "designation": st.column_config.TextColumn(ctx.t("desig_column")),
    }


@figures.cached
def cross_table(ctx: Ctx, frame: pd.DataFrame, year: int) -> pd.DataFrame:
    """KEIS class (rows, 고위험 first, then 자료 없음, 합계) × designation (columns) counts of 시군구,
    labelled in the page language."""
    index = frame[["region_code", "value"]].assign(year=year)
    table = designation_views.risk_by_designation(index, app_data.designations(), year, app_data.boundary_set())
    rows = maps.class_labels(ctx.lang) + [ctx.t("no_data"), "합계" if ctx.lang == "ko" else "Total"]
    cols = [ctx.t(f"desig_{k}") for k in designation_views.DESIGNATIONS] + ["합계" if ctx.lang == "ko" else "Total"]
    out = pd.DataFrame(table.to_numpy(), index=rows, columns=cols)
    out.index.name = ctx.t("risk_class")
    return out


@figures.cached
def mismatch_lists(ctx: Ctx, frame: pd.DataFrame, year: int) -> dict[str, pd.DataFrame]:
    """kind → table (region, sido, index, class, designation) of 시군구 where risk and designation
    disagree, or with no index value (see `designation_views.MISMATCH_KINDS`)."""
    index = frame[["region_code", "value"]].assign(year=year)
    mm = designation_views.mismatches(index, app_data.designations(), year, app_data.boundary_set())
    names = maps.class_labels(ctx.lang)
    labels = designation_labels(ctx)
    out = {}
    for kind in designation_views.MISMATCH_KINDS:
        part = mm[mm["kind"] == kind]
        out[kind] = pd.DataFrame({
            "region_code": part["region_code"],
            "sido": [regions.name(c[:2], ctx.lang) for c in part["region_code"]],
            "region": [regions.name(c, ctx.lang) for c in part["region_code"]],
            "extinction_risk_index": part["value"].round(3),
            "risk_class": [names[int(c)] if pd.notna(c) else "" for c in part["risk_class"]],
            "designation": part["designation"].map(labels),
        }).reset_index(drop=True)
    return out
