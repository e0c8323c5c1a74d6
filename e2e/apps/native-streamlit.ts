import type { St } from "loopwright";

// Streamlit's own widget e2e apps (e2e_playwright/st_selectbox.py, st_slider.py, …), ported to the
// calls e2e/native-streamlit.spec.ts drives with the same locators and key presses as Streamlit's tests.

/** Python's str() of what these widgets return: None, True/False, bare strings, tuples for pairs. */
function str(value: unknown): string {
  if (value === null || value === undefined) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (Array.isArray(value)) return `(${value.map(str).join(", ")})`;
  return String(value);
}

/** Python's str() of a list of strings (what st.multiselect returns): ['a', 'b']. */
const strList = (values: unknown[]) => `[${values.map((value) => `'${String(value)}'`).join(", ")}]`;

const SCRIPTS = ["e2e/scripts/components_iframe.py", "e2e/scripts/st_warning.py", "e2e/scripts/st_expander.py", "e2e/scripts/st_exception.py"];

export default function app(st: St) {
  const options = ["male", "female"];
  st.write(`value 1: ${str(st.selectbox("selectbox 1 (default)", options))}`);
  st.write(`value 4: ${str(st.selectbox("selectbox 4 (more options)", SCRIPTS))}`);
  const changed = () => (st.session_state.selectbox_changed = true);
  st.write(`value 8: ${str(st.selectbox("selectbox 8 (with callback, help)", options, { index: 1, key: "selectbox8", help: "Help text", on_change: changed }))}`);
  st.write(`selectbox changed: ${str(st.session_state.get("selectbox_changed", false))}`);
  st.session_state.selectbox_changed = false;
  st.write(`value 9: ${str(st.selectbox("selectbox 9 (empty selection)", options, { index: null }))}`);
  st.write(`value 14: ${str(st.selectbox("selectbox 14 (test dismiss behavior)", options))}`);

  st.write(`Value B: ${str(st.slider("Label B", { min_value: 10000, max_value: 25000, value: 10000, step: 500 }))}`);
  st.write(`Range Value B: ${str(st.slider("Range B", { min_value: 10000, max_value: 25000, value: [10000, 25000], step: 500 }))}`);
  const sliderChanged = () => (st.session_state.slider_changed = true);
  st.write(`Value 8: ${str(st.slider("Label 8", { min_value: 0, max_value: 100, value: 25, key: "slider8", on_change: sliderChanged }))}`);
  st.write(`Slider changed: ${str(st.session_state.get("slider_changed", false))}`);
  st.session_state.slider_changed = false;
  st.write(`Slider 11: ${str(st.slider("Slider 11 (float)", { min_value: 0.0, max_value: 1.0, value: 0.5, step: 0.1 }))}`);
  const multiOptions = ["male", "female"];
  st.write(`multiselect value 1: ${strList(st.multiselect("multiselect 1", multiOptions))}`);
  st.write(`multiselect value 2: ${strList(st.multiselect("multiselect 2", multiOptions, { default: ["female"] }))}`);
  st.write(`multiselect value 3: ${strList(st.multiselect("multiselect 3", ["Tea", "Coffee", "Water", "Juice"], { max_selections: 2 }))}`);

  st.write(`checkbox 1: ${str(st.checkbox("checkbox 1 (True)", { value: true }))}`);
  st.write(`toggle 1: ${str(st.toggle("toggle 1 (False)"))}`);
  st.write(`radio 1: ${str(st.radio("radio 1", ["female", "male"]))}`);
  st.write(`number input 1: ${str(st.number_input("number input 1", { value: 5, min_value: 0, max_value: 10 }))}`);

  st.form("slider_form").with(() => {
    st.write(`slider-in-form selection: ${str(st.slider("Label 9", { min_value: 0, max_value: 100, value: 25 }))}`);
    st.form_submit_button("Submit");
  });
}
