import type { St } from "loopwright";

// Broken on purpose: the component writes a new value during every invocation. Each write reruns
// the script, whose render invokes the component again: a rerun storm no user action causes.
// Loopwright raises `rerun-storm` and pauses reruns; Streamlit reruns forever.
const js = `export default function ({ parentElement, data, setStateValue }) {
  parentElement.querySelector("span").textContent = "★".repeat(data.stars) + " " + (data.rating ?? "");
  setStateValue("rating", Math.random());
}`;

export default function app(st: St) {
  const stars = st.components.v2.component("stars", { html: "<span></span>", js });
  st.title("Storm on every render");
  // The rating goes back down in `data`, so every write changes `data` and re-invokes the component.
  const rating = st.session_state.get("stars", {}).rating ?? null;
  const result = stars({ key: "stars", data: { stars: 3, rating }, on_rating_change: () => {} });
  st.write(result);
}
