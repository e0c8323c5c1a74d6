import { formatLocation, type LogEntry, type LogInstance, type LogLocation, type LogOrigin } from "../../../common";
import { moduleFileName } from "../component/loader";

type Level = LogEntry["level"];

/** One line for the workbench: the Log shows it, the timeline records it (an `error` hop when `uncaught`). */
export interface AuthorLine {
  level: Level;
  message: string;
  origin: LogOrigin;
  /** An error the component did not catch (thrown, rejected, or failing its mount), not a console call. */
  uncaught: boolean;
}

export interface AuthorConsoleOptions {
  emit(line: AuthorLine): void;
  /** The user event being dispatched now, if any: a handler's line belongs to the instance it fired in. */
  currentEvent(): Event | null;
  /** The host the preview's own scripts are served from (`location.host`): their frames are not the author's. */
  pageHost: string;
  /** Lines let through per second; the rest are counted and reported as one line. */
  linesPerSecond?: number;
  now?: () => number;
}

/** A mounted instance as attribution sees it: who it is, and the element its DOM lives under. */
export interface AttributedInstance {
  readonly instance: LogInstance;
  readonly host: Element;
}

/** A stack reduced to the author's frames, mapped from module names to the author's files. */
export interface AuthorStack {
  /** The first line (`TypeError: …`) and the author's frames; null when there are none. */
  stack: string | null;
  /** The innermost author frame. */
  location: LogLocation | null;
  /** The component whose module the innermost author frame is in. */
  component: string | null;
}

const LEVELS = { log: "info", info: "info", debug: "info", warn: "warn", error: "error" } as const;
const DEFAULT_LINES_PER_SECOND = 100;
/** A frame in a component's module (named by `moduleFileName`), with its line and column. */
const MODULE_FRAME = /(st-bidi-.+?-[0-9a-f]+\.js):(\d+):(\d+)/;
/** A frame with a position in a file (not `<anonymous>` or a native one such as `Promise.allSettled`). */
const FRAME_POSITION = /:\d+:\d+\)?$/;
const MAX_VALUE_CHARS = 2000;

/**
 * The preview's one capture path for what component code says: its console calls, its uncaught
 * errors and rejections, and the errors Loopwright reports about it. Each line is attributed to
 * an instance (the one being invoked, the one the current user event fired in, or the only one
 * mounted of the component the stack points into), its stack keeps only the component's frames,
 * mapped back to the author's file (the module's line numbers are the file's: the module is the
 * file's text with a `sourceURL` comment appended), and a storm is cut to `linesPerSecond`.
 */
export class AuthorConsole {
  /** Module file name → the component and the js path its author gave (null: inline js). */
  private readonly modules = new Map<string, { component: string; path: string | null }>();
  private readonly mounted = new Set<AttributedInstance>();
  private invoking: AttributedInstance | null = null;
  private readonly linesPerSecond: number;
  private readonly now: () => number;
  private second = { start: -Infinity, count: 0, suppressed: 0 };
  private suppressedTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(private readonly options: AuthorConsoleOptions) {
    this.linesPerSecond = options.linesPerSecond ?? DEFAULT_LINES_PER_SECOND;
    this.now = options.now ?? (() => performance.now());
  }

  /** Names the module a component's js becomes, so its frames map back to the author's file. */
  module(component: string, js: string, path: string | null): void {
    this.modules.set(moduleFileName(component, js), { component, path });
  }

  /** An instance is mounted until the returned function is called. */
  attach(instance: AttributedInstance): () => void {
    this.mounted.add(instance);
    return () => this.mounted.delete(instance);
  }

  /** Runs the synchronous part of an instance's invocation: lines during it are that instance's. */
  during<T>(instance: AttributedInstance, call: () => T): T {
    const outer = this.invoking;
    this.invoking = instance;
    try {
      return call();
    } finally {
      this.invoking = outer;
    }
  }

  /** A line Loopwright writes about component code (a failed mount, a value it could not send). */
  report(level: Level, message: string, origin: LogOrigin = {}): void {
    this.emit({ level, message, origin: { source: "component", ...origin }, uncaught: false });
  }

