import streamlit as st
from lib import init, trigger_component

# basics.py "Trigger" (§11.1 test 3): foo / bar / both triggers with callbacks.
with st.container():
    st.subheader("Trigger")
    init("trigger_foo_count", 0)
    init("trigger_bar_count", 0)

    def on_foo_change():
        st.session_state.trigger_foo_count += 1

    def on_bar_change():
        st.session_state.trigger_bar_count += 1

    result = trigger_component(key="trigger_component_1", on_foo_change=on_foo_change, on_bar_change=on_bar_change)

    st.text(f"Result: {result}")
    st.text(f"Foo count: {st.session_state.trigger_foo_count}")
    st.text(f"Bar count: {st.session_state.trigger_bar_count}")
    st.text(f"Session state: {st.session_state.get('trigger_component_1')}")

    st.button("st.button trigger")
