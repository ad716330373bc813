"""자료·방법: the raw files against the manifest, the file and vintage behind each indicator-year, and
overlapping files with a differing value — on a real build and on a build with a changed copy of a
MOIS file dropped in (AppTest on a separate data folder)."""
from __future__ import annotations

import csv
import os
from pathlib import Path

from streamlit.testing.v1 import AppTest

from helpers import RAW
from helpers.apptest import new_app, open_folded, tables
from helpers.raw import COPY_REL, MOIS_COPY_DELTA, MOIS_REL

MANIFEST = RAW / "MANIFEST.csv"


def _manifest() -> list[dict[str, str]]:
    with MANIFEST.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh))


def _page(data_dir: Path | None = None) -> AppTest:
    """The 자료·방법 page, run on `data_dir` (default: the build the tier reads)."""
    old = os.environ.get("BALANCE_DATA_DIR")
    if data_dir is not None:
        os.environ["BALANCE_DATA_DIR"] = str(data_dir)
    try:
        at = new_app({"page": "data"}, timeout=120)
        at.run()
        open_folded(at)  # the file list and the lineage are folded (drawn once opened)
    finally:
        if data_dir is not None:
            if old is None:
                os.environ.pop("BALANCE_DATA_DIR", None)
            else:
                os.environ["BALANCE_DATA_DIR"] = old
    assert not at.exception, [e.message for e in at.exception]
    return at


def _table(at: AppTest, first_column: str):
    return next(t.value for t in tables(at) if list(t.value.columns)[:1] == [first_column])


def test_real_build_every_file_matches_and_lineage_names_the_file():
    at = _page()
    rows = _manifest()
    assert [s.value for s in at.success] == [
        f"원자료 {len(rows)}개 파일 중 {len(rows)}개가 목록(data/raw/MANIFEST.csv)의 sha256과 일치합니다."]
    files = _table(at, "file")
    assert sorted(files["file"]) == sorted(r["path"] for r in rows)
    lineage = _table(at, "indicator_name")  # the indicator's name, then its id
    mois = next(r for r in rows if r["path"] == MOIS_REL)
    res = lineage[lineage["indicator"] == "res_population_persons"]
    assert list(res["file"]) == [MOIS_REL]
    assert list(res["vintage"]) == [mois["vintage"]]
    assert res["years"].item() == "2022–2024"  # the file covers 202212–202412 (its name)
    pop = lineage[lineage["indicator"] == "reg_population_persons"]
    assert len(pop) >= 2  # KOSIS series then MOIS: two files, each with its own years
    assert "겹치는 파일 사이에 값이 다른 곳은 없습니다." in [c.value for c in at.caption]


def test_a_changed_copy_is_named_and_its_conflict_listed(mois_copy_build):
    """The run's command-line build with a newer copy of the MOIS file, one cell changed (by
    MOIS_COPY_DELTA), dropped in (`mois_copy_build`, shared with tests/pipeline/test_vintages.py)."""
    out, value = mois_copy_build
    at = _page(out)
    warnings = [w.value for w in at.warning]
    assert any(f"원자료 {len(_manifest()) + 1}개 파일 중 {len(_manifest())}개" in w for w in warnings), warnings
    files = _table(at, "file")
    row = files[files["file"] == COPY_REL]
    assert row["status"].item() == "목록에 없음 (새 파일)"
    assert any("값이 다른 곳 1건" in w for w in warnings), warnings
    conflicts = _table(at, "indicator")  # the conflicts table comes before the lineage table
    assert {"kept_file", "dropped_file"} <= set(conflicts.columns)
    clash = conflicts[conflicts["indicator"] == "res_population_persons"]
    assert clash["kept_file"].item() == COPY_REL and clash["dropped_file"].item() == MOIS_REL
    assert clash["kept_value"].item() == value + MOIS_COPY_DELTA and clash["dropped_value"].item() == value
