"""`--update-expected` writes the reference boundary set's counts: the build's coverage holds both sets
(17 and 16 시도 under the same indicator, level and year), and a file with both made the next build fail."""
from __future__ import annotations

import pandas as pd

from indicators import checks


def test_write_expected_keeps_the_reference_set_only(tmp_path, monkeypatch):
    monkeypatch.setattr(checks, "EXPECTED", tmp_path / "expected_counts.csv")
    cov = pd.DataFrame({"indicator": ["x_persons"] * 6, "level": ["sido", "sido", "group", "group", "nation", "nation"],
                        "year": [2024] * 6, "regions": [17, 16, 2, 2, 1, 1],
                        "boundary_set": ["2024", "2026-07"] * 3})
    checks.write_expected(cov)
    got = pd.read_csv(checks.EXPECTED)
    assert got.to_dict("records") == [{"indicator": "x_persons", "level": "sido", "year": 2024, "regions": 17},
                                      {"indicator": "x_persons", "level": "nation", "year": 2024, "regions": 1}]
    reference = cov[cov["boundary_set"] == "2024"].drop(columns="boundary_set")
    assert checks.expected_counts(reference) == ([], ["x_persons group 2024"])  # groups are not in the file
