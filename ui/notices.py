"""The notice under a page when indicators it could show are not in the build: which official raw
files they need (the build report's reason per source) and the command that builds them."""
from __future__ import annotations

import streamlit as st

import app_data
from ui import format as fmt
from ui.context import Ctx


def _skip_reasons() -> dict[str, str]:
    rep = app_data.build_report()
    raw_dir = rep.get("raw_dir", "")
    return {s.get("source", ""): fmt.without_paths(s.get("reason", ""), raw_dir)
            for s in rep.get("sources", []) if s.get("status") != "built"}


def _root_sources(ind_id: str, depth: int = 0) -> list[str]:
    """Source ids an indicator ultimately comes from (derived ones: the sources of their inputs)."""
    ind = app_data.indicator(ind_id)
    if ind is None:
        return ["?"]
    if ind.source != "derived" or depth > 3:
        return [ind.source]
    out: list[str] = []
    for i in (x for x in (ind.numerator, ind.denominator) if x):  # a count of 시군구 names its index
        out += [s for s in _root_sources(i, depth + 1) if s not in out]
    return out or ["derived"]


def raw_needed(ctx: Ctx, ind_ids: list[str] | None = None, *, expanded: bool = False) -> None:
    """Say which of `ind_ids` (None: every catalogued indicator) are absent from the build, which raw
    files they need and the command that builds them; nothing when none is absent."""
    have = set(app_data.available_indicators())
    missing = app_data.missing_indicators() if ind_ids is None else [i for i in ind_ids if i not in have]
    if not missing:
        return
    cat = app_data.catalogue()
    reasons = _skip_reasons()
    by_source: dict[str, list[str]] = {}
    for i in missing:
        for src in _root_sources(i):
            by_source.setdefault(src, []).append(app_data.name(i, ctx.lang))
    with st.expander(ctx.t("needs_raw", what=f"{len(missing)}"), expanded=expanded):
        lines = []
        for src, names in sorted(by_source.items()):
            meta = cat.sources.get(src)
            producer = fmt.citation(meta, ctx.lang, short=True) or meta.producer if meta else ""
            label = f"**{producer}** ({meta.table_id}, {meta.url})" if meta else f"**{src}**"
            where = [("data/raw/" if "/" in f else "data/raw/…/") + f for f in (meta.files if meta else ())]
            files = f" · `{', '.join(where)}`" if where else ""
            why = reasons.get(src, "")
            lines.append(f"- {label}{files}: {', '.join(sorted(set(names)))}"
                         + (f"  \n  {ctx.t('skipped')}: `{why.replace('`', '')}`" if why else ""))
        st.markdown("\n".join(lines))
        st.code(app_data.BUILD_COMMAND, language="bash")
        st.caption(ctx.t("build_hint"))
