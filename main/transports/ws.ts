import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";
import { WebSocketServer, type WebSocket } from "ws";
import type { Wire } from "../../common/bridge";
import { ClientFrameSchema, INVALID_TOKEN_CLOSE_CODE, type ClientFrame, type ServerFrame } from "../../common/frames";
import { HOST_EVENT_NAMES } from "../../common/host-api";
import { check } from "../../common/validation";
import type { ScriptHost } from "../core/types";
import { decode, encode } from "../../common/codec";
import { createDispatcher } from "./dispatch";

const WS_PATH = "/ws";

export interface WebSocketTransportOptions {
  server: Server;
  host: ScriptHost;
  /** The per-run secret; clients pass it as `?token=`. */
  token: string;
  /** Exact `Origin` values allowed to connect (the server's own http origins). */
  allowedOrigins: readonly string[];
}

export interface WebSocketTransport {
  close(): Promise<void>;
}

/**
 * Browser-mode transport: the HostApi over a loopback WebSocket. Any local process or web page can
 * reach 127.0.0.1, so a client must present the run's token and come from the workbench's origin
 * (which also stops other sites' pages, whose Origin the browser sets, from driving the host).
 */
export function attachWebSocketTransport(options: WebSocketTransportOptions): WebSocketTransport {
  const { server, host, token, allowedOrigins } = options;
  const dispatch = createDispatcher(host);
  const wss = new WebSocketServer({ noServer: true });

  const onUpgrade = (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = requestUrl(request);
    if (url?.pathname !== WS_PATH) return reject(socket, 404, "Not Found");
    if (!allowedOrigins.includes(request.headers.origin ?? "")) return reject(socket, 403, "Forbidden");
    // The workbench's own page with a token from another run: a browser hides an HTTP refusal
    // from the page, so it is told with a close code it can tell from a server that is down.
    // The socket is closed before it is a client: it never receives an event or runs a call.
    if (!sameSecret(url.searchParams.get("token") ?? "", token)) {
      return wss.handleUpgrade(request, socket, head, (refused) => refused.close(INVALID_TOKEN_CLOSE_CODE, "token not valid for this server"));
    }
    wss.handleUpgrade(request, socket, head, (client) => wss.emit("connection", client, request));
  };
  server.on("upgrade", onUpgrade);

  wss.on("connection", (client: WebSocket) => {
    // A malformed frame makes ws emit "error" and close the socket; without a listener it would throw.
    client.on("error", () => {});
    client.on("message", async (data, isBinary) => {
      const frame = isBinary ? null : readFrame(data.toString());
      if (frame === null) return;
      const wire: Wire =
        "call" in frame
          ? await dispatch(frame.call.method, frame.call.args)
          : { ok: false, error: { name: "TypeError", message: `Invalid frame: ${frame.problem}` } };
      send(client, { type: "result", id: frame.id, wire });
    });
  });

  const unsubscribes = HOST_EVENT_NAMES.map((name) =>
    host.on(name, (payload) => {
      // Encode once, then fan out: render payloads can be large.
      const text = encode({ type: "event", name, payload } satisfies ServerFrame);
      for (const client of wss.clients) if (client.readyState === client.OPEN) client.send(text);
    }),
  );

  return {
    close() {
      server.off("upgrade", onUpgrade);
      for (const unsubscribe of unsubscribes) unsubscribe();
      for (const client of wss.clients) client.terminate();
      return new Promise((resolve) => wss.close(() => resolve()));
    },
  };
}

/** A valid call, an invalid frame that still names its id (answered with an error), or null (ignored). */
function readFrame(text: string): { id: number; call: ClientFrame } | { id: number; problem: string } | null {
  let raw: unknown;
  try {
    raw = decode(text);
  } catch {
    return null;
  }
  const parsed = check(ClientFrameSchema, raw);
  if (parsed.ok) return { id: parsed.value.id, call: parsed.value };
  const id = (raw as { id?: unknown } | null)?.id;
  return Number.isInteger(id) ? { id: id as number, problem: parsed.error } : null;
}

function requestUrl(request: IncomingMessage): URL | null {
  const base = "http://127.0.0.1";
  return URL.canParse(request.url ?? "", base) ? new URL(request.url ?? "", base) : null;
}

function send(client: WebSocket, frame: ServerFrame): void {
  if (client.readyState === client.OPEN) client.send(encode(frame));
}

/** Constant-time comparison; hashing first makes the lengths equal, so length leaks nothing either. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (s: string) => createHash("sha256").update(s).digest();
  return timingSafeEqual(digest(given), digest(expected));
}

function reject(socket: Duplex, status: number, reason: string): void {
  socket.once("finish", () => socket.destroy());
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}
