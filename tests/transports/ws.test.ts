import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import type { RenderedRun, ServerFrame } from "../../common";
import { INVALID_TOKEN_CLOSE_CODE } from "../../common/frames";
import { HOST_EVENT_NAMES } from "../../common/host-api";
import { decode, encode } from "../../common/codec";
import { attachWebSocketTransport, type WebSocketTransport } from "../../main/transports/ws";
import { FakeHost } from "./fake-host";

const TOKEN = "s3cret-token";

let server: Server;
let host: FakeHost;
let transport: WebSocketTransport;
let origin: string;
let port: number;
const clients: WebSocket[] = [];

beforeEach(async () => {
  server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  origin = `http://127.0.0.1:${port}`;
  host = new FakeHost({ hello: () => ({ greeting: "hi" }), rerun: () => undefined });
  transport = attachWebSocketTransport({ server, host, token: TOKEN, allowedOrigins: [origin, `http://localhost:${port}`] });
});

afterEach(async () => {
  for (const client of clients.splice(0)) client.terminate();
  await transport.close();
  await new Promise((resolve) => server.close(resolve));
});

/** Resolves with the open socket, or rejects with the HTTP status of a refused upgrade. */
function connect(options: { token?: string; origin?: string; path?: string } = {}): Promise<WebSocket> {
  const url = `ws://127.0.0.1:${port}${options.path ?? "/ws"}?token=${encodeURIComponent(options.token ?? TOKEN)}`;
  const client = new WebSocket(url, { headers: options.origin === "" ? {} : { Origin: options.origin ?? origin } });
  clients.push(client);
  return new Promise((resolve, reject) => {
    client.once("open", () => resolve(client));
    client.once("unexpected-response", (_request, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    client.once("error", reject);
  });
}

function nextFrame(client: WebSocket): Promise<ServerFrame> {
  return new Promise((resolve) => client.once("message", (data) => resolve(decode(data.toString()) as ServerFrame)));
}

describe("WebSocket transport", () => {
  it("closes a socket with a wrong or missing token with the invalid-token code, before any event or call", async () => {
    for (const token of ["wrong", ""]) {
      const client = await connect({ token });
      const events: unknown[] = [];
      client.on("message", (data) => events.push(data.toString()));
      const [code, reason] = await new Promise<[number, string]>((resolve) => client.once("close", (c, r) => resolve([c, r.toString()])));
      expect([code, reason]).toEqual([INVALID_TOKEN_CLOSE_CODE, "token not valid for this server"]);
      expect(events).toEqual([]);
    }
  });

  it("refuses a foreign or missing Origin with 403", async () => {
    await expect(connect({ origin: "http://evil.example" })).rejects.toThrow("HTTP 403");
    await expect(connect({ origin: `http://127.0.0.1:${port + 1}` })).rejects.toThrow("HTTP 403");
    await expect(connect({ origin: "null" })).rejects.toThrow("HTTP 403");
    await expect(connect({ origin: "" })).rejects.toThrow("HTTP 403");
  });

  it("refuses other paths with 404", async () => {
    await expect(connect({ path: "/socket" })).rejects.toThrow("HTTP 404");
  });

  it("accepts the localhost origin too", async () => {
    await expect(connect({ origin: `http://localhost:${port}` })).resolves.toBeInstanceOf(WebSocket);
  });

  it("answers calls with result frames carrying the Wire envelope", async () => {
    const client = await connect();
    client.send(encode({ type: "call", id: 7, method: "hello", args: [] }));
    expect(await nextFrame(client)).toEqual({ type: "result", id: 7, wire: { ok: true, value: { greeting: "hi" } } });

    client.send(encode({ type: "call", id: 8, method: "rerun", args: [{ widgetStates: "nope" }] }));
    const invalid = await nextFrame(client);
    expect(invalid).toMatchObject({ type: "result", id: 8, wire: { ok: false, error: { name: "TypeError" } } });
    expect(host.calls.map((c) => c.method)).toEqual(["hello"]);
  });

  it("answers a malformed frame that names its id, ignores one that does not", async () => {
    const client = await connect();
    client.send("not json");
    client.send(encode({ type: "call", method: "hello" }));
    client.send(encode({ type: "call", id: 3, method: "launchMissiles", args: [] }));
    const frame = await nextFrame(client);
    expect(frame).toMatchObject({ type: "result", id: 3, wire: { ok: false, error: { name: "TypeError" } } });
    expect(!("wire" in frame) || frame.wire.ok || frame.wire.error.message).toMatch(/^Invalid frame: method: /);
    expect(host.calls).toEqual([]);
  });

  it("broadcasts host events to every client, bytes intact", async () => {
    const [a, b] = await Promise.all([connect(), connect()]);
    const run: RenderedRun = {
      runId: 4,
      tree: {
        main: [
          {
            type: "bidi_component",
            id: "$$ID-abc-k",
            name: "c",
            key: "k",
            html: null,
            css: null,
            js: null,
            isolateStyles: true,
            data: { kind: "arrow", bytes: new Uint8Array([1, 2, 250]) },
            width: "stretch",
            height: "content",
          },
        ],
        sidebar: [],
      },
      warnings: [],
      causes: { run: null, elements: {} },
    };
    const frames = Promise.all([nextFrame(a), nextFrame(b)]);
    host.emit("render", run);
    for (const frame of await frames) {
      expect(frame).toEqual({ type: "event", name: "render", payload: run });
      const data = (frame as { payload: RenderedRun }).payload.tree.main[0];
      expect(data.type === "bidi_component" && data.data.kind === "arrow" && data.data.bytes).toBeInstanceOf(Uint8Array);
    }
  });

  it("close() unsubscribes from the host and drops clients", async () => {
    const client = await connect();
    const closed = new Promise((resolve) => client.once("close", resolve));
    expect(host.listenerCount()).toBe(HOST_EVENT_NAMES.length);
    await transport.close();
    await closed;
    expect(host.listenerCount()).toBe(0);
    transport = { close: async () => {} };
  });
});
