"""UI labels in Korean (default) and English: `t(key, **fields)` in the current language."""
from __future__ import annotations

LANGS = ("ko", "en")

_LABELS: dict[str, tuple[str, str]] = {
    # app chrome
    "app_title": ("균형 — 수도권·비수도권 격차", "Balance — capital region vs the rest"),
    "language": ("언어", "Language"),
    "presenter": ("발표 모드", "Presenter mode"),
    "presenter_help": ("큰 글자, 높은 대비, 최소 화면 구성", "Larger text, high contrast, minimal chrome"),
    "page_overview": ("개요", "Overview"),
    "page_map": ("지도", "Map"),
    "page_trends": ("추이", "Trends"),
    "page_risk": ("지방소멸", "Extinction risk"),
    "page_region": ("지역", "Region"),
    "page_data": ("자료·방법", "Data & methods"),
    "bad_param": ("주소의 `{name}={value}` 값을 알 수 없어 기본값({default})으로 표시합니다.",
                  "Unknown value `{name}={value}` in the address: showing the default ({default})."),
    "not_built": ("자료가 아직 만들어지지 않았습니다. 먼저 다음 명령을 실행하세요:",
                  "The data has not been built yet. Run this first:"),
    "build_hint": ("공식 원자료(SOURCES.md)가 있으면 `python -m indicators build --raw-dir <원자료 폴더>`로 다시 만드세요.",
                   "With the official raw files (SOURCES.md), rebuild with "
                   "`python -m indicators build --raw-dir <raw folder>`."),
    "catalog_partial": ("일부 자료 모듈을 아직 읽을 수 없습니다(작성 중): {mods}. 해당 지표는 목록에 없습니다.",
                        "Some source modules cannot be imported yet (in progress): {mods}. Their indicators "
                        "are not listed."),
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
    "needs_raw": ("공식 원자료가 있어야 만들어지는 지표 {what}개 — 필요한 파일과 빌드 명령 (SOURCES.md)",
                  "{what} indicators need the official raw files — files and build command (SOURCES.md)"),
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
    "card_risk": ("소멸위험 시군구 수", "시군구 at extinction risk"),
    "exports_cannot": ("계산할 수 없음: 수출 파일에 17개 시도 중 {n}개만 있습니다 (경기 등 누락). 없는 값을 추정하지 않습니다.",
                       "Cannot be computed: the exports file holds only {n} of 17 시도 (Gyeonggi and others "
                       "missing). Missing values are not estimated."),
    "exports_absent": ("수출 자료가 만들어지지 않았습니다. 있더라도 한국무역협회 파일에는 17개 시도 중 10개만 있어 수도권 비중은 계산할 수 없습니다.",
                       "No exports data built. Even with it, the KITA file holds only 10 of 17 시도, so the "
                       "capital-region share cannot be computed."),
    "fiscal_simple_mean": ("시도 본청 재정자립도의 단순평균 차이 (수도권 3개 vs 비수도권 14개 시도, 가중치 없음)",
                           "Difference of simple means of 시도 (provincial government) ratios: 3 capital vs "
                           "14 other 시도, unweighted"),
    "risk_of": ("{n}개 시군구 중 · 수도권 {cr} · 비수도권 {nc}", "of {n} 시군구 · capital {cr} · rest {nc}"),
    "share_chart_title": ("지표별 수도권 비중 ({y}년 또는 최근 연도)", "Capital-region share by indicator (latest year)"),
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
    "measure_diff": ("차이", "Difference"),
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
    "migration_title": ("수도권 순유입 인구 (시도 간 이동)", "Net migration into the capital region (between 시도)"),
    # risk
    "risk_title": ("지방소멸위험", "Local extinction risk"),
    "risk_intro": ("지방소멸위험지수 = 20–39세 여성 인구 ÷ 65세 이상 인구 (한국고용정보원 기준). 0.5 미만이면 소멸위험지역입니다.",
                   "Extinction-risk index = women aged 20–39 ÷ people aged 65+ (KEIS). Below 0.5 = at risk."),
    "risk_map": ("소멸위험 등급 지도", "Risk-class map"),
    "risk_counts": ("등급별 시군구 수", "시군구 per risk class"),
    "risk_list": ("소멸위험 시군구 목록 (지수 < 0.5)", "시군구 at risk (index < 0.5)"),
    "risk_missing": ("지방소멸위험지수에는 성·연령별 인구가 필요합니다. 공식 원자료(population/)로 빌드하면 나타납니다.",
                     "The extinction-risk index needs population by sex and age: build with the official raw "
                     "files (population/) to see it."),
    "risk_projection": ("전망(인용)", "projection (quoted)"),
    "risk_class": ("등급", "Class"),
    "risk_index": ("지수", "Index"),
    # region
    "region_title": ("지역 상세", "Region profile"),
    "region_table": ("이 지역의 모든 지표", "Every indicator of this region"),
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
}


def t(key: str, lang: str = "ko", **fields) -> str:
    """The label `key` in `lang` (Korean when unknown), formatted with `fields`."""
    ko, en = _LABELS.get(key, (key, key))
    text = en if lang == "en" else ko
    return text.format(**fields) if fields else text
