import type { Json } from "../../common/json";
import type { SessionStateEntry, SessionStateSnapshot } from "../../common/session";

export type { SessionStateEntry, SessionStateSnapshot };

/**
 * Session state as a script sees `st.session_state.to_dict()`: `{ [key]: value }`, each value as
 * the host presents it (a component's is Streamlit's `{ ...triggers fired this run, ...state }`).
 */
export function presentSessionState(snapshot: SessionStateSnapshot): Record<string, Json> {
  return Object.fromEntries(snapshot.entries.map((entry) => [entry.key, entry.value]));
}
