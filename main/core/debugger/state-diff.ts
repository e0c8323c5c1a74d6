import type { Json, SessionStateEntry } from "../../../common";
import { previewValue } from "../../../common";
import type { HostHop } from "./loop-recorder";

type StateDiff = Extract<HostHop, { kind: "state-diff" }>;
type Change = StateDiff["changed"][number];

/**
 * Session state after a run against before it, as the script sees it: plain keys and widgets by
 * key, components field by field (`key.field`, the presented value Streamlit shows), so a diff
 * names the exact state name that changed.
 */
export function diffSessionState(before: SessionStateEntry[], after: SessionStateEntry[]): Omit<StateDiff, "causeId"> | null {
  const old = flatten(before);
  const now = flatten(after);
  const added: Change[] = [];
  const changed: Change[] = [];
  const removed: Change[] = [];
  for (const [key, value] of now) {
    if (!old.has(key)) added.push({ key, after: previewValue(value) });
    else if (JSON.stringify(old.get(key)) !== JSON.stringify(value)) changed.push({ key, before: previewValue(old.get(key)), after: previewValue(value) });
  }
  for (const [key, value] of old) if (!now.has(key)) removed.push({ key, before: previewValue(value) });
  if (!added.length && !changed.length && !removed.length) return null;
  return { kind: "state-diff", added, changed, removed };
}

function flatten(entries: SessionStateEntry[]): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const entry of entries) {
    if (entry.kind !== "component") out.set(entry.key, entry.value);
    else for (const [field, value] of Object.entries(entry.value)) out.set(`${entry.key}.${field}`, value);
  }
  return out;
}
