"""The choropleth as our own component (`st.components.v2`, Streamlit 1.67): SVG drawn in the page.

What travels where:
- geometry: `geo.svgmap` paths, one file per boundary set and level, published under `static/geo/` with
  a content hash in its name (`publish_geometry`) and fetched once by the browser (a new geometry, a new URL);
- values: one view = one indicator at one level, every year at once — colour, value text and rank
  per region and year (`indicator_spec`, `risk_spec`), cached per build and view;
- interaction: year changes, play, hover and the 수도권 zoom run in the browser, which writes the year
  and zoom to the URL itself (no server round trip). Where the page's other content follows the year
  (`year_to_server`), the year comes back as component state inside a fragment (`show`) and the page reruns.
  A click on an area (or its row) loads the profile's URL (`profile`: page path and query).
"""
from __future__ import annotations

import hashlib
import math
import os
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import streamlit as st
from plotly.colors import get_colorscale, sample_colorscale, unlabel_rgb

from geo import regions, svgmap
from ui import format as fmt

ASSETS = Path(__file__).resolve().parent / "assets"


def component_js(name: str) -> str:
    """A component's JavaScript as the browser runs it: the kit both components share (assets/kit.js:
    downloads, escaping, the address keys a component owns) followed by the component's own file."""
    return "\n".join((ASSETS / f).read_text(encoding="utf-8") for f in ("kit.js", name))


STATIC_GEO = Path(__file__).resolve().parents[1] / "static" / "geo"
STATIC_URL = "app/static/geo"  # Streamlit serves ./static at <base>/app/static (server.enableStaticServing)
MISSING = None  # a region-year without a value: drawn hatched, never coloured
STEP_MS = 900

_mount = st.components.v2.component(
    "balance_map", js=component_js("mapview.js"),
    css=(ASSETS / "mapview.css").read_text(encoding="utf-8"))


# ---------------------------------------------------------------- geometry files

def _write_once(path: Path, body: bytes) -> None:
    """Write `body` to `path` unless it is there (content-addressed: same name, same bytes)."""
    if path.exists() and path.stat().st_size == len(body):
        path.chmod(0o644)
        return
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    with os.fdopen(fd, "wb") as fh:
        fh.write(body)
    os.chmod(tmp, 0o644)  # readable by a reverse proxy serving static/ itself
    os.replace(tmp, path)


def publish_geometry(payloads: dict[str, dict], folder: Path = STATIC_GEO) -> dict[str, str]:
    """Write each level's geometry of one boundary set (`app_data.map_geometry(set)`) to `folder` under its
    content-hashed name ('2024-sido-<hash>.json'); level → URL path."""
    urls = {}
    for level, payload in payloads.items():
        if level not in svgmap.LEVELS:
            continue
        body = svgmap.encode(payload)
        name = svgmap.file_name(payload["boundary_set"], level, body)
        _write_once(folder / name, body)
        urls[level] = f"{STATIC_URL}/{name}"
    return urls


# ---------------------------------------------------------------- colours and legend

def fills(values: np.ndarray, scale: str | list, lo: float, hi: float) -> list[str | None]:
    """Colour of each value on `scale` between lo and hi (hex); None where the value is missing."""
    span = (hi - lo) or 1.0
    pos = np.clip((np.asarray(values, dtype=float) - lo) / span, 0.0, 1.0)
    have = ~np.isnan(pos)
    out: list[str | None] = [MISSING] * len(pos)
    if have.any():
        for i, c in zip(np.flatnonzero(have), sample_colorscale(get_colorscale(scale), pos[have].tolist())):
            out[i] = _hex(c)
    return out


def _hex(rgb: str) -> str:
    """plotly's 'rgb(r, g, b)' sample as '#rrggbb'."""
    return "#" + "".join(f"{int(float(v)):02x}" for v in unlabel_rgb(rgb)[:3])


def stops(scale: str | list, n: int = 9) -> list[list]:
    """[position 0–1, hex] samples of `scale` for the legend's gradient."""
    pos = np.linspace(0, 1, n).tolist()
    return [[p, _hex(c)] for p, c in zip(pos, sample_colorscale(get_colorscale(scale), pos))]


def nice_ticks(lo: float, hi: float, n: int = 5) -> list[float]:
    """About `n` round numbers between lo and hi (1, 2, 2.5 or 5 × 10^k steps)."""
    if not (math.isfinite(lo) and math.isfinite(hi)) or hi <= lo:
        return [lo] if math.isfinite(lo) else []
    raw = (hi - lo) / max(n - 1, 1)
    mag = 10 ** math.floor(math.log10(raw))
    step = next(m * mag for m in (1, 2, 2.5, 5, 10) if m * mag >= raw)
    first = math.ceil(lo / step) * step
    return [round(first + k * step, 10) for k in range(int((hi - first) / step + 1e-9) + 1)]


