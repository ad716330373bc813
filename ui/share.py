"""'링크 복사' / 'Copy link': a button that copies the page's full address to the clipboard.

The address is the view: every control that changes what a page shows is in the query string
(`ui.state`, `ui.pickers`), so the copied link reopens the same view and numbers. Streamlit has no
clipboard API; this is a tiny `st.components.v2` component drawn in the page itself (no iframe,
no build step, no CDN: ui/assets/share.{js,css}). It sends nothing back to Python.
"""
from __future__ import annotations

from pathlib import Path

import streamlit as st

from ui.i18n import t

ASSETS = Path(__file__).resolve().parent / "assets"

_mount = st.components.v2.component(
    "balance_share", js=(ASSETS / "share.js").read_text(encoding="utf-8"),
    css=(ASSETS / "share.css").read_text(encoding="utf-8"))


def labels(lang: str) -> dict[str, str]:
    """What the button says (idle, after copying, when the browser refused) and its tooltip."""
    return {"label": t("share_copy", lang), "copied": t("share_copied", lang), "failed": t("share_failed", lang),
            "help": t("share_help", lang)}


def copy_link(lang: str, container=st) -> None:
    """The copy-link button (keyboard reachable: a plain <button>)."""
    with container:
        _mount(data=labels(lang), key="share_link", height="content")
