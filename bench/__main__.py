"""`python -m bench [--quick] [--raw-dir DIR] [--json PATH] [--skip SECTION] [--page PAGE]`: run every section
(or those not skipped, on every page or those named), print the table, write JSON."""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from bench.runner import run
from bench.sections import SECTIONS

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_JSON = ROOT / "bench" / "out" / "latest.json"


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    p.add_argument("--quick", action="store_true",
                   help="fewer repetitions: 3 rounds of page paints, one round of page switches (the sessions "
                        "as in full mode)")
    p.add_argument("--raw-dir", help="raw-data folder (default $BALANCE_RAW_DIR, else data/raw)")
    p.add_argument("--json", default=str(DEFAULT_JSON), help=f"result file (default {DEFAULT_JSON.relative_to(ROOT)})")
    p.add_argument("--skip", action="append", default=[], choices=[s.name for s in SECTIONS],
                   help="leave a section out (repeatable)")
    p.add_argument("--page", action="append", default=[], metavar="PAGE",
                   help="measure only this page in the sections that visit every page (pages, pagepaint, "
                        "switch; repeatable; names as in ui.state.PAGES: overview, map, … data)")
    p.add_argument("--keep-temp", action="store_true", help="keep the temp folder (built data, server log)")
    p.add_argument("--strict", action="store_true", help="exit 1 when a figure is FAIL or ERROR")
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return run(args.quick, args.raw_dir, Path(args.json), args.skip, args.keep_temp, args.strict, args.page)


if __name__ == "__main__":
    sys.exit(main())