def legend_continuous(title: str, scale: str | list, lo: float, hi: float, label) -> dict[str, Any]:
    """Gradient legend over [lo, hi] with ticks labelled by `label(value)` (the unit's formatting)."""
    span = (hi - lo) or 1.0
    return {"kind": "continuous", "title": title, "stops": stops(scale),
            "ticks": [[(v - lo) / span, label(v)] for v in nice_ticks(lo, hi)]}


def legend_classes(title: str, colors: tuple[str, ...], labels: list[str]) -> dict[str, Any]:
    return {"kind": "classes", "title": title, "items": [[c, lab] for c, lab in zip(colors, labels)]}


# ---------------------------------------------------------------- the view sent to the browser

def by_year(frame: pd.DataFrame, codes: list[str], years: list[int], column: str) -> dict[str, list]:
    """{year: [column value per code in `codes` order]} from a long frame (region_code, year, column)."""
    wide = frame.pivot(index="region_code", columns="year", values=column).reindex(index=codes, columns=years)
    return {str(y): [None if fmt.is_missing(v) and not isinstance(v, str) else v for v in wide[y].tolist()]
            for y in years}


def ranks(frame: pd.DataFrame) -> pd.Series:
    """Rank within each year (1 = highest value; ties share the lowest rank; missing → NaN)."""
    return frame.groupby("year")["value"].rank(ascending=False, method="min")


def spec(*, key: str, indicator: str, geo_url: str, codes: list[str], names: list[str], capital: list[bool],
         years: list[int], year: int, value: dict, fill: dict, text: dict, rank: dict, title: str, subtitle: dict,
         year_text: dict, legend: dict, source: str, note: str, labels: dict, missing_label: str,
         outline_label: str, clickable: bool, presenter: bool, filename: str, height: int) -> dict:
    """The JSON the browser draws from (one view; `year` the year shown first). Per year and region (in
    `codes` order): the value as published (unit of the indicator; None = no data), its colour (None:
    hatched), its text as shown, its rank."""
    n_ranked = {y: sum(r is not None for r in rank[y]) for y in rank}
    return {"key": key, "indicator": indicator, "geo_url": geo_url, "codes": codes, "names": names,
            "capital": capital, "years": years, "year": year, "value": value, "fill": fill, "text": text,
            "rank": rank,
            "n_ranked": n_ranked, "title": title, "subtitle": subtitle, "year_text": year_text,
            "legend": legend, "source": source, "note": note, "labels": labels, "missing_label": missing_label,
            "outline_label": outline_label, "clickable": clickable, "presenter": presenter,
            "filename": filename, "height": height, "zoom": "nation", "step_ms": STEP_MS, "overlays": [],
            "side": True}


def overlay(url: str, *, color: str, label: str, width: float = 2.4, dash: bool = False) -> dict:
    """A stroke-only path drawn over the areas (e.g. the dissolved edge of the 인구감소지역), published as a
    file (`publish_overlay`) the browser fetches once, with its legend entry."""
    return {"url": url, "color": color, "label": label, "width": width, "dash": dash}


def inline_overlay(d: str, *, color: str, label: str, width: float = 2.4, dash: bool = False) -> dict:
    """An `overlay` whose path comes with the view (a few KB: one region's outline), drawn with the areas."""
    return {"d": d, "color": color, "label": label, "width": width, "dash": dash}


def publish_overlay(name: str, d: str, folder: Path = STATIC_GEO) -> str:
    """Write an overlay's path to `folder` as '<name>-<hash>.json' ({"d": …}; content-addressed like the
    geometry) and return its URL path: 47 KB the page's WebSocket no longer carries on every visit."""
    body = svgmap.encode({"d": d})
    file = f"overlay-{name}-{hashlib.sha256(body).hexdigest()[:12]}.json"
    _write_once(folder / file, body)
    return f"{STATIC_URL}/{file}"


def show(view: dict, *, key: str, year: int, zoom: str, on_view) -> None:
    """Draw `view` starting at `year`/`zoom`; `on_view(result)` runs inside the map's fragment with the
    component's result (its state: the year, sent only when `view["year_to_server"]`)."""
    # a year (int), or a month end's period ('2025-06': one period, never a year of a timeline)
    _fragment({**view, "year": year if isinstance(year, str) else int(year), "zoom": zoom}, key, on_view)


@st.fragment
def _fragment(view: dict, key: str, on_view) -> None:
    result = _mount(data=view, key=key, default={"year": view["year"]},
                    height="content", on_year_change=_noop)
    on_view(result)


def _noop() -> None:
    """A state callback makes the component's year part of its state (the fragment reruns)."""


def publish_static_geometry() -> dict[str, str]:
    """Publish the published build's geometry of every boundary set under static/geo (at deployment start,
    before any visitor); level → URL path of the set pages draw by default (`regions.CURRENT_SET`)."""
    from indicators import store

    sets = store.map_geometry()
    urls = {s: publish_geometry(payloads) for s, payloads in sets.items()}
    return urls[regions.CURRENT_SET]
