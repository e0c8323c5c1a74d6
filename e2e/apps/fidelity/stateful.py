import streamlit as st
from lib import init, stateful_component

# basics.py "Stateful" (§11.1 test 2): two state keys with callbacks; an unrelated st.button.
with st.container():
    st.subheader("Stateful")
    init("stateful_range_change_count", 0)
    init("stateful_text_change_count", 0)

    def on_range_change():
        st.session_state.stateful_range_change_count += 1

    def on_text_change():
        st.session_state.stateful_text_change_count += 1

    result = stateful_component(
        key="stateful_component_1",
        on_range_change=on_range_change,
        on_text_change=on_text_change,
    )

    st.text(f"Result: {result}")
    st.text(f"session_state: {st.session_state.get('stateful_component_1')}")
    st.text(f"Range change count: {st.session_state.stateful_range_change_count}")
    st.text(f"Text change count: {st.session_state.stateful_text_change_count}")
st.divider()
st.button("st.button trigger")
