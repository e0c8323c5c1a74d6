import { describe, expect, it } from "vitest";
import type { LoopEvent } from "../../common";
import { causalOrder } from "../../main/core/debugger/causal-order";

const base = { runId: 1, at: 0 };
const request = (id: string, causeId: string | null = null): LoopEvent => ({ ...base, id, causeId, kind: "request", source: "button", detail: null });
const set = (id: string, causeId: string | null): LoopEvent => ({
  ...base, id, causeId, kind: "set", instance: "c", name: "v", setter: "state", value: { preview: "1", size: 1 }, unchanged: false, phase: "later", stack: null, elementId: "e",
});
const flush = (id: string, setIds: string[]): LoopEvent => ({ ...base, id, causeId: setIds[0] ?? null, kind: "flush", setIds, fragmentId: null });
const runStart = (id: string, causeId: string, alsoCausedBy: string[] = []): LoopEvent => ({ ...base, id, causeId, kind: "run-start", alsoCausedBy, fragmentId: null });
const ids = (events: LoopEvent[]) => events.map((e) => e.id);

describe("causalOrder", () => {
  it("puts a run after the flush and every set that caused it, keeping the given order otherwise", () => {
    const events = [runStart("h1", "p3", ["h0"]), request("h0"), set("p1", null), request("h9"), set("p2", null), flush("p3", ["p1", "p2"])];
    expect(ids(causalOrder(events))).toEqual(["p1", "p2", "p3", "h0", "h1", "h9"]);
  });

  it("leaves causes that are not among the events, and cycles, in the given order", () => {
    expect(ids(causalOrder([request("a", "gone"), request("b", "a")]))).toEqual(["a", "b"]);
    expect(ids(causalOrder([request("a", "b"), request("b", "a")]))).toEqual(["b", "a"]);
  });

  it("orders a chain as long as a storm's without running out of stack", () => {
    const chain = Array.from({ length: 20_000 }, (_, i) => request(`r${i}`, i ? `r${i - 1}` : null)).reverse();
    expect(causalOrder(chain)[0].id).toBe("r0");
  });
});
