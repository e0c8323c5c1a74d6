import type { St } from "loopwright";

// The seed's text input component (docs.streamlit.io, "Bidirectional communication"): the
// JavaScript side reads `data`, the script feeds session state back through `data`.
const js = `export default function ({ parentElement, data, setStateValue }) {
  const label = parentElement.querySelector("label");
  const input = parentElement.querySelector("input");
  label.textContent = data.label;
  if (input.value !== data.value) input.value = data.value ?? "";
  input.onkeydown = (e) => { if (e.key === "Enter") setStateValue("value", input.value); };
}`;

export default function app(st: St) {
  const textInput = st.components.v2.component("my_text_input", {
    html: "<label></label><input type='text' />",
    js,
  });

  function myTextInput(label: string, value = "", key?: string, onChange = () => {}) {
    const state = key ? st.session_state.get(key, {}) : {};
    value = state.value ?? value;
    return textInput({ data: { label, value }, default: { value }, key, on_value_change: onChange });
  }

  if (st.button("Hello World")) st.session_state.my_text_input_instance.value = "Hello World";
  const result = myTextInput("Enter something", "", "my_text_input_instance");
  st.write(result);
}
