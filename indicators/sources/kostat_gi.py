"""권역 indicators of 경인지방통계청 「수도권 광역지표」 (ids 1-x … 4-x), values as shown on the office's site.

Files `kostat_gi/data/indicator_<id>.csv`: UTF-8 with BOM, long (`Year`, `지역`, `Value`), one row per region
and year: `0.전국` and the seven 권역 `1.수도권` … `7.제주권` (codes from `geo.groups.MACRO_REGIONS`). Units
differ by indicator (%, 백만원, 만원, 명, …; see SPEC). 2-2-2 is not read (fails a plausibility check, see
SOURCE.note); ids 5-x … 11-x (inside the capital region) are out of scope.
"""
from __future__ import annotations

import csv
import io
from pathlib import Path

import pandas as pd

from geo.groups import MACRO_REGIONS
from indicators.errors import InputsMissing, SourceFileError
from indicators.schema import KEY, Indicator, Source
from indicators.sources._io import (
    check_unique,
    combine_files,
    find_files,
    refuse_negative,
    require_columns,
    tidy_sourced,
    to_number,
)

FILE_PATTERN = "indicator_*.csv"
YEAR, REGION, VALUE = "Year", "지역", "Value"
HEADER = (YEAR, REGION, VALUE)
NATION = "전국"
NO_NATION_ROW = frozenset({"4-1-1"})  # net migration of the whole country is 0 by construction
# Changes and net rates may be below zero; every other indicator here (levels, shares, counts,
# scores) cannot, so a negative value in its file raises.
SIGNED = frozenset({"gi_startups_growth_pct", "gi_grdp_real_growth_pct", "gi_net_migration_rate_pct"})
YEAR_RANGE = (1900, 2100)
BASIS = "권역별, 경인지방통계청 산출"
BASIS_2015 = "권역별, 실질 2015년 기준년 (2015 base)"

SOURCE = Source(
    id="kostat_gi",
    producer="경인지방통계청 (KOSTAT Gyeongin regional office)",
    title="수도권 광역지표 (권역 지표 1-x … 4-x)",
    table_id="수도권 광역지표 indicator_<id> (1-1-1 … 4-2-4, without 2-2-2)",
    url="",
    license="공공누리 제1유형 (KOGL Type 1) — 출처: 경인지방통계청 「수도권 광역지표」",
    vintage="snapshot 2024-03-14",
    files=("kostat_gi/data/indicator_*.csv",),
    note="A processed indicator table by a statistics office (its open indicator site's data repository), "
    "not a portal's raw download: values as shown on the site, recomputed by the office from the KOSIS or "
    "ministry table named in each indicator's note. 전국 and the seven 권역 only. 2-2-2 (GRDP 중 연구개발비 "
    "지출 비중) is left out: it fails a plausibility check (수도권 below 전국 in every year, the reverse of "
    "every R&D survey), so it is not shown as R&D expenditure. Ids 5-x … 11-x are not read.",
)


def _ind(id_: str, ko: str, en: str, unit: str, unit_ko: str, category: str, polarity: int, note: str,
         basis: str = BASIS) -> Indicator:
    return Indicator(id=id_, name_ko=ko, name_en=en, unit=unit, unit_ko=unit_ko, source=SOURCE.id, category=category,
                     polarity=polarity, additive=False, levels=("macro",), basis=basis, note=note)


_GRDP_2015 = ("Chained volume at 2015 prices (2015 base): a separate series from the project's 2020-base GRDP "
              "(grdp_real_krw_mn), never joined or compared level to level.")

