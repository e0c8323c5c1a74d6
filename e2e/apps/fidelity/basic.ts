import type { St } from "loopwright";
import { init, repr } from "./lib";

// basics.py "Basic (broad CSS + mixed state/trigger)" (§11.1 test 6): `default` seeds the
// result and session state; the HTML form's submit sets state and the click listener on
// parentElement fires a trigger, in one macrotask → one rerun.
const BASIC_DEFAULT = { formValues: { range: 20, text: "Text input" } };

const BASIC_JS = `
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
`;

const BASIC_HTML = `
<h1>Hello World</h1>
<form>
  <label for="range">Range</label>
  <input type="range" id="range" name="range" min="0" max="100" value="${BASIC_DEFAULT.formValues.range}" />
  <label for="text">Text</label>
  <input type="text" id="text" name="text" value="${BASIC_DEFAULT.formValues.text}" />
  <button type="submit">Submit form</button>
</form>
`;

// Intentionally broad CSS rules to verify style isolation
const BASIC_CSS = `
div {
    color: var(--st-primary-color);
    background-color: var(--st-background-color);
}
`;

export default function app(st: St) {
  st.container().with(() => {
    st.subheader("Basic (broad CSS + mixed state/trigger)");
    const basic = st.components.v2.component("bidi_basic", { js: BASIC_JS, html: BASIC_HTML, css: BASIC_CSS });
    init(st, "basic_click_count", 0);

    const result = basic({
      key: "basic_component_1",
      data: { label: "Some data from python" },
      on_formValues_change: () => {},
      on_clicked_change: () => {
        st.session_state.basic_click_count += 1;
      },
      default: BASIC_DEFAULT,
    });

    st.text(`Result: ${repr(result)}`);
    st.text(`session_state: ${repr(st.session_state.get("basic_component_1"))}`);
    st.text(`Click count: ${st.session_state.basic_click_count}`);
  });
}
