import type { HostApi, HostEventSource } from "../../common";

/**
 * The script host as the transports see it: the HostApi plus event subscription. One host runs
 * one app script for one session (one workbench window). Pure Node: never imports electron.
 */
export interface ScriptHost extends HostApi, HostEventSource {
  /** Stop the runner and the file watcher. */
  dispose(): Promise<void>;
}

export interface ScriptHostOptions {
  /** Absolute path of the app script (.ts/.js/.mjs). */
  appPath: string;
  /** Path of the built runner worker (out/main/worker.js); defaults next to the host bundle. */
  workerPath?: string;
  /** Recompile and rerun when the script or its imports change. Default true. */
  watch?: boolean;
  /** Grace period before a run that ignores a stop request is terminated. Default 1000 ms. */
  stopGraceMs?: number;
  /** Events the loop debugger's timeline keeps. Default 20 000. */
  timelineCap?: number;
  /** Reruns in a row that no user action caused before reruns are paused. Default 10. */
  stormThreshold?: number;
  /** Where `.streamlit/config.toml` is looked for: default the user's home, the process's cwd and the script's folder. */
  configLocations?: { home: string; cwd: string };
  /** Python apps (`.py`): how their interpreter is found and their app view framed. */
  python?: PythonAppOptions;
  /** Opens a file with the system's default app (Electron's shell.openPath); absent in browser mode. */
  openFile?: (absolutePath: string) => Promise<void>;
}

export interface PythonAppOptions {
  /** `--python PATH`: the interpreter to use, before LOOPWRIGHT_PYTHON and the .venv lookups. */
  explicit: string | null;
  /** The folder holding loopwright_boot.py and the companion package. */
  companionDir: string;
  /** Who may frame Streamlit's frontend: the workbench's origin (a CSP source list). */
  frameAncestors: string;
  /** The folder opened (a project), for the `.venv` at the project root; null: the script's own. */
  projectRoot: string | null;
  /** Where `streamlit run` would have been typed (its config and secrets are read there); default the process's cwd. */
  cwd?: string;
}
