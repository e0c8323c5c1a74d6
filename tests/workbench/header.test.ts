// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from "vitest";
import { effectScope, nextTick, type App } from "vue";
import AppHeader from "../../renderer/workbench/components/AppHeader.vue";
import { useRerunHotkey } from "../../renderer/workbench/composables/useRerunHotkey";
import { useHostStatusStore } from "../../renderer/workbench/stores/hostStatus";
import { usePreviewStore } from "../../renderer/workbench/stores/preview";
import { fakeHost, flush, snapshot, workbenchApp } from "./fakes";

let app: App | undefined;
afterEach(() => {
  app?.unmount();
  document.body.innerHTML = "";
  localStorage.clear();
});

async function mountHeader() {
  const fake = fakeHost();
  ({ app } = workbenchApp(fake.host, AppHeader));
  const root = document.createElement("div");
  document.body.append(root);
  app.mount(root);
  await nextTick();
  const q = <T extends HTMLElement = HTMLElement>(id: string) => root.querySelector<T>(`[data-testid="${id}"]`)!;
  return { ...fake, q };
}

describe("header", () => {
  it("shows the status as attributes and a one-line summary", async () => {
    const { q } = await mountHeader();
    const hostStatus = useHostStatusStore();
    expect(q("lw-status").dataset.state).toBe("starting");

    hostStatus.apply({ ...snapshot().status, state: "idle", runCount: 3, lastDurationMs: 12.4 });
    hostStatus.acknowledge(3);
    await nextTick();

    const status = q("lw-status");
    expect(status.dataset).toMatchObject({ state: "idle", runCount: "3", renderedRun: "3" });
    expect(status.textContent).toContain("idle · 3 runs · last 12 ms");
    expect(q<HTMLButtonElement>("lw-stop").disabled).toBe(true);
  });

  it("enables Stop only while running, and shows the problem of the last run", async () => {
    const { q, host } = await mountHeader();
    useHostStatusStore().apply({ ...snapshot().status, state: "running", runCount: 1, lastDurationMs: 1500 });
    await nextTick();

    expect(q("lw-status").textContent).toContain("running… · 1 run · last 1.5 s");
    q<HTMLButtonElement>("lw-stop").click();
    await flush();
    expect(host.stop).toHaveBeenCalledOnce();
  });

  it("reruns from the button and switches the preview theme", async () => {
    const { q, host } = await mountHeader();
    q<HTMLButtonElement>("lw-rerun").click();
    await flush();
    expect(host.rerun).toHaveBeenCalledWith({ widgetStates: null, fragmentId: null, source: "button", causeId: null });

    expect(usePreviewStore().theme).toBe("light");
    q<HTMLButtonElement>("lw-theme-toggle").click();
    await nextTick();
    expect(usePreviewStore().theme).toBe("dark");
    expect(q("lw-theme-toggle").textContent).toContain("Dark");
  });

  it("offers the project's theme first, and the chrome follows the app view's light or dark", async () => {
    const { q } = await mountHeader();
    const preview = usePreviewStore();
    preview.applyProjectTheme({ input: { backgroundColor: "#111111" }, files: ["/p/.streamlit/config.toml"] });
    await nextTick();
    expect(q("lw-theme-toggle").textContent).toContain("Project theme");
    expect(q("lw-theme-toggle").title).toContain("/p/.streamlit/config.toml");
    // A dark background makes the custom theme dark, whatever its base.
    expect(document.documentElement.dataset.lwChrome).toBe("dark");

    const labels: string[] = [];
    for (let i = 0; i < 3; i++) {
      q<HTMLButtonElement>("lw-theme-toggle").click();
      await nextTick();
      labels.push(`${q("lw-theme-toggle").textContent!.trim()} ${document.documentElement.dataset.lwChrome}`);
    }
    expect(labels).toEqual(["☀ Light light", "☾ Dark dark", "◐ Project theme dark"]);
  });

  it("switches the width presets, and the app's layout picks centered or wide", async () => {
    const { q } = await mountHeader();
    const pressed = () => ["centered", "wide", "mobile"].filter((preset) => q(`lw-width-${preset}`).getAttribute("aria-pressed") === "true");
    expect(pressed()).toEqual(["centered"]);
    q<HTMLButtonElement>("lw-width-mobile").click();
    await nextTick();
    expect(pressed()).toEqual(["mobile"]);

    const hostStatus = useHostStatusStore();
    const preview = usePreviewStore();
    hostStatus.apply({ ...snapshot().status, page: { layout: "wide", title: "Stars" } });
    preview.applyPageLayout("wide");
    await nextTick();
    // The phone view stays; inside it the page is laid out wide.
    expect(pressed()).toEqual(["mobile"]);
    expect(preview.pageLayout).toBe("wide");
    expect(document.title).toBe("Stars · Loopwright");

    q<HTMLButtonElement>("lw-width-centered").click();
    preview.applyPageLayout("centered");
    preview.applyPageLayout("wide");
    await nextTick();
    expect(pressed()).toEqual(["wide"]);
  });
});

describe("R key", () => {
  function listen() {
    let reruns = 0;
    const scope = effectScope();
    scope.run(() => useRerunHotkey(() => reruns++));
    return { count: () => reruns, stop: () => scope.stop() };
  }
  const press = (target: EventTarget, init: KeyboardEventInit = {}) =>
    target.dispatchEvent(new KeyboardEvent("keydown", { key: "r", bubbles: true, ...init }));

  it("reruns when focus is on the page, not while typing or with modifiers", () => {
    const hotkey = listen();
    const input = document.createElement("input");
    const editable = document.createElement("div");
    editable.contentEditable = "true";
    document.body.append(input, editable);

    press(document.body);
    press(input);
    press(editable);
    press(document.body, { ctrlKey: true });
    press(document.body, { metaKey: true });
    expect(hotkey.count()).toBe(1);

    hotkey.stop();
    press(document.body);
    expect(hotkey.count()).toBe(1);
  });
});
