import type { Json } from "./json";

/**
 * The element tree one script run produces. The host builds it, the preview renders it the way
 * Streamlit's frontend renders its deltas (same `data-testid`s). Plain data only.
 */

/** Data handed to a component's `data` argument, tagged by how Streamlit ships it (§3). */
export type ComponentData =
  | { kind: "null" }
  | { kind: "json"; json: string }
  | { kind: "bytes"; bytes: Uint8Array }
  /** Top-level Arrow table: the JS side receives the raw IPC bytes. */
  | { kind: "arrow"; bytes: Uint8Array }
  /** JSON with `{"__streamlit_arrow_ref__": id}` placeholders, each replaced by an Arrow Table. */
  | { kind: "mixed"; json: string; blobs: Record<string, Uint8Array> };

export type Width = "stretch" | "content" | number;
export type Height = "content" | "stretch" | number;

export interface BidiComponentElement {
  type: "bidi_component";
  /** Element id (`$$ID-<hash>-<key>` when keyed); the frontend remounts when it changes. */
  id: string;
  /** Registered component name. */
  name: string;
  /** The user's key, or null for unkeyed instances. */
  key: string | null;
  html: string | null;
  css: string | null;
  /** Set instead of `css` when the css was a file path: the preview links it as a stylesheet. */
  cssHref?: string | null;
  js: string | null;
  isolateStyles: boolean;
  data: ComponentData;
  width: Width;
  height: Height;
  formId?: string | null;
  fragmentId?: string | null;
}

export interface ButtonElement {
  type: "button";
  id: string;
  label: string;
  kind: "primary" | "secondary";
  disabled: boolean;
  help?: string | null;
}

export interface TextInputElement {
  type: "text_input";
  id: string;
  label: string;
  value: string;
  placeholder: string | null;
  maxChars: number | null;
  disabled: boolean;
  labelVisibility: "visible" | "hidden" | "collapsed";
}

export interface MarkdownElement {
  type: "markdown";
  /** Markdown source; the preview renders a safe subset (no raw HTML). */
  body: string;
  /** "title" and "header"/"subheader" render as stHeading with h1/h2/h3. */
  variant: "markdown" | "title" | "header" | "subheader" | "caption" | "text" | "divider";
}

export interface JsonElement {
  type: "json";
  /** Pretty-printed JSON text (values that JSON cannot hold are shown as their description). */
  body: string;
  expanded: boolean;
}

export interface ExceptionElement {
  type: "exception";
  /** e.g. "TypeError" or "StreamlitAPIException". */
  name: string;
  message: string;
  /** One row per stack frame, already mapped to the author's source (file:line:col). */
  trace: string[];
}

export interface AlertElement {
  type: "alert";
  kind: "info" | "success" | "warning" | "error";
  body: string;
}

export type AppElement =
  | BidiComponentElement
  | ButtonElement
  | TextInputElement
  | MarkdownElement
  | JsonElement
  | ExceptionElement
  | AlertElement;

/** What one run rendered, in order. Containers (columns, forms…) arrive with a later issue. */
export interface RenderTree {
  main: AppElement[];
  sidebar: AppElement[];
}

/** A rendered run: the tree plus the run it came from, so the preview can acknowledge it. */
export interface RenderedRun {
  runId: number;
  tree: RenderTree;
  /** Values the workbench needs to show a value as lossy; see data warnings in fidelity docs. */
  warnings: string[];
}

export type { Json };
