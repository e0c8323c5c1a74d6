import { afterEach, describe, expect, it, vi } from "vitest";
import type { LoopDelta, PreviewLoopEvent } from "../../common";
import { LoopRecorder } from "../../main/core/debugger/loop-recorder";

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
});
