import { defineConfig } from "vitest/config";
import vue from "@vitejs/plugin-vue";

export default defineConfig({
  plugins: [vue()],
  test: {
    include: ["tests/**/*.test.ts"],
    // They need the packed package installed in a project: scripts/test-package.mjs runs them.
    exclude: ["tests/package/**"],
    environment: "node",
    testTimeout: 20_000,
  },
});
