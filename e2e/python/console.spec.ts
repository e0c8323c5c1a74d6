import { expect, test } from "../kit";
import { CONSOLE_PY_APP, lineOf } from "../apps";
import { skipWithoutPython } from "../python";

// The author's print, logging and exceptions reach the Log with their file and line; a Python
// process that dies does not wedge the workbench: it says so, and Rerun starts Streamlit again.

test.beforeAll(() => {
  const python = skipWithoutPython(test);
  if (python) process.env.LOOPWRIGHT_PYTHON = python;
});

test.beforeEach(async ({ workbench }) => {
  await workbench.open(CONSOLE_PY_APP);
});

test("print and logging are in the Log with the script's file and line", async ({ workbench }) => {
  const printed = (await workbench.logEntries({ source: "script" })).filter({ hasText: "hello from print" });
  await expect(printed).toHaveCount(1);
  await expect(printed).toHaveAttribute("data-location", new RegExp(`console_app\\.py:${lineOf(CONSOLE_PY_APP, 'print("hello')}`));
  const logged = (await workbench.logEntries({ level: "warn" })).filter({ hasText: "careful: logged" });
  await expect(logged).toHaveCount(1);
  await expect(logged).toHaveAttribute("data-location", new RegExp(`console_app\\.py:${lineOf(CONSOLE_PY_APP, "careful")}`));
});

test("an uncaught exception shows in the app and in the Log, and the status says so", async ({ workbench }) => {
  const before = await workbench.status();
  await workbench.frame().getByRole("button", { name: "Raise" }).click();
  await workbench.waitForIdle({ minRunCount: before.runCount + 1 });
  await expect(workbench.frame().getByTestId("stException")).toContainText("boom from the script");
  const error = (await workbench.logEntries({ level: "error" })).filter({ hasText: "boom from the script" });
  await expect(error.first()).toHaveAttribute("data-location", new RegExp(`console_app\\.py:${lineOf(CONSOLE_PY_APP, "raise ValueError")}`));
  expect((await workbench.status()).text).toMatch(/idle|error/);
  const [end] = (await workbench.timeline({ kind: "run-end" })).slice(-1);
  expect(end).toMatchObject({ status: "exception" });
});

test("a crashed Python process is reported, and Rerun brings the app back", async ({ workbench }) => {
  test.setTimeout(60_000);
  await workbench.frame().getByRole("button", { name: "Crash" }).click();
  await expect(workbench.page.getByTestId("lw-status")).toHaveAttribute("data-state", "error", { timeout: 15_000 });
  await expect((await workbench.logEntries({ level: "error" })).filter({ hasText: "Streamlit exited (exit code 3)" })).toHaveCount(1);

  const before = await workbench.status();
  await workbench.page.getByTestId("lw-rerun").click();
  await workbench.waitForIdle({ minRunCount: before.runCount + 1, timeout: 30_000 });
  await expect(workbench.frame().getByText("alive")).toBeVisible();
});
