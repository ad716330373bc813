"""Time per test tier, gathered from the test reports of one pytest run (every xdist worker's reports
reach the controlling process): tests and outcomes, busy seconds (setup + call + teardown, summed over
the processes) and span (first test started to last test ended, wall clock; the tiers overlap when
they run in parallel). tests/conftest.py feeds it, prints it and writes it as JSON ($BALANCE_TIER_TIMES);
`.ci/run` prints that file at its end: `python -m helpers.tiers FILE` (the table, then a closing line
'tests: N passed, N failed')."""
from __future__ import annotations

import json
import sys
from dataclasses import asdict, dataclass, field
from pathlib import Path

from helpers import FEATURES, TIERS

OUTCOMES = ("passed", "failed", "error", "skipped")


@dataclass
class Tier:
    tests: int = 0
    busy: float = 0.0
    start: float = 0.0
    stop: float = 0.0
    outcomes: dict[str, int] = field(default_factory=lambda: dict.fromkeys(OUTCOMES, 0))


def tier_of_nodeid(nodeid: str) -> str | None:
    """'tests/app/test_x.py::test_y' → 'app' (None outside the tiers)."""
    parts = nodeid.split("::", 1)[0].split("/")
    return parts[1] if len(parts) > 2 and parts[0] == "tests" and parts[1] in TIERS else None


def tier_of_report(report) -> str | None:
    """A report's tier: its folder's, or in a feature folder (tests/decks/) its file's tier marker."""
    tier = tier_of_nodeid(report.nodeid)
    parts = report.nodeid.split("::", 1)[0].split("/")
    if tier is None and len(parts) > 2 and parts[0] == "tests" and parts[1] in FEATURES:
        tier = next((t for t in TIERS if t in report.keywords), None)
    return tier


class TierTimes:
    def __init__(self) -> None:
        self.tiers: dict[str, Tier] = {}

    def add(self, report) -> None:
        """One test report (setup, call or teardown of one test)."""
        name = tier_of_report(report)
        if name is None:
            return
        tier = self.tiers.setdefault(name, Tier())
        tier.busy += report.duration
        start, stop = getattr(report, "start", 0.0), getattr(report, "stop", 0.0)
        if start:
            tier.start = min(tier.start, start) if tier.start else start
            tier.stop = max(tier.stop, stop)
        if report.when == "setup":
            tier.tests += 1
        outcome = None
        if report.failed:
            outcome = "failed" if report.when == "call" else "error"
        elif report.skipped and report.when in ("setup", "call"):
            outcome = "skipped"
        elif report.passed and report.when == "call":
            outcome = "passed"
        if outcome:
            tier.outcomes[outcome] += 1

    def lines(self) -> list[str]:
        """The table: one line per tier, in tier order, then the whole run."""
        out = [f"{'tier':<9}{'tests':>6}{'busy s':>9}{'span s':>9}  outcomes"]
        for name in [t for t in TIERS if t in self.tiers]:
            t = self.tiers[name]
            said = ", ".join(f"{n} {k}" for k, n in t.outcomes.items() if n)
            out.append(f"{name:<9}{t.tests:>6}{t.busy:>9.1f}{t.stop - t.start:>9.1f}  {said}")
        if self.tiers:
            ts = self.tiers.values()
            span = max(t.stop for t in ts) - min(t.start for t in ts if t.start)
            out.append(f"{'all':<9}{sum(t.tests for t in ts):>6}{sum(t.busy for t in ts):>9.1f}{span:>9.1f}")
        return out

    def write(self, path: Path) -> None:
        path.write_text(json.dumps({k: asdict(v) for k, v in self.tiers.items()}, indent=1))

    @classmethod
    def read(cls, path: Path) -> TierTimes:
        times = cls()
        times.tiers = {k: Tier(**v) for k, v in json.loads(path.read_text()).items()}
        return times

    def closing_line(self) -> str:
        """'tests: N passed, N failed' (', N skipped'), errors counted as failed."""
        n = {k: sum(t.outcomes[k] for t in self.tiers.values()) for k in OUTCOMES}
        line = f"tests: {n['passed']} passed, {n['failed'] + n['error']} failed"
        return line + (f", {n['skipped']} skipped" if n["skipped"] else "")


if __name__ == "__main__":
    source = Path(sys.argv[1])
    if not source.exists() or not source.read_text().strip():
        sys.exit("no tier times: pytest stopped before its summary")
    times = TierTimes.read(source)
    print("\n".join([*times.lines(), times.closing_line()]))
