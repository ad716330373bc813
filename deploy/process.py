"""One Streamlit process of a deployment, its caches warmed at start (`python -m deploy.process
[--app SCRIPT] --server.port N …`: the arguments of `streamlit run app.py`; `--app` runs another
script, unwarmed: the bench's empty page behind the same proxy).

Streamlit runs no app code before the first visitor. Here a thread waits for the runtime, then
fills the caches that every first visit needs (the build's tables, the catalogue, availability, the
default map views in both languages, the published geometry), so the first visitor of each process
meets a warm server. Warming failures are logged and never stop the process.
"""
from __future__ import annotations

import logging
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
LOG = logging.getLogger("balance.warm")


def warm() -> float:
    """Fill the shared caches (seconds taken)."""
    import app_data
    from ui import maps
    from ui.context import Ctx
    from ui.panels import risk

    t0 = time.perf_counter()
    maps.geometry_urls()
    ids = app_data.mappable_indicators(macro=True)
    for lang in ("ko", "en"):
        for level in ("sido", "sigungu"):
            for ind in ids[:1] + [i for i in ("reg_extinction_risk_index",) if i in ids]:
                if app_data.years_for(ind, level):
                    maps.indicator_view(Ctx("map", lang, False), ind, level)
        if app_data.risk_bases():  # the basis 지방소멸 opens on
            maps.risk_view(Ctx("risk", lang, False), risk.freshest_basis(app_data.risk_bases()))
    return time.perf_counter() - t0


def _warm_when_ready() -> None:
    from streamlit.runtime import Runtime

    while not Runtime.exists():
        time.sleep(0.05)
    import app_data

    try:
        with app_data.one_build():  # every cache warmed from one build, whatever a rebuild does meanwhile
            LOG.warning("caches warmed in %.1f s", warm())
    except Exception:  # noqa: BLE001 — a warm-up problem must not take the process down
        LOG.exception("cache warm-up failed (the first visitor will fill the caches)")


def main(argv: list[str]) -> None:
    from streamlit.web import cli

    sys.path.insert(0, str(ROOT))
    script = ROOT / "app.py"
    if argv[:1] == ["--app"] and len(argv) > 1:
        script, argv = Path(argv[1]).resolve(), argv[2:]
    else:
        threading.Thread(target=_warm_when_ready, name="balance-warm", daemon=True).start()
    sys.argv = ["streamlit", "run", str(script), *argv]
    cli.main()


if __name__ == "__main__":
    main(sys.argv[1:])
