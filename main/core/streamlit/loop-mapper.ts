import type { Json, PreviewLoopEvent, SessionStateEntry } from "../../../common";
import { loopClock, previewText, previewValue } from "../../../common";
import { INTERNAL_KEY_PREFIX, TRIGGER_SUFFIX } from "../../../common/widgets";
import { browserHolds, withBrowserHolds } from "../browser-holds";
import type { HostHop, LoopRecorder } from "../debugger/loop-recorder";
import type { BackFacts, BidiFacts } from "./protocol";
import type { ProbeEvent } from "./probe";

type Rerun = Extract<BackFacts, { type: "rerun_script" }>;
type Change = Extract<HostHop, { kind: "data-diff" }>["changes"][number];

/** Widget values that exist for the one request they fire in (a button click, a chat message). */
const ONE_SHOT = new Set(["trigger_value", "string_trigger_value", "chat_input_value"]);
/**
 * A user's event explains the next rerun request if it came within this long before it. The
 * events ride just ahead of the request on the same socket, so no wait is needed for them;
 * the bound only keeps a click long ago from explaining a write a timer makes much later.
 */
const USER_EVENT_WINDOW_MS = 10_000;
/** Past this, a component's `data` is named whole in its diff instead of field by field. */
const DIFF_FIELDS_CAP = 100_000;

/** Streamlit's element ids end in the user key (`$$ID-<hash>-<key>`, `-None` when unkeyed). */
function userKeyOf(elementId: string): string | null {
  const match = /^\$\$ID-[0-9a-f]+-(.*)$/s.exec(elementId);
  return match && match[1] !== "None" ? match[1] : null;
}

/**
 * Turns what Loopwright sees between Streamlit's frontend and server into the timeline's hops,
 * the same ones the emulator's preview and engine record, so one findings analyzer reads both:
 * a rerun request's component values become `set`s (one per state name that changed, each
 * trigger payload) carried by a `flush`, caused by the user's event the probe saw just before,
 * or by nothing (a component writing on its own: what a storm is made of); each rendered
 * component instance becomes a `mount`, `remount` or `data-diff`; and a state name the browser
 * resends over a script or panel write becomes a `revert`.
 */
export class LoopMapper {
  private userEvents: ProbeEvent[] = [];
  /** Per component element: the state map the browser last sent. */
  private readonly browserMaps = new Map<string, Record<string, Json>>();
  /** The names the browser changed in the request that started the current run. */
  private setThisRun = new Map<string, Set<string>>();
  private setInFlush = new Map<string, Set<string>>();
  /** Per instance slot (its key; unkeyed, its position): the last render, to diff against. */
  private readonly rendered = new Map<string, BidiFacts>();
  /** Element hops of the run in progress, recorded after its end (they are what it rendered). */
  private runHops: HostHop[] = [];
  private runMounts: PreviewLoopEvent[] = [];
  private readonly elementOfKey = new Map<string, string>();
  private readonly widgetTypes = new Map<string, string>();
  /** Per native widget: the JSON of the value the browser last sent. */
  private readonly sentValues = new Map<string, string>();
  stopRequested = false;

  constructor(private readonly loop: LoopRecorder) {}

  /** A new browser connection: what the old one held is gone with it. */
  forgetBrowser(): void {
    this.browserMaps.clear();
    this.rendered.clear();
    this.elementOfKey.clear();
    this.widgetTypes.clear();
    this.sentValues.clear();
    this.userEvents = [];
  }

  /** Trusted events the probe saw in the app view; the next request may be their doing. */
  userActed(events: ProbeEvent[]): void {
    this.userEvents.push(...events);
    if (this.userEvents.length > 50) this.userEvents.splice(0, this.userEvents.length - 50);
  }

