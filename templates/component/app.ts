import type { St } from "loopwright";

// The app script plays the Python side: `export default function app(st)` runs on every rerun,
// and its `st` mirrors Streamlit's Python API, so the Python wrapper translates line by line:
//   counter = st.components.v2.component("counter", html=..., css=..., js=...)
//   result = counter(key="counter", data={"label": ...}, default={"count": 0}, on_count_change=...)
export default function app(st: St) {
  const counter = st.components.v2.component("counter", {
    html: "component/counter.html",
    css: "component/counter.css",
    js: "component/counter.js",
  });

  st.title("Counter");
  const result = counter({
    key: "counter",
    data: { label: "Clicks" },
    default: { count: 0 },
    on_count_change: () => {},
  });
  st.write(`Clicked ${result.count} times`);
}
