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
shown = datapage.catalogue_cells(catalogue)[list(datapage.CATALOGUE_ORDER)]
st.markdown(datapage.catalogue_css(list(shown.columns)), unsafe_allow_html=True)
with st.container(key="catalogue"):  # a static table: every cell in full (a grid would cut them)
    st.table(shown, hide_index=True, height=460)
download_csv(catalogue, "catalogue", ctx, key="dl_catalogue")

st.subheader(ctx.t("build_report"))
report = app_data.build_report()
st.text(ctx.t("build_rows", rows=f"{report.get('rows', 0):,}"))
st.dataframe(datapage.report_table(ctx), hide_index=True, width="stretch")
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
    st.dataframe(conflicts, hide_index=True, width="stretch")
    download_csv(conflicts, "raw_file_conflicts", ctx, key="dl_conflicts")
with st.expander(ctx.t("raw_files_list", n=n)):
    files = datapage.raw_files_table(ctx)
    st.dataframe(files, hide_index=True, width="stretch", height=320)
    download_csv(files, "raw_files", ctx, key="dl_raw_files")
with st.expander(ctx.t("lineage_title")):
    st.caption(ctx.t("lineage_intro"))
    lineage = datapage.lineage_table(ctx)
    st.dataframe(lineage, hide_index=True, width="stretch", height=360)
    download_csv(lineage, "indicator_lineage", ctx, key="dl_lineage")
with st.expander(ctx.t("exports_reference_title")):
    st.caption(ctx.t("exports_reference_intro"))
    st.dataframe(datapage.exports_reference_table(ctx), hide_index=True, width="stretch")

level = pickers.pick_level(ctx, ["sido", "sigungu"], "sido")
fig, cov = datapage.coverage_figure(ctx, level)
if fig is not None:
    show_figure(fig, key="coverage", filename=f"coverage_{level}", ctx=ctx, data=cov)

st.subheader(ctx.t("seed_facts"))
st.dataframe(datapage.seed_facts_table(ctx), hide_index=True, width="stretch", height=300)

st.subheader(ctx.t("tidy_download"))
obs = app_data.observations()
st.caption(f"{len(obs):,} rows · region_code, year, indicator, value")
download_csv(obs.drop(columns=["level"]), "observations_tidy", ctx, key="dl_tidy")
