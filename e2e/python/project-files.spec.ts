import { expect, test } from "../kit";
import { MULTIPAGE_PY_PROJECT } from "../apps";
import { skipWithoutPython } from "../python";

// A folder holding streamlit_app.py opens as `streamlit run streamlit_app.py` would run it: the
// app's .streamlit/config.toml and secrets.toml apply, and pages/ are pages sharing Session State.

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test("config.toml, secrets.toml and pages/ behave as under streamlit run", async ({ workbench }) => {
  await workbench.open(MULTIPAGE_PY_PROJECT);
  const frame = workbench.frame();
  await expect(frame.getByRole("heading", { name: "Home page" })).toBeVisible();
  await expect(frame.getByText("primary color #ff4b4b")).toBeVisible();
  await expect(frame.getByText("secret from-secrets-toml")).toBeVisible();
  expect(await workbench.sessionState()).toEqual({ visits: 1 });

  const before = await workbench.status();
  await frame.getByRole("link", { name: "second" }).click();
  await workbench.waitForIdle({ minRunCount: before.runCount + 1 });
  await expect(frame.getByRole("heading", { name: "Second page" })).toBeVisible();
  await expect(frame.getByText("visits 1")).toBeVisible();
  expect(await workbench.sessionState()).toEqual({ visits: 1 });
});
