import * as v from "valibot";

export type RunState = "starting" | "running" | "idle" | "error";

export interface HostStatus {
  state: RunState;
  /** Runs finished since the app was opened. */
  runCount: number;
  /** Duration of the last finished run, in milliseconds. */
  lastDurationMs: number | null;
  /** Absolute path of the app script, and its name for display. */
  appPath: string;
  appName: string;
  /** Why the last run did not finish normally (compile error, crash, stopped), if it did not. */
  lastProblem: string | null;
  /** The page as `st.set_page_config` left it: Streamlit keeps a layout or title until a run sets another. */
  page: { layout: "centered" | "wide"; title: string | null };
  /** Saves that do not compile, while the last good version keeps running: the preview's overlay. */
  buildProblems?: BuildProblem[];
  /**
   * Where the app view comes from when it is not the emulator's preview: real Streamlit's own
   * frontend, served by Loopwright on an origin of its own, with the Streamlit and Python behind it.
   */
  appView?: AppView;
  /** With a loopwright.config.ts: the scenario open and every scenario's name, in the config's order. */
  scenario?: string;
  scenarios?: string[];
}

export interface AppView {
  kind: "streamlit";
  url: string;
  streamlitVersion: string;
  python: string;
}

/** A script or component file that failed to compile, with the lines around the error. */
export interface BuildProblem {
  source: "script" | "component";
  /** The component whose file it is (source "component"). */
  component: string | null;
  /** The file as the author knows it (relative to the app script's folder when inside it). */
  file: string;
  /** 1-based. */
  line: number;
  column: number;
  message: string;
  /** Numbered lines with a `>` on the error's line and a caret under its column. */
  frame: string;
}

const Text = v.pipe(v.string(), v.maxLength(4096));

/** The component instance a line came from: its registered name and its user key (element id when unkeyed). */
export const LogInstanceSchema = v.object({ component: Text, id: Text });
export type LogInstance = v.InferOutput<typeof LogInstanceSchema>;

/**
 * Where in the author's code a line came from: a file as the author named it (relative to the app
 * script's folder), or `inline js of <name>` for a component whose js is a string (`inline` true).
 */
export const LogLocationSchema = v.object({
  file: Text,
  line: v.pipe(v.number(), v.integer(), v.minValue(1)),
  column: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(1))),
  inline: v.boolean(),
});
export type LogLocation = v.InferOutput<typeof LogLocationSchema>;

export const LOG_LEVELS = ["info", "warn", "error"] as const;

/** The fields a line's origin adds; the preview sends them with its console lines (validated). */
export const LogOriginSchema = v.object({
  /** Who wrote it: the app script (its console, its async errors), a component, or Loopwright itself. */
  source: v.optional(v.picklist(["script", "component", "host"])),
  instance: v.optional(v.nullable(LogInstanceSchema)),
  location: v.optional(v.nullable(LogLocationSchema)),
  /** The author's frames only, mapped to their files; null when there is no stack worth showing. */
  stack: v.optional(v.nullable(v.pipe(v.string(), v.maxLength(16 * 1024)))),
});
export type LogOrigin = v.InferOutput<typeof LogOriginSchema>;

export interface LogEntry extends LogOrigin {
  level: (typeof LOG_LEVELS)[number];
  message: string;
  /** Unix ms. */
  at: number;
  /** The run it belongs to (the one in progress, or the last one), null before any. */
  runId: number | null;
}
