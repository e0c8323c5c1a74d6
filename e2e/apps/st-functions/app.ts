import type { St } from "loopwright";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

// A red 2×2 PNG, as bytes: st.image turns them into a data URL.
const PNG = Uint8Array.from(
  atob("iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEklEQVR4nGP4z8AARAwM/xkYAB/eA/1Ha3wOAAAAAElFTkSuQmCC"),
  (c) => c.charCodeAt(0),
);

export default async function app(st: St) {
  const runs = (st.session_state.runs = st.session_state.get("runs", 0) + 1);
  const load = st.cache_data((n: number) => ({ loadedInRun: runs, n }));
  st.write(`cached: loaded in run ${load(1).loadedInRun}`);

  const [metrics, media] = st.tabs(["Metrics", "Media"]);
  metrics.metric("Temperature", "70 °F", { delta: "1.2 °F" });
  metrics.metric("Gas price", 4, { delta: -0.5, delta_color: "inverse" });
  media.image(PNG, { caption: "A red square", width: 40 });

  if (st.button("Toast")) st.toast("Hip hip hooray!", { icon: "🎉" });

  const status = st.status("Downloading data...", { expanded: true });
  await status.with(async () => {
    st.write("Searching for data...");
    await sleep(300);
  });

  const prompt = st.chat_input("Say something", { key: "chat" });
  st.write(prompt === null ? "no message" : `you said: ${prompt}`);
}
