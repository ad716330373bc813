"""Forum decks (발표 자료): slides captured from the app's views, kept on the server.

`decks.model` the deck as typed records and its strict JSON form; `decks.fields` the readers that
check each field of that JSON; `decks.store` where decks are kept (SQLite by default, PostgreSQL
when $BALANCE_DECKS_URL names one). No Streamlit here: the pages build on this package.
"""
