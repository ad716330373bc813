"""'PDF로 저장' / 'Save as PDF': a button that opens the browser's print dialog (`window.print()`), whose
'Save as PDF' writes the page as the print style lays it out (app.py BASE_CSS: no sidebar, no widgets;
a brief on A4, `ui.briefsheet`). Streamlit has no print API; like the copy-link button (`ui.share`) this is
a tiny `st.components.v2` component drawn in the page itself (ui/assets/print.{js,css}), sending nothing
back to Python. Its container (`.st-key-print_pdf`) is left off the paper."""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.i18n import t

ASSETS = Path(__file__).resolve().parent / "assets"

_mount = st.components.v2.component(
    "balance_print", js=(ASSETS / "print.js").read_text(encoding="utf-8"),
    css=(ASSETS / "print.css").read_text(encoding="utf-8"))


def button(lang: str, container=st) -> None:
    """The print button (a plain <button>: keyboard reachable)."""
    with container:
        _mount(data={"label": t("print_pdf", lang), "help": t("print_pdf_help", lang)}, key="print_pdf",
               height="content")
