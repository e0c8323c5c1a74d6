import streamlit as st

# One-line html/css/js strings are paths (§1 heuristic). Streamlit resolves them only inside a
# pyproject.toml asset_dir of an installed package, so here the first registration raises
# "must be declared in pyproject.toml with asset_dir" (the emulator reads them next to the app
# instead: docs/fidelity.md row 2). The buttons render before it so each case can still be run.
missing = st.button("Missing js path")
slash = st.button("One-line inline JS with a slash")
if missing:
    st.components.v2.component("missing_js", js="./assets/missing.js")
if slash:
    st.components.v2.component("slash_js", js="export default function () { return 1/2 }")

from_files = st.components.v2.component(
    "from_files",
    html="assets/hello.html",
    css="./assets/style.css",
    js="./assets/hello.js",
)
from_files(key="files")
st.text("end of script")
