import streamlit as st
from lib import init

# The native elements authors put around a component (issue 3 item 10; docs/semantics.md
# Appendix A test ids), with keys, on_change callbacks and session-state rules.
WIDGETS = ["cb", "tg", "sl", "ni", "sb", "rd", "ta"]

for key in WIDGETS:
    init(f"{key}_changes", 0)


def changed(key):
    def callback():
        st.session_state[f"{key}_changes"] += 1
        # Callbacks run before the body and already see the new value.
        st.session_state[f"{key}_seen"] = st.session_state[key]

    return callback


# Session-state writes before the widgets are created set their values, without callbacks.
if st.button("Preset via session_state"):
    st.session_state.cb = True
    st.session_state.ni = 42
    st.session_state.rd = "z"

st.header("Native header")
st.subheader("Native subheader")
st.caption("Native caption")
st.text("Native text")
st.code("const answer = 42;", language="javascript")
st.divider()
st.info("Info alert")
st.success("Success alert")
st.warning("Warning alert")
st.error("Error alert")

values = {
    "cb": st.checkbox("Check me", key="cb", on_change=changed("cb")),
    "tg": st.toggle("Toggle me", key="tg", on_change=changed("tg")),
    "sl": st.slider("Slide", min_value=0, max_value=10, value=3, key="sl", on_change=changed("sl")),
    "ni": st.number_input("Number", key="ni", on_change=changed("ni")),
    "sb": st.selectbox("Pick", ["a", "b", "c"], key="sb", on_change=changed("sb")),
    "rd": st.radio("Choose", ["x", "y", "z"], key="rd", on_change=changed("rd")),
    "ta": st.text_area("Notes", key="ta", on_change=changed("ta")),
}
for key in WIDGETS:
    st.text(
        f"{key} value: {values[key]!r} · changes: {st.session_state[f'{key}_changes']}"
        f" · seen: {st.session_state.get(f'{key}_seen')!r}"
    )

columns = st.columns(3)
for i, column in enumerate(columns):
    column.text(f"column {i + 1}")
st.container(border=True).text("inside a bordered container")
with st.expander("More details"):
    st.text("inside the expander")
st.sidebar.text("inside the sidebar")
sidebar_toggle = st.sidebar.checkbox("Sidebar box", key="side_cb")
st.text(f"side_cb value: {sidebar_toggle!r}")

init("body_runs", 0)
st.session_state.body_runs += 1
st.text(f"body runs: {st.session_state.body_runs}")
if st.button("st.rerun once"):
    init("reran", 0)
    st.session_state.reran += 1
    st.rerun()
if st.button("st.stop here"):
    st.text("before stop")
    st.stop()
st.button("Unrelated rerun")
if st.button("Write ni after widget"):
    st.session_state.ni = 1
st.text("end of script")
