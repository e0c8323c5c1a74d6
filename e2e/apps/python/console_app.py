"""print, logging, an exception and a crash, for the Log and the host's recovery."""

import logging
import os

import streamlit as st

print("hello from print")
logging.getLogger("myapp").warning("careful: %s", "logged")
if st.button("Raise"):
    raise ValueError("boom from the script")
if st.button("Crash"):
    os._exit(3)
st.write("alive")
