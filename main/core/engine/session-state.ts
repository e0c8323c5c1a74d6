import { isDeepStrictEqual } from "node:util";
import type { Json, SessionStateEntry, WidgetState } from "../../../common";
import { INTERNAL_KEY_PREFIX, TRIGGER_SUFFIX } from "../../../common";
import {
  StreamlitAPIException,
  duplicateId,
  duplicateKey,
  modifiedAfterComponent,
  valueAssignmentNotAllowed,
  widgetAlreadyInstantiated,
} from "./errors";
import { ValuePresenter, fullValuePath } from "./snapshot";
import { previewValue } from "../../../common";
import type { LoopJournal } from "./journal";

export type Callback = () => unknown;

/** A callback made due by the browser's message, with what the timeline names it by. */
export interface DueCallback {
  callback: Callback;
  /** The widget's user key, or its element id when unkeyed. */
  instance: string;
  /** The state or trigger name (`on_<name>_change`), or `on_change` / `on_click`. */
  name: string;
}

export interface ComponentMeta {
  kind: "bidi_component";
  id: string;
  userKey: string | null;
  /** The fragment it was rendered in: a fragment rerun only cleans up its own widgets. */
  fragmentId: string | null;
  component: string;
  /** `on_<name>_change` callbacks by name; the same map serves state and trigger names (§2). */
  callbacks: Map<string, Callback>;
  defaults: Record<string, unknown> | null;
}

export type NativeKind =
  | "button"
  | "form_submit_button"
  | "text_input"
  | "text_area"
  | "checkbox"
  | "toggle"
  | "slider"
  | "number_input"
  | "selectbox"
  | "radio"
  | "multiselect"
  | "chat_input"
  | "date_input";

export interface NativeMeta {
  kind: NativeKind;
  id: string;
  userKey: string | null;
  fragmentId: string | null;
  /** on_change, or a button's on_click. */
  onChange: Callback | null;
  /**
   * The browser's value → the session value (e.g. an option index → the option). Absent on
   * buttons, and on a widget restored from another runner until its next registration brings it.
   */
  fromWire?: (wire: unknown) => unknown;
}

export type WidgetMeta = ComponentMeta | NativeMeta;

export type StateMap = Record<string, unknown>;

interface TriggerEvent {
  event: string;
  value: unknown;
}

/** What outlives a run and a runner: values, registrations and keys, not this run's triggers. */
export interface PersistentState<Meta = WidgetMeta> {
  user: [string, unknown][];
  values: [string, unknown][];
  meta: Meta[];
  keyToId: [string, string][];
}

/**
 * Everything Streamlit keeps per session: values the script set, widget values, the widgets
 * registered by the last run, and what this run has instantiated so far. It lives in the
 * runner, and is exported after every run so a killed runner loses nothing.
 */
export class SessionState {
  /** Keys the script (or the panel) set that are not widget keys, plus writes to keys of widgets not yet mounted. */
  private readonly user = new Map<string, unknown>();
  /** Widget id → value: a component's state map, a text input's string. */
  private readonly values = new Map<string, unknown>();
  /** Browser state maps for widgets the last run did not register; consumed when they mount. */
  private readonly incoming = new Map<string, StateMap>();
  /** The same for native widgets: raw browser values, decoded when the widget registers. */
  private readonly incomingValues = new Map<string, unknown>();
  /** Component id → this run's trigger payloads, in order (the aggregator). */
  private readonly events = new Map<string, TriggerEvent[]>();
  /** Component id → names that have fired as triggers at least once (for the panel's labels). */
  private readonly seenTriggers = new Map<string, Set<string>>();
  /** Buttons clicked for this run. */
  private readonly fired = new Set<string>();
  /** Chat inputs submitted for this run, with their text. */
  private readonly submitted = new Map<string, string>();
  private readonly meta = new Map<string, WidgetMeta>();
  private readonly keyToId = new Map<string, string>();
  /** Widgets created so far in this run; writes to them now raise (§6). */
  private readonly instantiated = new Set<string>();
  /** Component id → state names the script or the panel wrote since the browser last sent its map. */
  private readonly scriptWrites = new Map<string, Set<string>>();

