import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { LoopDelta } from "../../common";
import { LoopDeltaHold, MAX_HOLD_MS } from "../../renderer/workbench/channel/loop-delta-hold";
import { loopEvent } from "./loop-fixtures";

const delta = (message: string): LoopDelta => ({
  events: [loopEvent("console", { level: "info", message, source: "script" })],
  findings: [],
  dropped: 0,
  recording: true,
  reruns: { paused: false, queued: 0, reason: null },
});
const messages = (applied: LoopDelta[]) => applied.map((d) => (d.events[0] as { message: string }).message);

describe("holding the host's timeline deltas while a render awaits its acknowledgement", () => {
  let rendering = false;
  let applied: LoopDelta[] = [];
  let hold: LoopDeltaHold;
  beforeEach(() => {
    vi.useFakeTimers();
    rendering = false;
    applied = [];
    hold = new LoopDeltaHold((d) => applied.push(d), () => rendering);
  });
  afterEach(() => vi.useRealTimers());

  it("applies a delta at once when no render is in flight", () => {
    hold.receive(delta("a"));
    expect(messages(applied)).toEqual(["a"]);
  });

  it("applies held deltas in order in the task after the acknowledgement, and later ones behind them", () => {
    rendering = true;
    hold.receive(delta("a"));
    hold.receive(delta("b"));
    expect(applied).toEqual([]);

    rendering = false;
    hold.acknowledged();
    hold.receive(delta("c"));
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(0);
    expect(messages(applied)).toEqual(["a", "b", "c"]);
  });

  it("gives up waiting after MAX_HOLD_MS, so a preview that never answers cannot stall the timeline", () => {
    rendering = true;
    hold.receive(delta("a"));
    vi.advanceTimersByTime(MAX_HOLD_MS - 1);
    expect(applied).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(messages(applied)).toEqual(["a"]);
  });

  it("drops what it holds when a snapshot replaces the timeline", () => {
    rendering = true;
    hold.receive(delta("a"));
    hold.discard();
    vi.advanceTimersByTime(MAX_HOLD_MS);
    expect(applied).toEqual([]);
  });
});
