import { randomUUID } from "node:crypto";
import { statSync } from "node:fs";
import { basename, dirname } from "node:path";
import type {
  EditResult,
  HostEvents,
  HostSnapshot,
  HostStatus,
  LogEntry,
  OnHostEvent,
  RerunRequest,
  SessionStateEdit,
  SessionStateEntry,
  SessionStateSnapshot,
  SessionValueRequest,
  SessionValueResult,
  SwitchResult,
} from "../../../common";
import { Emitter, previewValue } from "../../../common";
import { LoopRecorder } from "../debugger/loop-recorder";
import { RerunGate } from "../debugger/rerun-gate";
import { diffSessionState } from "../debugger/state-diff";
import { validateEdit } from "../edits";
import { readSessionValue } from "../session-value";
import { appSourceFile } from "../source-files";
import { SourceWatcher } from "../watcher";
import type { ScriptHost, ScriptHostOptions } from "../types";
import type { CompanionMessage } from "./companion-protocol";
import { LoopMapper } from "./loop-mapper";
import { StreamlitProcess } from "./process";
import { RunCompletion } from "./run-completion";
import { createProtocol, type ElementFacts, type StreamlitProtocol } from "./protocol";
import { AppViewProxy, type AppConnection } from "./proxy";
import type { ProbeEvent } from "./probe";

export interface StreamlitHostOptions extends Omit<ScriptHostOptions, "workerPath"> {
  /** The interpreter that imports Streamlit (see interpreter.ts). */
  interpreter: string;
  /** Where loopwright_boot.py lives. */
  companionDir: string;
  /** Where Streamlit is started (its config and secrets are read from there too, as under `streamlit run`). */
  cwd: string;
  /** Who may frame the app view: the workbench's origin. */
  frameAncestors: string;
}

/** The browser connection whose session the workbench shows (the app view's; the latest tab). */
interface Viewed {
  connection: AppConnection;
  /** Streamlit's session id, once its first new_session said it. */
  session: string | null;
  /** The browser's last rerun request, to ask for more reruns with the same widget states. */
  lastRerun: Uint8Array | null;
  /** The elements Streamlit may refer to by hash (its forward message cache, per session). */
  elements: Map<string, ElementFacts>;
}

type Callback = Extract<CompanionMessage, { t: "callback" }>;

/** What the companion says of one run: the callbacks before its body, the Session State after it. */
interface CompanionReport {
  callbacks: Callback[];
  entries: SessionStateEntry[];
}

/** A rerun request held by the gate, and the timeline hop that asked for it. */
interface HeldRequest {
  connection: AppConnection;
  bytes: Uint8Array;
  causeId: string | null;
}

/** A run of the viewed session, from its new_session to its script_finished. */
interface Run {
  runId: number;
  startId: string;
  endId: string;
  startedAt: number;
  durationMs: number;
  fragmentId: string | null;
  exception: boolean;
  status: "done" | "exception" | "stopped" | "rerun" | "interrupted";
}

/**
 * The host of a real Streamlit app: the author's script on the author's Streamlit, in a process
 * of its own, behind Loopwright's proxy. It implements the same contract as the TypeScript host:
 * status, Session State, Rerun and Stop, panel edits, the timeline and findings, the rerun gate.
 * The app view is Streamlit's own frontend, so there is no render to publish: the workbench
 * frames `status.appView.url` instead of the emulator's preview.
 */
class StreamlitHost implements ScriptHost {
  private readonly events = new Emitter<HostEvents>();
  private readonly loop: LoopRecorder;
  private readonly mapper: LoopMapper;
  private readonly sessionId = randomUUID();
  private status: HostStatus;
  private sessionState: SessionStateSnapshot = { runId: 0, entries: [] };
  private viewed: Viewed | null = null;
  private run: Run | null = null;
  private lastRunId = 0;
  /** Requests, edits and flushes waiting for the run they cause: the first is its cause. */
  private causes: string[] = [];
  private readonly gate: RerunGate<HeldRequest>;
  private nextRequest = 1;
  private readonly completion = new RunCompletion<Run, CompanionReport>((run, report) => this.runCompleted(run, report));
  /** Callbacks the companion reported since its last run-end: Streamlit runs them before the body of the run they belong to. */
  private callbacks: Callback[] = [];
  private readonly editReceipts = new Map<number, (queued: boolean) => void>();
  private readonly valueRequests = new Map<number, (result: SessionValueResult) => void>();
  private disposed = false;
  /** The Python process exited on its own; Rerun starts it again. */
  private processGone = false;
  /** The last lines the process wrote, for when it dies. */
  private readonly outputTail: string[] = [];
  private restarting: Promise<void> | null = null;
  private restarts = 0;
  private readFailures = 0;
  private readonly sourceWatcher: SourceWatcher | null;
  private readonly sources = new Set<string>();
  private renewSources = true;

