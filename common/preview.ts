import type { RunStream } from "./deltas";
import type { RenderedRun } from "./elements";

/**
 * Messages between the workbench and the sandboxed preview frame. The handshake uses
 * window.postMessage (origin is "null", so the workbench checks `event.source`); everything after
 * it goes over the MessagePort the workbench transfers. The preview never sees the host bridge.
 */
export const PREVIEW_HELLO = "loopwright:preview-hello";
export const PREVIEW_PORT = "loopwright:preview-port";

export type ThemeName = "light" | "dark";

export type ToPreview =
  | { type: "render"; run: RenderedRun }
  /** A new session (app opened again): unmount everything and forget widget states. */
  | { type: "reset"; sessionId: string }
  | { type: "theme"; theme: ThemeName }
  /** The timeline is recording (or not): off, the preview records no hops at all. */
  | { type: "recording"; on: boolean }
  /** A run still going streams its deltas; checked against RunStreamSchema where it arrives. */
  | RunStream;
