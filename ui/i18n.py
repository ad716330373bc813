"""UI labels in Korean (default) and English: `t(key, **fields)` in the current language."""
from __future__ import annotations

LANGS = ("ko", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # app chrome
    "app_title": ("균형 — 수도권·비수도권 격차", "Balance — capital region vs the rest"),
    "language": ("언어", "Language"),
    "presenter": ("발표 모드", "Presenter mode"),
    "presenter_help": ("큰 글자, 높은 대비, 최소 화면 구성", "Larger text, high contrast, minimal chrome"),
    "boundary_set": ("경계 기준", "Boundaries"),
    "boundary_set_help": ("2026년 7월 개편 뒤의 현행 경계(16개 시도, 230개 시군구: 전남광주통합특별시, 인천 제물포구·영종구·"
                          "서해구·검단구) 또는 2024년 말 경계(17개 시도, 229개 시군구: 2026년 6월 이전 모든 공표 자료의 경계). "
                          "과거 자료는 정확히 옮길 수 있는 만큼만 현행 경계로 나타냅니다(광주+전남의 합, 같은 구역의 새 코드). "
                          "인천의 새 구를 나눌 행정동 자료가 없는 해는 제물포구+영종구, 서해구+검단구를 합계 하나로 보여 줍니다.",
                          "Today's boundaries since the July 2026 reform (16 provinces, 230 districts: Jeonnam-Gwangju, and "
                          "Incheon's Jemulpo-gu, Yeongjong-gu, Seohae-gu and Geomdan-gu) or the end-2024 boundaries (17 "
                          "provinces, 229 districts: those of every publication before July 2026). History is shown on "
                          "today's boundaries only where that is exact (Gwangju + Jeonnam summed, new codes for the same "
                          "areas); in years without the neighbourhood (haengjeong-dong) figures that divide Incheon's new "
                          "districts, Jemulpo-gu + Yeongjong-gu and Seohae-gu + Geomdan-gu are shown as one area each."),
    "union_value": ("{name} 합계", "total of {name}"),
    "union_note": ("{names}: 나눌 행정동 자료가 없는 해라 합계 하나로 표시", "{names}: one total (no neighbourhood figures "
                   "divide them this year)"),
    "set_2026-07": ("현행 (2026.7)", "Current (Jul 2026)"),
    "set_2024": ("2024년 말", "End 2024"),
    "set_note_2026-07": ("2026년 7월 경계", "July 2026 boundaries"),
    "set_note_2024": ("2024년 말 경계", "End-2024 boundaries"),
    "presenter_exit": ("발표 모드 끄기", "Leave presenter mode"),
    "presenter_exit_help": ("왼쪽 위 » 단추로 다른 화면을 열 수 있습니다", "Open other pages with » at the top left"),
    "page_overview": ("개요", "Overview"),
    "page_map": ("지도", "Map"),
    "page_trends": ("추이", "Trends"),
    "page_risk": ("지방소멸", "Extinction risk"),
    "page_region": ("지역", "Region"),
    "page_brief": ("브리핑", "Brief"),
    "page_data": ("자료·방법", "Data & methods"),
    "bad_param_ignored": ("주소의 `{name}={value}` 값을 알 수 없어 무시합니다.",
                          "Unknown value `{name}={value}` in the address: ignored."),
    "bad_param": ("주소의 `{name}={value}` 값을 알 수 없어 기본값({default})으로 표시합니다.",
                  "Unknown value `{name}={value}` in the address: showing the default ({default})."),
    "not_built": ("자료가 아직 만들어지지 않았습니다. 먼저 다음 명령을 실행하세요:",
                  "The data has not been built yet. Run this first:"),
    "build_hint": ("공식 원자료는 프로젝트의 data/raw/ 폴더에 함께 배포됩니다. 빠진 파일은 위에 적힌 기관·표 ID의 "
                   "누리집에서 내려받아 data/raw/ 안의 같은 경로에 넣고 위 명령으로 다시 만드세요.",
                   "The official raw files ship with the project in data/raw/. Download a missing file from the "
                   "producer and table id named above, put it at the same path under data/raw/, and rebuild "
                   "with the command above."),
    "not_found_title": ("페이지를 찾을 수 없습니다", "Page not found"),
    "not_found_text": ("이 주소에 해당하는 화면이 없습니다. 아래에서 화면을 고르세요.",
                       "No page of this dashboard has this address. Choose a page below."),
    "unknown_meta": ("카탈로그에 없는 지표(설명 없음): {ids}", "Indicators without catalogue entries: {ids}"),
    # common widgets
    "indicator": ("지표", "Indicator"),
    "level": ("지역 단위", "Level"),
    "year": ("연도", "Year"),
    "region": ("지역", "Region"),
    "basis": ("인구 기준", "Population basis"),
    "sido": ("시도", "Province (시도)"),
    "sigungu": ("시군구", "District (시군구)"),
    "nation": ("전국", "Nation"),
    "CR": ("수도권", "Capital region"),
    "NC": ("비수도권", "Non-capital"),
    "no_data": ("자료 없음", "No data"),
    "source": ("출처", "Source"),
    "unit": ("단위", "Unit"),
    "quoted": ("인용", "quoted"),
    "quoted_legend": ("정책 문서 인용 수치", "Figures quoted in policy documents"),
    "download_csv": ("CSV 내려받기", "Download CSV"),
    "rank": ("순위", "Rank"),
    "rank_of": ("{n}곳 중 {r}위 (높은 값 순)", "{r} of {n} (highest first)"),
    "value": ("값", "Value"),
    "capital_outline": ("수도권 경계", "Capital-region boundary"),
    "zoom_nation": ("전국", "Nation"),
    "zoom_capital": ("수도권 확대", "Zoom: capital"),
    "scale": ("색 표현", "Colour scale"),
    "scale_value": ("값", "Values"),
    "scale_relative": ("전국=100 대비", "Relative to nation = 100"),
    "relative_unit": ("전국=100", "nation = 100"),
    "click_hint": ("지도에서 지역을 누르면 그 지역의 상세 화면이 열립니다.",
                   "Click a region on the map to open its profile."),
    "year_suffix": ("{y}년", "{y}"),
    "change_vs": ("{y}년 대비", "vs {y}"),
    "no_indicators": ("만들어진 자료에 표시할 지표가 없습니다.", "The built data holds no indicator to show."),
    "needs_raw": ("공식 원자료가 있어야 만들어지는 지표 {what}개 — 필요한 파일과 빌드 명령",
                  "{what} indicators need the official raw files — files and build command"),
    "search": ("검색", "Search"),
    "capital_flag": ("수도권 여부", "Capital region"),
    "yes": ("예", "yes"),
    "no": ("아니오", "no"),
    "sido_of": ("시도", "Province"),
    # overview
    "overview_title": ("수도권·비수도권 격차 한눈에", "The capital-region gap at a glance"),
    "overview_intro": ("수도권(서울·인천·경기)과 그 밖의 지역(비수도권)을 같은 잣대로 비교합니다. 모든 수치에 연도·단위·출처를 붙였습니다.",
                       "The capital region (Seoul, Incheon, Gyeonggi) against the rest, on one yardstick. "
                       "Every figure carries its year, unit and source."),
    "card_pop": ("수도권 인구 비중", "Capital-region share of population"),
    "card_grdp": ("수도권 GRDP 비중", "Capital-region share of GRDP"),
    "card_exports": ("수도권 수출 비중", "Capital-region share of exports"),
    "card_fiscal": ("재정자립도 격차 (수도권−비수도권)", "Fiscal self-reliance gap (capital − rest)"),
    "card_risk": ("소멸위험 시군구 수", "Districts at extinction risk"),
    # shown under the 2020 published share (a reference point): what the yearly series cannot give, never a
    # "cannot be computed" beside a number that is shown
    "exports_cannot": ("연도별 수도권 비중은 내지 않습니다: K-stat 수출 파일에 {total}개 시도 중 {n}개만 있습니다 (경기 등 누락). "
                       "없는 값을 추정하지 않습니다.",
                       "No yearly capital-region share: the K-stat exports file holds only {n} of {total} provinces "
                       "(Gyeonggi and others missing). Missing values are not estimated."),
    "exports_absent": ("수출 시계열이 빌드에 없습니다. 한국무역협회 파일에는 17개 시도 중 10개만 있어 연도별 수도권 비중은 내지 않습니다.",
                       "No exports series in this build. The KITA file holds only 10 of 17 provinces, so there is "
                       "no yearly capital-region share."),
    "fiscal_on_2024": ("2024년 말 경계 17개 시도 기준 (전남광주의 비율은 광주·전남의 비율로 낼 수 없음)",
                       "on the end-2024 boundaries' 17 provinces (Jeonnam-Gwangju's ratio cannot be formed from "
                       "Gwangju's and Jeonnam's)"),
    "fiscal_simple_mean": ("시도 본청 재정자립도의 단순평균 차이 (수도권 3개 vs 비수도권 14개 시도, 가중치 없음)",
                           "Difference of simple means of provincial-government ratios: 3 capital-region vs "
                           "14 other provinces, unweighted"),
    "units_measured": ("최근 연도 {n}/{full}개 지역 ({boundaries})", "latest year {n} of {full} units ({boundaries})"),
    "risk_units": ("{areas}개 시군구 가운데 제물포구+영종구, 서해구+검단구는 합계 하나로 셈",
                   "of the {areas} districts, Jemulpo-gu + Yeongjong-gu and Seohae-gu + Geomdan-gu count once each"),
    "risk_of": ("{n}개 시군구 중 · 수도권 {cr} · 비수도권 {nc}", "of {n} districts · capital {cr} · rest {nc}"),
    "share_chart_title": ("지표별 수도권 비중 ({y}년 또는 최근 연도)", "Capital-region share by indicator (latest year)"),
    "share_click_hint": ("막대를 누르면 그 지표의 수도권 비중 추이가 열립니다 (한 해뿐인 지표는 지도).",
                         "Click a bar to open that indicator's capital-share trend (its map where it has one year)."),
    "share_chart_note": ("합산 가능한 지표만 (비율 지표의 비중은 의미가 없음). 점선: 50%",
                         "Additive indicators only (a share of a ratio means nothing). Dotted line: 50%"),
    "missing_card": ("자료 없음 — 원자료가 필요합니다", "No data — needs the raw files"),
    "pp": ("%p", " pp"),
    # map
    "map_title": ("지도", "Map"),
    "table_title": ("지역별 값", "Values by region"),
    # trends
    "trends_title": ("추이: 수도권 대 비수도권", "Trends: capital region vs the rest"),
    "measure": ("표시", "Show"),
    "measure_level": ("수준", "Level"),
    "measure_share": ("비중(%)", "Share (%)"),
    "measure_ratio": ("배율", "Ratio"),
    "measure_diff": ("차이", "Gap"),
    "measure_ratio_long": ("배율 (수도권 ÷ 비수도권)", "Ratio (capital ÷ rest)"),
    "measure_diff_long": ("차이 (수도권 − 비수도권)", "Difference (capital − rest)"),
    "compare": ("비교할 지역 추가", "Add regions to compare"),
    "events_toggle": ("정책 사건 표시", "Show policy events"),
    "no_groups": ("이 지표는 수도권·비수도권 합계를 낼 수 없습니다 (구성 지역 일부의 값이 없음). 있는 지역만 보여 줍니다.",
                  "Capital/non-capital totals cannot be formed for this indicator (some member regions lack "
                  "values); showing the regions that exist."),
    "events_table": ("정책 사건 (정책 문서 인용)", "Policy events (quoted from policy documents)"),
    "figures_note": ("◇ 표시는 정책 문서에 인용된 수치입니다. 기준·정의가 달라 이 자료와 다를 수 있습니다.",
                     "◇ marks figures quoted in policy documents; bases and definitions may differ from these data."),
    "migration_title": ("수도권 순유입 인구 (시도 간 이동)", "Net migration into the capital region (between provinces)"),
    # risk
    "risk_title": ("지방소멸위험", "Local extinction risk"),
    "risk_intro": ("지방소멸위험지수 = 20–39세 여성 인구 ÷ 65세 이상 인구 (한국고용정보원 기준). 0.5 미만이면 소멸위험지역입니다.",
                   "Extinction-risk index = women aged 20–39 ÷ people aged 65+ (KEIS). Below 0.5 = at risk."),
    "risk_map": ("소멸위험 등급 지도", "Risk-class map"),
    "risk_counts": ("등급별 시군구 수", "Districts per risk class"),
    "risk_list": ("소멸위험 시군구 목록 (지수 < 0.5)", "Districts at risk (index < 0.5)"),
    "risk_missing": ("지방소멸위험지수에는 성·연령별 인구가 필요합니다. 공식 원자료(population/)로 빌드하면 나타납니다.",
                     "The extinction-risk index needs population by sex and age: build with the official raw "
                     "files (population/) to see it."),
    "risk_projection": ("전망(인용)", "projection (quoted)"),
    "risk_class": ("등급", "Class"),
    "risk_index": ("지수", "Index"),
    # region
    "region_title": ("지역 상세", "Region profile"),
    "region_table": ("이 지역의 모든 지표", "Every indicator of this region"),
    "map_compare": ("비교", "Compare"),
    "map_compare_none": ("없음", "None"),
    "map_compare_change": ("두 해의 변화", "Change between two years"),
    "map_compare_years": ("두 해 나란히", "Two years side by side"),
    "map_compare_indicators": ("두 지표 나란히", "Two indicators side by side"),
    "year_from": ("시작 연도", "From"),
    "year_to": ("끝 연도", "To"),
    "indicator_2": ("두 번째 지표", "Second indicator"),
    "change_as": ("변화 단위", "Change as"),
    "change_in_unit": ("차이 ({unit})", "Difference ({unit})"),
    "change_in_pct": ("변화율 (%)", "Change (%)"),
    "map_change_title": ("{name}: {y0}년 → {y1}년 변화", "{name}: change {y0} → {y1}"),
    "map_change_legend": ("{y1} − {y0} ({unit})", "{y1} − {y0} ({unit})"),
    "map_change_note": ("두 해 모두 값이 있는 지역만 색칠합니다 (빗금: 한 해라도 없음). 0을 가운데로, 파랑은 나아진 쪽 "
                        "(좋고 나쁨이 없는 지표는 늘어난 쪽)입니다.",
                        "Only areas with a value in both years are coloured (hatched: missing in either); centred "
                        "on 0, blue on the better side (for an indicator with no better side: the increase)."),
    "map_pair_shared": ("두 지도는 같은 색 눈금을 씁니다.", "Both maps share one colour scale."),
    "map_pair_own": ("단위가 달라 지도마다 색 눈금이 다릅니다.", "The units differ: each map has its own colour scale."),
    "compare_with": ("함께 비교할 지역 (최대 3곳)", "Compare with (up to 3 regions)"),
    "compare_title": ("지역 비교: {names}", "Regions compared: {names}"),
    "compare_note": ("지표마다 모든 지역에 값이 있는 가장 최근 연도의 값과 순위(같은 단위 지역 중 높은 값 순, 예: 3/230)입니다.",
                     "Per indicator: each region's value and rank (among the units of its level, highest first, "
                     "e.g. 3/230) in the latest year all of them have."),
    "compare_apart": ("모든 지역에 같은 연도의 값이 없어 뺀 지표 {n}개: {names}",
                      "{n} indicators left out (no year with a value for every region): {names}"),
    "common_year": ("공통 연도", "Common year"),
    "region_rel_title": ("전국=100 대비 ({name}, 지표별 최근 연도)",
                         "Relative to nation = 100 ({name}, latest year per indicator)"),
    "trend": ("추이", "Trend"),
    "latest_year": ("연도", "Year"),
    "no_region_data": ("이 지역의 자료가 없습니다.", "No data for this region."),
    # data
    "data_title": ("자료와 방법", "Data and methods"),
    "catalog_table": ("지표 목록", "Indicator catalogue"),
    "build_report": ("빌드 보고서", "Build report"),
    "coverage": ("자료 범위 (지표 × 연도, 값이 있는 지역 수)", "Coverage (indicator × year, regions with a value)"),
    "tidy_download": ("전체 자료 (tidy) CSV", "Full tidy table (CSV)"),
    "seed_facts": ("정책 문서 인용 수치·사건", "Figures and events quoted in policy documents"),
    "built": ("빌드됨", "built"),
    "skipped": ("건너뜀", "skipped"),
    "partial": ("일부 파일 없이 빌드됨", "built without some files"),
    # 자료·방법: raw files and lineage
    "build_rows": ("관측값 {rows}행", "{rows} observation rows"),
    "raw_files": ("원자료 파일", "Raw files"),
    "raw_files_summary": ("원자료 {n}개 파일 중 {ok}개가 목록(data/raw/MANIFEST.csv)의 sha256과 일치합니다.",
                          "{ok} of {n} raw files match the sha256 in data/raw/MANIFEST.csv."),
    "raw_files_list": ("파일 {n}개: 경로, 상태, 기준 시점", "{n} files: path, status, vintage"),
    "overlap_rule": ("같은 표의 두 파일이 같은 지역·연도를 담으면 기준 시점이 최신인 파일의 값을 씁니다 "
                     "(목록에 없거나 바뀐 파일은 최신으로 봅니다). 값이 다르면 아래에 모두 적습니다. "
                     "주민등록·거주자·총조사처럼 기준이 다른 자료는 한 시계열로 잇지 않습니다.",
                     "Where two files of one table cover the same region-year, the newest vintage wins (a file "
                     "not in the manifest, or changed since, counts as newest); every differing value is listed "
                     "below. Files on different bases (registered, residents, census) are never spliced."),
    "no_conflicts": ("겹치는 파일 사이에 값이 다른 곳은 없습니다.", "No differing values between overlapping files."),
    "conflicts": ("겹치는 파일 사이에 값이 다른 곳 {n}건: 최신 파일의 값을 썼습니다.",
                  "{n} values differ between overlapping files: the newest file's value is used."),
    "lineage_title": ("지표별 출처 파일과 연도", "Which file each indicator-year comes from"),
    "lineage_intro": ("파일마다 그 파일에서 읽은 연도와 파일의 기준 시점입니다. 계산 지표는 입력 지표의 파일을 보입니다(via).",
                      "Each file with the years read from it and its vintage; a derived indicator shows the files "
                      "of its inputs (via)."),
    "exports_reference_intro": ("한국무역협회 집계 2020년 17개 시도 수출(억 달러, 부산일보 2021년 1월 보도)과 "
                                "이 프로젝트의 K-stat 시계열(10개 시도)의 2020년 값. 공표치는 참고 수치로만 씁니다.",
                                "KITA's 2020 exports of the 17 provinces (100 million USD, as reported by the Busan Ilbo, "
                                "January 2021) beside this project's K-stat series (10 provinces) for 2020. The published "
                                "figures are reference points only."),
    # published reference points
    "reference_point": ("{y}년 공표치 (참고)", "{y} published figure (reference)"),
    "exports_reference": ("수도권 비중: 17개 시도 수출 공표치({producer} 집계, {reported} {published} 보도)로 계산한 "
                          "2020년 한 해의 참고 수치이며 시계열이 아닙니다.",
                          "Capital-region share from the published exports of all 17 provinces ({producer}, as reported "
                          "by {reported}, {published}): a 2020 reference point, not a series."),
    "exports_reference_title": ("수출 2020년 공표치 (17개 시도, 참고)", "Exports 2020, published figures (17 provinces, reference)"),
    # 인구감소지역 (지방소멸 page)
    "desig_outline": ("인구감소지역 경계 표시", "Outline population-decline areas"),
    "desig_outline_label": ("인구감소지역 ({n}곳)", "Population-decline areas ({n})"),
    "desig_interest_label": ("인구감소관심지역 ({n}곳)", "Population-decline interest areas ({n})"),
    "desig_filter": ("지정 여부", "Designation"),
    "desig_all": ("전체", "All"),
    "desig_decline": ("인구감소지역", "Decline area"),
    "desig_interest": ("관심지역", "Interest area"),
    "desig_none": ("미지정", "Not designated"),
    "desig_column": ("지정", "Designation"),
    "desig_cross_title": ("소멸위험 등급 × 인구감소지역 지정", "Risk class × population-decline designation"),
    "desig_cross_intro": ("{year}년 {basis} 기준 소멸위험지수 등급(행)과 행정안전부 지정(열)의 시군구 수. "
                          "지정은 인구증감률·고령화 등 8개 지표의 종합으로 정해져(2021년 고시) 이 지수와 기준이 다릅니다.",
                          "Number of districts by extinction-risk class in {year} ({basis}; rows) and MOIS designation "
                          "(columns). The designation rests on a composite of 8 indicators (2021 notice), "
                          "not on this index."),
    "desig_at_risk_not": ("소멸위험(지수 < 0.5)이나 지정되지 않은 시군구: {n}곳",
                          "At risk (index < 0.5) but not designated: {n}"),
    "desig_not_at_risk": ("인구감소지역이나 소멸위험이 아닌 시군구(지수 ≥ 0.5): {n}곳",
                          "Designated decline area but not at risk (index ≥ 0.5): {n}"),
    "desig_no_data": ("지수 자료가 없는 시군구: {n}곳", "Districts without an index value: {n}"),
    "desig_missing": ("인구감소지역 지정 자료가 빌드에 없습니다 (data/raw/policy/ 의 행정안전부 고시 파일).",
                      "The designation table is not in the build (the MOIS notice files in data/raw/policy/)."),
    "desig_source": ("출처: 행정안전부 고시 {notices}", "Source: Ministry of the Interior and Safety, notices {notices}"),
    "desig_notices": ("행정안전부 고시 {notices}", "Ministry of the Interior and Safety, notices {notices}"),
}

