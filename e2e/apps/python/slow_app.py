"""A run that takes a while, for Stop."""

import time

import streamlit as st

st.write("ready")
if st.button("Slow"):
    for step in range(100):
        st.write(f"step {step}")
        time.sleep(0.1)
