import streamlit as st
from lib import init

# basics.py "Global hotkey interface" (§11.1 test 7): typing in an <input> the component owns
# must not fire the app's global hotkeys (R = rerun).
HOTKEY_JS = """
export default function(component) {
  const { parentElement, setStateValue } = component

  const form = parentElement.querySelector("form")
  const input = parentElement.querySelector("#hotkey-text")

  const handleSubmit = (event) => {
    event.preventDefault()
    setStateValue("text", input?.value ?? "")
  }

  form.addEventListener("submit", handleSubmit)

  return () => {
    form.removeEventListener("submit", handleSubmit)
  }
}
"""

HOTKEY_HTML = """
<form>
  <label for="hotkey-text">Hotkey Text</label>
  <input type="text" id="hotkey-text" name="hotkey-text" value="" />
  <button type="submit">Submit</button>
</form>
"""

with st.container():
    st.subheader("Global hotkey interface")
    init("hotkey_runs", 0)
    st.session_state.hotkey_runs += 1

    cmp = st.components.v2.component("bidi_hotkey_regression", js=HOTKEY_JS, html=HOTKEY_HTML)
    result = cmp(key="hotkey_regression_component")
    st.text(f"Hotkey runs: {st.session_state.hotkey_runs}")
    st.text(f"Result: {result}")
