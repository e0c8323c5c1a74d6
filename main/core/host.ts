import { randomUUID } from "node:crypto";
import { basename, dirname, join } from "node:path";
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
import { BrowserState, Emitter, loopClock, previewValue, walkTree } from "../../common";
import type { BuildProblem, Json, LogEntry, SessionStateEntry, SwitchResult } from "../../common";
import type { HostHop } from "./debugger/loop-recorder";
import { CompileError, compileScript, type CompiledScript } from "./compiler";
import { validateEdit } from "./edits";
import { withBrowserHolds } from "./browser-holds";
import { readSessionValue } from "./session-value";
import { LoopRecorder } from "./debugger/loop-recorder";
import { RerunGate } from "./debugger/rerun-gate";
import { diffSessionState } from "./debugger/state-diff";
import type { RunOutcome, RunRequest } from "./engine/rerun-engine";
import type { EngineHop } from "./engine/journal";
import type { RunResult } from "./runner/runner";
import { ScriptRunner } from "./runner/runner";
import type { ScriptHost, ScriptHostOptions } from "./types";
import { SourceWatcher } from "./watcher";
import { configFiles, defaultConfigLocations, ProjectThemeWatcher } from "./config/project-theme";
import { appSourceFile } from "./source-files";

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
  private readonly theme: ProjectThemeWatcher;
  /** The components' files: a save reruns the script, which reads them again. */
  private readonly componentWatcher: SourceWatcher | null;
  /** After a save, watch the component files afresh even if the set is the same (the saved file may be a new inode). */
  private renewComponentWatch = true;
  /** The script as last compiled successfully: it keeps running while a save does not compile. */
  private goodScript: CompiledScript | null = null;
  private scriptProblem: BuildProblem | null = null;
  private componentProblems: BuildProblem[] = [];
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
  private readonly gate: RerunGate<ScheduledRun>;
  /** Step: let exactly one held request through the gate. */
  private stepping = false;
  /** The run in progress, and whether it streamed anything yet (§14). */
  private inProgress: { runId: number; fragmentId: string | null; streamed: boolean } | null = null;

  constructor(private readonly options: ScriptHostOptions) {
    this.status = {
      state: "starting",
      runCount: 0,
      lastDurationMs: null,
      appPath: options.appPath,
      appName: basename(options.appPath),
      lastProblem: null,
      page: { layout: "centered", title: null },
      buildProblems: [],
    };
    this.loop = new LoopRecorder({
      cap: options.timelineCap,
      stormThreshold: options.stormThreshold,
      onDelta: (delta) => this.events.emit("loop", delta),
      onStorm: (finding) => this.gate.pause(finding.id),
    });
    this.gate = new RerunGate(this.loop);
    this.runner = new ScriptRunner(
      options.workerPath ?? join(__dirname, "worker.js"),
      (entry) => {
        this.events.emit("log", { ...entry, runId: this.loop.runId || null });
        this.loop.record({ kind: "console", causeId: null, level: entry.level, message: entry.message.slice(0, 64 * 1024), source: entry.source === "host" ? "host" : "script" });
      },
      (runId, deltas) => {
        const run = this.inProgress;
        if (run?.runId !== runId) return;
        run.streamed = true;
        this.events.emit("stream", { type: "deltas", runId, fragmentId: run.fragmentId, deltas });
      },
    );
    this.watcher = options.watch === false ? null : new SourceWatcher(() => void this.reload());
    const locations = { ...defaultConfigLocations(options.appPath), ...options.configLocations };
    this.theme = new ProjectThemeWatcher(
      configFiles(locations),
      (theme) => this.events.emit("theme", theme),
      (warning) => this.log("warn", warning),
    );
    // Shorter than the script's debounce: a component save is a rerun, no compile, and its round trip is benchmarked.
    this.componentWatcher = options.watch === false ? null : new SourceWatcher((paths) => void this.componentFilesChanged(paths), 30);
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  async hello(): Promise<HostSnapshot> {
    const { status, lastRun, sessionState, sessionId } = this;
    return { status, lastRun, sessionState, sessionId, loop: this.loop.snapshot(), projectTheme: this.theme.theme };
  }

  async rerun({ widgetStates, fragmentId, source, causeId }: RerunRequest): Promise<void> {
    if (widgetStates) this.browser.mirrorFlush(widgetStates);
    const cause = source === "preview" ? causeId : this.loop.record({ kind: "request", causeId: null, source, detail: null });
    await this.schedule({ widgetStates, fragmentId, edits: [], causeIds: cause ? [cause] : [] });
  }

  /** Stops the run; a loop no user action drives (a storm under the threshold) is held too. */
  async stop(): Promise<void> {
    if (this.loop.automaticStreak > 0) this.gate.pause("stop");
    if (!this.runner.busy) return;
    this.pending = null;
    this.stopRequested = true;
    this.preempt("Stopped by the user");
  }

  async recordLoop(events: Parameters<LoopRecorder["ingest"]>[0]): Promise<void> {
    return this.loop.ingest(events);
  }

  async runRendered(runId: number, events: Parameters<LoopRecorder["rendered"]>[1]): Promise<void> {
    return this.loop.rendered(runId, events);
  }

  async setRecording(on: boolean): Promise<void> {
    this.loop.setRecording(on);
  }

  async clearTimeline(): Promise<void> {
    this.loop.clear();
  }

  async pauseReruns(): Promise<void> {
    this.gate.pause("user");
  }

  async resumeReruns(): Promise<void> {
    const { requests, cause } = this.gate.resume();
    await Promise.all(requests.map((run) => this.schedule({ ...run, causeIds: [cause, ...run.causeIds] })));
  }

  async stepRerun(): Promise<void> {
    const next = this.gate.step();
    if (!next) return;
    this.stepping = true;
    await this.schedule({ ...next.request, causeIds: [next.cause, ...next.request.causeIds] });
  }

  async openInEditor(file: string): Promise<void> {
    if (!this.options.openFile) throw new Error("Opening files in an editor needs the desktop app (loopwright start); copy the location instead.");
    const source = appSourceFile(dirname(this.options.appPath), file);
    if (!source.ok) throw new Error(source.error);
    await this.options.openFile(source.path);
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
      this.goodScript = this.loadError ? null : compiled;
      this.setScriptProblem(null);
    } catch (error) {
      if (!(error instanceof CompileError)) throw error;
      this.watcher?.watch([error.location?.file ?? this.options.appPath, this.options.appPath, ...(this.goodScript?.inputs ?? [])]);
      if (this.goodScript && this.loaded && !this.loadError && error.problem) {
        // The last good version keeps running; the workbench overlays the error until a save compiles.
        this.setScriptProblem(error.problem);
        return;
      }
      const where = error.location ? [`${basename(error.location.file)}:${error.location.line}:${error.location.column}`] : [];
      this.loadError = { type: "exception", name: "CompileError", message: error.message, trace: where };
      const location = error.location ? { file: error.location.file, line: error.location.line, column: error.location.column, inline: false } : null;
      this.events.emit("log", { level: "error", message: `CompileError: ${error.message}`, at: Date.now(), runId: this.loop.runId || null, source: "script", location });
    }
    const first = !this.loaded;
    this.loaded = true;
    if (first) await this.theme.start(this.watcher !== null);
    const cause = first ? null : this.loop.record({ kind: "request", causeId: null, source: "file", detail: basename(this.options.appPath) });
    if (this.loadError) {
      this.publishRun({ main: [this.loadError], sidebar: [] }, [], 0);
      this.setStatus({ state: "error", lastProblem: `${this.loadError.name}: ${this.loadError.message.split("\n")[0]}` });
      return;
    }
    // A save is the author changing the code, usually to end the loop that paused reruns.
    if (!first && this.gate.paused) void this.resumeReruns();
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [], causeIds: cause ? [cause] : [] });
  }

  /** A component file was saved: rerun, so the script registers the component from the new file and its instances remount. */
  private async componentFilesChanged(paths: string[]): Promise<void> {
    this.renewComponentWatch = true;
    const cause = this.loop.record({ kind: "request", causeId: null, source: "file", detail: paths.map((path) => basename(path)).join(", ").slice(0, 200) });
    if (this.gate.paused) void this.resumeReruns();
    await this.schedule({ widgetStates: null, fragmentId: null, edits: [], causeIds: [cause] });
  }

  async switchScenario(): Promise<SwitchResult> {
    return { ok: false, error: "This app was opened as a single script; list scenarios in a loopwright.config.ts to switch between them." };
  }

  private setScriptProblem(problem: BuildProblem | null): void {
    if (problem === this.scriptProblem) return;
    this.scriptProblem = problem;
    this.publishBuildProblems();
  }

  private publishBuildProblems(): void {
    this.setStatus({ buildProblems: this.buildProblems() });
  }

  private buildProblems(): BuildProblem[] {
    return [...(this.scriptProblem ? [this.scriptProblem] : []), ...this.componentProblems];
  }

  async dispose(): Promise<void> {
    this.watcher?.close();
    this.theme.close();
    this.componentWatcher?.close();
    if (this.killTimer) clearTimeout(this.killTimer);
    await this.runner.dispose();
  }

  /**
   * Queue a run; a newer request replaces the queued widget states (Streamlit coalesces). Only
   * the requested fragment reruns, until any request for another scope joins in: then all of it.
   */
  private schedule(run: ScheduledRun): Promise<void> {
    // The last run's deferred recording first: it may be the storm that holds this request.
    this.loop.settle();
    if (!this.stepping && this.gate.hold(run)) return Promise.resolve();
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
      if (!this.runner.busy) return;
      // A script stops at its next st call; one that reaches none cannot say where it was.
      void this.runner.kill(
        problem
          ? `${problem}: the script reached no st call within ${this.options.stopGraceMs ?? 1000} ms (a loop or a blocking call without st calls?), so its runner was terminated`
          : "The run did not stop when asked (a loop without st calls?); the runner was restarted.",
      );
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
      this.loop.holdUntilRendered(runId);
      const [causeId = null, ...alsoCausedBy] = causeIds;
      const runStart = this.loop.record({ kind: "run-start", causeId, alsoCausedBy, fragmentId });
      const started = performance.now();
      this.stopRequested = false;
      this.setStatus({ state: "running" });
      const run = (this.inProgress = { runId, fragmentId, streamed: false });
      const result = await this.runner.run({ runId, widgetStates: widgetStates ?? this.browser.held(), fragmentId, edits });
      this.inProgress = null;
      if (this.killTimer && !this.runner.busy) {
        clearTimeout(this.killTimer);
        this.killTimer = null;
      }
      const durationMs = performance.now() - started;
      const duration = Math.round(durationMs);
      // The render goes out first; the timeline's hops are recorded once it is rendered (see LoopRecorder.defer).
      const runEnd = this.loop.reserve();
      const endedAt = loopClock();
      const status = this.runStatus(result);
      const recordRunEnd = () => this.loop.record({ kind: "run-end", causeId: runStart, status, durationMs, fragmentId, runId, at: endedAt }, runEnd);
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
        this.loop.defer(() => {
          recordRunEnd();
          this.recordOutcome(outcome, hopIds, { runId, at: endedAt, runStart, runEnd }, before);
        });
        this.componentWatcher?.watch([...outcome.componentSources.files, ...outcome.componentSources.dirs], this.renewComponentWatch);
        this.renewComponentWatch = false;
        this.componentProblems = outcome.componentProblems;
        const page = { layout: outcome.page.layout ?? this.status.page.layout, title: outcome.page.title ?? this.status.page.title };
        this.setStatus({ lastProblem: outcome.status === "error" ? "The script raised an exception (shown in the app)." : null, page, buildProblems: this.buildProblems() });
        if (outcome.rerunRequested) {
          const request = this.loop.record({ kind: "request", causeId: runEnd, source: "st.rerun", detail: null });
          void this.schedule({ widgetStates: null, fragmentId: outcome.rerunFragment, edits: [], causeIds: [request] });
        }
      } else {
        // A streamed run that publishes nothing still ends on the page: Streamlit drops the
        // leftovers of a stopped run, and keeps them for the rerun that preempted it.
        if (run.streamed) this.events.emit("stream", { type: "run-ended", runId, clearStale: this.stopRequested });
        recordRunEnd();
        if (this.stopRequested) {
          const where = result.outcome.interruptedAt;
          this.log(
            "info",
            where
              ? `Stopped by the user at ${where}: the run ended at that st call; session state was kept.`
              : "Stopped by the user while the script was waiting: the run ended at once; session state was kept.",
          );
        }
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
  private recordOutcome(outcome: RunOutcome, hopIds: string[], run: { runId: number; at: number; runStart: string; runEnd: string }, before: SessionStateEntry[]): void {
    const { runId, runStart, runEnd } = run;
    outcome.hops.forEach((hop, i) => this.loop.record({ ...hop, causeId: isRendered(hop) ? runEnd : runStart, runId }, hopIds[i]));
    const diff = diffSessionState(before, outcome.entries);
    if (diff) this.loop.record({ ...diff, causeId: runEnd, runId, at: run.at });
    this.loop.noteCallbackNames(
      outcome.entries.flatMap((entry) => (entry.kind === "component" ? [{ instance: entry.key, callbackNames: entry.callbackNames }] : [])),
    );
  }

  /** Marks the component state the browser holds otherwise: the next rerun's map will restore it. */
  private withBrowserHolds(entries: SessionStateEntry[], tree: RenderedRun["tree"]): SessionStateEntry[] {
    const elementOf = new Map<string, string>();
    for (const element of walkTree(tree)) if (element.type === "bidi_component" && element.key !== null) elementOf.set(element.key, element.id);
    return withBrowserHolds(entries, (key) => {
      const held = this.browser.get(elementOf.get(key) ?? "");
      return held?.type === "json_value" ? (JSON.parse(held.value) as Record<string, Json>) : undefined;
    });
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
