import streamlit as st
from lib import ctx_component, inc, init

# basics.py "Fragment context" (§11.1 test 5, §8.5): an interaction inside @st.fragment reruns
# only the fragment; the global run counter stays. Plus st.rerun(scope="fragment").
with st.container():
    st.subheader("Fragment context (partial reruns and local counters)")
    init("frag_text_changes", 0)
    init("frag_clicked_changes", 0)
    init("frag_runs", 0)
    init("runs", 0)
    st.session_state.runs += 1

    @st.fragment
    def render_fragment():
        st.session_state.frag_runs += 1
        frag_result = ctx_component(
            key="in_fragment",
            data={"contextName": "Fragment"},
            on_text_change=inc("frag_text_changes"),
            on_clicked_change=inc("frag_clicked_changes"),
        )
        st.text(f"Fragment Result: {frag_result}")
        st.text(f"Fragment session state: {st.session_state.get('in_fragment')}")
        st.text(f"Fragment Text changes: {st.session_state.frag_text_changes}")
        st.text(f"Fragment Clicked count: {st.session_state.frag_clicked_changes}")
        st.text(f"Fragment runs: {st.session_state.frag_runs}")
        if st.button("Rerun this fragment"):
            st.rerun(scope="fragment")

    render_fragment()

    st.text(f"Runs: {st.session_state.runs}")
