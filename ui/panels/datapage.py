"""Data & methods pieces: catalogue table, build report, coverage matrix."""
from __future__ import annotations

from dataclasses import asdict

import pandas as pd
import streamlit as st

import app_analyses
import app_data
from geo import regions
from indicators import catalog, manifest
from ui import concepts, csvs, figures, plots, statictable
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import finish

LEVEL_KEYS = {"nation": "nation", "group": "level_group", "macro": "macro", "sido": "sido", "sigungu": "sigungu"}


@figures.cached
def catalogue_table(ctx: Ctx) -> pd.DataFrame:
    """Every catalogued indicator with its source, unit, formula, licence and what the build holds."""
    cat = app_data.catalogue()
    cov = app_data.coverage()
    span = cov.groupby("indicator")["year"].agg(["min", "max", "nunique"])
    levels = cov[cov["regions"] > 0].groupby("indicator")["level"].agg(
        lambda s: ", ".join(ctx.t(LEVEL_KEYS[lv]) for lv in LEVEL_KEYS if lv in set(s)))
    rows = []
    for ind in cat.indicators.values():
        src = cat.sources.get(ind.source)
        d = asdict(src) if src else {}
        y = span.loc[ind.id] if ind.id in span.index else None
        rows.append({
            "id": ind.id, "name": ind.name_en if ctx.lang == "en" else ind.name_ko,
            "unit": ind.unit if ctx.lang == "en" else ind.unit_ko,
            "category": catalog.category_name(ind.category, ctx.lang),
            "polarity": ind.polarity, "additive": ind.additive,
            "years": "" if y is None else (f"{int(y['min'])}–{int(y['max'])} ({int(y['nunique'])})"),
            "levels": levels.get(ind.id, ""), "in_data": y is not None,
            "formula": ind.text("formula", ctx.lang), "basis": ind.text("basis", ctx.lang),
            "producer": fmt.citation(src, ctx.lang, short=True) or d.get("producer", ""),
            "table": _table_title(src, ctx),
            "table_id": d.get("table_id", ""),
            "vintage": d.get("vintage", ""), "license": src.text("license", ctx.lang) if src else "",
            "url": d.get("url", ""), "note": ind.text("note", ctx.lang),
        })
    return pd.DataFrame(rows)


def fitted_columns(frame: pd.DataFrame, lang: str) -> dict:
    """st.dataframe column settings: each column titled in `lang` (`ui.csvs.title`) and as wide as its
    title or longest text (Hangul 15 px, other characters 8.5 px at the grid's 14 px type, generous so
    no cell is cut) plus padding; the grid scrolls sideways when they add up past the page."""
    def px(text: str) -> int:
        return int(sum(15 if ord(ch) >= 0x1100 else 8.5 for ch in text)) + 28
    out = {}
    for c in frame.columns:
        title = csvs.title(c, lang)
        texts = [title] + [statictable.cell_text(c, v) for v in frame[c].tolist()]
        out[c] = st.column_config.Column(title, width=max(px(x) for x in texts))
    return out


# The catalogue as shown: what a reader looks for first (name, unit, years, levels, source), then the
# definitions, then the identifiers and provenance
CATALOGUE_ORDER = ("name", "unit", "years", "levels", "category", "producer", "table", "table_id", "formula",
                   "basis", "note", "id", "polarity", "additive", "in_data", "vintage", "license", "url")
# Columns of long text, wrapped at this width (rem; the rest keep one line): the table grows and scrolls
# sideways instead of cutting a cell.
CATALOGUE_WRAP = {"table": 16, "table_id": 16, "formula": 18, "basis": 20, "note": 30, "vintage": 20,
                  "license": 18, "url": 18}


@figures.cached
def catalogue_html(ctx: Ctx) -> tuple[str, str]:
    """The catalogue as a static table (`ui.statictable`): its columns in `CATALOGUE_ORDER`, 460 px high."""
    frame = catalogue_table(ctx)
    return statictable.table_html(frame[list(CATALOGUE_ORDER)], "catalogue", ctx.lang, 460, CATALOGUE_WRAP)


def _table_title(src, ctx: Ctx) -> str:
    """The source's table title in the reader's language; an English title that is our translation
    says so and gives the producer's official (Korean) title beside it. Without a cited table: the
    source's own (Korean) title for Korean readers, nothing for English ones."""
    cite = src.cite if src is not None else None
    if cite is None or not cite.table(ctx.lang):
        return src.title if src is not None and ctx.lang == "ko" else ""
    if ctx.lang == "en" and cite.table_en_translated:
        return f"{cite.table_en} ({ctx.t('title_translated')}; {ctx.t('official_title')}: {cite.table_ko})"
    return cite.table(ctx.lang)


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
            rows.append({"indicator_name": app_data.name(ind, ctx.lang), "indicator": ind, "file": e["file"],
                         "vintage": e.get("vintage", ""),
                         "status": _status_label(e.get("manifest_status", ""), ctx.lang),
                         "years": manifest.year_span(e.get("years", [])), "via": via})
    return pd.DataFrame(rows, columns=["indicator_name", "indicator", "file", "vintage", "status", "years", "via"])


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
    """The quoted figures and events in the reader's language: kind, date, what (label), value and unit,
    the figure it refers to (the concept's indicator and group, not the hint's id), the document by its
    title (indicators/seed_docs.csv; never the shipped file's name) with the attribution it gives, and
    the Korean quote for Korean readers."""
    facts = app_data.seed_facts()
    en = ctx.lang == "en"
    out = pd.DataFrame({
        "kind": [ctx.t(f"kind_{k}") for k in facts["kind"]],
        "date": facts["date"], "year": facts["year"],
        "label": facts["label_en" if en else "label_ko"],
        "value": facts["value"], "unit": facts["unit_en" if en else "unit"],
        "hint": [_hint_text(h, ctx) for h in facts["indicator_hint"]],
        "document": facts["doc_title_en" if en else "doc_title_ko"],
        "attribution": facts["attribution"],
    })
    if en:  # the attributions and quotes are Korean text: English readers get the document's English title
        return out.drop(columns=["attribution"])
    return out.assign(quote=facts["quote_ko"])


def _hint_text(hint: str, ctx: Ctx) -> str:
    """What a quoted figure refers to, for readers: '주민등록인구 · 수도권' (the concept's indicator in this
    build and the group), '' for an event."""
    target = catalog.hint_target(hint) if hint else None
    if target is None:
        return ""
    ind = concepts.concept_indicator(target.concept)
    what = fmt.name(ind, ctx.lang) if ind else target.concept
    return f"{what} · {ctx.t(target.region)}"


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


def tidy_titles(tidy: pd.DataFrame, lang: str) -> list[str]:
    """The columns of the tidy CSV as its file titles them (every row: region, indicator, unit, year,
    value and source; `ui.csvs`)."""
    return list(csvs.for_download(tidy.head(1), lang).columns)
