"""View state in the URL: what Streamlit 1.67's native binding does not do for us.

Two ways a widget's value reaches the URL:

* **Native** (`bind="query-params"`, key = the parameter name; `native_key` below), where the URL
  text is the value itself in every language: the policy-events and common-regions toggles
  (`events`, `common`: true/false) and the composite's weight sliders (`w_<domain>`: 0–100).
  Streamlit seeds the widget from the URL, writes changes back from the browser, drops the default
  and silently drops an invalid value; `native_key` adds what it does not do: the plain-text note
  that a link's value was not understood (read from the incoming `st.query_params` before the
  widget renders).
* **Mirrored here** (`bind`): everything else, because native binding cannot keep our promises
  for it (read in the pinned 1.67: `elements/widgets/selectbox.py`, `runtime/state/
  session_state.py` `_handle_query_param_binding` / `_seed_widget_from_url`; tried under AppTest):
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
an unknown or malformed value falls back to the default with a note and is removed from the URL;
(2) otherwise the widget's own state; (3) for a widget not on screen yet, the value last chosen on
any page, else the default. A note is a `st.warning` of the app's own text (parameter name,
default) followed by the received value as plain text (`st.text`, first 40 characters): text from
the URL never enters markdown or HTML, and is only ever compared against option lists.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.i18n import LANGS, t

PAGES: tuple[str, ...] = ("overview", "map", "trends", "risk", "region", "brief", "disparity", "composite",
                          "bivariate", "data")
PAGE_FILES: dict[str, str] = {p: f"app_pages/{p}.py" for p in PAGES}
DEFAULT_PAGE = "overview"
# the deck page (발표 자료): routed like the others, but not a view a slide can show (not in PAGES)
DECK_PAGE = "deck"
ROUTES: tuple[str, ...] = (*PAGES, DECK_PAGE)
ROUTE_FILES: dict[str, str] = {**PAGE_FILES, DECK_PAGE: f"app_pages/{DECK_PAGE}.py"}
_MIRROR, _WRITTEN, _EXTERNAL = "_view_mirror", "_view_qp_written", "_view_url_external"
_SLOT, _WARNED, _URL_IN = "_view_warning_slot", "_view_warned", "_view_url_in"
_LAYOUT, _RESEED, _LEFT_PRESENTER = "_view_layout", "_view_reseed", "_view_left_presenter"
ECHO_MAX = 40  # characters of a bad URL value repeated back in the note
_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~&:\"'=$")
BOOL_TEXT = {"true": True, "false": False}  # what a natively bound toggle accepts (any case)


def _ss():
    return st.session_state


def _mirror() -> dict:
    return _ss().setdefault(_MIRROR, {})


# Written by the browser's map itself (ui/assets/mapview.js, no server run): their change alone is not a
# newly opened link, or a widget changed after a year step would be reset to the URL's state.
BROWSER_KEYS = frozenset({"year", "zoom"})


def _server_part(params: dict | None) -> dict | None:
    return None if params is None else {k: v for k, v in params.items() if k not in BROWSER_KEYS}


def begin_run(warning_slot=None) -> None:
    """Call once at the top of every run (app.py): notes whether the URL changed from outside (the map's
    own keys aside: `BROWSER_KEYS`)."""
    ss = _ss()
    ss[_URL_IN] = st.query_params.to_dict()
    ss[_EXTERNAL] = _server_part(ss[_URL_IN]) != _server_part(ss.get(_WRITTEN))
    ss.setdefault(_MIRROR, {})
    ss[_SLOT] = warning_slot
    ss[_WARNED] = set()


def set_layout(presenting: bool, phone: bool = False) -> None:
    """Call once a run, when the layout is known (app.py). Presenter mode moves every page's widgets into a
    popover and back, a phone into a folded expander (`ui.page.controls`): the browser then draws them as
    new widgets that show their first option unless the server sends the value again, so on the run
    after a switch `bind` re-sends every value. Presenting also stops values carrying from page to page
    (a prepared walk-through is its links, not the path taken): only the URL and the widget's own state."""
    ss = _ss()
    layout = "presenter" if presenting else "phone" if phone else "normal"
    before = ss.get(_LAYOUT, layout)
    ss[_RESEED] = before != layout
    ss[_LEFT_PRESENTER] = before == "presenter" and layout != "presenter"
    ss[_LAYOUT] = layout


def left_presenter() -> bool:
    """True on the first run after presenter mode was switched off."""
    return bool(_ss().get(_LEFT_PRESENTER))


def _presenting() -> bool:
    return _ss().get(_LAYOUT) == "presenter"


def url_is_external() -> bool:
    return bool(_ss().get(_EXTERNAL, True))


def _set_param(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value
    _ss()[_WRITTEN] = st.query_params.to_dict()


def write_param(name: str, value: str | None) -> None:
    """Set (None: remove) `?name=` as the app's own write (not read back as a newly opened link)."""
    _set_param(name, value)


def _md_literal(text: str) -> str:
    """`text` with every markdown/HTML metacharacter backslash-escaped (for the app's own values)."""
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)


def url_params() -> dict[str, str]:
    """The address's parameters as this run has them (what a deck's slide keeps of a view: `ui.addslide`;
    an id looked up in the deck store). Nothing read here is shown or trusted: callers check every value."""
    return st.query_params.to_dict()


def mirrored(name: str):
    """The value `name` was last bound to on any page (None: never), e.g. the indicator a view shows."""
    return _mirror().get(name)


def md_literal(text: str) -> str:
    """Any text (a deck's title typed by a reader) as Markdown that shows it literally."""
    return _md_literal(text)


