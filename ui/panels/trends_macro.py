"""추이 page, view '7개 권역': one line per 권역 (수도권 bold in the capital colour), as level, share of
the seven, or nation = 100; for every indicator with 권역 values (e.g. 경인지방통계청's gi_*)."""
from __future__ import annotations

import pandas as pd

import app_data
from geo import regions
from indicators import views
from indicators.schema import Indicator
from ui import concepts, figures, linechart, macro, palette
from ui import format as fmt
from ui.context import Ctx
from ui.i18n import t

MACRO_MEASURES = ("level", "share", "relative")


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


@figures.cached
def macro_chart(ctx: Ctx, ind: Indicator, measure: str, show_events: bool):
    """(chart view for `ui.linechart`, long table): one line per 권역 (수도권 bold in the capital colour),
    the nation dashed in the level view; years without a value break the line."""
    lang = ctx.lang
    unit = fmt.unit_label(ind, lang)
    wide = macro_wide(ind.id)
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
        lines.append(linechart.line(name=name, code=code, years=years, values=vals,
                                    texts=_macro_texts(vals, ind, lang, kind),
                                    color=palette.MACRO_COLORS.get(code, palette.NATION_COLOR),
                                    dash="dash" if code == "00" else "solid", width=4 if code == "CR" else 2))
        rows.append(pd.DataFrame({"region_code": code, "year": years, "value": vals.to_numpy(), "series": name,
                                  "measure": {"share": "share_of_seven_pct", "relative": "nation_100"}.get(
                                      measure, "level"),
                                  "unit": {"share": "%", "relative": "nation = 100"}.get(measure, unit)}))
    hline = 100.0 if measure == "relative" else None
    ticks = None
    ys = [v for ln in lines for v in ln["y"] if v is not None]
    if measure == "level" and ys:  # amounts in the reader's larger unit (조 원, 만 명; KRW trillion …)
        divisor, scaled_unit = fmt.axis_scale(ind, max(abs(v) for v in ys), lang)
        if divisor != 1:
            y_title, unit = scaled_unit, scaled_unit
            ticks = fmt.scaled_ticks(min(ys), max(ys), divisor)
    table = pd.concat(rows, ignore_index=True).dropna(subset=["value"]) if rows else pd.DataFrame()
    span = f"{int(table['year'].min())}–{int(table['year'].max())}" if len(table) else ""
    label = ctx.t({"share": "measure_share", "relative": "measure_relative"}.get(measure, "measure_level"))
    note = macro.macro_note(ctx, ind.id) + (" " + ctx.t("macro_share_note") if measure == "share" else "")
    subtitle = " · ".join(p for p in (ctx.t("view_macro"), label, unit if measure == "level" else "", span) if p)
    axis = linechart.value_axis(ys + ([hline] if hline is not None else []), ticks=ticks)
    ev = linechart.event_marks(concepts.events(lang), float(table["year"].min()), float(table["year"].max())) \
        if show_events and len(table) else []
    key = "|".join(map(str, (ind.id, "macro", measure, show_events, lang, ctx.presenter)))
    # eight entries with long English names: one column at the right, 수도권 first
    out = linechart.spec(ctx, key=key, lines=lines, axis=axis, title=fmt.name(ind, lang), subtitle=subtitle,
                         source=fmt.source_line(ind, lang), note=note, unit=y_title, hline=hline, events=ev,
                         legend_side=True)
    if len(table):
        table.insert(0, "indicator", ind.id)
    return out, table


def _macro_texts(values, ind: Indicator, lang: str, kind: str) -> list[str]:
    """Each value as shown (hover; missing: '')."""
    out = []
    for v in values:
        if pd.isna(v):
            txt = ""
        elif kind == "share":
            txt = f"{v:.1f}%"
        elif kind == "relative":
            txt = f"{v:,.1f} ({t('relative_unit', lang)})"
        else:
            txt = fmt.value(v, ind, lang)
        out.append(txt)
    return out
