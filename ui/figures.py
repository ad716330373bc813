"""Showing a figure or table: the chart with its PNG button and a CSV download beside it, and the
hover text of a map's regions."""
from __future__ import annotations

import dataclasses
import functools
import itertools
import weakref
from collections.abc import Callable
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

import app_data
from ui import chrome, csvs
from ui.context import Ctx
from ui.finishing import plot_config
from ui.scaling import scale_figure

_BUILDERS: dict[str, Callable[..., Any]] = {}


def cached(builder: Callable[..., Any]) -> Callable[..., Any]:
    """`builder` (a panel's figure or table builder: a pure function of its arguments and the published
    build) memoised per build and arguments: built once per view and shared read-only (st.plotly_chart
    only serialises a figure), so a warm rerun does not rebuild and re-validate it. An argument that
    another cached builder returned is keyed by its serial number (`_arg_key`); any other is hashed by
    Streamlit (frames by content). Callers must not modify what it returns."""
    name = f"{builder.__module__}.{builder.__qualname__}"
    _BUILDERS[name] = builder

    @functools.wraps(builder)
    def wrapper(*args, **kwargs):
        arg_keys = (tuple(map(_arg_key, args)), tuple((k, _arg_key(v)) for k, v in sorted(kwargs.items())))
        return _build(name, app_data.data_key(), arg_keys, args, kwargs)

    return wrapper


# What `_build` returned and is alive (the value, the parts of a tuple, the frames of a dataclass):
# id → serial number. An entry leaves when its object is freed (weakref.finalize runs at deallocation,
# before the id can be reused) and serials are never reused, so a serial names one shared, read-only
# object for good. Hashing such an argument by content instead costs 5–80 ms a run.
_SERIALS: dict[int, int] = {}
_NEXT_SERIAL = itertools.count(1)


def _shareable(value: Any) -> list[Any]:
    parts = list(value) if isinstance(value, tuple) else [value]
    for part in list(parts):
        if dataclasses.is_dataclass(part) and not isinstance(part, type):
            parts += [getattr(part, f.name) for f in dataclasses.fields(part)]
    return [p for p in parts if isinstance(p, (pd.DataFrame, go.Figure)) or dataclasses.is_dataclass(p)]


def _register(value: Any) -> Any:
    for part in _shareable(value):
        if id(part) not in _SERIALS:
            try:
                weakref.finalize(part, _SERIALS.pop, id(part), None)
            except TypeError:  # not weak-referenceable: keyed by content
                continue
            _SERIALS[id(part)] = next(_NEXT_SERIAL)
    return value


def _arg_key(arg: Any) -> Any:
    serial = _SERIALS.get(id(arg))
    return arg if serial is None else ("shared", serial)


@st.cache_resource(show_spinner=False, max_entries=512)
def _build(name: str, key: app_data.DataKey, arg_keys: tuple, _args: tuple, _kwargs: dict) -> Any:
    """The cache: keyed by builder, build and the arguments' keys (`_args`/`_kwargs`, leading underscore:
    not hashed by Streamlit, only passed on)."""
    return _register(_BUILDERS[name](*_args, **_kwargs))


class _Prepared(go.Figure):
    """A figure already turned into plotly's dict. `st.plotly_chart` starts with `fig.to_dict()` (a
    deep copy and a base64 pass over every array: 10–30 ms a chart on each run); a figure shared by
    `cached` pays it once. Made by `prepared` only (no `__init__`: it holds nothing else)."""

    def to_dict(self) -> dict:
        return self._bal_dict


def prepared(fig: go.Figure | dict) -> go.Figure:
    """`fig` as `_Prepared` (for `st.plotly_chart`), made once per figure object and kept on it
    (cached figures are read-only, so the dict stays true to the figure). A dict (a figure's own
    `to_dict()`, e.g. `scale_figure`'s) is wrapped as it is: Streamlit would rebuild and re-validate it."""
    if isinstance(fig, dict):
        done = object.__new__(_Prepared)
        object.__setattr__(done, "_bal_dict", fig)
        return done
    done = getattr(fig, "_bal_prepared", None)
    if done is None:
        done = object.__new__(_Prepared)
        object.__setattr__(done, "_bal_dict", fig.to_dict())
        fig._bal_prepared = done
    return done


def at_scale(fig: go.Figure | dict, s: float) -> go.Figure:
    """`prepared(fig)` with every pixel size times `s` (presenting on a screen larger than 1280×720:
    `ui.scaling`), made once per figure and scale and kept on the prepared figure."""
    base = prepared(fig)
    done = getattr(base, "_bal_scaled", None)
    if done is None:
        done = {}
        object.__setattr__(base, "_bal_scaled", done)
    if s not in done:
        done[s] = prepared(scale_figure(base.to_dict(), s))
    return done[s]


def show_figure(fig, *, key: str, filename: str, ctx: Ctx, data: pd.DataFrame | None = None,
                selectable: bool = False, source: str | None = None):
    """The chart (PNG via the mode bar, with title/unit/year/source inside) and a CSV download of `data`
    (`download_csv`); `selectable`: clicking a point reruns the page with it (the event is returned)."""
    cfg = plot_config(filename, ctx.presenter)
    fig = prepared(fig) if ctx.scale == 1 else at_scale(fig, ctx.scale)
    if selectable:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None, on_select="rerun", selection_mode="points")
    else:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None)
    if data is not None:
        download_csv(data, filename, ctx, key=f"dl_{key}", source=source)
    return event


def download_csv(data: pd.DataFrame, filename: str, ctx: Ctx, key: str, label: str | None = None,
                 source: str | None = None) -> None:
    """A CSV download of `data` in the app's one convention (`ui.csvs`: titles in the reader's language,
    every row with its unit, year and source; `source`: the page's source text for a frame without
    indicator ids). Made when clicked, not on every run. Not on a session's first run, which stops at the
    page's figure (`chrome.cut_run`): a button under the figure comes with the rest."""
    if chrome.cut_run():
        return
    lang = ctx.lang
    st.download_button(label or ctx.t("download_csv"), lambda: csvs.encoded(data, lang, source),
                       file_name=f"{filename}.csv", mime="text/csv", key=key, icon=":material/download:",
                       on_click="ignore")
