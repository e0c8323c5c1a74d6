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
  /** Saves that do not compile, while the last good version keeps running: the preview's overlay. */
  buildProblems?: BuildProblem[];
  /** With a loopwright.config.ts: the scenario open and every scenario's name, in the config's order. */
  scenario?: string;
  scenarios?: string[];
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

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  /** Unix ms. */
  at: number;
  /** The run it belongs to (the one in progress, or the last one), null before any. */
  runId: number | null;
}
