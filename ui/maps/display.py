"""A map view drawn on the page (`ui.mapview.show`) at the address's year and zoom: the browser writes
the year and zoom chosen on the map to the URL itself; where the page's other content follows the map's
year, that year comes back to Python. In a deck's slide, the callout region (`?highlight=`) is outlined."""
from __future__ import annotations

import streamlit as st

from geo import regions
from ui import mapview, nav, state
from ui.context import Ctx
from ui.maps.geometry import HIGHLIGHT, highlight_path

ZOOMS = ("nation", "capital")


def page_year(ctx: Ctx, years: list[int]) -> int:
    """The year of the URL (?year=, checked against `years`; default the latest): on pages where the
    map's timeline is the year control for everything below it."""
    return state.peek("year", years.__contains__, years[-1], parse=int, scope=ctx.page)


def show_view(ctx: Ctx, view: dict, *, key: str, whole_page: bool = False) -> None:
    """Draw `view` at the URL's year and zoom. The browser writes the year and zoom chosen on the map to
    the URL itself (?year=, ?zoom=; no server round trip). `whole_page`: the page's other content follows
    the map's year, so a year chosen on the map comes back to Python (the map's fragment) and reruns the
    page. A clicked 시도/시군구 opens its profile as a link (/region?region=<code>&…: the browser loads that
    URL, so the address bar always names the view shown)."""
    years = view["years"]
    year = page_year(ctx, years)
    if len(years) > 1:  # the timeline is the year control: a year carried from another page goes in the URL
        state.write_param("year", None if year == years[-1] else str(year))
    zoom = state.peek("zoom", ZOOMS.__contains__, "nation", scope=ctx.page)

    def on_view(result) -> None:
        y = result.get("year") if result is not None else None
        if whole_page and y in years and y != year:
            state.write_param("year", None if y == years[-1] else str(y))
            st.rerun(scope="app")

    # the params may be empty (Korean, no presenter: nothing to carry); the profile itself never is
    profile = {"path": "region", "params": nav.link_params("region"), "key": "region"} if view["clickable"] else None
    if ctx.slide:  # a slide's frame never leaves its view: no profile on a click
        profile = None
        # no buttons, and the callout's region outlined (`?highlight=`)
        view = {**view, "slide": True, "clickable": False,
                "overlays": [*view.get("overlays", []), *highlight_overlay(ctx, view)]}
    mapview.show({**view, "profile": profile, "year_to_server": whole_page}, key=key, year=year, zoom=zoom,
                 on_view=on_view)


def highlight_overlay(ctx: Ctx, view: dict) -> list[dict]:
    """A slide's callout region (`?highlight=<code>`: a 시군구, a 시도, 수도권 or 비수도권 of the view's boundary
    set) outlined over the map, named in the legend; nothing for another code."""
    code = state.peek("highlight", regions.known_codes().__contains__, "", scope=ctx.page)
    if not code:
        return []
    path = highlight_path(code)
    if not path:
        return []
    return [mapview.inline_overlay(path, color=HIGHLIGHT, label=regions.name(code, ctx.lang), width=4.0)]