# declared mapping: the office's indicator id -> our indicator
SPEC: dict[str, Indicator] = {
    "1-1-1": _ind("gi_population_index", "인구성장지수", "Population index (2001 = 100)", "index (2001=100)",
                  "2001년=100", "demography", 0, "Population ÷ population of 2001 × 100. 통계청 「장래인구추계」 "
                  "(KOSIS DT_1BPB001); runs to 2023 (documented to 2022), the latest years possibly projected."),
    "1-1-2": _ind("gi_tertiary_educated_pct", "고등교육이수자 비율", "Share with tertiary education", "%", "%",
                  "economy", 1, "Economically active persons with a university degree or higher ÷ all economically "
                  "active persons × 100. 「경제활동인구조사」 (KOSIS DT_1DA7016S). Runs to 2023."),
    "1-2-1": _ind("gi_road_km_per_land_coef", "국토계수당 도로연장", "Road length per land coefficient",
                  "km/√(km²·thousand persons)", "km/√(면적×인구)", "geography", 1, "Road km ÷ √(area km² × "
                  "population in thousands). 국토교통부 「도로현황」 (KOSIS DT_MLTM_966), 주민등록인구 (DT_1B04005N)."),
    "1-2-2": _ind("gi_internet_use_pct", "인터넷 이용률", "Internet use rate", "%", "%", "welfare", 1,
                  "Persons aged 3+ who used the internet in the last month ÷ respondents × 100. 과학기술정보통신부 "
                  "「인터넷이용실태조사」 (KOSIS DT_MH001_MI002). Survey estimate: 강원, 제주 vary a lot by year."),
    "1-2-3": _ind("gi_rooms_per_person", "가구원당 평균 방수", "Rooms per household member", "rooms per person",
                  "개", "housing", 1, "Rooms of general households ÷ their members. 「인구총조사」 (KOSIS DT_1PE2005): "
                  "2010, 2015, 2020 only."),
    "2-1-1": _ind("gi_public_integrity_score", "공공기관 청렴도", "Public-sector integrity score", "points (of 10)",
                  "점", "reference", 1, "Mean 종합청렴도 score of the 광역 and 기초 governments in the 권역 "
                  "(external + internal integrity − corruption cases), 국민권익위원회 (acrc.go.kr, not KOSIS). Since "
                  "2018 only grades exist, scored with each grade's 2010–2017 mean. 2019 = 2020 in every 권역."),
    "2-1-2": _ind("gi_startups_growth_pct", "창업기업 증감률", "Change in new firms", "%", "%", "economy", 1,
                  "(New firms this year − last year) ÷ last year × 100. 중소벤처기업부 「창업기업동향」 (KOSIS "
                  "DT_142N_F204). A growth rate: volatile (전국 +15.5% in 2020, −4.5% in 2021)."),
    "2-2-1": _ind("gi_patent_applications_per_1m", "인구 백만 명당 특허 출원 건수", "Patent applications per million "
                  "residents", "per million persons", "건/인구 백만 명", "economy", 1, "Domestic applications (first "
                  "applicant's address) ÷ mid-year registered population × 10⁶. 특허청 (KOSIS DT_1YL202109E)."),
    "2-2-3": _ind("gi_knowledge_services_workers_pct", "지식집약 서비스 활동 근로자 비율", "Workers in knowledge-"
                  "intensive services", "%", "%", "economy", 1, "Workers in 정보통신, 금융, 전문·과학·기술, 교육, "
                  "보건·사회복지, 예술 and similar services ÷ all workers × 100. 「전국사업체조사」 "
                  "(KOSIS DT_1K52C01)."),
    "3-1-1": _ind("gi_grdp_real_2015base_krw_mn", "지역내 실질 총생산 (2015년 기준)", "Real GRDP (2015 base)",
                  "million KRW", "백만원", "economy", 1, "Value added in the 권역, the office's sum of 시도 figures "
                  "of 「지역소득」 (KOSIS DT_1C81). " + _GRDP_2015 + " 권역 do not sum exactly to 전국.", BASIS_2015),
    "3-1-2": _ind("gi_grdp_real_growth_pct", "GRDP 증가율 (실질, 2015년 기준)", "Real GRDP growth (2015 base)", "%",
                  "%", "economy", 1, "(Real GRDP this year − last year) ÷ last year × 100: the yearly change of "
                  "gi_grdp_real_2015base_krw_mn. 「지역소득」 (KOSIS DT_1C81). " + _GRDP_2015, BASIS_2015),
    "3-1-3": _ind("gi_labor_productivity_2015base_krw_mn", "노동생산성 (2015년 기준)", "Labour productivity (2015 "
                  "base)", "million KRW per employed person", "백만원/취업자", "economy", 1, "Real GRDP ÷ employed "
                  "persons (KOSIS DT_1C81, DT_1DA7004S); output where produced, workers where they live. "
                  + _GRDP_2015, BASIS_2015),
    "3-2-1": _ind("gi_employment_rate_pct", "고용률", "Employment rate", "%", "%", "economy", 1, "Employed persons "
                  "÷ population aged 15+ × 100. 「경제활동인구조사」 (KOSIS DT_1DA7004S); 전국 equals KOSIS (59.0 in "
                  "2001, 58.9 in 2010, 62.1 in 2022)."),
    "3-2-2": _ind("gi_household_current_income_krw_10k", "가구당 연평균 경상소득", "Average current income per "
                  "household", "10 thousand KRW", "만원", "income", 1, "Regular (경상) yearly household income, "
                  "current prices: 「가계금융복지조사」 시도 figures (KOSIS DT_1HDBA01) weighted by 「장래가구추계」 "
                  "households (DT_1BZ0505). The 2015→2016 jump matches the survey's move to admin-data income: "
                  "a series break."),
    "4-1-1": _ind("gi_net_migration_rate_pct", "인구 순유입률", "Net in-migration rate", "%", "%", "migration", 1,
                  "(In-migrants − out-migrants) ÷ mid-year registered population × 100. 「국내인구이동통계」 (KOSIS "
                  "DT_1B26001_A02), 「인구동향조사」. No 전국 row: the country's domestic net migration is zero."),
    "4-1-2": _ind("gi_foreign_students_persons", "유학생 수", "Foreign students (D-2 visa)", "persons", "명",
                  "migration", 1, "Foreign residents with study (D-2) status, 법무부 (KOSIS DT_1B040A11). A count, but "
                  "the 권역 sum to 5–7% more than 전국 in 2012–2021 (equal in 2022): not treated as additive."),
    "4-2-1": _ind("gi_residential_env_satisfaction_pct", "주거환경 만족도", "Satisfaction with neighbourhood", "%",
                  "%", "housing", 1, "Respondents (very or fairly) satisfied with their home's surroundings ÷ all × "
                  "100. 국토교통부 「주거실태조사」 (not KOSIS). 2012 (전국 56.8) is far below all other years."),
    "4-2-2": _ind("gi_pm25_ugm3", "초미세먼지 대기오염도", "PM2.5 concentration", "μg/m³", "μg/㎥", "health", -1,
                  "Mean of the 12 monthly PM2.5 (particles ≤ 2.5 μm) concentrations at urban stations; stations "
                  "with under 75% valid data left out. 환경부 「대기환경연보」 (KOSIS DT_106N_03_0200176)."),
    "4-2-3": _ind("gi_doctors_per_1000", "인구 천 명당 의사 수", "Doctors per 1,000 residents", "per 1,000 persons",
                  "명/천 명", "health", 1, "Physicians working in medical institutions (where they work) ÷ registered "
                  "population × 1,000. 국민건강보험공단 「지역별의료이용통계」 (KOSIS DT_1YL20981), 주민등록인구."),
    "4-2-4": _ind("gi_life_satisfaction_pct", "삶의 만족도", "Life satisfaction", "%", "%", "welfare", 1, "Aged 13+ "
                  "(very or somewhat) satisfied with life ÷ all × 100, from 「사회조사」 microdata. Big swings between "
                  "years in every 권역 (전국 29.7 in 2017, 40.8 in 2018): compare 권역 within a year."),
}
INDICATORS: tuple[Indicator, ...] = tuple(SPEC.values())


