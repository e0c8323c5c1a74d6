import type { St } from "loopwright";

// Broken on purpose: an unkeyed instance whose `data` changes every run gets a new identity each
// run, so Streamlit's frontend mounts it afresh, and the component writes on mount. The write
// reruns the script, which changes `data` again: a storm through remounts. A key fixes it.
const js = `export default function ({ parentElement, data, setStateValue }) {
  parentElement.querySelector("span").textContent = "points: " + data.points.length;
  setStateValue("ready", true);
}`;

export default function app(st: St) {
  const chart = st.components.v2.component("chart", { html: "<span></span>", js });
  st.title("Unkeyed storm");
  const run = Number(st.session_state.get("run", 0)) + 1;
  st.session_state.run = run;
  chart({ data: { points: Array.from({ length: run % 7 }, (_, i) => i), run } });
}
