import { join } from "node:path";
import type { Page } from "@playwright/test";
import { expect, test } from "./kit";
import { SEED_APP } from "./apps";

// Big values must not wedge the workbench: a 24 MB session-state value (examples/broken) is shown
// collapsed with its size, the page keeps answering, reloads, and the panel refuses oversized edits.
const BIG_STATE_APP = join(__dirname, "..", "examples", "broken", "big-session-value.ts");
const BIG_DATA_APP = join(__dirname, "..", "examples", "broken", "big-component-data.ts");
// Each run presents the 24 MB value once (walked and stringified in the runner), which on a loaded
// 2-core machine takes seconds: the waits are long, the responsiveness bounds are relative.
const SLOW = { timeout: 90_000 };

/** Median time for the workbench to answer a UI interaction that needs no host: open and close the log drawer. */
async function uiRoundTrip(page: Page): Promise<number> {
  const toggle = page.getByTestId("lw-log-toggle");
  const times: number[] = [];
  for (let i = 0; i < 5; i++) {
    const expanded = (await toggle.getAttribute("aria-expanded")) === "true";
    const started = performance.now();
    await toggle.click();
    await expect(toggle).toHaveAttribute("aria-expanded", String(!expanded));
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b)[2];
}

test.describe("big values", () => {
  test.setTimeout(240_000);

  test("a 24 MB value loads collapsed, the page stays responsive, and reloading works", async ({ workbench }) => {
    await workbench.open(SEED_APP);
    const baseline = await uiRoundTrip(workbench.page);

    await workbench.open(BIG_STATE_APP);
    await workbench.frame().getByRole("button", { name: "Load catalogue" }).click();
    await workbench.waitForIdle({ ...SLOW, minRunCount: 2 });
    const catalogue = workbench.sessionField("catalogue").getByTestId("lw-session-value");
    await expect(catalogue).toHaveText(/^24\.\d MB object · 240,000 keys$/);
    const entry = (await workbench.sessionStateEntries()).find((e) => e.key === "catalogue")!;
    expect(entry).toMatchObject({ kind: "value", value: null, summary: { type: "object", count: 240_000 } });
    expect(JSON.stringify(entry).length).toBeLessThan(4_000);

    expect(await uiRoundTrip(workbench.page)).toBeLessThan(baseline * 5 + 500);
    await workbench.sessionField("catalogue").getByTestId("lw-session-expand").click();
    await expect(workbench.sessionField("catalogue").getByTestId("lw-session-prefix")).toHaveText(/^\{\n {2}"SKU-000000": \{\n {4}"name": "Product number 0",[^]*…$/);

    const before = await workbench.status();
    await workbench.page.getByTestId("lw-rerun").click();
    await workbench.waitForIdle({ ...SLOW, minRunCount: before.runCount + 1 });
    await expect(workbench.frame().getByText("240000 products, 0 clicks")).toBeVisible();

    await workbench.page.reload();
    await workbench.waitForIdle(SLOW);
    await expect(catalogue).toHaveText(/^24\.\d MB object · 240,000 keys$/);
    expect(await uiRoundTrip(workbench.page)).toBeLessThan(baseline * 5 + 500);
  });

  test("an edit over the size limit is refused with the limit and changes nothing", async ({ workbench }) => {
    await workbench.open(SEED_APP);
    const key = "my_text_input_instance";
    const before = await workbench.status();
    const tooBig = JSON.stringify("x".repeat(1_000_001));
    await expect(workbench.editSessionState(`${key}.value`, tooBig)).rejects.toThrow(
      `the panel refused editing ${key}.value: This value is 1.0 MB of JSON; the Session State panel accepts edits up to 1.0 MB. Write bigger values from the app script.`,
    );
    expect((await workbench.status()).runCount).toBe(before.runCount);
    expect(await workbench.sessionState()).toEqual({ [key]: { value: "" } });
  });

  test("editing a key or field that does not exist throws within 2 s, naming what exists", async ({ workbench }) => {
    await workbench.open(SEED_APP);
    let started = performance.now();
    await expect(workbench.editSessionState("my_text_inpt", "1")).rejects.toThrow('no session-state key "my_text_inpt". Keys: "my_text_input_instance"');
    expect(performance.now() - started).toBeLessThan(2_000);
    started = performance.now();
    await expect(workbench.editSessionState("my_text_input_instance.valu", "1")).rejects.toThrow('"my_text_input_instance" has no state field "valu". Fields: "value"');
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  test("10 MB of component data: the page stays responsive and typing reaches the component", async ({ workbench }) => {
    await workbench.open(SEED_APP);
    const baseline = await uiRoundTrip(workbench.page);

    await workbench.open(BIG_DATA_APP);
    await expect(workbench.component("chart").locator("output")).toHaveText("100000 points, label ");
    expect(await uiRoundTrip(workbench.page)).toBeLessThan(baseline * 5 + 500);

    const input = workbench.frame().getByTestId("stTextInput").locator("input");
    await input.fill("north");
    await input.press("Enter");
    await expect(workbench.component("chart").locator("output")).toHaveText("100000 points, label north", SLOW);
    await workbench.waitForIdle(SLOW);
    expect(await uiRoundTrip(workbench.page)).toBeLessThan(baseline * 5 + 500);
  });
});
