"""Hardening of the app against what arrives from outside: URLs, damaged built data, deep links.

* URL values: every query parameter the app reads, set to an unknown value, a markdown link, HTML
  and 100 kB of text, on every page: no exception, the default is shown with a note, and the value
  never reaches markdown/HTML (it is echoed, shortened, only in plain-text elements).
* Built data: each built file deleted, truncated and written with a wrong schema: every page shows
  one message naming the file, with `python -m indicators build`, and no traceback.
* Deep links: `/map`, `/trends`, … opened on a fresh server open that page through the router under
  AppTest (in Chromium, and a link/image payload in the URL making the browser fetch nothing from the
  payload's host: tests/browser/test_browser_hardening.py).
* `.streamlit/config.toml` ships safe server defaults.
"""
from __future__ import annotations

import json
import re
import shutil
import tomllib
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

import app_data
from helpers import APP, ROOT
from helpers.apptest import HOST, PAGE_PARAMS, TIMEOUT, TITLE_KEYS, assert_ok, new_app
from indicators import build, config, store
from ui import state
from ui.i18n import t
from ui.pickers import plain_text
from ui.state import mirror

# read on every page (app.py, the sidebar; the slide mode and the deck in progress: ui.page)
GLOBAL_PARAMS = ["lang", "presenter", "embed", "set", "slide", "deck"]
PAYLOADS = {
    "unknown": "zz-no-such-value",
    "md_link": f"`[Log in](http://{HOST}/)`",
    "html": "<img src=x onerror=alert(1)>",
    "huge": (f"`![x](http://{HOST}/a.png)`" * 4000)[:100_000],
}
# What must never show up in an element that renders markdown/HTML (everything but text and code).
MARKERS = ("zz-no-such-value", HOST, "onerror", "<img")
PLAIN_TYPES = {"text", "code", "text_input"}  # a text box holds its value in an <input>, never as markdown
FREE_TEXT = {"search"}  # search boxes: any short printable text is a valid value (matched as a plain substring)
ECHO_LIMIT = 120  # a note repeats at most 40 characters of the value (plus name and length)


def nodes(at: AppTest) -> list:
    return [n for n in at if getattr(n, "proto", None) is not None]


def assert_nothing_rendered_from(at: AppTest) -> None:
    """No markdown/HTML-rendering element carries a payload; plain-text echoes are short."""
    for node in nodes(at):
        body = str(node.proto)
        if node.type in PLAIN_TYPES:
            if any(m in body for m in MARKERS):
                assert len(node.value) <= ECHO_LIMIT, (node.type, len(node.value))
            continue
        found = [m for m in MARKERS if m in body]
        assert not found, (node.type, found, body[:300])


def notes(at: AppTest) -> dict[str, str]:
    """The plain-text notes `name = value` shown for bad URL values."""
    out = {}
    for el in at.text:
        m = re.match(r"^([a-z_0-9]+) = ", el.value)
        if m:
            out[m.group(1)] = el.value
    return out


@pytest.fixture
def reads(monkeypatch) -> list[str]:
    """Names of the URL parameters the app reads: `ui.state.mirror.resolve` (every mirrored bind and peek)
    and `ui.state.native_key` (every widget bound natively)."""
    seen: list[str] = []
    for module, fn in ((mirror, "resolve"), (state, "native_key")):
        original = getattr(module, fn)

        def recording(name, *args, _original=original, **kwargs):
            seen.append(name)
            return _original(name, *args, **kwargs)

        monkeypatch.setattr(module, fn, recording)
    return seen


# ---------------------------------------------------------------- URL values

def test_query_params_only_read_through_ui_state():
    """Every parameter is read through ui/state/ (`st.query_params` nowhere else; a widget bound
    natively takes its key from `state.native_key`), so the list above is complete."""
    readers = []
    for path in [ROOT / "app.py", *sorted((ROOT / "app_data").glob("*.py")), ROOT / "app_analyses.py",
                 *sorted((ROOT / "ui").rglob("*.py")),
                 *sorted((ROOT / "app_pages").glob("*.py"))]:
        if path.parent == ROOT / "ui" / "state":
            continue
        text = path.read_text(encoding="utf-8")
        if "st.query_params" in text:
            readers.append(path.name)
        for m in re.finditer(r'bind="query-params"', text):
            if "state.native_key(" not in text[max(0, m.start() - 200):m.start()]:
                readers.append(f"{path.name} (bind without state.native_key)")
    assert not readers, f"query params read outside ui/state/: {readers}"


