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
}

export interface LogEntry {
  level: "info" | "warn" | "error";
  message: string;
  /** Unix ms. */
  at: number;
  /** The run it belongs to (the one in progress, or the last one), null before any. */
  runId: number | null;
}
