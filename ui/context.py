"""The page context: which page, language and presenter mode a run draws (`Ctx`), and the page
opening that checks the build first (`page_setup`, `stop_unusable`)."""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import streamlit as st

import app_data
from indicators import config, store
from ui import chrome, nav, state
from ui.i18n import t


@dataclass(frozen=True)
class Ctx:
    page: str
    lang: str
    presenter: bool
    phone: bool = False  # a viewport under 640 px wide (`ui.chrome`): settings fold above the figure
    scale: float = 1.0  # presenting: the screen against 1280×720 (figures and type grow with it)
    slide: bool = False  # ?slide=1: a deck's slide, the page's main figure alone (`ui.slidemode`)

    def t(self, key: str, **fields) -> str:
        return t(key, self.lang, **fields)


def page_setup(page: str) -> Ctx:
    """Mirror the page in the URL, stop with the build command if there is no data."""
    nav.set_page(page)
    presenter, view = nav.presenter(), chrome.viewport()
    ctx = Ctx(page, nav.lang(), presenter, view.phone, view.scale if presenter else 1.0, state.slide_mode())
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
    (none published: the first of the set). `store.NotBuilt` names a missing file only in its
    message, hence the scan of `store.OUTPUTS` (see the report: NotBuilt could carry `path`)."""
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
