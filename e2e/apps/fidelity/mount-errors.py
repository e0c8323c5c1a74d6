import streamlit as st
from lib import srepr

# Mount-call rules (§2, §4, §5, §11.4g): every case is a button; clicking it makes the bad call
# after everything above has rendered, so each run shows exactly one exception.
JS = """
export default function({ parentElement }) {
  parentElement.textContent = 'probe'
}
"""

probe = st.components.v2.component("probe", js=JS)


def duplicate_key():
    probe(key="dup", data=1)
    probe(key="dup", data=2)


def duplicate_unkeyed():
    probe(data="same")
    probe(data="same")


cases = {
    "Key with __": lambda: probe(key="bad__key"),
    "Duplicate key": duplicate_key,
    "Duplicate unkeyed": duplicate_unkeyed,
    "on_change callback": lambda: probe(key="cb", on_change=lambda: None),
    "Default without callback": lambda: probe(key="dk", default={"b": 1}, on_a_change=lambda: None),
    "Width auto": lambda: probe(key="w", width="auto"),
    "Missing result attribute": lambda: probe(key="r").missing,
}
clicked = [label for label in cases if st.button(label)]

# Ignored, not errors (§2): a non-callable on_<x>_change and unknown keyword arguments.
ok = probe(key="ok", on_x_change="str", foo=1)
st.text(f"ok result: {srepr(ok)}")
# Unkeyed instances are not in session state (§6).
probe(data="unkeyed")
st.text(f"session keys: {','.join(sorted(st.session_state.keys()))}")

for label in clicked:
    cases[label]()
st.text("end of script")
