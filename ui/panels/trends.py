"""Trend figures: capital region vs the rest over all years, as level, share, ratio or difference;
and the seven 권역 side by side (level, share of the seven, nation = 100)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import app_data
from geo import regions
from indicators import views
from ui import charts, maps
from ui import components as cp
from ui import format as fmt
from ui.i18n import t

MEASURES = ("level", "share", "ratio", "diff")
MACRO_MEASURES = ("level", "share", "relative")
VIEWS = ("groups", "macro")
GROUP_COLORS = {"CR": charts.CR_COLOR, "NC": charts.NC_COLOR, "00": charts.NATION_COLOR}


def measures_for(ind_id: str) -> list[str]:
    """Views that exist for this indicator: share needs an additive one with CR and NC values."""
    g = app_data.gaps(ind_id)
    out = ["level"]
    if not g.empty:
        if g["capital_share_pct"].notna().any():
            out.append("share")
        out += ["ratio", "diff"]
    return out


def compare_options(ind_id: str) -> list[str]:
    """Regions (시도, 시군구) with at least one value of the indicator."""
    return views.regions_with_values(app_data.observations(), ind_id, cp.all_region_codes())


def _hover(name: str, years, values, ind_id: str, lang: str, kind: str) -> list[str]:
    out = []
    for y, v in zip(years, values):
        if kind == "share":
            txt = f"{v:.1f}%"
        elif kind == "ratio":
            txt = f"{v:,.3f}×"
        elif kind == "diff":
            txt = fmt.delta(v, ind_id, lang)
        else:
            txt = fmt.value(v, ind_id, lang)
        out.append(f"<b>{name}</b> · {int(y)}<br>{txt}")
    return out


@dataclass
class _Lines:
    """The lines of one trend view, the rows of its table and the axis settings."""

    lines: list[dict] = field(default_factory=list)
    rows: list[pd.DataFrame] = field(default_factory=list)
    y_title: str = ""
    hline: float | None = None
    tickfmt: str = ",.4~r"
    figures: list[dict] = field(default_factory=list)


def _level_lines(ctx: cp.Ctx, ind_id: str, compare: list[str], unit: str) -> _Lines:
    """CR, NC, nation (dashed) and the compared regions, as published."""
    out = _Lines(y_title=unit)
    codes = ["CR", "NC", "00"] + [c for c in compare if c not in ("CR", "NC", "00")]
    s = app_data.series(ind_id, codes)
    for i, code in enumerate(codes):
        part = s[s["region_code"] == code]
        if part.empty:
            continue
        name = regions.name(code, ctx.lang) if code not in ("CR", "NC") else ctx.t(code)
        color = GROUP_COLORS.get(code, charts.COMPARE_COLORS[(i - 3) % len(charts.COMPARE_COLORS)])
        out.lines.append(dict(name=name, x=part["year"].tolist(), y=part["value"].tolist(), color=color,
                              dash="dash" if code == "00" else "solid", width=3 if code in ("CR", "NC") else 2,
                              hover=_hover(name, part["year"], part["value"], ind_id, ctx.lang, "level")))
        out.rows.append(part.assign(series=name, measure="level", unit=unit))
    return out


def _share_lines(ctx: cp.Ctx, ind_id: str, g: pd.DataFrame) -> _Lines:
    """CR and NC shares of their sum (%), with the quoted figures."""
    out = _Lines(y_title="%", hline=50.0, tickfmt=".1f", figures=cp.quoted_shares(ind_id, ctx.lang, GROUP_COLORS))
    cr = g["capital_share_pct"]
    for code, vals in (("CR", cr), ("NC", 100 - cr)):
        name = ctx.t(code)
        out.lines.append(dict(name=name, x=g["year"].tolist(), y=vals.tolist(), color=GROUP_COLORS[code], width=3,
                              hover=_hover(name, g["year"], vals, ind_id, ctx.lang, "share")))
        out.rows.append(pd.DataFrame({"region_code": code, "year": g["year"], "value": vals, "series": name,
                                      "measure": "share_pct", "unit": "%"}))
    return out


def _gap_lines(ctx: cp.Ctx, ind_id: str, g: pd.DataFrame, measure: str, unit: str) -> _Lines:
    """CR ÷ NC ('ratio') or CR − NC ('diff') from the gaps table."""
    ratio = measure == "ratio"
    col = "capital_to_noncapital_ratio" if ratio else "capital_minus_noncapital"
    name = ctx.t("measure_ratio_long") if ratio else ctx.t("measure_diff_long")
    vals = g[col]
    out = _Lines(y_title="×" if ratio else unit, hline=1.0 if ratio else 0.0)
    out.lines.append(dict(name=name, x=g["year"].tolist(), y=vals.tolist(), color=charts.CR_COLOR, width=3,
                          hover=_hover(name, g["year"], vals, ind_id, ctx.lang, measure)))
    out.rows.append(pd.DataFrame({"region_code": "CR/NC", "year": g["year"], "value": vals, "series": name,
                                  "measure": col, "unit": "×" if ratio else unit}))
    return out


def figure(ctx: cp.Ctx, ind_id: str, measure: str, compare: list[str], show_events: bool):
    """(figure, long table) for the trend view."""
    lang = ctx.lang
    unit = fmt.unit_label(ind_id, lang)
    g = app_data.gaps(ind_id)
    if measure == "level" or g.empty:
        view = _level_lines(ctx, ind_id, compare, unit)
    elif measure == "share":
        view = _share_lines(ctx, ind_id, g)
    else:
        view = _gap_lines(ctx, ind_id, g, measure, unit)
    ev = cp.events(lang) if show_events else None
    fig = charts.time_series(view.lines, events=ev, figures=view.figures, y_title=view.y_title,
                             presenter=ctx.presenter, hline=view.hline, y_tickformat=view.tickfmt)
    table = pd.concat(view.rows, ignore_index=True) if view.rows else pd.DataFrame()
    years = table["year"] if not table.empty else pd.Series(dtype=int)
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    measure_label = ctx.t(f"measure_{measure}_long" if measure in ("ratio", "diff") else f"measure_{measure}")
    note = ""
    if view.figures:
        note = ctx.t("figures_note") + " " + "; ".join(sorted({f["source"] for f in view.figures}))
    charts.finish(fig, title=app_data.name(ind_id, lang), subtitle=f"{measure_label} · {view.y_title} · {span}",
                  source=fmt.source_line(ind_id, lang), presenter=ctx.presenter, height=470, note=note)
    table.insert(0, "indicator", ind_id)
    return fig, table


def migration_figure(ctx: cp.Ctx, show_events: bool):
    """Net migration into the capital region per year (sum of the three 시도' net migration)."""
    ind = "migration_net_persons"
    s = app_data.series(ind, ["CR"])
    if s.empty:
        return None, None
    lang = ctx.lang
    colors = [charts.CR_COLOR if v >= 0 else charts.NC_COLOR for v in s["value"]]
    import plotly.graph_objects as go

    fig = go.Figure(go.Bar(x=s["year"], y=s["value"], marker_color=colors,
                           hovertext=[f"{int(y)}: {fmt.value(v, ind, lang, compact=False)}"
                                      for y, v in zip(s["year"], s["value"])],
                           hovertemplate="%{hovertext}<extra></extra>", name=ctx.t("CR")))
    if show_events:
        ev = cp.events(lang)
        ev = ev[(ev["x"] >= s["year"].min() - 0.5) & (ev["x"] <= s["year"].max() + 0.99)]
        for x in sorted(set(ev["x"].astype(int))):
            fig.add_vline(x=x, line=dict(color=charts.EVENT_COLOR, dash="dot", width=1))
    fig.add_hline(y=0, line=dict(color="#555", width=1))
    fig.update_xaxes(tickformat="d")
    fig.update_yaxes(tickformat=",.0f")
    span = f"{int(s['year'].min())}–{int(s['year'].max())}"
    charts.finish(fig, title=ctx.t("migration_title"), subtitle=f"{fmt.unit_label(ind, lang)} · {span}",
                  source=fmt.source_line(ind, lang), presenter=ctx.presenter, height=320, legend_top=False)
    return fig, s.assign(indicator=ind)


# ---------------------------------------------------------------- the seven 권역

def default_view(ind_id: str) -> str:
    """'macro' for an indicator with 권역 values but no 수도권/비수도권 pair (e.g. 경인지방통계청's gi_*,
    published without 비수도권), else 'groups'."""
    return "macro" if app_data.years_for(ind_id, "macro") and app_data.gaps(ind_id).empty else "groups"


def macro_measures_for(ind_id: str) -> list[str]:
    """Views of the 권역 lines: level; share of the seven (additive indicators: the 권역 sum to the
    nation); nation = 100 (where a national value exists in a 권역 year)."""
    ind = app_data.indicator(ind_id)
    out = ["level"]
    if ind is not None and ind.additive:
        out.append("share")
    nation_years = set(app_data.series(ind_id, ["00"])["year"])
    if nation_years & set(app_data.years_for(ind_id, "macro")):
        out.append("relative")
    return out


def macro_wide(ind_id: str) -> pd.DataFrame:
    """Years (권역 years, see `app_data.years_for`) × 권역 codes (수도권 first) and '00'; NaN = no value."""
    codes = regions.codes("macro")
    s = app_data.series(ind_id, codes + ["00"])
    wide = s.pivot_table(index="year", columns="region_code", values="value", aggfunc="first")
    years = pd.Index(app_data.years_for(ind_id, "macro"), name="year")
    return wide.reindex(index=years, columns=codes + ["00"])


def macro_figure(ctx: cp.Ctx, ind_id: str, measure: str, show_events: bool):
    """(figure, long table): one line per 권역 (수도권 bold in the capital colour), the nation dashed
    in the level view; years without a value break the line."""
    lang = ctx.lang
    unit = fmt.unit_label(ind_id, lang)
    wide = macro_wide(ind_id)
    shown = views.macro_measure(wide, measure)
    kind = {"share": "share", "relative": "relative"}.get(measure, "level")
    y_title = {"share": "%", "relative": ctx.t("relative_unit")}.get(measure, unit)
    lines: list[dict] = []
    rows: list[pd.DataFrame] = []
    series = [(c, shown[c]) for c in shown.columns]
    if measure == "level" and wide["00"].notna().any():
        series.append(("00", wide["00"]))
    for code, vals in series:
        if vals.notna().sum() == 0:
            continue
        name = regions.name(code, lang)
        years = vals.index.tolist()
        lines.append(dict(name=name, x=years, y=[None if pd.isna(v) else float(v) for v in vals],
                          color=charts.MACRO_COLORS.get(code, charts.NATION_COLOR),
                          dash="dash" if code == "00" else "solid", width=4 if code == "CR" else 2,
                          hover=_macro_hover(name, years, vals, ind_id, lang, kind)))
        rows.append(pd.DataFrame({"region_code": code, "year": years, "value": vals.to_numpy(), "series": name,
                                  "measure": {"share": "share_of_seven_pct", "relative": "nation_100"}.get(
                                      measure, "level"),
                                  "unit": {"share": "%", "relative": "nation = 100"}.get(measure, unit)}))
    ev = cp.events(lang) if show_events else None
    hline = 100.0 if measure == "relative" else None
    fig = charts.time_series(lines, events=ev, y_title=y_title, presenter=ctx.presenter, hline=hline,
                             y_tickformat=".1f" if measure in ("share", "relative") else ",.4~r")
    table = pd.concat(rows, ignore_index=True).dropna(subset=["value"]) if rows else pd.DataFrame()
    span = f"{int(table['year'].min())}–{int(table['year'].max())}" if len(table) else ""
    label = ctx.t({"share": "measure_share", "relative": "measure_relative"}.get(measure, "measure_level"))
    note = maps.macro_note(ctx, ind_id) + (" " + ctx.t("macro_share_note") if measure == "share" else "")
    subtitle = " · ".join(p for p in (ctx.t("view_macro"), label, unit if measure == "level" else "", span) if p)
    charts.finish(fig, title=app_data.name(ind_id, lang), subtitle=subtitle, source=fmt.source_line(ind_id, lang),
                  presenter=ctx.presenter, height=470, note=note, legend_top=False)
    # eight entries with long English names: one column at the right, 수도권 first
    fig.update_layout(legend=dict(orientation="v", x=1.01, xanchor="left", y=1.0, yanchor="top",
                                  bgcolor="rgba(255,255,255,0.8)"), margin_t=fig.layout.margin.t + 14)
    if len(table):
        table.insert(0, "indicator", ind_id)
    return fig, table


def _macro_hover(name: str, years, values, ind_id: str, lang: str, kind: str) -> list[str]:
    """Hover per point: 권역, year, the value as shown (missing: 'no data')."""
    out = []
    for y, v in zip(years, values):
        if pd.isna(v):
            txt = t("no_data", lang)
        elif kind == "share":
            txt = f"{v:.1f}%"
        elif kind == "relative":
            txt = f"{v:,.1f} ({t('relative_unit', lang)})"
        else:
            txt = fmt.value(v, ind_id, lang)
        out.append(f"<b>{name}</b> · {int(y)}<br>{txt}")
    return out
