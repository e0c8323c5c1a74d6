import { expect, test } from "../kit";
import { causesNoRun, fidelityApp } from "./helpers";

// Issue 3 item 6 (§1 isolate_styles, §8.1 DOM, §8.2 module loading, §8.3 errors).

test("CSS: not isolated applies to the whole page; isolated stays in its ShadowRoot", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("frontend"));
  await expect(wb.frame().getByTestId("stBidiComponentRegular")).toHaveCount(1);
  await expect(wb.component("global")).toHaveAttribute("data-testid", "stBidiComponentRegular");
  await expect(wb.component("scoped")).toHaveAttribute("data-testid", "stBidiComponentIsolated");
  await expect(wb.frame().getByTestId("stText").filter({ hasText: "plain text outside" })).toHaveCSS("color", "rgb(1, 2, 3)");
  await expect(wb.component("scoped").locator("p.inside")).toHaveCSS("color", "rgb(4, 5, 6)");
  await expect(wb.frame().getByTestId("stCaptionContainer")).not.toHaveCSS("color", "rgb(4, 5, 6)");
});

test("<script> in html runs before the default export", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("frontend"));
  await expect(wb.component("scripted").locator(".out")).toHaveText("html script: ran");
});

test("a throwing default export shows the BidiComponent Error with message and a st-bidi-<name>-<hash>.js stack", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("frontend"));
  const error = wb.frame().locator('.stBidiComponent[data-lw-key="thrower"]').getByTestId("stBidiComponentError");
  await expect(error).toContainText("BidiComponent Error");
  await expect(error).toContainText("boom from component");
  await expect(error).toContainText(/st-bidi-thrower-[0-9a-z]+\.js/i);

  const notFn = wb.frame().locator('.stBidiComponent[data-lw-key="not_a_function"]').getByTestId("stBidiComponentError");
  await expect(notFn).toContainText("JS module does not have a default export function.");
});

test("an error thrown later in an event handler goes to the console only", async ({ workbench: wb }) => {
  await wb.open(fidelityApp("frontend"));
  const pageErrors: string[] = [];
  wb.page.on("console", (msg) => {
    if (msg.type() === "error") pageErrors.push(msg.text());
  });
  wb.page.on("pageerror", (err) => pageErrors.push(err.message));
  const host = wb.frame().locator('.stBidiComponent[data-lw-key="handler"]');
  await causesNoRun(wb, () => host.getByRole("button", { name: "Throw in handler" }).click());
  await expect(host.getByTestId("stBidiComponentError")).toHaveCount(0);
  await expect(host.getByRole("button", { name: "Throw in handler" })).toBeVisible();
  const log = await wb.logEntries("error");
  await expect
    .poll(async () => [...pageErrors, ...(await log.allTextContents())].some((m) => m.includes("handler boom")), {
      message: '"handler boom" in the preview console or the workbench log',
    })
    .toBe(true);
});
