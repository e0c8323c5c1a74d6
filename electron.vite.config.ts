import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import vue from "@vitejs/plugin-vue";

const r = (p: string) => resolve(__dirname, p);

// electron-vite picks its build targets from the installed electron package. Electron is an
// optional dependency whose engines (Node >= 22.12) npm honours by skipping it on Node 20, so
// there the targets come from the major version package.json asks for.
try {
  createRequire(__filename).resolve("electron/package.json");
} catch {
  const wanted: string = JSON.parse(readFileSync(r("package.json"), "utf8")).optionalDependencies.electron;
  process.env.ELECTRON_MAJOR_VER ??= /\d+/.exec(wanted)![0];
}

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          // Electron entry (imports electron).
          index: r("main/index.ts"),
          // Browser-mode entry: same core, WebSocket transport; never imports electron.
          server: r("main/server.ts"),
          // The script runner's worker thread (one per session).
          worker: r("main/core/runner/worker.ts"),
        },
      },
    },
  },
  preload: {
    build: {
      // One self-contained CJS file: sandboxed preloads cannot load split chunks or ESM.
      externalizeDeps: false,
      rollupOptions: {
        input: { index: r("preload/index.ts") },
        output: { format: "cjs", entryFileNames: "[name].cjs" },
      },
    },
  },
  renderer: {
    root: r("renderer"),
    build: {
      rollupOptions: {
        input: {
          index: r("renderer/index.html"),
          preview: r("renderer/preview/index.html"),
        },
      },
    },
    plugins: [vue()],
  },
});
