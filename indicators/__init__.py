"""균형: official statistics → tidy, validated indicator tables (no Streamlit here)."""
