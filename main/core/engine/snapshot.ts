import { inspect } from "node:util";
import type { Json, SessionStateEntry } from "../../../common";
import { type SessionState, isTrigger } from "./session-state";

/** The Session State panel's rows: every user key and every keyed widget (unkeyed are hidden, §6). */
export function snapshotEntries(state: SessionState): SessionStateEntry[] {
  const entries: SessionStateEntry[] = [];
  for (const [key, value] of state.user) entries.push({ key, kind: "value", ...asJson(value) });
  for (const [key, id] of state.keyToId) {
    const meta = state.meta.get(id);
    if (!meta) continue;
    if (meta.kind === "bidi_component") {
      const fired = state.triggerValues(id);
      const stateMap = state.componentMap(id);
      // One callback map serves states and triggers (§2): a name is shown as a trigger once it
      // has fired (null while not firing); a callback name that never held a value is neither yet.
      const seen = state.seenTriggers.get(id) ?? new Set<string>();
      const triggerNames = [...meta.callbacks.keys()].filter((name) => !(name in stateMap) && seen.has(name));
      const triggers: Record<string, Json> = {};
      for (const name of [...triggerNames, ...Object.keys(fired)]) triggers[name] = asJson(fired[name] ?? null).value;
      entries.push({
        key,
        kind: "component",
        component: meta.component,
        state: jsonFields(stateMap),
        triggers,
        callbackNames: [...meta.callbacks.keys()],
        value: jsonFields(state.presentComponent(meta)),
        editable: true,
      });
    } else {
      const trigger = isTrigger(meta);
      const value = trigger ? state.fired.has(id) : state.values.get(id);
      entries.push({ key, kind: "widget", widget: meta.kind, ...asJson(value), editable: !trigger });
    }
  }
  return entries.sort((a, b) => a.key.localeCompare(b.key));
}

/** A map's values as JSON, one by one (a value JSON cannot hold becomes null). */
function jsonFields(map: Record<string, unknown>): Record<string, Json> {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name, asJson(value).value]));
}

/** JSON when the value round-trips through JSON unchanged; otherwise a description, read-only. */
export function asJson(value: unknown): { value: Json; display: string; editable: boolean } {
  try {
    const text = JSON.stringify(value);
    if (text !== undefined && roundTrips(value, JSON.parse(text))) {
      return { value: JSON.parse(text) as Json, display: text, editable: true };
    }
  } catch {
    // cycles and BigInt land here: shown by description below
  }
  return { value: null, display: inspect(value, { depth: 3, breakLength: Infinity }), editable: false };
}

function roundTrips(original: unknown, parsed: unknown): boolean {
  if (original === null || typeof original !== "object") return Object.is(original, parsed) || original === parsed;
  if (Array.isArray(original)) {
    return Array.isArray(parsed) && original.length === parsed.length && original.every((v, i) => roundTrips(v, parsed[i]));
  }
  const proto = Object.getPrototypeOf(original);
  if (proto !== Object.prototype && proto !== null) return false;
  const keys = Object.keys(original);
  return (
    parsed !== null &&
    typeof parsed === "object" &&
    keys.length === Object.keys(parsed).length &&
    keys.every((k) => roundTrips((original as Record<string, unknown>)[k], (parsed as Record<string, unknown>)[k]))
  );
}
