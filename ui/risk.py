"""Extinction-risk page pieces: class counts figure and the at-risk list."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import derive
from ui import charts, maps
from ui import components as cp
from ui import format as fmt


BASIS_SHORT = {"reg": ("주민등록 (KOSIS)", "Registered (KOSIS)"), "res": ("거주자 (행안부)", "Residents (MOIS)"),
               "cen": ("2010 총조사", "2010 census")}


def basis_labels(lang: str) -> dict[str, str]:
    return {b: (en if lang == "en" else ko) for b, (ko, en) in BASIS_SHORT.items()}


def class_table(ctx: cp.Ctx, frame: pd.DataFrame, basis: str, year: int) -> pd.DataFrame:
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
    doc = f["attribution"].iloc[0] or f["doc"].iloc[0]
    head = "◇ 인용 (전망, 다른 기준)" if lang == "ko" else "◇ Quoted (projection, other basis)"
    return f"{head}: " + "; ".join(parts) + f" — {doc}"


def counts_figure(ctx: cp.Ctx, basis: str):
    counts = app_data.risk_counts(basis)
    labels = maps.class_labels(ctx.lang)
    fig = charts.risk_stacks(counts, class_labels=labels, panel_titles=(ctx.t("CR"), ctx.t("NC")),
                             y_title="개" if ctx.lang == "ko" else "count", presenter=ctx.presenter)
    years = counts["year"]
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    charts.finish(fig, title=ctx.t("risk_counts"), subtitle=f"{derive.BASES[basis]} · {span} · "
                  + ("시군구 수 (개)" if ctx.lang == "ko" else "number of 시군구"),
                  source=fmt.source_line(f"extinction_risk_index_{basis}", ctx.lang), presenter=ctx.presenter,
                  height=380, note=_quoted_projection(ctx.lang), extra_bottom=30)
    return fig, counts.assign(basis=basis)


def at_risk_table(ctx: cp.Ctx, frame: pd.DataFrame, basis: str, year: int, query: str = "") -> pd.DataFrame:
    """시군구 with index < 0.5, lowest first; `query` filters by name (plain substring, case-insensitive)."""
    names = derive.RISK_CLASSES_EN if ctx.lang == "en" else derive.RISK_CLASSES_KO
    risky = frame[frame["value"] < derive.AT_RISK_BELOW].sort_values("value")
    obs = app_data.observations()
    parts = obs[(obs["year"] == year) & obs["indicator"].isin([f"{basis}_female_20_39_persons",
                                                               f"{basis}_age65plus_persons"])]
    wide = parts.pivot_table(index="region_code", columns="indicator", values="value", aggfunc="first")
    out = pd.DataFrame({
        "region_code": risky["region_code"],
        "sido": [regions.name(c[:2], ctx.lang) for c in risky["region_code"]],
        "region": [regions.name(c, ctx.lang) for c in risky["region_code"]],
        "extinction_risk_index": risky["value"].round(3),
        "risk_class": [names[int(c)] for c in risky["class"]],
        "is_capital_region": risky["is_capital_region"],
        "female_20_39": risky["region_code"].map(wide.get(f"{basis}_female_20_39_persons", pd.Series(dtype=float))),
        "age65plus": risky["region_code"].map(wide.get(f"{basis}_age65plus_persons", pd.Series(dtype=float))),
        "year": year, "basis": basis,
    })
    q = query.strip().lower()
    if q:
        hay = (out["sido"] + " " + out["region"] + " " + out["region_code"]).str.lower()
        out = out[hay.str.contains(q, regex=False)]
    return out.reset_index(drop=True)


def list_columns(ctx: cp.Ctx) -> dict:
    ko = ctx.lang == "ko"
    return {
        "region_code": st.column_config.TextColumn("code"),
        "sido": st.column_config.TextColumn(ctx.t("sido_of")),
        "region": st.column_config.TextColumn(ctx.t("region")),
        "extinction_risk_index": st.column_config.NumberColumn(ctx.t("risk_index"), format="%.3f"),
        "risk_class": st.column_config.TextColumn(ctx.t("risk_class")),
        "is_capital_region": st.column_config.CheckboxColumn(ctx.t("capital_flag")),
        "female_20_39": st.column_config.NumberColumn("20–39세 여성 (명)" if ko else "Women 20–39",
                                                      format="localized"),
        "age65plus": st.column_config.NumberColumn("65세 이상 (명)" if ko else "Aged 65+", format="localized"),
    }