  /**
   * A rerun request from the browser: its hops go on the timeline now; returns the id of the
   * hop that causes the run (the flush, or a request when it carries nothing).
   */
  flush(rerun: Rerun, runId: number): string {
    const now = loopClock();
    const events: PreviewLoopEvent[] = [];
    const user = this.takeUserEvent(now);
    let domId: string | null = null;
    if (user) {
      domId = this.loop.reserve();
      events.push({ kind: "dom", id: domId, causeId: null, runId, at: user.at, instance: user.key, eventType: user.type, target: user.target, trusted: true });
    }
    const phase = user ? "later" : "invocation";
    const setIds: string[] = [];
    const setNow = new Map<string, Set<string>>();
    for (const widget of rerun.widgets) {
      const trigger = triggerOwner(widget.id);
      if (trigger !== null && widget.kind === "json_trigger_value") {
        for (const payload of Array.isArray(widget.value) ? widget.value : []) {
          if (!isRecord(payload) || typeof payload.event !== "string") continue;
          const id = this.loop.reserve();
          setIds.push(id);
          events.push({
            kind: "set", id, causeId: domId, runId, at: now, instance: userKeyOf(trigger) ?? trigger, name: payload.event,
            setter: "trigger", value: previewValue(payload.value ?? null), unchanged: false, phase, stack: null, elementId: trigger,
          });
        }
        continue;
      }
      if (widget.kind !== "json_value" || !this.isComponent(widget.id) || !isRecord(widget.value)) {
        const id = this.nativeWidget(widget, domId, runId, now);
        if (id) {
          setIds.push(id.id);
          events.push(id);
        }
        continue;
      }
      const before = this.browserMaps.get(widget.id) ?? {};
      const map = widget.value;
      this.browserMaps.set(widget.id, map);
      const changed = new Set<string>();
      for (const [name, value] of Object.entries(map)) {
        if (name in before && JSON.stringify(before[name]) === JSON.stringify(value)) continue;
        changed.add(name);
        const id = this.loop.reserve();
        setIds.push(id);
        events.push({
          kind: "set", id, causeId: domId, runId, at: now, instance: userKeyOf(widget.id) ?? widget.id, name,
          setter: "state", value: previewValue(value), unchanged: false, phase, stack: null, elementId: widget.id,
        });
      }
      if (changed.size) setNow.set(widget.id, changed);
    }
    this.setInFlush = setNow;
    if (!setIds.length && !domId) {
      // Nothing changed: the frontend asked on its own (the page loaded, Streamlit's own Rerun menu).
      return this.loop.record({ kind: "request", causeId: null, source: "browser", detail: null });
    }
    const flushId = this.loop.reserve();
    // As the emulator's preview links it: the flush carries the sets and follows from the first.
    events.push({ kind: "flush", id: flushId, causeId: setIds[0] ?? domId, runId, at: now, setIds, fragmentId: rerun.fragmentId || null });
    void this.loop.ingest(events);
    return flushId;
  }

  /** A run starts: a state name the browser resent unchanged over the script's value is reverted by it. */
  runStarted(runId: number, startId: string, entries: SessionStateEntry[]): void {
    this.runHops = [];
    this.runMounts = [];
    this.setThisRun = this.setInFlush;
    this.setInFlush = new Map();
    this.stopRequested = false;
    for (const entry of entries) {
      const map = entry.kind === "component" ? this.browserMapOf(entry.key) : undefined;
      if (entry.kind !== "component" || !map) continue;
      const setNow = this.setThisRun.get(this.elementOfKey.get(entry.key)!);
      for (const [name, browserValue] of Object.entries(browserHolds(entry, map))) {
        if (setNow?.has(name)) continue;
        this.loop.record({ kind: "revert", causeId: startId, runId, instance: entry.key, name, scriptValue: previewValue(entry.state[name]), browserValue: previewValue(browserValue) });
      }
    }
  }

  /** A component element of the run in progress. */
  component(bidi: BidiFacts, deltaPath: number[], runId: number, runEndId: string): void {
    const key = userKeyOf(bidi.id);
    const instance = key ?? bidi.id;
    const slot = key !== null ? `key:${key}` : `${bidi.componentName}@${deltaPath.join(".")}`;
    if (key !== null) this.elementOfKey.set(key, bidi.id);
    const previous = this.rendered.get(slot);
    this.rendered.set(slot, bidi);
    const at = loopClock();
    if (!previous) {
      this.runMounts.push({ kind: "mount", id: this.loop.reserve(), causeId: runEndId, runId, at, instance, elementId: bidi.id, frontendKey: bidi.id, component: bidi.componentName });
      return;
    }
    if (previous.id !== bidi.id) {
      this.runHops.push({ kind: "remount", causeId: runEndId, runId, instance, elementId: bidi.id, previousElementId: previous.id, changedArguments: changedArguments(previous, bidi) });
    }
    const changes = dataChanges(previous.json, bidi.json);
    if (changes.length) this.runHops.push({ kind: "data-diff", causeId: runEndId, runId, instance, elementId: bidi.id, changes });
  }

  /** The run ended: what it rendered goes on the timeline after its end. */
  runEnded(): void {
    // A mount is a browser-side hop (the emulator's preview records it), the rest are the host's.
    if (this.runMounts.length) void this.loop.ingest(this.runMounts);
    for (const hop of this.runHops) this.loop.record(hop);
    this.runMounts = [];
    this.runHops = [];
  }

