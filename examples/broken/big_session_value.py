"""Heavy on purpose: big-session-value.ts in Python, for real Streamlit.

"Load catalogue" keeps a 24 MB catalogue (240,000 products keyed by SKU) in session state next to
a small counter. The Session State panel shows it collapsed with its size; clicking, rerunning and
reloading stay as quick as with a small value.
"""

import streamlit as st

PRODUCTS = 240_000


def catalogue():
    return {
        f"SKU-{i:06d}": {
            "name": f"Product number {i}",
            "price": round((i % 997) * 1.37, 2),
            "tags": ["catalogue", f"shelf-{i % 40}"],
            "stock": i % 13,
        }
        for i in range(PRODUCTS)
    }


if "clicks" not in st.session_state:
    st.session_state.clicks = 0
st.title("A big session-state value")
if st.button("Load catalogue"):
    st.session_state.catalogue = catalogue()
if st.button("Click"):
    st.session_state.clicks += 1
products = len(st.session_state.get("catalogue", {}))
st.write(f"{products} products, {st.session_state.clicks} clicks")