# ---------------------------------------------------------------- links that reopen the same view (issue 9: links)
_LABELS.update({
    "share_copy": ("링크 복사", "Copy link"),
    "share_copied": ("복사됨", "Copied"),
    "share_failed": ("복사하지 못했습니다: 주소창의 주소를 복사하세요", "Could not copy: copy the address bar instead"),
    "share_help": ("지금 보이는 화면(지표·연도·설정)을 그대로 여는 주소를 클립보드에 복사합니다",
                   "Copies the address that reopens this view (indicator, year, settings) to the clipboard"),
})


def t(key: str, lang: str = "ko", **fields) -> str:
    """The label `key` in `lang` (Korean when unknown), formatted with `fields`."""
    ko, en = _LABELS.get(key, (key, key))
    text = en if lang == "en" else ko
    return text.format(**fields) if fields else text


# ---------------------------------------------------------------- 격차 분석 · 종합 격차지수 · 이변량 지도
_LABELS.update({
    "page_disparity": ("격차 분석", "Disparity analytics"),
    "page_composite": ("종합 격차지수", "Composite index"),
    "page_bivariate": ("이변량 지도", "Bivariate map"),
    # disparity
    "disp_title": ("격차 분석: 지역 간 불평등 지표", "Disparity analytics: inequality across regions"),
    "disp_intro": ("변이계수·Williamson·지니·타일 T/L로 지역 간 격차의 추이를 봅니다. 타일 지수는 수도권과 비수도권 사이의 격차"
                   "(집단 간)와 각 권역 안의 격차(집단 내)로 나뉩니다.",
                   "CV, Williamson, Gini and Theil T/L across regions over time. Theil splits into the gap between "
                   "the capital region and the rest (between groups) and the gaps inside each (within)."),
    "weighting": ("가중치", "Weighting"),
    "weighting_population": ("인구", "population"),
    "weighting_equal": ("지역 동일", "equal"),
    "weighting_area": ("면적", "land area"),
    "weighting_population_long": ("인구 가중", "population weights"),
    "weighting_equal_long": ("지역 동일 가중", "equal weights per region"),
    "weighting_area_long": ("면적 가중", "land-area weights"),
    "reading_density": ("인구밀도 (명/km²), {weights}", "Population density (persons per km²), {weights}"),
    "reading_per_capita": ("1인당 값 ({unit} ÷ 인구), {weights}", "Per capita ({unit} ÷ population), {weights}"),
    "reading_as_published": ("지표 값 그대로, {weights}", "Values as published, {weights}"),
    "weighting_help": ("인구: 주민 한 사람을 한 단위로(1인당 값의 격차). 동일: 지역 하나를 한 단위로. 면적: 국토 1km²를 한 단위로. "
                       "인구 수 지표는 늘 인구밀도·면적 가중으로 읽습니다.",
                       "Population: each resident counts once (per-capita gaps). Equal: each region counts once. "
                       "Area: each km² counts once. Population counts are always read as density, area-weighted."),
    "measures_pick": ("표시할 지표", "Measures shown"),
    "decomp_kind": ("분해할 타일 지수", "Theil index to decompose"),
    "common_only": ("모든 연도에 있는 지역만", "Only regions present in every year"),
    "common_only_help": ("켜면 모든 연도에 값과 가중치가 있는 지역만으로 계산해 연도 간 지역 구성이 같아집니다.",
                         "Restricts every year to the regions that have a value and a weight in all years, so "
                         "the set of regions is the same each year."),
    "reading": ("읽는 방식", "Reading"),
    "reading_population": ("인구: {pop}", "population: {pop}"),
    "weighting_ignored": ("인구 수 지표: 가중치 선택 없이 인구밀도(명/km²)를 면적 가중으로 계산합니다.",
                          "Population count: computed as density (persons/km²) weighted by land area, whatever "
                          "the weighting choice."),
    "disp_empty": ("이 지표·단위에는 두 지역 이상의 값(과 가중치)이 있는 연도가 없습니다.",
                   "No year has values (and weights) for two or more regions at this level."),
    "disp_chart_title": ("지역 간 불평등: {name}", "Inequality across regions: {name}"),
    "decomp_title": ("{measure} 분해: 수도권–비수도권 간 + 권역 내 ({name})",
                     "{measure} decomposed: capital vs rest + within ({name})"),
    "decomp_caption": ("막대 위 %: 전체 타일 지수 중 수도권과 비수도권 사이 격차(집단 간)의 비중. 집단 간 + 집단 내 = 전체.",
                       "% above the bars: share of the total Theil index due to the gap between the capital region "
                       "and the rest (between groups). Between + within = total."),
    "disp_table": ("연도별 불평등 지표", "Inequality measures by year"),
    "n_regions": ("사용된 지역 수", "Regions used"),
    "n_full": ("전체 지역 수", "Full set"),
    "regions_absent": ("빠진 지역", "Regions absent"),
    "between": ("집단 간 (수도권 vs 비수도권)", "Between (capital vs rest)"),
    "within": ("집단 내 (권역 안)", "Within groups"),
    "between_share": ("집단 간 비중", "Between-group share"),
    "disp_table_note": ("지역 수가 전체보다 적은 연도는 그 지역들이 빠진 채 계산되었습니다 (채워 넣지 않음). 연도 간 비교 시 유의하세요.",
                        "Years with fewer regions than the full set are computed without them (nothing filled in); "
                        "mind this when comparing years."),
    "definitions": ("지표 정의", "Definitions"),
    "measure_col": ("지표", "Measure"),
    "definition": ("정의", "Definition"),
    "decomp_formula": ("타일 분해 (집단 g = 수도권, 비수도권; S_g 몫 합, Q_g 가중치 비중 합):  \n"
                       "T = Σ_g S_g·T_g (집단 내) + Σ_g S_g·ln(S_g/Q_g) (집단 간);  \n"
                       "L = Σ_g Q_g·L_g (집단 내) + Σ_g Q_g·ln(Q_g/S_g) (집단 간).  \n"
                       "0 이하 값이 있으면 타일 지수는 정의되지 않아 빈칸으로 둡니다.",
                       "Theil decomposition (groups g = capital, rest; S_g summed shares, Q_g summed weight "
                       "shares):  \nT = Σ_g S_g·T_g (within) + Σ_g S_g·ln(S_g/Q_g) (between);  \n"
                       "L = Σ_g Q_g·L_g (within) + Σ_g Q_g·ln(Q_g/S_g) (between).  \n"
                       "With a zero or negative value Theil is undefined and left empty."),
    "partial_run": ("{spans}: {full}개 중 {n}개 지역만 (빠짐: {absent}).", "{spans}: {n} of {full} regions "
                    "(absent: {absent})."),
    "partial_label": ("음영: 지역 수 < {full}", "shaded: fewer than {full} regions"),
    "share_first_last": ("집단 간 비중 {y0}년 {s0:.1f}% → {y1}년 {s1:.1f}%.",
                         "Between-group share {y0}: {s0:.1f}% → {y1}: {s1:.1f}%."),
    "theil_nonpositive": ("0 이하 값이 있는 연도는 타일 지수를 계산하지 않았습니다.",
                          "Years with a zero or negative value have no Theil index."),
    "computed_note": ("균형 계산", "computed by Balance"),
    # composite
    "comp_title": ("종합 격차지수", "Composite disparity index"),
    "comp_intro": ("영국 복합박탈지수(IMD) 방식: 영역별 지표를 표준화해 평균 내고, 영역 점수를 가중 합산합니다. "
                   "점수가 높을수록 더 불리한 지역입니다 (순위 1 = 가장 불리, 10분위 1 = 가장 불리한 10%).",
                   "In the manner of the English Index of Multiple Deprivation: standardised indicators averaged "
                   "per domain, domains weighted and summed. Higher = more disadvantaged (rank 1 = most, decile "
                   "1 = most disadvantaged 10%)."),
    "method": ("표준화 방법", "Standardisation"),
    "method_z": ("z-점수", "z-score"),
    "method_rank_exp": ("순위 + 지수변환 (IMD)", "rank + exponential (IMD)"),
    "map_view": ("지도 표시", "Map shows"),
    "view_score": ("점수", "score"),
    "view_decile": ("10분위", "decile"),
    "weights": ("영역 가중치", "Domain weights"),
    "default": ("기본", "default"),
    "weights_default": ("기본값 {defaults} (합이 100이 아니어도 비율로 환산). 근거: 정책 문서가 가장 먼저 꼽는 두 문제인 "
                        "지방소멸(인구)과 일자리·산업(경제)에 30%씩, 재정 여건과 보건·복지에 20%씩.",
                        "Defaults {defaults} (normalised to shares). Why: demography (local extinction) and economy "
                        "(jobs and industry) are the two problems the policy documents put first, 30% each; "
                        "fiscal capacity and health & welfare 20% each."),
    "vintages_title": ("입력 자료와 사용한 연도 ({year}년 지수)", "Inputs and the year used (index for {year})"),
    "vintage_note": ("각 입력은 선택한 연도의 값, 없으면 그 이전 가장 최근 연도의 값을 씁니다 (⚠ = 이전 연도). 이후 연도·다른 지역 값은 쓰지 않습니다.",
                     "Each input is the value of the chosen year or else its latest earlier vintage (⚠ = earlier "
                     "year); never a later year or another region's value."),
    "comp_years_note": ("점수를 낼 수 있는 해: {years} (모든 영역의 입력이 한 번 이상 측정된 해부터).",
                        "Years a score can be computed for: {years} (from the first year every domain has an "
                        "input measured in)."),
    "input_not_built": ("자료 없음 (원자료 필요)", "not built (needs raw files)"),
    "input_no_vintage": ("{year}년 이전 자료 없음", "no value up to {year}"),
    "domains_dropped": ("이 빌드에는 다음 영역의 입력 자료가 전혀 없어 가중치 0으로 제외했습니다: {names}. 나머지 영역만으로 계산합니다 "
                        "(아래 원자료 안내 참조).",
                        "This build has no input for these domains, so they are left out (weight 0): {names}. The "
                        "index uses the remaining domains (see the raw-files notice below)."),
    "weights_zero": ("모든 영역 가중치가 0입니다. 하나 이상 올려 주세요.", "Every domain weight is 0: raise at least one."),
    "domain_no_vintage": ("{year}년까지 자료가 없는 영역이 있어 종합 점수를 낼 수 없습니다: {names}. 이후 연도를 고르거나 이 영역의 가중치를 0으로 하세요.",
                          "No input up to {year} for: {names}, so no area can be scored. Choose a later year or "
                          "set that domain's weight to 0."),
    "comp_table": ("지역별 점수·순위·10분위", "Score, rank and decile by area"),
    "score": ("점수", "Score"),
    "decile": ("10분위", "Decile"),
    "decile_label": ("{d}분위" , "decile {d}"),
    "scored_of": ("{total}곳 중 {n}곳 산출", "{n} of {total} scored"),
    "comp_map_title": ("종합 격차지수", "Composite disparity index"),
    "weights_custom": ("사용자 가중치", "custom weights"),
    "weights_used": ("가중치 {parts}", "weights {parts}"),
    "comp_direction": ("점수가 높을수록(색이 짙을수록) 더 불리. 1분위 = 가장 불리한 10%. 빗금: 입력 자료가 빠져 산출하지 않은 지역.",
                       "Higher score (darker) = more disadvantaged; decile 1 = most disadvantaged 10%. Hatched: not "
                       "scored because an input is missing."),
    "score_unit": ("점수 (높을수록 불리)", "score (higher = worse)"),
    "no_composite": ("산출 안 됨 (입력 누락)", "not scored (input missing)"),
    "missing_title": ("입력 자료가 빠진 지역 ({n}곳)", "Areas with missing inputs ({n})"),
    "missing_none": ("모든 지역에 입력 자료가 있습니다.", "Every area has all inputs."),
    "missing_note": ("이 지역들은 빠진 입력이 있어 해당 영역 점수와 종합 점수를 내지 않았습니다 (값을 채워 넣지 않음).",
                     "These areas lack an input, so they get no domain score there and no composite (nothing "
                     "is filled in)."),
    "missing_col": ("빠진 입력", "Missing inputs"),
    "sens_title": ("가중치 민감도: 영역 가중치 ±20%일 때 10분위가 바뀌는 지역 수",
                   "Weight sensitivity: areas changing decile when a domain weight moves ±20%"),
    "sens_note": ("한 영역의 가중치만 현재 값에서 20% 올리거나 내리고(다른 영역은 그대로, 합은 다시 환산) 10분위가 달라지는 지역을 셉니다.",
                  "One domain weight at a time is raised or lowered by 20% of its current value (the others "
                  "unchanged, shares renormalised); areas whose decile changes are counted."),
    "areas_changing": ("10분위가 바뀌는 지역 수", "areas changing decile"),
    "no_composite_info": ("산출된 종합 점수가 없습니다.", "No composite score was computed."),
    "navis_title": ("NAVIS 지역발전지수와 비교 (시도)", "Comparison with the NAVIS regional development index (provinces)"),
    "navis_intro": ("산업연구원 지역발전지수(NAVIS)는 높을수록 더 발전한 지역이고, 이 종합 격차지수는 높을수록 더 불리한 지역입니다. "
                    "그래서 NAVIS의 부호를 뒤집어 스피어만 순위상관 ρ(종합지수, −NAVIS)를 계산합니다: ρ가 1에 가까울수록 두 지수의 순위가 일치합니다. "
                    "현재 방법·가중치로 NAVIS 연도(1995–2019)마다 종합지수를 다시 계산합니다.",
                    "NAVIS (KIET regional development index): higher = more developed; this composite: higher = "
                    "more disadvantaged. So NAVIS's sign is flipped: Spearman ρ(composite, −NAVIS), near 1 = the "
                    "two rank the provinces alike. The composite is recomputed for each NAVIS year (1995–2019) with the "
                    "current method and weights."),
    "navis_missing": ("NAVIS 지역발전지수 자료가 이 빌드에 없습니다.", "The NAVIS index is not in this build."),
    "navis_none": ("NAVIS 연도에 종합지수를 낼 수 있는 해가 없습니다 (입력 자료가 그 이전에 없음). 해당 영역의 가중치를 0으로 하면 계산될 수 있습니다.",
                   "No NAVIS year has the inputs for the composite; setting the weight of a domain without early "
                   "data to 0 may allow it."),
    "navis_rho_title": ("연도별 순위상관: 종합 격차지수 vs NAVIS (부호 반전)",
                        "Rank correlation by year: composite vs NAVIS (sign flipped)"),
    "navis_direction": ("NAVIS는 높을수록 더 발전, 종합 격차지수는 높을수록 더 불리 → ρ는 −NAVIS와 계산.",
                        "NAVIS: higher = more developed; composite: higher = more disadvantaged → ρ uses −NAVIS."),
    "n_common": ("공통 시도 수", "common provinces"),
    "vintage_from": ("입력 연도(최초)", "inputs from"),
    "vintage_to": ("입력 연도(최근)", "inputs to"),
    "inputs_absent": ("그 해까지 없는 입력", "inputs absent then"),
    "vintages": ("입력 연도", "input years"),
    "navis_skipped": ("입력 자료가 없어 계산하지 않은 NAVIS 연도: {years}", "NAVIS years without the inputs (not computed): {years}"),
    "navis_scatter_year": ("산점도 연도", "Scatter year"),
    "navis_scatter_title": ("{year}년 종합 격차지수와 NAVIS 지역발전지수", "Composite index and NAVIS, {year}"),
    "score_axis": ("종합 격차지수 점수 (높을수록 불리) →", "composite score (higher = more disadvantaged) →"),
    "navis_axis": ("NAVIS 지수 (높을수록 발전) ↑", "NAVIS index (higher = more developed) ↑"),
    "navis_absent": ("빠진 시도: {names}.", "Absent: {names}."),
    "comp_method": ("계산 방법", "Method"),
    "comp_method_text": ("1. 입력: 영역별 지표의 선택 연도 값(없으면 이전 최근 연도).  \n"
                         "2. 방향 맞추기: 높을수록 좋은 지표는 부호를 뒤집어 '높을수록 불리'로.  \n"
                         "3. 표준화: z-점수, 또는 순위를 IMD 지수변환 X = −23·ln(1 − R·(1 − e^(−100/23))) (R = 순위/지역 수, 불리한 쪽 꼬리를 0–100으로 늘림).  \n"
                         "4. 영역 점수 = 영역 안 표준화 지표의 평균 (입력이 하나라도 없으면 산출하지 않음).  \n"
                         "5. 종합 = Σ 가중치 × 영역 점수 (가중치는 합 1로 환산); 순위 1 = 가장 불리; 10분위 1 = 가장 불리한 10%.",
                         "1. Inputs: each domain indicator in the chosen year (else its latest earlier vintage).  \n"
                         "2. Orientation: indicators where higher is better are negated ('higher = worse').  \n"
                         "3. Standardise: z-score, or ranks through the IMD exponential transform "
                         "X = −23·ln(1 − R·(1 − e^(−100/23))) (R = rank/n; stretches the disadvantaged tail to 0–100).  \n"
                         "4. Domain score = mean of its standardised indicators (none if any input is missing).  \n"
                         "5. Composite = Σ weight × domain score (weights normalised); rank 1 = most disadvantaged; "
                         "decile 1 = most disadvantaged 10%."),
    # bivariate
    "biv_title": ("이변량 지도", "Bivariate map"),
    "biv_intro": ("두 지표를 한 지도에: 각 지표를 3분위(하위·중위·상위 ⅓)로 나눠 3×3 = 9개 색으로 칠합니다. 두 값 중 하나라도 없는 지역은 빗금으로 표시합니다.",
                  "Two indicators on one map: each split into terciles (low, middle, high third), 3 × 3 = 9 "
                  "colours. Areas missing either value are hatched."),
    "biv_x": ("지표 X (가로: 붉은 쪽)", "Indicator X (across: red)"),
    "biv_y": ("지표 Y (세로: 푸른 쪽)", "Indicator Y (up: blue)"),
    "biv_no_level": ("두 지표가 같은 지역 단위에 함께 있지 않습니다.", "The two indicators share no level."),
    "biv_no_year": ("두 지표가 이 지역 단위에서 같은 연도에 함께 있지 않습니다.",
                    "The two indicators share no year at this level."),
    "biv_same": ("같은 지표를 두 번 골랐습니다: 대각선 칸만 나타납니다.", "The same indicator twice: only the diagonal shows."),
    "biv_cuts": ("3분위 구간 (값 범위)", "Terciles (value ranges)"),
    "biv_cut_note": ("3분위는 각 지표 값이 있는 지역 전체에서 나눕니다.", "Terciles are taken over all areas with that value."),
    "tercile": ("3분위", "tercile"),
    "biv_xc": ("X 3분위 (1=하위)", "X tercile (1 = low)"),
    "biv_yc": ("Y 3분위 (1=하위)", "Y tercile (1 = low)"),
    "biv_class": ("색 번호 (0–8)", "colour class (0–8)"),
    "biv_missing": ("한쪽 값이 없어 분류하지 않음", "not classed: a value is missing"),
    "biv_missing_legend": ("자료 없음 (한쪽 이상)", "No data (either indicator)"),
    "biv_missing_list": ("자료가 없어 빗금으로 표시한 지역 {n}곳: {names}", "{n} areas hatched for missing data: {names}"),
    "biv_classes": ("3×3 (지표별 3분위)", "3 × 3 terciles"),
    "biv_n": ("{total}곳 중 {n}곳 분류", "{n} of {total} classed"),
    "biv_legend": ("범례", "legend"),
    "biv_count": ("{n}곳", "{n} areas"),
    "higher_better": ("높을수록 좋음", "higher is better"),
    "higher_worse": ("높을수록 나쁨", "higher is worse"),
    "navis_table_note": ("ρ = 스피어만 순위상관(종합지수, −NAVIS). 입력 연도: 그 해 지수에 쓴 입력 자료의 연도 범위.",
                         "ρ = Spearman rank correlation (composite, −NAVIS). Input years: range of the input "
                         "vintages used for that year's index."),
    "composite_short": ("종합지수", "composite"),
    "most_disadvantaged": ("가장 불리", "most disadvantaged"),
    "least_disadvantaged": ("가장 덜 불리", "least disadvantaged"),
    "sens_head": ("가중치 민감도", "Weight sensitivity"),
    "higher_neutral": ("높고 낮음에 좋고 나쁨 없음", "neutral"),
    # 권역 (macro-regions) on the map and trend pages
    "macro": ("권역", "Macro-region (권역)"),
    "level_short_macro": ("권역", "Macro"),
    "level_short_sido": ("시도", "Province"),
    "level_short_sigungu": ("시군구", "District"),
    "macro_members": ("권역 구성 (시도 단위로 묶은 7개 초광역권): {members}.",
                      "The seven macro-regions (unions of whole provinces): {members}."),
    "macro_sum_note": ("권역 값 = 구성 시도 값의 합 (비율은 합한 분자 ÷ 합한 분모). 구성 시도 중 하나라도 값이 없으면 권역 값도 없습니다.",
                       "Macro-region values are sums of their provinces (ratios: summed numerator ÷ summed denominator); "
                       "a macro-region with any province missing has no value."),
    "macro_published_note": ("권역 값은 경인지방통계청이 권역 단위로 집계해 공표한 값입니다 (시도 값 없음).",
                             "Macro-region values as published per macro-region by the Gyeongin regional statistics office "
                             "(no province values)."),
    "macro_gap_percent": ("{name}{nun} 비율(%)이며, 권역으로 합칠 수 있는 분자·분모가 이 자료에 없습니다. "
                          "시도 비율의 평균은 권역의 비율이 아니므로 계산하지 않습니다.",
                          "{name} is a percentage, and the data hold no numerator and denominator that could be "
                          "summed to macro-regions. An average of province percentages is not the macro-region percentage, so none is "
                          "computed."),
    "macro_gap_index": ("{name}{nun} 시도마다 매긴 지수여서, 더하거나 평균해 권역 값을 낼 수 없습니다.",
                        "{name} is an index scored per province: it cannot be summed or averaged into a macro-region value."),
    "macro_gap_per_capita": ("{name}{nun} 1인당 값이며, 권역으로 합칠 수 있는 같은 기준의 총액·인구가 이 자료에 없습니다.",
                             "{name} is a per-capita value, and the data hold no total and population on the "
                             "same basis that could be summed to macro-regions."),
    "macro_gap_rate": ("{name}{nun} 비율이며, 권역으로 합칠 수 있는 분자·분모가 이 자료에 없습니다.",
                       "{name} is a ratio, and the data hold no numerator and denominator that could be summed "
                       "to macro-regions."),
    "macro_gap_flow": ("{name}{nun} 시도 사이의 이동을 센 값으로, 합산할 수 없는 지표로 분류되어 있습니다: "
                       "전입·전출에는 같은 권역 안 시도끼리의 이동이 들어 있어 시도 값을 더해도 권역 값이 되지 않습니다.",
                       "{name} counts moves between provinces and is classed as not summable: in- and out-moves "
                       "include moves between provinces of the same macro-region, so province values do not add up to a "
                       "macro-region value."),
    "macro_gap_amount": ("{name}{nun} 시도 값을 더해도 권역 값이 되지 않는 지표로 분류되어 있어(합산 불가) 권역 값을 만들지 않습니다.",
                         "{name} is classed as not summable (province values do not add up to a macro-region value), "
                         "so no macro-region value is made."),
    "macro_gap_incomplete": ("{name}{nun} {total}개 시도 중 {n}개 시도만 있어 권역 합계를 낼 수 없습니다 (빠진 시도: {missing}). "
                             "빠진 값은 추정하지 않습니다.",
                             "{name} covers only {n} of the {total} provinces, so no macro-region totals can be formed (missing: "
                             "{missing}). Missing values are not estimated."),
    "macro_gap_only": (" 구성 시도가 모두 있는 권역은 {have}뿐이라 권역 지도를 그리지 않습니다.",
                       " Only {have} has all its provinces, so no macro-region map is drawn."),
    "macro_gap_parts": ("{name} = {num} ÷ {den}. {part}의 권역 값이 없습니다: {why}",
                        "{name} = {num} ÷ {den}. {part} has no macro-region values: {why}"),
    "macro_gap_unknown": ("{name}에는 권역 값이 없습니다.", "{name} has no macro-region values."),
    "compare_level_only": ("비교 지역은 '수준' 보기에 표시됩니다.", "Compared regions show in the Level view."),
    "map_not_at_level": ("{name}: {level} 단위 값이 없어 이 단위의 기본 지표를 보여 줍니다 (값이 있는 단위: {levels}).",
                         "{name} has no values by {level}: showing this level's default indicator "
                         "(levels with values: {levels})."),
    "trend_view": ("비교 단위", "Compare"),
    "view_groups": ("수도권·비수도권", "Capital/rest"),
    "view_macro": ("7개 권역", "Macro-regions"),
    "trends_title_macro": ("추이: 7개 권역", "Trends: the seven macro-regions"),
    "measure_relative": ("전국=100", "Nation = 100"),
    "macro_share_note": ("비중 = 권역 값 ÷ 7개 권역 합계 × 100 (7개 권역 값이 모두 있는 해만).",
                         "Share = macro-region value ÷ sum of the seven × 100 (years with all seven only)."),
    "macro_trend_missing": ("권역 값이 없는 해는 선이 끊깁니다.", "Lines break in years without a macro-region value."),
    # the browser map (ui.mapview)
    "map_play": ("▶ 재생", "▶ Play"),
    "map_pause": ("❚❚ 멈춤", "❚❚ Pause"),
    "table_more_print": ("외 {n}행은 화면과 CSV에 있습니다", "{n} more rows on screen and in the CSV"),
    "map_png": ("PNG로 저장 (제목·단위·연도·출처 포함)", "Save as PNG (with title, unit, year, source)"),
    "map_svg": ("SVG로 저장 (제목·단위·연도·출처 포함)", "Save as SVG (with title, unit, year, source)"),
    "map_csv": ("CSV로 저장 (모든 연도·지역, 표시된 자릿수)", "Save as CSV (every year and region, as displayed)"),
    "map_geo_error": ("지도 경계를 불러오지 못했습니다", "Could not load the boundaries"),
    # ---- presenter mode (issue 9, presenters: settings popover, year reveal, top-N bars) ----
    "presenter_settings": ("설정", "Settings"),
    "presenter_settings_help": ("이 화면의 지표·단위·표시 선택", "What this page shows: indicator, level, view"),
    "reveal_prev": ("이전", "Back"),
    "reveal_next": ("다음", "Next"),
    "reveal_play": ("재생", "Play"),
    "reveal_pause": ("멈춤", "Pause"),
    "reveal_prev_help": ("한 해 앞으로 (주소의 year= 에 기록)", "One year back (kept in the address as year=)"),
    "reveal_next_help": ("한 해 더 보이기 (주소의 year= 에 기록)", "Show one more year (kept in the address as year=)"),
    "reveal_play_help": ("한 해씩 차례로 보이기 (마지막 해면 처음부터)",
                         "Reveal the years one by one (from the first after the last)"),
    "reveal_until": ("{year}년까지 표시", "shown to {year}"),
    "presenter_top_n": ("{n}개 중 가장 높은 {k}개와 가장 낮은 {k}개 (전체: CSV)",
                        "the {k} highest and {k} lowest of {n} (all: CSV)"),
})


