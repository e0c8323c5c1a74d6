import type { St } from "loopwright";

// session_state_interactions.py (§11.1, §6): the component's value comes from `data`; a button
// writes st.session_state["my_text_input"]["value"] before the mount and the value flows back
// through `data`; a write after the mount raises "cannot be modified".
const JS = `
    export default function(component) {
        const { setStateValue, parentElement, data, key } = component;

        const label = parentElement.querySelector('label');
        label.innerText = data.label;

        const input = parentElement.querySelector('input');
        // Set input value from data if changed
        if (input.value !== data.value) {
            input.value = data.value ?? '';
        };

        // Update value on Enter (submit)
        input.onkeydown = (e) => {
            if (e.key === 'Enter') {
                setStateValue('value', e.target.value);
            }
        };
    }
    `;

const HTML = `
    <label for='txt'>Enter text:</label>
    <input id='txt' type='text' />
    `;

export default function app(st: St) {
  const definition = st.components.v2.component("interactive_text_input", { html: HTML, js: JS });

  function interactiveTextInput(label: string, initialValue: string, key: string) {
    const componentState = st.session_state.get(key, {});
    const data = {
      label,
      value: componentState.get ? componentState.get("value", initialValue) : (componentState.value ?? initialValue),
    };
    return definition({ data, key });
  }

  if (st.button("Make it say Hello World")) {
    st.session_state["my_text_input"]["value"] = "Hello World";
  }

  if (st.button("Clear text")) {
    st.session_state["my_text_input"]["value"] = "";
  }

  const userInput = interactiveTextInput("Enter something", "Initial Text", "my_text_input");

  st.write("You entered:", userInput);

  if (st.button("Should throw an error")) {
    st.session_state.my_text_input.value = 12345;
  }

  st.write(st.session_state);
}
