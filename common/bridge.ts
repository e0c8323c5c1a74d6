import type { HostArgs, HostEventSource, HostMethod, HostResult } from "./host-api";

/**
 * How transports (Electron IPC, loopback WebSocket) carry the HostApi: unchanged, adding no logic
 * of their own. Types only, besides the channel names: the preload bundles this file.
 */

/** Result envelope: errors keep their name and message over every transport (IPC drops them). */
export type Wire<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { name: string; message: string } };

/** Calls one host method; failures come back as `ok: false`, never as a throw. */
export type CallHost = <M extends HostMethod>(method: M, ...args: HostArgs<M>) => Promise<Wire<HostResult<M>>>;

/** Fixed Electron IPC channels; the preload exposes only these. */
export const IPC_CALL_CHANNEL = "loopwright:call";
export const IPC_EVENT_CHANNEL = "loopwright:event";

/** What the preload exposes on `window.loopwright` (and what the WebSocket client mimics). */
export interface LoopwrightBridge extends HostEventSource {
  call: CallHost;
}
