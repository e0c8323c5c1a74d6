import type { St } from "loopwright";

// The Log's e2e app: a component from a file that logs and throws in a handler, an inline one
// whose mount throws, and a script whose promise is rejected with nobody handling it.
export default function app(st: St) {
  const stars = st.components.v2.component("stars", { html: "<button>rate</button>", js: "./stars.js" });
  stars({ key: "rating", data: { stars: 4 } });
  const broken = st.components.v2.component("broken", {
    js: `export default function () {
  throw new TypeError("inline mount failed");
}`,
  });
  broken({ key: "oops" });
  if (st.button("reject")) void Promise.reject(new Error("nobody awaited this"));
}
