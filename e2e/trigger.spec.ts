import { expect, test } from "./kit";
import { TRIGGER_APP } from "./apps";

// A trigger value lives for exactly one run (§7.2): set on the run it fired, null afterwards.
const KEY = "clicker_instance";

test("a trigger is set for exactly one run, then back to null", async ({ workbench }) => {
  await workbench.open(TRIGGER_APP);
  const result = workbench.frame().getByTestId("stJson");
  const count = workbench.frame().getByTestId("stMarkdown").filter({ hasText: "callback count" });
  const panelValue = workbench.sessionField(`${KEY}.clicked`, "trigger").getByTestId("lw-session-value");

  // Registered but never fired: present in the result as null, absent from session state.
  await expect(result).toContainText(/"clicked":\s*NULL/);
  await expect(count).toHaveText("callback count: 0");
  expect(await workbench.sessionState()).toEqual({ callback_count: 0, [KEY]: {} });

  await workbench.component(KEY).getByRole("button", { name: "Click me" }).click();
  await workbench.waitForIdle({ minRunCount: 2 });
  await expect(result).toContainText(/"clicked":\s*1/);
  await expect(count).toHaveText("callback count: 1");
  await expect(panelValue).toHaveText("1");
  expect(await workbench.sessionState()).toEqual({ callback_count: 1, [KEY]: { clicked: 1 } });

  await workbench.rerun();
  await expect(result).toContainText(/"clicked":\s*NULL/);
  await expect(count).toHaveText("callback count: 1");
  await expect(panelValue).toHaveText("null");
  expect(await workbench.sessionState()).toEqual({ callback_count: 1, [KEY]: {} });

  // Every click fires the callback again, with the new payload.
  await workbench.component(KEY).getByRole("button", { name: "Click me" }).click();
  await workbench.waitForIdle({ minRunCount: 4 });
  await expect(result).toContainText(/"clicked":\s*2/);
  await expect(count).toHaveText("callback count: 2");
});
