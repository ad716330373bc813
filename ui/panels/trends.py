"""추이 page: capital region vs the rest over all years, as level, share, ratio or difference, with
compared regions and net migration into the capital region (the 권역 view: `trends_macro`)."""
from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

import app_data
from geo import regions
from indicators import views
from indicators.schema import Indicator
from ui import concepts, figures, linechart, palette, pickers
from ui import format as fmt
from ui.context import Ctx

MEASURES = ("level", "share", "ratio", "diff")
VIEWS = ("groups", "macro")
GROUP_COLORS = {"CR": palette.CR_COLOR, "NC": palette.NC_COLOR, "00": palette.NATION_COLOR}


def options() -> list[str]:
    """Indicators with values in more than one year."""
    return [i for i in app_data.available_indicators() if len(app_data.years_for(i)) > 1]


def view_labels(ctx: Ctx) -> dict[str, str]:
    return {v: ctx.t(f"view_{v}") for v in VIEWS}


def measure_labels(ctx: Ctx, measures: list[str]) -> dict[str, str]:
    return {m: ctx.t(f"measure_{m}") for m in measures}


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
    return views.regions_with_values(app_data.observations(), ind_id, pickers.all_region_codes())


def _texts(values, ind: Indicator, lang: str, kind: str) -> list[str]:
    """Each value as the chart shows it (hover, and the reader's unit)."""
    out = []
    for v in values:
        if fmt.is_missing(v):
            txt = ""
        elif kind == "share":
            txt = f"{v:.1f}%"
        elif kind == "ratio":
            txt = f"{v:,.3f}×"
        elif kind == "diff":
            txt = fmt.delta(v, ind, lang)
        else:
            txt = fmt.value(v, ind, lang)
        out.append(txt)
    return out


@dataclass
class _Lines:
    """The lines of one trend view, the rows of its table and the axis settings."""

    lines: list[dict] = field(default_factory=list)
    rows: list[pd.DataFrame] = field(default_factory=list)
    y_title: str = ""
    hline: float | None = None
    figures: list[dict] = field(default_factory=list)


def _level_lines(ctx: Ctx, ind: Indicator, compare: list[str], unit: str) -> _Lines:
    """CR, NC, nation (dashed) and the compared regions, as published."""
    out = _Lines(y_title=unit)
    codes = ["CR", "NC", "00"] + [c for c in compare if c not in ("CR", "NC", "00")]
    s = app_data.series(ind.id, codes)
    for i, code in enumerate(codes):
        part = s[s["region_code"] == code]
        if part.empty:
            continue
        name = regions.name(code, ctx.lang) if code not in ("CR", "NC") else ctx.t(code)
        color = GROUP_COLORS.get(code, palette.COMPARE_COLORS[(i - 3) % len(palette.COMPARE_COLORS)])
        out.lines.append(linechart.line(name=name, code=code, years=part["year"], values=part["value"],
                                        texts=_texts(part["value"], ind, ctx.lang, "level"), color=color,
                                        dash="dash" if code == "00" else "solid",
                                        width=3 if code in ("CR", "NC") else 2))
        out.rows.append(part.assign(series=name, measure="level", unit=unit))
    return out


def _share_lines(ctx: Ctx, ind: Indicator, g: pd.DataFrame) -> _Lines:
    """CR and NC shares of their sum (%), with the quoted figures."""
    out = _Lines(y_title="%", hline=50.0, figures=concepts.quoted_shares(ind.id, ctx.lang, GROUP_COLORS))
    cr = g["capital_share_pct"]
    for code, vals in (("CR", cr), ("NC", 100 - cr)):
        name = ctx.t(code)
        out.lines.append(linechart.line(name=name, code=code, years=g["year"], values=vals, color=GROUP_COLORS[code],
                                        width=3, texts=_texts(vals, ind, ctx.lang, "share")))
        out.rows.append(pd.DataFrame({"region_code": code, "year": g["year"], "value": vals, "series": name,
                                      "measure": "share_pct", "unit": "%"}))
    return out


def _gap_lines(ctx: Ctx, ind: Indicator, g: pd.DataFrame, measure: str, unit: str) -> _Lines:
    """CR ÷ NC ('ratio') or CR − NC ('diff') from the gaps table."""
    ratio = measure == "ratio"
    col = "capital_to_noncapital_ratio" if ratio else "capital_minus_noncapital"
    name = ctx.t("measure_ratio_long") if ratio else ctx.t("measure_diff_long")
    vals = g[col]
    out = _Lines(y_title="×" if ratio else unit, hline=1.0 if ratio else 0.0)
    out.lines.append(linechart.line(name=name, code="CR/NC", years=g["year"], values=vals, color=palette.CR_COLOR,
                                    width=3, texts=_texts(vals, ind, ctx.lang, measure)))
    out.rows.append(pd.DataFrame({"region_code": "CR/NC", "year": g["year"], "value": vals, "series": name,
                                  "measure": col, "unit": "×" if ratio else unit}))
    return out


