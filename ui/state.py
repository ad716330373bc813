"""View state (page, indicator, level, year, region, lang, presenter, …) mirrored in the URL.

Each value is chosen by a keyed widget and written to `st.query_params` under a short name;
a value equal to its default is left out of the URL. Where a value comes from, per run:

1. the URL, when it changed since this session last wrote it (a link was opened, a page was
   switched, a test set it) — parsed and checked against the allowed options (catalogue ids,
   registry codes, years in the data); an unknown or malformed value falls back to the
   default with a visible note and is removed from the URL. The note is a `st.warning` made only
   of the app's own text (parameter name, default) followed by the value received as plain text
   (`st.text`, first 40 characters): text from the URL never enters markdown or HTML;
2. otherwise the widget's own state;
3. for a widget not on screen yet: the value last chosen on any page (so the indicator
   picked on the map carries to the trend page), else the default.

Nothing read from the URL is used as a path or evaluated: values are compared against
option lists and only the matching option object is used.
"""
from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

import streamlit as st

from ui.i18n import LANGS, t

PAGES: tuple[str, ...] = ("overview", "map", "trends", "risk", "region", "disparity", "composite", "bivariate",
                          "data")
PAGE_FILES: dict[str, str] = {p: f"app_pages/{p}.py" for p in PAGES}
DEFAULT_PAGE = "overview"
_MIRROR = "_view_mirror"
_WRITTEN = "_view_qp_written"
_EXTERNAL = "_view_url_external"
_SLOT = "_view_warning_slot"
_WARNED = "_view_warned"
_URL_IN = "_view_url_in"
ECHO_MAX = 40  # characters of a bad URL value repeated back in the note
_MD_SPECIAL = set("\\`*_{}[]()<>#+-.!|~&:\"'=$")


def _ss():
    return st.session_state


def _mirror() -> dict:
    return _ss().setdefault(_MIRROR, {})


def begin_run(warning_slot=None) -> None:
    """Call once at the top of every run (app.py): notes whether the URL changed from outside."""
    ss = _ss()
    ss[_URL_IN] = st.query_params.to_dict()
    ss[_EXTERNAL] = ss[_URL_IN] != ss.get(_WRITTEN)
    ss.setdefault(_MIRROR, {})
    ss[_SLOT] = warning_slot
    ss[_WARNED] = set()


def url_is_external() -> bool:
    return bool(_ss().get(_EXTERNAL, True))


def _remember_written() -> None:
    _ss()[_WRITTEN] = st.query_params.to_dict()


def warn(message: str) -> None:
    """A visible warning at the top of the page (once per message per run).

    `message` is markdown: only the app's own text, never a value from the URL (see `_bad`)."""
    ss = _ss()
    warned = ss.setdefault(_WARNED, set())
    if message in warned:
        return
    warned.add(message)
    slot = ss.get(_SLOT)
    (slot if slot is not None else st).warning(message, icon="⚠️")


def _set_param(name: str, value: str | None) -> None:
    if value is None:
        if name in st.query_params:
            del st.query_params[name]
    elif st.query_params.get(name) != value:
        st.query_params[name] = value
    _remember_written()


def write_param(name: str, value: str | None) -> None:
    """Set (None: remove) `?name=` as the app's own write (not read back as a newly opened link)."""
    _set_param(name, value)


def _md_literal(text: str) -> str:
    """`text` with every markdown/HTML metacharacter backslash-escaped (for the app's own values)."""
    return "".join(f"\\{c}" if c in _MD_SPECIAL else c for c in text)


def shown_value(raw: str, limit: int = ECHO_MAX) -> str:
    """A URL value as it is repeated back: first `limit` characters, control characters replaced."""
    head = "".join(c if c.isprintable() else "\ufffd" for c in raw[:limit])
    return head + (f"… (+{len(raw) - limit:,})" if len(raw) > limit else "")


def _note_lang() -> str:
    """The language of a note about a bad URL value, found without `resolve` (which may be the
    caller: a bad `?lang=` must not recurse)."""
    raw = st.query_params.get("lang")
    if raw in LANGS:
        return raw
    chosen = _ss().get("w_global_lang")
    return chosen if chosen in LANGS else "ko"


