import { join } from "node:path";
import type { FrameLocator, Locator, Page } from "@playwright/test";
import { expect, test, Workbench, type LoopwrightMode } from "../kit";
import { skipWithoutPython } from "../python";

/**
 * The two hosts every fidelity scenario runs on: Loopwright's TypeScript emulator (`name.ts`) and
 * real Streamlit (`name.py` beside it, the same components and logic). Real Streamlit is the
 * reference: where they differ, docs/fidelity.md lists why and the spec says which host does what.
 */
export const HOSTS = ["emulator", "streamlit"] as const;
export type Host = (typeof HOSTS)[number];

/** An app under e2e/apps/fidelity/: `name.ts` on the emulator, `name.py` on Streamlit. */
export const fidelityApp = (name: string, host: Host = "emulator") =>
  join(__dirname, "..", "apps", "fidelity", `${name}.${host === "streamlit" ? "py" : "ts"}`);

/**
 * Declare a file's scenarios once per host, each in a `test.describe(host)`. The Streamlit half
 * needs an interpreter with Streamlit: without one it is skipped (a failure under CI), and the
 * server finds it through LOOPWRIGHT_PYTHON.
 */
export function forEachHost(body: (host: Host) => void): void {
  for (const host of HOSTS) {
    test.describe(host, () => {
      if (host === "streamlit") {
        const python = skipWithoutPython(test);
        if (python) process.env.LOOPWRIGHT_PYTHON = python;
      }
      body(host);
    });
  }
}

/**
 * One workbench for all the tests of the enclosing describe, opened once: a Python app costs a
 * Streamlit start per open. The tests then run in order, each starting where the previous one
 * left the app (so they are written not to depend on a fresh session), and a failure skips the
 * rest. Returns the getter the tests use as `wb`.
 */
export function sharedWorkbench(app: string): () => Workbench {
  test.describe.configure({ mode: "serial" });
  let page: Page | null = null;
  let workbench: Workbench | null = null;
  test.beforeAll(async ({ browser }) => {
    page = await browser.newPage();
    const mode: LoopwrightMode = process.env.LOOPWRIGHT_MODE === "electron" ? "electron" : "browser";
    workbench = new Workbench(page, mode);
    await workbench.open(app);
  });
  test.afterAll(async ({}, testInfo) => {
    await workbench?.close(testInfo);
    await page?.close();
  });
  return () => {
    if (!workbench) throw new Error("sharedWorkbench: the workbench did not open");
    return workbench;
  };
}

/**
 * The outer element of the component instance mounted with `key` (the `.stBidiComponent` inside
 * its element container, the parent of what `wb.component(key)` returns) on either host, within
 * `scope` when given.
 */
export function instance(wb: Workbench, key: string, scope?: Locator): Locator {
  return (scope ?? wb.frame().locator("body")).locator(`.st-key-${key.replace(/[^a-zA-Z0-9_-]/g, "-")} > .stBidiComponent`);
}

/**
 * The text line an app printed with `st.text(...)` (stText) or `st.write(str)` (stMarkdown)
 * that starts with `prefix`. Use with `toHaveText(full line)` so the whole value is compared.
 */
export function line(wb: Workbench, prefix: string, scope?: Locator): Locator {
  const root = scope ?? wb.frame().locator("body");
  const escaped = prefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  return root.locator('[data-testid="stText"], [data-testid="stMarkdown"]').filter({ hasText: new RegExp(`^\\s*${escaped}`) });
}

/** Assert every `prefix → full text` line at once (each compared in full). */
export async function expectLines(wb: Workbench, lines: string[], scope?: Locator): Promise<void> {
  for (const full of lines) {
    const colon = full.indexOf(":");
    const prefix = colon > 0 ? full.slice(0, colon + 1) : full;
    await expect(line(wb, prefix, scope), `line "${prefix}"`).toHaveText(full);
  }
}

/**
 * The innermost stVerticalBlock containing a heading (Streamlit's e2e `section()` helper reads
 * the container around a subheader the same way).
 */
export function section(wb: Workbench, heading: string): Locator {
  const title = wb.frame().getByRole("heading", { name: heading, exact: true });
  return wb.frame().getByTestId("stVerticalBlock").filter({ has: title }).last();
}

/** Do something that must cause exactly `runs` new runs (default 1), and wait until they are rendered. */
export async function causesRun(wb: Workbench, action: () => Promise<unknown>, runs = 1): Promise<void> {
  const before = await wb.status();
  await action();
  const after = await wb.waitForIdle({ minRunCount: before.runCount + runs });
  expect(after.runCount, "runs caused").toBe(before.runCount + runs);
}

/** Do something that must not cause any run: the run count stays the same for `settleMs`. */
export async function causesNoRun(wb: Workbench, action: () => Promise<unknown>, settleMs = 700): Promise<void> {
  const before = await wb.waitForIdle();
  await action();
  await wb.page.waitForTimeout(settleMs);
  const after = await wb.waitForIdle();
  expect(after.runCount, "no run may happen").toBe(before.runCount);
}

/** Click a native st.button by its label (stButton › button). */
export function stButton(wb: Workbench, label: string, scope?: Locator): Locator {
  return (scope ?? wb.frame().locator("body")).getByTestId("stButton").getByRole("button", { name: label, exact: true });
}

/** The exception box(es) of the last run. */
export function exception(wb: Workbench): Locator {
  return wb.frame().getByTestId("stException");
}

/** Assert the page shows no exception. */
export async function expectNoException(wb: Workbench): Promise<void> {
  await expect(exception(wb)).toHaveCount(0);
}

/** e2e_playwright/shared/app_utils.py's expect_markdown: a markdown container with this text is shown. */
export const expectMarkdown = (f: FrameLocator, text: string) => expect(f.getByTestId("stMarkdownContainer").getByText(text, { exact: true })).toBeVisible();
