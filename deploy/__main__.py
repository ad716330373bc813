"""`python -m deploy`: N Streamlit processes behind nginx, run by supervisord, started (and stopped) by
one command.

    python -m deploy --processes 2 --port 8600            # http://127.0.0.1:8600
    python -m deploy --processes 4 --address 0.0.0.0      # serve others on purpose

Each process is `streamlit run app.py` on 127.0.0.1 (a free port, one cookie secret shared by all, so
any process accepts the XSRF cookie); nginx (Debian's `nginx-light` or `nginx`) listens on
`--address:--port` with the configuration of `deploy.nginx` (route cookie, failover, WebSocket
upgrade, gzip, cached geometry, security headers). supervisord (`deploy.supervisor`) starts them and
restarts any that dies (logged here); the files of the deployment (configurations, logs, control
socket) are in a temporary folder named at start. Ctrl-C or SIGTERM stops everything.
"""
from __future__ import annotations

import argparse
import signal
import sys

from deploy.stack import Stack


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m deploy", description=__doc__.split("\n")[0])
    ap.add_argument("--processes", type=int, default=2, help="Streamlit processes (default 2)")
    ap.add_argument("--port", type=int, default=8600, help="nginx port (default 8600)")
    ap.add_argument("--address", default="127.0.0.1", help="nginx address (default 127.0.0.1)")
    ap.add_argument("--embed-from", action="append", default=[], metavar="ORIGIN",
                    help="an origin (https://host[:port]) allowed to show the app in a frame (?embed=true), "
                         "besides this one; repeatable")
    args = ap.parse_args(argv)
    if not 1 <= args.processes <= 32:
        ap.error("--processes must be between 1 and 32")
    try:
        stack = Stack(processes=args.processes, listen=f"{args.address}:{args.port}",
                      embed_from=tuple(args.embed_from), echo=True)
    except ValueError as err:
        ap.error(str(err))
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    try:
        stack.start()
        print(f"균형 on http://{args.address}:{args.port} ({args.processes} processes: "
              f"{', '.join(f'{n} on port {p}' for n, p in stack.backends.items())}; supervisord and nginx "
              f"files in {stack.prefix}; status: supervisorctl -c {stack.conf} status)", flush=True)
        stack.supervisord.wait()
        print("supervisord stopped; the deployment is down", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 0
    except (OSError, RuntimeError, TimeoutError) as err:  # it did not start: say why, in one line
        print(f"python -m deploy: {err}", file=sys.stderr)
        return 1
    finally:
        stack.stop()


if __name__ == "__main__":
    sys.exit(main())
