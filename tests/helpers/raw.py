"""Values read straight from the shipped raw files (csv / pandas here, never the project's loaders),
and edited copies of the raw folder, shared by the pipeline and app tiers."""
from __future__ import annotations

import csv
import io
import shutil
from pathlib import Path

import pandas as pd

from geo import regions

# --- MOIS 연령별 인구현황: the overlapping-vintage copy (tests/pipeline/test_vintages.py) ------
MOIS_REL = "population/202212_202412_연령별인구현황_연간.csv"
COPY_REL = "population/202312_202412_연령별인구현황_연간.csv"  # matches the MOIS pattern, not in the manifest
MOIS_YEAR = 2024
MOIS_REGION = "서울특별시 종로구 (1111000000)"
MOIS_COLUMN = f"{MOIS_YEAR}년_거주자_총인구수"
MOIS_COPY_DELTA = 1  # the run's shared changed copy (fixture `mois_copy_build`): its test cell + this


def mois_rows(path: Path) -> list[list[str]]:
    """The cells of a MOIS age CSV (cp949)."""
    return list(csv.reader(io.StringIO(path.read_bytes().decode("cp949"))))


def mois_cell(rows: list[list[str]]) -> tuple[int, int, int]:
    """(row index, column index, persons) of the test cell: 종로구's 2024 거주자 total."""
    col = rows[0].index(MOIS_COLUMN)
    i = next(n for n, r in enumerate(rows) if r[0] == MOIS_REGION)
    return i, col, int(rows[i][col].replace(",", ""))


def write_mois_rows(path: Path, rows: list[list[str]]) -> None:
    """Write cells back the way MOIS ships them (quoted, CRLF, cp949)."""
    out = io.StringIO()
    csv.writer(out, quoting=csv.QUOTE_ALL, lineterminator="\r\n").writerows(rows)
    path.write_bytes(out.getvalue().encode("cp949"))


def revise_mois(rows: list[list[str]], i: int, delta: int) -> None:
    """Row i's MOIS_YEAR total revised by `delta` as a newer download would be, consistently (the
    loader holds ages to their total and 남 + 여 to 계): `delta` more men aged 0–4 — 총인구수,
    연령구간인구수 and 0~4세 of 계 and of 남 — so only the total of the indicators read changes."""
    for head in (f"{MOIS_YEAR}년_거주자", f"{MOIS_YEAR}년_남_거주자"):
        for item in ("총인구수", "연령구간인구수", "0~4세"):
            col = rows[0].index(f"{head}_{item}")
            rows[i][col] = f"{int(rows[i][col].replace(',', '')) + delta:,}"


def raw_copy_with_mois_copy(raw_dir: Path, tmp_path: Path, delta: int, *, mois_only: bool = False) -> tuple[Path, int]:
    """raw_dir copied to tmp_path/raw, plus the MOIS file under COPY_REL with the test cell's total
    revised by `delta` (`revise_mois`); returns the folder and the original value of the cell.
    `mois_only`: of raw_dir only the manifest and the MOIS file (a build of the one source they feed,
    `mois_population_age`; the other sources are skipped)."""
    raw = tmp_path / "raw"
    if mois_only:
        (raw / MOIS_REL).parent.mkdir(parents=True)
        for rel in ("MANIFEST.csv", MOIS_REL):
            shutil.copyfile(raw_dir / rel, raw / rel)
    else:
        shutil.copytree(raw_dir, raw)
    rows = mois_rows(raw / MOIS_REL)
    i, col, value = mois_cell(rows)
    revise_mois(rows, i, delta)
    write_mois_rows(raw / COPY_REL, rows)
    return raw, value


# --- 시도별 지역내총생산 and the 권역 (tests/pipeline/test_macro_and_territory.py) ------------------
GRDP_FILE = "grdp/시도별 지역내총생산.csv"
# 권역 membership written out here by 시도 name as in the raw file (short names)
MACRO = {"CR": ("서울특별시", "인천광역시", "경기도"),
         "CC": ("대전광역시", "세종특별자치시", "충청북도", "충청남도"),
         "HN": ("광주광역시", "전북특별자치도", "전라남도"), "DG": ("대구광역시", "경상북도"),
         "DN": ("부산광역시", "울산광역시", "경상남도"), "GW": ("강원특별자치도",), "JJ": ("제주특별자치도",)}


def raw_grdp_nominal(raw_dir: Path) -> dict[tuple[str, int], float]:
    """(시도 name, year) → 명목 GRDP (million KRW) as printed in the raw file; empty cells absent."""
    with (raw_dir / GRDP_FILE).open(encoding="utf-8-sig", newline="") as f:
        rows = list(csv.reader(f))
    header = rows[0]
    out = {}
    for r in rows[1:]:
        if len(r) > 2 and r[1] == "지역내총생산(시장가격)" and r[2] == "명목":
            for col, cell in zip(header[4:], r[4:], strict=False):
                if cell.strip() and col.strip().endswith("년"):
                    out[(r[0].strip(), int(col.split()[0]))] = float(cell)
    return out


