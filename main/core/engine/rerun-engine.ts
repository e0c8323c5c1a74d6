import type { RenderTree, SessionStateEdit, SessionStateEntry, WidgetState } from "../../../common";
import type { AppScript, St } from "../../../common/api";
import { ComponentRegistry } from "./component";
import { ControlSignal } from "./errors";
import { toExceptionElement } from "./exceptions";
import { RunContext } from "./run-context";
import type { DueCallback } from "./session-state";
import { LoopJournal, type EngineHop } from "./journal";
import { SessionState } from "./session-state";
import { createSt } from "./st";
import { Fragments, replaceFragment } from "./fragments";
import { ValuePresenter } from "./snapshot";

/** One run as the host orders it: the runner and its worker hand it to the engine unchanged. */
export interface RunRequest {
  /** The host's number for the run; the runner matches the worker's answer by it. */
  runId: number;
  /** Every widget's state as the browser holds it (§7.1). */
  widgetStates: WidgetState[];
  /** Rerun only this fragment (an interaction inside it, or `st.rerun({scope: "fragment"})`); null: the whole script. */
  fragmentId: string | null;
  /** Session State panel edits, applied as script-side writes after callbacks, before the body. */
  edits: SessionStateEdit[];
}

export interface RunOutcome {
  /** ok: finished; error: finished with an exception; interrupted: preempted, nothing to render. */
  status: "ok" | "error" | "interrupted";
  tree: RenderTree;
  warnings: string[];
  entries: SessionStateEntry[];
  /** The whole JSON of the values `entries` summarise, by `fullValuePath`: the host keeps them for `sessionValue`. */
  fullValues: Record<string, string>;
  /** `st.rerun()` was called: the host should run again with the same widget states. */
  rerunRequested: boolean;
  /** With rerunRequested: only this fragment should run again. */
  rerunFragment: string | null;
  /** The fragment this run was limited to (null: the whole script ran). */
  fragmentId: string | null;
  /** What the loop debugger's timeline shows of this run: callbacks, triggers, reverts, remounts, data diffs. */
  hops: EngineHop[];
}

/**
 * One session's rerun loop, Streamlit's order (§7.2): reset triggers, apply the incoming widget
 * states (maps replace, defaults re-fill), run callbacks, run the body, reset triggers, drop
 * widgets the run did not create.
 */
export class RerunEngine {
  private readonly journal = new LoopJournal();
  readonly state = new SessionState(this.journal);
  private readonly registry = new ComponentRegistry(this.journal);
  private readonly fragments = new Fragments();
  private lastTree: RenderTree | null = null;
  private current: RunContext;
  private readonly st: St;

  constructor(
    private app: AppScript,
    private readonly appDir: string,
    private readonly interrupted: () => boolean = () => false,
  ) {
    this.current = new RunContext(this.state, appDir, interrupted);
    this.st = createSt(() => this.current, this.state, this.registry, this.fragments);
  }

  setApp(app: AppScript): void {
    this.app = app;
  }

  /** The run number is the host's bookkeeping; the engine does not need it. */
  async run(request: Omit<RunRequest, "runId">): Promise<RunOutcome> {
    const state = this.state;
    const fragment = request.fragmentId && this.lastTree ? this.fragments.targetFor(request.fragmentId) : null;
    const ctx = (this.current = new RunContext(state, this.appDir, this.interrupted, fragment?.target));
    state.beginRun();
    this.journal.beginRun();
    if (!fragment) this.fragments.beginFullRun();
    // §7.2 step 1: every incoming value is stored before the first callback runs.
    const callbacks = request.widgetStates.flatMap((ws) => state.receive(ws));
    let status: RunOutcome["status"] = "ok";
    let stopped = false;
    try {
      for (const callback of callbacks) this.runCallback(ctx, callback);
      for (const edit of request.edits) applyEdit(this.st.session_state, edit);
      if (fragment) ctx.within(fragment.target, () => fragment.record.body(...fragment.record.args));
      else await this.app(this.st);
      ctx.clearSubmittedForms();
    } catch (error) {
      if (error instanceof ControlSignal) {
        if (error.kind === "interrupted") status = "interrupted";
        if (error.kind === "rerun") ctx.rerunRequested = true;
        if (error.kind === "stop") stopped = true;
      } else {
        status = "error";
        ctx.emit(toExceptionElement(error));
      }
    }
    // Streamlit cleans up stale widgets only after a run that reached its end (§6); a stop,
    // rerun, exception or preemption keeps what the unexecuted part would have rendered.
    const complete = status === "ok" && !stopped && !ctx.rerunRequested;
    if (complete) state.removeStaleWidgets(fragment ? request.fragmentId! : null);
    // Entries are taken before triggers reset so the panel shows what this run saw.
    const values = new ValuePresenter();
    const entries = state.entries(values);
    state.resetTriggers();
    let tree: RenderTree = { main: ctx.main, sidebar: ctx.sidebar };
    if (fragment) tree = replaceFragment(this.lastTree!, request.fragmentId!, fragment.target.children);
    else if (status !== "interrupted") this.fragments.commitFullRun();
    if (status !== "interrupted") this.lastTree = tree;
    const hops = this.journal.endRun(status !== "interrupted" && !fragment);
    return {
      hops,
      status,
      tree,
      warnings: ctx.warnings,
      entries,
      fullValues: values.full,
      rerunRequested: ctx.rerunRequested,
      rerunFragment: ctx.rerunFragment,
      fragmentId: fragment ? request.fragmentId! : null,
    };
  }

  private runCallback(ctx: RunContext, { callback, instance, name }: DueCallback): void {
    const started = performance.now();
    let failure: unknown = null;
    try {
      callback();
    } catch (error) {
      // st.rerun() inside a callback is queued until all callbacks ran (§7.2).
      if (error instanceof ControlSignal && error.kind === "rerun") ctx.rerunRequested = true;
      else throw (failure = error);
    } finally {
      const error = failure === null ? null : failure instanceof Error ? `${failure.name}: ${failure.message}` : String(failure);
      this.journal.record({ kind: "callback", instance, name, durationMs: performance.now() - started, error });
    }
  }
}

function applyEdit(sessionState: Record<string, any>, edit: SessionStateEdit): void {
  if (edit.field === undefined) sessionState[edit.key] = edit.value;
  else sessionState[edit.key][edit.field] = edit.value;
}
