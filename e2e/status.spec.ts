import { expect, test } from "./kit";
import { SEED_APP } from "./apps";

test.describe("status line and rerun", () => {
  test.beforeEach(async ({ workbench }) => {
    await workbench.open(SEED_APP);
  });

  test("the first run is counted and rendered", async ({ workbench }) => {
    const status = await workbench.status();
    expect(status).toMatchObject({ state: "idle", runCount: 1, renderedRun: 1 });
    await expect(workbench.page.getByTestId("lw-status")).toContainText("1 run");
  });

  test("Rerun increments the run count by exactly 1 and keeps session state", async ({ workbench }) => {
    const input = workbench.component("my_text_input_instance").locator("input");
    await input.fill("kept");
    await input.press("Enter");
    await workbench.waitForIdle({ minRunCount: 2 });
    const before = await workbench.status();

    await workbench.rerun();

    const after = await workbench.status();
    expect(after.runCount).toBe(before.runCount + 1);
    expect(after.renderedRun).toBe(after.runCount);
    await expect(workbench.page.getByTestId("lw-status")).toContainText(`${after.runCount} runs`);
    expect(await workbench.sessionState()).toEqual({ my_text_input_instance: { value: "kept" } });
    await expect(input).toHaveValue("kept");
  });

  test("the R key reruns, but typing r in the component does not", async ({ workbench }) => {
    const input = workbench.component("my_text_input_instance").locator("input");
    await input.pressSequentially("rrr");
    await workbench.waitForIdle();
    expect((await workbench.status()).runCount).toBe(1);

    await workbench.page.getByTestId("lw-status").click();
    await workbench.page.keyboard.press("r");
    await workbench.waitForIdle({ minRunCount: 2 });
    expect((await workbench.status()).runCount).toBe(2);
  });
});
