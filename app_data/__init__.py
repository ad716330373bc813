"""Every cached loader of the app: `st.cache_*` wrappers over `indicators.views` applied to the tables
`indicators.store` reads, and nothing else; pages call `app_data.<name>`. One module per job: `run_key`
(the build and boundary set a run reads: `DataKey`), `declared` (the catalogue, seed facts), `tables`
(the build's tables), `availability` (what is built, at which levels and years), `slices` (values,
series, region profiles). Cached analyses are in `app_analyses`."""
from app_data.availability import (
    available_indicators,
    forget_held,
    levels_for,
    macro_gap,
    mappable_indicators,
    missing_indicators,
    risk_bases,
    unknown_indicators,
    years_for,
)
from app_data.declared import catalogue, indicator, name, seed_facts, source_of, unit
from app_data.run_key import CURRENT_SET, DataKey, begin_run, boundary_set, data_key, data_version, one_build
from app_data.slices import region_profile, region_series, regions_side_by_side, series, values
from app_data.tables import (
    BUILD_COMMAND,
    build_report,
    coverage,
    designations,
    designations_as_designated,
    gaps,
    gaps_of,
    map_geometry,
    month_end,
    observations,
    observations_of,
    verify_built,
)

__all__ = [
    "available_indicators", "forget_held", "levels_for", "macro_gap", "mappable_indicators", "missing_indicators",
    "risk_bases", "unknown_indicators", "years_for", "catalogue", "indicator", "name", "seed_facts", "source_of",
    "unit", "CURRENT_SET", "DataKey", "begin_run", "boundary_set", "data_key", "data_version", "one_build",
    "region_profile", "region_series", "regions_side_by_side", "series", "values", "BUILD_COMMAND",
    "build_report", "coverage", "designations", "designations_as_designated", "gaps", "gaps_of",
    "map_geometry", "month_end", "observations", "observations_of", "verify_built",
]
