import { isDeepStrictEqual } from "node:util";
import type { AppElement } from "../../../common";
import type {
  ButtonOptions,
  CheckboxOptions,
  MultiselectOptions,
  NumberInputOptions,
  SelectOptions,
  SliderOptions,
  TextAreaOptions,
  TextInputOptions,
} from "../../../common/api";
import { StreamlitAPIException } from "./errors";
import { elementId } from "./ids";
import type { RunContext } from "./run-context";
import type { Callback, NativeKind, NativeMeta } from "./session-state";

/**
 * Streamlit's native widgets. Each registers under an element id (keyed or from its
 * parameters), gets its value from the session state's registration and renders an element
 * with that value.
 */

interface WidgetSpec<T> {
  kind: NativeKind;
  label: string;
  key: string | null | undefined;
  onChange: Callback | null | undefined;
  /** Parameters that make an unkeyed widget a different widget when they change. */
  identity: Record<string, unknown>;
  initial: T;
  fromWire: (wire: unknown) => T;
  element: (id: string, value: T) => AppElement;
}

/** A keyed widget's id depends only on its key; an unkeyed one's on its parameters, form and root (§4). */
export function widgetMeta(
  ctx: RunContext,
  kind: NativeKind,
  key: string | null,
  identity: Record<string, unknown>,
  onChange: Callback | null,
  fromWire?: (wire: unknown) => unknown,
): NativeMeta {
  ctx.checkpoint();
  const { formId, fragmentId } = ctx.placement();
  const id = elementId(kind, key, { ...identity, form_id: formId, root: ctx.target.root });
  return { kind, id, userKey: key, fragmentId, onChange, fromWire };
}

function valueWidget<T>(ctx: RunContext, spec: WidgetSpec<T>): T {
  const meta = widgetMeta(ctx, spec.kind, spec.key ?? null, { label: spec.label, ...spec.identity }, spec.onChange ?? null, spec.fromWire);
  const state = ctx.state;
  const value = state.register(meta, spec.initial) as T;
  const element = spec.element(meta.id, value);
  ctx.emit(element);
  const { formId } = ctx.placement();
  if (formId !== null) {
    const siblings = ctx.target.children;
    ctx.formResets.push({
      formId,
      reset: () => {
        state.resetValue(meta.id, spec.initial);
        siblings.splice(siblings.indexOf(element), 1, spec.element(meta.id, spec.initial));
      },
    });
  }
  return value;
}

function base(ctx: RunContext, id: string, label: string, options: { help?: string | null; disabled?: boolean; label_visibility?: "visible" | "hidden" | "collapsed" }) {
  return { id, label: String(label), disabled: options.disabled ?? false, help: options.help ?? null, labelVisibility: options.label_visibility ?? "visible", ...ctx.placement() };
}

function triggerButton(ctx: RunContext, kind: "button" | "form_submit_button", label: string, options: ButtonOptions): boolean {
  const meta = widgetMeta(ctx, kind, options.key ?? null, { label, help: options.help ?? null, type: options.type ?? "secondary" }, options.on_click ?? null);
  const fired = ctx.state.register(meta) as boolean;
  ctx.emit({ type: "button", kind: options.type === "primary" ? "primary" : "secondary", submit: kind === "form_submit_button", ...base(ctx, meta.id, label, options) });
  if (fired && kind === "form_submit_button") ctx.submittedForms.add(ctx.target.formId!);
  return fired;
}

export function button(ctx: RunContext, label: string, options: ButtonOptions = {}): boolean {
  if (ctx.target.formId !== null) {
    throw StreamlitAPIException("`st.button()` can't be used in an `st.form()`. For buttons inside a form, use `st.form_submit_button()` instead.");
  }
  return triggerButton(ctx, "button", label, options);
}

export function formSubmitButton(ctx: RunContext, label = "Submit", options: ButtonOptions = {}): boolean {
  if (ctx.target.formId === null) throw StreamlitAPIException("`st.form_submit_button()` must be used inside an `st.form()`.");
  return triggerButton(ctx, "form_submit_button", label, options);
}