  /** Marks component state the browser holds otherwise: its next request restores it (§6). */
  withBrowserHolds(entries: SessionStateEntry[]): SessionStateEntry[] {
    return withBrowserHolds(entries, (key) => this.browserMapOf(key));
  }

  private browserMapOf(key: string): Record<string, Json> | undefined {
    const elementId = this.elementOfKey.get(key);
    return elementId ? this.browserMaps.get(elementId) : undefined;
  }

  /** A native widget's element type, from the deltas that rendered it ("button", "text_input", …). */
  widgetRendered(widgetId: string, type: string): void {
    this.widgetTypes.set(widgetId, type);
  }

  /** A native widget's value in a request: a hop when it fired (a trigger) or changed since the last request. */
  private nativeWidget(widget: Rerun["widgets"][number], domId: string | null, runId: number, at: number): Extract<PreviewLoopEvent, { kind: "widget" }> | null {
    if (widget.id.startsWith(INTERNAL_KEY_PREFIX)) return null;
    const json = JSON.stringify(widget.value);
    const fired = ONE_SHOT.has(widget.kind);
    if (!fired && this.sentValues.get(widget.id) === json) return null;
    const first = !fired && !this.sentValues.has(widget.id);
    this.sentValues.set(widget.id, json);
    // The first time the frontend sends a widget it reports its initial value, not a change.
    if (first && !domId) return null;
    const type = this.widgetTypes.get(widget.id) ?? "widget";
    return { kind: "widget", id: this.loop.reserve(), causeId: domId, runId, at, instance: userKeyOf(widget.id), widget: type, elementId: widget.id, value: previewValue(widget.value) };
  }

  private isComponent(elementId: string): boolean {
    for (const rendered of this.rendered.values()) if (rendered.id === elementId) return true;
    return false;
  }

  /** The latest user event not yet used, if recent: the person's action behind this request. */
  private takeUserEvent(now: number): ProbeEvent | null {
    const recent = this.userEvents.filter((event) => now - event.at <= USER_EVENT_WINDOW_MS);
    this.userEvents = [];
    return recent.at(-1) ?? null;
  }
}

/** The component element a trigger aggregator belongs to (`$$STREAMLIT_INTERNAL_KEY_<id>__events`). */
function triggerOwner(widgetId: string): string | null {
  if (!widgetId.startsWith(INTERNAL_KEY_PREFIX) || !widgetId.endsWith(TRIGGER_SUFFIX)) return null;
  return widgetId.slice(INTERNAL_KEY_PREFIX.length, -TRIGGER_SUFFIX.length);
}

/** The mount arguments, as the element carries them, whose change gave the instance a new identity. */
const MOUNT_ARGUMENTS: [keyof BidiFacts, string][] = [
  ["json", "data"],
  ["dataSize", "data"],
  ["jsContent", "js"],
  ["jsSourcePath", "js"],
  ["htmlContent", "html"],
  ["cssContent", "css"],
  ["cssSourcePath", "css"],
  ["isolateStyles", "isolate_styles"],
  ["formId", "form"],
];

function changedArguments(before: BidiFacts, after: BidiFacts): string[] {
  return [...new Set(MOUNT_ARGUMENTS.filter(([field]) => before[field] !== after[field]).map(([, name]) => name))];
}

function isRecord(value: unknown): value is Record<string, Json> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function dataChanges(before: string | null, after: string | null): Change[] {
  if (before === after) return [];
  if (before === null || after === null || Math.max(before.length, after.length) > DIFF_FIELDS_CAP) {
    return [{ key: "data", ...(before === null ? {} : { before: previewText(before) }), ...(after === null ? {} : { after: previewText(after) }) }];
  }
  const old = parse(before);
  const now = parse(after);
  if (!isRecord(old) || !isRecord(now)) return [{ key: "data", before: previewText(before), after: previewText(after) }];
  const changes: Change[] = [];
  for (const name of new Set([...Object.keys(old), ...Object.keys(now)])) {
    const a = name in old ? JSON.stringify(old[name]) : undefined;
    const b = name in now ? JSON.stringify(now[name]) : undefined;
    if (a === b) continue;
    changes.push({ key: `data.${name}`, ...(a === undefined ? {} : { before: previewText(a) }), ...(b === undefined ? {} : { after: previewText(b) }) });
  }
  return changes;
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
