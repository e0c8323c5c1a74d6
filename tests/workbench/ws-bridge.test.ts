// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ClientFrame, ServerFrame } from "../../common";
import { decode, encode } from "../../common/codec";
import { createHostClient } from "../../renderer/workbench/bridge/host-client";
import { WsBridge, workbenchSocketUrl, type SocketLike } from "../../renderer/workbench/bridge/ws-bridge";
import { INVALID_TOKEN_CLOSE_CODE } from "../../common/frames";
import { snapshot } from "./fakes";

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: ClientFrame[] = [];
  onopen: SocketLike["onopen"] = null;
  onmessage: SocketLike["onmessage"] = null;
  onclose: SocketLike["onclose"] = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(decode(data) as ClientFrame);
  }
  open() {
    this.readyState = 1;
    this.onopen?.(new Event("open"));
  }
  receive(frame: ServerFrame | string) {
    this.onmessage?.({ data: typeof frame === "string" ? frame : encode(frame) } as MessageEvent);
  }
  drop(code = 1006) {
    this.readyState = 3;
    this.onclose?.({ code } as CloseEvent);
  }
}

let sockets: FakeSocket[];
const latest = () => sockets.at(-1)!;

function connect() {
  const bridge = new WsBridge("ws://127.0.0.1:1234/ws?token=t", {
    openSocket: (url) => {
      const socket = new FakeSocket(url);
      sockets.push(socket);
      return socket;
    },
    backoffMs: { first: 100, max: 400 },
  });
  return { bridge, host: createHostClient(bridge) };
}

beforeEach(() => {
  sockets = [];
  vi.useFakeTimers();
});
afterEach(() => vi.useRealTimers());

describe("WsBridge", () => {
  it("stops retrying when the server refuses the page's token, and says so", async () => {
    const { bridge, host } = connect();
    const refused = vi.fn();
    bridge.onTokenRefused(refused);
    latest().drop(INVALID_TOKEN_CLOSE_CODE);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(sockets).toHaveLength(1);
    expect(refused).toHaveBeenCalledTimes(1);
    await expect(host.stop()).rejects.toThrow("This page's token is not valid for the running server");
  });

  it("holds calls until the socket opens, then matches results to calls by id", async () => {
    const { host } = connect();
    const hello = host.hello();
    const stop = host.stop();
    expect(latest().sent).toEqual([]);

    latest().open();
    expect(latest().sent).toEqual([
      { type: "call", id: 1, method: "hello", args: [] },
      { type: "call", id: 2, method: "stop", args: [] },
    ]);
    latest().receive({ type: "result", id: 2, wire: { ok: true, value: undefined } });
    latest().receive({ type: "result", id: 1, wire: { ok: true, value: snapshot({ sessionId: "s-9" }) } });

    await expect(stop).resolves.toBeUndefined();
    await expect(hello).resolves.toMatchObject({ sessionId: "s-9" });
  });

  it("sends arguments as they are", async () => {
    const { host } = connect();
    latest().open();
    void host.editSessionState({ key: "k", field: "value", value: "Hi" });
    expect(latest().sent).toEqual([
      { type: "call", id: 1, method: "editSessionState", args: [{ key: "k", field: "value", value: "Hi" }] },
    ]);
  });

  it("turns an error envelope into a thrown Error with the host's name and message", async () => {
    const { host } = connect();
    latest().open();
    const rerun = host.rerun({ widgetStates: null, fragmentId: null, source: "api", causeId: null });
    latest().receive({ type: "result", id: 1, wire: { ok: false, error: { name: "ValiError", message: "widgetStates: bad" } } });

    const error = await rerun.catch((e: Error) => e);
    expect(error).toBeInstanceOf(Error);
    expect((error as Error).name).toBe("ValiError");
    expect((error as Error).message).toBe("widgetStates: bad");
  });

  it("delivers events to their listeners until they unsubscribe", () => {
    const { host } = connect();
    latest().open();
    const logs: string[] = [];
    const statuses: string[] = [];
    const off = host.on("log", (entry) => logs.push(entry.message));
    host.on("status", (status) => statuses.push(status.state));

    latest().receive({ type: "event", name: "log", payload: { level: "info", message: "one", at: 1 } });
    latest().receive({ type: "event", name: "status", payload: snapshot().status });
    off();
    latest().receive({ type: "event", name: "log", payload: { level: "info", message: "two", at: 2 } });

    expect(logs).toEqual(["one"]);
    expect(statuses).toEqual(["idle"]);
  });

  it("decodes component bytes in the transport's codec", async () => {
    const { host } = connect();
    latest().open();
    const runs: unknown[] = [];
    host.on("render", (run) => runs.push(run.tree.main[0]));
    const bytes = new Uint8Array([1, 2, 255]);
    latest().receive({
      type: "event",
      name: "render",
      payload: { runId: 1, tree: { main: [{ type: "bidi_component", data: { kind: "bytes", bytes } }], sidebar: [] }, warnings: [] },
    });
    expect(runs).toEqual([{ type: "bidi_component", data: { kind: "bytes", bytes } }]);
    expect((runs[0] as { data: { bytes: unknown } }).data.bytes).toBeInstanceOf(Uint8Array);
  });

  it("ignores frames that are not JSON", () => {
    const { host } = connect();
    latest().open();
    const logs: string[] = [];
    host.on("log", (entry) => logs.push(entry.message));
    latest().receive("not json");
    latest().receive({ type: "event", name: "log", payload: { level: "info", message: "after", at: 1 } });
    expect(logs).toEqual(["after"]);
  });

  it("rejects calls in flight when the socket closes, and calls made while it is down", async () => {
    const { host } = connect();
    latest().open();
    const pending = host.hello();
    latest().drop();

    await expect(pending).rejects.toThrow("Lost the connection to the Loopwright host");
    await expect(host.stop()).rejects.toThrow("Not connected to the Loopwright host");
  });

  it("reconnects with growing delays and reports the connection going and coming back", () => {
    const { host } = connect();
    const changes: boolean[] = [];
    host.onConnectionChange((connected) => changes.push(connected));
    latest().open();
    expect(changes).toEqual([]);
    latest().drop();
    expect(changes).toEqual([false]);

    vi.advanceTimersByTime(99);
    expect(sockets).toHaveLength(1);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(2);

    latest().drop(); // Refused: retry after twice the delay, without reporting the loss again.
    vi.advanceTimersByTime(199);
    expect(sockets).toHaveLength(2);
    vi.advanceTimersByTime(1);
    expect(sockets).toHaveLength(3);
    expect(changes).toEqual([false]);

    latest().open();
    expect(changes).toEqual([false, true]);
    expect(latest().url).toBe("ws://127.0.0.1:1234/ws?token=t");
  });

  it("reports a first connect that fails, and its later success", () => {
    const { host } = connect();
    const changes: boolean[] = [];
    host.onConnectionChange((connected) => changes.push(connected));
    latest().drop();
    vi.advanceTimersByTime(100);
    latest().open();
    expect(changes).toEqual([false, true]);
  });
});

describe("workbenchSocketUrl", () => {
  it("points at /ws on the page's own host with the page's token", () => {
    const url = workbenchSocketUrl({ protocol: "http:", host: "127.0.0.1:5555", search: "?token=a%2Bb" } as Location);
    expect(url).toBe("ws://127.0.0.1:5555/ws?token=a%2Bb");
  });
});
