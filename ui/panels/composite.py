"""종합 격차지수: the IMD-style composite of `indicators.composite`, its map, table, sensitivity and
the comparison with the NAVIS regional development index.

Every number comes from `indicators.composite` (inputs → standardise → domain_scores → composite,
missing_inputs, sensitivity, rank_correlation). A domain with no input in the build at all (e.g.
the census-only default build) is left out with its weight set to 0, and the page says so; a domain
with no input vintage up to the chosen year leaves every area unscored (nothing is filled).
"""
from __future__ import annotations

import pandas as pd
import plotly.colors as pc
import streamlit as st

import app_analyses
import app_data
from indicators import composite as cx
from indicators import views
from ui import figures, maps, mapview, palette
from ui import format as fmt
from ui.context import Ctx

DECILE_COLORS: tuple[str, ...] = tuple(pc.sample_colorscale("Viridis", [i / 9 for i in range(10)]))  # 1 = dark


def domain_name(d: cx.Domain, lang: str) -> str:
    return d.name_en if lang == "en" else d.name_ko


def all_inputs(level: str) -> list[str]:
    return [i for d in cx.DOMAINS for i in d.indicators.get(level, ())]


def available_domains(level: str) -> list[str]:
    """Domains with at least one input in the build at `level` (any year)."""
    return views.available_domains(app_data.available_indicators(level), level)


def levels() -> list[str]:
    return [lv for lv in ("sido", "sigungu") if available_domains(lv)]


def _domain_spans(level: str) -> list[tuple[int, int]]:
    """(first, last) year each domain with an input in the build has been measured in."""
    have = set(app_data.available_indicators(level))
    spans = []
    for d in cx.DOMAINS:
        ys = [y for i in d.indicators.get(level, ()) if i in have for y in app_data.years_for(i, level)]
        if ys:
            spans.append((min(ys), max(ys)))
    return spans


def years(level: str) -> list[int]:
    """The years a composite can be scored in: an input's year, from the first by which every domain has been
    measured at least once (an earlier year leaves a domain without any input, and no area is scored)."""
    have = set(app_data.available_indicators(level))
    ys = {y for i in all_inputs(level) if i in have for y in app_data.years_for(i, level)}
    start = max((first for first, _ in _domain_spans(level)), default=None)
    return sorted(y for y in ys if start is None or y >= start)


def default_year(level: str, opts: list[int]) -> int:
    """Of `opts` (`years(level)`): the latest year up to which every available domain has been measured at
    least once, and no later than the first domain's last measurement (so inputs are as current as the
    slowest domain allows)."""
    spans = _domain_spans(level)
    firsts, lasts = [f for f, _ in spans], [last for _, last in spans]
    target = max(max(firsts), min(lasts)) if firsts else opts[-1]
    return next((y for y in opts if y >= target), opts[-1])


Result = views.CompositeResult


@figures.cached
def result(level: str, year: int, method: str, weights: dict[str, float], lang: str) -> views.CompositeResult:
    """`app_analyses.composite_result`, one object per view shared by every run (its builders below are
    keyed by it at no hashing cost)."""
    return app_analyses.composite_result(level, year, method, weights, lang)


def vintage_lines(ctx: Ctx, res: Result) -> list[str]:
    """One line per domain: '**보건·복지** (20%): 의사 수: 2020 · …' (or 'no data' per input)."""
    total = sum(res.weights.values()) or 1.0
    used = dict(zip(res.vintages["indicator"], res.vintages["year_used"])) if not res.vintages.empty else {}
    have = set(app_data.available_indicators(res.level))
    out = []
    for d in cx.DOMAINS:
        parts = []
        for i in d.indicators.get(res.level, ()):
            y = used.get(i)
            if i not in have:
                txt = ctx.t("input_not_built")
            elif y is None or pd.isna(y):
                txt = ctx.t("input_no_vintage", year=res.year)
            else:
                txt = str(int(y)) + (" ⚠" if int(y) < res.year else "")
            parts.append(f"{app_data.name(i, ctx.lang)}: {txt}")
        share = res.weights[d.id] / total * 100
        out.append(f"- **{domain_name(d, ctx.lang)}** ({share:.0f}%): " + " · ".join(parts))
    return out


def weights_text(ctx: Ctx) -> str:
    parts = [f"{domain_name(d, ctx.lang)} {d.default_weight:g}" for d in cx.DOMAINS]
    return ctx.t("weights_default", defaults=", ".join(parts))


def _texts(ctx: Ctx, res: Result) -> list[str | None]:
    """Hover text per area: score, rank and decile, then each domain's score (None: not computed)."""
    t = res.table
    out: list[str | None] = []
    for r in t.itertuples():
        if pd.isna(r.score):
            out.append(None)
            continue
        doms = " · ".join(f"{domain_name(d, ctx.lang)} {getattr(r, d.id):.2f}" for d in cx.DOMAINS
                          if d.id in t.columns and pd.notna(getattr(r, d.id)))
        out.append(f"{ctx.t('score')} {r.score:.2f} · {ctx.t('decile')} {int(r.decile)} · {doms}")
    return out


