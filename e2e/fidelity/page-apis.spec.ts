import { expect, test } from "../kit";
import { causesRun, fidelityApp, forEachHost, sharedWorkbench } from "./helpers";

// What a component may do on Streamlit's page beyond the CCv2 API (issue 14 item 6). Streamlit
// runs it in the app's own page, where the clipboard, fullscreen, downloads and web storage work;
// the emulator's preview frame grants the same (its sandbox allows downloads, its `allow` the
// clipboard and fullscreen), only its storage lives in memory (docs/fidelity.md row 9).

forEachHost((host) => {
  const workbench = sharedWorkbench(fidelityApp("page-apis", host));

  test("focus: a component may focus its input on mount, and keeps it across the rerun it causes", async () => {
    const wb = workbench();
    const input = wb.component("apis").locator("input");
    await expect(input).toBeFocused();
    await input.pressSequentially("abc");
    await causesRun(wb, () => input.press("Enter"));
    await expect(wb.frame().getByTestId("stText")).toHaveText("text: 'abc'");
    await expect(input).toBeFocused();
    await expect(input).toHaveValue("abc");
  });

  test("clipboard: writeText and readText", async () => {
    const wb = workbench();
    // A person's browser asks; Playwright's grants up front (what a person allowing it gets).
    await wb.page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    const component = wb.component("apis");
    await component.getByRole("button", { name: "Copy" }).click();
    await expect(component.locator(".out-clipboard")).toHaveText('clipboard: read back "copied by the component"');
  });

  test("fullscreen: requestFullscreen and exitFullscreen on an element of the component", async () => {
    const wb = workbench();
    const component = wb.component("apis");
    await component.getByRole("button", { name: "Fullscreen" }).click();
    await expect(component.locator(".out-fullscreen")).toHaveText("fullscreen: on, off");
  });

  test("download: an <a download> the component clicks", async () => {
    const wb = workbench();
    const component = wb.component("apis");
    const download = wb.page.waitForEvent("download", { timeout: 3_000 }).then(
      (event) => event.suggestedFilename(),
      () => null,
    );
    await component.getByRole("button", { name: "Download" }).click();
    await expect(component.locator(".out-download")).toHaveText("download: clicked");
    expect(await download).toBe("hello.txt");
  });

  test("web storage: localStorage and sessionStorage, and across a reload of the page", async () => {
    const wb = workbench();
    const storage = wb.component("apis").locator(".out-storage");
    await expect(storage).toHaveText("storage: local 1, session 1");
    await wb.page.reload();
    await wb.waitForIdle({ timeout: 20_000 });
    // The app's origin keeps both across a reload (same tab); the emulator's stand-ins live in memory.
    await expect(wb.component("apis").locator(".out-storage")).toHaveText(host === "streamlit" ? "storage: local 2, session 2" : "storage: local 1, session 1");
  });
});
