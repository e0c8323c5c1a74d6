import type { St } from "loopwright";

// How Streamlit shows values (issue 14 item 6): st.write of a dict, of a component's result, of
// strings and scalars, and st.json. Each section is a container headed by a subheader.
const JS = `
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
`;

export default function app(st: St) {
  const valued = st.components.v2.component("valued", { js: JS });
  const result = valued({ key: "valued", default: { value: "start" }, on_value_change: () => {}, on_event_change: () => {} });

  st.container().with(() => {
    st.subheader("write a dict");
    st.write({ name: "Ada", n: 1, ratio: 0.5, ok: true, off: false, empty: "", none: null, list: [1, "two"], nested: { deep: { x: 1 } } });
  });

  st.container().with(() => {
    st.subheader("write a result");
    st.write(result);
  });

  st.container().with(() => {
    st.subheader("write text and a result");
    st.write("Result:", result);
  });

  st.container().with(() => {
    st.subheader("write strings");
    st.write("alpha", "beta");
  });

  st.container().with(() => {
    st.subheader("write scalars");
    st.write(3);
    st.write(2.5);
    st.write(true);
    st.write(null);
  });

  st.container().with(() => {
    st.subheader("write a list");
    st.write([1, "two", null]);
  });

  st.container().with(() => {
    st.subheader("json");
    st.json({ a: [1, 2], b: { c: null }, d: "text" });
  });

  st.container().with(() => {
    st.subheader("json collapsed");
    st.json({ hidden: 1 }, { expanded: false });
  });

  st.container().with(() => {
    st.subheader("json from a string");
    st.json('{"from": "string", "n": 2}');
  });

  st.container().with(() => {
    st.subheader("session state");
    st.write(st.session_state);
  });
}