  constructor(private readonly journal: LoopJournal | null = null) {}

  /** Start of a run: triggers reset (§7.2 step 1), nothing is instantiated yet. */
  beginRun(): void {
    this.resetTriggers();
    this.instantiated.clear();
    this.incoming.clear();
    this.incomingValues.clear();
  }

  /** End of a run: this run's trigger values are gone for the next one (§7.2 step 4). */
  resetTriggers(): void {
    this.events.clear();
    this.fired.clear();
    this.submitted.clear();
  }

  /**
   * End of a run that completed: drop the widgets it did not create. A fragment rerun only
   * answers for the widgets of its fragment.
   */
  removeStaleWidgets(fragmentId: string | null = null): void {
    if (fragmentId === null) {
      for (const id of [...this.values.keys()]) if (!this.instantiated.has(id)) this.values.delete(id);
    }
    for (const [id, meta] of [...this.meta]) {
      if (this.instantiated.has(id) || (fragmentId !== null && meta.fragmentId !== fragmentId)) continue;
      this.values.delete(id);
      this.seenTriggers.delete(id);
      this.scriptWrites.delete(id);
      this.meta.delete(id);
      if (meta.userKey !== null && this.keyToId.get(meta.userKey) === id) this.keyToId.delete(meta.userKey);
    }
  }

  /**
   * One entry of the browser's rerun message (§7.2 step 1): stores it and returns the callbacks
   * it makes due, in payload order. An entry for a widget the last run did not register is kept
   * until that widget mounts.
   */
  receive(ws: WidgetState): DueCallback[] {
    switch (ws.type) {
      case "json_trigger_value":
        return this.receiveTriggers(ws.value, aggregatorOwner(ws.id));
      case "json_value":
        return this.receiveStateMap(ws.id, parseStateMap(ws.value));
      case "trigger_value":
        return this.receiveClick(ws.id, ws.value);
      case "string_trigger_value":
        return this.receiveSubmit(ws.id, ws.value);
      case "value":
        return this.receiveValue(ws.id, ws.value);
    }
  }

  private receiveTriggers(text: string, id: string | null): DueCallback[] {
    if (id === null) return [];
    const events = parseTriggerList(text);
    this.events.set(id, events);
    const seen = this.seenTriggers.get(id) ?? new Set<string>();
    this.seenTriggers.set(id, seen);
    for (const { event } of events) seen.add(event);
    const meta = this.meta.get(id);
    if (meta?.kind !== "bidi_component") return [];
    const instance = instanceName(meta);
    for (const { event } of events) this.journal?.record({ kind: "trigger", instance, name: event, handled: meta.callbacks.has(event) });
    // Each payload calls its callback: the same event twice in a batch calls it twice (§7.2).
    return events.flatMap(({ event }) => due(meta, event));
  }

  private receiveStateMap(id: string, incoming: StateMap): DueCallback[] {
    const meta = this.meta.get(id);
    if (meta?.kind !== "bidi_component") {
      this.incoming.set(id, incoming);
      return [];
    }
    const next = { ...(meta.defaults ?? {}), ...incoming };
    const previous = this.componentMap(id);
    this.values.set(id, next);
    this.noteReverts(meta, previous, next);
    return changedKeys(previous, next).flatMap((name) => due(meta, name));
  }

  private receiveClick(id: string, clicked: boolean): DueCallback[] {
    const meta = this.meta.get(id);
    if (!clicked || !isButton(meta)) return [];
    this.fired.add(id);
    return meta.onChange ? [{ callback: meta.onChange, instance: instanceName(meta), name: "on_click" }] : [];
  }

