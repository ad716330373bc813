"""The newest official figures (issue 19, items 4–6) on the session's full build, against the raw MOIS
exports parsed here with pandas (never the loaders):

- year end: the 2025 registered population by 시도 is the December 2025 export's, so the capital-share
  series (the overview's headline) reaches 2025; month ends never enter a year-end series;
- month end (`month_end.parquet`, one table per boundary set, the period as 'YYYY-MM'): the 2025-06
  extinction-risk index by 시군구 from the two June files (women 20–39 from the 10-year file, 65+ from the
  single-year file), by 시도 for 2026-06 and, in the 2026-07 set, 전남광주 (12) from the summed parts of
  광주 and 전남; the first post-reform figures (2026-07) of 12 and the four new 인천 구 from the excerpt;
- each kind of code change (rename, merge, split rebuilt from 행정동, split shown as a union), and sums per
  set equal to the national total;
- a file whose codes fit neither set stops the build; two sources of one region-year: the newest vintage
  wins and every differing value is listed (`build.across_sources`).
"""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd
import pytest

from geo import regions
from helpers import build_cli
from helpers.sets2026 import renamed_2026
from indicators import build, manifest, store

DEC = "population/mois_monthly/202512_202512_연령별인구현황_월간_계.csv"
JUNE_SINGLE = "population/mois_monthly/202506_202506_연령별인구현황_월간_계.csv"
JUNE_TEN = "population/mois_monthly/202506_202506_연령별인구현황_월간_남여_10세.csv"
JUNE_2026 = "population/mois_monthly/202606_202606_연령별인구현황_월간_시도.csv"
EXCERPT = "population/excerpts/202607_202607_연령별인구현황_월간_excerpt_new_codes.csv"
INDEX = "reg_extinction_risk_index"


def parsed(path: Path, encoding: str = "cp949") -> pd.DataFrame:
    """An export as printed, indexed by its unit code as the file prints it (2 digits for a 시도 and the
    nation, 5 for a 시군구; 행정동, 일반구 and 출장소 rows dropped: codes not in either set)."""
    df = pd.read_csv(path, encoding=encoding, thousands=",", dtype={"행정구역": str})
    code10 = df["행정구역"].str.extract(r"\((\d{10})\)\s*$")[0]
    code = code10.str[:2].where(code10.str[2:] == "0" * 8, code10.str[:5])
    known = {"00"} | {c for s in regions.SETS for lv in ("sido", "sigungu") for c in regions.codes(lv, s)}
    keep = (code10.str[5:] == "00000") & code.isin(known)
    out = df[keep].set_index(code[keep])
    assert not out.index.duplicated().any()
    return out


def women(df: pd.DataFrame, period: str, ten_year: bool = False) -> pd.Series:
    cols = [f"{period}_여_20~29세", f"{period}_여_30~39세"] if ten_year else \
        [f"{period}_여_{a}세" for a in range(20, 40)]
    return df[cols].sum(axis=1)


def old(df: pd.DataFrame, period: str) -> pd.Series:
    return df[[f"{period}_계_{a}세" for a in range(65, 100)] + [f"{period}_계_100세 이상"]].sum(axis=1)


@pytest.fixture(scope="module")
def month(full_build) -> dict[str, pd.DataFrame]:
    return {s: store.month_end(full_build, boundary_set=s) for s in regions.SETS}


def _at(table: pd.DataFrame, period: str, ind: str) -> pd.Series:
    g = table[(table["period"] == period) & (table["indicator"] == ind)]
    return g.set_index("region_code")["value"]


# ------------------------------------------------------------------ year end

def test_capital_share_2025_is_the_newest_point_of_the_series(full_build, raw_dir):
    dec = parsed(raw_dir / DEC)
    sido = dec.loc[regions.codes("sido"), "2025년12월_계_총인구수"]
    capital = sido[["11", "28", "41"]].sum()
    assert (capital, sido.sum()) == (26_081_644, 51_117_378)  # SOURCES.md
    gaps = store.gaps(full_build).query("indicator == 'reg_population_persons'").set_index("year")
    assert gaps.index.max() == 2025
    assert gaps.loc[2025, "capital_share_pct"] == pytest.approx(100 * capital / sido.sum(), rel=1e-12)
    assert gaps.loc[2025, "capital_share_pct"] == pytest.approx(51.023, abs=5e-4)
    obs = store.observations(full_build)
    pop = obs[(obs["indicator"] == "reg_population_persons") & (obs["year"] == 2025)].set_index("region_code")
    assert pop.loc["00", "value"] == sido.sum() and pop.loc["CR", "value"] == capital


