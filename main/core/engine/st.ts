import type { Container, Elements, MarkdownOptions, St } from "../../../common/api";
import { Caches } from "./cache";
import { chatInput } from "./chat";
import type { ComponentRegistry } from "./component";
import { image, metric } from "./data-display";
import { alert, code, json, markdown, write } from "./display";
import { ControlSignal, StreamlitAPIException } from "./errors";
import { spinner, status, toast } from "./feedback";
import type { Fragments } from "./fragments";
import { containerBlock } from "./layout";
import { sessionStateProxy } from "./presenters";
import type { RunContext, Target } from "./run-context";
import type { SessionState } from "./session-state";
import { button, checkbox, dateInput, formSubmitButton, multiselect, numberInput, select, slider, textArea, textInput } from "./widgets";

/**
 * The `st` object handed to the app script, one per session. `ctx` is read lazily so a mount
 * function or container kept from an earlier call still renders into the current run.
 */
export function createSt(ctx: () => RunContext, state: SessionState, registry: ComponentRegistry, fragments: Fragments): St {
  const caches = new Caches();
  const st: St = {
    ...elements(ctx, () => null),
    components: { v2: { component: (name, definition) => registry.register(ctx, name, definition) } },
    session_state: sessionStateProxy(state) as St["session_state"],
    cache_data: caches.decorator("cache_data"),
    cache_resource: caches.decorator("cache_resource"),
    get sidebar() {
      return container(ctx, ctx().sidebarTarget);
    },
    get _event() {
      return container(ctx, eventTarget(ctx()));
    },
    spinner: (text = "In progress...") => ({ with: (body) => spinner(ctx(), text, body) }),
    fragment: (body) => (...args) => fragments.render(ctx(), body, args),
    rerun: (options) => {
      const run = ctx();
      if (options?.scope === "fragment") {
        if (run.target.fragmentId === null) throw StreamlitAPIException('`st.rerun(scope="fragment")` can only be called inside a fragment.');
        run.rerunFragment = run.target.fragmentId;
      }
      throw new ControlSignal("rerun");
    },
    stop: () => {
      throw new ControlSignal("stop");
    },
    set_page_config: ({ layout, page_title } = {}) => {
      const run = ctx();
      if (layout !== undefined) {
        if (layout !== "centered" && layout !== "wide") throw StreamlitAPIException(`\`layout\` must be \`"centered"\` or \`"wide"\` (got \`"${String(layout)}"\`)`);
        run.page.layout = layout;
      }
      if (page_title !== undefined) run.page.title = String(page_title);
    },
  };
  return st;
}

/** Each run's event container: one block, opened in the main area on first use, that the preview renders outside the page flow. */
const eventTargets = new WeakMap<RunContext, Target>();
function eventTarget(run: RunContext): Target {
  let target = eventTargets.get(run);
  if (!target) eventTargets.set(run, (target = run.openBlock({ kind: "event" }, run.mainTarget)));
  return target;
}

function container(ctx: () => RunContext, target: Target): Container {
  return { ...elements(ctx, () => target), with: (body) => ctx().within(target, body) };
}

