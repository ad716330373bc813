"""Data & methods pieces: catalogue table, build report, coverage matrix."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd

import app_analyses
import app_data
from geo import regions
from indicators import manifest
from ui import figures, plots
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import finish


@figures.cached
def catalogue_table(ctx: Ctx) -> pd.DataFrame:
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
            "producer": fmt.citation(src, ctx.lang, short=True) or d.get("producer", ""),
            "table": (src.cite.table(ctx.lang) if src and src.cite else "") or d.get("title", ""),
            "table_id": d.get("table_id", ""),
            "vintage": d.get("vintage", ""), "license": d.get("license", ""), "url": d.get("url", ""),
            "note": ind.note,
        })
    return pd.DataFrame(rows)


@figures.cached
def report_table(ctx: Ctx) -> pd.DataFrame:
    rep = app_data.build_report()
    raw_dir = rep.get("raw_dir", "")
    rows = []
    for s in rep.get("sources", []):
        rows.append({"module": s.get("module", ""), "source": s.get("source", ""),
                     "status": ctx.t(s["status"] if s.get("status") in ("built", "partial") else "skipped"),
                     "rows": s.get("rows"), "indicators": ", ".join(s.get("indicators", [])),
                     "reason": fmt.without_paths(s.get("reason", ""), raw_dir), "seconds": s.get("seconds")})
    return pd.DataFrame(rows)


FILE_STATUS_KO = {"ok": "일치", "changed": "변경됨 (sha256 다름)", "not in manifest": "목록에 없음 (새 파일)",
                  "absent": "없음", "package": "패키지 내장"}


def _status_label(status: str, lang: str) -> str:
    return status if lang == "en" else FILE_STATUS_KO.get(status, status)


def raw_files_summary(ctx: Ctx) -> tuple[int, int]:
    """(files matching the manifest, files checked)."""
    files = app_data.build_report().get("raw_files", [])
    return sum(f.get("status") == "ok" for f in files), len(files)


@figures.cached
def raw_files_table(ctx: Ctx) -> pd.DataFrame:
    """Every raw file checked by the build: path under data/raw/, manifest status, vintage, and the
    indicators read from it."""
    rep = app_data.build_report()
    used: dict[str, list[str]] = {}
    for entry in rep.get("lineage", []):
        if "file" in entry:
            used.setdefault(entry["file"], []).append(entry["indicator"])
    rows = [{"file": f.get("path", ""), "status": _status_label(f.get("status", ""), ctx.lang),
             "vintage": f.get("vintage", ""), "indicators": len(used.get(f.get("path", ""), [])),
             "sha256": f.get("sha256", "")[:12]} for f in rep.get("raw_files", [])]
    return pd.DataFrame(rows, columns=["file", "status", "vintage", "indicators", "sha256"])


def _root_files(ind_id: str, by_indicator: dict[str, list[dict]], depth: int = 0) -> list[dict]:
    """Lineage entries (file, vintage, years) an indicator comes from; derived ones through their inputs."""
    out: list[dict] = []
    for entry in by_indicator.get(ind_id, []):
        if "file" in entry:
            out.append(entry)
        elif depth < 4:
            for inp in entry.get("inputs", []):
                out += [e for e in _root_files(inp, by_indicator, depth + 1) if e not in out]
    return out


@figures.cached
def lineage_table(ctx: Ctx) -> pd.DataFrame:
    """Per indicator: each file (and vintage) its years come from; a derived indicator lists the files
    of its inputs, with 'via' naming them."""
    rep = app_data.build_report()
    by_indicator: dict[str, list[dict]] = {}
    for entry in rep.get("lineage", []):
        by_indicator.setdefault(entry["indicator"], []).append(entry)
    rows = []
    for ind in sorted(by_indicator):
        direct = [e for e in by_indicator[ind] if "file" in e]
        via = "" if direct else ", ".join(e for x in by_indicator[ind] for e in x.get("inputs", []))
        for e in direct or _root_files(ind, by_indicator):
            rows.append({"indicator": app_data.name(ind, ctx.lang), "id": ind, "file": e["file"],
                         "vintage": e.get("vintage", ""),
                         "status": _status_label(e.get("manifest_status", ""), ctx.lang),
                         "years": manifest.year_span(e.get("years", [])), "via": via})
    return pd.DataFrame(rows, columns=["indicator", "id", "file", "vintage", "status", "years", "via"])


@figures.cached
def conflicts_table(ctx: Ctx) -> pd.DataFrame:
    """Values met in two files of one table that differ: which was kept (newest vintage) and which dropped."""
    rows = app_data.build_report().get("conflicts", [])
    cols = ["indicator", "region_code", "year", "kept_file", "kept_vintage", "kept_value", "dropped_file",
            "dropped_vintage", "dropped_value"]
    return pd.DataFrame([{c: r.get(c) for c in cols} for r in rows], columns=cols)


@figures.cached
def exports_reference_table(ctx: Ctx) -> pd.DataFrame:
    """The published 2020 exports of the 17 시도 (억 USD) beside the K-stat series value where it has one."""
    ref = app_analyses.exports_reference_2020()
    obs = app_data.values("exports_usd_th", "sido", 2020) if "exports_usd_th" in app_data.available_indicators() \
        else pd.DataFrame(columns=["region_code", "value"])
    series = obs.set_index("region_code")["value"] / 1e5 if len(obs) else pd.Series(dtype=float)
    nation = app_data.series("exports_usd_th", ["00"]) if len(obs) else pd.DataFrame()
    out = pd.DataFrame({
        "region": [regions.name(c, ctx.lang) for c in ref["region_code"]],
        "published_usd_100m": ref["exports_usd_100m"].round(2),
        "kstat_series_usd_100m": ref["region_code"].map(series).round(2),
    })
    if len(nation):
        n = nation[nation["year"] == 2020]["value"]
        out.loc[ref["region_code"].eq("00").to_numpy(), "kstat_series_usd_100m"] = round(float(n.iloc[0]) / 1e5, 2) \
            if len(n) else None
    return out


@figures.cached
def seed_facts_table(ctx: Ctx) -> pd.DataFrame:
    """The quoted figures and events as shipped (file names kept: this page is where they are shown),
    in the reader's language: English readers get the English label and document title only."""
    facts = app_data.seed_facts().drop(columns=["x", "doc", "attribution"], errors="ignore")
    drop = ["label_ko", "quote_ko", "doc_title_ko"] if ctx.lang == "en" else ["label_en", "doc_title_en"]
    return facts.drop(columns=drop, errors="ignore")


@figures.cached
def coverage_figure(ctx: Ctx, level: str):
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
    fig = plots.heatmap(z, colorbar_title=ctx.t(level), hover_fmt="%{y}<br>%{x}: %{z}")
    finish(fig, title=ctx.t("coverage"), subtitle=f"{ctx.t(level)} · {ctx.t('level')}",
           source=f"{ctx.t('source')}: {ctx.t('coverage_source')}",
           presenter=ctx.presenter, height=max(320, 17 * len(z)), legend_top=False)
    return fig, cov
