"""The population that goes with an indicator comes from the registry, not from id prefixes.

`FROZEN` is what `indicators.disparity.population_for` answered before the registry (it guessed from
`census_`/`cen_` prefixes and an `_cen` suffix, else 주민등록인구 at 시도 and 거주자 at 시군구), written
down once from that function before it was deleted: indicator → (시도 answer, 시군구 answer).
"""
from __future__ import annotations

from indicators import catalog

FROZEN: dict[str, tuple[str, str]] = {
    "census_population_persons": ("census_population_persons", "census_population_persons"),
    "census_tfr": ("census_population_persons", "census_population_persons"),
    "census_grdp_krw_mn": ("census_population_persons", "census_population_persons"),
    "census_grdp_manufacturing_krw_mn": ("census_population_persons", "census_population_persons"),
    "census_grdp_agriculture_krw_mn": ("census_population_persons", "census_population_persons"),
    "census_companies_count": ("census_population_persons", "census_population_persons"),
    "census_doctors_persons": ("census_population_persons", "census_population_persons"),
    "census_income_tax_general_krw_mn": ("census_population_persons", "census_population_persons"),
    "census_income_tax_labor_krw_mn": ("census_population_persons", "census_population_persons"),
    "census_basic_livelihood_persons": ("census_population_persons", "census_population_persons"),
    "census_vacant_housing_count": ("census_population_persons", "census_population_persons"),
    "census_housing_count": ("census_population_persons", "census_population_persons"),
    "census_mortality_per_100k": ("census_population_persons", "census_population_persons"),
    "land_area_km2": ("reg_population_persons", "res_population_persons"),
    "reg_female_20_39_persons": ("reg_population_persons", "res_population_persons"),
    "reg_age65plus_persons": ("reg_population_persons", "res_population_persons"),
    "reg_age_total_persons": ("reg_population_persons", "res_population_persons"),
    "res_population_persons": ("reg_population_persons", "res_population_persons"),
    "res_female_20_39_persons": ("reg_population_persons", "res_population_persons"),
    "res_age65plus_persons": ("reg_population_persons", "res_population_persons"),
    "cen2010_female_20_39_persons": ("cen2010_population_persons", "cen2010_population_persons"),
    "cen2010_age65plus_persons": ("cen2010_population_persons", "cen2010_population_persons"),
    "cen2010_population_persons": ("cen2010_population_persons", "cen2010_population_persons"),
    "reg_population_persons": ("reg_population_persons", "res_population_persons"),
    "reg_births_persons": ("reg_population_persons", "res_population_persons"),
    "reg_deaths_persons": ("reg_population_persons", "res_population_persons"),
    "grdp_nominal_krw_mn": ("reg_population_persons", "res_population_persons"),
    "grdp_real_krw_mn": ("reg_population_persons", "res_population_persons"),
    "grdp_manufacturing_nominal_krw_mn": ("reg_population_persons", "res_population_persons"),
    "grdp_services_nominal_krw_mn": ("reg_population_persons", "res_population_persons"),
    "grdp_per_capita_2015base_krw_th": ("reg_population_persons", "res_population_persons"),
    "gri_per_capita_2015base_krw_th": ("reg_population_persons", "res_population_persons"),
    "personal_income_per_capita_2015base_krw_th": ("reg_population_persons", "res_population_persons"),
    "private_consumption_per_capita_2015base_krw_th": ("reg_population_persons", "res_population_persons"),
    "grdp_per_capita_2020base_krw_th": ("reg_population_persons", "res_population_persons"),
    "gri_per_capita_2020base_krw_th": ("reg_population_persons", "res_population_persons"),
    "personal_income_per_capita_2020base_krw_th": ("reg_population_persons", "res_population_persons"),
    "private_consumption_per_capita_2020base_krw_th": ("reg_population_persons", "res_population_persons"),
    "fiscal_self_reliance_pct": ("reg_population_persons", "res_population_persons"),
    "fiscal_autonomy_pct": ("reg_population_persons", "res_population_persons"),
    "fiscal_self_reliance_sigungu_pct": ("reg_population_persons", "res_population_persons"),
    "exports_usd_th": ("reg_population_persons", "res_population_persons"),
    "imports_usd_th": ("reg_population_persons", "res_population_persons"),
    "migration_in_persons": ("reg_population_persons", "res_population_persons"),
    "migration_out_persons": ("reg_population_persons", "res_population_persons"),
    "migration_net_persons": ("reg_population_persons", "res_population_persons"),
    "navis_index_total": ("reg_population_persons", "res_population_persons"),
    "navis_economic_power": ("reg_population_persons", "res_population_persons"),
    "navis_resident_vitality": ("reg_population_persons", "res_population_persons"),
    "gi_population_index": ("reg_population_persons", "res_population_persons"),
    "gi_tertiary_educated_pct": ("reg_population_persons", "res_population_persons"),
    "gi_road_km_per_land_coef": ("reg_population_persons", "res_population_persons"),
    "gi_internet_use_pct": ("reg_population_persons", "res_population_persons"),
    "gi_rooms_per_person": ("reg_population_persons", "res_population_persons"),
    "gi_public_integrity_score": ("reg_population_persons", "res_population_persons"),
    "gi_startups_growth_pct": ("reg_population_persons", "res_population_persons"),
    "gi_patent_applications_per_1m": ("reg_population_persons", "res_population_persons"),
    "gi_knowledge_services_workers_pct": ("reg_population_persons", "res_population_persons"),
    "gi_grdp_real_2015base_krw_mn": ("reg_population_persons", "res_population_persons"),
    "gi_grdp_real_growth_pct": ("reg_population_persons", "res_population_persons"),
    "gi_labor_productivity_2015base_krw_mn": ("reg_population_persons", "res_population_persons"),
    "gi_employment_rate_pct": ("reg_population_persons", "res_population_persons"),
    "gi_household_current_income_krw_10k": ("reg_population_persons", "res_population_persons"),
    "gi_net_migration_rate_pct": ("reg_population_persons", "res_population_persons"),
    "gi_foreign_students_persons": ("reg_population_persons", "res_population_persons"),
    "gi_residential_env_satisfaction_pct": ("reg_population_persons", "res_population_persons"),
    "gi_pm25_ugm3": ("reg_population_persons", "res_population_persons"),
    "gi_doctors_per_1000": ("reg_population_persons", "res_population_persons"),
    "gi_life_satisfaction_pct": ("reg_population_persons", "res_population_persons"),
    "reg_extinction_risk_index": ("reg_population_persons", "res_population_persons"),
    "res_extinction_risk_index": ("reg_population_persons", "res_population_persons"),
    "cen2010_extinction_risk_index": ("cen2010_population_persons", "cen2010_population_persons"),
    "grdp_per_capita_krw_th": ("reg_population_persons", "res_population_persons"),
    "census_grdp_per_capita_krw_th": ("census_population_persons", "census_population_persons"),
    "census_doctors_per_1000": ("census_population_persons", "census_population_persons"),
    "census_companies_per_1000": ("census_population_persons", "census_population_persons"),
    "census_basic_livelihood_pct": ("census_population_persons", "census_population_persons"),
    "census_vacancy_rate_pct": ("census_population_persons", "census_population_persons"),
    "census_labor_income_per_capita_krw_th": ("census_population_persons", "census_population_persons"),
    "reg_at_risk_sigungu_count": ("reg_population_persons", "res_population_persons"),
    "res_at_risk_sigungu_count": ("reg_population_persons", "res_population_persons"),
    "cen2010_at_risk_sigungu_count": ("reg_population_persons", "res_population_persons"),
}
FROZEN_POPULATION_COUNTS = {"census_population_persons", "reg_population_persons", "res_population_persons",
                            "reg_age_total_persons", "cen2010_population_persons"}