def shown_value(raw: str, limit: int = ECHO_MAX) -> str:
    """A URL value as it is repeated back: first `limit` characters, control characters replaced."""
    head = "".join(c if c.isprintable() else "\ufffd" for c in raw[:limit])
    return head + (f"… (+{len(raw) - limit:,})" if len(raw) > limit else "")


def _note_lang() -> str:
    """The language of a note, found without `resolve` (a bad `?lang=` must not recurse)."""
    raw = st.query_params.get("lang")
    if raw in LANGS:
        return raw
    chosen = _ss().get("w_global_lang")
    return chosen if chosen in LANGS else "ko"


def _bad(name: str, raw: str, default: Any) -> None:
    """Note (once per run and parameter) that `?name=raw` was not understood and `default` is shown:
    the app's text (name and default, escaped) as a warning, the received value as plain text."""
    warned = _ss().setdefault(_WARNED, set())
    if ("bad", name) in warned:
        return
    warned.add(("bad", name))
    shown_default = ",".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
    # `name` sits in a code span of the label (literal there: only a backtick could end it)
    message = t("bad_param" if shown_default else "bad_param_ignored", _note_lang(), name=name.replace("`", "'"),
                value="…", default=_md_literal(shown_default))
    slot = _ss().get(_SLOT)
    target = slot if slot is not None else st
    target.warning(message, icon="⚠️")
    target.text(f"{name} = {shown_value(str(raw))}")


def resolve(name: str, valid: Callable[[Any], bool], default: Any, *,
            parse: Callable[[str], Any] = str, widget_key: str | None = None) -> Any:
    """The value `name` should start this run with (URL → widget state → last chosen → default)."""
    ss = _ss()
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
            _bad(name, raw, default)
        _set_param(name, None)
    if _presenting() and widget_key and not widget_key.startswith("w_global_"):
        return default  # presenting: no value carried over from another page
    mirrored = _mirror().get(name)
    try:
        return mirrored if mirrored is not None and valid(mirrored) else default
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
    ss = _ss()
    start = resolve(name, valid, default, parse=parse, widget_key=key)
    if key not in ss or ss[key] != start or ss.get(_RESEED):
        ss[key] = start  # re-sent after a layout switch too (`set_layout`)
    value = render(key)
    if not valid(value):  # e.g. a widget that allows clearing
        value = default
    _mirror()[name] = value
    _set_param(name, None if value == default else serialize(value))
    return value


def peek(name: str, valid: Callable[[Any], bool], default: Any, *, parse: Callable[[str], Any] = str,
         scope: str = "global") -> Any:
    """The value `name` will have this run, without rendering its widget (used before navigation)."""
    return resolve(name, valid, default, parse=parse, widget_key=f"w_{scope}_{name}")


def native_key(name: str, default: Any, accepts: Callable[[str], bool] | None = None) -> str:
    """The key of a widget bound natively to `?name=` (`bind="query-params"`): `name` itself.
    Streamlit drops a value it cannot use silently; this notes it first (plain text). `accepts`:
    what the widget takes from the URL (default: a toggle's true/false, any case)."""
    raw = st.query_params.get(name)
    ok = accepts or (lambda text: text.lower() in BOOL_TEXT)
    if raw is not None and url_is_external() and not ok(str(raw)):
        _bad(name, raw, str(default).lower() if isinstance(default, bool) else default)
    ss = _ss()
    if ss.get(_RESEED) and name in ss:
        ss[name] = ss[name]  # re-sent to the widget redrawn after a layout switch (`set_layout`)
    return name


def number_in(lo: float, hi: float) -> Callable[[str], bool]:
    """What a natively bound number slider over [lo, hi] takes from the URL: a number in range
    (Streamlit reads '55.5' as 55 and '1e2' as 100; anything else it drops)."""
    def accepts(text: str) -> bool:
        try:
            return lo <= float(text) <= hi
        except ValueError:
            return False
    return accepts


def parse_bool(raw: str) -> bool:
    """'1'/'true'/'yes'/'on' → True, '0'/'false'/'no'/'off' → False (mirrored toggles' URL text)."""
    low = raw.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


def embedded() -> bool:
    """True for ?embed=true (Streamlit keeps that parameter out of st.query_params)."""
    try:
        if st.context.is_embedded:
            return True
    except (AttributeError, RuntimeError):
        pass
    return str(st.query_params.get("embed", "")).lower() == "true"


def slide_mode() -> bool:
    """`?slide=1`: the page as a deck's slide shows its main figure only (`ui.slidemode`): no settings, no
    header, nothing below it. A deck's frame asks for it with `embed=true&presenter=1`."""
    return bool(peek("slide", lambda v: isinstance(v, bool), False, parse=parse_bool))


# ---------------------------------------------------------------- ?page=

def requested_page() -> str | None:
    """A valid ?page= value, or None (an unknown one is noted and removed)."""
    raw = st.query_params.get("page")
    if raw is None or raw in ROUTES:
        return raw
    if url_is_external():
        _bad("page", raw, DEFAULT_PAGE)
    _set_param("page", None)
    return None


def switch_params() -> dict[str, str]:
    """Query params for the router's `?page=` switch: the URL as this run received it (before bad
    values were dropped); the next run reads it as a newly opened link, so the page switched to
    checks every value again and notes the bad ones (notes shown before a switch are lost)."""
    ss = _ss()
    ss.pop(_WRITTEN, None)
    return dict(ss.get(_URL_IN) or st.query_params.to_dict())


def set_page(page: str) -> None:
    """Called first by every page: the address's path names the page (`/trends`), so an old link's
    `?page=` (read by the router, app.py) is dropped from the address once the page is open; links
    carry only what changes the view."""
    del page  # the path says it
    _set_param("page", None)
