// @vitest-environment happy-dom
import { describe, expect, it, vi } from "vitest";
import type { LoopEvent, LoopSnapshot } from "../../common";
import { useLogStore } from "../../renderer/workbench/stores/log";
import { DEFAULT_CAP, useTimelineStore } from "../../renderer/workbench/stores/timeline";
import { fakeHost, workbenchApp } from "./fakes";
import { loopEvent, storm } from "./loop-fixtures";

/** Run 1 ends, the user clicks, the set flushes and requests run 2, which coalesces a second request. */
function clickScenario() {
  const start1 = loopEvent("run-start", { runId: 1, fragmentId: null, alsoCausedBy: [] });
  const end1 = loopEvent("run-end", { runId: 1, causeId: start1.id, status: "done", durationMs: 12, fragmentId: null });
  const dom = loopEvent("dom", { runId: 1, eventType: "click", target: "button", trusted: true });
  const set = loopEvent("set", {
    runId: 1, causeId: dom.id, instance: "my_key", name: "value", setter: "state", value: { preview: '"b"', size: 3 },
    unchanged: false, phase: "later", stack: null, elementId: "$$ID-my_key",
  });
  const flush = loopEvent("flush", { runId: 1, setIds: [set.id], fragmentId: null });
  const request = loopEvent("request", { runId: 1, causeId: flush.id, source: "widget", detail: null });
  const rerunButton = loopEvent("request", { runId: 1, source: "button", detail: null });
  const start2 = loopEvent("run-start", { runId: 2, causeId: request.id, fragmentId: null, alsoCausedBy: [rerunButton.id] });
  const callback = loopEvent("callback", { runId: 2, causeId: start2.id, instance: "my_key", name: "value", durationMs: 1, error: null });
  const console = loopEvent("console", { runId: 2, level: "info", message: "hello from the script", source: "script" });
  const events = [start1, end1, dom, set, flush, request, rerunButton, start2, callback, console];
  return { start1, end1, dom, set, flush, request, rerunButton, start2, callback, console, events };
}

function timelineStore(host = fakeHost().host) {
  workbenchApp(host);
  return useTimelineStore();
}

const ids = (events: readonly LoopEvent[]) => events.map((e) => e.id);