def test_month_ends_never_enter_a_year_end_series(full_build):
    for s in regions.SETS:
        obs = store.observations(full_build, boundary_set=s)
        reg = obs[obs["indicator"].str.startswith("reg_")]
        assert reg["year"].max() == 2025, s  # no 2026 (June and July 2026 are month ends)
        # 2025 is December's: no women 20–39 (the December export is 계 only; June's are not used)
        assert not ((reg["indicator"] == "reg_female_20_39_persons") & (reg["year"] == 2025)).any(), s
        assert not ((reg["indicator"] == INDEX) & (reg["year"] == 2025)).any(), s
    lineage = [e for e in store.build_report(full_build)["lineage"] if e.get("indicator") == "reg_population_persons"]
    assert [e["file"] for e in lineage if 2025 in e["years"]] == [DEC]
    assert not any(e["file"] in (JUNE_SINGLE, JUNE_TEN, JUNE_2026, EXCERPT) for e in lineage)
    table = store.month_end(full_build, boundary_set=None)
    assert set(table["period"]) == {"2025-06", "2026-06", "2026-07"}  # December is a year end, not here


def test_2025_sigungu_units_in_each_set(full_build, raw_dir):
    """2025 totals by 시군구: the file's 229 in the 2024 set; in the 2026-07 set the renamed 12xxx carry
    their 29xxx/46xxx values and the four new 인천 구 are those rebuilt from 행정동 (230 units)."""
    dec = parsed(raw_dir / DEC)
    col = "2025년12월_계_총인구수"
    by_set = {}
    for s in regions.SETS:
        obs = store.observations(full_build, boundary_set=s)
        by_set[s] = obs[(obs["indicator"] == "reg_population_persons") & (obs["year"] == 2025)
                        & (regions.level_of(obs["region_code"]) == "sigungu")].set_index("region_code")["value"]
    assert set(by_set["2024"].index) == set(regions.codes("sigungu", "2024"))
    assert (by_set["2024"] == dec.loc[by_set["2024"].index, col]).all()
    assert set(by_set["2026-07"].index) == set(regions.codes("sigungu", "2026-07"))
    for old, new in renamed_2026().items():
        assert by_set["2026-07"][new] == dec.loc[old, col], new
    assert by_set["2026-07"][["28125", "28155"]].sum() == dec.loc[["28110", "28140"], col].sum()
    assert by_set["2026-07"][["28275", "28290"]].sum() == dec.loc["28260", col]


# ------------------------------------------------------------------ month end

def test_2025_06_sigungu_index_from_the_two_june_files(month, raw_dir):
    single, ten = parsed(raw_dir / JUNE_SINGLE), parsed(raw_dir / JUNE_TEN)
    want = women(ten, "2025년06월", ten_year=True) / old(single, "2025년06월")
    got = _at(month["2024"], "2025-06", INDEX)
    codes = regions.codes("sigungu", "2024")
    assert set(codes) <= set(got.index)
    pd.testing.assert_series_equal(got[codes], want[codes], check_names=False, rtol=1e-12)
    # 65+ is the single-year file's, women 20–39 the 10-year file's (neither derivable from the other)
    assert _at(month["2024"], "2025-06", "reg_age65plus_persons")["11110"] == old(single, "2025년06월")["11110"]
    assert _at(month["2024"], "2025-06", "reg_female_20_39_persons")["11110"] == \
        women(ten, "2025년06월", ten_year=True)["11110"]


def test_2026_06_sido_index_and_jeonnam_gwangju_from_summed_parts(month, raw_dir):
    df = parsed(raw_dir / JUNE_2026)
    f, o = women(df, "2026년06월"), old(df, "2026년06월")
    got = _at(month["2024"], "2026-06", INDEX)
    for code in regions.codes("sido", "2024") + ["00"]:
        assert got[code] == pytest.approx(f[code] / o[code], rel=1e-12), code
    new = _at(month["2026-07"], "2026-06", INDEX)
    assert new["12"] == pytest.approx((f["29"] + f["46"]) / (o["29"] + o["46"]), rel=1e-12)
    assert new["12"] != pytest.approx((f["29"] / o["29"] + f["46"] / o["46"]) / 2, rel=1e-3)  # not a mean of ratios
    assert not {"29", "46"} & set(new.index)


