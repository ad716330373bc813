"""The bench's baseline for a page switch: an empty Streamlit app of two pages (one st.title each, in
a keyed container), switched between from the sidebar as the app's pages are, so that a page switch of
the app is set beside Streamlit's own on the same machine and run."""
import streamlit as st


def _one() -> None:
    with st.container(key="bench_one"):
        st.title("균형 bench: page one")


def _two() -> None:
    with st.container(key="bench_two"):
        st.title("균형 bench: page two")


st.navigation([st.Page(_one, title="one", url_path="one", default=True),
               st.Page(_two, title="two", url_path="two")]).run()
