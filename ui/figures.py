"""Showing a figure or table: the chart with its PNG button and a CSV download beside it, and the
hover text of a map's regions."""
from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from ui import format as fmt
from ui.context import Ctx
from ui.finishing import plot_config
from ui.i18n import t

_BUILDERS: dict[str, Callable[..., Any]] = {}


def cached(builder: Callable[..., Any]) -> Callable[..., Any]:
    """`builder` (a panel's figure or table builder: a pure function of its arguments and the published
    build) memoised per build and arguments: built once per view and shared read-only (st.plotly_chart
    only serialises a figure), so a warm rerun does not rebuild and re-validate it. Arguments are hashed
    by Streamlit (frames by content). Callers must not modify what it returns."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    _BUILDERS[name] = builder

    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        return _build(name, app_data.data_version(), args, tuple(sorted(kwargs.items())))

    return wrapper


@st.cache_resource(show_spinner=False, max_entries=512)
def _build(name: str, version: int, args: tuple, kwargs: tuple) -> Any:
    return _BUILDERS[name](*args, **dict(kwargs))


def show_figure(fig, *, key: str, filename: str, ctx: Ctx, data: pd.DataFrame | None = None,
                selectable: bool = False):
    """The chart (PNG via the mode bar, with title/unit/year/source inside) and a CSV download;
    `selectable`: clicking a point reruns the page with it (the event is returned)."""
    cfg = plot_config(filename, ctx.presenter)
    if selectable:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None, on_select="rerun", selection_mode="points")
    else:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None)
    if data is not None:
        download_csv(data, filename, ctx, key=f"dl_{key}")
    return event


def download_csv(data: pd.DataFrame, filename: str, ctx: Ctx, key: str, label: str | None = None) -> None:
    st.download_button(label or ctx.t("download_csv"), lambda: data.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{filename}.csv", mime="text/csv", key=key, icon=":material/download:",
                       on_click="ignore")


def hover_lines(frame: pd.DataFrame, ind: fmt.IndicatorLike, year: int, lang: str) -> pd.Series:
    """Hover text per region: name, value + unit, year, rank (`ind` an id: ui/maps.py's path)."""
    ind = fmt.as_indicator(ind)
    out = []
    for code, v, rank, n in zip(frame["region_code"], frame["value"], frame["rank"], frame["n_ranked"]):
        name = regions.name(code, lang)
        if fmt.is_missing(v):
            out.append(f"<b>{name}</b><br>{t('no_data', lang)} · {fmt.year_text(year, lang)}")
            continue
        compact = fmt.value(v, ind, lang)
        exact = fmt.value(v, ind, lang, compact=False)
        shown = compact if compact == exact else f"{compact} ({exact})"
        out.append(f"<b>{name}</b><br>{shown}<br>{fmt.year_text(year, lang)} · "
                   f"{t('rank', lang)} {t('rank_of', lang, r=int(rank), n=int(n))}")
    return pd.Series(out, index=frame.index)
