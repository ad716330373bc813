"""One build per script run: a probe republishes the build again and again (the pointer switched by
`indicators.build.switch_pointer`, as a build does) while every page runs under AppTest. Every cached
loader of the app is keyed by a build id; in each script run (from one `ScriptRunContext.reset` to
the next) every loader must have been called with one id, and every table read from disk must come
from that build."""
from __future__ import annotations

import inspect
import os
import threading
import time
from pathlib import Path

import pytest
from streamlit.runtime.scriptrunner_utils.script_run_context import ScriptRunContext

import app_analyses
from app_data import availability, slices, tables
from helpers.apptest import PAGE_PARAMS, assert_ok, new_app
from indicators import build, config, store
from ui import concepts, figures
from ui import format as fmt
from ui.maps import choropleths, geometry

LOADER_MODULES = (tables, availability, slices, app_analyses, choropleths, geometry, figures, fmt, concepts)


class Probe:
    """What the runs read: ('run',) at each script run's start, ('key', id) for every cached loader
    call (its `version`, or its `key` DataKey's build), ('read', id) for every build folder a store reader opened."""

    def __init__(self):
        self.events: list[tuple] = []
        self.lock = threading.Lock()

    def note(self, *event) -> None:
        with self.lock:
            self.events.append(event)

    def runs(self) -> list[list[tuple]]:
        """The events of each script run (what came before the first run start is left out)."""
        out: list[list[tuple]] = []
        with self.lock:
            for ev in self.events:
                if ev[0] == "run":
                    out.append([])
                elif out:
                    out[-1].append(ev)
            self.events.clear()
        return out


class _Recorded:
    """A cached loader that notes the build id it is called with, then calls the loader."""

    def __init__(self, func, position: int, probe: Probe, keyed: bool):
        self._func, self._position, self._probe, self._keyed = func, position, probe, keyed

    def __call__(self, *args, **kwargs):
        name = "key" if self._keyed else "version"
        value = kwargs[name] if name in kwargs else args[self._position]
        self._probe.note("key", value.build if self._keyed else value)
        return self._func(*args, **kwargs)

    def __getattr__(self, name):
        return getattr(self._func, name)


def _loaders(module) -> list[tuple[str, int, bool]]:
    """(name, position of its build argument, whether that is a `key: DataKey` rather than a `version`)
    of each Streamlit-cached function of `module` keyed by the build."""
    found = []
    for name, obj in vars(module).items():
        if type(obj).__name__ != "CachedFunc":
            continue
        params = list(inspect.signature(obj).parameters)
        if "version" in params:
            found.append((name, params.index("version"), False))
        elif "key" in params:
            found.append((name, params.index("key"), True))
    return found


@pytest.fixture
def probe(monkeypatch) -> Probe:
    p = Probe()
    real_reset, real_build_dir = ScriptRunContext.reset, store.build_dir

    def reset(self, *args, **kwargs):
        p.note("run")
        return real_reset(self, *args, **kwargs)

    def build_dir(out_dir=None, build=None):
        folder = real_build_dir(out_dir, build)
        p.note("read", int(folder.name))
        return folder

    monkeypatch.setattr(ScriptRunContext, "reset", reset)
    monkeypatch.setattr(store, "build_dir", build_dir)
    wrapped = 0
    for module in LOADER_MODULES:
        for name, position, keyed in _loaders(module):
            monkeypatch.setattr(module, name, _Recorded(getattr(module, name), position, p, keyed))
            wrapped += 1
    assert wrapped >= 20, f"only {wrapped} build-keyed loaders found"  # the app's loaders were found
    return p


@pytest.fixture
def two_builds(built_data, tmp_path, monkeypatch) -> tuple[Path, list[int]]:
    """An output folder with two published ids of the session's build (links to its folder)."""
    out = tmp_path / "out"
    (out / store.BUILDS).mkdir(parents=True)
    source = store.build_dir(built_data)
    ids = [store.current_build(built_data) + 1, store.current_build(built_data) + 2]
    for i in ids:
        os.symlink(source, out / store.BUILDS / str(i), target_is_directory=True)
    build.switch_pointer(out, ids[0])
    monkeypatch.setenv(config.OUT_DIR_ENV, str(out))
    return out, ids


class Rebuilder(threading.Thread):
    """Switches the pointer between the two ids every few milliseconds until stopped."""

    def __init__(self, out: Path, ids: list[int]):
        super().__init__(daemon=True)
        self.out, self.ids, self.switches = out, ids, 0
        self.done = threading.Event()

    def run(self):
        while not self.done.is_set():
            build.switch_pointer(self.out, self.ids[self.switches % 2])
            self.switches += 1
            time.sleep(0.002)


def test_no_run_reads_two_builds_while_the_build_is_republished(two_builds, probe):
    out, ids = two_builds
    for i in ids:  # both builds' tables in the caches first
        build.switch_pointer(out, i)
        new_app({"page": "overview"}).run()
    probe.runs()
    rebuilder = Rebuilder(out, ids)
    rebuilder.start()
    try:
        summary, used = [], set()
        for page in PAGE_PARAMS:
            before = rebuilder.switches
            at = new_app({"page": page})
            at.run()
            assert_ok(at)
            runs = probe.runs()
            assert runs, page
            switched = rebuilder.switches - before
            assert switched >= 2, f"{page}: the pointer did not change during the run"
            # (a run that only switches to the page, `?page=` → its path, reads nothing)
            assert any(kind == "key" for events in runs for kind, _ in events), f"{page}: no loader called"
            for events in runs:
                keys = {v for kind, v in events if kind == "key"}
                reads = {v for kind, v in events if kind == "read"}
                assert len(keys) <= 1, f"{page}: one run keyed its loaders on builds {sorted(keys)}"
                assert reads <= keys, f"{page}: a run keyed on {keys} read tables of {sorted(reads)}"
                assert keys <= set(ids)
                used |= keys
            summary.append((page, len(runs), switched))
    finally:
        rebuilder.done.set()
        rebuilder.join()
    assert rebuilder.switches > 100, summary
    assert used == set(ids), summary  # each run reads the build published when it began: both were read


@pytest.mark.parametrize("content", ["garbage\n", "99999\n"])
def test_every_page_reports_a_damaged_pointer_as_the_pointer(two_builds, content):
    """A pointer that holds no build id, or names a build that is not there: every page says the
    pointer (`current`) is damaged and gives the build command; it never names a table as missing."""
    out, _ = two_builds
    (out / store.POINTER).write_text(content, encoding="ascii")
    for page in PAGE_PARAMS:
        at = new_app({"page": page})
        at.run()
        assert not at.exception, (page, [e.message[:300] for e in at.exception])
        assert len(at.error) == 1, (page, [e.value for e in at.error])
        assert f"({store.POINTER})" in at.error[0].value, (page, at.error[0].value)
        assert [c.value for c in at.code] == ["python -m indicators build"], page
        said = " ".join(t.value for t in at.text)
        assert said.startswith(f"{store.POINTER}: the build pointer is damaged"), (page, said)
        assert "parquet" not in at.error[0].value + said, page
