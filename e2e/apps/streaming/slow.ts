import type { St } from "loopwright";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The first run is quick; every later one waits for a minute before its last element: long enough
// to see the running indicator and press its Stop.
export default async function app(st: St) {
  const run = (st.session_state.run = st.session_state.get("run", 0) + 1);
  st.markdown(`run ${run}`);
  if (run === 1) {
    st.markdown("first run only");
    return;
  }
  await sleep(60_000);
  st.markdown(`finished run ${run}`);
}
