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

export interface BidiComponentElement extends WidgetPlacement {
  type: "bidi_component";
  /** Element id (`$$ID-<hash>-<key>` when keyed); the frontend remounts when it changes. */
  id: string;
  /** Registered component name. */
  name: string;
  /** The user's key, or null for unkeyed instances. */
  key: string | null;
  html: string | null;
  css: string | null;
  /**
   * The file name when `css` came from a path: the preview then adds the CSS as a
   * `<link rel="stylesheet">` (to a blob URL of `css`) instead of a `<style>`, as Streamlit does.
   */
  cssPath?: string | null;
  js: string | null;
  /** The file name when `js` came from a path, as the author wrote it: the Log maps stack frames back to it. */
  jsPath?: string | null;
  isolateStyles: boolean;
  /**
   * Set when html, css or js came from files: a digest of their text. A new digest (the author
   * saved one of them) remounts the instance, keeping its state: Loopwright's hot reload.
   */
  fileDigest?: string;
  data: ComponentData;
  width: Width;
  height: Height;
}

/** Where a widget sits: inside a form its changes wait for submit; inside a fragment they rerun only it. */
export interface WidgetPlacement {
  formId?: string | null;
  fragmentId?: string | null;
}

export interface WidgetBase extends WidgetPlacement {
  id: string;
  label: string;
  disabled: boolean;
  help?: string | null;
  labelVisibility?: "visible" | "hidden" | "collapsed";
  /**
   * In a clear_on_submit form: this widget as it renders with its default value. A submit resets
   * the widget to it in the browser only, as Streamlit's frontend does: the script keeps the
   * submitted value until the next submit sends the default.
   */
  clearedTo?: WidgetBase;
}

export interface ButtonElement extends WidgetBase {
  type: "button";
  kind: "primary" | "secondary";
  /** st.form_submit_button: submits its form (stFormSubmitButton). */
  submit?: boolean;
}

export interface TextInputElement extends WidgetBase {
  type: "text_input";
  value: string;
  placeholder: string | null;
  maxChars: number | null;
  labelVisibility: "visible" | "hidden" | "collapsed";
  password?: boolean;
}

/** Wire value: boolean. */
export interface CheckboxElement extends WidgetBase {
  type: "checkbox";
  variant: "checkbox" | "toggle";
  value: boolean;
}

/** Wire value: number, or [low, high] for a range slider. */
export interface SliderElement extends WidgetBase {
  type: "slider";
  min: number;
  max: number;
  step: number;
  value: number | [number, number];
}

/** Wire value: number or null. */
export interface NumberInputElement extends WidgetBase {
  type: "number_input";
  value: number | null;
  min: number | null;
  max: number | null;
  step: number;
  integer: boolean;
  placeholder: string | null;
}

/** Wire value: the selected option's index, or null. Options arrive as display labels. */
export interface SelectElement extends WidgetBase {
  type: "selectbox" | "radio";
  options: string[];
  index: number | null;
  placeholder?: string | null;
  horizontal?: boolean;
  /** A selectbox created with index=None: the user can clear it again. */
  clearable?: boolean;
}

/** Wire value: the selected options' indexes, in selection order. Options arrive as display labels. */
export interface MultiselectElement extends WidgetBase {
  type: "multiselect";
  options: string[];
  indexes: number[];
  placeholder: string;
  maxSelections: number | null;
}

/** Wire value: the chosen dates as ISO strings ("2024-01-31"): one, or 0–2 for a range. */
export interface DateInputElement extends WidgetBase {
  type: "date_input";
  value: string[];
  isRange: boolean;
  /** ISO dates bounding what the calendar offers. */
  min: string;
  max: string;
  /** Streamlit's display format, e.g. "YYYY/MM/DD". */
  format: string;
}

/** Wire value: string. */
export interface TextAreaElement extends WidgetBase {
  type: "text_area";
  value: string;
  placeholder: string | null;
  maxChars: number | null;
  height: number | null;
}

export interface CodeElement {
  type: "code";
  body: string;
  language: string | null;
}

/**
 * A container (st.columns, st.container, st.expander, st.form, a fragment). Its id is its
 * position in the tree, stable across runs while the script's structure stays the same.
 */
