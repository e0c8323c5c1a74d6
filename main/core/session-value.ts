import type { SessionStateEntry, SessionValueRequest, SessionValueResult } from "../../common";
import { fullValuePath } from "./engine/snapshot";

/**
 * The whole value behind a Session State panel row, from the last run's entries and the whole
 * JSON of the values they summarise. A key or field that does not exist is answered with the
 * ones that do, so a caller can see its typo.
 */
export function readSessionValue(entries: SessionStateEntry[], full: Record<string, string>, request: SessionValueRequest): SessionValueResult {
  const { key, field, kind = "state" } = request;
  const entry = entries.find((e) => e.key === key);
  if (!entry) return { ok: false, error: `There is no key "${key}" in session state. Keys: ${listed(entries.map((e) => e.key))}.` };
  const text = (path: string, value: unknown) => full[path] ?? JSON.stringify(value);
  if (entry.kind !== "component") {
    if (field !== undefined) return { ok: false, error: `"${key}" is not a component; it has no field "${field}".` };
    return { ok: true, json: entry.editable ? text(fullValuePath(key), entry.value) : JSON.stringify(entry.display) };
  }
  if (field === undefined) {
    // What st.session_state[key] presents, {...triggers, ...state}, assembled from each field's text.
    const names = Object.keys(entry.value);
    const json = names.map((name) => `${JSON.stringify(name)}:${text(fullValuePath(key, name, name in entry.state ? "state" : "trigger"), entry.value[name])}`);
    return { ok: true, json: `{${json.join(",")}}` };
  }
  const map = kind === "state" ? entry.state : entry.triggers;
  if (!(field in map)) return { ok: false, error: `"${key}" has no ${kind} value "${field}". ${kind === "state" ? "State" : "Trigger"} names: ${listed(Object.keys(map))}.` };
  return { ok: true, json: text(fullValuePath(key, field, kind), map[field]) };
}

const listed = (names: string[]) => (names.length ? names.map((name) => JSON.stringify(name)).join(", ") : "none");