  /** st.chat_input: the text is the value for this run only; on_submit runs before the body. */
  private receiveSubmit(id: string, text: string): DueCallback[] {
    const meta = this.meta.get(id);
    if (meta?.kind !== "chat_input") return [];
    this.submitted.set(id, text);
    return meta.onChange ? [{ callback: meta.onChange, instance: instanceName(meta), name: "on_submit" }] : [];
  }

  private receiveValue(id: string, wire: unknown): DueCallback[] {
    const meta = this.meta.get(id);
    if (meta?.kind === "bidi_component" || isButton(meta)) return [];
    if (!meta?.fromWire) {
      // Not registered by the last run (or the runner was replaced): decoded when it mounts.
      this.incomingValues.set(id, wire);
      return [];
    }
    const value = meta.fromWire(wire);
    if (this.values.has(id) && isDeepStrictEqual(this.values.get(id), value)) return [];
    this.values.set(id, value);
    return meta.onChange ? [{ callback: meta.onChange, instance: instanceName(meta), name: "on_change" }] : [];
  }

  /**
   * A widget call in the script: checks that its key and id are unique in this run (§4), takes
   * its value from what the browser sent, a session-state write made before it existed, or its
   * default — in that order — and returns what the call returns to the script: a component's
   * result values, a button's click, a widget's value. `initial` is a native widget's default;
   * a component's is `meta.defaults`.
   */
  register(meta: ComponentMeta): StateMap;
  register(meta: NativeMeta, initial?: unknown): unknown;
  register(meta: WidgetMeta, initial?: unknown): unknown {
    const { id, userKey: key } = meta;
    if (isButton(meta) && key !== null && this.user.has(key) && !this.keyToId.has(key)) throw valueAssignmentNotAllowed(key);
    if (this.instantiated.has(id)) throw key !== null ? duplicateKey(key) : duplicateId(meta.kind);
    // The same key on another kind of widget is a different id but still a duplicate key.
    const keyOwner = key === null ? undefined : this.keyToId.get(key);
    if (key !== null && keyOwner !== undefined && this.instantiated.has(keyOwner)) throw duplicateKey(key);
    this.meta.set(id, meta);
    if (key !== null) this.keyToId.set(key, id);
    this.instantiated.add(id);

    if (isButton(meta)) return this.fired.has(id);
    if (meta.kind === "chat_input") return this.submitted.get(id) ?? null;
    const fromBrowser = this.takeIncoming(meta);
    if (fromBrowser) this.values.set(id, fromBrowser.value);
    else if (!this.values.has(id)) this.values.set(id, this.firstValue(meta, initial));
    return meta.kind === "bidi_component" ? this.resultValues(meta) : this.values.get(id);
  }

  /** What the browser sent for this widget while the last run did not have it. */
  private takeIncoming(meta: WidgetMeta): { value: unknown } | undefined {
    if (meta.kind === "bidi_component") {
      const map = this.incoming.get(meta.id);
      if (!map) return undefined;
      this.incoming.delete(meta.id);
      // Defaults fill it now, as they would have on arrival.
      return { value: { ...(meta.defaults ?? {}), ...map } };
    }
    if (!meta.fromWire || !this.incomingValues.has(meta.id)) return undefined;
    const wire = this.incomingValues.get(meta.id);
    this.incomingValues.delete(meta.id);
    return { value: meta.fromWire(wire) };
  }

  /** First appearance: a value assigned to the key before the mount wins over the default (§6). */
  private firstValue(meta: WidgetMeta, initial: unknown): unknown {
    const key = meta.userKey;
    const assigned = key !== null && this.user.has(key) ? { value: this.user.get(key) } : undefined;
    if (key !== null) this.user.delete(key);
    if (meta.kind === "bidi_component") return isPlainObject(assigned?.value) ? { ...assigned.value } : { ...(meta.defaults ?? {}) };
    return assigned ? assigned.value : initial;
  }

  /** `{**trigger_vals, **state_vals}` (§5): every callback name present, fired events, then state. */
  private resultValues(meta: ComponentMeta): StateMap {
    const triggers = this.triggerValues(meta.id);
    const out: StateMap = {};
    for (const name of meta.callbacks.keys()) out[name] = name in triggers ? triggers[name] : null;
    return { ...out, ...triggers, ...this.componentMap(meta.id) };
  }

