import { BrowserState, Emitter, renderedWidgetIds, walkTree, widgetIds, previewValue, type Json, type RenderTree, type RerunRequest, type WidgetPlacement, type WidgetState } from "../../../common";
import type { LoopRecorder } from "../loop/recorder";
import { describeError, type Report } from "../report";

/** Streamlit's own words (its 1.64.0 frontend, docs/semantics.md §7.1), so authors searching for them find Streamlit's docs. */
export const FORM_TRIGGER_WARNING =
  "BidiComponent: setTriggerValue ignored inside st.form. Triggers are not allowed in forms; use setStateValue and form submit instead.";

export type SendRerun = (request: RerunRequest) => void;

const scope = (fragmentId: string | null) => (fragmentId === null ? "the whole app" : `fragment ${fragmentId}`);

/**
 * The browser's widget states, kept like Streamlit's WidgetStateManager (§7.1, §8.5): every set
 * outside a form is stored and the first one in a macrotask arms one flush that sends ALL states;
 * sets inside a form wait in the form's pending map until its submit button is clicked.
 * Each change's loop hop (a component's set, a native widget's change) travels the same way, so a
 * flush hop lists exactly the changes its rerun carries.
 */
export class WidgetStateManager {
  /** The states outside forms: what every flush sends. */
  private readonly browser = new BrowserState();
  /** Per form id: the changes waiting for its submit button. */
  private readonly forms = new Map<string, Map<string, WidgetState>>();
  /** Per form id: the hops of those changes, with the widget each changed. */
  private readonly formHops = new Map<string, Array<{ widgetId: string; hopId: string }>>();
  /** The hops of the changes the coming flush carries, in the order they reached it. */
  private flushHops: string[] = [];
  /** Per native widget id: its type as the latest run rendered it, which its hops name. */
  private widgetTypes = new Map<string, string>();
  /** Forms rendered with clear_on_submit in the latest run. */
  private clearingForms = new Set<string>();
  /** Per form id: its submit buttons in page order, as the latest run rendered them. */
  private submitButtons = new Map<string, Array<{ id: string; disabled: boolean }>>();
  /** Keyed by form id: a clear_on_submit form was just submitted. */
  private readonly formCleared = new Emitter<Record<string, void>>();
  private flushTimer: ReturnType<typeof setTimeout> | null = null;
  /** The first fragment id of the coming flush wins; the others are reported. */
  private flushFragment: string | null = null;
  private readonly ignoredFragments = new Set<string | null>();

  constructor(
    private readonly sendRerun: SendRerun,
    private readonly report: Report,
    private readonly loop: LoopRecorder,
  ) {}

  /**
   * Merges one name into the component's state map; identical values still rerun (no dedupe).
   * Inside a form the merged map starts from the form's pending map, as Streamlit's
   * getWidgetValue reads form-pending state first.
   */
  setStateValue(elementId: string, name: string, value: unknown, placement: WidgetPlacement = {}, setHop: string | null = null): void {
    const map = this.stateMap(elementId, placement.formId);
    const json = this.serialize(() => JSON.stringify({ ...map, [name]: value }), `setStateValue("${name}")`, elementId);
    if (json !== undefined) this.store({ id: elementId, type: "json_value", value: json }, placement, setHop);
  }

  /** Whether the component's map (a form's pending one first, as setStateValue merges) already holds this value for `name`, as JSON. */
  holdsStateValue(elementId: string, name: string, value: unknown, formId?: string | null): boolean {
    const map = this.stateMap(elementId, formId);
    if (!Object.hasOwn(map, name)) return false;
    try {
      return JSON.stringify(map[name]) === JSON.stringify(value);
    } catch {
      return false;
    }
  }

  /** Appends `{event, value}` to the component's aggregator; duplicates in one flush are kept. */
  setTriggerValue(elementId: string, name: string, value: unknown, placement: WidgetPlacement = {}, setHop: string | null = null): void {
    if (placement.formId) {
      console.warn(FORM_TRIGGER_WARNING);
      this.report("warn", FORM_TRIGGER_WARNING);
      return;
    }
    const event = this.serialize(() => JSON.stringify({ event: name, value }), `setTriggerValue("${name}")`, elementId);
    if (event === undefined) return;
    this.browser.fireTrigger(elementId, event);
    this.carry(setHop);
    this.scheduleFlush(placement.fragmentId ?? null);
  }

  /** A native value widget (text_input, checkbox, slider…) committed a new value. */
  setValue(id: string, value: Json, placement: WidgetPlacement = {}): void {
    this.store({ id, type: "value", value }, placement, this.recordWidget(id, value));
  }

  /** st.button: true for exactly the one rerun this click causes. */
  clickButton(id: string, placement: WidgetPlacement = {}): void {
    this.browser.set({ id, type: "trigger_value", value: true });
    this.carry(this.recordWidget(id, true));
    this.scheduleFlush(placement.fragmentId ?? null);
  }

  /** st.chat_input: the submitted text is its value for exactly the one rerun this submit causes. */
  submitChat(id: string, text: string, placement: WidgetPlacement = {}): void {
    this.browser.set({ id, type: "string_trigger_value", value: text });
    this.carry(this.recordWidget(id, text));
    this.scheduleFlush(placement.fragmentId ?? null);
  }

