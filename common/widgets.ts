/** The trigger aggregator id for a component element id (Streamlit: `<base>__events`). */
export const TRIGGER_SUFFIX = "__events";
export const INTERNAL_KEY_PREFIX = "$$STREAMLIT_INTERNAL_KEY_";
export function triggerAggregatorId(elementId: string): string {
  return `${INTERNAL_KEY_PREFIX}${elementId}${TRIGGER_SUFFIX}`;
}
