import { copyFileSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { expect, test } from "../kit";
import { SEED_PY_APP } from "../apps";
import { skipWithoutPython } from "../python";

// Saving the author's app.py reruns it on real Streamlit (runOnSave), keeping session state, and
// the timeline says the save caused the run.
const KEY = "my_text_input_instance";

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test("saving app.py reruns it with session state kept", async ({ workbench }) => {
  const dir = mkdtempSync(join(tmpdir(), "lw-py-hot-"));
  const app = join(dir, "app.py");
  copyFileSync(SEED_PY_APP, app);
  await workbench.open(app);
  const input = workbench.component(KEY).locator("input");
  await input.pressSequentially("kept");
  await input.press("Enter");
  await workbench.waitForIdle({ minRunCount: 2 });
  const before = await workbench.status();

  writeFileSync(app, readFileSync(app, "utf8").replace('st.button("Hello World")', 'st.button("Hello Loopwright")'));
  const button = workbench.frame().getByTestId("stButton").getByRole("button", { name: "Hello Loopwright" });
  await expect(button).toBeVisible({ timeout: 15_000 });
  await workbench.waitForIdle({ minRunCount: before.runCount + 1 });

  await expect(input).toHaveValue("kept");
  expect(await workbench.sessionState()).toEqual({ [KEY]: { value: "kept" } });
  const saves = await workbench.timeline({ kind: "request" });
  expect(saves).toContainEqual(expect.objectContaining({ source: "file", detail: "app.py" }));
  const start = (await workbench.timeline({ kind: "run-start" })).at(-1)!;
  expect(saves.find((e) => e.id === start.causeId)).toMatchObject({ source: "file" });
});
