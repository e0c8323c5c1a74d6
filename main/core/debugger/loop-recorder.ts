import type { Finding, HostLoopEvent, LoopDelta, LoopEvent, LoopSnapshot, PreviewLoopEvent, RerunGate } from "../../../common";
import { loopClock } from "../../../common";
import { causalOrder } from "./causal-order";
import { FindingsAnalyzer } from "./findings";
import { RecentMap } from "./recent-map";

type Unstamped<T> = T extends unknown ? Omit<T, "id" | "at" | "runId"> & { runId?: number; at?: number } : never;
/** A hop as the host describes it (its own, or the script's console); the recorder gives it its id, and its time and run unless it has them. */
export type HostHop = Unstamped<HostLoopEvent | Extract<PreviewLoopEvent, { kind: "console" | "error" }>>;

const DELTA_MS = 16;
/** The longest the timeline's updates wait for a run's render to be acknowledged: a preview that never answers must not stall them. */
export const HOLD_MS = 200;
/**
 * The longest a run waits for the preview hop that caused it (see settle). Generous: a run
 * recorded without its cause counts as one a user caused, which would restart a storm's count.
 */
export const CAUSE_WAIT_MS = 2000;
/** How far back a run's cause is looked for: it is among the last few hops. */
const RECENT_IDS = 4096;
/** The ids this recorder gives its own hops (`reserve`); the preview's are `p<page>-<n>`. */
const HOST_ID = /^h\d+$/;

export interface LoopRecorderOptions {
  /** How many events the timeline keeps (a ring: the oldest go first). Default 20 000. */
  cap?: number;
  /** Automatic reruns in a row that make a storm. Default 10. */
  stormThreshold?: number;
  /** Called with what changed, at most once per DELTA_MS, and right after each run's end. */
  onDelta(delta: LoopDelta): void;
  /** Called when the findings say the loop must be held (a rerun storm). */
  onStorm(finding: Finding): void;
}

/**
 * The host's timeline: every hop of the loop (the preview's, forwarded, and the host's own) in one
 * ring buffer, watched by the findings analyzer. The workbench gets it as deltas, batched so a
 * storm of small events costs one message per tick. While a run and its render are in flight the
 * recorder only queues (the run's own hops, the preview's hops that led to it, which come later,
 * and work deferred until then), until the workbench says the preview rendered the run: on a busy
 * machine any work beside the loop, and every message, lengthens it. The queue is then recorded
 * in causal order, so the findings see every hop after the hop that caused it.
 */
export class LoopRecorder {
  private events: LoopEvent[] = [];
  private start = 0;
  private dropped = 0;
  private recording = true;
  private nextId = 1;
  private analyzer: FindingsAnalyzer;
  private findings = new Map<string, Finding>();
  private gate: RerunGate = { paused: false, queued: 0, reason: null };
  private delta: { events: LoopEvent[]; findings: Map<string, Finding> } | null = null;
  /** Waiting for `delta` to go out (see ingest). */
  private onPublished: (() => void)[] = [];
  /** Cancels the scheduled send of `delta`. */
  private unscheduleDelta: (() => void) | null = null;
  /** Deltas wait for this run's render (see holdUntilRendered). */
  private held: { runId: number; timer: ReturnType<typeof setTimeout> } | null = null;
  /** While a run and its render are in flight: events and deferred work, in the order they came (see settle). */
  private backlog: (LoopEvent | (() => void))[] | null = null;
  /** While settling: the events the backlog comes to, and work that must see them all recorded. */
  private settling: { events: LoopEvent[]; after: (() => void)[] } | null = null;
  /** Forces what waits for a cause out after CAUSE_WAIT_MS (see settle). */
  private awaitingCause: ReturnType<typeof setTimeout> | null = null;
  /** The ids of the latest events recorded, so a run can tell whether its cause came. */
  private readonly recordedIds = new RecentMap<string, true>(RECENT_IDS);
  readonly cap: number;
  /** The run in progress, or the last one started. */
  runId = 0;

  constructor(private readonly options: LoopRecorderOptions) {
    this.cap = Math.max(100, options.cap ?? 20_000);
    this.analyzer = this.newAnalyzer();
  }

