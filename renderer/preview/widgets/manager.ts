import { triggerAggregatorId, type Json, type RenderTree, type RerunRequest, type WidgetPlacement, type WidgetState } from "../../../common";
import { describeError, type Report } from "../report";
import { hostValue, walkTree, widgetIds } from "../../../common";

/** Streamlit's own words ([B] `Z`), so authors searching for them find Streamlit's docs. */
export const FORM_TRIGGER_WARNING =
  "BidiComponent: setTriggerValue ignored inside st.form. Triggers are not allowed in forms; use setStateValue and form submit instead.";

export type SendRerun = (request: RerunRequest) => void;

const scope = (fragmentId: string | null) => (fragmentId === null ? "the whole app" : `fragment ${fragmentId}`);

/**
 * The browser's widget states, kept like Streamlit's WidgetStateManager (§7.1, §8.5): every set
 * outside a form is stored and the first one in a macrotask arms one flush that sends ALL states;
 * sets inside a form wait in the form's pending map until its submit button is clicked.
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
  /** Per form id: the changes waiting for its submit button. */
  private readonly forms = new Map<string, Map<string, WidgetState>>();
  /** Forms rendered with clear_on_submit in the latest run. */
  private clearingForms = new Set<string>();
  /** Per form id: its submit buttons in page order, as the latest run rendered them. */
  private submitButtons = new Map<string, Array<{ id: string; disabled: boolean }>>();
  private readonly formClearedListeners = new Map<string, Set<() => void>>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The first fragment id of the coming flush wins; the others are reported. */
  private flushFragment: string | null = null;
  private readonly ignoredFragments = new Set<string | null>();

  constructor(
    private readonly sendRerun: SendRerun,
    private readonly report: Report,
  ) {}

  /**
   * Merges one name into the component's state map; identical values still rerun (no dedupe).
   * Inside a form the merged map starts from the form's pending map, as Streamlit's
   * getWidgetValue reads form-pending state first.
   */
  setStateValue(elementId: string, name: string, value: unknown, placement: WidgetPlacement = {}): void {
    const current = this.formPending(placement.formId)?.get(elementId) ?? this.states.get(elementId);
    const map: Record<string, unknown> = current?.type === "json_value" ? JSON.parse(current.value) : {};
    const json = this.serialize(() => JSON.stringify({ ...map, [name]: value }), `setStateValue("${name}")`, elementId);
    if (json !== undefined) this.store({ id: elementId, type: "json_value", value: json }, placement);
  }

  /** Appends `{event, value}` to the component's aggregator; duplicates in one flush are kept. */
  setTriggerValue(elementId: string, name: string, value: unknown, placement: WidgetPlacement = {}): void {
    if (placement.formId) {
      console.warn(FORM_TRIGGER_WARNING);
      this.report("warn", FORM_TRIGGER_WARNING);
      return;
    }
    const event = this.serialize(() => JSON.stringify({ event: name, value }), `setTriggerValue("${name}")`, elementId);
    if (event === undefined) return;
    const id = triggerAggregatorId(elementId);
    const pending = this.states.get(id);
    const list = pending?.type === "json_trigger_value" ? `${pending.value.slice(0, -1)},${event}]` : `[${event}]`;
    this.states.set(id, { id, type: "json_trigger_value", value: list });
    this.pendingTriggers.add(id);
    this.scheduleFlush(placement.fragmentId ?? null);
  }

  /** A native value widget (text_input, checkbox, slider…) committed a new value. */
  setValue(id: string, value: Json, placement: WidgetPlacement = {}): void {
    this.store({ id, type: "value", value }, placement);
  }

  /** st.button: true for exactly the one rerun this click causes. */
  clickButton(id: string, placement: WidgetPlacement = {}): void {
    this.states.set(id, { id, type: "trigger_value", value: true });
    this.pendingTriggers.add(id);
    this.scheduleFlush(placement.fragmentId ?? null);
  }

  /**
   * st.form_submit_button: the form's pending changes become widget states and go out in one
   * rerun with the button's trigger; a clear_on_submit form then resets its widgets.
   */
  submitForm(formId: string, buttonId: string, fragmentId: string | null = null): void {
    for (const state of this.forms.get(formId)?.values() ?? []) {
      this.states.set(state.id, state);
      if (state.type === "value") this.unsentValues.add(state.id);
    }
    this.forms.delete(formId);
    this.clickButton(buttonId, { fragmentId });
    if (this.clearingForms.has(formId)) for (const listener of this.formClearedListeners.get(formId) ?? []) listener();
  }

  /**
   * Enter in a form's text or number input (Ctrl+Enter in a text area) submits the form through
   * its first submit button, unless that button is disabled, as Streamlit's enter_to_submit does.
   */
  submitFormWithEnter(formId: string, fragmentId: string | null = null): void {
    const first = this.submitButtons.get(formId)?.[0];
    if (first && !first.disabled) this.submitForm(formId, first.id, fragmentId);
  }

  /** A value the host has not seen yet: the form's pending change, or a change not flushed yet. */
  userValue(id: string, formId?: string | null): { value: Json } | undefined {
    const state = this.formPending(formId)?.get(id) ?? (this.unsentValues.has(id) ? this.states.get(id) : undefined);
    return state?.type === "value" ? { value: state.value } : undefined;
  }

  /** Called after a clear_on_submit form was submitted; returns the unsubscribe function. */
  onFormCleared(formId: string, listener: () => void): () => void {
    let listeners = this.formClearedListeners.get(formId);
    if (!listeners) this.formClearedListeners.set(formId, (listeners = new Set()));
    listeners.add(listener);
    return () => void listeners.delete(listener);
  }

  /**
   * Adopts a run's tree: native widgets take the host's value (unless the user's newer value is
   * still unsent), and widgets the run did not render are forgotten, pending form changes too
   * (Streamlit drops their state, and a remount starts from `{}`).
   */
  syncTree(tree: RenderTree): void {
    const live = new Set<string>();
    const clearing = new Set<string>();
    const submitButtons = new Map<string, Array<{ id: string; disabled: boolean }>>();
    for (const element of walkTree(tree)) {
      if (element.type === "block" && element.kind === "form" && element.formId && element.clearOnSubmit) clearing.add(element.formId);
      if (element.type === "button" && element.submit && element.formId) {
        submitButtons.set(element.formId, [...(submitButtons.get(element.formId) ?? []), element]);
      }
      for (const id of widgetIds(element)) live.add(id);
      const host = hostValue(element);
      if (host && "id" in element && !this.unsentValues.has(element.id)) {
        this.states.set(element.id, { id: element.id, type: "value", value: host.value });
      }
    }
    this.clearingForms = clearing;
    this.submitButtons = submitButtons;
    for (const id of this.states.keys()) {
      if (live.has(id)) continue;
      this.states.delete(id);
      this.pendingTriggers.delete(id);
      this.unsentValues.delete(id);
    }
    for (const pending of this.forms.values()) for (const id of pending.keys()) if (!live.has(id)) pending.delete(id);
  }

  reset(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.ignoredFragments.clear();
    this.states.clear();
    this.pendingTriggers.clear();
    this.unsentValues.clear();
    this.forms.clear();
    this.clearingForms.clear();
    this.submitButtons.clear();
  }

  private formPending(formId: string | null | undefined): Map<string, WidgetState> | undefined {
    return formId ? this.forms.get(formId) : undefined;
  }

  /** Inside a form a change waits for the submit (no rerun); elsewhere it schedules the flush. */
  private store(state: WidgetState, { formId, fragmentId }: WidgetPlacement): void {
    if (formId) {
      let pending = this.forms.get(formId);
      if (!pending) this.forms.set(formId, (pending = new Map()));
      pending.set(state.id, state);
      return;
    }
    this.states.set(state.id, state);
    if (state.type === "value") this.unsentValues.add(state.id);
    this.scheduleFlush(fragmentId ?? null);
  }

  private scheduleFlush(fragmentId: string | null): void {
    if (this.flushTimer === null) {
      this.flushFragment = fragmentId;
      this.flushTimer = setTimeout(() => this.flush(), 0);
    } else if (fragmentId !== this.flushFragment) {
      this.ignoredFragments.add(fragmentId);
    }
  }

  private flush(): void {
    this.flushTimer = null;
    if (this.ignoredFragments.size) {
      const ignored = [...this.ignoredFragments].map(scope).join(", ");
      const message = `One rerun carried changes from ${scope(this.flushFragment)} and ${ignored}; like Streamlit, it reruns ${scope(this.flushFragment)} (the first).`;
      console.warn(message);
      this.report("warn", message);
      this.ignoredFragments.clear();
    }
    const widgetStates = [...this.states.values()];
    for (const id of this.pendingTriggers) this.states.delete(id);
    this.pendingTriggers.clear();
    this.unsentValues.clear();
    this.sendRerun({ widgetStates, fragmentId: this.flushFragment });
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
