import { defineConfig } from "vitest/config";

// Tests of the packed package in a project that installed it; scripts/test-package.mjs runs them.
export default defineConfig({
  test: {
    root: new URL("../..", import.meta.url).pathname,
    include: ["tests/package/**/*.test.ts"],
    environment: "node",
    testTimeout: 60_000,
  },
});
