import * as v from "valibot";
import type { Wire } from "./bridge";
import { HOST_METHOD_NAMES, type HostEventName } from "./host-api";

/** WebSocket frames (browser mode). IPC carries the same `call`/`event` payloads on fixed channels. */
export const ClientFrameSchema = v.object({
  type: v.literal("call"),
  id: v.pipe(v.number(), v.integer()),
  method: v.picklist(HOST_METHOD_NAMES),
  args: v.array(v.unknown()),
});
export type ClientFrame = v.InferOutput<typeof ClientFrameSchema>;

/**
 * The close code (in the application range 4000–4999) the server ends a socket with whose
 * `?token=` is not its own, typically a tab left open from an earlier run: the page must stop
 * retrying and say which URL to open, since the token will never become valid.
 */
export const INVALID_TOKEN_CLOSE_CODE = 4401;

export type ServerFrame =
  | { type: "result"; id: number; wire: Wire }
  | { type: "event"; name: HostEventName; payload: unknown };