def region_labels() -> dict[str, str]:
    """The office's labels → codes: '0.전국' → '00', then '1.수도권' → 'CR' … in MACRO_REGIONS order."""
    out = {f"0.{NATION}": "00"}
    out.update({f"{i}.{g.name_ko}": g.code for i, g in enumerate(MACRO_REGIONS, start=1)})
    return out


def _col(header: list[str] | tuple[str, ...], i: int) -> str:
    """Name of the i-th (0-based) column, or 'column N' where it has no header."""
    return header[i] if i < len(header) and header[i] else f"column {i + 1}"


def _text(path: Path) -> str:
    """The file as text (UTF-8, BOM optional); empty or undecodable → SourceFileError with row and column."""
    data = Path(path).read_bytes().removeprefix(b"\xef\xbb\xbf")  # positions below count from after the BOM
    if not data.strip():
        raise SourceFileError(path, "file is empty (expected header Year,지역,Value)", row=1, column=YEAR)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as err:
        cell = data.count(b",", data.rfind(b"\n", 0, err.start) + 1, err.start)
        raise SourceFileError(path, f"not UTF-8 text ({err.reason}); expected UTF-8 with BOM",
                              row=data.count(b"\n", 0, err.start) + 1, column=_col(HEADER, cell)) from None


def read(path: Path) -> pd.DataFrame:
    """Year, 지역, Value as strings with the file row (`_row`); unnamed extra columns must be empty."""
    reader = csv.reader(io.StringIO(_text(path), newline=""))
    header = [h.strip().lstrip("\ufeff") for h in next(reader)]
    rows, lines = [], []
    for cells in (c for c in reader if any(x.strip() for x in c)):
        if len(cells) != len(header):
            raise SourceFileError(path, f"{len(cells)} cells, header has {len(header)} (truncated or malformed row)",
                                  row=reader.line_num, column=_col(header, min(len(cells), len(header))))
        extra = [i for i, name in enumerate(header) if not name and cells[i].strip()]
        if extra:
            raise SourceFileError(path, f"value {cells[extra[0]]!r} in a column without header",
                                  row=reader.line_num, column=_col(header, extra[0]))
        rows.append(cells)
        lines.append(reader.line_num)
    if not rows:
        raise SourceFileError(path, "no data rows (file empty or truncated)", row=2, column=YEAR)
    twice = [n for i, n in enumerate(header) if n and n in header[:i]]
    if twice:
        raise SourceFileError(path, "column named twice in the header", row=1, column=twice[0])
    df = pd.DataFrame([[r[i] for i, n in enumerate(header) if n] for r in rows], columns=[n for n in header if n])
    require_columns(path, df, list(HEADER))
    return df.assign(_row=lines)


