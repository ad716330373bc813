"""The bench's baseline page: an empty Streamlit app (one title), served by its own `streamlit run`
so that the map's first paint is set beside Streamlit's own start on the same machine and run."""
import streamlit as st

st.title("균형 bench: empty page")
