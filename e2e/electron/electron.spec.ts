import { expect, hasElectronBinary, test } from "../kit";
import { SEED_APP } from "../apps";

// Runs the seed in the real Electron window. The binary cannot be downloaded on our machines, so
// this file is reported as SKIPPED there (never as passed).
test.use({ loopwrightMode: "electron" });
test.skip(!hasElectronBinary(), "Electron binary not available (cannot be downloaded here)");

test("Electron window: type + Enter sets the state, the panel edit flows back", async ({ workbench }) => {
  await workbench.open(SEED_APP);
  const input = workbench.component("my_text_input_instance").locator("input");
  await input.pressSequentially("abc");
  await input.press("Enter");
  await workbench.waitForIdle({ minRunCount: 2 });
  expect(await workbench.sessionState()).toEqual({ my_text_input_instance: { value: "abc" } });

  await workbench.editSessionState("my_text_input_instance.value", '"from panel"');
  await expect(input).toHaveValue("from panel");
});