@pytest.mark.parametrize("kind", PAYLOADS)
def test_bad_page_param(kind, reads):
    payload = PAYLOADS[kind]
    at = new_app({"page": payload})
    at.run()
    assert_ok(at)
    assert_nothing_rendered_from(at)
    assert at.title[0].value == t("overview_title", "ko")
    assert "page" in notes(at), [e.value for e in at.text]
    assert any("`page=" in w.value for w in at.warning)
    assert at.query_params.get("page") in (None, [], "")


def check_bad_values(page: str, names: list[str], payload: str, reads: list[str]) -> None:
    at = new_app({"page": page, **{n: payload for n in names}})
    at.run()
    assert_ok(at)
    assert_nothing_rendered_from(at)
    assert at.title[0].value == t(TITLE_KEYS[page], "ko")  # the page opened, in the default language

    read = set(reads)
    every = set(GLOBAL_PARAMS + PAGE_PARAMS[page])
    assert read <= every, f"parameters read but not tested on {page}: {sorted(read - every)}"
    shown = notes(at)
    warned = " ".join(w.value for w in at.warning)
    for name in read & set(names):
        if name in FREE_TEXT and plain_text(payload):  # kept as typed, shown only in its text box
            assert name not in shown, (name, shown[name])
            assert at.query_params.get(name) in (payload, [payload])
            assert [b.value for b in at.text_input if b.key == f"w_{page}_{name}"] == [payload]
            continue
        assert name in shown, (name, sorted(shown))
        assert payload[:40] in shown[name]  # echoed as plain text, at most 40 characters of it
        assert f"`{name}=" in warned, (name, warned[:500])
        assert at.query_params.get(name) in (None, [], ""), (name, str(at.query_params.get(name))[:80])


@pytest.mark.parametrize("kind", [k for k in PAYLOADS if k != "huge"])
@pytest.mark.parametrize("page", list(PAGE_PARAMS))
def test_bad_values_on_every_page(page, kind, reads):
    """All of a page's parameters (and the global ones) set to the payload at once."""
    check_bad_values(page, GLOBAL_PARAMS + PAGE_PARAMS[page], PAYLOADS[kind], reads)


HUGE_CASES = [("map", n) for n in GLOBAL_PARAMS] + [(p, n) for p, ns in PAGE_PARAMS.items() for n in ns]


@pytest.mark.parametrize(("page", "name"), HUGE_CASES, ids=[f"{p}-{n}" for p, n in HUGE_CASES])
def test_huge_value(page, name, reads):
    """100 kB in one parameter (several at once exceed Streamlit's own query-string limit)."""
    check_bad_values(page, [name], PAYLOADS["huge"], reads)


def test_oversized_query_string_is_harmless():
    """Every parameter at 100 kB: Streamlit ignores the whole query string; the app still opens."""
    at = new_app({"page": "composite", **{n: PAYLOADS["huge"] for n in GLOBAL_PARAMS + PAGE_PARAMS["composite"]}})
    at.run()
    assert_ok(at)
    assert at.title
    assert_nothing_rendered_from(at)


def test_bad_lang_alone_does_not_recurse():
    at = new_app({"lang": "xx"})
    at.run()
    assert_ok(at)
    assert at.title[0].value == t("overview_title", "ko")
    assert notes(at).get("lang") == "lang = xx"


def test_long_value_is_shortened():
    assert state.shown_value("a" * 100_000).startswith("a" * 40 + "…")
    assert len(state.shown_value("a" * 100_000)) < 60
    assert state.shown_value("x\ny\x00") == "x\ufffdy\ufffd"


# ---------------------------------------------------------------- damaged built data

BUILT = ("observations.parquet", "gaps.parquet", "coverage.parquet", "designations.parquet", "build_report.json",
         "map_geometry.json")
DAMAGES = ("deleted", "truncated", "wrong_schema")