  /** An id for a hop recorded later, so a message sent first (a render) can already name it. */
  reserve(): string {
    return `h${this.nextId++}`;
  }

  /** Records a host hop; returns its id, which is valid as a cause even while recording is off. */
  record(hop: HostHop, id = this.reserve()): string {
    if (this.recording) this.append([{ ...hop, id, at: hop.at ?? loopClock(), runId: hop.runId ?? this.runId } as LoopEvent]);
    return id;
  }

  /**
   * Records the preview's hops; resolves once the delta carrying them went out, so a caller that
   * waits for the answer also has the timeline's update.
   */
  ingest(events: readonly PreviewLoopEvent[]): Promise<void> {
    if (!this.recording || !events.length) return Promise.resolve();
    this.append(events);
    // A straggler may be the cause a queued run waits for.
    if (!this.held) this.settle();
    return new Promise((resolve) => this.onPublished.push(resolve));
  }

  /**
   * Recording work for once the current run's render is acknowledged (HOLD_MS at most): what it
   * records must carry its own time and run.
   */
  defer(work: () => void): void {
    if (!this.recording) return;
    if (!this.backlog) this.holdUntilRendered(this.runId);
    this.backlog!.push(work);
  }

  /**
   * Records what waits, in causal order: before anything reads the timeline or the findings, or
   * decides on a rerun. A run started by a preview hop that has not arrived yet (it comes with
   * the acknowledgement of that run) waits for it, with everything after it, unless `force`d:
   * the findings must see a run's cause before the run. CAUSE_WAIT_MS is as long as it may take.
   */
  settle(force = false): void {
    const backlog = this.backlog;
    if (!backlog) return;
    this.backlog = null;
    const settling: NonNullable<LoopRecorder["settling"]> = { events: [], after: [] };
    this.settling = settling;
    for (const item of backlog) {
      if (typeof item === "function") item();
      else settling.events.push(item);
    }
    this.settling = null;
    const ordered = causalOrder(settling.events);
    const queued = new Set(ordered.map((event) => event.id));
    const waiting = force ? -1 : ordered.findIndex((event) => this.awaitsCause(event, queued));
    for (const event of waiting < 0 ? ordered : ordered.slice(0, waiting)) this.add(event);
    if (waiting < 0) {
      if (this.awaitingCause !== null) clearTimeout(this.awaitingCause);
      this.awaitingCause = null;
      for (const work of settling.after) work();
      return;
    }
    this.backlog = [...ordered.slice(waiting), ...settling.after];
    this.awaitingCause ??= setTimeout(() => {
      this.awaitingCause = null;
      this.settle(true);
    }, CAUSE_WAIT_MS);
  }

  /** A run-start whose cause is a preview hop neither recorded nor queued. */
  private awaitsCause(event: LoopEvent, queued: ReadonlySet<string>): boolean {
    if (event.kind !== "run-start") return false;
    return [event.causeId, ...event.alsoCausedBy].some((id) => id !== null && !HOST_ID.test(id) && !queued.has(id) && !this.recordedIds.get(id));
  }

  /** Run `runId` starts: recording waits until its render is acknowledged, or HOLD_MS at most. */
  holdUntilRendered(runId: number): void {
    this.settle();
    if (!this.recording) return;
    this.unscheduleDelta?.();
    this.unscheduleDelta = null;
    this.backlog = [];
    if (this.held) this.held.runId = runId;
    else this.held = { runId, timer: setTimeout(() => this.release(), HOLD_MS) };
  }

  /** The preview rendered run `runId`, with the render's own hops: what waited for it goes out now. */
  rendered(runId: number, events: readonly PreviewLoopEvent[]): Promise<void> {
    const published = this.ingest(events);
    if (this.held && runId >= this.held.runId) this.release();
    return published;
  }

  /** The component instances' callback names after a run, for the rule about names never set. */
  noteCallbackNames(instances: { instance: string; callbackNames: string[] }[]): void {
    if (!this.recording) return;
    if (this.settling) return void this.settling.after.push(() => this.noteCallbackNames(instances));
    for (const { instance, callbackNames } of instances) this.publish(this.analyzer.setCallbackNames(instance, callbackNames));
  }