def test_2026_07_index_of_jeonnam_gwangju_and_the_four_new_incheon_gu_is_the_excerpts(month, raw_dir):
    df = parsed(raw_dir / EXCERPT, "utf-8")
    assert set(df.index) == {"12", "28", "28125", "28155", "28275", "28290"}
    want = women(df, "2026년07월") / old(df, "2026년07월")
    got = _at(month["2026-07"], "2026-07", INDEX)
    for code in ("12", "28125", "28155", "28275", "28290"):
        assert got[code] == pytest.approx(want[code], rel=1e-12), code
    assert got["12"] == pytest.approx(0.393656, abs=5e-7)
    # a partial file: no national or group figure, no count of at-risk 시군구
    july = month["2026-07"][month["2026-07"]["period"] == "2026-07"]
    assert set(july["region_code"]) == set(df.index)
    assert "reg_at_risk_sigungu_count" not in set(july["indicator"])


def test_each_kind_of_code_change_in_the_month_end_table(month, raw_dir):
    """rename: 12xxx carry their 29xxx/46xxx value; merge: 12 = 29 + 46; split rebuilt from 행정동: 제물포구
    and 영종구 of June 2025 (their 중구/동구 행정동 are the declared ones) add up to 중구 + 동구; split shown as a
    union: June 2025's 서구 (its 행정동 are not December's) is 28U02 = 서해구+검단구, never apportioned."""
    pop = {s: _at(month[s], "2025-06", "reg_population_persons") for s in regions.SETS}
    for old_code, new in renamed_2026().items():
        assert pop["2026-07"][new] == pop["2024"][old_code], new
    assert pop["2026-07"]["12"] == pop["2024"]["29"] + pop["2024"]["46"]
    assert pop["2026-07"]["28125"] + pop["2026-07"]["28155"] == pop["2024"]["28110"] + pop["2024"]["28140"]
    assert "28U01" not in pop["2026-07"]
    assert pop["2026-07"]["28U02"] == pop["2024"]["28260"] and not {"28275", "28290"} & set(pop["2026-07"].index)
    single = parsed(raw_dir / JUNE_SINGLE)
    assert pop["2024"]["28260"] == single.loc["28260", "2025년06월_계_총인구수"]
    index = _at(month["2026-07"], "2025-06", INDEX)
    assert index["28U02"] == pytest.approx(_at(month["2024"], "2025-06", INDEX)["28260"], rel=1e-12)
    # the at-risk count of a whole month counts the set's own units (a union as one)
    counts = _at(month["2026-07"], "2025-06", "reg_at_risk_sigungu_count")
    units = index[regions.level_of(index.index.to_series()) == "sigungu"]
    assert counts["00"] == (units < 0.5).sum() and len(units) == 229


def test_sums_per_set_equal_the_national_total(month, raw_dir):
    nation_2026_06 = parsed(raw_dir / JUNE_2026).loc["00", "2026년06월_계_총인구수"]
    for s in regions.SETS:
        for period in ("2025-06", "2026-06"):
            pop = _at(month[s], period, "reg_population_persons")
            sido = pop[regions.codes("sido", s)]
            assert sido.sum() == pop["00"], (s, period)
        assert _at(month[s], "2026-06", "reg_population_persons")["00"] == nation_2026_06


def test_the_build_summary_says_what_each_export_added(full_build):
    text = (full_build / "stdout.txt").read_text()
    assert f"{DEC}: 전체: 2025-12 (year end): reg_population_persons 17 시도 + 229 시군구 + 4 rebuilt 인천 구" in text
    assert f"{JUNE_TEN}: 전체: 2025-06 (month end → month_end.parquet): reg_population_persons 17 시도 + 229 " \
           "시군구 + 2 rebuilt 인천 구, reg_female_20_39_persons" in text
    assert "서구 28260 (its 행정동 are not the declared ones" in text
    assert f"{EXCERPT}: 전체: 2026-07 (month end → month_end.parquet)" in text and "a partial file" in text
    assert "Month-end figures (month_end.parquet" in text and "  2026-07: 4 indicators" in text


# ------------------------------------------------------------------ refusals and overlaps

