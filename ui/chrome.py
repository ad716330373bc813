"""The page chrome the browser keeps for every page (`ui/assets/chrome.js`, an invisible
`st.components.v2` component drawn in the page): the screen width that print scales from, and in
presenter mode the sidebar closed after a page is chosen from it."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

ASSETS = Path(__file__).resolve().parent / "assets"

_mount = st.components.v2.component("balance_chrome", js=(ASSETS / "chrome.js").read_text(encoding="utf-8"))


def mount(page: str, presenter: bool) -> None:
    """Once per run, before the page draws (app.py); its container is hidden (app.py BASE_CSS). `page`
    (the page's URL path) makes the component run again on a page switch."""
    with st.container(key="bal_chrome"):
        _mount(data={"page": page, "presenter": presenter}, key="page_chrome")
