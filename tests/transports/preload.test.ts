import { describe, expect, it, vi } from "vitest";
import { IPC_CALL_CHANNEL, IPC_EVENT_CHANNEL, type LoopwrightBridge } from "../../common";

// Stand-ins for the sandboxed preload's electron module (the real one would download a binary).
const exposed = new Map<string, unknown>();
const rendererListeners = new Map<string, (...args: unknown[]) => void>();
const invoke = vi.fn(async (..._args: unknown[]) => ({ ok: true, value: "pong" }));
vi.mock("electron", () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (...args: unknown[]) => invoke(...args),
    on: (channel: string, listener: (...args: unknown[]) => void) => rendererListeners.set(channel, listener),
  },
}));

await import("../../preload/index");
const bridge = exposed.get("loopwright") as LoopwrightBridge;
const deliver = (name: string, payload: unknown) => rendererListeners.get(IPC_EVENT_CHANNEL)!({ sender: "ipc event" }, { name, payload });

describe("preload bridge", () => {
  it("exposes exactly call and on, nothing of ipcRenderer", () => {
    expect([...exposed.keys()]).toEqual(["loopwright"]);
    expect(Object.keys(bridge).sort()).toEqual(["call", "on"]);
    expect([...rendererListeners.keys()]).toEqual([IPC_EVENT_CHANNEL]);
  });

  it("sends calls on the fixed call channel as (method, args)", async () => {
    expect(await bridge.call("rerun", { widgetStates: null, fragmentId: null, source: "api", causeId: null })).toEqual({ ok: true, value: "pong" });
    expect(invoke).toHaveBeenCalledWith(IPC_CALL_CHANNEL, "rerun", [{ widgetStates: null, fragmentId: null, source: "api", causeId: null }]);
  });

  it("hands listeners the payload only, per event name, until unsubscribed", () => {
    const seen: unknown[][] = [];
    const listener = (...args: unknown[]) => seen.push(args);
    const offFirst = bridge.on("status", listener);
    const offSecond = bridge.on("status", listener);
    bridge.on("log", () => seen.push(["log"]));

    deliver("status", { state: "idle" });
    expect(seen).toEqual([[{ state: "idle" }], [{ state: "idle" }]]);

    offFirst();
    deliver("status", { state: "running" });
    expect(seen.slice(2)).toEqual([[{ state: "running" }]]);
    offSecond();
    deliver("status", { state: "idle" });
    expect(seen).toHaveLength(3);
  });
});