describe("timeline store", () => {
  it("groups hops by run, the run's start and end as its summary", () => {
    const timeline = timelineStore();
    const s = clickScenario();
    const boot = loopEvent("console", { runId: 0, level: "info", message: "booting", source: "host" });
    timeline.appendEvents([boot, ...s.events.slice(0, 5)]);
    timeline.appendEvents(s.events.slice(5));

    expect(timeline.runs.map((r) => r.runId)).toEqual([0, 1, 2]);
    const [before, run1, run2] = timeline.runs;
    expect(before).toMatchObject({ start: null, end: null });
    expect(ids(before.hops)).toEqual([boot.id]);
    expect(run1.start).toBe(s.start1);
    expect(run1.end).toBe(s.end1);
    // The click that causes run 2 happens while run 1 is the last run: it sits in run 1's group.
    expect(ids(run1.hops)).toEqual(ids(s.events.slice(0, 7)));
    expect(run2).toMatchObject({ start: s.start2, end: null });
    expect(ids(run2.hops)).toEqual([s.start2.id, s.callback.id, s.console.id]);
  });

  it("follows a chain across runs: causes, coalesced requests, flushed sets and effects, not siblings", () => {
    const timeline = timelineStore();
    const s = clickScenario();
    timeline.appendEvents(s.events);

    expect(timeline.chainOf(s.set.id)).toEqual(new Set([s.dom.id, s.set.id, s.flush.id, s.request.id, s.start2.id, s.callback.id]));
    expect(timeline.chainOf(s.callback.id)).toEqual(
      new Set([s.callback.id, s.start2.id, s.request.id, s.rerunButton.id, s.flush.id, s.set.id, s.dom.id]),
    );
    expect(timeline.chainOf(s.console.id)).toEqual(new Set([s.console.id]));
  });

  it("describes what caused a run by walking back to the user's action", () => {
    const timeline = timelineStore();
    const s = clickScenario();
    timeline.appendEvents(s.events);
    expect(timeline.runCause(s.start2)).toBe("click on button → setStateValue('value') (my_key) + 1 more");

    timeline.appendEvents(storm(2, { firstRun: 3 }));
    expect(timeline.runCause(timeline.eventById("r4-start") as never)).toBe("run 3 → setStateValue('value') (my_key)");
  });

  it("filters by instance, kinds and text, leaving out runs with no match", () => {
    const timeline = timelineStore();
    const s = clickScenario();
    timeline.appendEvents(s.events);
    expect(timeline.instances).toEqual(["my_key"]);
    expect(timeline.filtering).toBe(false);
    expect(timeline.visibleRuns).toBe(timeline.runs);

    timeline.filter.instance = "my_key";
    expect(timeline.visibleRuns.map((r) => [r.runId, ids(r.hops)])).toEqual([[1, [s.set.id]], [2, [s.callback.id]]]);

    timeline.filter.instance = null;
    timeline.filter.kinds = ["run-start", "run-end"];
    expect(timeline.visibleRuns.flatMap((r) => ids(r.hops))).toEqual([s.start1.id, s.end1.id, s.start2.id]);

    timeline.filter.kinds = [];
    timeline.filter.text = "HELLO from";
    expect(timeline.visibleRuns.map((r) => [r.runId, ids(r.hops)])).toEqual([[2, [s.console.id]]]);
  });

  it("keeps the newest events up to the cap and counts the dropped ones", () => {
    const timeline = timelineStore();
    expect(timeline.cap).toBe(DEFAULT_CAP);
    const snapshot: LoopSnapshot = { events: [], dropped: 2, cap: 9, recording: true, findings: [], reruns: { paused: false, queued: 0, reason: null } };
    timeline.applySnapshot(snapshot);
    const events = storm(2);
    timeline.appendEvents(events.slice(0, 6));
    timeline.appendEvents(events.slice(6));

    expect(ids(timeline.events)).toEqual(ids(events.slice(9)));
    expect(timeline.dropped).toBe(2 + 9);
    expect(timeline.eventById("r1-start")).toBeUndefined();
    expect(timeline.chainOf("r2-diff")).toEqual(new Set(["r2-diff", "r2-start", "r1-request"]));
  });

  it("replaces everything on a snapshot and empties on clear", () => {
    const timeline = timelineStore();
    timeline.appendEvents(storm(1));
    timeline.highlightChain("r1-set");
    const gate = { paused: true, queued: 3, reason: "finding-storm" };
    timeline.applySnapshot({ events: storm(1, { firstRun: 5 }), dropped: 40, cap: 100, recording: false, findings: [], reruns: gate });
    expect(timeline.events[0].id).toBe("r5-start");
    expect(timeline.eventById("r1-set")).toBeUndefined();
    expect(timeline).toMatchObject({ dropped: 40, cap: 100, recording: false, reruns: gate });
    expect(timeline.highlighted.size).toBe(0);

    timeline.clear();
    expect(timeline.events).toEqual([]);
    expect(timeline.runs).toEqual([]);
    expect(timeline.dropped).toBe(0);
  });

  it("measures reruns per second over the last two seconds", () => {
    const timeline = timelineStore();
    // 10 runs 4 ms apart starting at t=1,000,000, then a slower run every 500 ms.
    timeline.appendEvents(storm(10));
    for (let n = 0; n < 4; n++) timeline.appendEvents(storm(1, { firstRun: 11 + n, startAt: 1_001_000 + n * 500 }));

    expect(timeline.rerunRate(1_000_040)).toBe(5);
    // The storm has left the window; runs at 1,001,000 … 1,002,500 remain, the last of them not yet started.
    expect(timeline.rerunRate(1_002_100)).toBe(1.5);
    expect(timeline.rerunRate(1_010_000)).toBe(0);
  });

  it("ignores events while recording is off and asks the host to stop recording", async () => {
    const host = Object.assign(fakeHost().host, { setRecording: vi.fn(async () => {}) });
    const timeline = timelineStore(host);
    await timeline.setRecording(false);
    expect(host.setRecording).toHaveBeenCalledWith(false);
    timeline.appendEvents(storm(1));
    expect(timeline.events).toEqual([]);
    await timeline.setRecording(true);
    timeline.appendEvents(storm(1));
    expect(timeline.events).toHaveLength(9);
  });

  it("leaves the rerun gate to the host, and logs a call that failed", async () => {
    const host = Object.assign(fakeHost().host, { stepRerun: vi.fn(async () => {}), resumeReruns: vi.fn(async () => Promise.reject(new Error("gone"))) });
    const timeline = timelineStore(host);
    timeline.applyGate({ paused: true, queued: 2, reason: "user" });
    await timeline.stepRerun();
    expect(host.stepRerun).toHaveBeenCalledOnce();
    expect(timeline.reruns).toEqual({ paused: true, queued: 2, reason: "user" });

    await timeline.resumeReruns();
    await timeline.pauseReruns();
    expect(host.pauseReruns).toHaveBeenCalledOnce();
    expect(useLogStore().entries.map((e) => [e.level, e.message])).toEqual([["error", "resumeReruns failed: gone"]]);
  });
});
