import { exampleApp } from "./example";

// As the Python wrapper mounts it: the manifest's asset_dir (frontend/build, made by `npm run
// build` or `npm run dev` in my_react_component/frontend) and the glob matching Vite's hashed output.
export default exampleApp({ name: "my-react-component.my_react_component", js: "index-*.js" });