# ---------------------------------------------------------------- English everywhere, readable sources (issue 9)
_LABELS.update({
    "event_date": ("날짜", "Date"),
    "event_label": ("사건", "Event"),
    "event_source": ("인용 문서", "Quoted in"),
    "event_quote": ("인용문", "Quote"),
    "coverage_source": ("이 빌드의 빌드 보고서", "this build's build report"),
    "choose_many": ("고르세요 (여러 개 가능)", "Choose one or more"),
    "code_col": ("지역 코드", "Region code"),
})

# ---- issue 9, analysts' tables / region series / events / phone (branch analyst) ----
_LABELS.update({
    "event_number": ("번호", "No."),
    "event_number_help": ("차트의 정책 사건 표식 번호 (같은 해의 사건은 한 번호)",
                          "The number on the charts' event badges (events of one year share a number)"),
    "region_name_help": ("지표 이름에 마우스를 올리면 정의 (아래 '전체 연도' 표의 열 제목에도)",
                         "Each indicator's definition: hover its column in the 'every year' table below"),
    "region_series_title": ("전체 연도", "Every year"),
    "region_series_note": ("행: 연도 (최근 연도 먼저), 열: 지표와 단위 (열 제목에 마우스를 올리면 정의). "
                           "'–'는 그해 값이 없다는 뜻이며 채우지 않습니다.",
                           "Rows: years (latest first); columns: indicator and unit (hover a header for its "
                           "definition). '–' means no value that year; nothing is filled in."),
    "region_series_csv": ("이 지역 전체 자료 CSV (모든 지표·모든 연도)", "CSV of everything for this region (every indicator, every year)"),
    "weight_dropped": ("제외: 자료 없음", "left out: no data"),
    "weight_dropped_help": ("이 빌드에는 이 영역의 입력 자료가 없어 가중치 0으로 계산합니다 (기본값 {default}).",
                            "This build has no input for this domain, so it is computed with weight 0 (default {default})."),
    "biv_range": ("값 범위", "Range"),
    "events_badge_note": ("번호 표식: 정책 사건 (표식에 마우스를 올리면 그해의 사건 전부)",
                          "Numbered badges: policy events (hover a badge for every event of that year)"),
})

