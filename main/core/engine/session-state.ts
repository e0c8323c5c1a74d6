import {
  StreamlitAPIException,
  modifiedAfterComponent,
  valueAssignmentNotAllowed,
  widgetAlreadyInstantiated,
} from "./errors";

export type Callback = () => unknown;

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
  | "radio";

export interface NativeMeta {
  kind: NativeKind;
  id: string;
  userKey: string | null;
  fragmentId: string | null;
  onChange: Callback | null;
  /** The browser's value → the session value (e.g. an option index → the option). */
  fromWire?: (wire: unknown) => unknown;
}

export const isTrigger = (meta: WidgetMeta | undefined) => meta?.kind === "button" || meta?.kind === "form_submit_button";

export type WidgetMeta = ComponentMeta | NativeMeta;

export interface TriggerEvent {
  event: string;
  value: unknown;
}

export type StateMap = Record<string, unknown>;

/**
 * Everything Streamlit keeps per session: values the script set, widget values, the widgets
 * registered by the last run, and what this run has instantiated so far. It lives in the
 * runner, and is exported after every run so a killed runner loses nothing.
 */
export class SessionState {
  /** Keys the script (or the panel) set that are not widget keys, plus writes to keys of widgets not yet mounted. */
  readonly user = new Map<string, unknown>();
  /** Widget id → value: a component's state map, a text input's string. */
  readonly values = new Map<string, unknown>();
  /** Browser state maps for widgets the last run did not register; consumed when they mount. */
  readonly incoming = new Map<string, StateMap>();
  /** The same for native widgets: raw browser values, decoded when the widget registers. */
  readonly incomingValues = new Map<string, unknown>();
  /** Component id → this run's trigger payloads, in order (the aggregator). */
  readonly events = new Map<string, TriggerEvent[]>();
  /** Component id → names that have fired as triggers at least once (for the panel's labels). */
  readonly seenTriggers = new Map<string, Set<string>>();
  /** Buttons clicked for this run. */
  readonly fired = new Set<string>();
  readonly meta = new Map<string, WidgetMeta>();
  readonly keyToId = new Map<string, string>();
  /** Widgets created so far in this run; writes to them now raise (§6). */
  readonly instantiated = new Set<string>();

  widgetForKey(key: string): WidgetMeta | undefined {
    const id = this.keyToId.get(key);
    return id === undefined ? undefined : this.meta.get(id);
  }

  /** This run's trigger values, last payload per event (§7.2: duplicates keep the last value). */
  triggerValues(id: string): StateMap {
    const out: StateMap = {};
    for (const { event, value } of this.events.get(id) ?? []) out[event] = value;
    return out;
  }

  componentMap(id: string): StateMap {
    return (this.values.get(id) as StateMap | undefined) ?? {};
  }

  /** `st.session_state[key]` for a keyed component: `{...this run's triggers, ...state}` (§6). */
  presentComponent(meta: ComponentMeta): StateMap {
    return { ...this.triggerValues(meta.id), ...this.componentMap(meta.id) };
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
  }

  /** `st.session_state[key] = value`. */
  assign(key: string, value: unknown): void {
    const meta = this.widgetForKey(key);
    if (!meta) {
      this.user.set(key, value);
      return;
    }
    if (isTrigger(meta)) throw valueAssignmentNotAllowed(key);
    if (this.instantiated.has(meta.id)) throw widgetAlreadyInstantiated(key);
    if (meta.kind === "bidi_component") {
      if (!isPlainObject(value)) {
        throw StreamlitAPIException(`\`st.session_state.${key}\` holds a component's state and must be set to an object, got ${describe(value)}.`);
      }
      this.values.set(meta.id, { ...value });
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

  /** Start of a run: triggers reset (§7.2 step 1). */
  resetTriggers(): void {
    this.events.clear();
    this.fired.clear();
  }

  /** Start of a run: nothing is instantiated yet. */
  beginRun(): void {
    this.instantiated.clear();
    this.incoming.clear();
    this.incomingValues.clear();
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
      this.meta.delete(id);
      if (meta.userKey !== null && this.keyToId.get(meta.userKey) === id) this.keyToId.delete(meta.userKey);
    }
  }
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== "object") return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

export function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? (value.constructor?.name ?? "an object") : `a ${typeof value}`;
}
