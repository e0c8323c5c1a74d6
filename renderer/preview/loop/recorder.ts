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

/**
 * The caller's stack, captured now and formatted when read: V8 formats an error's stack on first
 * access, which costs several times what capturing it does.
 */
export function captureStack(): Error {
  // Chromium's V8 keeps 10 frames by default, too few to reach the component's own code.
  const v8 = Error as ErrorConstructor & { stackTraceLimit?: number };
  const { stackTraceLimit } = v8;
  v8.stackTraceLimit = STACK_FRAMES;
  const captured = new Error();
  v8.stackTraceLimit = stackTraceLimit;
  return captured;
}

/** A captured stack in the component module's frames only (its file is `st-bidi-<name>-<hash>.js`), null outside component code. */
export function componentStack(captured: Error): string | null {
  const frames = (captured.stack ?? "").split("\n").filter((line) => MODULE_FILE_PATTERN.test(line));
  return frames.length ? frames.join("\n") : null;
}

/**
 * Hops travel with a run's acknowledgement (the ones that led to the run, and the ones its render
 * made); the timer only carries stragglers (a cleanup, a set that no flush follows, a slow run's
 * flush). Each extra message costs the loop a turn of every event loop it crosses, so the timer
 * waits long enough to join one coming anyway.
 */
const STRAGGLER_MS = 50;

/**
 * The preview's side of the loop debugger: stamps each hop (`p<page>-<n>`, the loop clock, the
 * run being rendered), batches them, and sends them with the next acknowledgement, or else after
 * STRAGGLER_MS. What a hop needs from the moment (its cause, the value) is read when it happens;
 * what can wait (formatting a stack, describing a target) is done once the rerun it led to went
 * out. Off, it records nothing: every recording site hands over a function that is then never called.
 */
export class LoopRecorder {
  private readonly page = `p${crypto.randomUUID().replaceAll("-", "").slice(0, 6)}`;
  private count = 0;
  private on = true;
  private pending: PreviewLoopEvent[] = [];
  /** Fills in what a pending hop's `complete` left for later (see record). */
  private incomplete: (() => void)[] = [];
  private completing: ReturnType<typeof setTimeout> | null = null;
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
    this.incomplete = [];
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
      // The target is taken now: once the dispatch is over, composedPath() is empty.
      const target = event.composedPath()[0] ?? event.target;
      id = this.record(
        () => ({ kind: "dom", causeId: null, eventType: event.type, target: "", trusted: event.isTrusted === true }),
        undefined,
        () => ({ target: describeTarget(target) }),
      );
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
   * taken at its start; `complete` gives the fields that can be worked out later, before the hop
   * is sent. Returns its id, or null when not recording.
   */
  record(describe: () => LoopHop, stamp?: HopStamp | null, complete?: () => Partial<LoopHop>): string | null {
    // A hop that started while recording was off stays unrecorded.
    if (!this.on || stamp === null) return null;
    // Described before it is stamped: describing may record its cause (a dom hop), which comes first.
    const hop = describe();
    const stamped = stamp ?? this.stamp()!;
    const event = { ...hop, ...stamped } as PreviewLoopEvent;
    this.pending.push(event);
    if (complete) this.incomplete.push(() => bounded(Object.assign(event, complete())));
    else bounded(event);
    this.timer ??= setTimeout(() => this.sendPending(), STRAGGLER_MS);
    return stamped.id;
  }

  /** A rerun went out: the pending hops are completed in a task of their own, while the host runs the script. */
  completeWhenIdle(): void {
    if (!this.incomplete.length) return;
    this.completing ??= setTimeout(() => this.complete(), 0);
  }

  private complete(): void {
    if (this.completing !== null) clearTimeout(this.completing);
    this.completing = null;
    const incomplete = this.incomplete;
    this.incomplete = [];
    for (const fill of incomplete) fill();
  }

  /** Sends the pending hops now, in batches the schema accepts. */
  private sendPending(): void {
    const last = this.takePending();
    if (last.length) this.send({ type: "loop", events: last });
  }

  /**
   * The pending hops, for the message they lead to: all that one message may carry (the newest);
   * older ones beyond the schema's bound go out first in `loop` batches of their own.
   */
  takePending(): PreviewLoopEvent[] {
    this.cancelTimer();
    this.complete();
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