  constructor(
    private readonly options: StreamlitHostOptions,
    private process: StreamlitProcess,
    private protocol: StreamlitProtocol,
    private readonly proxy: AppViewProxy,
    url: string,
  ) {
    this.status = {
      state: "starting",
      runCount: 0,
      lastDurationMs: null,
      appPath: options.appPath,
      appName: basename(options.appPath),
      lastProblem: null,
      page: { layout: "centered", title: null },
      buildProblems: [],
      appView: { kind: "streamlit", url, streamlitVersion: process.hello.streamlit, python: options.interpreter },
    };
    this.loop = new LoopRecorder({
      cap: options.timelineCap,
      stormThreshold: options.stormThreshold,
      onDelta: (delta) => this.events.emit("loop", delta),
      onStorm: (finding) => this.gate.pause(finding.id),
    });
    // A script's own st.rerun() loop never crosses the proxy: the companion holds it while paused.
    this.gate = new RerunGate(this.loop, (paused) => this.process.send({ t: "gate", paused }));
    this.mapper = new LoopMapper(this.loop);
    // Short, like the emulator's component watcher: a save is one rerun, no compile.
    this.sourceWatcher = options.watch === false ? null : new SourceWatcher((paths) => this.sourcesSaved(paths.map((path) => basename(path))), 30);
    this.attach(process);
  }

  private attach(process: StreamlitProcess): void {
    process.companion.on("message", (message) => {
      try {
        this.fromCompanion(message);
      } catch (error) {
        // The companion speaks for the author's process: nothing it says may take the workbench down.
        this.log("warn", `Loopwright could not use a message from its companion (${(error as Error).message.slice(0, 300)}).`);
      }
    });
    process.companion.on("invalid", (why) => this.log("warn", `Loopwright's companion sent a message Loopwright could not read (${why}).`));
    void process.exited.then(({ code, signal }) => {
      if (process === this.process) this.processExited(code, signal);
    });
  }

  /**
   * After the author's process died (os._exit, a segfault in an extension, an OOM kill), Rerun
   * starts it again: the proxy points at the new server and Streamlit's frontend reconnects by
   * itself, as it does when `streamlit run` is restarted. Session state starts over, as it would.
   */
  private restart(): Promise<void> {
    this.restarting ??= (async () => {
      this.setStatus({ state: "starting", lastProblem: null });
      try {
        const next = await startProcess(this.options, (line, stream) => this.output(line, stream));
        this.protocol = createProtocol(Buffer.from(next.hello.descriptors, "base64"), next.hello.streamlit);
        this.process = next;
        this.processGone = false;
        this.attach(next);
        next.send({ t: "gate", paused: this.gate.paused });
        this.proxy.retarget(next.serverUrl);
        this.restarts++;
        // A new src makes the workbench load the app view afresh: a page that outlived its server does not always ask for a run.
        const appView = this.status.appView!;
        this.setStatus({ appView: { ...appView, url: `${appView.url.split("#")[0]}#restart-${this.restarts}` } });
        this.log("info", "Streamlit was started again; the app view reloads.");
      } catch (error) {
        const why = `Streamlit could not be started again: ${(error as Error).message}`;
        this.log("error", why);
        this.setStatus({ state: "error", lastProblem: why.split("\n")[0] });
      }
    })().finally(() => {
      this.restarting = null;
    });
    return this.restarting;
  }

  on: OnHostEvent = (event, listener) => this.events.on(event, listener);

  async hello(): Promise<HostSnapshot> {
    return { status: this.status, lastRun: null, sessionState: this.sessionState, sessionId: this.sessionId, loop: this.loop.snapshot(), projectTheme: null };
  }

  // ---- the proxy's side: what the browser and Streamlit say to each other ----

  opened(connection: AppConnection): void {
    // The newest tab is the one the author looks at (the app view reloads as a new connection).
    this.viewed = { connection, session: null, lastRerun: null, elements: new Map() };
    this.run = null;
    this.completion.reset();
    this.callbacks = [];
    this.mapper.forgetBrowser();
  }

