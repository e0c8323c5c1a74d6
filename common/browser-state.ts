/**
 * What the browser holds: the widget states it sends with every rerun (Streamlit's
 * WidgetStateManager map, §7.1). The preview keeps the real one, the host mirrors it for the
 * reruns it starts itself, and the engine tests drive one as their browser, so all three follow
 * the same rules. Pure data: no DOM, no Node.
 */
import type { RenderTree } from "./elements";
import { hostValue, renderedWidgetIds, walkTree } from "./tree";
import { triggerAggregatorId } from "./widgets";
import type { WidgetState } from "./widget-state";

/** Button clicks, chat submissions and component trigger aggregators: they exist for the one rerun they cause. */
function isOneShot(state: WidgetState): boolean {
  return state.type === "trigger_value" || state.type === "json_trigger_value" || state.type === "string_trigger_value";
}

export class BrowserState {
  /**
   * Current states in first-set order. Python runs callbacks in message order (§7.2), and
   * Streamlit's map keeps a component's state entry older than its re-created trigger entry.
   */
  private readonly states = new Map<string, WidgetState>();
  /** Native values the user changed since the last flush: a late render must not revert them. */
  private readonly unsentValues = new Set<string>();

  get(id: string): WidgetState | undefined {
    return this.states.get(id);
  }

  /** The user changed a widget. */
  set(state: WidgetState): void {
    this.states.set(state.id, state);
    if (state.type === "value") this.unsentValues.add(state.id);
  }

  /** Appends one serialized `{event, value}` to the component's aggregator; duplicates are kept (§7.2). */
  fireTrigger(elementId: string, event: string): void {
    const id = triggerAggregatorId(elementId);
    const pending = this.states.get(id);
    const list = pending?.type === "json_trigger_value" ? `${pending.value.slice(0, -1)},${event}]` : `[${event}]`;
    this.states.set(id, { id, type: "json_trigger_value", value: list });
  }

  /** The widget's state if it holds a native value the host has not seen yet. */
  unsent(id: string): WidgetState | undefined {
    return this.unsentValues.has(id) ? this.states.get(id) : undefined;
  }

  /** Every state, in first-set order. Between flushes that is what a host-initiated rerun resends. */
  held(): WidgetState[] {
    return [...this.states.values()];
  }

  /** A rerun sends every state; then the one-shot triggers are gone and nothing is unsent. */
  flush(): WidgetState[] {
    const sent = this.held();
    for (const state of sent) if (isOneShot(state)) this.states.delete(state.id);
    this.unsentValues.clear();
    return sent;
  }

  /** The host's side: the browser has just flushed `states`, so it holds them minus the one-shot triggers. */
  mirrorFlush(states: WidgetState[]): void {
    this.clear();
    for (const state of states) this.set(state);
    this.flush();
  }

  /**
   * Adopts a run's tree: native widgets take the rendered value (a script-side write, a cleared
   * form) unless the user's newer value is unsent, and ids the run did not render, at any depth,
   * are forgotten (Streamlit drops their state, and a remount starts from `{}`).
   */
  adopt(tree: RenderTree): void {
    const rendered = renderedWidgetIds(tree);
    for (const id of this.states.keys()) {
      if (rendered.has(id)) continue;
      this.states.delete(id);
      this.unsentValues.delete(id);
    }
    for (const element of walkTree(tree)) {
      const value = hostValue(element);
      if (value && "id" in element && !this.unsentValues.has(element.id)) {
        this.states.set(element.id, { id: element.id, type: "value", value: value.value });
      }
    }
  }

  clear(): void {
    this.states.clear();
    this.unsentValues.clear();
  }
}
