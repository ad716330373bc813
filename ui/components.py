"""Page building blocks: setup, bound pickers, figure + downloads, source captions, notices.

Pages call these so that each page file reads: title → selection widgets → cached data → chart.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

import app_data
from geo import regions
from indicators import config, store
from ui import charts, state
from ui import format as fmt
from ui.i18n import t

CATEGORY_KO = {"demography": "인구", "economy": "경제", "income": "소득", "fiscal": "재정", "trade": "무역",
               "migration": "인구이동", "health": "보건", "welfare": "복지", "housing": "주거", "geography": "국토",
               "composite": "종합", "reference": "참고"}

# Concepts the overview and the quoted figures refer to, with the indicators that measure them
# (best first). Exports: any indicator whose id starts with "exports".
CONCEPTS: dict[str, tuple[str, ...]] = {
    "population": ("reg_pop_total_persons", "res_total_persons", "census_population_persons"),
    "grdp": ("grdp_nominal_krw_mn", "census_grdp_krw_mn"),
    "fiscal": ("fiscal_self_reliance_pct",),
}
HINT_TARGET = {"population_capital_share": ("population", "CR"), "grdp_capital_share": ("grdp", "CR"),
               "grdp_noncapital_share": ("grdp", "NC"), "exports_capital_share": ("exports", "CR"),
               "exports_noncapital_share": ("exports", "NC")}


@dataclass(frozen=True)
class Ctx:
    page: str
    lang: str
    presenter: bool

    def t(self, key: str, **fields) -> str:
        return t(key, self.lang, **fields)


def page_setup(page: str) -> Ctx:
    """Mirror the page in the URL, stop with the build command if there is no data."""
    state.set_page(page)
    ctx = Ctx(page, state.lang(), state.presenter())
    try:
        app_data.verify_built()
    except store.NotBuilt as err:
        stop_unusable(err, ctx.lang)
    return ctx


# What the app says when the built data is missing or unusable (user-facing: the one fix is the
# build command; the detail names the file and what is wrong with it, shown as plain text).
_DATA_MESSAGES = {
    "missing": ("자료가 아직 만들어지지 않았거나 일부 파일이 없습니다 ({file}). "
                "다음 명령으로 자료를 만드세요:",
                "The data has not been built, or a built file is missing ({file}). Build it with:"),
    "broken": ("만들어진 자료 파일이 손상되었거나 형식이 맞지 않습니다 ({file}). "
               "다음 명령으로 다시 만드세요:",
               "A built data file is damaged or not in the expected format ({file}). Rebuild it with:"),
}


def _unusable_file(err: store.NotBuilt) -> Path:
    """The file `err` is about; for a missing file, the first of the published set that is absent
    (none published: the first of the set)."""
    path = getattr(err, "path", None)
    if path is not None:
        return Path(path)
    try:
        folder = store.build_dir()
    except store.NotBuilt:
        folder = config.out_dir()
    return next((folder / f for f in store.OUTPUTS if not (folder / f).exists()), folder / store.OUTPUTS[0])


def stop_unusable(err: store.NotBuilt, lang: str) -> None:
    """Show one clear message (what is wrong, in which file, and the command that fixes it), then stop."""
    name = _unusable_file(err).name
    kind = "broken" if isinstance(err, store.BuiltDataError) else "missing"
    ko, en = _DATA_MESSAGES[kind]
    st.error((en if lang == "en" else ko).format(file=name), icon=":material/error:")
    st.code(app_data.BUILD_COMMAND, language="bash")
    if isinstance(err, store.BuiltDataError):
        st.text(f"{name}: {err.problem}")
    st.stop()


# ---------------------------------------------------------------- pickers bound to the URL

def indicator_label(ind_id: str, lang: str) -> str:
    ind = app_data.indicator(ind_id)
    cat = ""
    if ind is not None:
        cat = CATEGORY_KO.get(ind.category, ind.category) if lang == "ko" else ind.category
    return f"[{cat}] {fmt.indicator_label(ind_id, lang)}" if cat else fmt.indicator_label(ind_id, lang)


@st.cache_resource(show_spinner=False, max_entries=4)
def _indicator_labels(lang: str) -> dict[str, str]:
    """`indicator_label` of every catalogued indicator: the selectbox formats all its options on
    every rerun, and each label asks the catalogue cache three times. Shared: read only."""
    return {i: indicator_label(i, lang) for i in app_data.catalogue().indicators}


def pick_indicator(ctx: Ctx, options: list[str], preferred: tuple[str, ...] = (), *, container=st) -> str:
    default = next((p for p in preferred if p in options), options[0])
    labels = _indicator_labels(ctx.lang)

    def label(i: str) -> str:
        text = labels.get(i)
        return text if text is not None else indicator_label(i, ctx.lang)

    return state.bind("indicator", lambda k: container.selectbox(
        ctx.t("indicator"), options, key=k, format_func=label),
        options=options, default=default, scope=ctx.page)


def pick_level(ctx: Ctx, levels: list[str], default: str = "sido", *, container=st, help: str | None = None,
               short: bool = False) -> str:
    """Level picker bound to `?level=`: 'macro' (권역), 'sido', 'sigungu' as offered; `default` if offered,
    else the first (an indicator published only per 권역 opens at 권역). `short`: brief labels
    (English 'Macro' / 'Province' / 'District') for a narrow column."""
    default = default if default in levels else levels[0]
    label = (lambda lv: ctx.t(f"level_short_{lv}")) if short else (lambda lv: ctx.t(lv))
    return state.bind("level", lambda k: container.segmented_control(
        ctx.t("level"), levels, key=k, required=True, format_func=label, help=help),
        options=levels, default=default, scope=ctx.page)


def pick_year(ctx: Ctx, years: list[int], *, container=st) -> int:
    default = years[-1]

    def render(key: str) -> int:
        if len(years) == 1:
            container.markdown(f"**{ctx.t('year')}**: {fmt.year_text(years[0], ctx.lang)}")
            return years[0]
        return container.select_slider(ctx.t("year"), years, key=key)

    return state.bind("year", render, options=years, default=default, scope=ctx.page, parse=int)


def region_label(code: str, lang: str) -> str:
    row = regions.require(code)
    if row["level"] == "sido":
        return f"{regions.name(code, lang, full=True)}"
    return regions.name(code, lang)


def pick_region(ctx: Ctx, codes: list[str], default: str, *, container=st) -> str:
    return state.bind("region", lambda k: container.selectbox(
        ctx.t("region"), codes, key=k, format_func=lambda c: region_label(c, ctx.lang)),
        options=codes, default=default, scope=ctx.page)


def pick_choice(ctx: Ctx, name: str, options: list[str], default: str, label: str, labels: dict[str, str],
                *, container=st) -> str:
    return state.bind(name, lambda k: container.segmented_control(
        label, options, key=k, required=True, format_func=lambda o: labels.get(o, o)),
        options=options, default=default, scope=ctx.page)


def pick_regions(ctx: Ctx, name: str, codes: list[str], label: str, *, container=st, max_n: int = 8) -> list[str]:
    allowed = set(codes)

    def parse(raw: str) -> list[str]:
        vals = [v for v in raw.split(",") if v]
        if not vals or len(vals) > max_n or any(v not in allowed for v in vals):
            raise ValueError(raw)
        return vals

    return state.bind(name, lambda k: container.multiselect(
        label, codes, key=k, max_selections=max_n, format_func=lambda c: region_label(c, ctx.lang)),
        valid=lambda v: isinstance(v, list) and len(v) <= max_n and all(c in allowed for c in v),
        default=[], scope=ctx.page, parse=parse, serialize=",".join)


def all_region_codes() -> list[str]:
    """시도 then 시군구 in registry order."""
    return regions.codes("sido") + regions.codes("sigungu")


# ---------------------------------------------------------------- figures

def show_figure(fig, *, key: str, filename: str, ctx: Ctx, data: pd.DataFrame | None = None,
                selectable: bool = False):
    """The chart (PNG via the mode bar, with title/unit/year/source inside) and a CSV download."""
    cfg = charts.plot_config(filename, ctx.presenter)
    if selectable:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None, on_select="rerun", selection_mode="points")
    else:
        event = st.plotly_chart(fig, key=key, config=cfg, theme=None)
    if data is not None:
        download_csv(data, filename, ctx, key=f"dl_{key}")
    return event


def download_csv(data: pd.DataFrame, filename: str, ctx: Ctx, key: str) -> None:
    st.download_button(ctx.t("download_csv"), lambda: data.to_csv(index=False).encode("utf-8-sig"),
                       file_name=f"{filename}.csv", mime="text/csv", key=key, icon=":material/download:",
                       on_click="ignore")


def source_caption(text: str) -> None:
    st.caption(text)


def hover_lines(frame: pd.DataFrame, ind_id: str, year: int, lang: str) -> pd.Series:
    """Hover text per region: name, value + unit, year, rank."""
    out = []
    for code, v, rank, n in zip(frame["region_code"], frame["value"], frame["rank"], frame["n_ranked"]):
        name = regions.name(code, lang)
        if fmt.is_missing(v):
            out.append(f"<b>{name}</b><br>{t('no_data', lang)} · {fmt.year_text(year, lang)}")
            continue
        compact = fmt.value(v, ind_id, lang)
        exact = fmt.value(v, ind_id, lang, compact=False)
        shown = compact if compact == exact else f"{compact} ({exact})"
        out.append(f"<b>{name}</b><br>{shown}<br>{fmt.year_text(year, lang)} · "
                   f"{t('rank', lang)} {t('rank_of', lang, r=int(rank), n=int(n))}")
    return pd.Series(out, index=frame.index)


# ---------------------------------------------------------------- notices

def _skip_reasons() -> dict[str, str]:
    rep = app_data.build_report()
    return {s.get("source", ""): s.get("reason", "") for s in rep.get("sources", []) if s.get("status") != "built"}


def _root_sources(ind_id: str, depth: int = 0) -> list[str]:
    """Source ids an indicator ultimately comes from (derived ones: the sources of their inputs)."""
    ind = app_data.indicator(ind_id)
    if ind is None:
        return ["?"]
    if ind.source != "derived" or depth > 3:
        return [ind.source]
    inputs = [x for x in (ind.numerator, ind.denominator) if x]  # a count of 시군구 names its index
    out: list[str] = []
    for i in inputs:
        for s in _root_sources(i, depth + 1):
            if s not in out:
                out.append(s)
    return out or ["derived"]


def raw_needed(ctx: Ctx, ind_ids: list[str] | None = None, *, expanded: bool = False) -> None:
    """Say which catalogued indicators are absent from the build, which raw files they need
    (the build report's reason per source), and the command that builds them."""
    have = set(app_data.available_indicators())
    missing = app_data.missing_indicators() if ind_ids is None else [i for i in ind_ids if i not in have]
    cat = app_data.catalogue()
    if not missing:
        return
    reasons = _skip_reasons()
    by_source: dict[str, list[str]] = {}
    for i in missing:
        for src in _root_sources(i):
            by_source.setdefault(src, []).append(app_data.name(i, ctx.lang))
    with st.expander(ctx.t("needs_raw", what=f"{len(missing)}"), expanded=expanded):
        lines = []
        for src, names in sorted(by_source.items()):
            meta = cat.sources.get(src)
            label = f"**{meta.producer}** ({meta.table_id}, {meta.url})" if meta else f"**{src}**"
            where = [("data/raw/" if "/" in f else "data/raw/…/") + f for f in (meta.files if meta else ())]
            files = f" · `{', '.join(where)}`" if where else ""
            why = reasons.get(src, "")
            lines.append(f"- {label}{files}: {', '.join(sorted(set(names)))}"
                         + (f"  \n  {ctx.t('skipped')}: `{why.replace('`', '')}`" if why else ""))
        st.markdown("\n".join(lines))
        st.code(app_data.BUILD_COMMAND, language="bash")
        st.caption(ctx.t("build_hint"))


# ---------------------------------------------------------------- concepts and quoted figures

def concept_indicator(concept: str) -> str | None:
    """The best available indicator measuring `concept` ('population', 'grdp', 'exports', 'fiscal')."""
    have = app_data.available_indicators()
    if concept == "exports":
        return next((i for i in have if i.startswith("exports")), None)
    return next((i for i in CONCEPTS.get(concept, ()) if i in have), None)


def concept_of(ind_id: str) -> str | None:
    if ind_id.startswith("exports"):
        return "exports"
    return next((c for c, ids in CONCEPTS.items() if ind_id in ids), None)


def quoted_shares(ind_id: str, lang: str, colors: dict[str, str]) -> list[dict]:
    """Quoted capital/non-capital share figures (seed_facts.csv) that refer to `ind_id`'s concept."""
    concept = concept_of(ind_id)
    facts = app_data.seed_facts()
    if concept is None or facts.empty:
        return []
    out = []
    for r in facts[(facts["kind"] == "figure") & facts["value"].notna()].itertuples():
        target = HINT_TARGET.get(r.indicator_hint)
        if not target or target[0] != concept or pd.isna(r.x):
            continue
        group = target[1]
        label = r.label_en if lang == "en" and r.label_en else r.label_ko
        src = f"{t('quoted', lang)}: {r.attribution or r.doc}"
        out.append({"x": r.x, "y": r.value, "group": group, "color": colors[group], "source": src,
                    "label": f"{r.value:g}{r.unit if r.unit == '%' else ' ' + r.unit}",
                    "legend": t("quoted_legend", lang),
                    "hover": f"<b>{label}</b> ({int(r.x)}): {r.value:g}{r.unit}<br>{src}<br>"
                             f"<i>{fmt_quote(r.quote_ko)}</i>"})
    return out


def fmt_quote(text: str, width: int = 60) -> str:
    import textwrap

    return "<br>".join(textwrap.wrap(str(text), width=width))[:400]


def events(lang: str) -> pd.DataFrame:
    """Policy events (seed_facts.csv, kind=event) with x (fractional year), label, source."""
    facts = app_data.seed_facts()
    ev = facts[(facts["kind"] == "event") & facts["x"].notna()].copy()
    ev["label"] = ev["label_en"].where((lang == "en") & (ev["label_en"] != ""), ev["label_ko"])
    return ev.sort_values("x")
