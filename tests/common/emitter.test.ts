import { describe, expect, it } from "vitest";
import { Emitter } from "../../common";

describe("Emitter", () => {
  it("delivers each event to its own listeners, one subscription per on(), until it is ended", () => {
    const events = new Emitter<{ a: number; b: string }>();
    const seen: unknown[] = [];
    const listener = (payload: number) => seen.push(payload);
    const offFirst = events.on("a", listener);
    const offSecond = events.on("a", listener);
    events.on("b", (payload) => seen.push(`b:${payload}`));
    expect(events.listenerCount()).toBe(3);

    events.emit("a", 1);
    events.emit("b", "x");
    expect(seen).toEqual([1, 1, "b:x"]);

    offFirst();
    offFirst();
    events.emit("a", 2);
    expect(seen.slice(3)).toEqual([2]);
    offSecond();
    events.emit("a", 3);
    expect(seen).toHaveLength(4);
    expect(events.listenerCount()).toBe(1);
  });
});
