import { randomUUID } from "node:crypto";
import { basename, join } from "node:path";
import type {
  EditResult,
  HostEvents,
  HostSnapshot,
  HostStatus,
  RenderedRun,
  RerunRequest,
  SessionStateEdit,
  SessionStateSnapshot,
  WidgetState,
  ExceptionElement,
  OnHostEvent,
} from "../../common";
import { BrowserState, Emitter } from "../../common";
import { CompileError, compileScript } from "./compiler";
import { validateEdit } from "./edits";
import type { RunRequest } from "./engine/rerun-engine";
import { ScriptRunner } from "./runner/runner";
import type { ScriptHost, ScriptHostOptions } from "./types";
import { SourceWatcher } from "./watcher";

/** A run to queue: a rerun request (null widget states: resend the last ones) plus panel edits. */
type ScheduledRun = RerunRequest & Pick<RunRequest, "edits">;

/** Requests that arrive before the runner is free join one run; `done` answers each of them. */
interface PendingRun extends ScheduledRun {
  done: (() => void)[];
}

/**
 * The script host for one session: compiles the app, keeps the runner fed with reruns in
 * Streamlit's order (a newer request preempts the running script), and publishes status,
 * rendered runs and session state. It owns no UI and never imports electron.
 */
class Host implements ScriptHost {
  private readonly events = new Emitter<HostEvents>();
  private readonly runner: ScriptRunner;
  private readonly watcher: SourceWatcher | null;
  private readonly sessionId = randomUUID();
  private status: HostStatus;
  private lastRun: RenderedRun | null = null;
  private sessionState: SessionStateSnapshot = { runId: 0, entries: [] };
  /** The preview's widget states as the host last saw them, for the reruns the host starts itself. */
  private readonly browser = new BrowserState();
  private pending: PendingRun | null = null;
  private draining = false;
  private nextRunId = 1;
  private killTimer: NodeJS.Timeout | null = null;
  private loadError: ExceptionElement | null = null;

