import { expect, test } from "../kit";
import { SEED_PY_APP, SLOW_PY_APP } from "../apps";
import { skipWithoutPython } from "../python";

// The workbench's controls on a real Streamlit app: Pause reruns holds the frontend's requests
// (queued, not lost) and Resume sends them; Stop ends a run in progress.

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test("Pause reruns holds a component's write; Resume runs it", async ({ workbench }) => {
  await workbench.open(SEED_PY_APP);
  await workbench.pauseReruns();
  const before = await workbench.status();
  const input = workbench.component("my_text_input_instance").locator("input");
  await input.pressSequentially("held");
  await input.press("Enter");
  await expect(workbench.page.getByTestId("lw-pause-reruns")).toHaveText(/Resume reruns \(1\)/);
  expect((await workbench.status()).runCount).toBe(before.runCount);
  expect(await workbench.sessionState()).toEqual({ my_text_input_instance: { value: "" } });

  await workbench.resumeReruns();
  await workbench.waitForIdle({ minRunCount: before.runCount + 1 });
  expect(await workbench.sessionState()).toEqual({ my_text_input_instance: { value: "held" } });
  await expect(workbench.frame().getByTestId("stJson")).toContainText(/"value":\s*"held"/);
});

test("Stop ends a run in progress; the timeline says it was stopped", async ({ workbench }) => {
  await workbench.open(SLOW_PY_APP);
  await workbench.frame().getByRole("button", { name: "Slow" }).click();
  await expect(workbench.frame().getByText("step 3")).toBeVisible();
  await workbench.page.getByTestId("lw-stop").click();
  await workbench.waitForIdle({ minRunCount: 2 });
  const [end] = (await workbench.timeline({ kind: "run-end" })).slice(-1);
  expect(end).toMatchObject({ status: "stopped" });
  await expect(workbench.frame().getByText("step 99")).toHaveCount(0);
});
