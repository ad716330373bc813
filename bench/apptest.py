"""Running the app in-process with Streamlit's AppTest: quiet logs, fresh caches, timed runs, widgets."""
from __future__ import annotations

import contextlib
import io
import os
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
APP = ROOT / "app.py"
RUN_TIMEOUT = 90.0  # s, one at.run()


def quiet_logs() -> bool:
    """AppTest outside a server logs 'No runtime found' / 'missing ScriptRunContext' on every
    call: raise Streamlit's log level to error in this process (the config option, so that a
    later config parse keeps it). True if the bench set $STREAMLIT_LOGGER_LEVEL itself."""
    set_env = "STREAMLIT_LOGGER_LEVEL" not in os.environ
    if set_env:
        os.environ["STREAMLIT_LOGGER_LEVEL"] = "error"
    try:
        from streamlit import config
        from streamlit import logger as st_logger

        config.set_option("logger.level", "error")
        st_logger.set_log_level("error")
    except Exception:  # noqa: BLE001
        pass
    return set_env


@contextlib.contextmanager
def swallow_stdout():
    """Prints from page code (debugging left in by someone) must not break the table."""
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        yield buf


def clear_caches() -> None:
    """Empty every cache a fresh server process starts without."""
    import streamlit as st

    st.cache_data.clear()
    st.cache_resource.clear()
    import app_data

    app_data.forget_held()
    from geo import svgmap

    svgmap.load.cache_clear()  # the in-process copy of the on-disk geometry cache


def new_app(page: str):
    """An AppTest of app.py opened at ?page=`page` (not run yet)."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(APP), default_timeout=RUN_TIMEOUT)
    at.query_params["page"] = page
    return at


def timed_run(at) -> tuple[float, list[str]]:
    """Seconds of one `at.run()` and the exceptions it showed."""
    with swallow_stdout():
        t0 = time.perf_counter()
        at.run()
        dt = time.perf_counter() - t0
    errors = [str(getattr(e, "value", e))[:200] for e in at.exception]
    return dt, errors
