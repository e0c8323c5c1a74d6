import { triggerAggregatorId, type Json, type RenderTree, type WidgetState } from "../../main/contract";
import { describeError, type Report } from "./report";

/**
 * The browser's widget states, kept like Streamlit's WidgetStateManager (§7.1): every set is
 * stored, the first set in a macrotask arms one flush, and the flush sends ALL states at once.
 */
export class WidgetStateManager {
  /**
   * Current states in first-set order. Python runs callbacks in message order (§7.2), and
   * Streamlit's map keeps a component's state entry older than its re-created trigger entry.
   */
  private readonly states = new Map<string, WidgetState>();
  /** Ids whose state lives for one flush: button clicks and component trigger aggregators. */
  private readonly pendingTriggers = new Set<string>();
  /** Native values the user changed since the last flush: a late render must not revert them. */
  private readonly unsentValues = new Set<string>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly sendRerun: (widgetStates: WidgetState[]) => void,
    private readonly report: Report,
  ) {}

  /** Merges one name into the component's state map; identical values still rerun (no dedupe). */
  setStateValue(elementId: string, name: string, value: unknown): void {
    const current = this.states.get(elementId);
    const map: Record<string, unknown> = current?.type === "json_value" ? JSON.parse(current.value) : {};
    const json = this.serialize(() => JSON.stringify({ ...map, [name]: value }), `setStateValue("${name}")`, elementId);
    if (json === undefined) return;
    this.states.set(elementId, { id: elementId, type: "json_value", value: json });
    this.scheduleFlush();
  }

  /** Appends `{event, value}` to the component's aggregator; duplicates in one flush are kept. */
  setTriggerValue(elementId: string, name: string, value: unknown): void {
    const event = this.serialize(() => JSON.stringify({ event: name, value }), `setTriggerValue("${name}")`, elementId);
    if (event === undefined) return;
    const id = triggerAggregatorId(elementId);
    const pending = this.states.get(id);
    const list = pending?.type === "json_trigger_value" ? `${pending.value.slice(0, -1)},${event}]` : `[${event}]`;
    this.states.set(id, { id, type: "json_trigger_value", value: list });
    this.pendingTriggers.add(id);
    this.scheduleFlush();
  }

  /** A native value widget (text_input) committed a new value. */
  setValue(id: string, value: Json): void {
    this.states.set(id, { id, type: "value", value });
    this.unsentValues.add(id);
    this.scheduleFlush();
  }

  /** st.button: true for exactly the one rerun this click causes. */
  clickButton(id: string): void {
    this.states.set(id, { id, type: "trigger_value", value: true });
    this.pendingTriggers.add(id);
    this.scheduleFlush();
  }

  /**
   * Adopts a run's tree: native widgets take the host's value, and widgets the run did not
   * render are forgotten (Streamlit drops their state, and a remount starts from `{}`).
   */
  syncTree(tree: RenderTree): void {
    const live = new Set<string>();
    for (const element of [...tree.main, ...tree.sidebar]) {
      if (element.type === "bidi_component") {
        live.add(element.id);
        live.add(triggerAggregatorId(element.id));
      } else if (element.type === "button") {
        live.add(element.id);
      } else if (element.type === "text_input") {
        live.add(element.id);
        if (!this.unsentValues.has(element.id)) {
          this.states.set(element.id, { id: element.id, type: "value", value: element.value });
        }
      }
    }
    for (const id of this.states.keys()) {
      if (live.has(id)) continue;
      this.states.delete(id);
      this.pendingTriggers.delete(id);
      this.unsentValues.delete(id);
    }
  }

  reset(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.states.clear();
    this.pendingTriggers.clear();
    this.unsentValues.clear();
  }

  private scheduleFlush(): void {
    this.flushTimer ??= setTimeout(() => this.flush(), 0);
  }

  private flush(): void {
    this.flushTimer = null;
    const widgetStates = [...this.states.values()];
    for (const id of this.pendingTriggers) this.states.delete(id);
    this.pendingTriggers.clear();
    this.unsentValues.clear();
    this.sendRerun(widgetStates);
  }

  /** JSON.stringify throws on BigInt and cycles; Streamlit would throw into the author's handler. */
  private serialize(stringify: () => string, call: string, elementId: string): string | undefined {
    try {
      return stringify();
    } catch (error) {
      this.report("error", `${call} on ${elementId} was not sent: ${describeError(error).message}`);
      return undefined;
    }
  }
}