  /** This run's trigger values, last payload per event (§7.2: duplicates keep the last value). */
  private triggerValues(id: string): StateMap {
    const out: StateMap = {};
    for (const { event, value } of this.events.get(id) ?? []) out[event] = value;
    return out;
  }

  private componentMap(id: string): StateMap {
    return (this.values.get(id) as StateMap | undefined) ?? {};
  }

  /** `st.session_state[key]` for a keyed component: `{...this run's triggers, ...state}` (§6). */
  presentComponent(meta: ComponentMeta): StateMap {
    return { ...this.triggerValues(meta.id), ...this.componentMap(meta.id) };
  }

  /** `st.session_state[key]`: a component's registration (the caller presents it), a widget's value or a plain value. */
  read(key: string): { component: ComponentMeta } | { value: unknown } | undefined {
    const meta = this.widgetForKey(key);
    if (meta?.kind === "bidi_component") return { component: meta };
    if (meta?.kind === "chat_input") return { value: this.submitted.get(meta.id) ?? null };
    if (meta) return { value: isButton(meta) ? this.fired.has(meta.id) : this.values.get(meta.id) };
    return this.user.has(key) ? { value: this.user.get(key) } : undefined;
  }

  /** A nested write `st.session_state[key][name] = value` (or a delete when value is absent). */
  writeComponentField(meta: ComponentMeta, name: string, change: { value: unknown } | "delete"): void {
    const key = meta.userKey ?? meta.id;
    if (this.instantiated.has(meta.id)) throw modifiedAfterComponent(key, name);
    // With callbacks registered, Streamlit silently ignores names that have none (§6).
    if (meta.callbacks.size > 0 && !meta.callbacks.has(name)) return;
    // Streamlit persists `dict(self)`, which includes this run's trigger events.
    const next = this.presentComponent(meta);
    if (change === "delete") delete next[name];
    else next[name] = change.value;
    this.values.set(meta.id, next);
    this.noteScriptWrite(meta.id, [name]);
  }

  /** `st.session_state[key] = value`. */
  assign(key: string, value: unknown): void {
    const meta = this.widgetForKey(key);
    if (!meta) {
      this.user.set(key, value);
      return;
    }
    if (isButton(meta)) throw valueAssignmentNotAllowed(key);
    if (this.instantiated.has(meta.id)) throw widgetAlreadyInstantiated(key);
    if (meta.kind === "bidi_component") {
      if (!isPlainObject(value)) {
        throw StreamlitAPIException(`\`st.session_state.${key}\` holds a component's state and must be set to an object, got ${describe(value)}.`);
      }
      this.values.set(meta.id, { ...value });
      this.noteScriptWrite(meta.id, Object.keys(value));
      return;
    }
    this.values.set(meta.id, value);
  }

  remove(key: string): boolean {
    const meta = this.widgetForKey(key);
    if (meta) {
      if (this.instantiated.has(meta.id)) throw widgetAlreadyInstantiated(key);
      this.values.delete(meta.id);
      this.keyToId.delete(key);
      this.meta.delete(meta.id);
      return true;
    }
    return this.user.delete(key);
  }

  has(key: string): boolean {
    return this.keyToId.has(key) || this.user.has(key);
  }

  keys(): string[] {
    const keyed = [...this.keyToId.keys()];
    return [...new Set([...this.user.keys(), ...keyed])];
  }

  private widgetForKey(key: string): WidgetMeta | undefined {
    const id = this.keyToId.get(key);
    return id === undefined ? undefined : this.meta.get(id);
  }

  private noteScriptWrite(id: string, names: string[]): void {
    const written = this.scriptWrites.get(id) ?? new Set<string>();
    for (const name of names) written.add(name);
    this.scriptWrites.set(id, written);
  }

