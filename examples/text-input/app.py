"""The seed's text input component (docs.streamlit.io, "Bidirectional communication"), in Python.

Run it with real Streamlit under Loopwright: `npx loopwright serve examples/text-input/app.py`.
It is the same app as app.ts beside it, which Loopwright runs on its TypeScript emulator.
"""

import streamlit as st

JS = """export default function ({ parentElement, data, setStateValue }) {
  const label = parentElement.querySelector("label");
  const input = parentElement.querySelector("input");
  label.textContent = data.label;
  if (input.value !== data.value) input.value = data.value ?? "";
  input.onkeydown = (e) => { if (e.key === "Enter") setStateValue("value", input.value); };
}"""

text_input_component = st.components.v2.component(
    "my_text_input",
    html="<label></label><input type='text' />",
    js=JS,
)


def my_text_input(label, value="", key=None, on_change=lambda: None):
    component_state = st.session_state.get(key, {})
    value = component_state.get("value", value)
    data = {"label": label, "value": value}
    return text_input_component(
        data=data,
        default={"value": value},
        key=key,
        on_value_change=on_change,
    )


if st.button("Hello World"):
    st.session_state.my_text_input_instance.value = "Hello World"
result = my_text_input("Enter something", key="my_text_input_instance")
st.write(result)
