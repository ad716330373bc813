"""Command line: `python -m indicators build [--raw-dir DIR] [--out DIR] [--update-expected]`."""
from __future__ import annotations

import argparse
import sys
import time

from indicators import build as build_mod
from indicators import checks, config, manifest


def summary(result: build_mod.BuildResult) -> str:
    """Human summary: each source built/skipped and each indicator's years and region counts."""
    lines = ["Sources:"]
    for s in result.report["sources"]:
        if s["status"] == "built":
            lines.append(f"  built    {s['module']:<28} {s['rows']:>8,} rows  {s['seconds']:>5.1f}s")
        else:
            lines.append(f"  skipped  {s['module']:<28} {s['reason']}")
    lines += raw_file_lines(result.report.get("raw_files", []))
    lines.append("Indicators (years; regions with a value per level, latest year):")
    cov = result.coverage
    for ind, g in cov.groupby("indicator", sort=True):
        years = sorted(g["year"].unique())
        span = f"{years[0]}–{years[-1]} ({len(years)} yrs)" if len(years) > 1 else str(years[0])
        last = g[g["year"] == years[-1]].set_index("level")["regions"].to_dict()
        lv = " ".join(f"{k}={v}" for k, v in sorted(last.items()))
        lines.append(f"  {ind:<46} {span:<20} {lv}")
    return "\n".join(lines)


def raw_file_lines(files: list[dict]) -> list[str]:
    """Raw files against data/raw/MANIFEST.csv: a count of matching files, each other one named."""
    ok = [f for f in files if f["status"] == manifest.OK]
    lines = [f"Raw files: {len(ok)} of {len(files)} match the manifest (sha256)"]
    for f in files:
        if f["status"] != manifest.OK:
            vintage = f" (manifest vintage {f['vintage']})" if f["vintage"] else " (counts as newest)"
            lines.append(f"  {f['status']:<16} {f['path']}{vintage}")
    return lines


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m indicators")
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the tidy parquet tables")
    b.add_argument("--raw-dir", help=f"raw-data folder (default ${config.RAW_DIR_ENV} or data/raw)")
    b.add_argument("--out", help=f"output folder (default ${config.OUT_DIR_ENV} or data/)")
    b.add_argument("--update-expected", action="store_true", help="rewrite expected_counts.csv from this build")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    raw, out = config.raw_dir(args.raw_dir), config.out_dir(args.out)
    if args.update_expected:
        checks.EXPECTED.unlink(missing_ok=True)
    try:
        result = build_mod.build(raw)
    except Exception as err:  # report and exit non-zero; outputs untouched
        print(f"build failed, nothing written: {err}", file=sys.stderr)
        return 1
    if args.update_expected:
        result.coverage[result.coverage["level"] != "group"].to_csv(checks.EXPECTED, index=False)
    paths = build_mod.write(result, out)
    print(summary(result))
    print(f"Wrote {', '.join(p.name for p in paths)} to {out} in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
