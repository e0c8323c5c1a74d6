"""A multipage app with its own .streamlit config and secrets, as `streamlit run` would run it."""

import streamlit as st

st.title("Home page")
st.session_state.setdefault("visits", 0)
st.session_state.visits += 1
st.write(f"primary color {st.get_option('theme.primaryColor')}")
st.write(f"secret {st.secrets['token']}")
