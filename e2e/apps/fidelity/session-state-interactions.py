import streamlit as st

# session_state_interactions.py (§11.1, §6): the component's value comes from `data`; a button
# writes st.session_state["my_text_input"]["value"] before the mount and the value flows back
# through `data`; a write after the mount raises "cannot be modified".
JS = """
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
    """

HTML = """
    <label for='txt'>Enter text:</label>
    <input id='txt' type='text' />
    """

definition = st.components.v2.component("interactive_text_input", html=HTML, js=JS)


def interactive_text_input(label, initial_value, key):
    component_state = st.session_state.get(key, {})
    data = {"label": label, "value": component_state.get("value", initial_value)}
    return definition(data=data, key=key)


if st.button("Make it say Hello World"):
    st.session_state["my_text_input"]["value"] = "Hello World"

if st.button("Clear text"):
    st.session_state["my_text_input"]["value"] = ""

user_input = interactive_text_input("Enter something", "Initial Text", "my_text_input")

st.write("You entered:", user_input)

if st.button("Should throw an error"):
    st.session_state.my_text_input.value = 12345

st.write(st.session_state)
