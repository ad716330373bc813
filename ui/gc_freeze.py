"""Keep CPython's full garbage collections off the reruns: freeze what was imported at startup.

A full (generation 2) collection walks every container object the process holds, and after
plotly, pandas, pyarrow, geopandas and the map geometry are loaded that is ~180,000 objects:
~100 ms on this 2-core machine, landing on whichever rerun happens to trigger it (every few
reruns). Nearly all of them are module-level objects that live as long as the process. So, at
the start of a run, whenever modules were imported since the last time (the first runs of a
process, the first visit of a page that imports something new), collect once and `gc.freeze()`
what is alive: it moves to the permanent generation, which collections skip. Full collections
then walk only what was created since (a few ms).

Bounded: only when `sys.modules` grew (plus a cap on the number of freezes), so what is frozen
is startup state; an object frozen that later becomes cyclic garbage is never collected, which
for module and cache objects does not happen in practice.
"""
from __future__ import annotations

import gc
import sys
import threading

MIN_NEW_MODULES = 10
MAX_FREEZES = 8

_lock = threading.Lock()
_modules_at_last_freeze = 0
_freezes = 0


def freeze_if_new_imports() -> bool:
    """Collect and freeze when ≥ MIN_NEW_MODULES modules were imported since the last freeze.
    Cheap otherwise (one length comparison). True if it froze."""
    global _modules_at_last_freeze, _freezes
    n = len(sys.modules)
    if _freezes >= MAX_FREEZES or n - _modules_at_last_freeze < MIN_NEW_MODULES:
        return False
    with _lock:
        if _freezes >= MAX_FREEZES or len(sys.modules) - _modules_at_last_freeze < MIN_NEW_MODULES:
            return False
        gc.collect()
        gc.freeze()
        _modules_at_last_freeze = len(sys.modules)
        _freezes += 1
    return True