  /** Automatic reruns in a row so far (a loop under the storm threshold still counts). */
  get automaticStreak(): number {
    this.settle();
    return this.analyzer.automaticStreak;
  }

  /** After Resume: the storm count starts again, so a loop that goes on is caught again. */
  restartStormCount(): void {
    this.analyzer.reset();
  }

  setRecording(on: boolean): void {
    this.settle(true);
    this.recording = on;
    this.changed();
    if (!on) this.release(true);
  }

  clear(): void {
    this.backlog = null;
    if (this.awaitingCause !== null) clearTimeout(this.awaitingCause);
    this.awaitingCause = null;
    this.events = [];
    this.start = 0;
    this.findings.clear();
    this.analyzer = this.newAnalyzer();
    this.delta = null;
    this.unscheduleDelta?.();
    this.published();
    this.changed();
  }

  setGate(gate: RerunGate): void {
    this.gate = gate;
    this.changed();
  }

  /** Sends what is pending first: a delta sent after the snapshot must not repeat what it holds. */
  snapshot(): LoopSnapshot {
    this.settle();
    if (this.delta) this.sendDelta();
    return {
      events: this.ordered(),
      dropped: this.dropped,
      cap: this.cap,
      recording: this.recording,
      findings: [...this.findings.values()],
      reruns: this.gate,
    };
  }

  private newAnalyzer(): FindingsAnalyzer {
    return new FindingsAnalyzer({ stormThreshold: this.options.stormThreshold });
  }

  private append(events: readonly LoopEvent[]): void {
    if (this.settling) this.settling.events.push(...events);
    else if (this.backlog) this.backlog.push(...events);
    else for (const event of events) this.add(event);
  }

  private add(event: LoopEvent): void {
    this.recordedIds.set(event.id, true);
    if (this.events.length < this.cap) {
      this.events.push(event);
    } else {
      this.events[this.start] = event;
      this.start = (this.start + 1) % this.cap;
      this.dropped++;
    }
    this.pending().events.push(event);
    if (event.kind === "run-end") this.sendDeltaAfterThisTask();
    const verdict = this.analyzer.observe(event);
    this.publish(verdict.findings);
    const storm = verdict.pause ? verdict.findings.find((f) => f.kind === "rerun-storm") : undefined;
    if (storm) this.options.onStorm(storm);
  }

  private publish(findings: Finding[]): void {
    for (const finding of findings) {
      this.findings.set(finding.id, finding);
      this.pending().findings.set(finding.id, finding);
    }
  }

  private ordered(): LoopEvent[] {
    return this.start === 0 ? [...this.events] : [...this.events.slice(this.start), ...this.events.slice(0, this.start)];
  }

  private changed(): void {
    this.pending();
  }

  private pending(): { events: LoopEvent[]; findings: Map<string, Finding> } {
    if (this.delta) return this.delta;
    this.delta = { events: [], findings: new Map() };
    // One message per frame at most: each one costs the loop a turn of the page's event loop.
    if (!this.held) {
      const timer = setTimeout(() => this.sendDelta(), DELTA_MS);
      this.unscheduleDelta = () => clearTimeout(timer);
    }
    return this.delta;
  }

  /** A run ended while nothing holds the deltas (recording began mid-run, or the hold timed out): its hops, recorded in this task, follow it. */
  private sendDeltaAfterThisTask(): void {
    if (this.held) return;
    this.unscheduleDelta?.();
    const immediate = setImmediate(() => this.sendDelta());
    this.unscheduleDelta = () => clearImmediate(immediate);
  }

  private release(force = false): void {
    this.settle(force);
    if (!this.held) return;
    clearTimeout(this.held.timer);
    this.held = null;
    if (this.delta) this.sendDelta();
  }

  private sendDelta(): void {
    const delta = this.delta;
    this.delta = null;
    this.unscheduleDelta?.();
    this.unscheduleDelta = null;
    if (delta) {
      this.options.onDelta({
        events: delta.events,
        findings: [...delta.findings.values()],
        dropped: this.dropped,
        recording: this.recording,
        reruns: this.gate,
      });
    }
    this.published();
  }

  private published(): void {
    const waiting = this.onPublished;
    this.onPublished = [];
    for (const resolve of waiting) resolve();
  }
}
