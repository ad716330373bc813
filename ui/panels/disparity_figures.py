"""격차 분석 charts (`ui.linechart` views): one small panel per inequality measure over time, and the
Theil capital/non-capital decomposition as stacked bars. Years in which fewer regions than the full set
enter the measures are shaded (`partial_years`), policy events marked by numbered badges."""
from __future__ import annotations

import pandas as pd

import app_data
from indicators import catalog
from indicators.inequality import MEASURES
from indicators.schema import Indicator
from ui import concepts, figures, linechart, palette
from ui import format as fmt
from ui.context import Ctx


def _name(m: str, lang: str) -> str:
    ko, en, _ = MEASURES[m]
    return en if lang == "en" else ko


BETWEEN_COLOR, WITHIN_COLOR = palette.CR_COLOR, "#9DB4C8"
MEASURE_COLORS = {"cv": "#000000", "cv_weighted": "#E69F00", "gini": "#009E73", "theil_t": "#D55E00",
                  "theil_l": "#0072B2"}
GRID_FROM = 3  # presenter mode: from this many measures the panels sit in a grid (2 or 3 columns)


def partial_years(t: pd.DataFrame, full: int) -> list[int]:
    return [int(y) for y, n in zip(t["year"], t["n_regions"]) if n < full]


def _subtitle(ctx: Ctx, level: str, t: pd.DataFrame, reading: str) -> str:
    """Level, the number of units measured (of the boundary set named), years, reading."""
    span = f"{int(t['year'].min())}–{int(t['year'].max())}" if not t.empty else ""
    units = ""
    if not t.empty and "n_regions" in t:
        last = t.loc[t["year"].idxmax()]
        full = int(last.get("n_full", last["n_regions"]))
        units = " · " + ctx.t("units_measured", n=int(last["n_regions"]), full=full,
                              boundaries=ctx.t(f"set_note_{app_data.boundary_set()}"))
    return f"{ctx.t(level)}{units} · {span} · {reading}"


def _events(ctx: Ctx, t: pd.DataFrame, show_events: bool) -> list[dict]:
    if not show_events or t.empty:
        return []
    return linechart.event_marks(concepts.events(ctx.lang), float(t["year"].min()), float(t["year"].max()))


def _shade(ctx: Ctx, t: pd.DataFrame, full: int) -> dict:
    return {"years": partial_years(t, full), "label": ctx.t("partial_label", full=full)}


def _measure_line(ctx: Ctx, t: pd.DataFrame, m: str, full: int) -> dict:
    """A measure's line; its value texts carry the number of regions measured that year."""
    texts = [f"{fmt.number(v, 4) if pd.notna(v) else ctx.t('no_data')} ({ctx.t('n_regions')} {int(n)}/{full})"
             for v, n in zip(t[m], t["n_regions"])]
    return linechart.line(name=_name(m, ctx.lang), code=m, years=t["year"], values=t[m], texts=texts,
                          color=MEASURE_COLORS[m], open_years=partial_years(t, full))


def _key(*parts) -> str:
    return "|".join(map(str, parts))


@figures.cached
def measures_chart(ctx: Ctx, ind: Indicator, level: str, t: pd.DataFrame, chosen: list[str], full: int,
                   reading: str, show_events: bool, note: str = "") -> dict:
    """One small panel per chosen measure (each on its own scale), shared years, stacked; in presenter
    mode, from `GRID_FROM` measures, a grid of 2 or 3 columns."""
    panels = [linechart.panel(title=_name(m, ctx.lang), axis=linechart.value_axis(t[m].tolist()),
                              lines=[_measure_line(ctx, t, m, full)]) for m in chosen]
    cols = (3 if len(chosen) >= 5 else 2) if ctx.presenter and len(chosen) >= GRID_FROM else 1
    rows = -(-len(panels) // cols)
    return linechart.spec(ctx, key=_key("disp", ind.id, level, ",".join(chosen), show_events, ctx.lang,
                                        ctx.presenter, len(t)),
                          panels=panels, cols=cols, title=ctx.t("disp_chart_title", name=fmt.name(ind, ctx.lang)),
                          subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level), note=note,
                          events=_events(ctx, t, show_events), shade=_shade(ctx, t, full), legend=False,
                          badges=cols == 1, height=max(260, 170 * rows + 40))


@figures.cached
def decomposition_chart(ctx: Ctx, ind: Indicator, level: str, t: pd.DataFrame, kind: str, full: int,
                        reading: str, show_events: bool) -> dict:
    """Stacked bars: between (수도권 vs 비수도권) + within = Theil T or L; the between share written on top."""
    between, within, share = (f"theil_{kind}_between", f"theil_{kind}_within", f"theil_{kind}_between_share")
    shares = [(f"{s * 100:.1f}%" if s < 0.1 else f"{s * 100:.0f}%") if pd.notna(s) else "" for s in t[share]]
    series = []
    for col, color, label in ((between, BETWEEN_COLOR, ctx.t("between")), (within, WITHIN_COLOR, ctx.t("within"))):
        texts = [f"{fmt.number(v, 4) if pd.notna(v) else ctx.t('no_data')} ({ctx.t('between_share')} {sh})"
                 if sh else ctx.t("no_data") for v, sh in zip(t[col], shares)]
        series.append(linechart.bars(name=label, code=col, years=t["year"], values=t[col], texts=texts, color=color,
                                     labels=shares if col == within else None, label_color=BETWEEN_COLOR))
    total = (t[between] + t[within]).dropna()
    top = float(total.max()) if len(total) else 1.0
    valid = t[t[share].notna()]
    note = ""
    if len(valid):
        a, b = valid.iloc[0], valid.iloc[-1]
        note = ctx.t("share_first_last", y0=int(a["year"]), s0=a[share] * 100, y1=int(b["year"]), s1=b[share] * 100)
    if t[f"theil_{kind}"].isna().any():
        note += " " + ctx.t("theil_nonpositive")
    panel = linechart.panel(axis=linechart.value_axis([0.0, top * 1.12]), bars=series, stack=True)
    return linechart.spec(ctx, key=_key("decomp", ind.id, level, kind, show_events, ctx.lang, ctx.presenter, len(t)),
                          panels=[panel], title=ctx.t("decomp_title", measure=_name(f"theil_{kind}", ctx.lang),
                                                      name=fmt.name(ind, ctx.lang)),
                          subtitle=_subtitle(ctx, level, t, reading), source=_source(ctx, ind, level),
                          note=note.strip(), events=_events(ctx, t, show_events), shade=_shade(ctx, t, full),
                          height=380)


def _source(ctx: Ctx, ind: Indicator, level: str) -> str:
    """Source of the indicator, of the population used to divide/weight it, and of land area."""
    lines = [fmt.source_line(ind, ctx.lang)]
    pop = catalog.population_for(ind, level)
    for extra in (("land_area_km2",) if ind.is_population_count else (pop, "land_area_km2")):
        if extra != ind.id and extra in app_data.available_indicators():
            meta = app_data.indicator(extra)
            lines.append(f"{fmt.name(meta, ctx.lang)}: {fmt.source_text(meta, ctx.lang, short=True)}")
    lines.append(ctx.t("computed_note"))
    return " · ".join(lines)


