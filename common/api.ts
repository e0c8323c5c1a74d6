/**
 * The `st` object an app script receives: a TypeScript spelling of Streamlit's Python API.
 * Names mirror Python (`session_state`, `on_<name>_change`, `default`) so a Python wrapper
 * translates line by line. Import it in an app script with `import type { St } from "loopwright"`.
 */
import type { Height, Width } from "./elements";

export type { LoopwrightConfig } from "./project";

export type Callback = () => void;

/** Arguments of a component's mount function (Python keyword arguments). */
export interface MountOptions {
  key?: string | null;
  data?: unknown;
  default?: Record<string, unknown> | null;
  width?: Width;
  height?: Height;
  /** `on_<name>_change` callbacks; other names are ignored, `on_change` is an error (§2). */
  [callback: `on_${string}_change`]: Callback | unknown;
}

/** The component's result: state values and trigger values, by attribute or index. */
export type ComponentResult = Record<string, any>;

export type ComponentRenderer = (options?: MountOptions) => ComponentResult;

export interface ComponentDefinition {
  /** Inline HTML, or a path (relative to the app script) of an .html file. */
  html?: string | null;
  /**
   * Inline CSS, or a path or glob of a .css file: inside the `asset_dir` that a pyproject.toml
   * above the script declares for this component, else relative to the app script.
   */
  css?: string | null;
  /**
   * Inline ES module source, or a path or glob (`index-*.js`) of a .js/.mjs file, resolved as css
   * is; a .ts/.tsx/.jsx source is bundled on the fly (imports from the project's node_modules).
   */
  js?: string | null;
  /** True: mount in a ShadowRoot (default). False: a plain div; CSS applies to the page. */
  isolate_styles?: boolean;
}

export interface ButtonOptions {
  key?: string | null;
  help?: string | null;
  on_click?: Callback | null;
  type?: "primary" | "secondary";
  disabled?: boolean;
  use_container_width?: boolean;
}

export interface TextInputOptions {
  value?: string | null;
  max_chars?: number | null;
  key?: string | null;
  type?: "default" | "password";
  help?: string | null;
  on_change?: Callback | null;
  placeholder?: string | null;
  disabled?: boolean;
  label_visibility?: "visible" | "hidden" | "collapsed";
}

/**
 * Streamlit's session state. Read with `st.session_state.k`, `st.session_state["k"]` or
 * `.get(k, fallback)`; test with `"k" in st.session_state` or `.has(k)`; assign; `delete`.
 */
export interface SessionStateProxy {
  get<T = any>(key: string, fallback?: T): any;
  has(key: string): boolean;
  keys(): string[];
  values(): unknown[];
  /** `[key, value]` pairs, like Python's `.items()`. */
  items(): [string, unknown][];
  /** Python's `len(st.session_state)`. */
  len(): number;
  /** Deletes every key, each with `del`'s rules. */
  clear(): void;
  to_dict(): Record<string, unknown>;
  [Symbol.iterator](): Iterator<string>;
  [key: string]: any;
}

export interface CacheOptions {
  /** Seconds an entry stays valid; null: forever. */
  ttl?: number | null;
  /** Entries kept per function (the oldest goes first); null: no limit. */
  max_entries?: number | null;
}

/** A memoized function: `.clear()` empties its cache. */
export type CachedFunction<F extends (...args: any[]) => any> = F & { clear(): void };

/**
 * `st.cache_data(fn)` / `st.cache_resource(fn)`: `fn` memoized by its arguments' value, across
 * reruns; `.clear()` empties every function's cache of that kind.
 */
export interface CacheDecorator {
  <F extends (...args: any[]) => any>(fn: F, options?: CacheOptions): CachedFunction<F>;
  clear(): void;
}

type LabelVisibility = "visible" | "hidden" | "collapsed";

interface WidgetOptions {
  key?: string | null;
  help?: string | null;
  on_change?: Callback | null;
  disabled?: boolean;
  label_visibility?: LabelVisibility;
}

export interface CheckboxOptions extends WidgetOptions {
  value?: boolean;
}

export interface SliderOptions extends WidgetOptions {
  min_value?: number;
  max_value?: number;
  /** A number, or [low, high] for a range slider. */
  value?: number | [number, number];
  step?: number;
}

export interface NumberInputOptions extends WidgetOptions {
  min_value?: number | null;
  max_value?: number | null;
  /** null shows an empty input; "min" (default) starts at min_value or 0. */
  value?: number | null | "min";
  step?: number | null;
  placeholder?: string | null;
}

export interface SelectOptions<T> extends WidgetOptions {
  index?: number | null;
  format_func?: (option: T) => string;
  placeholder?: string | null;
  horizontal?: boolean;
}

