import { Worker } from "node:worker_threads";
import type { Delta, ExceptionElement, LogEntry } from "../../../common";
import type { CompiledScript } from "../compiler";
import type { ExportedState } from "../engine/persist";
import type { RunOutcome, RunRequest } from "../engine/rerun-engine";
import type { FromWorker, ToWorker, WorkerData } from "./protocol";

const DISPOSED = "disposed";

export type RunResult =
  | { status: "done"; outcome: RunOutcome }
  /** The runner was terminated (stop, or a run that ignored an interrupt) or died. */
  | { status: "killed"; reason: string };

/**
 * The host's handle on the runner worker: one run at a time, a cooperative interrupt flag, and
 * termination. Session state is committed here after every run, so a replacement worker starts
 * from it (Electron Fiddle kills user code the same way: ask, then force).
 */
export class ScriptRunner {
  private worker: Worker | null = null;
  private readonly interruptFlag = new Int32Array(new SharedArrayBuffer(4));
  private committed: ExportedState | null = null;
  private script: { code: string; filename: string; appPath: string } | null = null;
  private pendingLoad: ((error: ExceptionElement | null) => void) | null = null;
  private inflight: { runId: number; resolve: (result: RunResult) => void } | null = null;
  private killReason: string | null = null;

  constructor(
    private readonly workerPath: string,
    private readonly onLog: (entry: LogEntry) => void,
    /** What the run in progress rendered so far (§14), batch by batch. */
    private readonly onDeltas: (runId: number, deltas: Delta[]) => void = () => {},
  ) {}

  /** Loads (or reloads) the compiled script; resolves with the error box if it failed to load. */
  load({ code, filename }: Pick<CompiledScript, "code" | "filename">, appPath: string): Promise<ExceptionElement | null> {
    this.script = { code, filename, appPath };
    return new Promise((resolve) => {
      this.pendingLoad = resolve;
      this.send({ type: "load", code, filename, appPath, restore: this.committed });
    });
  }

  run(request: RunRequest): Promise<RunResult> {
    Atomics.store(this.interruptFlag, 0, 0);
    return new Promise((resolve) => {
      this.inflight = { runId: request.runId, resolve };
      this.send({ type: "run", request });
    });
  }

  /** Ask the running script to stop at its next st call, or now if it is awaiting. */
  interrupt(): void {
    Atomics.store(this.interruptFlag, 0, 1);
    if (this.inflight) this.worker?.postMessage({ type: "interrupt", runId: this.inflight.runId } satisfies ToWorker);
  }

  get busy(): boolean {
    return this.inflight !== null;
  }

  /** Terminate the worker; the next load/run starts a new one from the committed state. */
  async kill(reason: string): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.killReason = reason;
    await worker.terminate();
  }

  async dispose(): Promise<void> {
    await this.kill(DISPOSED);
  }

  private send(message: ToWorker): void {
    const worker = this.worker ?? this.spawn();
    worker.postMessage(message);
  }

  private spawn(): Worker {
    const worker = new Worker(this.workerPath, {
      workerData: { interrupt: this.interruptFlag.buffer as SharedArrayBuffer } satisfies WorkerData,
      resourceLimits: { maxOldGenerationSizeMb: 2048 },
    });
    this.worker = worker;
    worker.on("message", (message: FromWorker) => this.receive(message));
    worker.on("error", (error) => {
      this.killReason ??= `the script runner crashed: ${error.message}`;
    });
    worker.on("exit", (code) => this.exited(worker, code));
    // A replacement worker must load the script before it can run it.
    if (this.script && !this.pendingLoad) {
      worker.postMessage({ type: "load", ...this.script, restore: this.committed } satisfies ToWorker);
      this.pendingLoad = () => {};
    }
    return worker;
  }

  private receive(message: FromWorker): void {
    if (message.type === "log") return this.onLog(message.entry);
    if (message.type === "exiting") {
      this.killReason = message.reason;
      return;
    }
    if (message.type === "loaded") {
      const resolve = this.pendingLoad;
      this.pendingLoad = null;
      return resolve?.(message.error);
    }
    if (this.inflight?.runId !== message.runId) return;
    if (message.type === "deltas") return this.onDeltas(message.runId, message.deltas);
    this.committed = message.committed;
    const { resolve } = this.inflight;
    this.inflight = null;
    resolve({ status: "done", outcome: message.outcome });
  }

  private exited(worker: Worker, code: number): void {
    if (this.worker !== worker) return;
    this.worker = null;
    const reason = this.killReason ?? `the script runner exited with code ${code}`;
    this.killReason = null;
    this.pendingLoad?.({ type: "exception", name: "ScriptRunnerError", message: reason, trace: [] });
    this.pendingLoad = null;
    const inflight = this.inflight;
    this.inflight = null;
    inflight?.resolve({ status: "killed", reason });
    // Between runs nobody would otherwise learn why the next run starts a new runner.
    if (!inflight && reason !== DISPOSED) {
      this.onLog({ level: "error", message: `The script runner stopped: ${reason.replace(/\.$/, "")}. A new one starts with the next run; session state is kept.`, at: Date.now(), runId: null, source: "host" });
    }
  }
}
