import streamlit as st
from lib import ctx_component, init

# basics.py "Form context" (§11.1 test 4, §8.5): inside st.form, state waits for the submit and
# setTriggerValue is a no-op; the text callback runs on the submit rerun.
init("runs", 0)
st.session_state.runs += 1

with st.container():
    st.subheader("Form context (defer state; triggers ignored by CCv2 semantics)")
    init("form_text_changes", 0)
    init("form_clicked_changes", 0)

    def on_text_change():
        st.session_state.form_text_changes += 1

    def on_clicked_change():
        # Must never run: CCv2 triggers are ignored inside forms.
        st.session_state.form_clicked_changes += 1

    with st.form("bidi_form", clear_on_submit=False):
        form_result = ctx_component(
            key="in_form",
            data={"contextName": "Form"},
            on_text_change=on_text_change,
            on_clicked_change=on_clicked_change,
        )
        st.form_submit_button("Submit Form")

    st.text(f"Form Result: {form_result}")
    st.text(f"Form session state: {st.session_state.get('in_form')}")
    st.text(f"Form Text changes: {st.session_state.form_text_changes}")
    st.text(f"Form Clicked count: {st.session_state.form_clicked_changes}")
st.text(f"Runs: {st.session_state.runs}")
