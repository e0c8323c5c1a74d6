import { defineConfig } from "@playwright/test";

// End-to-end tests written with the kit in e2e/kit (exported as `loopwright/test`). The kit
// picks the browser (CHROMIUM_PATH, /usr/bin/chromium, or Playwright's own) and its flags.
export default defineConfig({
  testDir: "e2e",
  testMatch: "**/*.spec.ts",
  // Each test starts its own server and browser page; two workers fit a 2-core machine.
  workers: process.env.CI ? 1 : 2,
  retries: 0,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  forbidOnly: !!process.env.CI,
  reporter: [["list"], ["json", { outputFile: ".playwright-results.json" }]],
  use: {
    headless: true,
    screenshot: "only-on-failure",
    trace: "retain-on-failure",
  },
  outputDir: "test-results",
});