def _codes(path: Path, df: pd.DataFrame) -> list[str]:
    """Region code of each row; an unknown label raises with its row."""
    labels = region_labels()
    out = []
    for label, row in zip(df[REGION].str.strip(), df["_row"]):
        if label not in labels:
            raise SourceFileError(path, f"unknown region {label!r}; expected one of {list(labels)}",
                                  row=int(row), column=REGION)
        out.append(labels[label])
    return out


def _numbers(path: Path, df: pd.DataFrame, column: str) -> pd.Series:
    """`to_number` of a column, errors naming the true file row (blank lines may sit in between)."""
    try:
        return to_number(path, df[column], column, first_row=0)
    except SourceFileError as err:
        raise SourceFileError(path, err.cause, row=int(df["_row"].iloc[err.row]), column=column) from None


def _years(path: Path, df: pd.DataFrame) -> pd.Series:
    """Year as int; a blank, fractional or non-numeric year raises with its row."""
    years = _numbers(path, df, YEAR)
    bad = years.isna() | (years % 1 != 0) | ~years.between(*YEAR_RANGE)
    if bad.any():
        r = df[bad.to_numpy()].iloc[0]
        raise SourceFileError(path, f"year {r[YEAR]!r} is not a whole year in {YEAR_RANGE[0]}–{YEAR_RANGE[1]}",
                              row=int(r["_row"]), column=YEAR)
    return years.astype("int64")


def _check_complete(path: Path, df: pd.DataFrame, nation: bool) -> None:
    """Every year must have all seven 권역 (and 전국 unless `nation` is False): a gap means truncation."""
    need = {label: code for label, code in region_labels().items() if nation or code != "00"}
    for year, codes in df.groupby("year")["region_code"]:
        missing = [label for label, code in need.items() if code not in set(codes)]
        if missing:
            raise SourceFileError(path, f"year {year} has no row for {missing} (truncated or "
                                  "incomplete file; the row named is the last data row)",
                                  row=int(df["_row"].max()), column=REGION)


def clean(path: Path, df: pd.DataFrame, indicator: str, nation: bool = True) -> pd.DataFrame:
    """Tidy rows (region_code, year, indicator, value); empty Value cells give NaN, never 0."""
    out = pd.DataFrame({"_row": df["_row"].to_numpy(), "region_code": _codes(path, df), "year": _years(path, df)})
    out["value"] = _numbers(path, df, VALUE).to_numpy()
    if indicator not in SIGNED:
        refuse_negative(path, out["value"], out["_row"], VALUE, f"{indicator} (a level, share or count)")
    if not nation and (out["region_code"] == "00").any():
        r = out[out["region_code"] == "00"].iloc[0]
        raise SourceFileError(path, f"a {NATION} row in a file without one ({indicator})", row=int(r["_row"]),
                              column=REGION)
    keys = pd.DataFrame({REGION: df[REGION].str.strip(), YEAR: out["year"], "_row": df["_row"]})
    check_unique(path, keys, [REGION, YEAR], row_col="_row")  # names the file's columns, not ours
    _check_complete(path, out, nation)
    return out.assign(indicator=indicator).drop(columns="_row")


def paths(raw_dir: Path) -> dict[str, list[Path]]:
    """Declared id → its file(s). None present: InputsMissing; some missing: SourceFileError.

    Several copies of one file (another folder) are all returned: `load` combines them."""
    wanted = {f"indicator_{sid}.csv": sid for sid in SPEC}
    found: dict[str, list[Path]] = {}
    for p in find_files(raw_dir, FILE_PATTERN):
        if p.name in wanted:
            found.setdefault(p.name, []).append(p)
    if not found:
        raise InputsMissing(f"none of the declared 수도권 광역지표 files ({FILE_PATTERN}) under {raw_dir}")
    missing = [n for n in wanted if n not in found]
    if missing:
        folder = next(iter(found.values()))[0].parent
        raise SourceFileError(folder / missing[0], f"declared file missing while {len(found)} of {len(wanted)} "
                              f"are present (missing: {', '.join(missing)}); a partial source is not built")
    return {wanted[name]: ps for name, ps in found.items()}


def load(raw_dir: Path) -> pd.DataFrame:
    """Tidy 권역 indicators (units per INDICATORS) for '00' and CR, CC, HN, DG, DN, GW, JJ.

    Copies of one indicator file are combined by the newest-vintage rule (`_io.combine_files`);
    `source_file` names the file of each row."""
    parts = [combine_files([(p, clean(p, read(p), SPEC[sid].id, nation=sid not in NO_NATION_ROW)) for p in ps],
                           KEY, raw_dir=raw_dir, table=f"indicator_{sid}.csv")
             for sid, ps in paths(raw_dir).items()]
    return tidy_sourced(pd.concat(parts, ignore_index=True))
