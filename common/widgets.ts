import type { Json } from "./json";

/**
 * Widget states, as the preview sends them with every rerun request (Streamlit's WidgetStates).
 * The preview keeps every widget's current value and sends all of them each time (§6, §7.1).
 */
export type WidgetState =
  /** A component's full state map, serialized with JSON.stringify (like Streamlit's jsonValue). */
  | { id: string; type: "json_value"; value: string }
  /** A component's trigger aggregator: a JSON array of `{event, value}` (like jsonTriggerValue). */
  | { id: string; type: "json_trigger_value"; value: string }
  /** st.button and other one-shot triggers. */
  | { id: string; type: "trigger_value"; value: boolean }
  /** Native value widgets: text_input (string), checkbox (boolean), slider (number)… */
  | { id: string; type: "value"; value: Json };

export interface RerunRequest {
  /** Every widget's current state. Omit to reuse the last states the preview sent. */
  widgetStates?: WidgetState[];
  /** When the interaction came from inside a fragment, only that fragment reruns (issue 3). */
  fragmentId?: string | null;
}

/** The trigger aggregator id for a component element id (Streamlit: `<base>__events`). */
export const TRIGGER_SUFFIX = "__events";
export const INTERNAL_KEY_PREFIX = "$$STREAMLIT_INTERNAL_KEY_";
export function triggerAggregatorId(elementId: string): string {
  return `${INTERNAL_KEY_PREFIX}${elementId}${TRIGGER_SUFFIX}`;
}
