import { expect, test } from "../kit";
import { BIG_STATE_PY_APP } from "../apps";
import { skipWithoutPython } from "../python";

// A 24 MB Session State value in a real Streamlit app: summarised by the companion (its whole
// JSON stays in Python until the panel asks), so the panel and the loop stay quick.

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test("a 24 MB value is shown collapsed with its size, and runs go on", async ({ workbench }) => {
  test.setTimeout(120_000);
  await workbench.open(BIG_STATE_PY_APP);
  await workbench.frame().getByRole("button", { name: "Load catalogue" }).click();
  await workbench.waitForIdle({ minRunCount: 2, timeout: 60_000 });
  const catalogue = workbench.sessionField("catalogue").getByTestId("lw-session-value");
  await expect(catalogue).toHaveText(/^\d\d\.\d MB object · 240,000 keys$/);
  const entry = (await workbench.sessionStateEntries()).find((e) => e.key === "catalogue")!;
  expect(entry).toMatchObject({ kind: "value", value: null, summary: { type: "object", count: 240_000 } });
  expect(JSON.stringify(entry).length).toBeLessThan(4_000);

  await workbench.sessionField("catalogue").getByTestId("lw-session-expand").click();
  await expect(workbench.sessionField("catalogue").getByTestId("lw-session-prefix")).toHaveText(/^\{\n {2}"SKU-000000": \{\n {4}"name": "Product number 0",[^]*…$/);

  const before = await workbench.status();
  await workbench.frame().getByRole("button", { name: "Click" }).click();
  await workbench.waitForIdle({ minRunCount: before.runCount + 1, timeout: 30_000 });
  expect(await workbench.sessionState()).toMatchObject({ clicks: 1 });
  await expect(workbench.frame().getByText("240000 products, 1 clicks")).toBeVisible();
});