  closed(connection: AppConnection): void {
    if (this.viewed?.connection !== connection) return;
    this.viewed = null;
    this.gate.drop((held) => held.connection === connection);
  }

  fromBrowser(connection: AppConnection, bytes: Uint8Array): "forward" | "hold" {
    const viewed = this.viewed;
    if (viewed?.connection !== connection) return "forward";
    const facts = this.protocol.readBack(bytes);
    if (facts.type !== "rerun_script") return "forward";
    viewed.lastRerun = bytes;
    const causeId = this.mapper.flush(facts, this.lastRunId);
    if (this.gate.hold({ connection, bytes, causeId })) return "hold";
    this.causes.push(causeId);
    return "forward";
  }

  fromServer(connection: AppConnection, bytes: Uint8Array): void {
    if (this.viewed?.connection !== connection) return;
    const facts = this.protocol.readForward(bytes);
    switch (facts.type) {
      case "new_session":
        if (facts.sessionId) this.viewed.session = facts.sessionId;
        this.runStarted(facts.fragmentIdsThisRun[0] ?? null);
        return;
      case "delta":
        // Streamlit sends a big element once, then only its hash while the frontend still has it.
        if (facts.cacheable && facts.hash && facts.element) remember(this.viewed.elements, facts.hash, facts.element);
        this.element(facts.element, facts.deltaPath);
        return;
      case "ref_hash":
        this.element(this.viewed.elements.get(facts.refHash) ?? null, facts.deltaPath);
        return;
      case "script_finished":
        this.runFinished(facts.status);
        return;
      default:
        return;
    }
  }

  private element(element: ElementFacts | null, deltaPath: number[]): void {
    if (!this.run || !element) return;
    if (element.bidi) this.mapper.component(element.bidi, deltaPath, this.run.runId, this.run.endId);
    else if (element.widgetId) this.mapper.widgetRendered(element.widgetId, element.type);
    if (element.exception) this.run.exception = true;
  }

  /** A message the host could not read went on unread: the app works, the timeline misses a hop. */
  readFailed(error: Error): void {
    const message = `Loopwright could not read a message between Streamlit's frontend and server (${error.message.slice(0, 300)}); it was passed on, and the timeline may miss a hop.`;
    if (this.readFailures++ < 3) this.log("warn", message);
  }

  probe(events: ProbeEvent[]): void {
    this.mapper.userActed(events);
  }

  // ---- the workbench's side ----

  async rerun({ source, causeId }: RerunRequest): Promise<void> {
    if (this.processGone) return this.restart();
    // The emulator's preview asks for reruns through the workbench; Streamlit's frontend asks Streamlit directly.
    const cause = source === "preview" && causeId ? causeId : this.loop.record({ kind: "request", causeId: null, source: source === "preview" ? "api" : source, detail: null });
    this.requestRerun(cause);
  }

  async stop(): Promise<void> {
    if (this.loop.automaticStreak > 0) this.gate.pause("stop");
    if (!this.run) return;
    this.mapper.stopRequested = true;
    this.viewed?.connection.toServer(this.protocol.stopScript());
  }

  async editSessionState(edit: SessionStateEdit): Promise<EditResult> {
    const problem = validateEdit(this.sessionState.entries, edit);
    if (problem) return { ok: false, error: problem };
    const viewed = this.viewed;
    if (!viewed?.session) return { ok: false, error: "The app view is not connected to Streamlit yet; try again once it has run." };
    const id = this.nextRequest++;
    const queued = new Promise<boolean>((resolve) => {
      this.editReceipts.set(id, resolve);
      setTimeout(() => {
        if (this.editReceipts.delete(id)) resolve(false);
      }, EDIT_RECEIPT_MS).unref();
    });
    this.process.send({ t: "edit", id, session: viewed.session, key: edit.key, field: edit.field ?? null, value: edit.value });
    const cause = this.loop.record({ kind: "edit", causeId: null, key: edit.key, field: edit.field ?? null, instance: edit.field === undefined ? null : edit.key, name: edit.field ?? null, value: previewValue(edit.value) });
    // The edit travels on the companion's socket, the rerun on Streamlit's: the rerun waits until the edit is in place.
    if (!(await queued)) {
      this.process.send({ t: "cancel-edit", id });
      return { ok: false, error: `Streamlit did not take the edit within ${EDIT_RECEIPT_MS / 1000} s; nothing was changed.` };
    }
    this.requestRerun(cause);
    return { ok: true };
  }