export interface MultiselectOptions<T> extends WidgetOptions {
  /** The options selected at first: one option or a list of them, each one of `options`. */
  default?: readonly T[] | T | null;
  format_func?: (option: T) => string;
  max_selections?: number | null;
  placeholder?: string | null;
}

export interface TextAreaOptions extends WidgetOptions {
  value?: string | null;
  height?: number | null;
  max_chars?: number | null;
  placeholder?: string | null;
}

/**
 * A calendar date. Python's `datetime.date` has no TypeScript twin (a JS `Date` is an instant, whose
 * day depends on the time zone), so dates are ISO strings ("2024-01-31"): st.date_input takes and
 * returns them, and they compare and sort as dates. A `Date` is accepted and read in local time.
 */
export type DateValue = string | Date;

export interface DateInputOptions extends WidgetOptions {
  /**
   * "today" (default), a date, null for an empty input, or a list of 0–2 dates for a range
   * (st.date_input then returns a list: [], [start] or [start, end]).
   */
  value?: DateValue | "today" | null | readonly DateValue[];
  /** Default: 10 years before the (first) value. */
  min_value?: DateValue | null;
  /** Default: 10 years after the (last) value. */
  max_value?: DateValue | null;
  /** "YYYY/MM/DD" (default), "DD/MM/YYYY" or "MM/DD/YYYY", with "/", "-" or "." between. */
  format?: string;
}

/** `st.container`'s keyword arguments (Streamlit 1.64); any other name raises TypeError. */
export interface ContainerOptions {
  /** Default: a border only when `height` is a number. */
  border?: boolean | null;
  /** Adds the `st-key-<key>` class to the container. */
  key?: string | null;
  width?: Width;
  /** A pixel height scrolls the content. */
  height?: Height | null;
  /** Lay the children out in a row that wraps. */
  horizontal?: boolean;
  horizontal_alignment?: "left" | "center" | "right" | "distribute";
  vertical_alignment?: "top" | "center" | "bottom" | "distribute";
  /** "small" (default, 1rem), "medium" (2rem), "large" (4rem), or null for none. */
  gap?: "xxsmall" | "xsmall" | "small" | "medium" | "large" | "xlarge" | "xxlarge" | null;
}

export interface MarkdownOptions {
  /** Render HTML in the body as HTML instead of text (it still cannot run scripts). */
  unsafe_allow_html?: boolean;
}

export interface ColumnsOptions {
  gap?: "small" | "medium" | "large" | null;
  vertical_alignment?: "top" | "center" | "bottom";
  border?: boolean;
}

export interface FormOptions {
  clear_on_submit?: boolean;
  border?: boolean;
}

export interface MetricOptions {
  /** A number or a string; a leading "-" makes it a decrease. */
  delta?: number | string | null;
  /** "normal": up green, down red; "inverse": the other way round; "off": gray. */
  delta_color?: "normal" | "inverse" | "off";
  help?: string | null;
  label_visibility?: LabelVisibility;
  border?: boolean;
}

/** A URL, a data URL, a path relative to the app script, or the image's bytes. */
export type ImageSource = string | Uint8Array;

export interface ImageOptions {
  /** One caption, or one per image. */
  caption?: string | string[] | null;
  /** Pixels, "content" (the image's own width, capped by its container) or "stretch". */
  width?: "content" | "stretch" | number;
}

export interface ToastOptions {
  /** An emoji or a Material icon (`:material/check:`). */
  icon?: string | null;
  /** "short": 4 seconds, "long": 10 seconds, "infinite": until closed, or a number of seconds. */
  duration?: "short" | "long" | "infinite" | number;
}

export interface ChatInputOptions {
  key?: string | null;
  max_chars?: number | null;
  disabled?: boolean;
  /** Called before the run in which the submitted text is returned. */
  on_submit?: Callback | null;
}

export type StatusState = "running" | "complete" | "error";

export interface StatusOptions {
  expanded?: boolean;
  state?: StatusState;
}

/** `st.status`: an expander with a state icon; `with` sets "complete" (or "error" if the body throws) when it ends while running. */
export interface StatusContainer extends Container {
  update(options: { label?: string | null; expanded?: boolean | null; state?: StatusState | null }): void;
}

/** `st.spinner`: shows its text while the body runs (after half a second), then nothing. */
export interface Spinner {
  with<T>(body: () => T): T;
}

export interface RerunOptions {
  /** "fragment": rerun only the fragment this call is in. */
  scope?: "app" | "fragment";
}

/**
 * Everything that renders: `st` itself and every container (`st.sidebar`, a column, a form…).
 * Calls on a container render into it; calls on `st` render into the current container.
 */
