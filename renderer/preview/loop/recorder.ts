import { loopClock, type FromPreview, type PreviewLoopEvent, type RenderCauses } from "../../../common";
import { MODULE_FILE_PATTERN } from "../component/loader";
import { describeTarget, DispatchTracker } from "./dom-events";

type WithoutStamp<E> = E extends unknown ? Omit<E, keyof HopStamp> : never;
/** A hop as the code that saw it describes it; the recorder stamps it. */
export type LoopHop = WithoutStamp<PreviewLoopEvent>;

/** A hop's id, time and run, taken when it starts: a hop recorded when it ends (an invocation) keeps them. */
export interface HopStamp {
  id: string;
  at: number;
  runId: number;
}

// PreviewLoopBatchSchema's and PreviewLoopEventSchema's bounds: a batch over them is rejected whole.
const MAX_BATCH = 2000;
const MAX_FLUSH_SETS = 10_000;
const MAX_TEXT = 4096;
const MAX_MESSAGE = 64 * 1024;
/** Stacks are read by people: a few KB of frames is plenty. */
const MAX_STACK = 4096;
/** Enough frames to reach past the preview's own into the component's code. */
const STACK_FRAMES = 50;

const NO_CAUSES: RenderCauses = { run: null, elements: {} };

const cut = (text: string, max: number) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** Cuts an event's author-provided strings (keys, names, messages, stacks) to what the schema allows. */
function bounded(event: PreviewLoopEvent): PreviewLoopEvent {
  const fields = event as unknown as Record<string, unknown>;
  for (const [field, value] of Object.entries(fields)) {
    if (typeof value === "string") fields[field] = cut(value, field === "message" ? MAX_MESSAGE : field === "stack" ? MAX_STACK : MAX_TEXT);
  }
  if (event.kind === "flush") event.setIds = event.setIds.slice(0, MAX_FLUSH_SETS);
  return event;
}

/** The caller's stack in the component module's frames only (its file is `st-bidi-<name>-<hash>.js`), null outside component code. */
export function componentStack(): string | null {
  // Chromium's V8 keeps 10 frames by default, too few to reach the component's own code.
  const v8 = Error as ErrorConstructor & { stackTraceLimit?: number };
  const { stackTraceLimit } = v8;
  v8.stackTraceLimit = STACK_FRAMES;
  const stack = new Error().stack ?? "";
  v8.stackTraceLimit = stackTraceLimit;
  const frames = stack.split("\n").filter((line) => MODULE_FILE_PATTERN.test(line));
  return frames.length ? frames.join("\n") : null;
}

/**
 * Hops travel with the rerun they lead to, or right after a run's acknowledgement (never before
 * it: an acknowledgement is on the loop's path, its hops are not); the timer only carries
 * stragglers (a cleanup, a set that no flush follows). Each extra message costs the loop a turn
 * of every event loop it crosses, so the timer waits long enough to join one coming anyway.
 */
const STRAGGLER_MS = 50;

/**
 * The preview's side of the loop debugger: stamps each hop (`p<page>-<n>`, the loop clock, the
 * run being rendered), batches them, and sends them with the message they lead to, or else after
 * STRAGGLER_MS. Off, it records nothing: every recording site hands over a function that is then
 * never called.
 */
export class LoopRecorder {
  private readonly page = `p${crypto.randomUUID().replaceAll("-", "").slice(0, 6)}`;
  private count = 0;
  private on = true;
  private pending: PreviewLoopEvent[] = [];
  private timer: ReturnType<typeof setTimeout> | null = null;
  /** The run being rendered (or last rendered) and the host's events its changes follow from. */
  private runId = 0;
  private causes = NO_CAUSES;
  private readonly dispatch = new DispatchTracker();
  /** The dom hop of each user event that had one, so one event is recorded once. */
  private readonly domHops = new WeakMap<Event, string>();

  constructor(private readonly send: (message: FromPreview) => void) {}

  setRecording(on: boolean): void {
    this.on = on;
    if (on) return;
    this.pending = [];
    this.cancelTimer();
  }

  /** A run's render starts: later hops belong to it, and its lifecycle hops follow from its causes. */
  rendering(runId: number, causes: RenderCauses): void {
    this.runId = runId;
    this.causes = causes;
  }

  /** A new session: no run yet. */
  reset(): void {
    this.rendering(0, NO_CAUSES);
  }

  /** The host event that explains why this element is (re)invoked or removed in the current render. */
  renderCause(elementId: string): string | null {
    return this.causes.elements[elementId] ?? this.causes.run;
  }

  /** Tracks the user events dispatched at `target` (see DispatchTracker.watch). */
  watchDom(target: Window | ShadowRoot): () => void {
    return this.dispatch.watch(target);
  }

  /** The user event being dispatched now, recording or not. */
  currentEvent(): Event | null {
    return this.dispatch.current();
  }

  /** The dom hop of the user event being dispatched now, recorded the first time something happens under it. */
  domCause(): string | null {
    const event = this.on ? this.dispatch.current() : null;
    if (!event) return null;
    let id = this.domHops.get(event) ?? null;
    if (id === null) {
      // `=== true`: a batch must validate whole, and not every DOM implementation sets isTrusted.
      id = this.record(() => ({ kind: "dom", causeId: null, eventType: event.type, target: describeTarget(event), trusted: event.isTrusted === true }));
      if (id !== null) this.domHops.set(event, id);
    }
    return id;
  }

  /** Stamps a hop that is recorded later, when it ends; null when not recording. */
  stamp(): HopStamp | null {
    return this.on ? { id: `${this.page}-${++this.count}`, at: loopClock(), runId: this.runId } : null;
  }

  /**
   * Records the hop `describe` builds (only called when recording), stamped now or with the stamp
   * taken at its start; returns its id, or null when not recording.
   */
  record(describe: () => LoopHop, stamp?: HopStamp | null): string | null {
    // A hop that started while recording was off stays unrecorded.
    if (!this.on || stamp === null) return null;
    // Described before it is stamped: describing may record its cause (a dom hop), which comes first.
    const hop = describe();
    const stamped = stamp ?? this.stamp()!;
    this.pending.push(bounded({ ...hop, ...stamped } as PreviewLoopEvent));
    this.timer ??= setTimeout(() => this.sendPending(), STRAGGLER_MS);
    return stamped.id;
  }

  /** Sends the pending hops now, in batches the schema accepts. */
  sendPending(): void {
    const last = this.takePending();
    if (last.length) this.send({ type: "loop", events: last });
  }

  /**
   * The pending hops, for the message they lead to: all that one message may carry (the newest);
   * older ones beyond the schema's bound go out first in `loop` batches of their own.
   */
  takePending(): PreviewLoopEvent[] {
    this.cancelTimer();
    const pending = this.pending;
    this.pending = [];
    const carried = Math.max(0, pending.length - MAX_BATCH);
    for (let start = 0; start < carried; start += MAX_BATCH) {
      this.send({ type: "loop", events: pending.slice(start, Math.min(start + MAX_BATCH, carried)) });
    }
    return pending.slice(carried);
  }

  private cancelTimer(): void {
    if (this.timer !== null) clearTimeout(this.timer);
    this.timer = null;
  }
}