  async sessionValue(request: SessionValueRequest): Promise<SessionValueResult> {
    const local = readSessionValue(this.sessionState.entries, {}, request);
    if (!local.ok || !isSummarised(this.sessionState.entries, request)) return local;
    const session = this.viewed?.session;
    if (!session) return { ok: false, error: "The app view is not connected to Streamlit." };
    const id = this.nextRequest++;
    return new Promise((resolve) => {
      this.valueRequests.set(id, resolve);
      this.process.send({ t: "value", id, session, key: request.key, field: request.field ?? null, kind: request.kind ?? null });
      setTimeout(() => {
        if (this.valueRequests.delete(id)) resolve({ ok: false, error: "Streamlit did not answer within 10 s." });
      }, 10_000).unref();
    });
  }

  async recordLoop(): Promise<void> {
    // The emulator's preview records hops; Streamlit's frontend is observed by the proxy and the probe instead.
  }

  async runRendered(): Promise<void> {}

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
    // Streamlit coalesces requests that arrive while a run is in progress, as it would have.
    for (const request of requests) this.release(request, cause);
  }

  async stepRerun(): Promise<void> {
    const next = this.gate.step();
    if (next) this.release(next.request, next.cause);
  }

  async openInEditor(file: string): Promise<void> {
    if (!this.options.openFile) throw new Error("Opening files in an editor needs the desktop app (loopwright start); copy the location instead.");
    const source = appSourceFile(dirname(this.options.appPath), file);
    if (!source.ok) throw new Error(source.error);
    await this.options.openFile(source.path);
  }

  async switchScenario(): Promise<SwitchResult> {
    return { ok: false, error: "This app was opened as a single script; list scenarios in a loopwright.config.ts to switch between them." };
  }

  async dispose(): Promise<void> {
    this.disposed = true;
    this.sourceWatcher?.close();
    await this.restarting;
    await this.proxy.close();
    await this.process.stop();
  }

  // ---- runs ----

  private requestRerun(cause: string): void {
    const viewed = this.viewed;
    if (!viewed) return;
    const bytes = this.protocol.rerunFrom(viewed.lastRerun);
    if (this.gate.hold({ connection: viewed.connection, bytes, causeId: cause })) return;
    this.causes.push(cause);
    viewed.connection.toServer(bytes);
  }

  private release(request: HeldRequest, by: string): void {
    this.causes.push(by);
    if (request.causeId) this.causes.push(request.causeId);
    request.connection.toServer(request.bytes);
  }

  private runStarted(fragmentId: string | null): void {
    // A run that another preempted ends where the next begins (Streamlit sends no script_finished for it).
    if (this.run) this.runFinished("FINISHED_EARLY_FOR_RERUN");
    const runId = ++this.lastRunId;
    this.loop.runId = runId;
    const [causeId = this.fileCause(), ...alsoCausedBy] = this.causes;
    this.causes = [];
    const startId = this.loop.record({ kind: "run-start", causeId, alsoCausedBy, fragmentId, runId });
    this.run = { runId, startId, endId: this.loop.reserve(), startedAt: performance.now(), durationMs: 0, fragmentId, exception: false, status: "done" };
    this.completion.started(this.run);
    this.mapper.runStarted(runId, startId, this.sessionState.entries);
    this.setStatus({ state: "running" });
  }

  private runFinished(streamlitStatus: string): void {
    const run = this.run;
    if (!run) return;
    this.run = null;
    run.durationMs = performance.now() - run.startedAt;
    // A run ends early for a rerun when a newer request came in (it waits in `causes`), or when the script called st.rerun().
    run.status = runStatus(streamlitStatus, run.exception, this.mapper.stopRequested, this.causes.length > 0);
    this.loop.record({ kind: "run-end", causeId: run.startId, status: run.status, durationMs: run.durationMs, fragmentId: run.fragmentId, runId: run.runId }, run.endId);
    this.mapper.runEnded();
    if (run.status === "rerun") this.causes.push(this.loop.record({ kind: "request", causeId: run.endId, source: "st.rerun", detail: null, runId: run.runId }));
    this.completion.finished(run);
  }

  /** The run has ended and the companion's report of it is in (or overdue): now it counts as finished. */
  private runCompleted(run: Run, report: CompanionReport | null): void {
    for (const callback of report?.callbacks ?? []) {
      this.loop.record({ kind: "callback", causeId: run.startId, runId: run.runId, instance: callback.key, name: callback.name, durationMs: callback.durationMs, error: callback.error });
    }
    if (report) this.snapshotTaken(report.entries, run);
    this.setStatus({
      state: this.run ? "running" : "idle",
      runCount: this.status.runCount + 1,
      lastDurationMs: Math.round(run.durationMs),
      lastProblem: run.status === "exception" ? "The script raised an exception (shown in the app)." : null,
    });
  }

  /** A run nothing in the loop asked for: Streamlit reran the app because a source file was saved (runOnSave). */
  private fileCause(): string | null {
    if (this.lastRunId === 1) return null;
    try {
      if (Date.now() - statSync(this.options.appPath).mtimeMs > 5_000) return null;
    } catch {
      return null;
    }
    return this.loop.record({ kind: "request", causeId: null, source: "file", detail: basename(this.options.appPath) });
  }

  // ---- the companion ----

  private fromCompanion(message: CompanionMessage): void {
    switch (message.t) {
      case "run-end":
        if (message.session !== this.viewed?.session && this.viewed?.session) return;
        this.completion.snapshot({ entries: message.entries as SessionStateEntry[], callbacks: this.callbacks });
        this.callbacks = [];
        this.watchSources(message.sources);
        return;
      case "components-changed":
        this.sourcesSaved(message.names);
        return;
      case "callback":
        if (message.session !== this.viewed?.session && this.viewed?.session) return;
        this.callbacks.push(message);
        return;
      case "log": {
        const entry: LogEntry = {
          level: message.level,
          message: message.stack ? `${message.message}\n${message.stack}` : message.message,
          at: Date.now(),
          runId: this.lastRunId || null,
          source: message.source === "companion" ? "host" : "script",
          location: message.location ? { file: message.location.file, line: message.location.line, column: null, inline: false } : null,
        };
        this.events.emit("log", entry);
        this.loop.record({ kind: "console", causeId: null, level: message.level, message: message.message.slice(0, 64 * 1024), source: entry.source === "host" ? "host" : "script" });
        return;
      }
      case "rerun-held": {
        const viewed = this.viewed;
        if (!viewed || message.session !== viewed.session) return;
        const cause = this.loop.record({ kind: "request", causeId: null, source: "st.rerun", detail: "held while reruns are paused" });
        if (!this.gate.hold({ connection: viewed.connection, bytes: this.protocol.rerunFrom(viewed.lastRerun), causeId: cause })) this.requestRerun(cause);
        return;
      }
      case "edit-queued":
        this.editReceipts.get(message.id)?.(true);
        this.editReceipts.delete(message.id);
        return;
      case "edit-applied":
        if (!message.ok) this.log("error", `The Session State edit was not applied: ${message.error ?? "Streamlit refused it"}`);
        return;
      case "value": {
        const resolve = this.valueRequests.get(message.id);
        this.valueRequests.delete(message.id);
        resolve?.(message.json === null ? { ok: false, error: message.error ?? "no such value" } : { ok: true, json: message.json });
        return;
      }
      default:
        return;
    }
  }

  private snapshotTaken(entries: SessionStateEntry[], run: Run): void {
    const before = this.sessionState.entries;
    const { runId } = run;
    this.sessionState = { runId, entries: this.mapper.withBrowserHolds(entries) };
    this.events.emit("sessionState", this.sessionState);
    const diff = diffSessionState(before, entries);
    if (diff) this.loop.record({ ...diff, causeId: run.endId, runId });
    this.loop.noteCallbackNames(entries.flatMap((entry) => (entry.kind === "component" ? [{ instance: entry.key, callbackNames: entry.callbackNames }] : [])));
  }

  // ---- component sources ----

  /** The js/css/html files the script read for its components: Streamlit does not rerun when they are saved, Loopwright does. */
  private watchSources(paths: readonly string[]): void {
    if (!this.sourceWatcher) return;
    const before = this.sources.size;
    for (const path of paths) this.sources.add(path);
    if (this.sources.size === before && !this.renewSources) return;
    this.sourceWatcher.watch([...this.sources], this.renewSources);
    this.renewSources = false;
  }

  private sourcesSaved(names: readonly string[]): void {
    // An editor or bundler may replace the file: watch the new one from the next run's list.
    this.renewSources = true;
    if (this.processGone) return;
    this.requestRerun(this.loop.record({ kind: "request", causeId: null, source: "file", detail: names.join(", ").slice(0, 200) }));
  }

  // ---- status, logs ----

  private processExited(code: number | null, signal: NodeJS.Signals | null): void {
    if (this.disposed) return;
    this.processGone = true;
    this.run = null;
    this.completion.reset();
    const why = `Streamlit exited (${signal ?? `exit code ${code}`}). Rerun starts it again.`;
    const tail = this.outputTail.filter((line) => line.trim()).slice(-12);
    this.log("error", tail.length ? `${why}\nIts last output:\n${tail.join("\n")}` : why);
    this.setStatus({ state: "error", lastProblem: why });
  }

  private log(level: LogEntry["level"], message: string): void {
    this.events.emit("log", { level, message, at: Date.now(), runId: this.lastRunId || null, source: "host" });
  }

  private setStatus(change: Partial<HostStatus>): void {
    this.status = { ...this.status, ...change };
    this.events.emit("status", this.status);
  }

  /** Streamlit's own output: its warnings and errors belong in the Log (the author's prints come through the companion). */
  output(line: string, stream: "stdout" | "stderr"): void {
    this.outputTail.push(line);
    if (this.outputTail.length > 50) this.outputTail.shift();
    // The author's prints and logging come through the companion, with their file and line; here only Streamlit's own log lines.
    if (stream === "stderr" && STREAMLIT_LOG_LINE.test(line)) this.log("warn", line);
  }
}

