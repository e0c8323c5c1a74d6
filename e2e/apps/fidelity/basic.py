import streamlit as st
from lib import init

# basics.py "Basic (broad CSS + mixed state/trigger)" (§11.1 test 6): `default` seeds the
# result and session state; the HTML form's submit sets state and the click listener on
# parentElement fires a trigger, in one macrotask, so one rerun.
BASIC_DEFAULT = {"formValues": {"range": 20, "text": "Text input"}}

BASIC_JS = """
export default function(component) {
  const { data, parentElement, setStateValue, setTriggerValue } = component

  const form = parentElement.querySelector("form")
  const handleSubmit = (event) => {
    event.preventDefault()
    const formValues = {
      range: event.target.range.value,
      text: event.target.text.value,
    }
    setStateValue("formValues", formValues)
  }

  form.addEventListener("submit", handleSubmit)

  const handleClick = () => {
    setTriggerValue("clicked", true)
  }

  parentElement.addEventListener("click", handleClick)

  return () => {
    form.removeEventListener("submit", handleSubmit)
    parentElement.removeEventListener("click", handleClick)
  }
}
"""

BASIC_HTML = f"""
<h1>Hello World</h1>
<form>
  <label for="range">Range</label>
  <input type="range" id="range" name="range" min="0" max="100" value="{BASIC_DEFAULT["formValues"]["range"]}" />
  <label for="text">Text</label>
  <input type="text" id="text" name="text" value="{BASIC_DEFAULT["formValues"]["text"]}" />
  <button type="submit">Submit form</button>
</form>
"""

# Intentionally broad CSS rules to verify style isolation
BASIC_CSS = """
div {
    color: var(--st-primary-color);
    background-color: var(--st-background-color);
}
"""

with st.container():
    st.subheader("Basic (broad CSS + mixed state/trigger)")
    basic = st.components.v2.component("bidi_basic", js=BASIC_JS, html=BASIC_HTML, css=BASIC_CSS)
    init("basic_click_count", 0)

    def on_clicked_change():
        st.session_state.basic_click_count += 1

    result = basic(
        key="basic_component_1",
        data={"label": "Some data from python"},
        on_formValues_change=lambda: None,
        on_clicked_change=on_clicked_change,
        default=BASIC_DEFAULT,
    )

    st.text(f"Result: {result}")
    st.text(f"session_state: {st.session_state.get('basic_component_1')}")
    st.text(f"Click count: {st.session_state.basic_click_count}")
