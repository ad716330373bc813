"""A run the browser asks for by itself (the page's figure is drawn: `ui.chrome._figure_drawn` calls
`state.hold_next_run`) changes no setting: each keeps the value the run before showed, whatever value the
browser sends. On a loaded machine the browser could send a value the run before had just changed on the server
before drawing that change (leaving presenter mode: the browser's toggle still said on), and presenter mode came
back on. A callback's choice in the same run (`state.choose`: the 'leave presenter mode' button clicked as the
browser asks) still wins. Under AppTest: a mirrored toggle, its browser value set back in the same run the hold is
asked for."""
from __future__ import annotations

from streamlit.testing.v1 import AppTest


def _script() -> None:
    import streamlit as st

    from ui import state

    state.begin_run()
    flag = state.bind("flag", lambda k: st.toggle("flag", key=k), valid=lambda v: isinstance(v, bool), default=True,
                      scope="t", parse=state.parse_bool, serialize=lambda v: "1" if v else "0")
    st.button("hold", key="hold", on_click=state.hold_next_run)
    st.button("off", key="off", on_click=state.choose, args=("t", "flag", False))
    st.text(f"flag={flag}")


def _shown(at: AppTest) -> str:
    return at.text[0].value


def test_a_held_run_keeps_the_value_the_run_before_showed():
    at = AppTest.from_function(_script).run()
    assert _shown(at) == "flag=True"
    at.toggle(key="w_t_flag").set_value(False).run()
    assert _shown(at) == "flag=False" and at.query_params.get("flag") == "0"
    # the browser's stale value (on) comes with the run it asked for by itself: the run shows off, as before
    at.toggle(key="w_t_flag").set_value(True)
    at.button(key="hold").click().run()
    assert _shown(at) == "flag=False" and at.toggle(key="w_t_flag").value is False
    # the next run the reader asks for takes the reader's value
    at.toggle(key="w_t_flag").set_value(True).run()
    assert _shown(at) == "flag=True"


def test_a_callbacks_choice_wins_over_a_held_run():
    at = AppTest.from_function(_script).run()
    assert _shown(at) == "flag=True"
    at.button(key="hold").click()
    at.button(key="off").click().run()  # both in one run: the browser's request and the reader's click
    assert _shown(at) == "flag=False" and at.toggle(key="w_t_flag").value is False
