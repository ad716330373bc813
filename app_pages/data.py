"""자료·방법: catalogue, build report, coverage matrix, quoted figures, the tidy table as CSV.

The first screen is the catalogue, a static table (`ui.statictable`: one HTML table, drawn as soon as it
arrives). What is folded away (the file lists, the lineage, the published export figures) runs only once
opened (`page.folded`): the first view sends and draws none of it, and needs no grid code."""
import streamlit as st

import app_data
from ui import datatable, page, pickers, statictable
from ui.figures import download_csv, show_figure
from ui.panels import datapage

ctx = page.open_page("data", "data_title")


def grid(frame, filename: str, height: int | None = None, key: str | None = None) -> None:
    """A file table as a grid (columns fitted to their text) and its CSV."""
    datatable.show(ctx, frame, key=f"grid_{filename}", height=height,
                   column_config=datapage.fitted_columns(frame, ctx.lang))
    download_csv(frame, filename, ctx, key=key or f"dl_{filename}")


if app_data.unknown_indicators():
    st.warning(ctx.t("unknown_meta", ids=", ".join(app_data.unknown_indicators())))

st.subheader(ctx.t("catalog_table"))
# static tables: every cell in full (a grid would cut them), long text wrapped, scrolling inside
statictable.show(datapage.catalogue_html(ctx), "catalogue", ctx.lang)
page.slide_end(ctx)
download_csv(datapage.catalogue_table(ctx), "catalogue", ctx, key="dl_catalogue")

st.subheader(ctx.t("build_report"))
report = app_data.build_report()
st.text(ctx.t("build_rows", rows=f"{report.get('rows', 0):,}"))
statictable.show(datapage.report_table(ctx), "build_report", ctx.lang, 420)
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
    grid(conflicts, "raw_file_conflicts", key="dl_conflicts")
with page.folded(ctx.t("raw_files_list", n=n), "data_files") as box:
    if box.open:
        grid(datapage.raw_files_table(ctx), "raw_files", 320)
with page.folded(ctx.t("lineage_title"), "data_lineage") as box:
    st.caption(ctx.t("lineage_intro"))
    if box.open:
        grid(datapage.lineage_table(ctx), "indicator_lineage", 360, key="dl_lineage")
with page.folded(ctx.t("exports_reference_title"), "data_exports") as box:
    st.caption(ctx.t("exports_reference_intro"))
    if box.open:
        statictable.show(datapage.exports_reference_table(ctx), "exports_reference", ctx.lang)

level = pickers.pick_level(ctx, ["sido", "sigungu"], "sido")
fig, cov = datapage.coverage_figure(ctx, level)
if fig is not None:
    show_figure(fig, key="coverage", filename=f"coverage_{level}", ctx=ctx, data=cov)

st.subheader(ctx.t("seed_facts"))
statictable.show(datapage.seed_facts_table(ctx), "seed_facts", ctx.lang, 300)

st.subheader(ctx.t("tidy_download"))
obs = app_data.observations()
tidy = obs.drop(columns=["level"])
st.caption(ctx.t("tidy_rows", n=f"{len(obs):,}", columns=", ".join(datapage.tidy_titles(tidy, ctx.lang))))
download_csv(tidy, "observations_tidy", ctx, key="dl_tidy")
