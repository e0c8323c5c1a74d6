import type { AppElement, BlockElement } from "../../../common";
import type { StatusOptions, StatusState, ToastOptions } from "../../../common/api";
import { ControlSignal, StreamlitAPIException } from "./errors";
import type { RunContext, Target } from "./run-context";

/** Elements that tell the user what the app is doing: st.toast, st.spinner, st.status (§15). */

const TOAST_SECONDS = { short: 4, long: 10, infinite: null } as const;

/** Returns the toast's placeholder: Python returns its DeltaGenerator, whose `.toast()` rewrites the same toast. */
export function toast(ctx: RunContext, body: unknown, options: ToastOptions = {}): Target {
  ctx.checkpoint();
  const text = String(body ?? "");
  if (text === "") throw StreamlitAPIException("Toast body cannot be blank - please provide a message.");
  const duration = options.duration ?? "short";
  const seconds = typeof duration === "number" ? duration : TOAST_SECONDS[duration];
  if (seconds === undefined || (typeof duration === "number" && !(Number.isFinite(duration) && duration > 0))) {
    throw StreamlitAPIException(`\`duration\` must be one of "short", "long", "infinite", or a positive number of seconds, got ${JSON.stringify(duration)}.`);
  }
  const slot = ctx.placeholder();
  ctx.within(slot, () => ctx.emit({ type: "toast", body: text, icon: options.icon ?? null, duration: seconds }));
  return slot;
}

/** Streamlit shows the spinner only after this long, so a quick body does not flicker. */
export const SPINNER_DELAY_MS = 500;

/**
 * `with st.spinner(text):` — a placeholder that shows the spinner once the body has run for
 * SPINNER_DELAY_MS and is emptied when it ends. Only an async body lets the delay pass while it
 * runs, as a synchronous one holds the worker until it returns.
 */
export function spinner<T>(ctx: RunContext, text: unknown, body: () => T): T {
  ctx.checkpoint();
  const slot = ctx.placeholder();
  // A run that ended meanwhile (stopped, preempted) is left as it was.
  const show = (element: AppElement) => {
    try {
      ctx.checkpoint();
    } catch {
      return;
    }
    ctx.within(slot, () => ctx.emit(element));
  };
  const timer = setTimeout(() => show({ type: "spinner", text: String(text ?? "") }), SPINNER_DELAY_MS);
  const done = () => {
    clearTimeout(timer);
    show({ type: "empty" });
  };
  return settle(body, done, done);
}

/** Runs `body`, then `ok` or `failed(error)` once it has finished, whether it is sync or async; the result or error passes through. */
export function settle<T>(body: () => T, ok: () => void, failed: (error: unknown) => void): T {
  let result: T;
  try {
    result = body();
  } catch (error) {
    failed(error);
    throw error;
  }
  if (!(result instanceof Promise)) {
    ok();
    return result;
  }
  return result.then(
    (value) => (ok(), value),
    (error) => {
      failed(error);
      throw error;
    },
  ) as T;
}

const STATUS_STATES = ["running", "complete", "error"];

function checkState(state: unknown): StatusState {
  if (!STATUS_STATES.includes(state as string)) throw StreamlitAPIException(`Unknown state (${String(state)}). Must be one of 'running', 'complete', or 'error'.`);
  return state as StatusState;
}

/** `st.status`: an expander block with a state; `update` rewrites its label, expanded and state in place. */
export function status(ctx: RunContext, label: unknown, options: StatusOptions = {}) {
  const state = checkState(options.state ?? "running");
  const target = ctx.openBlock({ kind: "status", label: String(label ?? ""), expanded: options.expanded ?? false, state });
  let current = state;
  const update = ({ label, expanded, state }: { label?: string | null; expanded?: boolean | null; state?: StatusState | null }) => {
    ctx.checkpoint();
    const props: Partial<BlockElement> = {};
    if (label !== undefined && label !== null) props.label = String(label);
    if (expanded !== undefined && expanded !== null) props.expanded = expanded;
    if (state !== undefined && state !== null) props.state = current = checkState(state);
    ctx.updateBlock(target, props);
  };
  /** Python's __exit__: a status still running ends complete, or error when the body raised. */
  const finish = (error?: unknown) => {
    if (current !== "running" || error instanceof ControlSignal) return;
    update({ state: error === undefined ? "complete" : "error" });
  };
  return { target, update, with: <T>(body: () => T): T => settle(() => ctx.within(target, body), () => finish(), finish) };
}