# ---- issue 9, last gaps (branch gaps): presenter disparity grid, glossary captions, translated titles ----
_LABELS.update({
    "events_dotted": ("점선: 정책 사건 (아래 정책 사건 표)", "Dotted lines: policy events (listed in the table below)"),
    "title_translated": ("번역 제목", "title translated by Balance"),
    "official_title": ("공식 제목", "official title"),
    "definition_of": ("지표 정의: {name}", "Definition: {name}"),
    "definitions_of": ("지표 정의 ({n}개)", "Definitions ({n} indicators)"),
})


# ---- issue 20: column titles of every table and CSV (one title per column id, in the reader's language) ----
COLUMNS: dict[str, tuple[str, str]] = {
    # the long form every CSV of figures shares: where, what, in which unit, when, how much, from whom
    "region_code": ("지역코드", "Region code"),
    "region": ("지역", "Region"),
    "indicator": ("지표 ID", "Indicator ID"),
    "indicator_name": ("지표", "Indicator"),
    "name": ("지표", "Indicator"),
    "unit": ("단위", "Unit"),
    "year": ("연도", "Year"),
    "value": ("값", "Value"),
    "source": ("출처", "Source"),
    "rank": ("순위", "Rank"),
    "level": ("지역 단위", "Level"),
    "sido": ("시도", "Province"),
    "is_capital_region": ("수도권 여부", "In the capital region"),
    "series": ("계열", "Series"),
    "measure": ("측정", "Measure"),
    "basis": ("인구 기준", "Population basis"),
    # 개요
    "figure": ("수치", "Figure"),
    "reference_point": ("참고 수치", "Reference point"),
    "change": ("변화", "Change"),
    "change_vs_year": ("비교 연도", "Compared with"),
    "note": ("비고", "Note"),
    "series_years": ("시계열 연도", "Series years"),
    "series_values": ("시계열 값", "Series values"),
    "capital_value": ("수도권 값", "Capital-region value"),
    "noncapital_value": ("비수도권 값", "Non-capital value"),
    "national_value": ("전국 값", "National value"),
    "capital_share_pct": ("수도권 비중 (%)", "Capital-region share (%)"),
    "capital_to_noncapital_ratio": ("수도권 ÷ 비수도권 (배)", "Capital ÷ non-capital (×)"),
    "capital_minus_noncapital": ("수도권 − 비수도권", "Capital − non-capital"),
    # 지방소멸
    "extinction_risk_index": ("지방소멸위험지수", "Extinction-risk index"),
    "risk_class": ("위험 등급", "Risk class"),
    "female_20_39": ("20~39세 여성 인구", "Women aged 20–39"),
    "age65plus": ("65세 이상 인구", "Population aged 65+"),
    "designation": ("인구감소지역 지정", "Designation"),
    "sigungu_count": ("시군구 수", "Districts"),
    "class_ko": ("등급 (한국어)", "Class (Korean)"),
    "class_en": ("등급 (영어)", "Class (English)"),
    # 지역
    "value_text": ("값 (표시)", "Value (as shown)"),
    "nation_text": ("전국 (표시)", "Nation (as shown)"),
    "capital_text": ("수도권 (표시)", "Capital region (as shown)"),
    "noncapital_text": ("비수도권 (표시)", "Non-capital (as shown)"),
    "share_of_nation_pct": ("전국 대비 비중 (%)", "Share of nation (%)"),
    "relative_to_nation_100": ("전국=100", "Nation = 100"),
    "nation": ("전국 값", "National value"),
    "capital": ("수도권 값", "Capital-region value"),
    "noncapital": ("비수도권 값", "Non-capital value"),
    # 격차 분석
    "weighting": ("가중 방식", "Weighting"),
    "n_regions": ("지역 수", "Regions"),
    "n_full": ("전체 지역 수", "Regions in full"),
    "regions_absent": ("빠진 지역", "Regions absent"),
    "cv": ("변이계수", "Coefficient of variation"),
    "cv_weighted": ("가중 변이계수 (Williamson)", "Weighted CV (Williamson)"),
    "gini": ("지니계수", "Gini"),
    "theil_t": ("타일 T", "Theil T"),
    "theil_t_between": ("타일 T 집단 간", "Theil T between groups"),
    "theil_t_within": ("타일 T 집단 내", "Theil T within groups"),
    "theil_t_between_share": ("타일 T 집단 간 비중", "Theil T between-group share"),
    "theil_l": ("타일 L", "Theil L"),
    "theil_l_between": ("타일 L 집단 간", "Theil L between groups"),
    "theil_l_within": ("타일 L 집단 내", "Theil L within groups"),
    "theil_l_between_share": ("타일 L 집단 간 비중", "Theil L between-group share"),
    # 종합 격차지수
    "method": ("표준화 방법", "Method"),
    "score": ("점수", "Score"),
    "decile": ("분위", "Decile"),
    "missing_inputs": ("빠진 입력", "Missing inputs"),
    "domain": ("영역 ID", "Domain ID"),
    "domain_name": ("영역", "Domain"),
    "areas_changing_decile": ("분위가 바뀌는 지역 수", "Areas changing decile"),
    "areas_ranked": ("순위 매긴 지역 수", "Areas ranked"),
    "rho": ("순위상관 (ρ)", "Rank correlation (ρ)"),
    "n": ("지역 수", "Regions"),
    "areas_scored": ("산출 지역 수", "Areas scored"),
    "vintage_min": ("가장 이른 입력 연도", "Earliest input year"),
    "vintage_max": ("가장 늦은 입력 연도", "Latest input year"),
    "inputs_absent": ("빠진 입력", "Inputs absent"),
    "navis_index_total": ("NAVIS 지역발전지수", "NAVIS regional development index"),
    "weight_pct": ("가중치 (%)", "Weight (%)"),  # per domain: '가중치: 경제 (%)' (ui/csvs.py)
    # 이변량 지도
    "x_indicator": ("X 지표 ID", "X indicator ID"),
    "y_indicator": ("Y 지표 ID", "Y indicator ID"),
    "x_value": ("X 값", "X value"),
    "x_unit": ("X 단위", "X unit"),
    "y_unit": ("Y 단위", "Y unit"),
    "y_value": ("Y 값", "Y value"),
    "x_class": ("X 등급", "X class"),
    "y_class": ("Y 등급", "Y class"),
    "class": ("등급", "Class"),
    "colour": ("색", "Colour"),
    # 자료·방법: catalogue, build report, files, lineage, conflicts, coverage, quoted figures
    "id": ("지표 ID", "Indicator ID"),
    "category": ("분류", "Category"),
    "polarity": ("방향 (+1 높을수록 좋음)", "Polarity (+1 higher is better)"),
    "additive": ("합산 가능", "Additive"),
    "years": ("연도", "Years"),
    "levels": ("지역 단위", "Levels"),
    "in_data": ("빌드에 있음", "In this build"),
    "formula": ("산식", "Formula"),
    "producer": ("작성 기관", "Producer"),
    "table": ("통계표", "Table"),
    "table_id": ("통계표 ID", "Table ID"),
    "vintage": ("자료 시점", "Vintage"),
    "license": ("이용 조건", "Licence"),
    "url": ("주소", "Address"),
    "module": ("모듈", "Module"),
    "status": ("상태", "Status"),
    "rows": ("행 수", "Rows"),
    "indicators": ("지표", "Indicators"),
    "reason": ("사유", "Reason"),
    "seconds": ("소요 시간 (초)", "Seconds"),
    "file": ("파일", "File"),
    "sha256": ("sha256 (앞 12자)", "sha256 (first 12)"),
    "via": ("입력 지표", "Computed from"),
    "regions": ("지역 수", "Regions"),
    "kept_file": ("채택 파일", "File kept"),
    "kept_vintage": ("채택 파일 시점", "Vintage kept"),
    "kept_value": ("채택 값", "Value kept"),
    "dropped_file": ("제외 파일", "File dropped"),
    "dropped_vintage": ("제외 파일 시점", "Vintage dropped"),
    "dropped_value": ("제외 값", "Value dropped"),
    "published_usd_100m": ("공표치 (억 달러)", "Published (USD 100 mn)"),
    "kstat_series_usd_100m": ("K-stat 시계열 (억 달러)", "K-stat series (USD 100 mn)"),
    "kind": ("종류", "Kind"),
    "date": ("날짜", "Date"),
    "hint": ("관련 수치", "Refers to"),
    "label": ("내용", "What"),
    "document": ("문서", "Document"),
    "publisher": ("발행처", "Publisher"),
    "attribution": ("인용 출처 표기", "Attributed to"),
    "quote": ("인용문", "Quote"),
    # 월말 기준 (a month end: its own date, never a year)
    "period": ("기준 월 (YYYY-MM)", "Month (YYYY-MM)"),
    "reference_date": ("기준 시점", "Reference date"),
    "population": ("주민등록인구", "Registered population"),
    "boundary_set": ("경계 기준", "Boundaries"),
}