def _scaled_axis(view: _Lines, ind: Indicator, lang: str) -> tuple[list, list] | None:
    """Amounts on the value axis in the reader's larger unit (조 원, 만 명; KRW trillion …): sets the
    view's axis unit and returns (tick values, tick texts); None when the unit has no larger name."""
    ys = [float(v) for ln in view.lines for v in ln["y"] if not fmt.is_missing(v)]
    if not ys:
        return None
    divisor, unit = fmt.axis_scale(ind, max(abs(v) for v in ys), lang)
    if divisor == 1:
        return None
    view.y_title = unit
    return fmt.scaled_ticks(min(ys), max(ys), divisor)


@figures.cached
def chart(ctx: Ctx, ind: Indicator, measure: str, compare: list[str], show_events: bool):
    """(chart view for `ui.linechart`, long table) of the trend view."""
    lang = ctx.lang
    unit = fmt.unit_label(ind, lang)
    g = app_data.gaps(ind.id)
    if measure == "level" or g.empty:
        view = _level_lines(ctx, ind, compare, unit)
    elif measure == "share":
        view = _share_lines(ctx, ind, g)
    else:
        view = _gap_lines(ctx, ind, g, measure, unit)
    ticks = _scaled_axis(view, ind, lang) if measure in ("level", "diff") or g.empty else None
    table = pd.concat(view.rows, ignore_index=True) if view.rows else pd.DataFrame()
    years = table["year"] if not table.empty else pd.Series(dtype=int)
    span = f"{int(years.min())}–{int(years.max())}" if len(years) else ""
    measure_label = ctx.t(f"measure_{measure}_long" if measure in ("ratio", "diff") else f"measure_{measure}")
    note = ""
    if view.figures:
        note = ctx.t("figures_note") + " " + "; ".join(sorted({f["source"] for f in view.figures}))
    if show_events:
        note = " ".join(p for p in (ctx.t("events_badge_note"), note) if p)
    values = [v for ln in view.lines for v in ln["y"]] + [f["y"] for f in view.figures]
    axis = linechart.value_axis(values + ([view.hline] if view.hline is not None else []), ticks=ticks)
    ev = linechart.event_marks(concepts.events(lang), float(years.min()), float(years.max())) \
        if show_events and len(years) else []
    key = "|".join(map(str, (ind.id, measure, ",".join(compare), show_events, lang, ctx.presenter)))
    out = linechart.spec(ctx, key=key, lines=view.lines, axis=axis, title=fmt.name(ind, lang),
                         subtitle=f"{measure_label} · {view.y_title} · {span}", source=fmt.source_line(ind, lang),
                         note=note, unit=view.y_title, hline=view.hline, events=ev, quoted=view.figures)
    table.insert(0, "indicator", ind.id)
    return out, table


@figures.cached
def migration_chart(ctx: Ctx, show_events: bool):
    """(chart view for `ui.linechart`, table): net migration into the capital region per year (the sum of
    the three 시도' net migration) as bars, blue above zero and red below; (None, None) when the build
    has none."""
    if "migration_net_persons" not in app_data.available_indicators():
        return None, None
    ind = app_data.indicator("migration_net_persons")
    s = app_data.series(ind.id, ["CR"])
    if s.empty:
        return None, None
    lang = ctx.lang
    values = s["value"].astype(float)
    colors = [palette.CR_COLOR if v >= 0 else palette.NC_COLOR for v in values]
    texts = [fmt.value(v, ind, lang, compact=False) for v in values]
    bar = linechart.bars(name=ctx.t("CR"), code="CR", years=s["year"], values=values, texts=texts,
                         color=palette.CR_COLOR, colors=colors, legend=False)
    divisor, unit = fmt.axis_scale(ind, float(values.abs().max()), lang)
    ticks = fmt.scaled_ticks(float(values.min()), float(values.max()), divisor) if divisor != 1 else None
    axis = linechart.value_axis([*values, 0.0], ticks=ticks)
    lo, hi = float(s["year"].min()), float(s["year"].max())
    ev = linechart.event_marks(concepts.events(lang), lo, hi) if show_events else []
    view = linechart.spec(ctx, key="|".join(map(str, ("migration", show_events, lang, ctx.presenter))),
                          panels=[linechart.panel(axis=axis, bars=[bar])], title=ctx.t("migration_title"),
                          subtitle=f"{unit} · {int(lo)}–{int(hi)}", source=fmt.source_line(ind, lang), unit=unit,
                          note=ctx.t("events_badge_note") if show_events else "", events=ev, legend=False,
                          height=320)
    return view, s.assign(indicator=ind.id)
