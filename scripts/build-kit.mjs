// Bundles the Playwright test kit (e2e/kit/index.ts) to out/kit/index.mjs, the file that
// `import … from "loopwright/test"` loads. Types stay the TypeScript source (package.json exports).
import { build } from "esbuild";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

await build({
  entryPoints: [join(root, "e2e/kit/index.ts")],
  outfile: join(root, "out/kit/index.mjs"),
  bundle: true,
  format: "esm",
  platform: "node",
  target: "node20",
  sourcemap: true,
  external: ["@playwright/test", "playwright-core", "electron"],
  // The kit finds the package root from its own location; give the ESM bundle a __dirname.
  banner: {
    js: [
      'import { fileURLToPath as __lwFileURLToPath } from "node:url";',
      'import { dirname as __lwDirname } from "node:path";',
      "const __dirname = __lwDirname(__lwFileURLToPath(import.meta.url));",
    ].join("\n"),
  },
  logLevel: "warning",
});
console.log("built out/kit/index.mjs");
