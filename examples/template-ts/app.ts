import { exampleApp } from "./example";

// As the Python wrapper mounts it: the manifest's asset_dir (frontend/build, made by `npm run
// build` or `npm run dev` in my_ts_component/frontend) and the glob matching Vite's hashed output.
export default exampleApp({ name: "my-ts-component.my_ts_component", js: "index-*.js" });
