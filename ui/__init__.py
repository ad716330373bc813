"""Shared pieces of the Streamlit app: view state, labels, number formats, chart builders.

Pages stay thin (title → selection widgets → cached data → chart); anything two pages need
lives here. Nothing in `ui` reads raw files: data comes through `app_data`.
"""
