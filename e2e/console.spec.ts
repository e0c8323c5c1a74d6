import { expect, test } from "./kit";
import { CONSOLE_APP, lineOf } from "./apps";
import { join } from "node:path";

const STARS_JS = join(__dirname, "apps", "console", "stars.js");

test("a component's console.log is in the Log with its instance and the author's line", async ({ workbench }) => {
  await workbench.open(CONSOLE_APP);
  const mounted = (await workbench.logEntries({ instance: "rating", level: "info" })).filter({ hasText: "stars mounted with 4" });
  await expect(mounted).toHaveCount(1);
  await expect(mounted).toHaveAttribute("data-component", "stars");
  await expect(mounted).toHaveAttribute("data-location", `./stars.js:${lineOf(STARS_JS, "console.log")}:11`);
  await expect(mounted.getByTestId("lw-log-instance-label")).toHaveText("stars · rating");
});

test("a throw in a component's handler is attributed to its instance, with the author's frames only", async ({ workbench }) => {
  await workbench.open(CONSOLE_APP);
  await workbench.component("rating").locator("button").click();
  const line = lineOf(STARS_JS, "throw new Error");
  const thrown = (await workbench.logEntries({ instance: "rating", level: "error" })).filter({ hasText: "stars broke on click" });
  await expect(thrown).toHaveCount(1);
  await expect(thrown).toContainText(`stars broke on click (./stars.js:${line}:11)`);
  const stack = thrown.getByTestId("lw-log-stack");
  await expect(stack).toContainText(`./stars.js:${line}:11`);
  await expect(stack).not.toContainText("preview-");
  await expect(stack).not.toContainText("ComponentInstance");
  await expect((await workbench.logEntries({ instance: "rating", level: "warn" })).filter({ hasText: "clicked 4" })).toHaveCount(1);

  // An inline component's failing mount names its instance and "inline js of <name>".
  const inline = (await workbench.logEntries({ instance: "oops" })).filter({ hasText: "inline mount failed" });
  await expect(inline).toContainText("BidiComponent Error: inline mount failed (inline js of broken:2:9)");
});

test("a script's unhandled rejection is in the Log with the script's line, and the runner survives", async ({ workbench }) => {
  await workbench.open(CONSOLE_APP);
  await workbench.frame().getByTestId("stButton").locator("button").click();
  await workbench.waitForIdle();
  const rejected = (await workbench.logEntries({ source: "script", level: "error" })).filter({ hasText: "nobody awaited this" });
  await expect(rejected).toHaveCount(1);
  await expect(rejected).toHaveAttribute("data-location", new RegExp(`^app\\.ts:${lineOf(CONSOLE_APP, "Promise.reject")}:\\d+$`));
  await expect(await workbench.logEntries({ source: "host" })).toHaveCount(0);
});