/** How long a panel edit may take to reach the companion before it is given up (nothing changes then). */
const EDIT_RECEIPT_MS = 5_000;

/** Streamlit's logger prefixes its lines with a timestamp ("2026-12-07 15:26:18.971 …"). */
const STREAMLIT_LOG_LINE = /^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d/;

/** Streamlit's frontend keeps its element cache for a few runs; this map keeps the newest elements, a bounded number. */
const ELEMENT_CACHE = 5_000;

function remember(cache: Map<string, ElementFacts>, hash: string, element: ElementFacts): void {
  cache.delete(hash);
  cache.set(hash, element);
  if (cache.size > ELEMENT_CACHE) cache.delete(cache.keys().next().value!);
}

function runStatus(streamlit: string, exception: boolean, stopped: boolean, preempted: boolean): "done" | "exception" | "stopped" | "rerun" | "interrupted" {
  if (stopped) return "stopped";
  if (streamlit === "FINISHED_WITH_COMPILE_ERROR" || exception) return "exception";
  if (streamlit === "FINISHED_EARLY_FOR_RERUN") return preempted ? "interrupted" : "rerun";
  return "done";
}

function isSummarised(entries: SessionStateEntry[], request: SessionValueRequest): boolean {
  const entry = entries.find((e) => e.key === request.key);
  if (!entry) return false;
  if (entry.kind !== "component") return entry.summary !== undefined;
  if (request.field === undefined) return !!(entry.stateSummaries || entry.triggerSummaries);
  return !!(request.kind === "trigger" ? entry.triggerSummaries?.[request.field] : entry.stateSummaries?.[request.field]);
}

