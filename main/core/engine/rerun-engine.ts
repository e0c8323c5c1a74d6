import { isDeepStrictEqual } from "node:util";
import type { RenderTree, SessionStateEdit, WidgetState } from "../../../common";
import { INTERNAL_KEY_PREFIX, TRIGGER_SUFFIX } from "../../../common";
import type { AppScript, St } from "../../../common/api";
import { ComponentRegistry } from "./component";
import { ControlSignal } from "./errors";
import { toExceptionElement } from "./exceptions";
import { RunContext, RunContext as Ctx } from "./run-context";
import type { Callback, NativeMeta, StateMap, TriggerEvent } from "./session-state";
import { SessionState, isPlainObject, isTrigger } from "./session-state";
import { snapshotEntries } from "./snapshot";
import { createSt } from "./st";
import { Fragments, replaceFragment } from "./fragments";
import type { SessionStateEntry } from "../../../common";

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
  /** `st.rerun()` was called: the host should run again with the same widget states. */
  rerunRequested: boolean;
  /** With rerunRequested: only this fragment should run again. */
  rerunFragment: string | null;
  /** The fragment this run was limited to (null: the whole script ran). */
  fragmentId: string | null;
}

type Pending = { callback: Callback; label: string };

/**
 * One session's rerun loop, Streamlit's order (§7.2): reset triggers, apply the incoming widget
 * states (maps replace, defaults re-fill), run callbacks, run the body, reset triggers, drop
 * widgets the run did not create.
 */
export class RerunEngine {
  readonly state = new SessionState();
  private readonly registry = new ComponentRegistry();
  private readonly fragments = new Fragments();
  private lastTree: RenderTree | null = null;
  private current: Ctx;
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
    state.resetTriggers();
    state.beginRun();
    if (!fragment) this.fragments.beginFullRun();
    const pending = this.applyWidgetStates(request.widgetStates);
    let status: RunOutcome["status"] = "ok";
    let stopped = false;
    try {
      for (const { callback } of pending) this.runCallback(ctx, callback);
      for (const edit of request.edits) applyEdit(this.st.session_state, edit);
      ctx.phase = "body";
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
    const entries = snapshotEntries(state);
    state.resetTriggers();
    let tree: RenderTree = { main: ctx.main, sidebar: ctx.sidebar };
    if (fragment) tree = replaceFragment(this.lastTree!, request.fragmentId!, fragment.target.children);
    else if (status !== "interrupted") this.fragments.commitFullRun();
    if (status !== "interrupted") this.lastTree = tree;
    return {
      status,
      tree,
      warnings: ctx.warnings,
      entries,
      rerunRequested: ctx.rerunRequested,
      rerunFragment: ctx.rerunFragment,
      fragmentId: fragment ? request.fragmentId! : null,
    };
  }

  private runCallback(ctx: Ctx, callback: Callback): void {
    try {
      callback();
    } catch (error) {
      // st.rerun() inside a callback is queued until all callbacks ran (§7.2).
      if (error instanceof ControlSignal && error.kind === "rerun") ctx.rerunRequested = true;
      else throw error;
    }
  }

  /** §7.2 step 1: store incoming values; collect callbacks in message order. */
  private applyWidgetStates(widgetStates: WidgetState[]): Pending[] {
    const state = this.state;
    const pending: Pending[] = [];
    for (const ws of widgetStates) {
      if (ws.type === "json_trigger_value") {
        const id = aggregatorOwner(ws.id);
        if (id === null) continue;
        const events = parseTriggerList(ws.value);
        state.events.set(id, events);
        const seen = state.seenTriggers.get(id) ?? new Set<string>();
        state.seenTriggers.set(id, seen);
        for (const { event } of events) seen.add(event);
        const meta = state.meta.get(id);
        if (meta?.kind !== "bidi_component") continue;
        for (const { event } of events) {
          const callback = meta.callbacks.get(event);
          if (callback) pending.push({ callback, label: `on_${event}_change` });
        }
      } else if (ws.type === "json_value") {
        const incoming = parseStateMap(ws.value);
        const meta = state.meta.get(ws.id);
        if (meta?.kind !== "bidi_component") {
          state.incoming.set(ws.id, incoming);
          continue;
        }
        const next = { ...(meta.defaults ?? {}), ...incoming };
        const previous = state.componentMap(ws.id);
        state.values.set(ws.id, next);
        for (const name of changedKeys(previous, next)) {
          const callback = meta.callbacks.get(name);
          if (callback) pending.push({ callback, label: `on_${name}_change` });
        }
      } else if (ws.type === "trigger_value") {
        const meta = state.meta.get(ws.id);
        if (!ws.value || !isTrigger(meta)) continue;
        state.fired.add(ws.id);
        const onClick = (meta as NativeMeta).onChange;
        if (onClick) pending.push({ callback: onClick, label: "on_click" });
      } else {
        const meta = state.meta.get(ws.id);
        if (meta?.kind === "bidi_component" || isTrigger(meta)) continue;
        if (!meta?.fromWire) {
          // Not registered by the last run (or the runner was replaced): decoded when it mounts.
          state.incomingValues.set(ws.id, ws.value);
          continue;
        }
        const value = meta.fromWire(ws.value);
        if (state.values.has(ws.id) && isDeepStrictEqual(state.values.get(ws.id), value)) continue;
        state.values.set(ws.id, value);
        if (meta.onChange) pending.push({ callback: meta.onChange, label: "on_change" });
      }
    }
    return pending;
  }
}

function applyEdit(sessionState: Record<string, any>, edit: SessionStateEdit): void {
  if (edit.field === undefined) sessionState[edit.key] = edit.value;
  else sessionState[edit.key][edit.field] = edit.value;
}

function aggregatorOwner(id: string): string | null {
  if (!id.startsWith(INTERNAL_KEY_PREFIX) || !id.endsWith(TRIGGER_SUFFIX)) return null;
  return id.slice(INTERNAL_KEY_PREFIX.length, -TRIGGER_SUFFIX.length);
}

/** The browser's map; anything that is not a JSON object reads as {} (§9). */
function parseStateMap(text: string): StateMap {
  try {
    const value = JSON.parse(text);
    return isPlainObject(value) ? value : {};
  } catch {
    return {};
  }
}

/** Aggregator payloads; a non-list is wrapped in a list (§9). */
function parseTriggerList(text: string): TriggerEvent[] {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return [];
  }
  const list = Array.isArray(value) ? value : [value];
  return list
    .filter((item): item is { event: string; value?: unknown } => isPlainObject(item) && typeof item.event === "string")
    .map((item) => ({ event: item.event, value: item.value ?? null }));
}

/** Shallow diff over the union of keys (Python `!=` on JSON values = deep equality). */
function changedKeys(previous: StateMap, next: StateMap): string[] {
  const keys = new Set([...Object.keys(previous), ...Object.keys(next)]);
  return [...keys].filter((k) => !(k in previous) || !(k in next) || !isDeepStrictEqual(previous[k], next[k]));
}
