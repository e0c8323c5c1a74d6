import type { RenderedRun } from "./elements";
import type { EditResult, SessionStateEdit, SessionStateSnapshot } from "./session";
import type { HostStatus, LogEntry } from "./status";
import type { RerunRequest } from "./widgets";

/**
 * The one contract between the workbench renderer and the script host. Transports (Electron IPC,
 * loopback WebSocket) carry it unchanged; neither adds logic of its own.
 */
export interface HostApi {
  /** Everything the workbench needs to draw itself after (re)connecting. */
  hello(): Promise<HostSnapshot>;
  /** Run the script again with these widget states (from the preview) or the last ones. */
  rerun(request: RerunRequest): Promise<void>;
  /** Stop the current run (cooperatively, then by terminating the runner). State is kept. */
  stop(): Promise<void>;
  /** Apply a Session State panel edit as a script-side write, then rerun. */
  editSessionState(edit: SessionStateEdit): Promise<EditResult>;
}

export interface HostSnapshot {
  status: HostStatus;
  /** The last rendered run, or null before the first run finished. */
  lastRun: RenderedRun | null;
  sessionState: SessionStateSnapshot;
  /** Bumped whenever the session restarts (new app): the preview must unmount everything. */
  sessionId: string;
}

/** Events the host pushes, one payload type per name. */
export interface HostEvents {
  status: HostStatus;
  render: RenderedRun;
  sessionState: SessionStateSnapshot;
  log: LogEntry;
}

export type HostMethod = keyof HostApi;
export type HostEventName = keyof HostEvents;

export const HOST_METHODS = ["hello", "rerun", "stop", "editSessionState"] as const satisfies readonly HostMethod[];
export const HOST_EVENTS = ["status", "render", "sessionState", "log"] as const satisfies readonly HostEventName[];

/** Result envelope: errors keep their name and message over every transport (IPC drops them). */
export type Wire<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { name: string; message: string } };

/** WebSocket frames (browser mode). IPC uses the same `call`/`event` payloads on fixed channels. */
export type ClientFrame = { type: "call"; id: number; method: HostMethod; args: unknown[] };
export type ServerFrame =
  | { type: "result"; id: number; wire: Wire }
  | { type: "event"; name: HostEventName; payload: unknown };

/** Fixed Electron IPC channels; the preload exposes only these. */
export const IPC_CALL_CHANNEL = "loopwright:call";
export const IPC_EVENT_CHANNEL = "loopwright:event";

/** What the preload exposes on `window.loopwright` (and what the WebSocket client mimics). */
export interface LoopwrightBridge {
  call<M extends HostMethod>(method: M, ...args: Parameters<HostApi[M]>): Promise<Wire<Awaited<ReturnType<HostApi[M]>>>>;
  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void;
}