def _rows(path: Path, encoding: str) -> list[list[str]]:
    return list(csv.reader(io.StringIO(path.read_bytes().decode(encoding))))


def _write(path: Path, rows: list[list[str]], encoding: str) -> None:
    buf = io.StringIO()
    csv.writer(buf, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(buf.getvalue().encode(encoding))


def test_a_file_whose_codes_fit_neither_set_stops_the_build(raw_dir, tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    rows = _rows(raw_dir / EXCERPT, "utf-8")
    i = next(n for n, r in enumerate(rows) if "(2815500000)" in r[0])
    rows[i][0] = "인천광역시 영종구 (2815700000)"
    _write(raw / "excerpt.csv", rows, "utf-8")
    res = build_cli("--raw-dir", str(raw), "--out", str(tmp_path / "out"))
    assert res.returncode == 1 and store.current_build(tmp_path / "out") == 0
    err = res.stderr
    assert "build failed, nothing written" in err and "excerpt.csv" in err and f"row {i + 1}" in err, err
    assert "code 28157 is not in geo/regions.csv nor geo/reform_2026.csv" in err, err


def test_a_december_export_of_a_year_the_kosis_files_have_newest_wins_and_conflicts_are_listed(raw_dir, tmp_path):
    """A December 2023 export (the December 2025 one relabelled: not in the manifest, so the newest) beside
    the KOSIS-era files of 2023: its rows are kept over sido_population's and kosis_population_age's, and
    each differing value is listed with both files."""
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copyfile(raw_dir / "MANIFEST.csv", raw / "MANIFEST.csv")
    kosis = ("population/행정구역별_5세별_주민등록인구_2015-2023.csv",
             "population/행정구역(읍면동)별5세별_주민등록인구.csv")
    for rel in ("population/200812_202412_Korean_Annual_Population.csv", *kosis):
        (raw / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(raw_dir / rel, raw / rel)
    rows = _rows(raw_dir / DEC, "cp949")
    rows[0] = [h.replace("2025년12월", "2023년12월") for h in rows[0]]
    new = "downloads/202312_202312_연령별인구현황_월간.csv"
    (raw / new).parent.mkdir(parents=True)
    _write(raw / new, rows, "cp949")
    frames, log = build.run_sources(raw)
    by = {e["module"]: e for e in log}
    conflicts = [c for e in log for c in e.get("_conflicts", []) if c["table"].startswith("across sources")]
    dec = parsed(raw_dir / DEC)
    seoul = [c for c in conflicts if (c["indicator"], c["region_code"]) == ("reg_population_persons", "11")]
    assert len(seoul) == 1
    c = seoul[0]
    assert (c["year"], c["kept_file"], c["kept_status"], c["kept_value"]) == (
        2023, new, manifest.UNLISTED, dec.loc["11", "2025년12월_계_총인구수"])
    assert (c["dropped_file"], c["dropped_status"]) == ("population/200812_202412_Korean_Annual_Population.csv",
                                                        manifest.OK)
    assert c["dropped_value"] != c["kept_value"] and c["module"] == "mois_registered"
    old_age = {(c["region_code"], c["dropped_file"]) for c in conflicts if c["indicator"] == "reg_age65plus_persons"}
    assert ("11110", "population/행정구역별_5세별_주민등록인구_2015-2023.csv") in old_age
    assert by["mois_registered"]["conflicts"] == len(conflicts) and by["mois_registered"]["overlaps"] >= len(conflicts)
    # one row per region-year-indicator across sources, the export's where both gave one
    base = pd.concat(frames, ignore_index=True)
    assert not base.duplicated(["region_code", "year", "indicator"]).any()
    kept = base[(base["indicator"] == "reg_population_persons") & (base["year"] == 2023)].set_index("region_code")
    assert kept.loc["11", "value"] == dec.loc["11", "2025년12월_계_총인구수"]
    lineage = [e for e in by["mois_registered"]["_lineage"] if e["indicator"] == "reg_population_persons"]
    assert lineage == [{"indicator": "reg_population_persons", "file": new, "vintage": "",
                        "manifest_status": manifest.UNLISTED, "years": [2023]}]
    sido_lineage = [e for e in by["sido_population"]["_lineage"] if e["indicator"] == "reg_population_persons"]
    assert all(2023 not in e["years"] for e in sido_lineage)
