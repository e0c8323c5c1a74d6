import { test, expect } from "loopwright/test";

test("a click counts in session state and in the app", async ({ workbench }) => {
  await workbench.open("app.ts");
  expect(await workbench.sessionState()).toEqual({ counter: { count: 0 } });

  await workbench.component("counter").getByRole("button").click();
  await workbench.waitForIdle({ minRunCount: 2 });

  expect(await workbench.sessionState()).toEqual({ counter: { count: 1 } });
  await expect(workbench.frame().getByText("Clicked 1 times")).toBeVisible();
});