@figures.cached
def map_view(ctx: Ctx, res: Result, view: str) -> dict:
    """The browser map (ui.mapview) of the composite: deciles (1 = most disadvantaged) or the score;
    areas without a score hatched."""
    t = res.table
    frame = pd.DataFrame({"region_code": t["region_code"], "value": t["score"], "text": _texts(ctx, res),
                          "rank": t["rank"]})
    if view == "decile":
        labels = [ctx.t("decile_label", d=d) + (f" ({ctx.t('most_disadvantaged')})" if d == 1 else
                                                 f" ({ctx.t('least_disadvantaged')})" if d == 10 else "")
                  for d in range(1, 11)]
        frame["fill"] = [DECILE_COLORS[int(d) - 1] if pd.notna(d) else None for d in t["decile"]]
        legend = mapview.legend_classes(ctx.t("decile"), DECILE_COLORS, labels)
    else:
        scale = palette.sequential_scale(-1)
        lo, hi = float(t["score"].min()), float(t["score"].max())
        frame["fill"] = mapview.fills(t["score"].to_numpy(dtype=float), scale, lo, hi)
        legend = mapview.legend_continuous(ctx.t("score_unit"), scale, lo, hi, fmt.number)
    # the count scored is in the subtitle already (maps.choropleths: scored/units of the set)
    extra = f" · {ctx.t('method_' + res.method)} · {weights_line(ctx, res)}"
    return maps.one_year_view(ctx, frame, level=res.level, year=res.year, title=map_title(ctx, res),
                              legend=legend, unit_text=ctx.t("score_unit"), source=source(ctx, res),
                              key=f"comp|{res.level}|{res.year}|{res.method}|{view}|{ctx.lang}",
                              filename=f"composite_{res.level}_{res.method}_{view}{weights_tag(res)}",
                              note=ctx.t("comp_direction"), extra=extra, missing_label=ctx.t("no_composite"))


def weights_line(ctx: Ctx, res: Result) -> str:
    """'가중치 인구·소멸 30% · 경제 30% · …': each domain's share of the total weight, as the score uses it
    (in the map's subtitle, so its SVG/PNG export carries it too)."""
    shares = res.weight_shares
    parts = [f"{domain_name(d, ctx.lang)} {shares[d.id]:.0f}%" for d in cx.DOMAINS]
    return ctx.t("weights_used", parts=" · ".join(parts))


def map_title(ctx: Ctx, res: Result) -> str:
    """The map's title; a reader's own weights say so in it (and in the exported image)."""
    title = ctx.t("comp_map_title")
    return f"{title} ({ctx.t('weights_custom')})" if res.custom_weights else title


def weights_tag(res: Result) -> str:
    """A file name's mark of a reader's own weights ('_w40-30-20-10', registry order); '' for the defaults."""
    return "_w" + "-".join(f"{res.weights[d.id]:g}" for d in cx.DOMAINS) if res.custom_weights else ""


def table_csv(ctx: Ctx, res: Result) -> pd.DataFrame:
    """The ranked table as its CSV: every area with its score and domain scores, the unit, the year and
    method, each domain's weight share as used, and the sources of the inputs (`ui.csvs` titles it)."""
    shares = res.weight_shares
    out = ranked_table(res).assign(unit=ctx.t("score_unit"))
    for d in cx.DOMAINS:
        out[f"weight_{d.id}_pct"] = round(shares[d.id], 2)
    return out.assign(source=source_text(ctx, res))


def source(ctx: Ctx, res: Result) -> str:
    """'출처: ' + `source_text`."""
    return f"{ctx.t('source')}: " + source_text(ctx, res)


def source_text(ctx: Ctx, res: Result) -> str:
    """Each input used, with its vintage and source, and the note that the composite is computed here."""
    used = dict(zip(res.vintages["indicator"], res.vintages["year_used"])) if not res.vintages.empty else {}
    parts = []
    for i in all_inputs(res.level):
        if i in res.wide.columns:
            ind = app_data.indicator(i)
            y = used.get(i)
            parts.append(f"{fmt.name(ind, ctx.lang)} {int(y) if pd.notna(y) else ''} "
                         f"({fmt.source_text(ind, ctx.lang, short=True)})")
    return "; ".join(parts) + " · " + ctx.t("computed_note")


def method_labels(ctx: Ctx) -> dict[str, str]:
    return {m: ctx.t(f"method_{m}") for m in cx.METHODS}


def view_labels(ctx: Ctx) -> dict[str, str]:
    return {"score": ctx.t("view_score"), "decile": ctx.t("view_decile")}


def weight_label(ctx: Ctx, d: cx.Domain) -> str:
    return f"{domain_name(d, ctx.lang)} ({ctx.t('default')} {d.default_weight:g})"


def dropped_weight(ctx: Ctx, d: cx.Domain, container=st) -> float:
    """The weight of a domain this build has no input for: shown as what is used (0, disabled), never
    its default; not bound to the URL. Returns 0."""
    container.slider(f"{domain_name(d, ctx.lang)} ({ctx.t('weight_dropped')})", 0, 100, 0, step=5, disabled=True,
                     key=f"w_{d.id}_dropped", help=ctx.t("weight_dropped_help", default=f"{d.default_weight:g}"))
    return 0.0


def domain_names(ctx: Ctx, ids) -> str:
    return ", ".join(domain_name(d, ctx.lang) for d in cx.DOMAINS if d.id in ids)


def ranked_table(res: Result) -> pd.DataFrame:
    return res.table.sort_values(["rank", "region_code"], na_position="last")