# Where the old answer was wrong, with the registry's answer (시도, 시군구). The function's docstring promised
# "the same basis as the indicator where one exists", but its prefix guess missed two cases:
# - the res (거주자) basis: its 시도 figures were weighted by the 주민등록인구 of another table;
# - the 2010-census at-risk count (`…_cen_count` ends in neither `_cen` nor starts with `cen_`): it was
#   weighted by 주민등록 figures of other years instead of the 2010 census population.
CORRECTED: dict[str, tuple[str, str]] = {
    "res_population_persons": ("res_population_persons", "res_population_persons"),
    "res_female_20_39_persons": ("res_population_persons", "res_population_persons"),
    "res_age65plus_persons": ("res_population_persons", "res_population_persons"),
    "res_extinction_risk_index": ("res_population_persons", "res_population_persons"),
    "res_at_risk_sigungu_count": ("res_population_persons", "res_population_persons"),
    "cen2010_at_risk_sigungu_count": ("cen2010_population_persons", "cen2010_population_persons"),
}


def test_every_indicator_has_the_population_it_had():
    assert set(FROZEN) == set(catalog.indicators())
    for ind_id, frozen in FROZEN.items():
        sido, sigungu = CORRECTED.get(ind_id, frozen)
        assert catalog.population_for(ind_id, "sido") == sido, ind_id
        assert catalog.population_for(ind_id, "sigungu") == sigungu, ind_id


def test_population_counts_are_a_declared_role():
    assert catalog.population_counts() == FROZEN_POPULATION_COUNTS

