import { expect, test } from "../kit";
import { causesNoRun, fidelityApp, forEachHost, instance, sharedWorkbench } from "./helpers";

// Issue 3 item 6 (§1 isolate_styles, §8.1 DOM, §8.2 module loading, §8.3 errors). The tests only
// read the page (the last one clicks a button that causes no run), so they share one app.

forEachHost((host) => {
  const workbench = sharedWorkbench(fidelityApp("frontend", host));

  test("CSS: not isolated applies to the whole page; isolated stays in its ShadowRoot", async () => {
    const wb = workbench();
    await expect(wb.frame().getByTestId("stBidiComponentRegular")).toHaveCount(1);
    await expect(wb.component("global")).toHaveAttribute("data-testid", "stBidiComponentRegular");
    await expect(wb.component("scoped")).toHaveAttribute("data-testid", "stBidiComponentIsolated");
    await expect(wb.frame().getByTestId("stText").filter({ hasText: "plain text outside" })).toHaveCSS("color", "rgb(1, 2, 3)");
    await expect(wb.component("scoped").locator("p.inside")).toHaveCSS("color", "rgb(4, 5, 6)");
    await expect(wb.frame().getByTestId("stCaptionContainer")).not.toHaveCSS("color", "rgb(4, 5, 6)");
  });

  test("<script> in html runs before the default export", async () => {
    const wb = workbench();
    await expect(wb.component("scripted").locator(".out")).toHaveText("html script: ran");
  });

  test("a throwing default export shows the BidiComponent Error with message and a st-bidi-<name>-<hash>.js stack", async () => {
    const wb = workbench();
    // Streamlit's ErrorElement in place of the instance: an error alert, the stack in stErrorElementStack.
    const error = instance(wb, "thrower").getByTestId("stAlertContentError");
    await expect(error).toContainText("BidiComponent Error");
    await expect(error).toContainText("boom from component");
    await expect(error.getByTestId("stErrorElementStack")).toContainText(/st-bidi-thrower-[0-9a-z]+\.js/i);

    const notFn = instance(wb, "not_a_function").getByTestId("stAlertContentError");
    await expect(notFn).toContainText("JS module does not have a default export function.");
  });

  test("an error thrown later in an event handler goes to the console only", async () => {
    const wb = workbench();
    const pageErrors: string[] = [];
    wb.page.on("console", (msg) => {
      if (msg.type() === "error") pageErrors.push(msg.text());
    });
    wb.page.on("pageerror", (err) => pageErrors.push(err.message));
    const host = instance(wb, "handler");
    await causesNoRun(wb, () => host.getByRole("button", { name: "Throw in handler" }).click());
    await expect(host.getByTestId("stAlertContentError")).toHaveCount(0);
    await expect(host.getByRole("button", { name: "Throw in handler" })).toBeVisible();
    const log = await wb.logEntries("error");
    await expect
      .poll(async () => [...pageErrors, ...(await log.allTextContents())].some((m) => m.includes("handler boom")), {
        message: '"handler boom" in the preview console or the workbench log',
      })
      .toBe(true);
  });
});
