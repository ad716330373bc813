"""Which build and boundary set a script run reads, resolved once at its start (`begin_run`, app.py) and
kept in the session: every loader of `app_data` keys its cache on this run's `DataKey` and reads that
build, whatever a rebuild switches `data/current` to meanwhile, and a fragment's rerun reads the build
its page was drawn from."""
from __future__ import annotations

import contextlib
import contextvars
from collections.abc import Iterator
from typing import NamedTuple

import streamlit as st
from streamlit.runtime.scriptrunner_utils.script_run_context import get_script_run_ctx

from geo import regions
from indicators import store

_RUN_BUILD = "_data_build"  # session_state key: the build id resolved at the start of the session's last full run
_RUN_SET = "_data_boundary_set"  # session_state key: the boundary set the session's last full run draws
_PINNED: contextvars.ContextVar[int | None] = contextvars.ContextVar("balance_build", default=None)
CURRENT_SET = regions.CURRENT_SET  # the boundary set pages draw unless the reader chose the other (ui.nav)


class DataKey(NamedTuple):
    """What a run's tables are: one published build, in one boundary set (the key of every cache)."""

    build: int
    boundary_set: str


def begin_run(boundary_set: str = CURRENT_SET) -> int:
    """Resolve the published build once, at the start of a script run (app.py): every loader of the
    run then reads this id (`data_version`), whatever a rebuild switches the pointer to meanwhile, in
    `boundary_set` (`data_key`). A fragment rerun keeps the id and set of the run that drew its page.
    Returns the id (0: none published)."""
    if boundary_set not in regions.SETS:
        raise KeyError(f"unknown boundary set {boundary_set!r}")
    version = store.current_build()
    st.session_state[_RUN_BUILD] = version
    st.session_state[_RUN_SET] = boundary_set
    return version


def boundary_set() -> str:
    """The boundary set this run draws (`begin_run`; the current one outside a run)."""
    if get_script_run_ctx(suppress_warning=True) is None:
        return CURRENT_SET
    return st.session_state.get(_RUN_SET, CURRENT_SET)


def data_key() -> DataKey:
    """The build and boundary set this run reads: the key of every cache of set-dependent tables."""
    return DataKey(data_version(), boundary_set())


@contextlib.contextmanager
def one_build() -> Iterator[None]:
    """Outside a script run (the deployment's warm-up thread, scripts): every loader called inside the
    block reads the build published when it was entered."""
    token = _PINNED.set(store.current_build())
    try:
        yield
    finally:
        _PINNED.reset(token)


def data_version() -> int:
    """Id of the build this run reads: part of every cache key, and the set every loader reads
    (`build=version`), so one page run's tables all come from one build. In a script run, the id
    `begin_run` resolved at its start (resolved on first use if the run did not begin in app.py);
    inside `one_build`, its id; elsewhere the pointer now (`store.current_build`, 0 if none)."""
    pinned = _PINNED.get()
    if pinned is not None:
        return pinned
    if get_script_run_ctx(suppress_warning=True) is None:
        return store.current_build()
    version = st.session_state.get(_RUN_BUILD)
    return begin_run() if version is None else version
