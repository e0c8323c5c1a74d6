"""Broken on purpose: the script calls st.rerun() on every run.

Streamlit reruns it forever; no request crosses the browser's socket, the loop is inside
Streamlit's script runner. Loopwright raises `rerun-storm` and holds the next st.rerun() while
reruns are paused (the run ends there instead); Resume lets it go on.
"""

import streamlit as st

st.session_state.setdefault("runs", 0)
st.session_state.runs += 1
st.write(f"run {st.session_state.runs}")
st.rerun()
