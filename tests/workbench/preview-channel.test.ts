// @vitest-environment happy-dom
import { afterEach, describe, expect, it, vi } from "vitest";
import { effectScope, shallowRef, type EffectScope } from "vue";
import { PREVIEW_HELLO, type RenderedRun, type ToPreview } from "../../common";
import { usePreviewChannel } from "../../renderer/workbench/channel/usePreviewChannel";
import { useHostStatusStore } from "../../renderer/workbench/stores/hostStatus";
import { useLogStore } from "../../renderer/workbench/stores/log";
import { usePreviewStore } from "../../renderer/workbench/stores/preview";
import { useTimelineStore } from "../../renderer/workbench/stores/timeline";
import { fakeHost, workbenchApp } from "./fakes";

const run = (runId: number): RenderedRun => ({ runId, tree: { main: [], sidebar: [] }, warnings: [], causes: { run: null, elements: {} } });
const tick = () => new Promise((resolve) => setTimeout(resolve, 10));

let scope: EffectScope | undefined;
afterEach(() => scope?.stop());

/** The channel wired to a fake frame window, after the frame's hello. */
async function connected() {
  const fake = fakeHost();
  const { app } = workbenchApp(fake.host);
  const received: ToPreview[] = [];
  let port: MessagePort | undefined;
  const frameWindow = {
    postMessage: vi.fn((_message: unknown, _origin: string, [transferred]: MessagePort[]) => {
      port = transferred;
      port.onmessage = (event) => received.push(event.data);
    }),
  };
  const iframe = shallowRef({ contentWindow: frameWindow } as unknown as HTMLIFrameElement);
  scope = effectScope();
  app.runWithContext(() => scope!.run(() => usePreviewChannel(iframe)));
  const hello = () => window.dispatchEvent(new MessageEvent("message", { data: { type: PREVIEW_HELLO }, source: frameWindow as unknown as Window }));
  hello();
  await tick();
  return { ...fake, received, hello, fromPreview: (message: unknown) => port!.postMessage(message) };
}

describe("usePreviewChannel", () => {
  it("sends the theme first, then runs, and a reset when the session changes", async () => {
    const { received } = await connected();
    const preview = usePreviewStore();
    preview.applySession("s1");
    preview.applyRun(run(1));
    preview.toggleTheme();
    preview.applySession("s2");
    preview.applyRun(run(1));
    await tick();

    expect(received.map((m) => m.type)).toEqual(["theme", "layout", "recording", "render", "theme", "reset", "render"]);
    expect(received[5]).toEqual({ type: "reset", sessionId: "s2" });
  });

  it("sends the current state again to a reloaded frame", async () => {
    const { received, hello } = await connected();
    usePreviewStore().applyRun(run(3));
    hello();
    await tick();

    expect(received.map((m) => m.type)).toEqual(["theme", "layout", "recording", "render", "theme", "layout", "recording", "render"]);
  });

  it("sends the project's theme as the custom theme, and the layout of the width preset", async () => {
    localStorage.clear();
    const { received } = await connected();
    const preview = usePreviewStore();
    expect(received.slice(0, 2)).toEqual([{ type: "theme", theme: "light" }, { type: "layout", layout: "centered" }]);
    preview.applyProjectTheme({ input: { base: "dark", primaryColor: "#7c3aed" }, files: ["/p/.streamlit/config.toml"] });
    preview.setWidth("wide");
    preview.setWidth("mobile");
    preview.toggleTheme();
    await tick();

    expect(received.slice(3)).toEqual([
      { type: "theme", theme: "dark", custom: { base: "dark", primaryColor: "#7c3aed" } },
      { type: "layout", layout: "wide" },
      { type: "layout", layout: "centered" },
      { type: "theme", theme: "light" },
    ]);
  });

  it("turns preview messages into reruns, acknowledgements and log entries", async () => {
    const { host, fromPreview } = await connected();
    const widgetStates = [{ id: "w1", type: "json_value" as const, value: '{"value":"Hi"}' }];
    fromPreview({ type: "rerun", widgetStates, fragmentId: null, source: "preview", causeId: "p1-3" });
    fromPreview({ type: "rendered", runId: 4, hops: [] });
    fromPreview({ type: "console", level: "warn", message: "careful" });
    fromPreview({ type: "rerun", widgetStates: "all of them" });
    await tick();

    expect(host.rerun).toHaveBeenCalledExactlyOnceWith({ widgetStates, fragmentId: null, source: "preview", causeId: "p1-3" });
    expect(useHostStatusStore().renderedRunId).toBe(4);
    const entries = useLogStore().entries.map(({ level, message }) => [level, message]);
    expect(entries).toEqual([
      ["warn", "careful"],
      ["error", expect.stringMatching(/^Dropped a malformed message from the preview: widgetStates: /)],
    ]);
  });

  it("forwards the preview's hops after the acknowledgement they come with, stragglers on their own, none while recording is off", async () => {
    const { host, fromPreview } = await connected();
    const hop = (n: number, kind: "cleanup" | "invoke" = "cleanup") =>
      kind === "invoke"
        ? { id: `p1-${n}`, causeId: null, runId: 4, at: n, kind, instance: "k", elementId: "e", frontendKey: "f", changed: ["data"], durationMs: 1 }
        : { id: `p1-${n}`, causeId: null, runId: 4, at: n, kind, elementId: "e", frontendKey: "f" };
    // A straggler waits in the outbox; the acknowledgement that comes first takes it along, ahead of its own hops.
    fromPreview({ type: "loop", events: [hop(1)] });
    fromPreview({ type: "rerun", widgetStates: null, fragmentId: null, source: "preview", causeId: "p1-2" });
    fromPreview({ type: "rendered", runId: 4, hops: [hop(2), hop(3, "invoke")] });
    await tick();
    expect(host.rerun).toHaveBeenCalledExactlyOnceWith({ widgetStates: null, fragmentId: null, source: "preview", causeId: "p1-2" });
    expect(useHostStatusStore().renderedRunId).toBe(4);
    expect(host.runRendered).toHaveBeenCalledExactlyOnceWith(4, [hop(1), hop(2), expect.objectContaining({ id: "p1-3", kind: "invoke" })]);
    expect(host.recordLoop).not.toHaveBeenCalled();

    // A write during a render: the acknowledgement goes to the host before the rerun it led to.
    fromPreview({ type: "rendered", runId: 5, hops: [hop(9, "invoke")] });
    fromPreview({ type: "rerun", widgetStates: null, fragmentId: null, source: "preview", causeId: "p1-10" });
    await tick();
    expect(host.runRendered.mock.invocationCallOrder[1]).toBeLessThan(host.rerun.mock.invocationCallOrder[1]);
    expect(host.runRendered).toHaveBeenLastCalledWith(5, [expect.objectContaining({ id: "p1-9" })]);

    // A straggler no acknowledgement takes goes on its own.
    fromPreview({ type: "loop", events: [hop(4)] });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(host.recordLoop).toHaveBeenCalledExactlyOnceWith([hop(4)]);

    // Nothing goes out while the timeline does not record.
    useTimelineStore().recording = false;
    fromPreview({ type: "loop", events: [hop(6)] });
    fromPreview({ type: "rendered", runId: 6, hops: [hop(8, "invoke")] });
    await new Promise((resolve) => setTimeout(resolve, 80));
    expect(host.runRendered).toHaveBeenCalledTimes(2);
    expect(host.recordLoop).toHaveBeenCalledTimes(1);
  });
});
