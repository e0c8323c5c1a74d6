import type { St } from "loopwright";

// Broken on purpose: the unkeyed `clock` instance gets new `data` on every run, so each run gives
// it a new identity and the frontend unmounts and mounts it again (module state, focus and
// listeners are lost every time). It does not write on mount, so there is no storm: each click on
// "Tick" remounts it once. A key keeps the same instance.
const js = `export default function ({ parentElement, data }) {
  parentElement.querySelector("span").textContent = "tick " + data.tick;
}`;

export default function app(st: St) {
  const clock = st.components.v2.component("clock", { html: "<span></span>", js });
  st.title("Remount churn");
  if (st.button("Tick")) st.session_state.tick = Number(st.session_state.get("tick", 0)) + 1;
  clock({ data: { tick: st.session_state.get("tick", 0) } });
}