const asString = (wire: unknown) => (typeof wire === "string" ? wire : wire === null || wire === undefined ? "" : JSON.stringify(wire));

/** text_input and text_area: a string value with a placeholder and a length limit. */
function textWidget(
  ctx: RunContext,
  kind: "text_input" | "text_area",
  label: string,
  options: TextInputOptions & TextAreaOptions,
  extra: { identity: Record<string, unknown>; element: Record<string, unknown> },
): string {
  return valueWidget(ctx, {
    kind,
    label,
    key: options.key,
    onChange: options.on_change,
    identity: { value: options.value ?? "", max_chars: options.max_chars ?? null, placeholder: options.placeholder ?? null, ...extra.identity },
    initial: String(options.value ?? ""),
    fromWire: asString,
    element: (id, value) =>
      ({
        type: kind,
        value: String(value ?? ""),
        placeholder: options.placeholder ?? null,
        maxChars: options.max_chars ?? null,
        ...base(ctx, id, label, options),
        ...extra.element,
      }) as AppElement,
  });
}

export function textInput(ctx: RunContext, label: string, options: TextInputOptions = {}): string {
  return textWidget(ctx, "text_input", label, options, {
    identity: { type: options.type ?? "default" },
    element: { password: options.type === "password", labelVisibility: options.label_visibility ?? "visible" },
  });
}

export function textArea(ctx: RunContext, label: string, options: TextAreaOptions = {}): string {
  return textWidget(ctx, "text_area", label, options, { identity: { height: options.height ?? null }, element: { height: options.height ?? null } });
}

export function checkbox(ctx: RunContext, variant: "checkbox" | "toggle", label: string, options: CheckboxOptions = {}): boolean {
  return valueWidget(ctx, {
    kind: variant,
    label,
    key: options.key,
    onChange: options.on_change,
    identity: { value: options.value ?? false },
    initial: Boolean(options.value ?? false),
    fromWire: (wire) => wire === true,
    element: (id, value) => ({ type: "checkbox", variant, value: Boolean(value), ...base(ctx, id, label, options) }),
  });
}

export function slider(ctx: RunContext, label: string, options: SliderOptions = {}): number | [number, number] {
  const min = options.min_value ?? 0;
  const max = options.max_value ?? 100;
  const step = options.step ?? 1;
  const initial = options.value ?? min;
  if (min > max) throw StreamlitAPIException(`Slider \`min_value\` must be less than the \`max_value\`. The value of \`min_value\` is ${min}. The value of \`max_value\` is ${max}.`);
  const range = Array.isArray(initial);
  const clamp = (n: unknown) => Math.min(max, Math.max(min, Number(n)));
  return valueWidget<number | [number, number]>(ctx, {
    kind: "slider",
    label,
    key: options.key,
    onChange: options.on_change,
    identity: { min, max, step, value: initial },
    initial,
    fromWire: (wire) => (range && Array.isArray(wire) ? [clamp(wire[0]), clamp(wire[1])] : clamp(wire)),
    element: (id, value) => ({ type: "slider", min, max, step, value, ...base(ctx, id, label, options) }),
  });
}

export function numberInput(ctx: RunContext, label: string, options: NumberInputOptions = {}): number | null {
  const min = options.min_value ?? null;
  const max = options.max_value ?? null;
  const initial = options.value === undefined || options.value === "min" ? (min ?? 0) : options.value;
  const integer = [initial, min, max, options.step].every((n) => n === null || n === undefined || Number.isInteger(n));
  const step = options.step ?? (integer ? 1 : 0.01);
  return valueWidget<number | null>(ctx, {
    kind: "number_input",
    label,
    key: options.key,
    onChange: options.on_change,
    identity: { min, max, step, value: initial },
    initial,
    fromWire: (wire) => (typeof wire === "number" && Number.isFinite(wire) ? wire : null),
    element: (id, value) => ({ type: "number_input", value, min, max, step, integer, placeholder: options.placeholder ?? null, ...base(ctx, id, label, options) }),
  });
}

