import { exampleApp } from "./example";

// Straight from the TypeScript source, bundled by Loopwright on every save: no build step. The
// name is not the manifest's, whose paths must stay inside asset_dir (frontend/build).
export default exampleApp({ name: "my_ts_component_sources", js: "./my_ts_component/frontend/src/index.ts" });
