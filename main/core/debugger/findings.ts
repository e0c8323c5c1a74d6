import type { Finding, FindingKind, HostLoopEvent, LoopEvent, PreviewLoopEvent } from "../../../common/loop-events";
import type { FindingText, StormCause } from "./finding-texts";
import {
  churnText,
  describeInstance,
  isUnkeyed,
  mountTimeTriggerText,
  revertText,
  stormText,
  unchangedValueText,
  undeclaredStateText,
  unhandledTriggerText,
  unusedCallbackText,
} from "./finding-texts";
import { RecentMap } from "./recent-map";

/**
 * Turns the loop's event stream into finding cards, one event at a time. Pure (no Node or DOM),
 * so the host, the workbench or a test can run it. It keeps only what its rules look back at:
 * recent hops by id, the current run of automatic reruns, and per-instance slots and names.
 */

export interface AnalyzerOptions {
  /** Automatic runs in a row that make a storm and pause reruns. */
  stormThreshold?: number;
  /** Runs in a row on which one unkeyed instance remounts before it is reported. */
  churnThreshold?: number;
}

export interface AnalyzerVerdict {
  /** Cards raised or updated by this event (copies; `all()` has every card). */
  findings: Finding[];
  /** The storm threshold was reached with this run: the host should hold further reruns. */
  pause: boolean;
}

const SEVERITY: Record<FindingKind, Finding["severity"]> = {
  "rerun-storm": "error",
  "stale-map-revert": "warning",
  "trigger-without-callback": "warning",
  "mount-time-trigger": "warning",
  "remount-churn": "warning",
  "unchanged-value": "info",
  "undeclared-name": "info",
};

/** Hops remembered for cause lookups; a run's causes are at most a flush and its sets back. */
const RECENT_HOPS = 4096;
/** Instances remembered (unkeyed ones get a new identity on every remount). */
const RECENT_INSTANCES = 512;
/** A card links its latest proving events; older ones have left the timeline's ring buffer anyway. */
const MAX_EVENT_IDS = 64;
/** Runs an instance must be seen in before a callback it never set is reported. */
const UNUSED_CALLBACK_RUNS = 3;

type SetEvent = Extract<PreviewLoopEvent, { kind: "set" }>;
type RemountEvent = Extract<HostLoopEvent, { kind: "remount" }>;

/** A component write as the storm rule needs it. */
interface Write {
  instance: string;
  /** Stable identity of the instance across remounts (see `slotOf`). */
  slot: string;
  name: string;
  setter: "state" | "trigger";
  phase: "invocation" | "later";
  value: string;
  /** The arguments whose change remounted the writer in the run that made this write; empty otherwise. */
  remountedArguments: string[];
  /** The remount (if any), the set and the flush that carried it. */
  proof: string[];
}

/** What started a run, as the storm rule sees it: someone acting, or the loop feeding itself. */
type RunCause = { automatic: false } | { automatic: true; writes: Write[]; rerunRequestId: string | null };
const ACTED: RunCause = { automatic: false };

/** One loop's evidence over the automatic runs that showed it. */
interface StormTally {
  runs: number;
  cause: StormCause;
  instance: string | null;
  name: string | null;
  lastValue: string | null;
  eventIds: string[];
}

/** An unkeyed instance followed across its remounts: the element ids change, the slot stays. */
interface Slot {
  slot: string;
  lastRemount: { runId: number; eventId: string; changedArguments: string[] } | null;
  churnRuns: number;
  churnArguments: Set<string>;
  churnEventIds: string[];
}

/** What the undeclared-name rule knows of an instance: its callbacks (once the host told) and the names it set. */
interface InstanceNames {
  callbackNames: Set<string> | null;
  setNames: Set<string>;
  runsSeen: number;
  lastSeenRunId: number;
}

export class FindingsAnalyzer {
  private readonly stormThreshold: number;
  private readonly churnThreshold: number;
  private readonly findings = new Map<string, Finding>();

  /** Run causes by the id of the hop that can start a run (a flush, a request, an edit, a user action). */
  private readonly causes = new RecentMap<string, RunCause>(RECENT_HOPS);
  /** Sets by id until their flush arrives; `null` for one made under a user action. */
  private readonly writes = new RecentMap<string, Write | null>(RECENT_HOPS);
  /** A native widget changed since the last flush: that flush carries a user action. */
  private widgetSinceFlush = false;

  /** Automatic runs in a row, and the evidence of each loop seen in them that has no card yet. */
  private streakRuns = 0;
  private streakTallies = new Map<string, StormTally>();
  /** Tallies of storms already on a card, by cause key: later runs of the same loop update that card. */
  private readonly storms = new Map<string, StormTally>();

