import type { Json, SessionStateEntry, ValuePreview, ValueSummary } from "../../../common";
import { previewValue } from "../../../common";
import { summaryLabel } from "../../../common/session";
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
    const previous = old.get(key);
    if (!previous) added.push({ key, after: value.preview });
    else if (previous.compared !== value.compared) changed.push({ key, before: previous.preview, after: value.preview });
  }
  for (const [key, value] of old) if (!now.has(key)) removed.push({ key, before: value.preview });
  if (!added.length && !changed.length && !removed.length) return null;
  return { kind: "state-diff", added, changed, removed };
}

/** A value as the diff compares it (its JSON, or a summarised value's digest) and shows it. */
interface Compared {
  compared: string;
  preview: ValuePreview;
}

function flatten(entries: SessionStateEntry[]): Map<string, Compared> {
  const out = new Map<string, Compared>();
  const compared = (value: Json, summary: ValueSummary | undefined): Compared =>
    // Values over the panel's cap arrive summarised: their digest tells a change, their label shows it.
    summary ? { compared: `digest:${summary.digest}`, preview: { preview: summaryLabel(summary), size: summary.size } } : { compared: JSON.stringify(value), preview: previewValue(value) };
  for (const entry of entries) {
    if (entry.kind !== "component") out.set(entry.key, compared(entry.value, entry.summary));
    else {
      for (const [field, value] of Object.entries(entry.value)) {
        out.set(`${entry.key}.${field}`, compared(value, entry.stateSummaries?.[field] ?? (field in entry.state ? undefined : entry.triggerSummaries?.[field])));
      }
    }
  }
  return out;
}
