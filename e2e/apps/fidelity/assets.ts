import type { St } from "loopwright";

// One-line html/css/js strings are paths (§1 heuristic). Loopwright reads them relative to the
// app script instead of requiring a pyproject.toml asset_dir (docs/fidelity.md row 2); a css path
// becomes a <link rel="stylesheet"> (§8.1); a missing file raises StreamlitAPIException naming it.
// The buttons render first (as in assets.py, where Streamlit raises at the registration below),
// so every case can be run on both hosts; the clicked one registers its component and raises.
export default function app(st: St) {
  const missing = st.button("Missing js path");
  const slash = st.button("One-line inline JS with a slash");
  if (missing) st.components.v2.component("missing_js", { js: "./assets/missing.js" });
  if (slash) st.components.v2.component("slash_js", { js: "export default function () { return 1/2 }" });

  const fromFiles = st.components.v2.component("from_files", {
    html: "assets/hello.html",
    css: "./assets/style.css",
    js: "./assets/hello.js",
  });
  fromFiles({ key: "files" });
  st.text("end of script");
}