export function select<T>(ctx: RunContext, kind: "selectbox" | "radio", label: string, options: readonly T[], settings: SelectOptions<T> = {}): T | null {
  if (!Array.isArray(options)) throw StreamlitAPIException(`\`st.${kind}\` needs a list of options.`);
  const index = settings.index === undefined ? (options.length ? 0 : null) : settings.index;
  if (index !== null && (!Number.isInteger(index) || index < 0 || (options.length > 0 && index >= options.length))) {
    throw StreamlitAPIException(`Selectbox index must be greater than or equal to 0 and less than the length of options.`);
  }
  const format = settings.format_func ?? ((option: T) => String(option));
  const labels = options.map((option) => String(format(option)));
  return valueWidget<T | null>(ctx, {
    kind,
    label,
    key: settings.key,
    onChange: settings.on_change,
    identity: { options: labels, index },
    initial: index === null ? null : (options[index] ?? null),
    fromWire: (wire) => (typeof wire === "number" && Number.isInteger(wire) ? (options[wire] ?? null) : null),
    element: (id, value) => {
      const selected = options.findIndex((option) => isDeepStrictEqual(option, value));
      return {
        type: kind,
        options: labels,
        index: selected >= 0 ? selected : null,
        placeholder: settings.placeholder ?? null,
        horizontal: settings.horizontal ?? false,
        clearable: index === null,
        ...base(ctx, id, label, settings),
      };
    },
  });
}

/**
 * st.multiselect: the selected options in selection order. Like Streamlit, every default must be
 * one of the options and no more than max_selections may be selected, by default or by a
 * session-state write.
 */
export function multiselect<T>(ctx: RunContext, label: string, options: readonly T[], settings: MultiselectOptions<T> = {}): T[] {
  if (!Array.isArray(options)) throw StreamlitAPIException("`st.multiselect` needs a list of options.");
  const format = settings.format_func ?? ((option: T) => String(option));
  const labels = options.map((option) => String(format(option)));
  const defaults = settings.default === undefined || settings.default === null ? [] : Array.isArray(settings.default) ? settings.default : [settings.default as T];
  const indexOf = (value: unknown) => options.findIndex((option) => isDeepStrictEqual(option, value));
  const defaultIndexes = defaults.map((value) => {
    const index = indexOf(value);
    if (index < 0) {
      throw StreamlitAPIException(`The default value '${String(value)}' is not part of the options. Please make sure that every default values also exists in the options.`);
    }
    return index;
  });
  const max = settings.max_selections ?? null;
  const checkMax = (count: number) => {
    if (max !== null && count > max) {
      throw StreamlitAPIException(
        `Multiselect has ${count} options selected but \`max_selections\` is set to ${max}. This happened because you either gave too many options to \`default\` or you manipulated the widget's state through \`st.session_state\`. Note that the latter can happen before the line indicating the error in the traceback. Please select at most ${max} options.`,
      );
    }
  };
  checkMax(defaultIndexes.length);
  const value = valueWidget<T[]>(ctx, {
    kind: "multiselect",
    label,
    key: settings.key,
    onChange: settings.on_change,
    identity: { options: labels, default: defaultIndexes, max_selections: max, placeholder: settings.placeholder ?? null },
    initial: defaultIndexes.map((index) => options[index]),
    fromWire: (wire) => (Array.isArray(wire) ? wire.filter((i) => Number.isInteger(i) && i >= 0 && i < options.length).map((i) => options[i]) : []),
    element: (id, selected) => {
      checkMax(selected.length);
      return {
        type: "multiselect",
        options: labels,
        indexes: selected.map(indexOf).filter((index) => index >= 0),
        placeholder: settings.placeholder ?? "Choose options",
        maxSelections: max,
        ...base(ctx, id, label, settings),
      };
    },
  });
  return value;
}
