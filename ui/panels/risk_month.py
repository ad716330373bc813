"""지방소멸's '최신 월말 기준' section: the extinction-risk index and class per region at one month end
(2025년 6월 말 for every 시군구, 2026년 6월 말 for the 시도, the July 2026 excerpt's regions), the count of
at-risk 시군구 where every unit has an index, its map where the month end covers a whole level, a sorted
table in the class colours and its CSV. A month end is its own date: nothing here is a year."""
from __future__ import annotations

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators.views import month_end as mv
from ui import figures, monthend, palette
from ui import format as fmt
from ui.context import Ctx
from ui.i18n import t

DARK_CLASSES = (0, 4)  # class colours dark enough to need white text
TABLE_ORDER = ["region", "sido", "extinction_risk_index", "risk_class", "female_20_39", "age65plus", "population",
               "region_code"]


@figures.cached
def options() -> pd.DataFrame:
    """The run's month ends (`views.month_end.options`): period, scope, regions."""
    return mv.options(app_data.month_end(), app_data.boundary_set())


def option_labels(ctx: Ctx, opts: pd.DataFrame) -> dict[str, str]:
    """period → '2025년 6월 말 — 시군구' / '2026년 7월 말 — 발췌, 6개 지역'."""
    return {r.period: f"{monthend.date_text(r.period, ctx.lang)} — {ctx.t(f'month_scope_{r.scope}', n=r.regions)}"
            for r in opts.itertuples()}


def default_period(opts: pd.DataFrame) -> str:
    """The month end the section opens on (`views.month_end.default_period`: the latest whole at 시군구)."""
    return mv.default_period(opts)


def scope_of(opts: pd.DataFrame, period: str) -> str:
    return str(opts.loc[opts["period"] == period, "scope"].iloc[0])


@figures.cached
def listed(period: str, scope: str) -> pd.DataFrame:
    """`views.month_end.regions_at` of the run's set (the regions the month end is shown for)."""
    return mv.regions_at(app_data.month_end(), period, scope, app_data.boundary_set())


@figures.cached
def areas(frame: pd.DataFrame) -> pd.DataFrame:
    """`listed` as the map draws it (a union's parts showing its figure)."""
    return mv.on_areas(frame, app_data.boundary_set())


@figures.cached
def map_view(ctx: Ctx, frame: pd.DataFrame, period: str, scope: str, count_text: str) -> dict:
    """The browser map of the month end (`ui.monthend.risk_view`), once per build and view."""
    return monthend.risk_view(ctx, areas(frame), period, scope, count_text)


@figures.cached
def count_parts(period: str) -> dict[str, float | None]:
    """The at-risk count of the nation, 수도권 and 비수도권 that month (None: not formed, the build keeps
    a count only where every 시군구 unit has an index)."""
    me = app_data.month_end()
    return {code: mv.at_risk_count(me, period, code) for code in ("00", "CR", "NC")}


def count_metric(ctx: Ctx, period: str, frame: pd.DataFrame, container=st) -> str:
    """The count of at-risk 시군구 as a metric (with its units and its split); returns the text the map's
    subtitle adds ('' when the month end has no count)."""
    parts = count_parts(period)
    if parts["00"] is None:
        return ""
    units = int(frame.loc[frame["level"] == "sigungu", "index"].notna().sum())
    n = int(parts["00"])
    of = ctx.t("month_count_of", n=units, cr=_whole(parts["CR"]), nc=_whole(parts["NC"]))
    container.metric(ctx.t("month_count", date=monthend.date_text(period, ctx.lang)), f"{n:,}",
                     help=f"{of}  \n{t('source', ctx.lang)}: "
                          f"{monthend.source_text(mv.AT_RISK, period, ctx.lang)}")
    container.caption(of)
    return f" · {ctx.t('card_risk')}: {n}"


def _whole(v: float | None) -> str:
    return "–" if v is None else f"{int(v):,}"


