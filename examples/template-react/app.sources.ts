import { exampleApp } from "./example";

// Straight from the TSX sources, bundled by Loopwright on every save (React from the project's
// node_modules): no build step. The name is not the manifest's, whose paths must stay inside
// asset_dir (frontend/build).
export default exampleApp({ name: "my_react_component_sources", js: "./my_react_component/frontend/src/index.tsx" });
