"""Publishing a build: the pointer `<out>/current`, what a damaged one says, and what a killed build
leaves behind (removed by the next build)."""
from __future__ import annotations

import fcntl
import tempfile
import threading
from pathlib import Path

import pytest

from indicators import build, store


@pytest.fixture(scope="module")
def result(full_build) -> build.BuildResult:
    """The session's full build read back as a result to publish again."""
    every = {"boundary_set": None}  # the tables as written: every boundary set, with its column
    return build.BuildResult(store.observations(full_build, **every), store.gaps(full_build, **every),
                             store.coverage(full_build, **every), store.designations(full_build),
                             store.build_report(full_build))


def test_a_build_removes_what_a_killed_build_left(result, tmp_path):
    build.write(result, tmp_path)
    # what a build killed between its writes leaves: its unfinished folder and an unswitched pointer file,
    # made the way `build.write` and `build.switch_pointer` make them (fresh: seconds old)
    left = Path(tempfile.mkdtemp(prefix=".tmp-20990101000000000000-", dir=tmp_path / store.BUILDS))
    (left / "observations.parquet").write_bytes(b"PAR1 half")
    pointer = Path(tempfile.mkstemp(prefix=f".tmp-{store.POINTER}-", dir=tmp_path)[1])
    assert left.is_dir() and pointer.is_file()
    paths = build.write(result, tmp_path)
    assert not left.exists() and not pointer.exists()
    assert not list(tmp_path.rglob(".tmp-*"))
    assert store.current_build(tmp_path) == int(paths[0].parent.name)


def test_a_build_waits_for_the_publish_lock(result, tmp_path):
    """Another build publishing (it holds the lock, its `.tmp-*` folder in place) is neither removed nor
    overtaken: the second build publishes after it."""
    build.write(result, tmp_path)
    first = store.current_build(tmp_path)
    other = Path(tempfile.mkdtemp(prefix=".tmp-other-", dir=tmp_path / store.BUILDS))
    with open(tmp_path / build.LOCK, "a") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        writer = threading.Thread(target=build.write, args=(result, tmp_path))
        writer.start()
        writer.join(timeout=1.0)
        waiting = writer.is_alive()
        kept = other.is_dir()
        fcntl.flock(lock, fcntl.LOCK_UN)
    writer.join(timeout=30)
    assert waiting and kept
    assert not writer.is_alive() and store.current_build(tmp_path) > first


@pytest.mark.parametrize("content,says", [
    (b"", "it holds ''"),
    (b"not-a-build\n", "it holds 'not-a-build'"),
    (b"\xff\xfe\x00garbage", "should hold one build id"),
    (b"0\n", "it holds '0'"),
    (b"\xc2\xb2\n", "should hold one build id"),  # '²' (a digit to str.isdigit, not to int)
    (b"12345\n", "names build 12345, which is not in"),
])
def test_a_damaged_pointer_is_reported_as_the_pointer(result, tmp_path, content, says):
    build.write(result, tmp_path)
    (tmp_path / store.POINTER).write_bytes(content)
    for reader in (store.observations, store.build_report, store.build_dir, store.published):
        with pytest.raises(store.BuiltDataError) as err:
            reader(tmp_path)
        assert err.value.path == tmp_path / store.POINTER, reader
        assert "pointer is damaged" in err.value.problem and says in err.value.problem, err.value.problem
        assert "observations.parquet" not in str(err.value)
    assert store.current_build(tmp_path) == 0


def test_no_pointer_is_not_built_not_damaged(tmp_path):
    with pytest.raises(store.NotBuilt) as err:
        store.observations(tmp_path)
    assert not isinstance(err.value, store.BuiltDataError)
    assert "python -m indicators build" in str(err.value)


def test_a_build_over_a_damaged_pointer_publishes(result, tmp_path):
    build.write(result, tmp_path)
    (tmp_path / store.POINTER).write_text("garbage")
    paths = build.write(result, tmp_path)
    assert store.published(tmp_path) == int(paths[0].parent.name)
    assert store.observations(tmp_path, boundary_set=None).equals(result.observations)
