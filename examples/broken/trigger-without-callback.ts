import type { St } from "loopwright";

// Broken on purpose: the component fires a `clicked` trigger, but the script passes no
// `on_clicked_change` callback, so the trigger never reaches any code of the app.
const js = `export default function ({ parentElement, setTriggerValue }) {
  parentElement.querySelector("button").onclick = () => setTriggerValue("clicked", true);
}`;

export default function app(st: St) {
  const like = st.components.v2.component("like_button", { html: "<button>Like</button>", js });
  st.title("Trigger without a callback");
  const result = like({ key: "like" });
  st.write(result);
}
