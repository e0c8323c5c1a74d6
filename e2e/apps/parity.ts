import type { St } from "loopwright";

// Issue 9 items 2-4: what real components need from the page. The API base URL is a server the
// spec starts on 127.0.0.1 (the author's own local API, in real use).
const API = process.env.LW_PARITY_API ?? "http://127.0.0.1:9";

// Evaluates code, fetches from the local API and shows an image from it (the preview's CSP).
const PROBE_JS = `
export default function ({ parentElement, data }) {
  const out = (name, text) => { parentElement.querySelector("." + name).textContent = text; };
  try {
    out("eval", "new Function: " + new Function("a", "b", "return a + b")(2, 3));
  } catch (error) {
    out("eval", "new Function failed: " + error.name);
  }
  fetch(data.api + "/hello").then((response) => response.text()).then(
    (text) => out("fetch", "fetch: " + text),
    (error) => out("fetch", "fetch failed: " + error.name),
  );
  const img = parentElement.querySelector("img");
  img.onload = () => out("img", "img: " + img.naturalWidth + "x" + img.naturalHeight);
  img.onerror = () => out("img", "img failed");
  img.src = data.api + "/pixel.svg";
}`;

// Mounted with height=0, as cookie managers are: invisible, yet it reports on mount.
const INVISIBLE_JS = `
export default function ({ setStateValue }) {
  setStateValue("ready", true);
}`;

// Watches the sidebar the way components do: its aria-expanded attribute.
const SIDEBAR_WATCH_JS = `
export default function ({ parentElement }) {
  const sidebar = document.querySelector('[data-testid="stSidebar"]');
  const show = () => { parentElement.querySelector(".state").textContent = "sidebar expanded: " + sidebar.getAttribute("aria-expanded"); };
  show();
  const observer = new MutationObserver(show);
  observer.observe(sidebar, { attributes: true, attributeFilter: ["aria-expanded"] });
  return () => observer.disconnect();
}`;

export default function app(st: St) {
  st.title("Parity");
  st.components.v2.component("probe", {
    html: '<p class="eval">…</p><p class="fetch">…</p><p class="img">…</p><img alt="pixel">',
    js: PROBE_JS,
  })({ key: "probe", data: { api: API } });

  const invisible = st.components.v2.component("invisible", { js: INVISIBLE_JS })({
    key: "invisible",
    height: 0,
    on_ready_change: () => {},
  });
  st.text(`invisible ready: ${invisible.ready ?? null}`);

  st.container({ key: "my_panel", border: true }).with(() => {
    st.components.v2.component("panel_child", { html: "<span>in the panel</span>", isolate_styles: false })({ key: "panel_child" });
  });

  st.components.v2.component("sidebar_watch", { html: '<span class="state"></span>', js: SIDEBAR_WATCH_JS, isolate_styles: false })({
    key: "sidebar_watch",
  });
  st.sidebar.write("in the sidebar");
}