/** The element methods, rendering into `target()` or, when it is null, the current container. */
function elements(ctx: () => RunContext, target: () => Target | null): Elements {
  const on = <A extends unknown[], R>(fn: (run: RunContext, ...args: A) => R) => (...args: A): R => {
    const run = ctx();
    const into = target();
    return into ? run.within(into, () => fn(run, ...args)) : fn(run, ...args);
  };
  return {
    button: on(button),
    form_submit_button: on(formSubmitButton),
    text_input: on(textInput),
    text_area: on(textArea),
    checkbox: on((run, label: string, options) => checkbox(run, "checkbox", label, options)),
    toggle: on((run, label: string, options) => checkbox(run, "toggle", label, options)),
    slider: on(slider),
    number_input: on(numberInput),
    selectbox: on((run, label: string, options: readonly unknown[], settings) => select<unknown>(run, "selectbox", label, options, settings as never)) as Elements["selectbox"],
    radio: on((run, label: string, options: readonly unknown[], settings) => select<unknown>(run, "radio", label, options, settings as never)) as Elements["radio"],
    multiselect: on((run, label: string, options: readonly unknown[], settings) => multiselect<unknown>(run, label, options, settings as never)) as Elements["multiselect"],
    date_input: on(dateInput),
    write: on((run, ...values: unknown[]) => write(run, values)),
    markdown: on((run, body: string, options?: MarkdownOptions) => markdown(run, body, "markdown", options)),
    title: on((run, body: string) => markdown(run, body, "title")),
    header: on((run, body: string) => markdown(run, body, "header")),
    subheader: on((run, body: string) => markdown(run, body, "subheader")),
    caption: on((run, body: string, options?: MarkdownOptions) => markdown(run, body, "caption", options)),
    text: on((run, body: string) => markdown(run, body, "text")),
    divider: on((run) => markdown(run, "", "divider")),
    code: on((run, body: string, options?: { language?: string | null }) => code(run, body, options?.language === undefined ? "python" : options.language)),
    json: on((run, value: unknown, options?: { expanded?: boolean | number }) => json(run, value, options?.expanded ?? true)),
    info: on((run, body: string) => alert(run, "info", body)),
    success: on((run, body: string) => alert(run, "success", body)),
    warning: on((run, body: string) => alert(run, "warning", body)),
    error: on((run, body: string) => alert(run, "error", body)),
    metric: on(metric),
    toast: on((run, body: string, options) => container(ctx, toast(run, body, options))),
    status: on((run, label: string, options) => {
      const { target, update, with: within } = status(run, label, options);
      return { ...container(ctx, target), update, with: within };
    }),
    image: on(image),
    columns: on((run, spec: number | number[], options = {}) => {
      const weights = typeof spec === "number" ? (Number.isInteger(spec) && spec > 0 ? Array(spec).fill(1) : null) : spec;
      if (!weights || weights.length === 0 || weights.some((w) => typeof w !== "number" || !(w > 0))) {
        throw StreamlitAPIException("The input argument to st.columns must be either a positive integer or a list of positive numeric weights.");
      }
      const row = run.openBlock({ kind: "horizontal", gap: options.gap ?? "small", verticalAlignment: options.vertical_alignment ?? "top" });
      return weights.map((weight) => container(ctx, run.openBlock({ kind: "column", weight, border: options.border ?? false }, row)));
    }),
    chat_input: on(chatInput),
    tabs: on((run, labels: string[]) => {
      if (!Array.isArray(labels) || labels.length === 0) throw StreamlitAPIException("The input argument to st.tabs must contain at least one tab label.");
      if (labels.some((label) => typeof label !== "string")) throw StreamlitAPIException("The tabs input list to st.tabs is only allowed to contain strings.");
      const tabs = run.openBlock({ kind: "tab_container" });
      return labels.map((label) => container(ctx, run.openBlock({ kind: "tab", label }, tabs)));
    }),
    container: on((run, options) => container(ctx, run.openBlock(containerBlock(options)))),
    expander: on((run, label: string, options = {}) => container(ctx, run.openBlock({ kind: "expander", label: String(label), expanded: options.expanded ?? false }))),
    form: on((run, key: string, options = {}) => {
      if (run.target.formId !== null) throw StreamlitAPIException("Forms cannot be nested in other forms.");
      if (run.formsThisRun.has(key)) {
        throw StreamlitAPIException(`There are multiple identical forms with \`key='${key}'\`. To fix this, please make sure that the \`key\` argument is unique for each \`st.form\` you create.`);
      }
      run.formsThisRun.set(key, { clearOnSubmit: options.clear_on_submit ?? false });
      return container(ctx, run.openBlock({ kind: "form", formId: key, border: options.border ?? true, clearOnSubmit: options.clear_on_submit ?? false }));
    }),
    empty: on((run) => container(ctx, run.placeholder())),
  };
}
