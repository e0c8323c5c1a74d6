import * as v from "valibot";
import { HOST_METHOD_NAMES, type HostArgs, type HostEventName, type HostEventSource, type HostMethod, type HostResult } from "./host-api";

/**
 * How transports (Electron IPC, loopback WebSocket) carry the HostApi: unchanged, adding no logic
 * of their own.
 */

/** Result envelope: errors keep their name and message over every transport (IPC drops them). */
export type Wire<T = unknown> =
  | { ok: true; value: T }
  | { ok: false; error: { name: string; message: string } };

/** Calls one host method; failures come back as `ok: false`, never as a throw. */
export type CallHost = <M extends HostMethod>(method: M, ...args: HostArgs<M>) => Promise<Wire<HostResult<M>>>;

/** WebSocket frames (browser mode). IPC uses the same `call`/`event` payloads on fixed channels. */
export const ClientFrameSchema = v.object({
  type: v.literal("call"),
  id: v.pipe(v.number(), v.integer()),
  method: v.picklist(HOST_METHOD_NAMES),
  args: v.array(v.unknown()),
});
export type ClientFrame = v.InferOutput<typeof ClientFrameSchema>;
export type ServerFrame =
  | { type: "result"; id: number; wire: Wire }
  | { type: "event"; name: HostEventName; payload: unknown };

/** Fixed Electron IPC channels; the preload exposes only these. */
export const IPC_CALL_CHANNEL = "loopwright:call";
export const IPC_EVENT_CHANNEL = "loopwright:event";

/** What the preload exposes on `window.loopwright` (and what the WebSocket client mimics). */
export interface LoopwrightBridge extends HostEventSource {
  call: CallHost;
}
