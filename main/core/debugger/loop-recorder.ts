import type { Finding, HostLoopEvent, LoopDelta, LoopEvent, LoopSnapshot, PreviewLoopEvent, RerunGate } from "../../../common";
import { loopClock } from "../../../common";
import { FindingsAnalyzer } from "./findings";

type Unstamped<T> = T extends unknown ? Omit<T, "id" | "at" | "runId"> & { runId?: number } : never;
/** A hop as the host describes it (its own, or the script's console); the recorder gives it its id, time and run. */
export type HostHop = Unstamped<HostLoopEvent | Extract<PreviewLoopEvent, { kind: "console" | "error" }>>;

const DELTA_MS = 16;

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
 * storm of small events costs one message per tick. A run's end sends its delta as soon as the
 * run's own hops are recorded (they follow run-end in the same task), so the message travels
 * right behind the run's render, while the preview renders, instead of landing on the workbench
 * when the preview's acknowledgement does.
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
    if (this.recording) this.add({ ...hop, id, at: loopClock(), runId: hop.runId ?? this.runId } as LoopEvent);
    return id;
  }

  /**
   * Records the preview's hops; resolves once the delta carrying them went out. The workbench
   * sends them just before the rerun they lead to, so answering at once would put one more
   * message in front of that run's render; answering with the delta puts it behind.
   */
  ingest(events: readonly PreviewLoopEvent[]): Promise<void> {
    if (!this.recording || !events.length) return Promise.resolve();
    for (const event of events) this.add(event);
    return new Promise((resolve) => this.onPublished.push(resolve));
  }

  /** The component instances' callback names after a run, for the rule about names never set. */
  noteCallbackNames(instances: { instance: string; callbackNames: string[] }[]): void {
    if (!this.recording) return;
    for (const { instance, callbackNames } of instances) this.publish(this.analyzer.setCallbackNames(instance, callbackNames));
  }

  /** Automatic reruns in a row so far (a loop under the storm threshold still counts). */
  get automaticStreak(): number {
    return this.analyzer.automaticStreak;
  }

  /** After Resume: the storm count starts again, so a loop that goes on is caught again. */
  restartStormCount(): void {
    this.analyzer.reset();
  }

  setRecording(on: boolean): void {
    this.recording = on;
    this.changed();
  }

  clear(): void {
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

  snapshot(): LoopSnapshot {
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

  private add(event: LoopEvent): void {
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
    const timer = setTimeout(() => this.sendDelta(), DELTA_MS);
    this.unscheduleDelta = () => clearTimeout(timer);
    return this.delta;
  }

  private sendDeltaAfterThisTask(): void {
    this.unscheduleDelta?.();
    const immediate = setImmediate(() => this.sendDelta());
    this.unscheduleDelta = () => clearImmediate(immediate);
  }

  private sendDelta(): void {
    const delta = this.delta;
    this.delta = null;
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
