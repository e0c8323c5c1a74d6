import { resolve } from "node:path";
import { defineConfig } from "electron-vite";
import vue from "@vitejs/plugin-vue";

const r = (p: string) => resolve(__dirname, p);

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
