import type { Delta, ExceptionElement, LogEntry } from "../../../common";
import type { RunOutcome, RunRequest } from "../engine/rerun-engine";
import type { ExportedState } from "../engine/persist";

/** Messages between the host and its runner worker. Internal to the core. */
export type ToWorker =
  | { type: "load"; code: string; filename: string; appPath: string; restore: ExportedState | null }
  | { type: "run"; request: RunRequest }
  /** Stop run `runId` now if it is awaiting (a script busy in st calls sees the shared flag instead). */
  | { type: "interrupt"; runId: number };

export type FromWorker =
  | { type: "loaded"; error: ExceptionElement | null }
  | { type: "done"; runId: number; outcome: RunOutcome; committed: ExportedState }
  | { type: "log"; entry: LogEntry }
  /** What run `runId` rendered since its last batch; sent only while it is still running at a macrotask boundary. */
  | { type: "deltas"; runId: number; deltas: Delta[] }
  /** The script is ending the worker (process.exit): why, for the run's result and the Log. */
  | { type: "exiting"; reason: string };

export interface WorkerData {
  /** One Int32: non-zero asks the running script to stop at its next st call. */
  interrupt: SharedArrayBuffer;
}
