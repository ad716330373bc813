"""Month-end figures as readers see them (DESIGN.md, 'A month end is not a year end'): the date
('2025년 6월 말' / 'June 2025 (month end)'), the source line of a month end, a figure as text, and the
browser map of one month end (one period, labelled with its date: never a year, never a timeline)."""
from __future__ import annotations

import pandas as pd

import app_data
from geo import regions
from indicators import derive
from indicators.views import month_end as mv
from ui import format as fmt
from ui import maps, mapview, nav, palette
from ui.context import Ctx
from ui.i18n import t

# 행정안전부 주민등록 인구통계, 연령별 인구현황 (indicators/sources/mois_registered.yaml)
SOURCE_ID = "mois_age_registered"
MONTHS_EN = ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
             "November", "December")


def date_text(period: str, lang: str = "ko") -> str:
    """'2025-06' → '2025년 6월 말' / 'June 2025 (month end)'."""
    year, month = int(period[:4]), int(period[5:7])
    return f"{year}년 {month}월 말" if lang == "ko" else f"{MONTHS_EN[month - 1]} {year} (month end)"


def set_text(lang: str) -> str:
    """The run's boundary set as readers see it ('2026년 7월 경계')."""
    return t(f"set_note_{app_data.boundary_set()}", lang)


def source_text(ind_id: str, period: str, lang: str = "ko") -> str:
    """'행정안전부 주민등록 인구통계, 연령별 인구현황, 2025년 6월 말'; a derived figure adds 'computed by
    Balance: <formula in words>' (the registry's `cite` blocks)."""
    cat = app_data.catalogue()
    text = f"{fmt.citation(cat.sources.get(SOURCE_ID), lang)}, {date_text(period, lang)}"
    ind = cat.indicators.get(ind_id)
    if ind is not None and ind.source == "derived":
        calc = fmt.citation(cat.sources.get("derived"), lang, short=True)
        text += f"; {calc}: {fmt.plain_formula(ind, cat.indicators, lang)}"
    return text


def decimals(ind_id: str) -> int:
    """Decimals a month-end figure is shown with: the index to three (its class bounds are 0.2, 0.5 …),
    counts of people and districts whole."""
    return 3 if ind_id == mv.RISK_INDEX else 0


EN_UNITS = {"persons": " persons", "ratio": "×", "count": " districts"}  # the month-end table's three units


def value_text(v: float, ind_id: str, lang: str = "ko") -> str:
    """'3,157,777명', '0.394배', '21개' (English: '3,157,777 persons', '0.394×', '21 districts'); '–' when
    missing."""
    if fmt.is_missing(v):
        return "–"
    unit = fmt.unit_label(ind_id, lang)
    return f"{fmt.fixed(v, decimals(ind_id))}{unit if lang == 'ko' else EN_UNITS.get(unit, ' ' + unit)}"


def class_names(lang: str) -> tuple[str, ...]:
    return derive.RISK_CLASSES_EN if lang == "en" else derive.RISK_CLASSES_KO


def risk_view(ctx: Ctx, areas: pd.DataFrame, period: str, level: str, count_text: str) -> dict:
    """The browser map of one month end's KEIS classes (`areas`: `views.month_end.on_areas`): one period
    keyed by its 'YYYY-MM' and labelled with its date, no timeline, no CSV of its own (the section's
    download carries the date), and it writes nothing to the URL (the page's year map owns ?year=/?zoom=)."""
    set_id = app_data.boundary_set()
    index = app_data.indicator(mv.RISK_INDEX)
    labels = maps.class_labels(ctx.lang)
    date = date_text(period, ctx.lang)
    codes = areas["region_code"].tolist()
    frame = areas.assign(year=period, value=areas["index"],
                         fill=[None if pd.isna(c) else palette.RISK_COLORS[int(c)] for c in areas["class"]],
                         text=[None if pd.isna(v) else f"{fmt.fixed(v, 3)} · {labels[int(c)]}"
                               for v, c in zip(areas["index"], areas["class"])])
    frame["text"] = maps.union_texts(ctx, frame)
    have = int(areas["index"].notna().sum())
    parts_of = frame.dropna(subset=["union"])["union"].unique()  # a union standing in: its note, by month
    unions = (" · " + ctx.t("month_union_note", names=", ".join(regions.name(u, ctx.lang) for u in parts_of))
              if len(parts_of) else "")
    subtitle = (f"{ctx.t(level)} · {date} · {set_text(ctx.lang)} · {ctx.t('unit')}: {fmt.unit_label(index, ctx.lang)}"
                f" · {have}/{len(codes)}{count_text}{unions}")
    years = [period]
    view = mapview.spec(
        key=f"month|{period}|{level}|{set_id}|{ctx.lang}|{int(ctx.presenter)}", indicator=f"{mv.RISK_INDEX}@{period}",
        geo_url=maps.geometry_urls()[level], codes=codes, names=[regions.name(c, ctx.lang) for c in codes],
        capital=[regions.is_capital(c) for c in codes], years=years, year=period,
        value=mapview.by_year(frame, codes, years, "value"), fill=mapview.by_year(frame, codes, years, "fill"),
        text=mapview.by_year(frame, codes, years, "text"),
        rank={period: [None if pd.isna(r) else int(r) for r in areas["rank"]]},
        title=ctx.t("month_map_title", date=date), subtitle={period: subtitle}, year_text={period: date},
        legend=mapview.legend_classes(ctx.t("risk_index"), palette.RISK_COLORS, labels),
        source=f"{t('source', ctx.lang)}: {source_text(mv.RISK_INDEX, period, ctx.lang)}", note="",
        labels=maps.map_labels(ctx), missing_label=ctx.t("no_data"), outline_label=ctx.t("capital_outline"),
        clickable=True, presenter=ctx.presenter, filename="extinction_risk_month_end",
        height=560 if ctx.presenter else 620)
    return {**view, "side": False, "url_keys": False}


def show_view(view: dict, *, key: str) -> None:
    """Draw a month end's map (`risk_view`); a click opens the region's profile."""
    profile = {"path": "region", "params": nav.link_params("region"), "key": "region"}
    mapview.show({**view, "profile": profile, "year_to_server": False}, key=key, year=view["year"], zoom="nation",
                 on_view=lambda result: None)
