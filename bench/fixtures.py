"""What several sections share, provided once and only when a section that needs it runs.

Names a section may list in `Section.needs` (provided in the order listed):
  data      — the folder the app reads ($BALANCE_DATA_DIR) with the geometry cache beside it
  apptest   — Streamlit's logs quietened for in-process AppTest runs
  pages     — the app's page names (ui.state.PAGES; only those named by --page, in the app's order)
  geometry  — the map geometry per level as the browser fetches it (sizes, areas, file)
  server    — the app under `streamlit run` on 127.0.0.1 (stopped by `release`)
  empty     — the baseline page, bench/empty_app.py (one st.title), under its own `streamlit run`
A fixture that fails records an error; only a failed server keeps its sections from running.
"""
from __future__ import annotations

import os
from collections.abc import Callable, Sequence

from bench import apptest
from bench.context import Context
from bench.datadir import copy_of_data, prepare_geometry
from bench.figures import error_figure, error_text
from bench.progress import log
from bench.server import ROOT, Server

EMPTY_APP = ROOT / "bench" / "empty_app.py"
FALLBACK_PAGES = ["overview", "map", "trends", "risk", "region", "data"]


def _data(ctx: Context) -> None:
    if ctx.data_dir is None:  # build skipped or failed: the app reads a copy of data/
        ctx.data_dir = copy_of_data(ctx.work)
        ctx.detail("build")["data_dir_for_app"] = f"{ctx.data_dir} (copy of data/)"
    os.environ["BALANCE_DATA_DIR"] = str(ctx.data_dir)
    try:
        figures, detail = prepare_geometry(ctx.data_dir, ctx.plan.geometry_build)
    except Exception as err:  # noqa: BLE001
        ctx.add_error("build", f"geometry: {error_text(err)}")
        return
    ctx.figures.extend(figures)
    ctx.detail("build")["geometry"] = detail


def _apptest(ctx: Context) -> None:
    ctx.bench_set_log_level = apptest.quiet_logs()


def _pages(ctx: Context) -> None:
    try:
        from ui.state import PAGES

        ctx.pages = list(PAGES)
    except Exception:  # noqa: BLE001
        ctx.pages = list(FALLBACK_PAGES)
    if ctx.only_pages:
        unknown = sorted(set(ctx.only_pages) - set(ctx.pages))
        if unknown:
            ctx.add_error("pages", f"--page names no page: {', '.join(unknown)}")
        ctx.pages = [p for p in ctx.pages if p in ctx.only_pages]


def geometry_sizes() -> dict[str, dict]:
    """The map geometry per level of the set the app draws, as the browser fetches it (geo.svgmap payload,
    encoded and named as ui.mapview.publish_geometry writes it): bytes, KB, gzip bytes, areas, file name."""
    import gzip

    from geo import regions, svgmap

    data = svgmap.load()[regions.CURRENT_SET]  # the set the app draws
    out = {}
    for lv in svgmap.LEVELS:
        body = svgmap.encode(data[lv])
        out[lv] = {"bytes": len(body), "kb": len(body) / 1024, "gzip_bytes": len(gzip.compress(body, 6)),
                   "features": len(data[lv]["codes"]), "file": svgmap.file_name(regions.CURRENT_SET, lv, body)}
    return out


def _geometry(ctx: Context) -> None:
    try:
        ctx.geo.update(geometry_sizes())
    except Exception as err:  # noqa: BLE001
        ctx.add_error("payload", f"geometry sizes: {error_text(err)}")


def _server(ctx: Context) -> None:
    env_remove = ("STREAMLIT_LOGGER_LEVEL",) if ctx.bench_set_log_level else ()
    ctx.server = Server(ctx.data_dir, ctx.work / "streamlit.log", env_remove=env_remove)
    try:
        log(f"starting streamlit on {ctx.server.url} …")
        ctx.server.start()
    except Exception as err:  # noqa: BLE001
        ctx.add_error("server", error_text(err))
        ctx.figures.append(error_figure("server", "server.start", "streamlit run", error_text(err)))
        ctx.unavailable.add("server")


def _empty(ctx: Context) -> None:
    ctx.empty_server = Server(ctx.work, ctx.work / "empty-app.log", app=EMPTY_APP)
    try:
        ctx.empty_server.start()
    except Exception as err:  # noqa: BLE001
        ctx.add_error("server", f"empty page: {error_text(err)}")
        ctx.figures.append(error_figure("server", "server.empty.start", "streamlit run bench/empty_app.py",
                                        error_text(err)))
        ctx.unavailable.add("empty")


PROVIDERS: dict[str, Callable[[Context], None]] = {
    "data": _data, "apptest": _apptest, "pages": _pages, "geometry": _geometry, "server": _server,
    "empty": _empty,
}


def provide(ctx: Context, needs: Sequence[str]) -> bool:
    """Provide each fixture in `needs` not provided yet; False if one of them is unavailable."""
    for name in needs:
        if name not in ctx.provided:
            ctx.provided.add(name)
            PROVIDERS[name](ctx)
    return not set(needs) & ctx.unavailable


def release(ctx: Context) -> None:
    """Stop the servers (those started) and keep the tail of the app's log in the server detail."""
    if ctx.empty_server is not None:
        ctx.empty_server.stop()
    if ctx.server is not None:
        ctx.server.stop()
        ctx.detail("server")["log_tail"] = ctx.server.log_tail(1500)
