"""Broken on purpose: storm-on-render.ts in Python, for real Streamlit.

The component writes a new value during every invocation. Each write reruns the script, whose
render invokes the component again: a rerun storm no user action causes. Loopwright raises
`rerun-storm` and pauses reruns; under plain `streamlit run` it reruns forever.
"""

import streamlit as st

JS = """export default function ({ parentElement, data, setStateValue }) {
  parentElement.querySelector("span").textContent = "★".repeat(data.stars) + " " + (data.rating ?? "");
  setStateValue("rating", Math.random());
}"""

stars = st.components.v2.component("stars", html="<span></span>", js=JS)
st.title("Storm on every render")
# The rating goes back down in `data`, so every write changes `data` and re-invokes the component.
rating = st.session_state.get("stars", {}).get("rating")
result = stars(key="stars", data={"stars": 3, "rating": rating}, on_rating_change=lambda: None)
st.write(result)
