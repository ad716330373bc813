"""Widgets whose value is mirrored in `?name=` by hand (`bind`), because Streamlit 1.67's native binding
cannot keep our promises for them (read in the pinned 1.67: `elements/widgets/selectbox.py`,
`runtime/state/session_state.py` `_handle_query_param_binding` / `_seed_widget_from_url`; tried under
AppTest):

- selectbox/radio/segmented_control/multiselect keep the *formatted label* in the URL, so
  `?indicator=`, `?level=`, `?lang=` would hold a Korean or English name and break across languages;
- a bound toggle takes only `true`/`false`; shared links say `presenter=1`, `outline=0`;
- the URL seeds a bound widget only on the session's first load (and on history navigation):
  a new query string in the same session does not move it. `bench/` changes the map's year that
  way (and drives the widgets by their mirrored keys `w_map_year`, …), and a year or indicator
  chosen on one page carries to the next through the mirror (`?year=` map → 지방소멸);
- a one-year series shows its year as text, with no widget to bind.

Under `streamlit.testing.v1.AppTest` a bound widget is seeded from the URL and an invalid value
is removed, but a change is written back by the browser only (`at.query_params` keeps the old
value): write-back is tested in tests/browser/test_browser_links.py.

Where a mirrored value comes from, per run: (1) the URL, when it changed since this session last
wrote it (a link was opened, a page was switched), parsed and checked against the allowed options;
an unknown or malformed value falls back to the default with a note (`ui.state.notes`) and is removed
from the URL; (2) otherwise the widget's own state; (3) for a widget not on screen yet, the value last
chosen on any page, else the default. Text from the URL is only ever compared against option lists.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.state.address import presenting, reseeding, url_is_external, write_param
from ui.state.notes import note_bad

_MIRROR = "_view_mirror"  # session_state key: parameter name → the value last bound on any page
# scope → parameter → URL text of every value a run showed (defaults too): this run's, and the last run's
_SHOWN_NOW, _SHOWN_LAST = "_view_shown_now", "_view_shown_last"
# the next run / this run only redraws what the run before showed (`hold_next_run`), but for the settings a
# callback chose for it (`choose`)
_HOLD_NEXT, _HOLD = "_view_hold_next", "_view_hold"
_CHOSEN_NEXT, _CHOSEN = "_view_chosen_next", "_view_chosen"


def _mirror() -> dict:
    return st.session_state.setdefault(_MIRROR, {})


def start_shown() -> None:
    """At a run's start (`ui.state.begin_run`): the settings the run before showed become `shown`'s."""
    ss = st.session_state
    ss[_SHOWN_LAST] = ss.pop(_SHOWN_NOW, {})
    ss[_HOLD] = bool(ss.pop(_HOLD_NEXT, False))
    ss[_CHOSEN] = ss.pop(_CHOSEN_NEXT, frozenset())


def hold_next_run() -> None:
    """The next run changes no setting: each keeps the value the run before showed, whatever the browser sends.
    For a run the browser asks for by itself (the page's figure is drawn: `ui.chrome`), which carries every
    widget's value as the browser holds it — on a loaded machine, before it has drawn what the run before set
    (leaving presenter mode turned the toggle off, and the browser's toggle still said on)."""
    st.session_state[_HOLD_NEXT] = True


def choose(scope: str, name: str, value: Any) -> None:
    """A callback's choice of the bound setting `name` of `scope` for the run it starts (e.g. leaving presenter
    mode): its widget takes `value`, even in a run that holds the settings (the two may come together)."""
    ss = st.session_state
    ss[f"w_{scope}_{name}"] = value  # the widget's key (`bind`)
    ss[_CHOSEN_NEXT] = ss.get(_CHOSEN_NEXT, frozenset()) | {(scope, name)}


def _held(scope: str | None, name: str, valid: Callable[[Any], bool], parse: Callable[[str], Any]) -> Any:
    """The value the run before showed for `name` of `scope` when this run holds them (`hold_next_run`), else
    None (also when it showed none, or one this run does not allow, or a callback chose one: `choose`)."""
    ss = st.session_state
    if scope is None or not ss.get(_HOLD) or (scope, name) in ss.get(_CHOSEN, ()):
        return None
    text = ss.get(_SHOWN_LAST, {}).get(scope, {}).get(name)
    if text is None:
        return None
    try:
        value = parse(text)
        return value if valid(value) else None
    except (ValueError, TypeError, KeyError):
        return None


def _note_shown(scope: str, name: str, text: str) -> None:
    st.session_state.setdefault(_SHOWN_NOW, {}).setdefault(scope, {})[name] = text


def shown(scope: str) -> dict[str, str]:
    """Every setting of `scope` (a page, or 'global') as URL text — defaults included, which the address
    leaves out — as the last run showed them: what a slide of that view keeps (`ui.addslide`)."""
    return dict(st.session_state.get(_SHOWN_LAST, {}).get(scope, {}))


def mirrored(name: str):
    """The value `name` was last bound to on any page (None: never), e.g. the indicator a view shows."""
    return _mirror().get(name)


def resolve(name: str, valid: Callable[[Any], bool], default: Any, *,
            parse: Callable[[str], Any] = str, widget_key: str | None = None, scope: str | None = None) -> Any:
    """The value `name` (of `scope`) should start this run with (URL → widget state → last chosen → default;
    in a run that holds the settings, the value the run before showed first)."""
    held = _held(scope, name, valid, parse)
    if held is not None:
        return held
    ss = st.session_state
    external = url_is_external()
    if widget_key and not external and widget_key in ss and valid(ss[widget_key]):
        return ss[widget_key]
    raw = st.query_params.get(name)
    if raw is not None:
        try:
            value = parse(raw)
            ok = valid(value)
        except (ValueError, TypeError, KeyError):
            ok = False
        if ok:
            return value
        if external:
            note_bad(name, raw, default)
        write_param(name, None)
    if presenting() and widget_key and not widget_key.startswith("w_global_"):
        return default  # presenting: no value carried over from another page
    last = _mirror().get(name)
    try:
        return last if last is not None and valid(last) else default
    except (TypeError, KeyError):
        return default


def bind(name: str, render: Callable[[str], Any], *, options: Sequence[Any] | None = None,
         valid: Callable[[Any], bool] | None = None, default: Any, scope: str,
         parse: Callable[[str], Any] = str, serialize: Callable[[Any], str] = str) -> Any:
    """Run widget `render(key)` with its value mirrored in `?name=`; returns the chosen value.

    `options` (or a `valid` predicate) lists what is allowed; `parse` turns the URL text
    into a candidate (ValueError when malformed), `serialize` turns a value into URL text.
    """
    if valid is None:
        valid = list(options or []).__contains__
    key = f"w_{scope}_{name}"
    ss = st.session_state
    start = resolve(name, valid, default, parse=parse, widget_key=key, scope=scope)
    if key not in ss or ss[key] != start or reseeding():
        ss[key] = start  # re-sent after a layout switch too (`ui.state.address.set_layout`)
    value = render(key)
    if not valid(value):  # e.g. a widget that allows clearing
        value = default
    _mirror()[name] = value
    write_param(name, None if value == default else serialize(value))
    _note_shown(scope, name, serialize(value))
    return value


def peek(name: str, valid: Callable[[Any], bool], default: Any, *, parse: Callable[[str], Any] = str,
         scope: str = "global") -> Any:
    """The value `name` will have this run, without rendering its widget (used before navigation)."""
    value = resolve(name, valid, default, parse=parse, widget_key=f"w_{scope}_{name}", scope=scope)
    if isinstance(value, (str, int)) and not isinstance(value, bool):  # a page's year, zoom … (as URL text)
        _note_shown(scope, name, str(value))
    return value


def parse_bool(raw: str) -> bool:
    """'1'/'true'/'yes'/'on' → True, '0'/'false'/'no'/'off' → False (mirrored toggles' URL text)."""
    low = raw.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)