def _bad(name: str, raw: str, default: Any) -> None:
    """Note (once per run and parameter) that `?name=raw` was not understood and `default` is shown.

    The warning holds only the app's text (name and default, escaped); the received value follows
    as plain text, shortened, so a link, image or HTML in the URL is shown, never rendered."""
    ss = _ss()
    warned = ss.setdefault(_WARNED, set())
    if ("bad", name) in warned:
        return
    warned.add(("bad", name))
    shown_default = ",".join(map(str, default)) if isinstance(default, (list, tuple)) else str(default)
    # `name` sits in a code span of the label (literal there: only a backtick could end it)
    message = t("bad_param", _note_lang(), name=name.replace("`", "'"), value="…",
                default=_md_literal(shown_default))
    slot = ss.get(_SLOT)
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
    mirrored = _mirror().get(name)
    if mirrored is not None:
        try:
            if valid(mirrored):
                return mirrored
        except (TypeError, KeyError):
            pass
    return default


def bind(name: str, render: Callable[[str], Any], *, options: Sequence[Any] | None = None,
         valid: Callable[[Any], bool] | None = None, default: Any, scope: str,
         parse: Callable[[str], Any] = str, serialize: Callable[[Any], str] = str) -> Any:
    """Run widget `render(key)` with its value synced to `?name=`; returns the chosen value.

    `options` (or a `valid` predicate) lists what is allowed; `parse` turns the URL text
    into a candidate (ValueError when malformed), `serialize` turns a value into URL text.
    """
    if valid is None:
        allowed = list(options or [])
        valid = allowed.__contains__
    key = f"w_{scope}_{name}"
    ss = _ss()
    start = resolve(name, valid, default, parse=parse, widget_key=key)
    if ss.get(key, object()) != start or key not in ss:
        ss[key] = start
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


# ---------------------------------------------------------------- global values: lang, presenter

def _parse_bool(raw: str) -> bool:
    low = raw.strip().lower()
    if low in ("1", "true", "yes", "on"):
        return True
    if low in ("0", "false", "no", "off"):
        return False
    raise ValueError(raw)


parse_bool = _parse_bool  # for pages binding a toggle to the URL ('1'/'0')


def embedded() -> bool:
    """True for ?embed=true (Streamlit keeps that parameter out of st.query_params)."""
    try:
        if st.context.is_embedded:
            return True
    except (AttributeError, RuntimeError):
        pass
    return str(st.query_params.get("embed", "")).lower() == "true"


def lang() -> str:
    """Current language ('ko' default, 'en')."""
    return peek("lang", LANGS.__contains__, "ko")


def presenter_default() -> bool:
    return embedded()


def presenter() -> bool:
    return peek("presenter", lambda v: isinstance(v, bool), presenter_default(), parse=_parse_bool)


def global_controls() -> tuple[str, bool]:
    """Language and presenter widgets (sidebar), bound to ?lang= and ?presenter=."""
    lg = lang()
    chosen_lang = bind("lang", lambda k: st.segmented_control(
        t("language", lg), LANGS, key=k, required=True, format_func={"ko": "한국어", "en": "English"}.get),
        options=LANGS, default="ko", scope="global")
    pres = bind("presenter", lambda k: st.toggle(t("presenter", lg), key=k, help=t("presenter_help", lg)),
                valid=lambda v: isinstance(v, bool), default=presenter_default(), scope="global",
                parse=_parse_bool, serialize=lambda v: "1" if v else "0")
    return chosen_lang, pres


# ---------------------------------------------------------------- page

def requested_page() -> str | None:
    """A valid ?page= value, or None (an unknown one is warned about and removed)."""
    raw = st.query_params.get("page")
    if raw is None:
        return None
    if raw in PAGES:
        return raw
    if url_is_external():
        _bad("page", raw, DEFAULT_PAGE)
    _set_param("page", None)
    return None


def switch_params() -> dict[str, str]:
    """Query params for the router's `?page=` switch: the URL as this run received it (before bad
    values were dropped), and the next run reads it as a newly opened link, so that the page switched
    to checks every value again and notes the bad ones (notes shown before a switch are lost)."""
    ss = _ss()
    ss.pop(_WRITTEN, None)
    return dict(ss.get(_URL_IN) or st.query_params.to_dict())


def set_page(page: str) -> None:
    """Mirror the page shown in ?page= (left out for the default page). Called first by every page."""
    _set_param("page", None if page == DEFAULT_PAGE else page)


def link_params(page: str, **values: str) -> dict[str, str]:
    """Query params for a link/switch to `page` carrying the global values that are not default."""
    out: dict[str, str] = {}
    if page != DEFAULT_PAGE:
        out["page"] = page
    if lang() != "ko":
        out["lang"] = lang()
    if presenter() != presenter_default():
        out["presenter"] = "1" if presenter() else "0"
    out.update({k: v for k, v in values.items() if v is not None})
    return out


def open_page(page: str, **values: str) -> None:
    """Switch to `page` with `values` in the URL (e.g. a clicked region's profile)."""
    st.switch_page(PAGE_FILES[page], query_params=link_params(page, **values))