export interface BlockElement {
  type: "block";
  id: string;
  kind: "vertical" | "horizontal" | "column" | "container" | "expander" | "form" | "fragment" | "tab_container" | "tab" | "status" | "event";
  children: AppElement[];
  border?: boolean;
  /** expander, tab, status */
  label?: string | null;
  expanded?: boolean;
  /** status: the icon beside the label (a spinner while running, a check, an error mark). */
  state?: "running" | "complete" | "error";
  /** column: relative width; horizontal, container: gap (null: none) */
  weight?: number;
  gap?: "xxsmall" | "xsmall" | "small" | "medium" | "large" | "xlarge" | "xxlarge" | null;
  verticalAlignment?: "top" | "center" | "bottom" | "distribute";
  /** container: a fixed pixel height scrolls; null/undefined is "content" */
  height?: Height | null;
  /** container: the user's key, shown as Streamlit's `st-key-<key>` class */
  key?: string | null;
  width?: Width;
  /** container: lay children out in a wrapping row */
  horizontal?: boolean;
  horizontalAlignment?: "left" | "center" | "right" | "distribute";
  formId?: string | null;
  fragmentId?: string | null;
  clearOnSubmit?: boolean;
}

export interface MarkdownElement {
  type: "markdown";
  /** Markdown source, rendered as Streamlit renders it; raw HTML shows as text unless `allowHtml`. */
  body: string;
  /** "title" and "header"/"subheader" render as stHeading with h1/h2/h3. */
  variant: "markdown" | "title" | "header" | "subheader" | "caption" | "text" | "divider";
  /** `unsafe_allow_html=True` (st.markdown, st.caption). */
  allowHtml?: boolean;
}

export interface JsonElement {
  type: "json";
  /** Pretty-printed JSON text (values that JSON cannot hold are shown as their description). */
  body: string;
  /** true: all open; false: the root collapsed; a number: the depth open (deeper nodes collapsed). */
  expanded: boolean | number;
}

export interface ExceptionElement {
  type: "exception";
  /** e.g. "TypeError" or "StreamlitAPIException". */
  name: string;
  /**
   * The Python module of one of Streamlit's own exception classes when it went uncaught
   * ("streamlit.errors"): Streamlit's box then names the class with it, as `str(type(e))` does.
   */
  module?: string;
  message: string;
  /** Streamlit's exceptions (MarkdownFormattedException) carry Markdown messages: `code` spans, paragraphs. */
  messageIsMarkdown?: boolean;
  /** One row per stack frame, already mapped to the author's source (file:line:col). */
  trace: string[];
}

export interface AlertElement {
  type: "alert";
  kind: "info" | "success" | "warning" | "error";
  body: string;
}

/** `st.metric`: the value, and the delta with the colour and arrow Streamlit derives from its sign. */
export interface MetricElement {
  type: "metric";
  label: string;
  /** The value as Python's str() writes it ("—" for None). */
  body: string;
  /** "" when there is no delta. */
  delta: string;
  color: "red" | "green" | "gray";
  direction: "up" | "down" | "none";
  help: string | null;
  labelVisibility: "visible" | "hidden" | "collapsed";
  border: boolean;
}

/** `st.image`: one or more images (URLs or data URLs), each with its caption. */
export interface ImageElement {
  type: "image";
  images: { url: string; caption: string | null }[];
  /** Pixels, or "content" (the image's own width, capped by the container) / "stretch". */
  width: "content" | "stretch" | number;
}

/** `st.toast`: shown in the toast container at the top right, not in the page flow. */
export interface ToastElement {
  type: "toast";
  body: string;
  icon: string | null;
  /** Seconds before it hides; null: until closed. */
  duration: number | null;
}

/** `st.spinner` while its body runs. */
export interface SpinnerElement {
  type: "spinner";
  text: string;
}

/** Wire value: the submitted text, once (a trigger-like string); the widget then reads None. */
export interface ChatInputElement extends WidgetPlacement {
  type: "chat_input";
  id: string;
  placeholder: string;
  maxChars: number | null;
  disabled: boolean;
  /** Called at the main area's top level: pinned to the bottom of the page (Streamlit's bottom container). */
  bottom: boolean;
}

/** `st.empty()`: a placeholder holding nothing yet (stEmpty, hidden). */
export interface EmptyElement {
  type: "empty";
}

export type AppElement =
  | BidiComponentElement
  | ButtonElement
  | TextInputElement
  | CheckboxElement
  | SliderElement
  | NumberInputElement
  | SelectElement
  | MultiselectElement
  | DateInputElement
  | TextAreaElement
  | MarkdownElement
  | CodeElement
  | JsonElement
  | ExceptionElement
  | AlertElement
  | EmptyElement
  | MetricElement
  | ImageElement
  | ToastElement
  | SpinnerElement
  | ChatInputElement
  | BlockElement;

/** What one run rendered, in order; containers nest as blocks. */
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
  /** The timeline events this render follows from, so the preview links its lifecycle hops to them. */
  causes: RenderCauses;
}

export interface RenderCauses {
  /** The run's `run-end` event (null for a render that no run produced, e.g. a compile error). */
  run: string | null;
  /** Per element id: the `data-diff` or `remount` event that explains its re-invocation. */
  elements: Record<string, string>;
}

export type { Json };