/** Starts Streamlit with the companion, its proxy, and the host over both. */
function startProcess(options: StreamlitHostOptions, onOutput: (line: string, stream: "stdout" | "stderr") => void): Promise<StreamlitProcess> {
  return StreamlitProcess.start({ python: options.interpreter, appPath: options.appPath, cwd: options.cwd, companionDir: options.companionDir, onOutput });
}

export async function createStreamlitHost(options: StreamlitHostOptions): Promise<ScriptHost> {
  let host: StreamlitHost | null = null;
  const early: [string, "stdout" | "stderr"][] = [];
  const process = await startProcess(options, (line, stream) => (host ? host.output(line, stream) : early.push([line, stream])));
  try {
    const protocol = createProtocol(Buffer.from(process.hello.descriptors, "base64"), process.hello.streamlit);
    let target: StreamlitHost | null = null;
    const proxy = new AppViewProxy(
      process.serverUrl,
      {
        opened: (connection) => target?.opened(connection),
        closed: (connection) => target?.closed(connection),
        fromBrowser: (connection, bytes) => target?.fromBrowser(connection, bytes) ?? "forward",
        fromServer: (connection, bytes) => target?.fromServer(connection, bytes),
        probe: (events) => target?.probe(events),
        failed: (error) => target?.readFailed(error),
      },
      options.frameAncestors,
    );
    const url = await proxy.listen();
    host = target = new StreamlitHost(options, process, protocol, proxy, url);
    for (const [line, stream] of early) host.output(line, stream);
    return host;
  } catch (error) {
    await process.stop();
    throw error;
  }
}