  /** The browser's map replaced names the script wrote: Streamlit's stale-map revert, made visible. */
  private noteReverts(meta: ComponentMeta, previous: StateMap, next: StateMap): void {
    const written = this.scriptWrites.get(meta.id);
    this.scriptWrites.delete(meta.id);
    for (const name of written ?? []) {
      if (!(name in previous) || isDeepStrictEqual(previous[name], next[name])) continue;
      this.journal?.record({
        kind: "revert",
        instance: instanceName(meta),
        name,
        scriptValue: previewValue(previous[name]),
        browserValue: previewValue(next[name] ?? null),
      });
    }
  }

  /**
   * The Session State panel's rows: every user key and every keyed widget (unkeyed are hidden, §6).
   * `values` keeps the whole JSON of the values it summarises.
   */
  entries(values = new ValuePresenter()): SessionStateEntry[] {
    const entries: SessionStateEntry[] = [];
    const plain = (key: string, value: unknown) => {
      const { json: _kept, ...presented } = values.present(value, fullValuePath(key));
      return presented;
    };
    for (const [key, value] of this.user) entries.push({ key, kind: "value", ...plain(key, value) });
    for (const [key, id] of this.keyToId) {
      const meta = this.meta.get(id);
      if (!meta) continue;
      if (meta.kind === "bidi_component") {
        const fired = this.triggerValues(id);
        const stateMap = this.componentMap(id);
        // One callback map serves states and triggers (§2): a name is shown as a trigger once it
        // has fired (null while not firing); a callback name that never held a value is neither yet.
        const seen = this.seenTriggers.get(id) ?? new Set<string>();
        const triggerNames = [...meta.callbacks.keys()].filter((name) => !(name in stateMap) && seen.has(name));
        const triggerValues = Object.fromEntries([...triggerNames, ...Object.keys(fired)].map((name) => [name, fired[name] ?? null]));
        const state = values.fields(stateMap, key, "state");
        const triggers = values.fields(triggerValues, key, "trigger");
        entries.push({
          key,
          kind: "component",
          component: meta.component,
          state: state.values,
          triggers: triggers.values,
          callbackNames: [...meta.callbacks.keys()],
          value: values.fields(this.presentComponent(meta), key, "state").values,
          editable: true,
          ...(state.summaries && { stateSummaries: state.summaries }),
          ...(triggers.summaries && { triggerSummaries: triggers.summaries }),
        });
      } else {
        const button = isButton(meta);
        const chat = meta.kind === "chat_input";
        const value = button ? this.fired.has(id) : chat ? (this.submitted.get(id) ?? null) : this.values.get(id);
        entries.push({ key, kind: "widget", widget: meta.kind, ...plain(key, value), editable: !button && !chat });
      }
    }
    return entries.sort((a, b) => a.key.localeCompare(b.key));
  }

  /** For exportState: the parts of the session a replacement runner needs. */
  persistent(): PersistentState {
    return { user: [...this.user], values: [...this.values], meta: [...this.meta.values()], keyToId: [...this.keyToId] };
  }

  /** For importState, into the fresh session of a replacement runner. */
  restore(persistent: PersistentState): void {
    for (const [k, v] of persistent.user) this.user.set(k, v);
    for (const [k, v] of persistent.values) this.values.set(k, v);
    for (const meta of persistent.meta) this.meta.set(meta.id, meta);
    for (const [k, v] of persistent.keyToId) this.keyToId.set(k, v);
  }
}

const isButton = (meta: WidgetMeta | undefined): meta is NativeMeta & { kind: "button" | "form_submit_button" } =>
  meta?.kind === "button" || meta?.kind === "form_submit_button";

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : `a ${typeof value}`;
}

/** The component id a trigger aggregator id belongs to (§4), or null for any other id. */
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

const instanceName = (meta: WidgetMeta) => meta.userKey ?? meta.id;

function due(meta: ComponentMeta, name: string): DueCallback[] {
  const callback = meta.callbacks.get(name);
  return callback ? [{ callback, instance: instanceName(meta), name }] : [];
}
