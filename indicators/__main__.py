"""Command line: `python -m indicators build [--raw-dir DIR] [--out DIR] [--strict] [--update-expected]`.

Exit status: 0 when the outputs were published (the last line says whether every source was built,
or how many were skipped or read in part); 1 when nothing was written: bad input, a failed check,
a raw file far too large, or, under `--strict`, any source skipped or partial.
"""
from __future__ import annotations

import argparse
import sys
import time

from indicators import build as build_mod
from indicators import checks, config, manifest, month_end


def summary(result: build_mod.BuildResult) -> str:
    """Human summary: each source built/skipped, raw files against the manifest, overlaps between
    files (newest vintage kept) and conflicts, the file and vintage behind each indicator's years,
    and each indicator's years and region counts."""
    lines = ["Sources:"]
    for s in result.report["sources"]:
        if s["status"] == "built":
            lines.append(f"  built    {s['module']:<28} {s['rows']:>8,} rows  {s['seconds']:>5.1f}s")
        else:
            lines.append(f"  {s['status']:<8} {s['module']:<28} {s['reason']}")
    added = [a for s in result.report["sources"] for a in s.get("added", [])]
    if added:
        lines.append("Exports read (registration kind, periods and what each added):")
        lines += [f"  {a}" for a in added]
    lines += month_end.summary_lines(result.month_end, result.report.get("month_end", {}))
    lines += raw_file_lines(result.report.get("raw_files", []))
    notes = [n for s in result.report["sources"] for n in s.get("notes", [])]
    if notes:
        lines.append("Checked against their own header only:")
        lines += [f"  {n}" for n in notes]
    lines += manifest.overlap_lines(result.report)
    lines += manifest.lineage_lines(result.report.get("lineage", []))
    sets = result.report.get("checks", {}).get("boundary_sets", {})
    lines.append("Boundary sets: " + "; ".join(f"{s} ({n['sido']} 시도, {n['sigungu']} 시군구)"
                                               for s, n in sets.items()))
    lines.append("Indicators (years; regions with a value per level in the latest year, per boundary set):")
    cov = result.coverage
    for ind, g in cov.groupby("indicator", sort=True):
        years = sorted(g["year"].unique())
        span = f"{years[0]}–{years[-1]} ({len(years)} yrs)" if len(years) > 1 else str(years[0])
        per_set = []
        for set_id, h in g.groupby("boundary_set", sort=True):
            last = h[h["year"] == h["year"].max()].set_index("level")["regions"].to_dict()
            per_set.append(f"{set_id}: " + " ".join(f"{k}={v}" for k, v in sorted(last.items())))
        lines.append(f"  {ind:<46} {span:<20} {' | '.join(per_set)}")
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


def incomplete_sources(report: dict) -> tuple[list[str], list[str]]:
    """(skipped modules, partial modules) of a build report."""
    by = {k: [e["module"] for e in report["sources"] if e["status"] == k] for k in ("skipped", "partial")}
    return by["skipped"], by["partial"]


def completeness(report: dict) -> str:
    """'all N sources built', or 'N sources skipped (…), M partial (…)'."""
    skipped, partial = incomplete_sources(report)
    if not skipped and not partial:
        return f"all {len(report['sources'])} sources built, checks passed"
    return f"{len(skipped)} sources skipped{_named(skipped)}, {len(partial)} partial{_named(partial)}"


def _named(modules: list[str]) -> str:
    return f" ({', '.join(modules)})" if modules else ""


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="python -m indicators")
    sub = p.add_subparsers(dest="cmd", required=True)
    b = sub.add_parser("build", help="build the tidy parquet tables")
    b.add_argument("--raw-dir", help=f"raw-data folder (default ${config.RAW_DIR_ENV} or data/raw)")
    b.add_argument("--out", help=f"output folder (default ${config.OUT_DIR_ENV} or data/)")
    b.add_argument("--strict", action="store_true",
                   help="fail (exit 1, nothing written) if any source is skipped or read in part (CI)")
    b.add_argument("--update-expected", action="store_true",
                   help="rewrite expected_counts.csv from this build (every source must be built; "
                        "the file is written only after the build succeeded)")
    args = p.parse_args(argv)
    t0 = time.perf_counter()
    raw, out = config.raw_dir(args.raw_dir), config.out_dir(args.out)
    try:
        result = build_mod.build(raw, check_counts=not args.update_expected)
    except Exception as err:  # report and exit non-zero; outputs untouched
        print(f"build failed, nothing written: {err}", file=sys.stderr)
        return 1
    skipped, partial = incomplete_sources(result.report)
    if (skipped or partial) and (args.strict or args.update_expected):
        print(summary(result))
        flag = "--strict" if args.strict else "--update-expected needs every source built"
        print(f"Build INCOMPLETE ({flag}), nothing written: {completeness(result.report)}", file=sys.stderr)
        return 1
    paths = build_mod.write(result, out)
    if args.update_expected:
        checks.write_expected(result.coverage)
    print(summary(result))
    state = "Build complete" if not (skipped or partial) else "Build INCOMPLETE (use --strict to fail instead)"
    print(f"{state}: {completeness(result.report)}. Wrote {len(paths)} files to {paths[0].parent} "
          f"in {time.perf_counter() - t0:.1f}s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