  constructor(private readonly options: ScriptHostOptions) {
    this.status = {
      state: "starting",
      runCount: 0,
      lastDurationMs: null,
      appPath: options.appPath,
      appName: basename(options.appPath),
      lastProblem: null,
    };
    this.runner = new ScriptRunner(options.workerPath ?? join(__dirname, "worker.js"), (entry) => this.events.emit("log", entry));
    this.watcher = options.watch === false ? null : new SourceWatcher(() => void this.reload());
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  async hello(): Promise<HostSnapshot> {
    return { status: this.status, lastRun: this.lastRun, sessionState: this.sessionState, sessionId: this.sessionId };
  }

  async rerun(request: RerunRequest): Promise<void> {
    if (request.widgetStates) this.browser.mirrorFlush(request.widgetStates);
    await this.schedule({ ...request, edits: [] });
  }

  async stop(): Promise<void> {
    if (!this.runner.busy) return;
    this.pending = null;
    this.preempt("Stopped by the user");
  }

  async editSessionState(edit: SessionStateEdit): Promise<EditResult> {
    const problem = validateEdit(this.sessionState.entries, edit);
    if (problem) return { ok: false, error: problem };
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [edit] });
    return { ok: true };
  }

  /** Compile and load the script, then run it. Called at start and whenever a source changes. */
  async reload(): Promise<void> {
    try {
      const compiled = await compileScript(this.options.appPath);
      this.watcher?.watch(compiled.inputs);
      this.loadError = await this.runner.load(compiled, this.options.appPath);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      this.watcher?.watch([error.location?.file ?? this.options.appPath, this.options.appPath]);
      const where = error.location ? [`${basename(error.location.file)}:${error.location.line}:${error.location.column}`] : [];
      this.loadError = { type: "exception", name: "CompileError", message: error.message, trace: where };
    }
    if (this.loadError) {
      this.publishRun({ main: [this.loadError], sidebar: [] }, [], 0);
      this.setStatus({ state: "error", lastProblem: `${this.loadError.name}: ${this.loadError.message.split("\n")[0]}` });
      return;
    }
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [] });
  }

  async dispose(): Promise<void> {
    this.watcher?.close();
    if (this.killTimer) clearTimeout(this.killTimer);
    await this.runner.dispose();
  }

  /**
   * Queue a run; a newer request replaces the queued widget states (Streamlit coalesces). Only
   * the requested fragment reruns, until any request for another scope joins in: then all of it.
   */
  private schedule(run: ScheduledRun): Promise<void> {
    return new Promise((resolve) => {
      const fresh = !this.pending;
      const pending = (this.pending ??= { widgetStates: null, fragmentId: run.fragmentId, edits: [], done: [] });
      if (!fresh && pending.fragmentId !== run.fragmentId) pending.fragmentId = null;
      if (run.widgetStates) pending.widgetStates = run.widgetStates;
      pending.edits.push(...run.edits);
      pending.done.push(resolve);
      if (this.runner.busy) this.preempt(null);
      else void this.drain();
    });
  }

  /** fastReruns: ask the script to stop at its next st call; force it after the grace period. */
  private preempt(problem: string | null): void {
    this.runner.interrupt();
    if (this.killTimer) return;
    this.killTimer = setTimeout(() => {
      this.killTimer = null;
      if (this.runner.busy) void this.runner.kill(problem ?? "The run did not stop when asked (a loop without st calls?); the runner was restarted.");
    }, this.options.stopGraceMs ?? 1000);
    if (problem) this.setStatus({ lastProblem: problem });
  }

  private async drain(): Promise<void> {
    if (this.draining || this.loadError) return this.settleWithoutRun();
    this.draining = true;
    while (this.pending) {
      const { widgetStates, fragmentId, edits, done } = this.pending;
      this.pending = null;
      const runId = this.nextRunId++;
      const started = performance.now();
      this.setStatus({ state: "running" });
      const result = await this.runner.run({ runId, widgetStates: widgetStates ?? this.browser.held(), fragmentId, edits });
      if (this.killTimer && !this.runner.busy) {
        clearTimeout(this.killTimer);
        this.killTimer = null;
      }
      const duration = Math.round(performance.now() - started);
      if (result.status === "killed") {
        this.publishRun({ main: [{ type: "exception", name: "ScriptRunnerError", message: `${result.reason.replace(/\.$/, "")}. Session state was kept.`, trace: [] }], sidebar: [] }, [], duration, runId);
        this.setStatus({ lastProblem: result.reason });
      } else if (result.outcome.status !== "interrupted") {
        const { outcome } = result;
        this.sessionState = { runId, entries: outcome.entries };
        this.events.emit("sessionState", this.sessionState);
        this.publishRun(outcome.tree, outcome.warnings, duration, runId);
        this.setStatus({ lastProblem: outcome.status === "error" ? "The script raised an exception (shown in the app)." : null });
        if (outcome.rerunRequested && !this.pending) this.pending = { widgetStates: null, fragmentId: outcome.rerunFragment, edits: [], done: [] };
      }
      for (const resolve of done) resolve();
    }
    this.draining = false;
    this.setStatus({ state: this.loadError ? "error" : "idle" });
  }

  /** With a script that does not load, requests have nothing to run: answer them at once. */
  private settleWithoutRun(): void {
    if (this.draining) return;
    const pending = this.pending;
    this.pending = null;
    for (const resolve of pending?.done ?? []) resolve();
  }

  private publishRun(tree: RenderedRun["tree"], warnings: string[], duration: number, runId = this.nextRunId++): void {
    this.lastRun = { runId, tree, warnings };
    this.browser.adopt(tree);
    this.events.emit("render", this.lastRun);
    for (const warning of warnings) this.events.emit("log", { level: "warn", message: warning, at: Date.now() });
    this.setStatus({ runCount: this.status.runCount + 1, lastDurationMs: duration });
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.status = { ...this.status, ...change };
    this.events.emit("status", this.status);
  }
}

export async function createScriptHost(options: ScriptHostOptions): Promise<ScriptHost> {
  const host = new Host(options);
  await host.reload();
  return host;
}
