import { defineStore } from "pinia";
import { computed, inject, reactive, ref, shallowRef } from "vue";
import type { Finding, LoopDelta, LoopEvent, LoopEventKind, LoopSnapshot, PreviewLoopEvent, RerunGate } from "../../../common";
import { HOST_CLIENT, type HostClient } from "../bridge/host-client";
import { CausalGraph } from "../timeline/graph";
import { describeRunCause } from "../timeline/describe";
import type { EventOf } from "../timeline/graph";
import { groupRuns, rerunsPerSecond } from "../timeline/runs";
import { useLogStore } from "./log";

/** The host keeps the same cap; the workbench's ring only matters for what it appended itself. */
export const DEFAULT_CAP = 20_000;
/** The host takes at most this many preview hops per call (the batch schema's bound). */
const MAX_FORWARD = 2000;
/** How long a straggler waits for an acknowledgement to carry it (the preview's own wait, again). */
const STRAGGLER_MS = 50;

type LoopDebuggerHost = Pick<HostClient, "setRecording" | "clearTimeline" | "pauseReruns" | "resumeReruns" | "stepRerun">;

export interface TimelineFilter {
  instance: string | null;
  /** Empty shows every kind. */
  kinds: LoopEventKind[];
  text: string;
}

/** A search reads an event's JSON; serialising 10,000 events once, not on every keystroke. */
const jsonText = new WeakMap<LoopEvent, string>();
function searchText(event: LoopEvent): string {
  let text = jsonText.get(event);
  if (text === undefined) jsonText.set(event, (text = JSON.stringify(event).toLowerCase()));
  return text;
}

