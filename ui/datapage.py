"""Data & methods pieces: catalogue table, build report, coverage matrix."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

import app_data
from ui import charts
from ui import components as cp


def catalogue_table(ctx: cp.Ctx) -> pd.DataFrame:
    """Every catalogued indicator with its source, unit, formula, licence and what the build holds."""
    cat = app_data.catalogue()
    cov = app_data.coverage()
    span = cov.groupby("indicator")["year"].agg(["min", "max", "nunique"])
    levels = cov[cov["regions"] > 0].groupby("indicator")["level"].agg(
        lambda s: ", ".join(lv for lv in ("nation", "group", "sido", "sigungu") if lv in set(s)))
    rows = []
    for ind in cat.indicators.values():
        src = cat.sources.get(ind.source)
        d = asdict(src) if src else {}
        y = span.loc[ind.id] if ind.id in span.index else None
        rows.append({
            "id": ind.id, "name": ind.name_en if ctx.lang == "en" else ind.name_ko,
            "unit": ind.unit if ctx.lang == "en" else ind.unit_ko, "category": ind.category,
            "polarity": ind.polarity, "additive": ind.additive,
            "years": "" if y is None else (f"{int(y['min'])}–{int(y['max'])} ({int(y['nunique'])})"),
            "levels": levels.get(ind.id, ""), "in_data": y is not None,
            "formula": ind.formula, "basis": ind.basis,
            "producer": d.get("producer", ""), "table": d.get("title", ""), "table_id": d.get("table_id", ""),
            "vintage": d.get("vintage", ""), "license": d.get("license", ""), "url": d.get("url", ""),
            "note": ind.note,
        })
    return pd.DataFrame(rows)


def report_table(ctx: cp.Ctx) -> pd.DataFrame:
    rep = app_data.build_report()
    rows = []
    for s in rep.get("sources", []):
        rows.append({"module": s.get("module", ""), "source": s.get("source", ""),
                     "status": ctx.t("built") if s.get("status") == "built" else ctx.t("skipped"),
                     "rows": s.get("rows"), "indicators": ", ".join(s.get("indicators", [])),
                     "reason": s.get("reason", ""), "seconds": s.get("seconds")})
    return pd.DataFrame(rows)


def coverage_figure(ctx: cp.Ctx, level: str):
    cov = app_data.coverage()
    cov = cov[cov["level"] == level]
    if cov.empty:
        return None, cov
    z = cov.pivot_table(index="indicator", columns="year", values="regions", aggfunc="first")
    order = [i for i in app_data.available_indicators() if i in z.index] + [i for i in z.index
                                                                           if i not in app_data.available_indicators()]
    z = z.reindex(order)
    z.index = [f"{app_data.name(i, ctx.lang)} · {i}" for i in z.index]
    z = z.reindex(columns=range(int(cov["year"].min()), int(cov["year"].max()) + 1))
    fig = charts.heatmap(z, colorbar_title=ctx.t(level), hover_fmt="%{y}<br>%{x}: %{z}")
    rep = app_data.build_report()
    charts.finish(fig, title=ctx.t("coverage"), subtitle=f"{ctx.t(level)} · {ctx.t('level')}",
                  source=f"{ctx.t('source')}: build_report.json (raw_dir={rep.get('raw_dir', '')})",
                  presenter=ctx.presenter, height=max(320, 17 * len(z)), legend_top=False)
    return fig, cov