@figures.cached
def table(ctx: Ctx, frame: pd.DataFrame, period: str) -> pd.DataFrame:
    """The regions of `frame` for the screen and the CSV, lowest index first (no index last)."""
    names = monthend.class_names(ctx.lang)
    out = pd.DataFrame({
        "region_code": frame["region_code"],
        "region": [regions.name(c, ctx.lang, full=len(c) == 2) for c in frame["region_code"]],
        "sido": [regions.name(c[:2], ctx.lang) if len(c) == 5 else "" for c in frame["region_code"]],
        "indicator": mv.RISK_INDEX,
        "unit": fmt.unit_label(mv.RISK_INDEX, ctx.lang),
        "period": period,
        "reference_date": monthend.date_text(period, ctx.lang),
        "extinction_risk_index": frame["index"].round(3),
        "risk_class": [names[int(c)] if pd.notna(c) else ctx.t("no_data") for c in frame["class"]],
        "class_number": frame["class"],
        # head counts are whole (Int64: a missing one stays empty, never 0)
        **{c: frame[c].round().astype("Int64") for c in ("female_20_39", "age65plus", "population")},
        "boundary_set": monthend.set_text(ctx.lang),
        "source": monthend.source_text(mv.RISK_INDEX, period, ctx.lang),
    })
    return out.sort_values("extinction_risk_index", na_position="last", kind="stable", ignore_index=True)


def csv_frame(tab: pd.DataFrame) -> pd.DataFrame:
    """`table` as the CSV holds it (long form: the index is the value; `ui.csvs` titles the columns)."""
    return tab.drop(columns=["class_number"]).rename(columns={"extinction_risk_index": "value"})


def class_colors(tab: pd.DataFrame) -> dict[str, list]:
    """The class cell of each row in its class colour (as on the map): column → (background, ink) or None."""
    out = []
    for c in tab["class_number"]:
        if pd.isna(c):
            out.append(None)
            continue
        out.append((palette.RISK_COLORS[int(c)], "#ffffff" if int(c) in DARK_CLASSES else "#1a1a1a"))
    return {"risk_class": out}


def columns(ctx: Ctx) -> dict:
    ko = ctx.lang == "ko"
    return {
        "region_code": st.column_config.TextColumn(ctx.t("code_col")),
        "region": st.column_config.TextColumn(ctx.t("region"), pinned=True),
        "sido": st.column_config.TextColumn(ctx.t("sido_of")),
        "extinction_risk_index": st.column_config.NumberColumn(ctx.t("risk_index"), format="%.3f"),
        "risk_class": st.column_config.TextColumn(ctx.t("risk_class")),
        "female_20_39": st.column_config.NumberColumn("20–39세 여성 (명)" if ko else "Women 20–39", format="localized"),
        "age65plus": st.column_config.NumberColumn("65세 이상 (명)" if ko else "Aged 65+", format="localized"),
        "population": st.column_config.NumberColumn("주민등록인구 (명)" if ko else "Population", format="localized"),
        "class_number": None,
    }


def table_order(scope: str) -> list[str]:
    """`TABLE_ORDER` without the 시도 column where no row is a 시군구 (a month end of 시도 only)."""
    return TABLE_ORDER if scope != "sido" else [c for c in TABLE_ORDER if c != "sido"]


def caption(ctx: Ctx, tab: pd.DataFrame, period: str) -> str:
    return ctx.t("month_table_caption", n=len(tab), date=monthend.date_text(period, ctx.lang),
                 boundaries=monthend.set_text(ctx.lang))


def source_line(ctx: Ctx, period: str) -> str:
    """'출처: 행정안전부 주민등록 인구통계, 연령별 인구현황, 2025년 6월 말; 균형 계산: … · 단위: 배 ·
    2026년 7월 경계'."""
    return (f"{t('source', ctx.lang)}: {monthend.source_text(mv.RISK_INDEX, period, ctx.lang)} · "
            f"{ctx.t('unit')}: {fmt.unit_label(mv.RISK_INDEX, ctx.lang)} · {monthend.set_text(ctx.lang)}")
