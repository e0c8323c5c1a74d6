import { AsyncLocalStorage } from "node:async_hooks";
import type { AppElement, RenderTree, SessionStateEdit, SessionStateEntry, WidgetState } from "../../../common";
import type { AppScript, St } from "../../../common/api";
import type { BuildProblem } from "../../../common";
import { ComponentRegistry, type ComponentSources } from "./component";
import { ControlSignal } from "./errors";
import { toExceptionElement, traceRows } from "./exceptions";
import { RunContext, type DeltaSink } from "./run-context";
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
  /** What `st.set_page_config` set in this run. */
  page: RunContext["page"];
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
  /** An interrupted run: the author's frame of the st call where it stopped (`app (app.ts:12:6)`), if any. */
  interruptedAt?: string | null;
  /** The files the components were read from (the host watches them) and those failing to build. */
  componentSources: ComponentSources;
  componentProblems: BuildProblem[];
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
  /**
   * The run an st call belongs to, carried through the script's awaits: a call from a run that was
   * preempted while awaiting reaches its own (finished) context, never the run that replaced it.
   */
  private readonly runs = new AsyncLocalStorage<RunContext>();
  /** Ends the run in progress now, even while the script awaits (set while a run is in progress). */
  private abort: (() => void) | null = null;
  private readonly st: St;

  constructor(
    private app: AppScript,
    private readonly appDir: string,
    private readonly interrupted: () => boolean = () => false,
  ) {
    this.current = new RunContext(this.state, appDir, interrupted);
    this.st = createSt(() => this.runs.getStore() ?? this.current, this.state, this.registry, this.fragments);
  }

  /**
   * A stop or a newer rerun: a script busy in st calls stops at its next one (the interrupt flag);
   * a script awaiting stops now, and what it does after its await is refused.
   */
  interrupt(): void {
    this.abort?.();
  }

  setApp(app: AppScript): void {
    this.app = app;
  }

  /** The run number is the host's bookkeeping; the engine does not need it. */
  async run(request: Omit<RunRequest, "runId">, sink: DeltaSink = null): Promise<RunOutcome> {
    const state = this.state;
    const fragment = request.fragmentId && this.lastTree ? this.fragments.targetFor(request.fragmentId) : null;
    const ctx = (this.current = new RunContext(state, this.appDir, this.interrupted, fragment?.target, sink));
    state.beginRun();
    this.journal.beginRun();
    if (!fragment) this.fragments.beginFullRun();
    // §7.2 step 1: every incoming value is stored before the first callback runs.
    const callbacks = request.widgetStates.flatMap((ws) => state.receive(ws));
    let status: RunOutcome["status"] = "ok";
    let stopped = false;
    let interruptedAt: string | null = null;
    const script = this.runs.run(ctx, async () => {
      for (const callback of callbacks) this.runCallback(ctx, callback);
      for (const edit of request.edits) applyEdit(this.st.session_state, edit);
      if (fragment) await ctx.within(fragment.target, () => fragment.record.body(...fragment.record.args));
      else {
        // Called unbound: a method call would name the author's frame `RerunEngine.app` in traces.
        const app = this.app;
        await app(this.st);
      }
      await ctx.settleBodies();
    });
    const aborted = new Promise<never>((_, reject) => (this.abort = () => reject(new ControlSignal("interrupted"))));
    // The abandoned script's own rejection (its next st call after an abort) has nobody left to tell.
    script.catch(() => {});
    try {
      await Promise.race([script, aborted]);
    } catch (error) {
      if (error instanceof ControlSignal) {
        if (error.kind === "interrupted") {
          status = "interrupted";
          interruptedAt = traceRows(error.stack ?? "")[0] ?? null;
        }
        if (error.kind === "rerun") ctx.rerunRequested = true;
        if (error.kind === "stop") stopped = true;
      } else {
        status = "error";
        ctx.emit(toExceptionElement(error));
      }
    }
    this.abort = null;
    ctx.finish();
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
    // A run that ends for a rerun leaves the previous run's leftovers on the page (§14).
    if (ctx.rerunRequested && this.lastTree) tree = overlayTree(this.lastTree, tree);
    else if (status !== "interrupted") this.fragments.commitFullRun();
    if (status !== "interrupted") this.lastTree = tree;
    const hops = this.journal.endRun(status !== "interrupted" && !fragment);
    return {
      hops,
      status,
      tree,
      warnings: ctx.warnings,
      page: ctx.page,
      entries,
      fullValues: values.full,
      rerunRequested: ctx.rerunRequested,
      rerunFragment: ctx.rerunFragment,
      fragmentId: fragment ? request.fragmentId! : null,
      interruptedAt,
      componentSources: this.registry.sources(),
      componentProblems: this.registry.problems(),
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

/** `next` over `previous`: what the page shows when `next`'s deltas were applied and nothing was cleared (§14). */
export function overlayTree(previous: RenderTree, next: RenderTree): RenderTree {
  return { main: overlay(previous.main, next.main), sidebar: overlay(previous.sidebar, next.sidebar) };
}

function overlay(previous: AppElement[], next: AppElement[]): AppElement[] {
  const merged = next.map((element, i) => {
    const before = previous[i];
    const inherits = element.type === "block" && before?.type === "block" && before.kind === element.kind;
    return inherits ? { ...element, children: overlay(before.children, element.children) } : element;
  });
  return [...merged, ...previous.slice(next.length)];
}

function applyEdit(sessionState: Record<string, any>, edit: SessionStateEdit): void {
  if (edit.field === undefined) sessionState[edit.key] = edit.value;
  else sessionState[edit.key][edit.field] = edit.value;
}
