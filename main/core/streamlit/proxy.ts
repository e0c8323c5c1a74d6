import { request as httpRequest, createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer, type RawData } from "ws";
import { check } from "../../../common/validation";
import { PROBE_FRAME_KEY, PROBE_PATH, PROBE_SCRIPT, ProbeBatchSchema, type ProbeEvent } from "./probe";

/** What the host does with the traffic of one browser connection. */
export interface ProxyHandlers {
  opened(connection: AppConnection): void;
  closed(connection: AppConnection): void;
  /** A BackMsg from the browser: forward it now, or hold it (the host releases it later with `connection.toServer`). */
  fromBrowser(connection: AppConnection, bytes: Uint8Array): "forward" | "hold";
  /** A ForwardMsg from Streamlit; called before it is passed on to the browser. */
  fromServer(connection: AppConnection, bytes: Uint8Array): void;
  /** Trusted DOM events the probe saw in the app view. */
  probe(events: ProbeEvent[]): void;
  /** Reading a message failed (it was passed on unread). */
  failed(error: Error): void;
}

const STREAM_PATH = "/_stcore/stream";
/** Streamlit's own limit on a message is 200 MB by default (server.maxMessageSize); ours must not be lower. */
const MAX_PAYLOAD = 1024 * 1024 * 1024;

/** One browser tab's WebSocket to Streamlit, through Loopwright. */
export class AppConnection {
  private pending: Uint8Array[] = [];
  constructor(
    readonly id: number,
    private readonly browser: WebSocket,
    private readonly server: WebSocket,
  ) {
    server.once("open", () => {
      for (const bytes of this.pending) server.send(bytes);
      this.pending = [];
    });
  }

  /** Sends a BackMsg to Streamlit as if the browser had (a held one, or one the host made). */
  toServer(bytes: Uint8Array): void {
    if (this.server.readyState === WebSocket.OPEN) this.server.send(bytes);
    else if (this.server.readyState === WebSocket.CONNECTING) this.pending.push(bytes);
  }

  get open(): boolean {
    return this.browser.readyState === WebSocket.OPEN;
  }

  close(): void {
    this.browser.close();
    this.server.close();
  }

  /** Ends both sockets at once (a closing handshake may wait for a peer that is gone). */
  terminate(): void {
    this.browser.terminate();
    this.server.terminate();
  }
}

/**
 * The app view's origin: a loopback HTTP server of its own (so nothing in the app shares the
 * workbench's origin) that passes Streamlit's frontend and API through from Streamlit's private
 * address, adds the probe to its page, and sits on `/_stcore/stream` so the host sees, and
 * may hold, every message of the loop.
 */
