// @vitest-environment happy-dom
import { describe, expect, it } from "vitest";
import type { RenderedRun } from "../../common";
import { useHostStatusStore } from "../../renderer/workbench/stores/hostStatus";
import { useLogStore } from "../../renderer/workbench/stores/log";
import { usePreviewStore } from "../../renderer/workbench/stores/preview";
import { useSessionStateStore } from "../../renderer/workbench/stores/sessionState";
import { useTimelineStore } from "../../renderer/workbench/stores/timeline";
import { syncWithHost } from "../../renderer/workbench/sync";
import { installTestHook } from "../../renderer/workbench/testHook";
import { fakeHost, flush, snapshot, workbenchApp } from "./fakes";
import { loopEvent } from "./loop-fixtures";

const run = (runId: number): RenderedRun => ({ runId, tree: { main: [], sidebar: [] }, warnings: [], causes: { run: null, elements: {} } });

/** `prepare` runs before the first hello(), which syncWithHost sends at once. */
function start(prepare: (host: ReturnType<typeof fakeHost>["host"]) => void = () => {}) {
  const fake = fakeHost();
  prepare(fake.host);
  const { app, pinia } = workbenchApp(fake.host);
  app.runWithContext(() => syncWithHost(fake.host));
  return { ...fake, pinia };
}

describe("syncWithHost", () => {
  it("fills every store from hello()", async () => {
    const { host } = start((host) => host.hello.mockResolvedValueOnce(snapshot({ lastRun: run(1) })));
    await flush();

    expect(host.hello).toHaveBeenCalledTimes(1);
    expect(useHostStatusStore().status.state).toBe("idle");
    expect(usePreviewStore().sessionId).toBe("session-1");
    expect(usePreviewStore().lastRun?.runId).toBe(1);
    expect(useSessionStateStore().snapshot.runId).toBe(1);
  });

  it("applies host events as they arrive", async () => {
    const { emit } = start();
    await flush();

    emit("status", { ...snapshot().status, state: "running", runCount: 4 });
    emit("render", run(5));
    emit("sessionState", { runId: 5, entries: [] });
    emit("log", { level: "warn", message: "slow", at: 1, runId: 5 });

    expect(useHostStatusStore().status).toMatchObject({ state: "running", runCount: 4 });
    expect(usePreviewStore().lastRun?.runId).toBe(5);
    expect(useSessionStateStore().snapshot.runId).toBe(5);
    expect(useLogStore().entries.map((e) => e.message)).toEqual(["slow"]);
  });

  it("applies a timeline delta as it arrives (the host holds it until the preview rendered the run)", async () => {
    const { emit } = start();
    await flush();
    const timeline = useTimelineStore();
    emit("loop", { events: [loopEvent("run-end", { runId: 5, status: "done", durationMs: 2, fragmentId: null })], findings: [], dropped: 0, recording: true, reruns: { paused: false, queued: 0, reason: null } });
    expect(timeline.events.map((e) => e.kind)).toEqual(["run-end"]);
  });

  it("says hello again after a reconnect and picks up a new session", async () => {
    const { host, setConnected } = start();
    await flush();
    host.hello.mockResolvedValueOnce(snapshot({ sessionId: "session-2" }));

    setConnected(false);
    expect(useHostStatusStore().connected).toBe(false);
    setConnected(true);
    await flush();

    expect(host.hello).toHaveBeenCalledTimes(2);
    expect(useHostStatusStore().connected).toBe(true);
    expect(usePreviewStore().sessionId).toBe("session-2");
  });

  it("logs the warnings of a run that finished before it connected, once", async () => {
    const warned = { ...run(1), warnings: ["Component 'c': data.when: Date is sent as the ISO string 2026-01-01T00:00:00.000Z"] };
    const { host, setConnected } = start((host) => host.hello.mockResolvedValue(snapshot({ lastRun: warned })));
    await flush();
    setConnected(false);
    setConnected(true);
    await flush();
    expect(host.hello).toHaveBeenCalledTimes(2);
    expect(useLogStore().entries.map((e) => [e.level, e.message])).toEqual([["warn", warned.warnings[0]]]);
  });

  it("logs a failed hello()", async () => {
    start((host) => host.hello.mockRejectedValueOnce(new Error("refused")));
    await flush();
    expect(useLogStore().entries.map((e) => e.message)).toEqual(["Could not reach the Loopwright host: refused"]);
  });

  it("exposes plain copies through the test hook", async () => {
    const { pinia } = start();
    await flush();
    installTestHook(window, pinia);
    useHostStatusStore().acknowledge(7);

    const status = window.__loopwright!.status();
    status.runCount = 99;
    expect(useHostStatusStore().status.runCount).toBe(1);
    expect(window.__loopwright!.sessionState()).toEqual({ runId: 1, entries: [] });
    expect(window.__loopwright!.renderedRunId()).toBe(7);
  });
});
