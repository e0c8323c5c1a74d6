import type { RunStream } from "./deltas";
import type { RenderedRun } from "./elements";
import type { PageLayout, ThemeInput } from "./theme";

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
  /** A preset; with `custom`, the project's `[theme]` instead (its own `base` decides what it starts from). */
  | { type: "theme"; theme: ThemeName; custom?: ThemeInput }
  /** The page layout the app view lays its main column out with. */
  | { type: "layout"; layout: PageLayout }
  /** The timeline is recording (or not): off, the preview records no hops at all. */
  | { type: "recording"; on: boolean }
  /** A run still going streams its deltas; checked against RunStreamSchema where it arrives. */
  | RunStream;
