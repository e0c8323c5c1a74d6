/**
 * The `st` object an app script receives: a TypeScript spelling of Streamlit's Python API.
 * Names mirror Python (`session_state`, `on_<name>_change`, `default`) so a Python wrapper
 * translates line by line. Import it in an app script with `import type { St } from "loopwright"`.
 */
import type { Height, Width } from "./elements";

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
  /** Inline CSS, or a path (relative to the app script) of a .css file. */
  css?: string | null;
  /** Inline ES module source, or a path (relative to the app script) of a .js/.mjs file. */
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
  to_dict(): Record<string, unknown>;
  [key: string]: any;
}

export interface St {
  components: { v2: { component(name: string, definition?: ComponentDefinition): ComponentRenderer } };
  session_state: SessionStateProxy;
  button(label: string, options?: ButtonOptions): boolean;
  text_input(label: string, options?: TextInputOptions): string;
  write(...values: unknown[]): void;
  markdown(body: string): void;
  title(body: string): void;
  json(value: unknown, options?: { expanded?: boolean }): void;
  /** Ask for a new run once this one (or the current callbacks) finish. */
  rerun(): never;
}

/** What an app script's default export looks like. */
export type AppScript = (st: St) => void | Promise<void>;
