import { defineConfig } from "@playwright/test";

// The kit drives Chromium: CHROMIUM_PATH when set (a system Chromium, e.g. /usr/bin/chromium in
// CI), else /usr/bin/chromium if present, else Playwright's own (`npx playwright install chromium`).
export default defineConfig({
  testDir: "tests",
  timeout: 30_000,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? "line" : "list",
  use: {
    launchOptions: process.env.CHROMIUM_PATH ? { executablePath: process.env.CHROMIUM_PATH } : {},
  },
});
