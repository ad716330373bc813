"""The map page in one AppTest, driven through its widgets, each change checked against the figure drawn."""
from __future__ import annotations

from typing import Any

from bench.apptest import map_spec, new_app, timed_run, widget
from bench.mapspec import choropleth_locations, figure_titles, shows_year

MAP = "map"
KEY = {"year": "w_map_year", "level": "w_map_level", "indicator": "w_map_indicator"}  # ui.state.bind keys
KIND = {"year": "select_slider", "level": "segmented_control", "indicator": "selectbox"}  # widget per key


class MapSession:
    """The map page in one AppTest, driven through its widgets."""

    def __init__(self, level_features: dict[str, int]):
        self.at = new_app(MAP)
        self.level_features = level_features
        self.errors: list[str] = []
        dt, errs = timed_run(self.at)
        self.first_run_s = dt
        self.errors += errs

    def widget(self, kind: str):
        """The year / level / indicator widget of the last run (None if not drawn)."""
        return widget(self.at, KIND[kind], KEY[kind])

    def level(self) -> str | None:
        return getattr(self.widget("level"), "value", None)

    def years(self) -> list[int]:
        w = self.widget("year")
        return [int(o) for o in w.options] if w is not None else []

    def year(self) -> Any:
        """The year the slider is at (None if not drawn)."""
        w = self.widget("year")
        return w.value if w is not None else None

    def _after(self, errs: list[str]) -> dict:
        self.errors += errs
        spec = map_spec(self.at)[1]
        if spec is None:
            self.errors.append("no map chart after the run")
            return {}
        return spec

    def change(self, kind: str, value: Any) -> tuple[float, bool, str]:
        """Set one widget, rerun, check the figure followed: (seconds, ok, why-not)."""
        before = map_spec(self.at)[1] or {}
        w = self.widget(kind)
        if w is None:
            return 0.0, False, f"widget {KEY[kind]} not found"
        w.set_value(value)
        dt, errs = timed_run(self.at)
        spec = self._after(errs)
        if errs:
            return dt, False, errs[0]
        if not spec:
            return dt, False, "no map chart"
        return dt, *self._followed(kind, value, spec, before)

    def _followed(self, kind: str, value: Any, spec: dict, before: dict) -> tuple[bool, str]:
        """Whether the figure shows what was asked: (ok, why-not)."""
        if kind == "year" and not shows_year(spec, value):
            return False, f"figure does not show {value}: {figure_titles(spec)[:80]}"
        if kind == "level":
            want = self.level_features.get(value)
            got = choropleth_locations(spec)
            if want and got != want:
                return False, f"{got} regions drawn, {want} expected at {value}"
        if kind == "indicator" and figure_titles(spec) == figure_titles(before):
            return False, "figure title unchanged after the indicator change"
        return True, ""

    def indicator_choices(self) -> tuple[Any, list[str]]:
        """Current indicator id and the ids offered (mapped back from the formatted options)."""
        w = self.widget("indicator")
        if w is None:
            return None, []
        import app_data

        shown = set(w.options)
        fmt = w.format_func
        ids = [i for i in app_data.available_indicators() if str(fmt(i)) in shown]
        return w.value, ids