# --- 2024 거주자 extinction-risk index (tests/sources/test_population_decline.py, app risk page) --

def extinction_index_2024(age_file: Path) -> pd.Series:
    """Extinction-risk index (women 20–39 / persons 65+) per registry 시군구, 2024 거주자 basis,
    parsed here from the raw MOIS age file."""
    df = pd.read_csv(age_file, encoding="cp949", thousands=",", dtype={"행정구역": str})
    code10 = df["행정구역"].str.extract(r"\((\d{10})\)\s*$")[0]
    code = code10.str[:5].replace({c: "51" + c[2:] for c in code10.str[:5] if c.startswith("42")})
    code = code.replace({c: "52" + c[2:] for c in code if c.startswith("45")})
    women = df[[f"2024년_여_거주자_{a}~{a + 4}세" for a in (20, 25, 30, 35)]].sum(axis=1, min_count=4)
    old = [f"2024년_거주자_{a}~{a + 4}세" for a in range(65, 100, 5)] + ["2024년_거주자_100세 이상"]
    elderly = df[old].sum(axis=1, min_count=len(old))
    keep = (code10.str[5:] == "00000") & code.isin(regions.codes("sigungu")) & (elderly > 0)
    assert not code[keep].duplicated().any()  # one row per 시군구 (일반구 and old-code rows left out)
    assert set(code[keep]) == set(regions.codes("sigungu"))
    return pd.Series((women / elderly)[keep].to_numpy(), index=code[keep].to_numpy())


# --- MOIS month ends (tests/app/test_app_month_end.py, tests/browser/test_month_end.py) -------------
JUNE_2025_TOTALS = "population/mois_monthly/202506_202506_연령별인구현황_월간_계.csv"  # 계, 1-year bands (cp949)
JUNE_2025_SEXES = "population/mois_monthly/202506_202506_연령별인구현황_월간_남여_10세.csv"  # 남/여, 10-year bands
JULY_2026_EXCERPT = "population/excerpts/202607_202607_연령별인구현황_월간_excerpt_new_codes.csv"  # UTF-8, 1-year


def mois_table(path: Path, encoding: str) -> pd.DataFrame:
    """A MOIS 연령별 인구현황 CSV, numbers as numbers, indexed by the row's 10-digit code."""
    df = pd.read_csv(path, encoding=encoding, thousands=",", dtype={"행정구역": str})
    df.index = df.pop("행정구역").str.extract(r"\((\d{10})\)\s*$")[0].to_numpy()
    return df


def _ages_65plus(df: pd.DataFrame, head: str) -> pd.Series:
    cols = [f"{head}_{a}세" for a in range(65, 100)] + [f"{head}_100세 이상"]
    return df[cols].sum(axis=1, min_count=len(cols))


def month_end_june_2025(raw_dir: Path, codes: list[str]) -> pd.DataFrame:
    """June 2025 by registry code (`codes`: 2- or 5-digit codes as the file prints them, row code + zeros):
    women_20_39 (여 20~29 + 30~39 of the 10-year file), age65plus (계 65세 … 100세 이상 of the 1-year file),
    population (계 총인구수) and index = women_20_39 ÷ age65plus."""
    totals = mois_table(raw_dir / JUNE_2025_TOTALS, "cp949")
    sexes = mois_table(raw_dir / JUNE_2025_SEXES, "cp949")
    rows = [c + "0" * (10 - len(c)) for c in codes]
    assert set(rows) <= set(totals.index) and set(rows) <= set(sexes.index), sorted(set(rows) - set(totals.index))
    women = sexes.loc[rows, ["2025년06월_여_20~29세", "2025년06월_여_30~39세"]].sum(axis=1)
    old = _ages_65plus(totals.loc[rows], "2025년06월_계")
    out = pd.DataFrame({"women_20_39": women.to_numpy(), "age65plus": old.to_numpy(),
                        "population": totals.loc[rows, "2025년06월_계_총인구수"].to_numpy()}, index=codes)
    return out.assign(index=out["women_20_39"] / out["age65plus"])


def month_end_july_2026(raw_dir: Path) -> pd.DataFrame:
    """The July 2026 excerpt by code ('12', '28', '28125' …: the row code without its trailing zeros):
    women_20_39 (여 20세 … 39세), age65plus (계 65세 … 100세 이상), population (계 총인구수), index."""
    df = mois_table(raw_dir / JULY_2026_EXCERPT, "utf-8-sig")
    women = df[[f"2026년07월_여_{a}세" for a in range(20, 40)]].sum(axis=1)
    out = pd.DataFrame({"women_20_39": women, "age65plus": _ages_65plus(df, "2026년07월_계"),
                        "population": df["2026년07월_계_총인구수"]})
    out.index = [c[:2] if c[2:] == "0" * 8 else c[:5] for c in out.index]
    return out.assign(index=out["women_20_39"] / out["age65plus"])
