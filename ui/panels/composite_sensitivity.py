"""종합 격차지수's weight sensitivity: per domain, the areas whose decile changes when its weight is raised and
lowered by 20% (`indicators.composite.sensitivity`), as a table and a bar chart (`ui.barchart`)."""
from __future__ import annotations

import pandas as pd

from indicators import composite as cx
from indicators.views import CompositeResult as Result
from ui import barchart, figures, palette
from ui import format as fmt
from ui.context import Ctx


@figures.cached
def sensitivity(ctx: Ctx, res: Result, shift: float = 0.2) -> pd.DataFrame:
    active = {k: v for k, v in res.weights.items() if v > 0}
    if not active or res.scored == 0:
        return pd.DataFrame(columns=["domain", "change", "areas_changing_decile", "areas_ranked"])
    s = cx.sensitivity(res.scores, active, shift=shift)
    names = {d.id: d.name_en if ctx.lang == "en" else d.name_ko for d in cx.DOMAINS}
    s.insert(1, "domain_name", s["domain"].map(names))
    return s


@figures.cached
def sensitivity_chart(ctx: Ctx, res: Result, s: pd.DataFrame, source: str) -> dict:
    """(bar view for `ui.barchart`): per domain, the areas whose decile changes when its weight is raised
    and lowered by 20% (two bars a row); `source`: the composite's source line."""
    changes = (("+20%", palette.CR_COLOR), ("-20%", palette.NC_COLOR))
    rows = []
    for domain, part in s.groupby("domain", sort=False):
        counts = {c: part.loc[part["change"] == c, "areas_changing_decile"] for c, _ in changes}
        name = part["domain_name"].iloc[0]
        bars = [barchart.bar(float(counts[c].iloc[0]) if len(counts[c]) else None,
                             f"{int(counts[c].iloc[0]):,}" if len(counts[c]) else ctx.t("no_data"), color)
                for c, color in changes]
        hover = "\n".join([name] + [f"{c}: {b['text']}" for (c, _), b in zip(changes, bars)])
        rows.append(barchart.row(label=name, code=str(domain), bars=bars, hover=hover))
    n = int(s["areas_ranked"].max()) if len(s) else 0
    return barchart.spec(ctx, key=f"sens|{res.level}|{res.year}|{res.method}|{ctx.lang}", rows=rows,
                         axis=barchart.axis(s["areas_changing_decile"].tolist()), series=list(changes),
                         title=ctx.t("sens_title"), unit=ctx.t("areas_changing"),
                         subtitle=f"{ctx.t(res.level)} · {fmt.year_text(res.year, ctx.lang)} · "
                                  f"{ctx.t('method_' + res.method)} · {ctx.t('scored_of', n=n, total=len(res.table))}",
                         source=source)