def damaged_copy(tmp: Path, name: str, damage: str) -> Path:
    """A copy of the published build (the session's full build, $BALANCE_DATA_DIR) into `tmp`,
    published there under a fresh build id
    (a new cache key), with `name` damaged."""
    build_id = build.new_build_id(config.out_dir())
    shutil.copytree(store.build_dir(), tmp / store.BUILDS / str(build_id))
    (tmp / store.POINTER).write_text(f"{build_id}\n", encoding="ascii")
    target = tmp / store.BUILDS / str(build_id) / name
    if damage == "deleted":
        target.unlink()
    elif damage == "truncated":
        data = target.read_bytes()
        target.write_bytes(data[: len(data) // 2])
    elif name.endswith(".json"):
        target.write_text(json.dumps({"sources": "none", "rows": "many"}))
    else:
        df = pd.read_parquet(target)
        df = df.rename(columns={df.columns[-1]: "unexpected"})
        if "year" in df:
            df = df.astype({"year": str})
        df.to_parquet(target, index=False)
    return target


@pytest.fixture(scope="module", autouse=True)
def _built(built_data):
    assert store.current_build(), f"no published build in {config.out_dir()}"


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("name", BUILT)
def test_store_names_the_damaged_file(tmp_path, name, damage):
    damaged_copy(tmp_path, name, damage)
    reader = {"observations.parquet": store.observations, "gaps.parquet": store.gaps,
              "coverage.parquet": store.coverage, "designations.parquet": store.designations,
              "build_report.json": store.build_report, "map_geometry.json": store.map_geometry}[name]
    with pytest.raises(store.NotBuilt) as err:
        reader(tmp_path)
    assert name in str(err.value)
    if damage != "deleted":
        assert isinstance(err.value, store.BuiltDataError)
        assert err.value.path.name == name and err.value.problem


def test_store_reads_the_real_build():
    assert len(store.observations()) and len(store.gaps()) and len(store.coverage())
    assert isinstance(store.build_report(), dict)


@pytest.mark.parametrize("damage", DAMAGES)
@pytest.mark.parametrize("name", BUILT)
def test_every_page_says_rebuild(tmp_path, monkeypatch, name, damage):
    damaged_copy(tmp_path, name, damage)
    monkeypatch.setenv(config.OUT_DIR_ENV, str(tmp_path))
    for page in PAGE_PARAMS:
        at = new_app({"page": page})
        at.run()
        assert not at.exception, (page, [e.message[:300] for e in at.exception])
        assert len(at.error) == 1, (page, [e.value for e in at.error])
        assert name in at.error[0].value, (page, at.error[0].value)
        assert [c.value for c in at.code] == ["python -m indicators build"], page
        assert not at.get("plotly_chart"), page
        for node in nodes(at):
            body = str(node.proto)
            assert "../shared" not in body and "--raw-dir" not in body, (page, node.type)


def test_build_command_is_plain():
    assert app_data.BUILD_COMMAND == "python -m indicators build"


# ---------------------------------------------------------------- deep links (AppTest)

class TestDeepLinkAppTest:
    """A fresh AppTest switched to `app_pages/<page>.py` first: each page opens through the router
    with its title (no legacy `pages/` folder mode to fall into)."""

    @pytest.mark.parametrize("page", list(PAGE_PARAMS))
    def test_page_file_first(self, page):
        at = AppTest.from_file(str(APP), default_timeout=TIMEOUT)
        at.switch_page(f"app_pages/{page}.py")
        at.run()
        assert not at.exception, [e.message[:300] for e in at.exception]
        assert at.title[0].value == t(TITLE_KEYS[page], "ko")


# ---------------------------------------------------------------- config

def test_streamlit_config_is_safe():
    cfg = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    server_cfg = cfg["server"]
    assert server_cfg["address"] in ("127.0.0.1", "localhost")
    assert cfg["browser"]["gatherUsageStats"] is False
    assert server_cfg["fileWatcherType"] == "none"
    assert server_cfg["runOnSave"] is False
    assert server_cfg["enableXsrfProtection"] is True
    assert server_cfg.get("enableCORS", True) is True


@pytest.mark.parametrize("kind", [k for k in PAYLOADS if k != "huge"])
@pytest.mark.parametrize("mode, names", [("change", ["from", "to", "change_as"]), ("years", ["from", "to"]),
                                         ("indicators", ["indicator2", "year"])])
def test_bad_values_in_the_map_comparisons(mode, names, kind, reads):
    """지도's comparison settings, read only in their mode: each bad value said as plain text and dropped."""
    at = new_app({"page": "map", "compare": mode, **{n: PAYLOADS[kind] for n in names}})
    at.run()
    assert_ok(at)
    assert_nothing_rendered_from(at)
    shown = notes(at)
    for name in names:
        assert name in shown and PAYLOADS[kind][:40] in shown[name], (name, sorted(shown))
        assert at.query_params.get(name) in (None, [], ""), name
