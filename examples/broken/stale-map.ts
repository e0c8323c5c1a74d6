import type { St } from "loopwright";

// Broken on purpose: the script (the Reset button) and the Session State panel write the
// component's `count`, but the component never sets it back, so the browser still holds the old
// state map and resends it on the next rerun: the write silently reverts.
const js = `export default function ({ parentElement, data, setStateValue }) {
  const button = parentElement.querySelector("button");
  button.textContent = "+1 (" + data.count + ")";
  button.onclick = () => setStateValue("count", data.count + 1);
}`;

export default function app(st: St) {
  const counter = st.components.v2.component("counter", { html: "<button></button>", js });
  st.title("Stale state map");
  if (st.button("Reset")) st.session_state.counter.count = 0;
  const count = Number(st.session_state.get("counter", {}).count ?? 0);
  const result = counter({ key: "counter", data: { count }, default: { count: 0 }, on_count_change: () => {} });
  st.write(result);
}
