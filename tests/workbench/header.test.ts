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
