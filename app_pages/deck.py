"""발표 자료: the decks (list, new, import); one deck (`?id=`): its title and slides to reorder, edit and delete,
cover, headline and side-by-side slides to add, JSON export and import, the figures changed since it was
saved; presenting it (`&present=1`) and printing it (`&print=1`)."""
import streamlit as st

from ui import deckfigures, page
from ui.panels import deck_add, deck_changes, deck_edit, deck_import, deck_list, deck_show, deck_slide_form, headlines

ctx, title = page.open_page_slot("deck")
deck = deck_edit.requested(ctx)
if deck is None:
    title.title(ctx.t("page_deck"))
    deck_list.show(ctx)
    st.stop()

figures = deckfigures.card_figures(headlines.cards(ctx.lang))
shown_as = deck_show.mode()
if shown_as is not None:
    deck_show.show(ctx, deck, figures, shown_as)
    st.stop()

title.title(ctx.t("page_deck"))
deck_edit.header(ctx, deck)
deck_changes.show(ctx, deck, figures)
deck_edit.slides(ctx, deck, deck_slide_form.form)
deck_add.show(ctx, deck, figures)
deck_add.page_links(ctx)
deck_import.show(ctx, deck)