  /** Unkeyed slots by their current element id. */
  private readonly slots = new RecentMap<string, Slot>(RECENT_INSTANCES);
  private readonly components = new RecentMap<string, string>(RECENT_INSTANCES);
  private readonly names = new RecentMap<string, InstanceNames>(RECENT_INSTANCES);
  private latestRunId = 0;

  constructor(options: AnalyzerOptions = {}) {
    this.stormThreshold = options.stormThreshold ?? 10;
    this.churnThreshold = options.churnThreshold ?? 3;
  }

  observe(event: LoopEvent): AnalyzerVerdict {
    this.latestRunId = Math.max(this.latestRunId, event.runId);
    switch (event.kind) {
      case "dom":
        if (event.trusted) this.causes.set(event.id, ACTED);
        return verdict([]);
      case "widget":
        this.widgetSinceFlush = true;
        this.causes.set(event.id, ACTED);
        return verdict([]);
      case "edit":
        this.causes.set(event.id, ACTED);
        return verdict([]);
      case "request":
        this.causes.set(event.id, event.source === "st.rerun" ? { automatic: true, writes: [], rerunRequestId: event.id } : ACTED);
        return verdict([]);
      case "mount":
        this.components.set(this.slotOf(event.instance ?? event.elementId), event.component);
        return verdict([]);
      case "set":
        return verdict(this.onSet(event));
      case "flush":
        this.onFlush(event.id, event.causeId, event.setIds);
        return verdict([]);
      case "run-start":
        return this.onRunStart(event.id, event.runId, [event.causeId, ...event.alsoCausedBy]);
      case "remount":
        return verdict(this.onRemount(event));
      case "revert":
        return verdict(this.onRevert(event));
      case "trigger":
        return verdict(event.handled ? [] : this.onUnhandledTrigger(event));
      default:
        return verdict([]);
    }
  }

  /**
   * The callback names the instance registered in the run just finished (from the Session State
   * snapshot). Returns the cards for callbacks the component has not set in `UNUSED_CALLBACK_RUNS` runs.
   */
  setCallbackNames(instance: string, callbackNames: readonly string[]): Finding[] {
    const names = this.namesOf(instance);
    names.callbackNames = new Set(callbackNames);
    if (names.lastSeenRunId !== this.latestRunId) {
      names.lastSeenRunId = this.latestRunId;
      names.runsSeen++;
    }
    if (names.runsSeen < UNUSED_CALLBACK_RUNS) return [];
    const found: Finding[] = [];
    for (const name of callbackNames) {
      const key = `${this.slotOf(instance)}:callback:${name}`;
      // Absence is a standing fact, not an event: one card per name, raised once.
      if (names.setNames.has(name) || this.findings.has(findingId("undeclared-name", key))) continue;
      const text = unusedCallbackText(this.label(instance), name, names.runsSeen);
      found.push(this.report("undeclared-name", key, { instance, name, runId: this.latestRunId }, text, []));
    }
    return found;
  }

  /** Automatic runs in a row so far: the host ends a loop under the threshold on Stop. */
  get automaticStreak(): number {
    return this.streakRuns;
  }

  /** Start counting automatic runs afresh (the user resumed reruns after a storm pause). */
  reset(): void {
    this.streakRuns = 0;
    this.streakTallies = new Map();
  }

  all(): Finding[] {
    return [...this.findings.values()].map(copyFinding);
  }

  private onSet(event: SetEvent): Finding[] {
    const instance = event.instance ?? event.elementId;
    const name = event.name ?? "";
    const slot = this.slotOf(instance);
    const byUser = event.phase === "later" && event.causeId !== null && this.causes.get(event.causeId) === ACTED;
    const remount = this.slots.get(event.elementId)?.lastRemount;
    // A write during invocation in the run that remounted its element is the new element's mount-time write.
    const mountWrite = event.phase === "invocation" && remount?.runId === event.runId ? remount : null;
    const write: Write = {
      instance,
      slot,
      name,
      setter: event.setter,
      phase: event.phase,
      value: event.value.preview,
      remountedArguments: mountWrite?.changedArguments ?? [],
      proof: mountWrite ? [mountWrite.eventId, event.id] : [event.id],
    };
    this.writes.set(event.id, byUser ? null : write);

    const names = this.namesOf(instance);
    names.setNames.add(name);
    const label = this.label(instance);
    const where = { instance, name, runId: event.runId };
    const found: Finding[] = [];
    if (event.setter === "trigger" && event.phase === "invocation") {
      found.push(this.report("mount-time-trigger", `${slot}:${name}`, where, mountTimeTriggerText(label, name), [event.id]));
    }
    if (event.setter === "state" && event.unchanged) {
      found.push(this.report("unchanged-value", `${slot}:${name}`, where, unchangedValueText(label, name, event.value.preview), [event.id]));
    }
    const callbacks = names.callbackNames;
    if (event.setter === "state" && callbacks?.size && !callbacks.has(name)) {
      found.push(this.report("undeclared-name", `${slot}:state:${name}`, where, undeclaredStateText(label, name, [...callbacks]), [event.id]));
    }
    return found;
  }

