import type { Json } from "../../common/json";
import type { SessionStateEntry, SessionStateSnapshot } from "../../common/session";

export type { SessionStateEntry, SessionStateSnapshot };

/**
 * Session state as a script sees `st.session_state.to_dict()`: `{ [key]: value }`.
 * - plain values and native widgets: their value;
 * - components: Streamlit's presenter view `{ ...triggers fired this run, ...state }` — trigger
 *   names whose value is null (not fired) are absent, and state wins on a name clash (§5–§6).
 */
export function presentSessionState(snapshot: SessionStateSnapshot): Record<string, Json> {
  const out: Record<string, Json> = {};
  for (const entry of snapshot.entries) out[entry.key] = presentEntry(entry);
  return out;
}

function presentEntry(entry: SessionStateEntry): Json {
  if (entry.kind !== "component") return entry.value;
  const fired = Object.entries(entry.triggers).filter(([, value]) => value !== null);
  return { ...Object.fromEntries(fired), ...entry.state };
}
