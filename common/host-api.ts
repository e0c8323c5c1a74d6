import * as v from "valibot";
import type { RunStream } from "./deltas";
import type { RenderedRun } from "./elements";
import { SessionStateEditSchema, SessionValueRequestSchema, type EditResult, type SessionStateSnapshot, type SessionValueResult } from "./session";
import type { HostStatus, LogEntry } from "./status";
import { RerunRequestSchema } from "./widget-state";
import { PreviewLoopBatchSchema, type LoopDelta, type LoopSnapshot } from "./loop-events";
import { RunIdSchema } from "./validation";
import type { ProjectTheme } from "./theme";
import { ScenarioNameSchema, type SwitchResult } from "./project";

/** A type the tables below carry without a runtime check: results and events come from our own host. */
declare const carried: unique symbol;
type Carries<T> = { readonly [carried]?: T };
const carries = <T>(): Carries<T> => ({});
type CarriedBy<C> = C extends Carries<infer T> ? T : never;

export interface HostSnapshot {
  status: HostStatus;
  /** The last rendered run, or null before the first run finished. */
  lastRun: RenderedRun | null;
  sessionState: SessionStateSnapshot;
  /** Bumped whenever the session restarts (new app): the preview must unmount everything. */
  sessionId: string;
  /** The loop debugger's timeline, findings and rerun gate. */
  loop: LoopSnapshot;
  /** The app's `.streamlit/config.toml` `[theme]`, or null when no config file has one. */
  projectTheme: ProjectTheme | null;
}

/**
 * The one contract between the workbench renderer and the script host: per method, the schema its
 * arguments must pass (they come from a renderer, the dispatcher checks them) and what it answers.
 * The wire's method names, the dispatcher, the renderer's client and the test fakes all follow
 * this table, so a new method is an entry here plus its handler in the host.
 */
export const HOST_METHODS = {
  /** Everything the workbench needs to draw itself after (re)connecting. */
  hello: { args: v.tuple([]), result: carries<HostSnapshot>() },
  /** Run the script again with these widget states (from the preview) or the last ones. */
  rerun: { args: v.tuple([RerunRequestSchema]), result: carries<void>() },
  /** Stop the current run (cooperatively, then by terminating the runner). State is kept. */
  stop: { args: v.tuple([]), result: carries<void>() },
  /** Apply a Session State panel edit as a script-side write, then rerun. */
  editSessionState: { args: v.tuple([SessionStateEditSchema]), result: carries<EditResult>() },
  /** One session-state value whole, for the panel's copy, save and edit of a value sent as a summary. */
  sessionValue: { args: v.tuple([SessionValueRequestSchema]), result: carries<SessionValueResult>() },
  /** The preview's hops of the loop, forwarded by the workbench: the host links them into its timeline. */
  recordLoop: { args: v.tuple([PreviewLoopBatchSchema]), result: carries<void>() },
  /**
   * The preview rendered this run, with its hops since the last batch; sent while recording. The
   * host holds its recording while a run and its render are in flight, so it costs the loop
   * nothing, and does it now.
   */
  runRendered: { args: v.tuple([RunIdSchema, PreviewLoopBatchSchema]), result: carries<void>() },
  /** Start or stop recording the timeline (the preview is told through the workbench). */
  setRecording: { args: v.tuple([v.boolean()]), result: carries<void>() },
  /** Forget the timeline's events and findings. */
  clearTimeline: { args: v.tuple([]), result: carries<void>() },
  /** Hold every rerun request until resumeReruns or stepRerun (nothing is dropped). */
  pauseReruns: { args: v.tuple([]), result: carries<void>() },
  /** Run what was held (coalesced, as Streamlit would) and stop holding. */
  resumeReruns: { args: v.tuple([]), result: carries<void>() },
  /** Run the oldest held request and keep holding the rest. */
  stepRerun: { args: v.tuple([]), result: carries<void>() },
  /** Open a source file of the app (relative to the app script's folder) in the system's editor: the desktop app only. */
  openInEditor: { args: v.tuple([v.pipe(v.string(), v.minLength(1), v.maxLength(4096))]), result: carries<void>() },
  /** Open another scenario of the project's loopwright.config.ts: a new session, as if opened afresh. */
  switchScenario: { args: v.tuple([ScenarioNameSchema]), result: carries<SwitchResult>() },
};

type HostMethodTable = typeof HOST_METHODS;
export type HostMethod = keyof HostMethodTable;
export type HostArgs<M extends HostMethod> = v.InferOutput<HostMethodTable[M]["args"]>;
export type HostResult<M extends HostMethod> = CarriedBy<HostMethodTable[M]["result"]>;
export type HostApi = { [M in keyof HostMethodTable]: (...args: HostArgs<M>) => Promise<HostResult<M>> };
export const HOST_METHOD_NAMES = Object.keys(HOST_METHODS) as HostMethod[];

/** Events the host pushes, with their payloads. */
const HOST_EVENTS = {
  status: carries<HostStatus>(),
  render: carries<RenderedRun>(),
  /** A run in progress streams its page (§14); its RenderedRun follows as `render`. */
  stream: carries<RunStream>(),
  sessionState: carries<SessionStateSnapshot>(),
  log: carries<LogEntry>(),
  loop: carries<LoopDelta>(),
  /** The project's theme changed on disk (null: no config file has a `[theme]` any more). */
  theme: carries<ProjectTheme | null>(),
  /** A new session started (another scenario): the workbench asks for a fresh snapshot. */
  session: carries<{ sessionId: string }>(),
};

type HostEventTable = typeof HOST_EVENTS;
export type HostEventName = keyof HostEventTable;
export type HostEvents = { [E in keyof HostEventTable]: CarriedBy<HostEventTable[E]> };
export const HOST_EVENT_NAMES = Object.keys(HOST_EVENTS) as HostEventName[];

/** Subscribes to one host event; the returned function unsubscribes. */
export type OnHostEvent = <E extends HostEventName>(event: E, listener: (payload: HostEvents[E]) => void) => () => void;

/** Anything that relays the host's events: the host itself, its bridges and its client. */
export interface HostEventSource {
  on: OnHostEvent;
}
