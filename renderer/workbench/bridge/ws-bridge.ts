import type { CallHost, ClientFrame, HostEventName, HostEvents, LoopwrightBridge, OnHostEvent, ServerFrame, Wire } from "../../../common";
import { Emitter } from "../../../common";
import { decode, encode } from "../../../common/codec";
import { INVALID_TOKEN_CLOSE_CODE } from "../../../common/frames";

/** The part of the browser WebSocket this bridge uses, so tests can hand in a fake. */
export interface SocketLike {
  readonly readyState: number;
  send(data: string): void;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
}

export interface WsBridgeOptions {
  openSocket?: (url: string) => SocketLike;
  /** Reconnect delays grow from the first to the last value and stay there. */
  backoffMs?: { first: number; max: number };
}

/**
 * A bridge that can lose its connection. It reports `false` when a connection drops or cannot be
 * made, and `true` once it is back, so listeners know when to resync. A first connect that simply
 * works reports nothing.
 */
export interface ReconnectingBridge extends LoopwrightBridge {
  onConnectionChange(listener: (connected: boolean) => void): () => void;
  /** The server refused this page's token: it stopped trying, for good. */
  onTokenRefused(listener: () => void): () => void;
}

interface Pending {
  resolve(wire: Wire): void;
  reject(error: Error): void;
}

const OPEN = 1;

/**
 * Browser mode's host bridge: the same `LoopwrightBridge` the Electron preload exposes, spoken as
 * `ClientFrame`/`ServerFrame` over the loopback WebSocket in the transport's codec (JSON that keeps
 * Uint8Array component data intact). Calls made while the socket is still connecting wait for it;
 * calls in flight when it drops are rejected, because the host may or may not have run them and
 * only a fresh `hello()` can tell the workbench where things stand.
 */
export class WsBridge implements ReconnectingBridge {
  private socket!: SocketLike;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private unsent: ClientFrame[] = [];
  private readonly events = new Emitter<HostEvents>();
  private readonly connection = new Emitter<{ change: boolean; tokenRefused: void }>();
  private tokenRefused = false;
  private connected = false;
  private reportedDown = false;
  private retryMs: number;
  private readonly openSocket: (url: string) => SocketLike;
  private readonly backoff: { first: number; max: number };

  constructor(private readonly url: string, options: WsBridgeOptions = {}) {
    this.openSocket = options.openSocket ?? ((u) => new WebSocket(u));
    this.backoff = options.backoffMs ?? { first: 250, max: 5000 };
    this.retryMs = this.backoff.first;
    this.open();
  }

  readonly call: CallHost = (method, ...args) => {
    const frame: ClientFrame = { type: "call", id: this.nextId++, method, args };
    return new Promise<Wire>((resolve, reject) => {
      if (this.socket.readyState > OPEN) {
        reject(new Error(this.tokenRefused ? "This page's token is not valid for the running server" : "Not connected to the Loopwright host"));
        return;
      }
      this.pending.set(frame.id, { resolve, reject });
      if (this.connected) this.socket.send(encode(frame));
      else this.unsent.push(frame);
    }) as ReturnType<CallHost>;
  };

  readonly on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  onConnectionChange(listener: (connected: boolean) => void): () => void {
    return this.connection.on("change", listener);
  }

  onTokenRefused(listener: () => void): () => void {
    return this.connection.on("tokenRefused", listener);
  }

  private open(): void {
    const socket = this.openSocket(this.url);
    this.socket = socket;
    socket.onopen = () => {
      this.retryMs = this.backoff.first;
      this.connected = true;
      for (const frame of this.unsent) socket.send(encode(frame));
      this.unsent = [];
      if (this.reportedDown) this.report(true);
    };
    socket.onmessage = (event) => this.receive(event.data);
    // A failed connect fires error and then close, so close alone does the cleanup.
    socket.onclose = (event) => this.closed(event?.code);
  }

  private closed(code: number | undefined): void {
    this.connected = false;
    this.unsent = [];
    const lost = [...this.pending.values()];
    this.pending.clear();
    for (const call of lost) call.reject(new Error("Lost the connection to the Loopwright host"));
    if (!this.reportedDown) this.report(false);
    // A server restart made this page's token stale; retrying cannot fix that.
    if (code === INVALID_TOKEN_CLOSE_CODE) {
      this.tokenRefused = true;
      this.connection.emit("tokenRefused", undefined);
      return;
    }
    setTimeout(() => this.open(), this.retryMs);
    this.retryMs = Math.min(this.retryMs * 2, this.backoff.max);
  }

  private report(connected: boolean): void {
    this.reportedDown = !connected;
    this.connection.emit("change", connected);
  }

  private receive(data: unknown): void {
    let frame: ServerFrame;
    try {
      frame = decode(String(data)) as ServerFrame;
    } catch {
      return; // The host only sends JSON frames; anything else is noise on the socket.
    }
    if (frame.type === "result") {
      const call = this.pending.get(frame.id);
      this.pending.delete(frame.id);
      call?.resolve(frame.wire);
    } else if (frame.type === "event") {
      this.events.emit(frame.name, frame.payload as never);
    }
  }
}

/** ws(s)://<this host>/ws?token=<the page's token>: the server only accepts its own origin and token. */
export function workbenchSocketUrl(location: Location): string {
  const token = new URLSearchParams(location.search).get("token") ?? "";
  const scheme = location.protocol === "https:" ? "wss:" : "ws:";
  return `${scheme}//${location.host}/ws?token=${encodeURIComponent(token)}`;
}
