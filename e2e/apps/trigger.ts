import type { St } from "loopwright";

// A trigger component: each click sends setTriggerValue("clicked", <click number>). Triggers
// live for one run: the result shows the payload on the run it fired, then null again.
const js = `let clicks = 0;
export default function ({ parentElement, setTriggerValue }) {
  const button = parentElement.querySelector("button");
  button.onclick = () => { clicks += 1; setTriggerValue("clicked", clicks); };
}`;

export default function app(st: St) {
  if (!st.session_state.has("callback_count")) st.session_state.callback_count = 0;
  const clicker = st.components.v2.component("clicker", {
    html: "<button type='button'>Click me</button>",
    js,
  });
  const result = clicker({
    key: "clicker_instance",
    on_clicked_change: () => {
      st.session_state.callback_count += 1;
    },
  });
  st.write(result);
  st.markdown(`callback count: ${st.session_state.callback_count}`);
}