  /** An error the author's code did not catch; `prefix` says how it escaped ("Unhandled rejection: "). */
  uncaught(error: unknown, prefix = "", instance?: LogInstance | null, fallback: LogLocation | null = null): void {
    const { message, stack } = describe(error);
    const mapped = this.mapStack(stack);
    const location = mapped.location ?? fallback;
    this.emit({
      level: "error",
      message: `${prefix}${message}${location ? ` (${formatLocation(location)})` : ""}`,
      origin: { source: "component", instance: instance ?? this.attribute(mapped.component), location, stack: mapped.stack },
      uncaught: true,
    });
  }

  /** A console call made by page code: attributed by its caller's stack. */
  consoleCall(level: Level, args: unknown[], stack: string | null): void {
    const mapped = this.mapStack(stack);
    this.emit({
      level,
      message: formatArgs(args, (s) => this.mapStack(s).stack),
      origin: { source: "component", instance: this.attribute(mapped.component), location: mapped.location, stack: null },
      uncaught: false,
    });
  }

  /**
   * Renames the frames in component modules to the author's file (or `inline js of <name>`) and
   * drops the preview's own (served from the page's host: Loopwright's bundle, Vue); frames of
   * anything else the component imported stay. `rename` false keeps the module names, as
   * Streamlit's error box shows them (`st-bidi-<name>-<hash>.js`).
   */
  mapStack(stack: string | null, rename = true): AuthorStack {
    if (!stack) return { stack: null, location: null, component: null };
    const [head = "", ...rest] = stack.split("\n");
    let location: LogLocation | null = null;
    let component: string | null = null;
    const frames: string[] = [];
    for (const frame of rest) {
      const match = MODULE_FRAME.exec(frame);
      const source = match ? this.modules.get(match[1]) : undefined;
      if (!match || !source) {
        if (FRAME_POSITION.test(frame) && !this.isOwnFrame(frame)) frames.push(frame);
        continue;
      }
      const file = source.path ?? `inline js of ${source.component}`;
      const line = Number(match[2]);
      const column = Number(match[3]);
      location ??= { file, line, column, inline: source.path === null };
      component ??= source.component;
      frames.push(rename ? frame.replace(MODULE_FRAME, `${file}:${line}:${column}`) : frame);
    }
    return { stack: frames.length ? [head, ...frames].join("\n") : null, location, component };
  }

  /**
   * Wraps the frame's console (the original still runs, so the browser's DevTools show it too) and
   * listens for uncaught errors and rejections. Returns the function that undoes both.
   */
  install(target: Window & typeof globalThis): () => void {
    const console = target.console;
    const originals = new Map<keyof typeof LEVELS, (...args: unknown[]) => void>();
    for (const [method, level] of Object.entries(LEVELS) as [keyof typeof LEVELS, Level][]) {
      const original = console[method];
      originals.set(method, original);
      console[method] = (...args: unknown[]) => {
        original.apply(console, args);
        this.consoleCall(level, args, callerStack());
      };
    }
    const controller = new AbortController();
    // A module's parse error never gets here: its import rejects, and the instance's mount reports it.
    target.addEventListener("error", (event) => this.uncaught(event.error ?? event.message), { signal: controller.signal });
    target.addEventListener("unhandledrejection", (event) => this.uncaught(event.reason, "Unhandled rejection: "), { signal: controller.signal });
    return () => {
      for (const [method, original] of originals) console[method] = original;
      controller.abort();
    };
  }

  /** Served from the page's host (the built preview), or the preview's sources (dev server, tests). */
  private isOwnFrame(frame: string): boolean {
    const host = this.options.pageHost;
    return (host !== "" && frame.includes(`//${host}/`)) || frame.includes("/renderer/preview/");
  }

  private attribute(component: string | null): LogInstance | null {
    if (this.invoking) return this.invoking.instance;
    const event = this.options.currentEvent();
    if (event) {
      const path = event.composedPath();
      for (const mounted of this.mounted) if (path.includes(mounted.host)) return mounted.instance;
    }
    if (component === null) return null;
    const candidates = [...this.mounted].filter((mounted) => mounted.instance.component === component);
    return candidates.length === 1 ? candidates[0].instance : null;
  }

