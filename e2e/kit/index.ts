/**
 * `loopwright/test`: Playwright fixtures for testing a Streamlit CCv2 component in Loopwright.
 *
 * ```ts
 * import { test, expect } from "loopwright/test";
 *
 * test("typing sets the state", async ({ workbench }) => {
 *   await workbench.open("app.ts");
 *   await workbench.component("my_key").locator("input").fill("abc");
 *   await workbench.component("my_key").locator("input").press("Enter");
 *   await workbench.waitForIdle();
 *   expect(await workbench.sessionState()).toMatchObject({ my_key: { value: "abc" } });
 * });
 * ```
 *
 * Browser mode (default) drives Chromium from `CHROMIUM_PATH`, else `/usr/bin/chromium`, else
 * Playwright's own browser. `LOOPWRIGHT_MODE=electron` (or `test.use({ loopwrightMode:
 * "electron" })`) drives the Electron window instead, when the Electron binary is installed.
 */
import { test as base, expect } from "@playwright/test";
import { withChromiumDefaults } from "./browser";
import { Workbench, type LoopwrightMode } from "./workbench";

export { expect, Workbench };
export type { LoopwrightMode };
export { hasElectronBinary, electronExecutable } from "./electron";
export { chromiumExecutable, CHROMIUM_ARGS } from "./browser";
export { presentSessionState } from "./session";
export type { SessionStateEntry, SessionStateSnapshot } from "./session";
export type { StatusReading, WaitForIdleOptions } from "./status";
export type { FindingSummary, TimelineFilter } from "./workbench";
export type { LoopEvent, Finding } from "../../common/loop-events";

/** Test-scoped fixtures added by the kit. */
export interface LoopwrightFixtures {
  /** Open and drive a Loopwright workbench; stopped when the test ends. */
  workbench: Workbench;
  /** "browser" (default) or "electron"; defaults to `LOOPWRIGHT_MODE`. */
  loopwrightMode: LoopwrightMode;
}

const defaultMode: LoopwrightMode = process.env.LOOPWRIGHT_MODE === "electron" ? "electron" : "browser";

/** Playwright's `test` with the `workbench` fixture, preconfigured for Loopwright's Chromium. */
export const test = base.extend<LoopwrightFixtures>({
  loopwrightMode: [defaultMode, { option: true }],
  launchOptions: [
    async ({ launchOptions }, use) => {
      await use(withChromiumDefaults(launchOptions));
    },
    { scope: "worker" },
  ],
  workbench: async ({ page, loopwrightMode }, use, testInfo) => {
    const workbench = new Workbench(page, loopwrightMode);
    try {
      await use(workbench);
    } finally {
      await workbench.close(testInfo);
    }
  },
});
