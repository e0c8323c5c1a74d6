import type { St } from "loopwright";

// Part of Streamlit's e2e_playwright/st_date_input.py, ported: st.date_input returns ISO date
// strings here, a range a list of them (printed as Python prints a tuple).
const str = (value: unknown): string => (value === null ? "None" : Array.isArray(value) ? `(${value.join(", ")})` : String(value));

export default function app(st: St) {
  const v1 = st.date_input("Single date", { value: "1970-01-01", min_value: "1970-01-01", max_value: "1980-01-01", help: "This is a regular text block!" });
  st.write(`Value 1: ${str(v1)}`);
  const v5 = st.date_input("Range, two dates", { value: ["2019-07-06", "2019-07-08"] });
  st.write(`Value 5: ${str(v5)}`);
  const v9 = st.date_input("Single date with format", { value: "1970-01-01", min_value: "1960-01-01", max_value: "1980-01-01", format: "MM-DD-YYYY" });
  st.write(`Value 9: ${str(v9)}`);
  const changed = () => (st.session_state.date_input_changed = true);
  const v12 = st.date_input("Single date with callback", { value: "1970-01-01", min_value: "1970-01-01", max_value: "1980-01-01", key: "date_input_12", on_change: changed });
  st.write(`Value 12: ${str(v12)}`);
  st.write(`Date Input Changed: ${st.session_state.get("date_input_changed", false) ? "True" : "False"}`);
  st.session_state.date_input_changed = false;
}