  /**
   * A flush is automatic when it carries component writes only, none made under a user action.
   * A set it names that was never seen (or was forgotten) proves nothing, so the flush counts as acted.
   */
  private onFlush(id: string, causeId: string | null, setIds: readonly string[]): void {
    const carriesUserAction = this.widgetSinceFlush || (causeId !== null && this.causes.get(causeId) === ACTED);
    this.widgetSinceFlush = false;
    const writes = setIds.map((setId) => this.writes.get(setId)).filter((write): write is Write => !!write);
    for (const setId of setIds) this.writes.delete(setId);
    const automatic = !carriesUserAction && setIds.length > 0 && writes.length === setIds.length;
    const carried = writes.map((write) => ({ ...write, proof: [...write.proof, id] }));
    this.causes.set(id, automatic ? { automatic: true, writes: carried, rerunRequestId: null } : ACTED);
  }

  private onRunStart(id: string, runId: number, causeIds: readonly (string | null)[]): AnalyzerVerdict {
    const causes = causeIds.map((causeId) => (causeId === null ? ACTED : (this.causes.get(causeId) ?? ACTED)));
    if (!causes.every((cause) => cause.automatic)) {
      this.reset();
      return verdict([]);
    }
    this.streakRuns++;
    const found: Finding[] = [];
    for (const [key, sighting] of stormSightings(causes)) {
      const known = this.storms.get(key);
      const tally = known ?? this.streakTallies.get(key) ?? newTally();
      addSighting(tally, sighting, id, (instance) => this.label(instance));
      if (known) found.push(this.reportStorm(key, tally, runId, 1));
      else this.streakTallies.set(key, tally);
    }
    const pause = this.streakRuns === this.stormThreshold;
    if (pause && found.length === 0) {
      // Every automatic run has a sighting, so the tallies are not empty; the loop seen in most runs gets the card.
      const [key, tally] = [...this.streakTallies].reduce((best, entry) => (entry[1].runs >= best[1].runs ? entry : best));
      this.streakTallies.delete(key);
      this.storms.set(key, tally);
      found.push(this.reportStorm(key, tally, runId, tally.runs));
    }
    return { findings: found, pause };
  }

  /** A storm card counts automatic runs: the runs that proved it when raised, then one per later run of the same loop. */
  private reportStorm(key: string, tally: StormTally, runId: number, sightings: number): Finding {
    const eventIds = tally.eventIds.splice(0);
    return this.report("rerun-storm", key, { instance: tally.instance, name: tally.name, runId }, stormText(tally.cause), eventIds, sightings);
  }

  private onRemount(event: RemountEvent): Finding[] {
    const slot: Slot = this.slots.get(event.previousElementId) ?? { slot: event.previousElementId, lastRemount: null, churnRuns: 0, churnArguments: new Set(), churnEventIds: [] };
    this.slots.delete(event.previousElementId);
    this.slots.set(event.elementId, slot);
    const previousRun = slot.lastRemount?.runId;
    slot.lastRemount = { runId: event.runId, eventId: event.id, changedArguments: event.changedArguments };
    if (previousRun === event.runId) return [];
    if (previousRun !== event.runId - 1) {
      slot.churnRuns = 0;
      slot.churnArguments.clear();
      slot.churnEventIds = [];
    }
    slot.churnRuns++;
    for (const argument of event.changedArguments) slot.churnArguments.add(argument);
    slot.churnEventIds.push(event.id);
    if (slot.churnRuns < this.churnThreshold) return [];
    const text = churnText(this.label(event.elementId), [...slot.churnArguments], slot.churnRuns);
    const where = { instance: event.elementId, name: null, runId: event.runId };
    // The run that reaches the threshold proves all the runs before it; each later one adds itself.
    const sightings = slot.churnRuns === this.churnThreshold ? slot.churnRuns : 1;
    return [this.report("remount-churn", slot.slot, where, text, slot.churnEventIds.splice(0), sightings)];
  }

