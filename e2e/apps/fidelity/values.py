import streamlit as st

# How Streamlit shows values (issue 14 item 6): st.write of a dict, of a component's result, of
# strings and scalars, and st.json. Each section is a container headed by a subheader.
JS = """
export default function({ parentElement, setStateValue, setTriggerValue }) {
  let root = parentElement.querySelector('.valued')
  if (!root) {
    root = document.createElement('div')
    root.className = 'valued'
    const set = document.createElement('button')
    set.type = 'button'
    set.textContent = 'Set value'
    set.onclick = () => setStateValue('value', 'from browser')
    const fire = document.createElement('button')
    fire.type = 'button'
    fire.textContent = 'Fire event'
    fire.onclick = () => setTriggerValue('event', { at: 1 })
    root.append(set, fire)
    parentElement.append(root)
  }
}
"""

valued = st.components.v2.component("valued", js=JS)
result = valued(key="valued", default={"value": "start"}, on_value_change=lambda: None, on_event_change=lambda: None)

with st.container():
    st.subheader("write a dict")
    st.write({"name": "Ada", "n": 1, "ratio": 0.5, "ok": True, "off": False, "empty": "", "none": None, "list": [1, "two"], "nested": {"deep": {"x": 1}}})

with st.container():
    st.subheader("write a result")
    st.write(result)

with st.container():
    st.subheader("write text and a result")
    st.write("Result:", result)

with st.container():
    st.subheader("write strings")
    st.write("alpha", "beta")

with st.container():
    st.subheader("write scalars")
    st.write(3)
    st.write(2.5)
    st.write(True)
    st.write(None)

with st.container():
    st.subheader("write a list")
    st.write([1, "two", None])

with st.container():
    st.subheader("json")
    st.json({"a": [1, 2], "b": {"c": None}, "d": "text"})

with st.container():
    st.subheader("json collapsed")
    st.json({"hidden": 1}, expanded=False)

with st.container():
    st.subheader("json from a string")
    st.json('{"from": "string", "n": 2}')

with st.container():
    st.subheader("session state")
    st.write(st.session_state)
