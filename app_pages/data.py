"""자료·방법: catalogue, build report, coverage matrix, quoted figures, the tidy table as CSV."""
import streamlit as st

import app_data
from ui import page, pickers
from ui.figures import download_csv, show_figure
from ui.panels import datapage

ctx = page.open_page("data", "data_title")

if app_data.unknown_indicators():
    st.warning(ctx.t("unknown_meta", ids=", ".join(app_data.unknown_indicators())))

st.subheader(ctx.t("catalog_table"))
catalogue = datapage.catalogue_table(ctx)
# static tables: every cell in full (a grid would cut them), long text wrapped, scrolling inside
datapage.static_table(catalogue[list(datapage.CATALOGUE_ORDER)], "catalogue", ctx.lang, 460, datapage.CATALOGUE_WRAP)
download_csv(catalogue, "catalogue", ctx, key="dl_catalogue")

st.subheader(ctx.t("build_report"))
report = app_data.build_report()
st.text(ctx.t("build_rows", rows=f"{report.get('rows', 0):,}"))
datapage.static_table(datapage.report_table(ctx), "build_report", ctx.lang, 420)
page.raw_needed(ctx, expanded=False)

st.subheader(ctx.t("raw_files"))
ok, n = datapage.raw_files_summary(ctx)
(st.success if ok == n else st.warning)(ctx.t("raw_files_summary", ok=ok, n=n), icon=":material/fact_check:")
st.caption(ctx.t("overlap_rule"))
conflicts = datapage.conflicts_table(ctx)
if conflicts.empty:
    st.caption(ctx.t("no_conflicts"))
else:
    st.warning(ctx.t("conflicts", n=len(conflicts)))
    st.dataframe(conflicts, hide_index=True, width="stretch",
                 column_config=datapage.fitted_columns(conflicts, ctx.lang))
    download_csv(conflicts, "raw_file_conflicts", ctx, key="dl_conflicts")
with st.expander(ctx.t("raw_files_list", n=n)):
    files = datapage.raw_files_table(ctx)
    st.dataframe(files, hide_index=True, width="stretch", height=320,
                 column_config=datapage.fitted_columns(files, ctx.lang))
    download_csv(files, "raw_files", ctx, key="dl_raw_files")
with st.expander(ctx.t("lineage_title")):
    st.caption(ctx.t("lineage_intro"))
    lineage = datapage.lineage_table(ctx)
    st.dataframe(lineage, hide_index=True, width="stretch", height=360,
                 column_config=datapage.fitted_columns(lineage, ctx.lang))
    download_csv(lineage, "indicator_lineage", ctx, key="dl_lineage")
with st.expander(ctx.t("exports_reference_title")):
    st.caption(ctx.t("exports_reference_intro"))
    datapage.static_table(datapage.exports_reference_table(ctx), "exports_reference", ctx.lang)

level = pickers.pick_level(ctx, ["sido", "sigungu"], "sido")
fig, cov = datapage.coverage_figure(ctx, level)
if fig is not None:
    show_figure(fig, key="coverage", filename=f"coverage_{level}", ctx=ctx, data=cov)

st.subheader(ctx.t("seed_facts"))
datapage.static_table(datapage.seed_facts_table(ctx), "seed_facts", ctx.lang, 300)

st.subheader(ctx.t("tidy_download"))
obs = app_data.observations()
tidy = obs.drop(columns=["level"])
st.caption(ctx.t("tidy_rows", n=f"{len(obs):,}", columns=", ".join(datapage.tidy_titles(tidy, ctx.lang))))
download_csv(tidy, "observations_tidy", ctx, key="dl_tidy")
