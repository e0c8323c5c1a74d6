import { randomUUID } from "node:crypto";
import { basename, join } from "node:path";
import type {
  EditResult,
  SessionValueRequest,
  SessionValueResult,
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
import { BrowserState, Emitter, previewValue, walkTree } from "../../common";
import type { Json, LogEntry, SessionStateEntry } from "../../common";
import type { HostHop } from "./debugger/loop-recorder";
import { CompileError, compileScript } from "./compiler";
import { validateEdit } from "./edits";
import { readSessionValue } from "./session-value";
import { LoopRecorder } from "./debugger/loop-recorder";
import { diffSessionState } from "./debugger/state-diff";
import type { RunOutcome, RunRequest } from "./engine/rerun-engine";
import type { EngineHop } from "./engine/journal";
import type { RunResult } from "./runner/runner";
import { ScriptRunner } from "./runner/runner";
import type { ScriptHost, ScriptHostOptions } from "./types";
import { SourceWatcher } from "./watcher";

/**
 * A run to queue: widget states (null: resend the last ones), fragment and panel edits, plus the
 * timeline events that asked for it (the first is the run's cause, the rest joined it).
 */
type ScheduledRun = Pick<RerunRequest, "widgetStates" | "fragmentId"> & Pick<RunRequest, "edits"> & { causeIds: string[] };

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
  /** The whole JSON of the values the snapshot summarises (they stay here until the panel asks). */
  private fullValues: Record<string, string> = {};
  /** The preview's widget states as the host last saw them, for the reruns the host starts itself. */
  private readonly browser = new BrowserState();
  private pending: PendingRun | null = null;
  private draining = false;
  private nextRunId = 1;
  private killTimer: NodeJS.Timeout | null = null;
  private loadError: ExceptionElement | null = null;
  private loaded = false;
  private stopRequested = false;
  private readonly loop: LoopRecorder;
  /** Rerun requests held while reruns are paused (a storm, Stop during a loop, or the toggle). */
  private held: ScheduledRun[] = [];
  private pausedBy: string | null = null;
  /** Step: let exactly one held request through the gate. */
  private stepping = false;

  constructor(private readonly options: ScriptHostOptions) {
    this.status = {
      state: "starting",
      runCount: 0,
      lastDurationMs: null,
      appPath: options.appPath,
      appName: basename(options.appPath),
      lastProblem: null,
    };
    this.loop = new LoopRecorder({
      cap: options.timelineCap,
      stormThreshold: options.stormThreshold,
      onDelta: (delta) => this.events.emit("loop", delta),
      onStorm: (finding) => this.pause(finding.id),
    });
    this.runner = new ScriptRunner(options.workerPath ?? join(__dirname, "worker.js"), (entry) => {
      this.log(entry.level, entry.message);
      this.loop.record({ kind: "console", causeId: null, level: entry.level, message: entry.message.slice(0, 64 * 1024), source: "script" });
    });
    this.watcher = options.watch === false ? null : new SourceWatcher(() => void this.reload());
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  async hello(): Promise<HostSnapshot> {
    const { status, lastRun, sessionState, sessionId } = this;
    return { status, lastRun, sessionState, sessionId, loop: this.loop.snapshot() };
  }

  async rerun({ widgetStates, fragmentId, source, causeId }: RerunRequest): Promise<void> {
    if (widgetStates) this.browser.mirrorFlush(widgetStates);
    const cause = source === "preview" ? causeId : this.loop.record({ kind: "request", causeId: null, source, detail: null });
    await this.schedule({ widgetStates, fragmentId, edits: [], causeIds: cause ? [cause] : [] });
  }

  /** Stops the run; a loop no user action drives (a storm under the threshold) is held too. */
  async stop(): Promise<void> {
    if (this.loop.automaticStreak > 0) this.pause("stop");
    if (!this.runner.busy) return;
    this.pending = null;
    this.stopRequested = true;
    this.preempt("Stopped by the user");
  }

  async recordLoop(events: Parameters<LoopRecorder["ingest"]>[0]): Promise<void> {
    this.loop.ingest(events);
  }

  async setRecording(on: boolean): Promise<void> {
    this.loop.setRecording(on);
  }

  async clearTimeline(): Promise<void> {
    this.loop.clear();
  }

  async pauseReruns(): Promise<void> {
    this.pause("user");
  }

  async resumeReruns(): Promise<void> {
    const held = this.held;
    this.held = [];
    this.pausedBy = null;
    this.loop.restartStormCount();
    this.publishGate();
    const resume = this.loop.record({ kind: "request", causeId: null, source: "resume", detail: held.length ? `${held.length} held` : null });
    await Promise.all(held.map((run) => this.schedule({ ...run, causeIds: [resume, ...run.causeIds] })));
  }

  async stepRerun(): Promise<void> {
    const next = this.held.shift();
    if (!next) return;
    this.publishGate();
    const step = this.loop.record({ kind: "request", causeId: null, source: "step", detail: null });
    this.stepping = true;
    await this.schedule({ ...next, causeIds: [step, ...next.causeIds] });
  }

  async editSessionState(edit: SessionStateEdit): Promise<EditResult> {
    const problem = validateEdit(this.sessionState.entries, edit);
    if (problem) return { ok: false, error: problem };
    const value = previewValue(edit.value);
    const cause = this.loop.record({ kind: "edit", causeId: null, key: edit.key, field: edit.field ?? null, instance: edit.field === undefined ? null : edit.key, name: edit.field ?? null, value });
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [edit], causeIds: [cause] });
    return { ok: true };
  }

  async sessionValue(request: SessionValueRequest): Promise<SessionValueResult> {
    return readSessionValue(this.sessionState.entries, this.fullValues, request);
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
    const first = !this.loaded;
    this.loaded = true;
    const cause = first ? null : this.loop.record({ kind: "request", causeId: null, source: "file", detail: basename(this.options.appPath) });
    if (this.loadError) {
      this.publishRun({ main: [this.loadError], sidebar: [] }, [], 0);
      this.setStatus({ state: "error", lastProblem: `${this.loadError.name}: ${this.loadError.message.split("\n")[0]}` });
      return;
    }
    // A save is the author changing the code, usually to end the loop that paused reruns.
    if (!first && this.pausedBy) void this.resumeReruns();
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [], causeIds: cause ? [cause] : [] });
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
    if (this.pausedBy && !this.stepping) {
      this.held.push(run);
      this.publishGate();
      return Promise.resolve();
    }
    return new Promise((resolve) => {
      const fresh = !this.pending;
      const pending = (this.pending ??= { widgetStates: null, fragmentId: run.fragmentId, edits: [], causeIds: [], done: [] });
      if (!fresh && pending.fragmentId !== run.fragmentId) pending.fragmentId = null;
      if (run.widgetStates) pending.widgetStates = run.widgetStates;
      pending.edits.push(...run.edits);
      pending.causeIds.push(...run.causeIds);
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
      const { widgetStates, fragmentId, edits, causeIds, done } = this.pending;
      this.pending = null;
      this.stepping = false;
      const runId = this.nextRunId++;
      this.loop.runId = runId;
      const [causeId = null, ...alsoCausedBy] = causeIds;
      const runStart = this.loop.record({ kind: "run-start", causeId, alsoCausedBy, fragmentId });
      const started = performance.now();
      this.stopRequested = false;
      this.setStatus({ state: "running" });
      const result = await this.runner.run({ runId, widgetStates: widgetStates ?? this.browser.held(), fragmentId, edits });
      if (this.killTimer && !this.runner.busy) {
        clearTimeout(this.killTimer);
        this.killTimer = null;
      }
      const durationMs = performance.now() - started;
      const duration = Math.round(durationMs);
      // The render goes out first and the timeline's hops after it: they are not on the loop's path.
      const runEnd = this.loop.reserve();
      const recordRunEnd = () => this.loop.record({ kind: "run-end", causeId: runStart, status: this.runStatus(result), durationMs, fragmentId }, runEnd);
      if (result.status === "killed") {
        this.publishRun({ main: [{ type: "exception", name: "ScriptRunnerError", message: `${result.reason.replace(/\.$/, "")}. Session state was kept.`, trace: [] }], sidebar: [] }, [], duration, runId, { run: runEnd, elements: {} });
        recordRunEnd();
        this.setStatus({ lastProblem: result.reason });
      } else if (result.outcome.status !== "interrupted") {
        const { outcome } = result;
        const before = this.sessionState.entries;
        const hopIds = outcome.hops.map(() => this.loop.reserve());
        this.sessionState = { runId, entries: this.withBrowserHolds(outcome.entries, outcome.tree) };
        this.fullValues = outcome.fullValues;
        this.events.emit("sessionState", this.sessionState);
        this.publishRun(outcome.tree, outcome.warnings, duration, runId, renderCauses(outcome, hopIds, runEnd));
        recordRunEnd();
        this.recordOutcome(outcome, hopIds, runStart, runEnd, before);
        this.setStatus({ lastProblem: outcome.status === "error" ? "The script raised an exception (shown in the app)." : null });
        if (outcome.rerunRequested) {
          const request = this.loop.record({ kind: "request", causeId: runEnd, source: "st.rerun", detail: null });
          void this.schedule({ widgetStates: null, fragmentId: outcome.rerunFragment, edits: [], causeIds: [request] });
        }
      } else {
        recordRunEnd();
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

  private runStatus(result: RunResult): Extract<HostHop, { kind: "run-end" }>["status"] {
    if (result.status === "killed") return "killed";
    const { outcome } = result;
    if (outcome.status === "interrupted") return this.stopRequested ? "stopped" : "interrupted";
    if (outcome.status === "error") return "exception";
    return outcome.rerunRequested ? "rerun" : "done";
  }

  /**
   * The engine's hops of a run, linked into the timeline under the ids the render already named:
   * what happened before the body points at the run's start, what it rendered at its end.
   */
  private recordOutcome(outcome: RunOutcome, hopIds: string[], runStart: string, runEnd: string, before: SessionStateEntry[]): void {
    outcome.hops.forEach((hop, i) => this.loop.record({ ...hop, causeId: isRendered(hop) ? runEnd : runStart }, hopIds[i]));
    const diff = diffSessionState(before, outcome.entries);
    if (diff) this.loop.record({ ...diff, causeId: runEnd });
    this.loop.noteCallbackNames(
      outcome.entries.flatMap((entry) => (entry.kind === "component" ? [{ instance: entry.key, callbackNames: entry.callbackNames }] : [])),
    );
  }

  /** Marks the component state the browser holds otherwise: the next rerun's map will restore it. */
  private withBrowserHolds(entries: SessionStateEntry[], tree: RenderedRun["tree"]): SessionStateEntry[] {
    const elementOf = new Map<string, string>();
    for (const element of walkTree(tree)) if (element.type === "bidi_component" && element.key !== null) elementOf.set(element.key, element.id);
    return entries.map((entry) => {
      const held = entry.kind === "component" ? this.browser.get(elementOf.get(entry.key) ?? "") : undefined;
      if (entry.kind !== "component" || held?.type !== "json_value") return entry;
      const map = JSON.parse(held.value) as Record<string, Json>;
      // A summarised value is not sent whole, so neither is the browser's copy of it: the note covers values the panel shows.
      const differing = Object.entries(map).filter(([name, value]) => name in entry.state && !entry.stateSummaries?.[name] && JSON.stringify(entry.state[name]) !== JSON.stringify(value));
      return differing.length ? { ...entry, browserHolds: Object.fromEntries(differing) } : entry;
    });
  }

  private pause(reason: string): void {
    if (this.pausedBy) return;
    this.pausedBy = reason;
    this.publishGate();
  }

  private publishGate(): void {
    this.loop.setGate({ paused: this.pausedBy !== null, queued: this.held.length, reason: this.pausedBy });
  }

  private log(level: LogEntry["level"], message: string): void {
    this.events.emit("log", { level, message, at: Date.now(), runId: this.loop.runId || null });
  }

  private publishRun(tree: RenderedRun["tree"], warnings: string[], duration: number, runId = this.nextRunId++, causes: RenderedRun["causes"] = { run: null, elements: {} }): void {
    this.lastRun = { runId, tree, warnings, causes };
    this.browser.adopt(tree);
    this.events.emit("render", this.lastRun);
    for (const warning of warnings) this.log("warn", warning);
    this.setStatus({ runCount: this.status.runCount + 1, lastDurationMs: duration });
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.status = { ...this.status, ...change };
    this.events.emit("status", this.status);
  }
}

const isRendered = (hop: EngineHop): hop is Extract<EngineHop, { kind: "remount" | "data-diff" }> => hop.kind === "remount" || hop.kind === "data-diff";

/** What the preview links its lifecycle hops to: the run's end, and per element the hop that explains its re-invocation. */
function renderCauses(outcome: RunOutcome, hopIds: string[], runEnd: string): RenderedRun["causes"] {
  const causes: RenderedRun["causes"] = { run: runEnd, elements: {} };
  outcome.hops.forEach((hop, i) => {
    // A remount explains a fresh mount better than the data that caused it.
    if (isRendered(hop) && (hop.kind === "remount" || !causes.elements[hop.elementId])) causes.elements[hop.elementId] = hopIds[i];
  });
  return causes;
}

export async function createScriptHost(options: ScriptHostOptions): Promise<ScriptHost> {
  const host = new Host(options);
  await host.reload();
  return host;
}