def column(col: str, lang: str = "ko") -> str | None:
    """The title of the column `col` (a table's or a CSV's) in `lang`; None for a column without one."""
    pair = COLUMNS.get(col)
    return None if pair is None else pair[1] if lang == "en" else pair[0]


_LABELS.update({
    "level_group": ("수도권·비수도권", "Capital / non-capital"),
    "unit_districts": ("시군구", "districts"),
    "tidy_rows": ("{n}행 · 열: {columns}", "{n} rows · columns: {columns}"),
    "kind_event": ("정책 사건", "Policy event"),
    "kind_figure": ("인용 수치", "Quoted figure"),
})


# ---------------------------------------------------------------- 월말 기준 (지방소멸, 지역)
_LABELS.update({
    "month_title": ("최신 월말 기준", "Latest month end"),
    "month_intro": ("행정안전부 주민등록 연령별 인구현황의 월말 인구로 계산한 지방소멸위험지수입니다. 월말 수치는 그 달 말일 "
                    "기준이며 연도별 계열(연말 기준)에 넣지 않습니다.",
                    "The extinction-risk index from the month-end registered population of the Ministry of the "
                    "Interior and Safety's population-by-age table. A month-end figure is dated at the end of its "
                    "month and never put into a year series (year ends)."),
    "month_pick": ("기준 월말", "Month end"),
    "month_scope_sigungu": ("시군구", "districts"),
    "month_scope_sido": ("시도", "provinces"),
    "month_scope_excerpt": ("발췌, {n}개 지역", "excerpt, {n} regions"),
    "month_excerpt_note": ("발췌 자료: 전체 통계표가 아니라 {n}개 지역의 행만 있습니다. 있는 지역만 보이며, 전국·권역 합계와 "
                           "소멸위험 시군구 수는 내지 않습니다.",
                           "An excerpt: {n} regions' rows, not the whole table. Only those regions are shown; no "
                           "national or group total and no count of districts at risk."),
    "month_sido_note": ("이 월말 파일에는 시도 수치만 있습니다 (시군구 없음). 소멸위험 시군구 수는 모든 시군구의 지수가 있는 "
                        "월말에만 냅니다.",
                        "This month end's file has provincial figures only (no districts). The count of districts "
                        "at risk is given only for a month end with every district's index."),
    "month_count": ("소멸위험 시군구 수 ({date})", "Districts at extinction risk ({date})"),
    "month_count_of": ("{n}개 시군구 단위 중 · 수도권 {cr} · 비수도권 {nc}", "of {n} district units · capital {cr} · rest {nc}"),
    "month_map_title": ("소멸위험 등급 — {date}", "Risk classes — {date}"),
    "month_table_caption": ("{n}개 지역 · {date} · {boundaries} · 지수 낮은 순 (자료 없음은 맨 뒤)",
                            "{n} regions · {date} · {boundaries} · lowest index first (no data last)"),
    "month_map_hint": ("지도는 연도별(연말 기준) 계열입니다. 최신 월말 수치는 아래 「최신 월말 기준」에 있습니다.",
                       "The map is the year series (year ends). The latest month-end figures are under "
                       "'Latest month end' below."),
    "month_region_title": ("최신 월말 수치", "Latest month-end figures"),
    "month_region_note": ("연도별 계열(연말 기준)보다 새로운 월말 수치입니다. 그 달 말일 기준이며 아래 연도 계열에 넣지 "
                          "않습니다.",
                          "Month-end figures newer than the year series (year ends), dated at the end of their "
                          "month and never put into the yearly table below."),
    "month_name_reg_population_persons": ("주민등록인구", "Registered population"),
    "month_name_reg_extinction_risk_index": ("지방소멸위험지수", "Extinction-risk index"),
    "month_name_reg_female_20_39_persons": ("20~39세 여성 인구", "Women aged 20–39"),
    "month_name_reg_age65plus_persons": ("65세 이상 인구", "Population aged 65+"),
    "month_name_reg_at_risk_sigungu_count": ("소멸위험 시군구 수", "Districts at extinction risk"),
    "month_label": ("{name} ({date})", "{name}, {date}"),
    "month_col_figure": ("수치 (기준 시점)", "Figure (date)"),
    "month_col_value": ("값", "Value"),
    "month_col_year_end": ("연도 계열 최신", "Year series to"),
    "month_no_year_end": ("없음", "none"),
    "month_union_note": ("{names}: 이 월말 파일에는 나눌 행정동 자료가 없어 합계 하나로 표시",
                         "{names}: one total (this month's file has no neighbourhood figures to divide them)"),
    "month_none": ("이 경계 기준에는 월말 수치가 없습니다.", "No month-end figures on these boundaries."),
})