export interface Elements {
  button(label: string, options?: ButtonOptions): boolean;
  form_submit_button(label?: string, options?: ButtonOptions): boolean;
  text_input(label: string, options?: TextInputOptions): string;
  text_area(label: string, options?: TextAreaOptions): string;
  checkbox(label: string, options?: CheckboxOptions): boolean;
  toggle(label: string, options?: CheckboxOptions): boolean;
  slider(label: string, options?: SliderOptions): any;
  number_input(label: string, options?: NumberInputOptions): number | null;
  selectbox<T>(label: string, options: readonly T[], settings?: SelectOptions<T>): T | null;
  radio<T>(label: string, options: readonly T[], settings?: SelectOptions<T>): T | null;
  multiselect<T>(label: string, options: readonly T[], settings?: MultiselectOptions<T>): T[];
  /** An ISO date string or null; for a range value, a list of 0–2 of them. */
  date_input(label: string, options?: DateInputOptions): any;
  write(...values: unknown[]): void;
  markdown(body: string, options?: MarkdownOptions): void;
  title(body: string): void;
  header(body: string): void;
  subheader(body: string): void;
  caption(body: string, options?: MarkdownOptions): void;
  text(body: string): void;
  code(body: string, options?: { language?: string | null }): void;
  divider(): void;
  /** A string is serialized JSON. `expanded`: true (all), false (collapsed) or the depth to expand to. */
  json(value: unknown, options?: { expanded?: boolean | number }): void;
  info(body: string): void;
  success(body: string): void;
  warning(body: string): void;
  error(body: string): void;
  /** `st.metric(label, value, {delta, delta_color, help, label_visibility, border})`; value null shows "—". */
  metric(label: string, value: number | string | null, options?: MetricOptions): void;
  /**
   * A notification at the top right, outside the page flow; it hides after its duration and on
   * the next run. Returns a placeholder: `.toast(...)` on it updates the same toast.
   */
  toast(body: string, options?: ToastOptions): Container;
  status(label: string, options?: StatusOptions): StatusContainer;
  /** The text the user submitted (Enter or the send button), in the run it causes only; otherwise null. */
  chat_input(placeholder?: string, options?: ChatInputOptions): string | null;
  /** `st.tabs(["A", "B"])`: one container per tab; the first is shown until the user picks another. */
  tabs(labels: string[]): Container[];
  /** One image or a list of them. */
  image(image: ImageSource | ImageSource[], options?: ImageOptions): void;
  columns(spec: number | number[], options?: ColumnsOptions): Container[];
  container(options?: ContainerOptions): Container;
  expander(label: string, options?: { expanded?: boolean }): Container;
  form(key: string, options?: FormOptions): Container;
  /**
   * A placeholder holding one element: each call on it replaces that element, `.empty()` clears it
   * (on `st`, a new placeholder at the next position). Rewritten during a run, it shows each value.
   */
  empty(): Container;
}

/**
 * A container: the element methods render into it; `with(body)` makes it current (Python's `with`).
 * The body may be async: the container stays current across its awaits, and the run waits for it.
 */
export interface Container extends Elements {
  with<T>(body: () => T): T;
}

/** `st.set_page_config`: the options Loopwright's app view uses. */
export interface PageConfigOptions {
  /** "centered" (a 736 px column, the default) or "wide". */
  layout?: "centered" | "wide";
  page_title?: string;
}

export interface St extends Elements {
  /** Page layout and title; they stay as set until a later call changes them (§8.6). */
  set_page_config(options: PageConfigOptions): void;
  components: { v2: { component(name: string, definition?: ComponentDefinition): ComponentRenderer } };
  session_state: SessionStateProxy;
  /** Returns a copy of the cached value on each call (the cache keeps its own). */
  cache_data: CacheDecorator;
  /** Returns the cached object itself, shared by every run and caller. */
  cache_resource: CacheDecorator;
  sidebar: Container;
  /**
   * Streamlit's private event container (`st._event`): what renders here sits outside the page
   * flow (no place, no gap in the main area), the way event-style components (height 0) and
   * toasts are mounted.
   */
  _event: Container;
  /** `with st.spinner(text):` — the body's elements render into the current container. */
  spinner(text?: string): Spinner;
  /** `@st.fragment`: returns a function that renders `body` as a fragment when called (an async body: await the call). */
  fragment<A extends unknown[], R extends void | Promise<void> = void>(body: (...args: A) => R): (...args: A) => R;
  /** Ask for a new run (of the app, or of the current fragment). Ends the current run. */
  rerun(options?: RerunOptions): never;
  /** End this run here; what was rendered stays. */
  stop(): never;
}

/** What an app script's default export looks like. */
export type AppScript = (st: St) => void | Promise<void>;
