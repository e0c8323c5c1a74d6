import { afterEach, describe, expect, it, vi } from "vitest";
import type { LoopDelta, PreviewLoopEvent } from "../../common";
import { CAUSE_WAIT_MS, HOLD_MS, LoopRecorder } from "../../main/core/debugger/loop-recorder";

const dom: PreviewLoopEvent = { id: "p1-1", causeId: null, runId: 1, at: 1, kind: "dom", eventType: "keydown", target: "input[type=text]", trusted: true };

function recorder() {
  const deltas: LoopDelta[] = [];
  const loop = new LoopRecorder({ onDelta: (delta) => deltas.push(delta), onStorm: () => {} });
  return { loop, deltas };
}

describe("the host's loop recorder", () => {
  afterEach(() => vi.useRealTimers());

  it("sends a run's hops right after the task that ended the run, not a frame later", () => {
    vi.useFakeTimers();
    const { loop, deltas } = recorder();
    const start = loop.record({ kind: "run-start", causeId: null, alsoCausedBy: [], fragmentId: null });
    loop.record({ kind: "run-end", causeId: start, status: "done", durationMs: 3, fragmentId: null });
    loop.record({ kind: "console", causeId: null, level: "info", message: "after the end, same task", source: "script" });
    expect(deltas).toEqual([]);

    vi.advanceTimersByTime(1);
    expect(deltas).toHaveLength(1);
    expect(deltas[0].events.map((e) => e.kind)).toEqual(["run-start", "run-end", "console"]);
    vi.advanceTimersByTime(100);
    expect(deltas).toHaveLength(1);
  });

  it("batches hops without a run's end into one delta per 16 ms", () => {
    vi.useFakeTimers();
    const { loop, deltas } = recorder();
    loop.record({ kind: "request", causeId: null, source: "button", detail: null });
    vi.advanceTimersByTime(15);
    loop.record({ kind: "request", causeId: null, source: "hotkey", detail: null });
    expect(deltas).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(deltas.map((d) => d.events.length)).toEqual([2]);
  });

  it("answers the preview's hops once the delta carrying them went out", async () => {
    vi.useFakeTimers();
    const { loop, deltas } = recorder();
    let answered = false;
    const ingested = loop.ingest([dom]).then(() => (answered = true));
    await Promise.resolve();
    expect(answered).toBe(false);

    await vi.advanceTimersByTimeAsync(16);
    await ingested;
    expect(deltas[0].events.map((e) => e.id)).toEqual(["p1-1"]);
  });

  it("answers at once while paused, and a clear does not leave a caller waiting", async () => {
    const { loop, deltas } = recorder();
    const waiting = loop.ingest([dom]);
    loop.clear();
    await waiting;
    loop.setRecording(false);
    await loop.ingest([{ ...dom, id: "p1-2" }]);
    expect(loop.snapshot().events).toEqual([]);
    expect(deltas.flatMap((d) => d.events)).toEqual([]);
  });

  it("while a run's render is in flight, holds the deltas and the deferred recording until the preview rendered it", () => {
    vi.useFakeTimers();
    const { loop, deltas } = recorder();
    loop.runId = 1;
    loop.holdUntilRendered(1);
    const start = loop.record({ kind: "run-start", causeId: null, alsoCausedBy: [], fragmentId: null });
    const end = loop.reserve();
    loop.defer(() => {
      loop.record({ kind: "run-end", causeId: start, status: "rerun", durationMs: 3, fragmentId: null, runId: 1, at: 5 }, end);
      loop.record({ kind: "state-diff", causeId: end, added: [], changed: [], removed: [], runId: 1, at: 5 });
    });
    // Recorded after the deferred work, so it waits behind it: the ring keeps the order things happened in.
    loop.record({ kind: "request", causeId: end, source: "st.rerun", detail: null });
    vi.advanceTimersByTime(100);
    expect(deltas).toEqual([]);

    loop.rendered(1, [{ ...dom, id: "p1-2", kind: "dom" }]);
    expect(deltas).toHaveLength(1);
    expect(deltas[0].events.map((e) => [e.kind, e.runId])).toEqual([
      ["run-start", 1],
      ["run-end", 1],
      ["state-diff", 1],
      ["request", 1],
      ["dom", 1],
    ]);
    expect(deltas[0].events[1].at).toBe(5);
  });

  it("an older run's acknowledgement does not release a newer run's hold; HOLD_MS does, and a snapshot settles first", () => {
    vi.useFakeTimers();
    const { loop, deltas } = recorder();
    loop.holdUntilRendered(1);
    loop.record({ kind: "request", causeId: null, source: "button", detail: null });
    loop.holdUntilRendered(2);
    loop.rendered(1, []);
    expect(deltas).toEqual([]);
    loop.defer(() => loop.record({ kind: "run-end", causeId: null, status: "done", durationMs: 1, fragmentId: null, runId: 2, at: 9 }));
    expect(loop.snapshot().events.map((e) => e.kind)).toEqual(["request", "run-end"]);
    // The snapshot sent what was pending first, so no later delta repeats it.
    expect(deltas.flatMap((d) => d.events.map((e) => e.kind))).toEqual(["request", "run-end"]);

    loop.record({ kind: "request", causeId: null, source: "hotkey", detail: null });
    vi.advanceTimersByTime(HOLD_MS - 1);
    expect(deltas).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(deltas.map((d) => d.events.map((e) => e.kind))).toEqual([["request", "run-end"], ["request"]]);
  });

  it("keeps a run that a preview hop started waiting for that hop, so the findings see the cause first; CAUSE_WAIT_MS at most", () => {
    vi.useFakeTimers();
    const { loop } = recorder();
    const set: PreviewLoopEvent = { id: "p1-2", causeId: null, runId: 1, at: 2, kind: "set", instance: "stars", name: "rating", setter: "state", value: { preview: "1", size: 1 }, unchanged: false, phase: "invocation", stack: null, elementId: "e" };
    const flush: PreviewLoopEvent = { id: "p1-3", causeId: "p1-2", runId: 1, at: 3, kind: "flush", setIds: ["p1-2"], fragmentId: null };
    loop.holdUntilRendered(2);
    loop.record({ kind: "run-start", causeId: "p1-3", alsoCausedBy: [], fragmentId: null, runId: 2 });
    // A snapshot while the run's cause is still on its way: the run is not recorded without it.
    expect(loop.snapshot().events).toEqual([]);
    loop.rendered(2, [set, flush]);
    expect(loop.snapshot().events.map((e) => e.kind)).toEqual(["set", "flush", "run-start"]);

    // A cause that never comes: the run is recorded after HOLD_MS all the same.
    loop.holdUntilRendered(3);
    loop.record({ kind: "run-start", causeId: "p1-9", alsoCausedBy: [], fragmentId: null, runId: 3 });
    loop.rendered(3, []);
    vi.advanceTimersByTime(HOLD_MS);
    expect(loop.snapshot().events).toHaveLength(3);
    vi.advanceTimersByTime(CAUSE_WAIT_MS - HOLD_MS);
    expect(loop.snapshot().events.map((e) => e.kind)).toEqual(["set", "flush", "run-start", "run-start"]);
  });
});