# ---------------------------------------------------------------- 브리핑 (지역 브리핑: a printable A4 brief)
_LABELS.update({
    "brief_title": ("지역 브리핑", "Regional brief"),
    "brief_region": ("브리핑 지역", "Brief of"),
    "brief_capital_option": ("수도권 vs 비수도권", "Capital region vs the rest"),
    "brief_link": ("이 지역 브리핑 (인쇄용)", "This region's brief (printable)"),
    "brief_capital_link": ("수도권 vs 비수도권 브리핑 (인쇄용)", "Capital region vs the rest: brief (printable)"),
    "print_pdf": ("PDF로 저장", "Save as PDF"),
    "print_pdf_help": ("브라우저 인쇄 창이 열립니다. 대상에서 'PDF로 저장'을 고르세요 (A4 세로, 최대 2쪽).",
                       "Opens the browser's print dialog: choose 'Save as PDF' as the destination (A4 portrait, "
                       "at most 2 pages)."),
    "brief_kind": ("지역 브리핑", "Regional brief"),
    "brief_meta": ("{boundaries} · 자료 빌드 {date} · 균형 — 수도권·비수도권 격차 대시보드",
                   "{boundaries} · data built {date} · Balance — capital region vs the rest"),
    "brief_locator": ("{name}의 위치", "Where {name} lies"),
    "brief_headlines": ("주요 지표 (지표별 최근 연도)", "Headline indicators (latest year of each)"),
    "brief_col_name": ("지표 (기준)", "Indicator (basis)"),
    "brief_col_rank": ("순위", "Rank"),
    "brief_col_rel": ("전국 대비", "Against nation"),
    "brief_share_of": ("{v}%", "{v}%"),
    "brief_rel_of": ("{v}", "{v}"),
    "brief_rank_note": ("순위: {peers} 가운데 높은 값부터, 그해 값이 있는 단위 수 중 (현행 경계에서 인천의 새 구는 나눌 "
                        "자료가 없는 해에 둘을 하나로 셈). 전국 대비: 인원·금액·면적은 전국에서 차지하는 비중(%), 비율·"
                        "1인당 값은 전국=100으로 본 값. 추이: 자료가 있는 모든 해 (마우스를 올리면 해마다의 값). 값이 없으면 "
                        "'자료 없음'.",
                        "Rank: among the {peers} with a value that year, highest first (on today's boundaries, Incheon's "
                        "new districts count as one where no figure divides them). Against nation: counts, money and "
                        "area as a share of the nation (%); rates and per-capita figures against nation = 100. Trend: "
                        "every year with a value (hover for each year's value). A missing value reads 'No data'."),
    "brief_peers_sido": ("시도", "provinces"),
    "brief_peers_sigungu": ("시군구", "districts"),
    "brief_risk": ("지방소멸위험과 인구감소지역", "Extinction risk and population-decline designation"),
    "brief_risk_fact": ("{name}, {year}년", "{name}, {year}"),
    "brief_rank_of": ("{rank}위 / {n}", "rank {rank} of {n}"),
    "brief_risk_note": ("지방소멸위험지수 = 20~39세 여성 인구 ÷ 65세 이상 인구 (한국고용정보원 방식). 등급: {classes}. "
                        "인구감소지역은 행정안전부 고시.",
                        "Extinction-risk index = women aged 20–39 ÷ population aged 65+ (KEIS method). Classes: "
                        "{classes}. Population-decline areas: notices of the Ministry of the Interior and Safety."),
    "brief_desig": ("인구감소지역 지정", "Population-decline designation"),
    "brief_desig_none": ("지정되지 않음", "Not designated"),
    "brief_desig_when": ("행정안전부 고시 {notice} ({date})", "Ministry of the Interior and Safety notice {notice} "
                                                           "({date})"),
    "brief_desig_count": ("인구감소지역 {d}곳 · 관심지역 {i}곳", "{d} decline areas · {i} interest areas"),
    "brief_desig_count_note": ("이 시도의 시군구 {n}곳 가운데", "of this province's {n} districts"),
    "brief_at_risk": ("소멸위험 시군구 (지수 < 0.5), {year}년", "Districts at risk (index < 0.5), {year}"),
    "brief_at_risk_value": ("{n}곳", "{n}"),
    "brief_month": ("최신 월말 수치 (연도 계열과 따로)", "Latest month-end figures (apart from the year series)"),
    "brief_sources": ("출처와 자료 시점", "Sources and vintages"),
    "brief_one_year": ("{y}년만", "{y} only"),
    "brief_vintage": ("자료 시점 {v}", "vintage {v}"),
    "brief_sources_note": ("자료 시점: 그 연도 값을 준 원자료 파일의 기준일 (data/raw/MANIFEST.csv). 모든 연도와 파일은 "
                           "「자료·방법」에 있습니다.",
                           "Vintage: the reference date of the raw file that gave that year's value (data/raw/"
                           "MANIFEST.csv). Every year and file is on 'Data & methods'."),
    "brief_capital_title": ("수도권 vs 비수도권", "Capital region vs the rest"),
    "brief_capital_sub": ("수도권 = 서울·인천·경기 · 비수도권 = 그 밖의 {n}개 시도",
                          "Capital region = Seoul, Incheon, Gyeonggi · the rest = the other {n} provinces"),
    "brief_capital_locator": ("수도권(색칠)과 비수도권", "The capital region (coloured) and the rest"),
    "brief_cards": ("핵심 수치 (개요와 같은 값)", "Key figures (as on the overview)"),
    "brief_change": ("{d} ({y}년 대비)", "{d} (vs {y})"),
    "brief_shares": ("수도권 비중: 수도권 ÷ (수도권 + 비수도권)", "Capital region's share: capital ÷ (capital + rest)"),
    "brief_col_share": ("수도권 비중", "Capital share"),
    "brief_ratios": ("1인당·비율 지표: 수도권 대 비수도권", "Per-capita and rate indicators: capital vs rest"),
    "brief_col_ratio": ("수도권 ÷ 비수도권", "Capital ÷ rest"),
    "brief_col_diff": ("차이 (수도권 − 비수도권)", "Gap (capital − rest)"),
    "brief_ratio_value": ("{v}배", "{v}×"),
    "brief_capital_note": ("수도권·비수도권 값은 시도 값의 합(비율은 합한 분자 ÷ 합한 분모)이며, 비수도권 값이 없는 지표는 "
                           "싣지 않습니다. 추이: 비중 또는 배율의 모든 연도.",
                           "Capital-region and rest values are sums of the provinces (a ratio: summed numerator ÷ "
                           "summed denominator); an indicator without a value for the rest is left out. Trend: every "
                           "year of the share or ratio."),
    "brief_migration": ("수도권 순유입 (다른 시도와의 인구 이동), {year}년", "Net migration into the capital region "
                                                                     "(moves from other provinces), {year}"),
})


from ui.i18n_deck import LABELS as _DECK_LABELS  # noqa: E402 — the deck's labels, kept in their own file

_LABELS.update(_DECK_LABELS)
