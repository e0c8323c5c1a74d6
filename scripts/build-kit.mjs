// Bundles the Playwright test kit (e2e/kit/index.ts) to out/kit/index.mjs and out/kit/index.cjs,
// the files `import … from "loopwright/test"` loads in an ESM project and a CommonJS one
// (Playwright compiles a CommonJS project's tests to `require`). Types stay the TypeScript source
// (package.json exports). @playwright/test stays external: it is the author's own, a peer
// dependency, because Playwright refuses to run tests that see two copies of it.
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** @type {import("esbuild").BuildOptions} */
const common = {
  entryPoints: [join(root, "e2e/kit/index.ts")],
  bundle: true,
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: ["@playwright/test", "electron"],
  logLevel: "warning",
};

await build({
  ...common,
  outfile: join(root, "out/kit/index.mjs"),
  format: "esm",
  // The kit finds the package root from its own location; give the ESM bundle a __dirname.
  banner: {
    js: [
      'import { fileURLToPath as __lwFileURLToPath } from "node:url";',
      'import { dirname as __lwDirname } from "node:path";',
      "const __dirname = __lwDirname(__lwFileURLToPath(import.meta.url));",
    ].join("\n"),
  },
});
await build({ ...common, outfile: join(root, "out/kit/index.cjs"), format: "cjs" });
console.log("built out/kit/index.mjs and out/kit/index.cjs");