export class AppViewProxy {
  private readonly server: Server = createServer((req, res) => this.serveHttp(req, res));
  private readonly sockets = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD, perMessageDeflate: false });
  private readonly connections = new Set<AppConnection>();
  private nextId = 1;
  private origin = "";

  constructor(
    /** Streamlit's address, `http://127.0.0.1:<port>/<base path>`. */
    private streamlitUrl: string,
    private readonly handlers: ProxyHandlers,
    /** Who may frame the app view (a CSP frame-ancestors source list), e.g. the workbench's origin. */
    private readonly frameAncestors: string,
  ) {
    this.server.on("upgrade", (req, socket, head) => this.upgrade(req, socket, head));
  }

  /** Listens on a free loopback port; resolves the app view's URL. */
  async listen(): Promise<string> {
    await new Promise<void>((resolve, reject) => this.server.once("error", reject).listen(0, "127.0.0.1", () => resolve()));
    const { port } = this.server.address() as AddressInfo;
    this.origin = `http://127.0.0.1:${port}`;
    return `${this.origin}/`;
  }

  /** Streamlit was started again elsewhere: new requests and connections go there. */
  retarget(streamlitUrl: string): void {
    this.streamlitUrl = streamlitUrl;
  }

  async close(): Promise<void> {
    for (const connection of this.connections) connection.terminate();
    this.sockets.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private serveHttp(req: IncomingMessage, res: ServerResponse): void {
    const path = (req.url ?? "/").split("?")[0];
    if (path === PROBE_PATH) {
      res.writeHead(200, { "Content-Type": "text/javascript; charset=utf-8", "Cache-Control": "no-store" }).end(PROBE_SCRIPT);
      return;
    }
    const target = new URL(this.streamlitUrl);
    const upstream = httpRequest(
      {
        hostname: target.hostname,
        port: target.port,
        path: `${target.pathname}${req.url ?? "/"}`,
        method: req.method,
        // Compression between two processes on one machine only costs time; and the page must be readable to add the probe.
        headers: { ...req.headers, "accept-encoding": "identity" },
      },
      (answer) => {
        const headers = { ...answer.headers };
        headers["content-security-policy"] = `frame-ancestors ${this.frameAncestors}`;
        const isPage = String(answer.headers["content-type"] ?? "").startsWith("text/html");
        if (!isPage) {
          res.writeHead(answer.statusCode ?? 502, headers);
          answer.pipe(res);
          return;
        }
        const chunks: Buffer[] = [];
        answer.on("data", (chunk: Buffer) => chunks.push(chunk));
        answer.on("end", () => {
          const page = withProbe(Buffer.concat(chunks).toString("utf8"));
          delete headers["content-length"];
          res.writeHead(answer.statusCode ?? 200, { ...headers, "content-length": Buffer.byteLength(page) }).end(page);
        });
        answer.on("error", () => res.destroy());
      },
    );
    upstream.on("error", (error) => {
      if (!res.headersSent) res.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
      res.end(`Loopwright could not reach Streamlit: ${error.message}`);
    });
    req.pipe(upstream);
  }

  private upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const path = (req.url ?? "/").split("?")[0];
    // Only the app view's own page may open the loop's sockets (a page elsewhere on the machine may not).
    if (req.headers.origin !== this.origin || path !== STREAM_PATH) {
      socket.end("HTTP/1.1 403 Forbidden\r\n\r\n");
      return;
    }
    this.sockets.handleUpgrade(req, socket, head, (browser) => this.acceptStream(req, browser));
  }

  /** Runs a handler; a throw is reported once per kind of failure and the message goes on. */
  private observe<T>(handle: () => T): T | undefined {
    try {
      return handle();
    } catch (error) {
      this.handlers.failed(error as Error);
      return undefined;
    }
  }

  /** The probe's events, if this text frame is the probe's (it rides on Streamlit's socket; see probe.ts). */
  private probeFrame(bytes: Uint8Array): boolean {
    let parsed: unknown;
    try {
      parsed = JSON.parse(Buffer.from(bytes).toString("utf8"));
    } catch {
      return false;
    }
    if (parsed === null || typeof parsed !== "object" || !(PROBE_FRAME_KEY in parsed)) return false;
    const result = check(ProbeBatchSchema, (parsed as Record<string, unknown>)[PROBE_FRAME_KEY]);
    if (result.ok) this.handlers.probe(result.value);
    return true;
  }

  private acceptStream(req: IncomingMessage, browser: WebSocket): void {
    const protocols = String(req.headers["sec-websocket-protocol"] ?? "")
      .split(",")
      .map((p) => p.trim())
      .filter(Boolean);
    const headers: Record<string, string> = {};
    for (const name of ["cookie", "origin", "host", "user-agent"]) {
      const value = req.headers[name];
      if (typeof value === "string") headers[name] = value;
    }
    const server = new WebSocket(`${this.streamlitUrl.replace(/^http/, "ws")}${req.url ?? STREAM_PATH}`, protocols, {
      headers,
      maxPayload: MAX_PAYLOAD,
      perMessageDeflate: false,
    });
    const connection = new AppConnection(this.nextId++, browser, server);
    this.connections.add(connection);
    const end = () => {
      if (!this.connections.delete(connection)) return;
      connection.close();
      this.handlers.closed(connection);
    };
    browser.on("message", (data: RawData, isBinary) => {
      const bytes = asBytes(data);
      if (!isBinary) {
        if (!this.probeFrame(bytes)) connection.toServer(bytes);
        return;
      }
      // Whatever goes wrong in reading a message, the app must go on: it is passed on unread.
      if (this.observe(() => this.handlers.fromBrowser(connection, bytes)) !== "hold") connection.toServer(bytes);
    });
    server.on("message", (data: RawData, isBinary) => {
      const bytes = asBytes(data);
      if (isBinary) this.observe(() => this.handlers.fromServer(connection, bytes));
      if (browser.readyState === WebSocket.OPEN) browser.send(bytes, { binary: isBinary });
    });
    browser.on("close", end).on("error", end);
    server.on("close", end).on("error", end);
    this.handlers.opened(connection);
  }
}

function asBytes(data: RawData): Uint8Array {
  if (Array.isArray(data)) return Buffer.concat(data);
  if (data instanceof ArrayBuffer) return new Uint8Array(data);
  return data;
}

/** Streamlit's page with the probe as its first script, before the frontend's own module. */
function withProbe(page: string): string {
  const tag = `<script src="${PROBE_PATH}"></script>`;
  const head = page.search(/<head[^>]*>/i);
  if (head < 0) return tag + page;
  const end = page.indexOf(">", head) + 1;
  return page.slice(0, end) + tag + page.slice(end);
}