  /** At most `linesPerSecond` lines a second; the count of the rest follows as one warning. */
  private emit(line: AuthorLine): void {
    const now = this.now();
    if (now - this.second.start >= 1000) {
      this.flushSuppressed();
      this.second = { start: now, count: 0, suppressed: 0 };
    }
    if (this.second.count >= this.linesPerSecond) {
      this.second.suppressed++;
      this.suppressedTimer ??= setTimeout(() => this.flushSuppressed(), Math.max(0, 1000 - (now - this.second.start)));
      return;
    }
    this.second.count++;
    this.options.emit(line);
  }

  private flushSuppressed(): void {
    if (this.suppressedTimer !== null) clearTimeout(this.suppressedTimer);
    this.suppressedTimer = null;
    const { suppressed } = this.second;
    if (!suppressed) return;
    this.second.suppressed = 0;
    this.options.emit({
      level: "warn",
      message: `${suppressed} more component console ${suppressed === 1 ? "line was" : "lines were"} not shown: more than ${this.linesPerSecond} a second (the browser's DevTools have them all).`,
      origin: { source: "host" },
      uncaught: false,
    });
  }
}

/** Author code may throw anything, not only Errors. */
function describe(error: unknown): { message: string; stack: string | null } {
  if (error instanceof Error) return { message: error.message, stack: error.stack ?? null };
  return { message: typeof error === "string" ? error : formatValue(error), stack: null };
}

/** The stack of the console call's caller (the wrapper's own frame is not in a component module, so mapping drops it). */
function callerStack(): string | null {
  // Chromium's V8 keeps 10 frames by default, which a framework's own frames can fill.
  const v8 = Error as ErrorConstructor & { stackTraceLimit?: number };
  const { stackTraceLimit } = v8;
  v8.stackTraceLimit = 50;
  const stack = new Error().stack ?? null;
  v8.stackTraceLimit = stackTraceLimit;
  return stack;
}

/** console's own substitutions (`%s %d %i %f %o %O %j %c`), then the remaining arguments joined by spaces. */
export function formatArgs(args: unknown[], mapStack: (stack: string) => string | null = () => null): string {
  const rest = [...args];
  const parts: string[] = [];
  if (typeof rest[0] === "string" && rest.length > 1) {
    const template = rest.shift() as string;
    parts.push(
      template.replace(/%[sdifoOjc%]/g, (token) => {
        if (token === "%%") return "%";
        if (!rest.length) return token;
        const value = rest.shift();
        if (token === "%c") return "";
        if (token === "%s") return typeof value === "string" ? value : formatValue(value, mapStack);
        if (token === "%d" || token === "%i") return String(token === "%i" ? Math.trunc(Number(value)) : Number(value));
        if (token === "%f") return String(Number(value));
        return formatValue(value, mapStack);
      }),
    );
  }
  for (const value of rest) parts.push(typeof value === "string" ? value : formatValue(value, mapStack));
  return parts.join(" ");
}

function formatValue(value: unknown, mapStack: (stack: string) => string | null = () => null): string {
  if (value instanceof Error) return (value.stack && mapStack(value.stack)) || `${value.name}: ${value.message}`;
  if (typeof value === "function") return `[Function ${value.name || "(anonymous)"}]`;
  if (typeof value === "bigint") return `${value}n`;
  if (typeof value === "symbol" || value === undefined) return String(value);
  if (value instanceof Node) return `<${value.nodeName.toLowerCase()}>`;
  let text: string;
  try {
    const seen = new WeakSet<object>();
    text =
      JSON.stringify(value, (_key, inner: unknown) => {
        if (typeof inner === "bigint") return `${inner}n`;
        if (typeof inner === "object" && inner !== null) {
          if (seen.has(inner)) return "[Circular]";
          seen.add(inner);
        }
        return inner;
      }) ?? String(value);
  } catch {
    text = String(value);
  }
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}
