import type { RenderedRun } from "./elements";
import type { WidgetState } from "./widgets";

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
  | { type: "theme"; theme: ThemeName };

export type FromPreview =
  /** Widget values changed (one flush per macrotask): rerun with all widget states. */
  | { type: "rerun"; widgetStates: WidgetState[]; fragmentId: string | null }
  /** The preview rendered this run and every component's default export has settled. */
  | { type: "rendered"; runId: number }
  /** Streamlit's rerun hotkey pressed in the app view (not while typing): the workbench reruns. */
  | { type: "hotkey"; key: "r" }
  /** Component errors and warnings worth showing in the workbench. */
  | { type: "console"; level: "info" | "warn" | "error"; message: string };
