import { join } from "node:path";
import type { Frame } from "@playwright/test";
import { expect, test, type Workbench } from "./kit";

const PLACEHOLDER_APP = join(__dirname, "apps", "streaming", "placeholder.ts");
const REMOUNT_APP = join(__dirname, "apps", "streaming", "remount.ts");
const SLOW_APP = join(__dirname, "apps", "streaming", "slow.ts");

async function previewFrame(workbench: Workbench): Promise<Frame> {
  const frame = await (await workbench.page.locator('[data-testid="lw-preview-frame"]').elementHandle())!.contentFrame();
  if (!frame) throw new Error("no preview frame");
  return frame;
}

interface Snapshot {
  elements: { text: string; stale: string | null }[];
  statusWidget: boolean;
}

/** Records the main area on every DOM change in the frame, so nothing shown for a moment is missed. */
async function recordPage(frame: Frame): Promise<() => Promise<Snapshot[]>> {
  await frame.evaluate(() => {
    const seen: Snapshot[] = [];
    const take = () => {
      const containers = [...document.querySelectorAll('[data-testid="stMainBlockContainer"] [data-testid="stElementContainer"]')];
      seen.push({
        elements: containers.filter((c) => !c.querySelector('[data-testid="stEmpty"]')).map((c) => ({ text: c.textContent!.trim(), stale: c.getAttribute("data-stale") })),
        statusWidget: document.querySelector('[data-testid="stStatusWidget"]') !== null,
      });
    };
    new MutationObserver(take).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    (window as unknown as { __seen: Snapshot[] }).__seen = seen;
  });
  return () => frame.evaluate(() => (window as unknown as { __seen: Snapshot[] }).__seen);
}

test.describe("the page streams as the script runs", () => {
  test("an st.empty placeholder shows each value in turn; the previous run's leftovers are stale, then dropped; stStatusWidget shows meanwhile", async ({ workbench }) => {
    await workbench.open(PLACEHOLDER_APP);
    const app = workbench.frame();
    await expect(app.getByText("first run only")).toBeVisible();
    const seen = await recordPage(await previewFrame(workbench));

    await workbench.rerun();

    const snapshots = await seen();
    // The placeholder is the page's second element: every value it held during this run, in order.
    const values = snapshots.map((s) => s.elements[1]?.text).filter((text, i, all) => text !== undefined && text !== all[i - 1]);
    expect(values.slice(values.indexOf("0")).filter((text) => /^\d$/.test(text)), JSON.stringify(values)).toEqual(["0", "1", "2", "3", "4"]);
    // While running (the placeholder holds a value only this run wrote), the first run's leftover
    // element is marked stale; the run's own elements are not.
    const during = snapshots.find((s) => s.elements.some((e) => e.text === "first run only" && e.stale === "true") && /^[0-3]$/.test(s.elements[1]?.text ?? ""));
    expect(during?.elements.find((e) => e.text === "progress")?.stale).toBe("false");
    expect(snapshots.some((s) => s.statusWidget)).toBe(true);
    // At the end of the run the leftover is gone, nothing is stale and the indicator is hidden.
    await expect(app.getByText("finished run 2")).toBeVisible();
    await expect(app.getByText("first run only")).toHaveCount(0);
    await expect(app.locator('[data-testid="stElementContainer"][data-stale="true"]')).toHaveCount(0);
    await expect(app.getByTestId("stStatusWidget")).toHaveCount(0);
  });

  test("the running indicator is Streamlit's: an icon labelled Running... and a Stop button that stops the run", async ({ workbench }) => {
    await workbench.open(SLOW_APP);
    const app = workbench.frame();
    await expect(app.getByText("first run only")).toBeVisible();
    await expect(app.getByTestId("stStatusWidget")).toHaveCount(0);
    await workbench.page.getByTestId("lw-rerun").click();
    const widget = app.getByTestId("stStatusWidget");
    await expect(widget.getByTestId("stStatusWidgetRunningIcon")).toHaveAttribute("aria-label", "Running...");
    await expect(app.getByText("run 2")).toBeVisible();
    await expect(app.locator('[data-testid="stElementContainer"]', { hasText: "first run only" })).toHaveAttribute("data-stale", "true");
    await widget.getByRole("button", { name: "Stop" }).click();
    await expect(widget).toHaveCount(0);
    const status = await workbench.waitForIdle();
    expect(status.state).toBe("idle");
    // Stopped in its wait: its last element never came, and the first run's leftover went.
    await expect(app.getByText("finished run 2")).toHaveCount(0);
    await expect(app.getByText("first run only")).toHaveCount(0);
    await expect(app.getByText("run 2")).toBeVisible();
  });

  test("a component whose slot is taken mid-run is cleaned up and mounted fresh with a new key", async ({ workbench }) => {
    await workbench.open(REMOUNT_APP);
    const app = workbench.frame();
    const probe = app.locator(".stBidiComponent span");
    await expect(probe).toHaveText(/^fresh st-bidi-component-/);
    const frame = await previewFrame(workbench);
    const firstKey = (await probe.textContent())!.replace("fresh ", "");

    await workbench.rerun();

    const log = await frame.evaluate(() => (globalThis as unknown as { __probeLog: string[] }).__probeLog);
    expect(log).toHaveLength(3);
    const secondKey = log[2].replace("mount:", "");
    expect(log).toEqual([`mount:${firstKey}`, `cleanup:${firstKey}`, `mount:${secondKey}`]);
    expect(secondKey).not.toBe(firstKey);
    await expect(probe).toHaveText(`fresh ${secondKey}`);
    await expect(app.locator('[data-testid="stElementContainer"]').nth(1)).toHaveText("inserted");
  });
});
