import type { St } from "loopwright";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// The progress pattern: one placeholder rewritten in a loop while the script waits. The first run
// also renders an element the later runs do not, so a later run has a leftover to mark and drop.
export default async function app(st: St) {
  const run = (st.session_state.run = st.session_state.get("run", 0) + 1);
  st.markdown("progress");
  const ph = st.empty();
  for (let i = 0; i < 5; i++) {
    ph.write(i);
    await sleep(100);
  }
  await st.container().with(async () => {
    await sleep(1500);
    st.markdown(`finished run ${run}`);
  });
  if (run === 1) st.markdown("first run only");
}
