import type { St } from "loopwright";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A component that remembers, per frontend key, whether it mounted (module state, as real
// components keep it), and logs its mounts and cleanups on the page's window for the test.
const js = `const hasMounted = {};
export default function ({ parentElement, key }) {
  const log = (globalThis.__probeLog ??= []);
  const first = !hasMounted[key];
  hasMounted[key] = true;
  if (first) log.push("mount:" + key);
  parentElement.querySelector("span").textContent = (first ? "fresh " : "again ") + key;
  return () => log.push("cleanup:" + key);
}`;

// From the second run on, an element takes the component's slot and the script waits before the
// component's own call: Streamlit unmounts the component meanwhile and mounts it fresh after.
export default async function app(st: St) {
  const run = (st.session_state.run = st.session_state.get("run", 0) + 1);
  const probe = st.components.v2.component("probe", { html: "<span></span>", js });
  st.markdown("top");
  if (run >= 2) {
    st.markdown("inserted");
    await sleep(600);
  }
  probe({ key: "probe" });
}
