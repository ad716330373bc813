"""Serving 균형 with more than one Streamlit process behind nginx (`python -m deploy`)."""
