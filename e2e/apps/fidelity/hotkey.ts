import type { St } from "loopwright";
import { init, repr } from "./lib";

// basics.py "Global hotkey interface" (§11.1 test 7): typing in an <input> the component owns
// must not fire the app's global hotkeys (R = rerun).
const HOTKEY_JS = `
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
`;

const HOTKEY_HTML = `
<form>
  <label for="hotkey-text">Hotkey Text</label>
  <input type="text" id="hotkey-text" name="hotkey-text" value="" />
  <button type="submit">Submit</button>
</form>
`;

export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Global hotkey interface");
    init(st, "hotkey_runs", 0);
    st.session_state.hotkey_runs += 1;

    const cmp = st.components.v2.component("bidi_hotkey_regression", { js: HOTKEY_JS, html: HOTKEY_HTML });
    const result = cmp({ key: "hotkey_regression_component" });
    st.text(`Hotkey runs: ${st.session_state.hotkey_runs}`);
    st.text(`Result: ${repr(result)}`);
  });
}
