import { randomUUID } from "node:crypto";
import { basename, join } from "node:path";
import type {
  EditResult,
  HostEventName,
  HostEvents,
  HostSnapshot,
  HostStatus,
  RenderedRun,
  RerunRequest,
  SessionStateEdit,
  SessionStateSnapshot,
  WidgetState,
  ExceptionElement,
} from "../../common";
import { hostValue, walkTree, widgetIds } from "../../common";
import { CompileError, compileScript } from "./compiler";
import { validateEdit } from "./edits";
import { EventHub } from "./events";
import { ScriptRunner } from "./runner/runner";
import type { ScriptHost, ScriptHostOptions } from "./types";
import { SourceWatcher } from "./watcher";

interface PendingRun {
  widgetStates?: WidgetState[];
  /** Only this fragment reruns; null once any request for a full run joins in. */
  fragmentId: string | null;
  edits: SessionStateEdit[];
  done: (() => void)[];
}

/**
 * The script host for one session: compiles the app, keeps the runner fed with reruns in
 * Streamlit's order (a newer request preempts the running script), and publishes status,
 * rendered runs and session state. It owns no UI and never imports electron.
 */
class Host implements ScriptHost {
  private readonly events = new EventHub<HostEvents>();
  private readonly runner: ScriptRunner;
  private readonly watcher: SourceWatcher | null;
  private readonly sessionId = randomUUID();
  private status: HostStatus;
  private lastRun: RenderedRun | null = null;
  private sessionState: SessionStateSnapshot = { runId: 0, entries: [] };
  private lastWidgetStates: WidgetState[] = [];
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

  on<E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void): () => void {
    return this.events.on(event, listener);
  }

  async hello(): Promise<HostSnapshot> {
    return { status: this.status, lastRun: this.lastRun, sessionState: this.sessionState, sessionId: this.sessionId };
  }

  async rerun(request: RerunRequest): Promise<void> {
    if (request.widgetStates) this.lastWidgetStates = request.widgetStates;
    await this.schedule({ widgetStates: request.widgetStates, fragmentId: request.fragmentId ?? null, edits: [] });
  }

  async stop(): Promise<void> {
    if (!this.runner.busy) return;
    this.pending = null;
    this.preempt("Stopped by the user");
  }

  async editSessionState(edit: SessionStateEdit): Promise<EditResult> {
    const problem = validateEdit(this.sessionState.entries, edit);
    if (problem) return { ok: false, error: problem };
    await this.schedule({ edits: [edit], fragmentId: null });
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
    await this.schedule({ edits: [], fragmentId: null });
  }

  async dispose(): Promise<void> {
    this.watcher?.close();
    if (this.killTimer) clearTimeout(this.killTimer);
    await this.runner.dispose();
  }

  /** Queue a run; a newer request replaces the queued widget states (Streamlit coalesces). */
  private schedule(run: Omit<PendingRun, "done">): Promise<void> {
    return new Promise((resolve) => {
      const fresh = !this.pending;
      const pending = (this.pending ??= { edits: [], done: [], fragmentId: run.fragmentId });
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
      const { widgetStates, edits, done, fragmentId } = this.pending;
      this.pending = null;
      const runId = this.nextRunId++;
      const started = performance.now();
      this.setStatus({ state: "running" });
      const result = await this.runner.run(runId, widgetStates ?? persistentStates(this.lastWidgetStates), edits, fragmentId);
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
        if (outcome.rerunRequested && !this.pending) this.pending = { edits: [], done: [], fragmentId: outcome.rerunFragment };
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
    this.lastWidgetStates = adoptRenderedValues(this.lastWidgetStates, tree);
    this.events.emit("render", this.lastRun);
    for (const warning of warnings) this.events.emit("log", { level: "warn", message: warning, at: Date.now() });
    this.setStatus({ runCount: this.status.runCount + 1, lastDurationMs: duration });
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.status = { ...this.status, ...change };
    this.events.emit("status", this.status);
  }
}

/**
 * What the browser holds after rendering a run, as the preview does it: native widgets take the
 * rendered value (a script-side write, a cleared form), widgets the run did not render are gone.
 */
function adoptRenderedValues(states: WidgetState[], tree: RenderedRun["tree"]): WidgetState[] {
  const live = new Set<string>();
  const rendered = new Map<string, WidgetState>();
  for (const element of walkTree(tree)) {
    for (const id of widgetIds(element)) live.add(id);
    const value = hostValue(element);
    if (value && "id" in element) rendered.set(element.id, { id: element.id, type: "value", value: value.value });
  }
  const kept = states.filter((s) => live.has(s.id)).map((s) => rendered.get(s.id) ?? s);
  const known = new Set(kept.map((s) => s.id));
  return [...kept, ...[...rendered.values()].filter((s) => !known.has(s.id))];
}

/** Host-initiated reruns resend what the browser holds: maps and values, not one-shot triggers. */
function persistentStates(states: WidgetState[]): WidgetState[] {
  return states.filter((s) => s.type !== "json_trigger_value" && s.type !== "trigger_value");
}

export async function createScriptHost(options: ScriptHostOptions): Promise<ScriptHost> {
  const host = new Host(options);
  await host.reload();
  return host;
}
