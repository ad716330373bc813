"""What the pages show, as pure functions from the built tables to small frames.

Every function here takes frames read by `indicators.store` (observations, gaps, coverage) or the
catalogue, and returns a new frame or value; none reads a file (except `read_seed_facts`, the one
shipped reference table), caches or draws. `app_data` wraps them in Streamlit caches; tests call
them directly. One module per job: `observations` (values, series, region profile), `availability`
(what is built, why no 권역 values), `quoted` (the seed facts table), `analysis` (disparity and
composite). Everything is re-exported here: `from indicators import views; views.<name>` — except
`month_end` (month ends as their own dates: its generic names are read as `month_end.<name>`) and `brief`
(what a printable brief shows: read as `brief.<name>`)."""
from indicators.views.analysis import (
    NAVIS_COLUMNS,
    CompositeResult,
    available_domains,
    composite_inputs,
    composite_navis,
    composite_navis_year,
    composite_result,
    disparity,
    weight_shares,
)
from indicators.views.availability import (
    CATEGORY_ORDER,
    MACRO_MIN_REGIONS,
    Availability,
    MacroGap,
    availability,
    available,
    levels,
    macro_gap,
    mappable,
    measure_kind,
    missing,
    risk_bases,
    unknown,
)
from indicators.views.observations import (
    REFERENCE_CODES,
    Catalogue,
    capital_gap_series,
    macro_measure,
    on_areas,
    region_profile,
    region_series,
    regions_with_values,
    relative_to,
    series,
    simple_mean_gap,
    values_at,
    with_levels,
)
from indicators.views.quoted import (
    SEED_COLUMNS,
    SEED_FACTS,
    date_to_x,
    quoted_source,
    read_seed_facts,
    seed_facts,
    with_doc_titles,
)

__all__ = [
    "NAVIS_COLUMNS", "CompositeResult", "available_domains", "composite_inputs", "composite_navis",
    "composite_navis_year", "composite_result", "disparity", "CATEGORY_ORDER", "MACRO_MIN_REGIONS",
    "Availability", "MacroGap", "availability", "available", "levels", "macro_gap", "mappable",
    "measure_kind", "missing", "risk_bases", "unknown", "REFERENCE_CODES", "Catalogue", "capital_gap_series",
    "macro_measure", "on_areas",
    "region_profile", "region_series", "regions_with_values", "relative_to", "series", "simple_mean_gap",
    "values_at", "with_levels", "SEED_COLUMNS", "SEED_FACTS", "date_to_x", "read_seed_facts", "seed_facts",
    "quoted_source", "with_doc_titles", "weight_shares",
]