export const useTimelineStore = defineStore("timeline", () => {
  const host = inject(HOST_CLIENT)!;
  const log = useLogStore();

  const events = shallowRef<LoopEvent[]>([]);
  const cap = ref(DEFAULT_CAP);
  const dropped = ref(0);
  const recording = ref(true);
  const findings = shallowRef<Finding[]>([]);
  const reruns = shallowRef<RerunGate>({ paused: false, queued: 0, reason: null });
  const filter = reactive<TimelineFilter>({ instance: null, kinds: [], text: "" });
  /** The events shown as one chain: a clicked event's causes and effects, or a finding's evidence. */
  const highlighted = shallowRef<ReadonlySet<string>>(new Set());
  let graph = new CausalGraph();

  function append(batch: readonly LoopEvent[]): void {
    for (const event of batch) graph.add(event);
    let next = events.value.concat(batch);
    const over = next.length - cap.value;
    if (over > 0) {
      for (const event of next.slice(0, over)) graph.remove(event);
      next = next.slice(over);
      dropped.value += over;
    }
    events.value = next;
  }

  function applySnapshot(snapshot: LoopSnapshot): void {
    graph = new CausalGraph();
    events.value = [];
    cap.value = snapshot.cap;
    dropped.value = snapshot.dropped;
    recording.value = snapshot.recording;
    findings.value = snapshot.findings;
    reruns.value = snapshot.reruns;
    highlighted.value = new Set();
    append(snapshot.events);
  }

  /** Ignored while recording is off, so a host that cannot pause yet still looks paused. */
  function appendEvents(batch: LoopEvent[]): void {
    if (recording.value && batch.length) append(batch);
  }

  function applyFindings(next: Finding[]): void {
    findings.value = next;
  }

  /** The host's `loop` event: new events, new or updated finding cards (one per id), the gate. */
  function applyDelta(delta: LoopDelta): void {
    appendEvents(delta.events);
    if (delta.findings.length) {
      const byId = new Map(findings.value.map((f) => [f.id, f]));
      for (const finding of delta.findings) byId.set(finding.id, finding);
      findings.value = [...byId.values()];
    }
    dropped.value = Math.max(dropped.value, delta.dropped);
    recording.value = delta.recording;
    reruns.value = delta.reruns;
  }

  /**
   * The preview's hops go to the host, which links them into the one timeline and sends them back.
   * Most come with a run's acknowledgement: they go out once that task is over (so the
   * acknowledgement updates the page first), in the call that tells the host the run was rendered.
   * Stragglers wait in the outbox a little longer, for that call or on their own.
   */
  let outbox: PreviewLoopEvent[] = [];
  let outboxTimer: ReturnType<typeof setTimeout> | null = null;
  /** The newest run the preview rendered since the outbox was last sent. */
  let renderedRun: number | null = null;
  const reportFailure = (error: Error) => log.report("error", `Recording the loop failed: ${error.message}`);

  function forward(batch: readonly PreviewLoopEvent[]): void {
    if (!recording.value) return;
    outbox.push(...batch);
    outboxTimer ??= setTimeout(sendOutbox, STRAGGLER_MS);
  }

  /** The preview rendered a run, with its hops since its last message that carried any. */
  function rendered(runId: number, hops: readonly PreviewLoopEvent[]): void {
    if (!recording.value) return;
    outbox.push(...hops);
    renderedRun = Math.max(renderedRun ?? 0, runId);
    if (outboxTimer !== null) clearTimeout(outboxTimer);
    outboxTimer = setTimeout(sendOutbox, 0);
  }

  /**
   * A rerun is about to go out: an acknowledgement still waiting in the outbox goes first, so the
   * host hears of a write made during that render (a storm's) before the rerun it led to.
   */
  function beforeRerun(): void {
    if (renderedRun === null) return;
    if (outboxTimer !== null) clearTimeout(outboxTimer);
    sendOutbox();
  }

  function sendOutbox(): void {
    outboxTimer = null;
    const runId = renderedRun;
    renderedRun = null;
    const batch = outbox;
    outbox = [];
    // Older hops beyond what one call may carry go first, in calls of their own.
    const carried = Math.max(0, batch.length - MAX_FORWARD);
    for (let start = 0; start < carried; start += MAX_FORWARD) host.recordLoop(batch.slice(start, Math.min(start + MAX_FORWARD, carried))).catch(reportFailure);
    const last = batch.slice(carried);
    if (runId !== null) host.runRendered(runId, last).catch(reportFailure);
    else if (last.length) host.recordLoop(last).catch(reportFailure);
  }

  function applyGate(gate: RerunGate): void {
    reruns.value = gate;
  }

  function clear(): void {
    graph = new CausalGraph();
    events.value = [];
    dropped.value = 0;
    findings.value = [];
    highlighted.value = new Set();
  }

  const runs = computed(() => groupRuns(events.value));
  const instances = computed(() => [...new Set(events.value.map((e) => e.instance).filter((i) => i != null))].sort());
  const kinds = computed(() => [...new Set(events.value.map((e) => e.kind))].sort());

  /** Reads the filter once per change, not once per event: 10,000 reactive reads are what a filter costs. */
  const matches = computed(() => {
    const { instance } = filter;
    const kinds = new Set(filter.kinds);
    const text = filter.text.trim().toLowerCase();
    return (event: LoopEvent): boolean =>
      (instance === null || event.instance === instance) &&
      (kinds.size === 0 || kinds.has(event.kind)) &&
      (text === "" || searchText(event).includes(text));
  });

  const filtering = computed(() => filter.instance !== null || filter.kinds.length > 0 || filter.text.trim() !== "");
  /** Runs with only their matching hops; a run with none is left out while a filter is on. */
  const visibleRuns = computed(() =>
    filtering.value
      ? runs.value.map((run) => ({ ...run, hops: run.hops.filter(matches.value) })).filter((run) => run.hops.length)
      : runs.value,
  );

  const chainOf = (eventId: string) => graph.chainOf(eventId);
  const eventById = (eventId: string) => graph.get(eventId);
  const runCause = (start: EventOf<"run-start">) => describeRunCause(start, graph);
  const rerunRate = (now: number) => rerunsPerSecond(events.value, now);

  function highlightChain(eventId: string): void {
    highlighted.value = chainOf(eventId);
  }

  function highlight(eventIds: readonly string[]): void {
    highlighted.value = new Set(eventIds);
  }

  async function callHost<M extends keyof LoopDebuggerHost>(method: M, ...args: Parameters<NonNullable<LoopDebuggerHost[M]>>) {
    const call = host[method] as (...a: typeof args) => Promise<void>;
    try {
      await call.apply(host, args);
    } catch (error) {
      log.report("error", `${method} failed: ${(error as Error).message}`);
    }
  }

  // Recording and clearing also act here, since the workbench holds its own copy of the timeline;
  // the rerun gate lives only in the host, which answers with `applyGate`.
  function setRecording(on: boolean) {
    recording.value = on;
    return callHost("setRecording", on);
  }
  function clearTimeline() {
    clear();
    return callHost("clearTimeline");
  }
  const pauseReruns = () => callHost("pauseReruns");
  const resumeReruns = () => callHost("resumeReruns");
  const stepRerun = () => callHost("stepRerun");

  return {
    events, cap, dropped, recording, findings, reruns, filter, highlighted,
    applySnapshot, appendEvents, applyFindings, applyDelta, applyGate, clear, forward, rendered, beforeRerun,
    runs, instances, kinds, filtering, visibleRuns, chainOf, eventById, runCause, rerunRate, highlightChain, highlight,
    setRecording, clearTimeline, pauseReruns, resumeReruns, stepRerun,
  };
});
