import type { ComponentData, HostLoopEvent } from "../../../common";
import { loopClock, previewText, previewValue } from "../../../common";
import { PRESENTED_VALUE_CAP } from "../../../common/session";

type EngineHopKind = "callback" | "trigger" | "revert" | "remount" | "data-diff";
type WithoutLinks<T> = T extends unknown ? Omit<T, "id" | "causeId" | "runId"> : never;
type WithoutStamp<T> = T extends unknown ? Omit<T, "at"> : never;

/** What the engine saw during one run, as loop events without ids: the host links them into its timeline. */
export type EngineHop = WithoutLinks<Extract<HostLoopEvent, { kind: EngineHopKind }>>;

/** The identity-relevant mount arguments of an instance, and its data, as the last run had them. */
export interface MountRecord {
  elementId: string;
  identity: Record<string, unknown>;
  data: ComponentData;
  defaults: Record<string, unknown> | null;
}

/**
 * The engine's notes for the loop debugger: hops recorded during a run, and each instance's mount
 * arguments across runs, so a new element id can be explained (which argument changed) and a
 * re-invocation's cause shown (what changed in `data` / `default`).
 */
export class LoopJournal {
  private hops: EngineHop[] = [];
  private mounts = new Map<string, MountRecord>();
  private nextMounts = new Map<string, MountRecord>();
  private slotCounts = new Map<string, number>();

  record(hop: WithoutStamp<EngineHop>): void {
    this.hops.push({ ...hop, at: loopClock() } as EngineHop);
  }

  beginRun(): void {
    this.hops = [];
    this.slotCounts.clear();
    this.nextMounts = new Map(this.mounts);
  }

  /** The hops of the run that just ended; a run that was preempted keeps the previous mounts. */
  endRun(completed: boolean): EngineHop[] {
    if (completed) this.mounts = this.nextMounts;
    return this.hops;
  }

  /**
   * A component mount: compares it with the same slot of the last run (keyed: its key; unkeyed:
   * the n-th instance of that component in the run, which is how an author reads the page).
   */
  mounted(component: string, userKey: string | null, record: MountRecord): void {
    const ordinal = this.slotCounts.get(component) ?? 0;
    this.slotCounts.set(component, ordinal + 1);
    const slot = userKey !== null ? `key:${userKey}` : `${component}#${ordinal}`;
    const previous = this.mounts.get(slot);
    this.nextMounts.set(slot, record);
    if (!previous) return;
    const instance = userKey ?? record.elementId;
    if (previous.elementId !== record.elementId) {
      const changedArguments = Object.keys({ ...previous.identity, ...record.identity }).filter(
        (name) => JSON.stringify(previous.identity[name]) !== JSON.stringify(record.identity[name]),
      );
      this.record({ kind: "remount", instance, elementId: record.elementId, previousElementId: previous.elementId, changedArguments });
    }
    const changes = [...dataChanges(previous.data, record.data), ...fieldChanges("default", previous.defaults, record.defaults)];
    if (changes.length) this.record({ kind: "data-diff", instance, elementId: record.elementId, changes });
  }
}

type Change = Extract<EngineHop, { kind: "data-diff" }>["changes"][number];

function dataChanges(before: ComponentData, after: ComponentData): Change[] {
  if (before.kind === "json" && after.kind === "json") {
    if (before.json === after.json) return [];
    // Field by field means parsing and restringifying both; past the panel's cap, the whole `data` is named instead.
    if (Math.max(before.json.length, after.json.length) > PRESENTED_VALUE_CAP) return [{ key: "data", before: previewText(before.json), after: previewText(after.json) }];
    return fieldChanges("data", JSON.parse(before.json), JSON.parse(after.json));
  }
  const describe = (data: ComponentData) => (data.kind === "json" ? JSON.parse(data.json) : data.kind === "null" ? null : `<${data.kind} data>`);
  if (before.kind === after.kind && sameBytes(before, after)) return [];
  return [{ key: "data", before: previewValue(describe(before)), after: previewValue(describe(after)) }];
}

function sameBytes(before: ComponentData, after: ComponentData): boolean {
  if (before.kind === "null") return true;
  if (before.kind === "bytes" || before.kind === "arrow") {
    const other = (after as typeof before).bytes;
    return before.bytes.length === other.length && before.bytes.every((b, i) => b === other[i]);
  }
  return JSON.stringify(before) === JSON.stringify(after);
}

/** Top-level fields of two objects (`data.label`), or the whole value when either is not an object. */
function fieldChanges(prefix: string, before: unknown, after: unknown): Change[] {
  const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);
  if (!isObject(before) || !isObject(after)) {
    if (JSON.stringify(before) === JSON.stringify(after)) return [];
    return [{ key: prefix, before: previewValue(before), after: previewValue(after) }];
  }
  const changes: Change[] = [];
  for (const name of Object.keys({ ...before, ...after })) {
    const key = `${prefix}.${name}`;
    if (!(name in before)) changes.push({ key, after: previewValue(after[name]) });
    else if (!(name in after)) changes.push({ key, before: previewValue(before[name]) });
    else if (JSON.stringify(before[name]) !== JSON.stringify(after[name])) {
      changes.push({ key, before: previewValue(before[name]), after: previewValue(after[name]) });
    }
  }
  return changes;
}
