"""`python -m deploy`: N Streamlit processes behind nginx, started (and stopped) by one command.

    python -m deploy --processes 2 --port 8600            # http://127.0.0.1:8600
    python -m deploy --processes 4 --address 0.0.0.0      # serve others on purpose

Each process is `streamlit run app.py` on 127.0.0.1 (a free port, its own cookie secret shared by
all, so any process accepts the XSRF cookie); nginx (Debian's `nginx-light` or `nginx`) listens on
`--address:--port` with the configuration of `deploy.nginx` (route cookie, WebSocket upgrade, gzip,
cached geometry). Runtime files go to a temporary folder. Ctrl-C or SIGTERM stops everything.
"""
from __future__ import annotations

import argparse
import signal
import sys
import time

from deploy.stack import Stack


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m deploy", description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=2, help="Streamlit processes (default 2)")
    ap.add_argument("--port", type=int, default=8600, help="nginx port (default 8600)")
    ap.add_argument("--address", default="127.0.0.1", help="nginx address (default 127.0.0.1)")
    args = ap.parse_args(argv)
    if not 1 <= args.processes <= 32:
        ap.error("--processes must be between 1 and 32")
    stack = Stack(processes=args.processes, listen=f"{args.address}:{args.port}")
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        stack.start()
        print(f"균형 on http://{args.address}:{args.port} ({args.processes} processes: ports "
              f"{', '.join(map(str, stack.ports))}; nginx files in {stack.prefix})", flush=True)
        while stack.alive():
            time.sleep(1)
        print("a process stopped; shutting down", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