  private onRevert(event: Extract<HostLoopEvent, { kind: "revert" }>): Finding[] {
    const instance = event.instance ?? "";
    const name = event.name ?? "";
    const text = revertText(this.label(instance), name, event.scriptValue.preview, event.browserValue.preview, event.runId);
    return [this.report("stale-map-revert", `${this.slotOf(instance)}:${name}`, { instance, name, runId: event.runId }, text, [event.id])];
  }

  private onUnhandledTrigger(event: Extract<HostLoopEvent, { kind: "trigger" }>): Finding[] {
    const instance = event.instance ?? "";
    const name = event.name ?? "";
    const proof = event.causeId ? [event.causeId, event.id] : [event.id];
    const text = unhandledTriggerText(this.label(instance), name, event.runId);
    return [this.report("trigger-without-callback", `${this.slotOf(instance)}:${name}`, { instance, name, runId: event.runId }, text, proof)];
  }

  /** Raise a card, or update the one raised for the same kind and key: latest run, words and events, more sightings. */
  private report(kind: FindingKind, key: string, where: Pick<Finding, "instance" | "name" | "runId">, text: FindingText, eventIds: string[], sightings = 1): Finding {
    const id = findingId(kind, key);
    const previous = this.findings.get(id);
    const finding: Finding = {
      id,
      kind,
      severity: SEVERITY[kind],
      ...where,
      ...text,
      eventIds: [...(previous?.eventIds ?? []), ...eventIds].slice(-MAX_EVENT_IDS),
      count: (previous?.count ?? 0) + sightings,
    };
    this.findings.set(id, finding);
    return copyFinding(finding);
  }

  /** A keyed instance is its key; an unkeyed one is the element id it had before its first remount. */
  private slotOf(instance: string): string {
    return isUnkeyed(instance) ? (this.slots.get(instance)?.slot ?? instance) : instance;
  }

  private label(instance: string): string {
    return describeInstance(instance, this.components.get(this.slotOf(instance)) ?? null);
  }

  private namesOf(instance: string): InstanceNames {
    let names = this.names.get(instance);
    if (!names) {
      names = { callbackNames: null, setNames: new Set(), runsSeen: 0, lastSeenRunId: -1 };
      this.names.set(instance, names);
    }
    return names;
  }
}

const verdict = (findings: Finding[]): AnalyzerVerdict => ({ findings, pause: false });
const findingId = (kind: FindingKind, key: string) => `${kind}:${key}`;
const copyFinding = (finding: Finding): Finding => ({ ...finding, eventIds: [...finding.eventIds] });

/** What one automatic run shows of one loop: its latest write (none for st.rerun) and the events proving it. */
type Sighting = { write: Write | null; proof: string[] };

/** One sighting per loop (a writer's name and setter, or st.rerun) in an automatic run's causes; the last write wins. */
function stormSightings(causes: RunCause[]): Map<string, Sighting> {
  const sightings = new Map<string, Sighting>();
  for (const cause of causes) {
    if (!cause.automatic) continue;
    if (cause.rerunRequestId) sightings.set("st.rerun", { write: null, proof: [cause.rerunRequestId] });
    for (const write of cause.writes) {
      const key = `${write.slot}:${write.setter}:${write.name}`;
      sightings.set(key, { write, proof: [...(sightings.get(key)?.proof ?? []), ...write.proof] });
    }
  }
  return sightings;
}

function newTally(): StormTally {
  return { runs: 0, cause: { kind: "st.rerun" }, instance: null, name: null, lastValue: null, eventIds: [] };
}

/** Fold one run into a loop's tally; `eventIds` collects what the next report of the card will link. */
function addSighting(tally: StormTally, sighting: Sighting, runStartId: string, label: (instance: string) => string): void {
  tally.runs++;
  tally.eventIds = [...tally.eventIds, ...sighting.proof, runStartId].slice(-MAX_EVENT_IDS);
  const write = sighting.write;
  if (!write) return;
  const previous = tally.cause.kind === "write" ? tally.cause : null;
  const remounted = new Set([...(previous?.remountedArguments ?? []), ...write.remountedArguments]);
  tally.cause = {
    kind: "write",
    label: label(write.instance),
    name: write.name,
    setter: write.setter,
    phase: write.phase,
    sameValue: previous ? previous.sameValue && write.value === tally.lastValue : true,
    remountedArguments: [...remounted],
  };
  tally.instance = write.instance;
  tally.name = write.name;
  tally.lastValue = write.value;
}