  /**
   * st.form_submit_button: the form's pending changes become widget states and go out in one
   * rerun with the button's trigger; a clear_on_submit form then resets its widgets.
   */
  submitForm(formId: string, buttonId: string, fragmentId: string | null = null): void {
    for (const state of this.forms.get(formId)?.values() ?? []) this.browser.set(state);
    for (const { hopId } of this.formHops.get(formId) ?? []) this.carry(hopId);
    this.forms.delete(formId);
    this.formHops.delete(formId);
    this.clickButton(buttonId, { fragmentId });
    if (this.clearingForms.has(formId)) this.formCleared.emit(formId);
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
    const state = this.formPending(formId)?.get(id) ?? this.browser.unsent(id);
    return state?.type === "value" ? { value: state.value } : undefined;
  }

  /**
   * clear_on_submit: the widget shows its default again and the default waits in the form for its
   * next submit, while the submitted value stays what every other rerun sends (Streamlit 1.64.0).
   */
  clearInForm(id: string, value: Json, formId: string): void {
    let pending = this.forms.get(formId);
    if (!pending) this.forms.set(formId, (pending = new Map()));
    pending.set(id, { id, type: "value", value });
  }

  /** Called after a clear_on_submit form was submitted; returns the unsubscribe function. */
  onFormCleared(formId: string, listener: () => void): () => void {
    return this.formCleared.on(formId, listener);
  }

  /**
   * Adopts a run's tree (see BrowserState.adopt); pending form changes of widgets the run did not
   * render are forgotten too.
   */
  syncTree(tree: RenderTree): void {
    const clearing = new Set<string>();
    const submitButtons = new Map<string, Array<{ id: string; disabled: boolean }>>();
    const widgetTypes = new Map<string, string>();
    for (const element of walkTree(tree)) {
      if (element.type === "block" && element.kind === "form" && element.formId && element.clearOnSubmit) clearing.add(element.formId);
      if (element.type === "button" && element.submit && element.formId) {
        submitButtons.set(element.formId, [...(submitButtons.get(element.formId) ?? []), element]);
      }
      if (element.type !== "bidi_component") {
        for (const id of widgetIds(element)) widgetTypes.set(id, element.type === "button" && element.submit ? "form_submit_button" : element.type);
      }
    }
    this.clearingForms = clearing;
    this.submitButtons = submitButtons;
    this.widgetTypes = widgetTypes;
    this.browser.adopt(tree);
    const live = renderedWidgetIds(tree);
    for (const pending of this.forms.values()) for (const id of pending.keys()) if (!live.has(id)) pending.delete(id);
    for (const [formId, hops] of this.formHops) this.formHops.set(formId, hops.filter(({ widgetId }) => live.has(widgetId)));
  }

  reset(): void {
    if (this.flushTimer !== null) clearTimeout(this.flushTimer);
    this.flushTimer = null;
    this.ignoredFragments.clear();
    this.browser.clear();
    this.forms.clear();
    this.formHops.clear();
    this.flushHops = [];
    this.clearingForms.clear();
    this.submitButtons.clear();
  }

  private formPending(formId: string | null | undefined): Map<string, WidgetState> | undefined {
    return formId ? this.forms.get(formId) : undefined;
  }

  /** The component's state map a set merges into: the form's pending one first, as Streamlit's getWidgetValue reads it. */
  private stateMap(elementId: string, formId: string | null | undefined): Record<string, unknown> {
    const current = this.formPending(formId)?.get(elementId) ?? this.browser.get(elementId);
    return current?.type === "json_value" ? JSON.parse(current.value) : {};
  }

  /** Inside a form a change (and its hop) waits for the submit (no rerun); elsewhere it schedules the flush. */
  private store(state: WidgetState, { formId, fragmentId }: WidgetPlacement, hopId: string | null): void {
    if (formId) {
      let pending = this.forms.get(formId);
      if (!pending) this.forms.set(formId, (pending = new Map()));
      pending.set(state.id, state);
      if (hopId !== null) this.formHops.set(formId, [...(this.formHops.get(formId) ?? []), { widgetId: state.id, hopId }]);
      return;
    }
    this.browser.set(state);
    this.carry(hopId);
    this.scheduleFlush(fragmentId ?? null);
  }

  /** The coming flush carries this change. */
  private carry(hopId: string | null): void {
    if (hopId !== null) this.flushHops.push(hopId);
  }

  private recordWidget(id: string, value: Json): string | null {
    return this.loop.record(() => ({
      kind: "widget",
      causeId: this.loop.domCause(),
      widget: this.widgetTypes.get(id) ?? "widget",
      elementId: id,
      value: previewValue(value),
    }));
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
    const setIds = this.flushHops;
    this.flushHops = [];
    const flushHop = this.loop.record(() => ({ kind: "flush", causeId: setIds[0] ?? null, setIds, fragmentId: this.flushFragment }));
    // The host links the run to the flush hop; the hops follow with the run's acknowledgement.
    this.sendRerun({ widgetStates: this.browser.flush(), fragmentId: this.flushFragment, source: "preview", causeId: flushHop });
    this.loop.completeWhenIdle();
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
