import { isDeepStrictEqual } from "node:util";
import type { AppElement, WidgetBase } from "../../../common";
import { addYears, DATE_FORMAT, isoDate, parseIsoDate } from "../../../common/dates";
import type {
  ButtonOptions,
  CheckboxOptions,
  DateInputOptions,
  DateValue,
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
  const { formId } = ctx.placement();
  if (formId !== null && ctx.formsThisRun.get(formId)?.clearOnSubmit) (element as WidgetBase).clearedTo = spec.element(meta.id, spec.initial) as WidgetBase;
  ctx.emit(element);
  return value;
}

function base(ctx: RunContext, id: string, label: string, options: { help?: string | null; disabled?: boolean; label_visibility?: "visible" | "hidden" | "collapsed" }) {
  return { id, label: String(label), disabled: options.disabled ?? false, help: options.help ?? null, labelVisibility: options.label_visibility ?? "visible", ...ctx.placement() };
}

function triggerButton(ctx: RunContext, kind: "button" | "form_submit_button", label: string, options: ButtonOptions): boolean {
  const meta = widgetMeta(ctx, kind, options.key ?? null, { label, help: options.help ?? null, type: options.type ?? "secondary" }, options.on_click ?? null);
  const fired = ctx.state.register(meta) as boolean;
  ctx.emit({ type: "button", kind: options.type === "primary" ? "primary" : "secondary", submit: kind === "form_submit_button", ...base(ctx, meta.id, label, options) });
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
  // Python's rule: an int widget when every number given is an int; with none given it is a float
  // widget (0.0, step 0.01, "%0.2f"), as st.number_input("Label") is in Python.
  const given = [options.value === "min" ? null : options.value, min, max, options.step].filter((n) => n !== null && n !== undefined);
  const integer = given.length > 0 && given.every((n) => Number.isInteger(n));
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

const DATE_VALUE_ERROR = "DateInput value should either be an date/datetime or a list/tuple of 0 - 2 date/datetime values";

/** A script's date as ISO; a `Date` is the day it falls on in the script host's time zone, like Python's datetime.date(). */
function toIsoDate(value: unknown, error: string): string {
  if (value instanceof Date && !Number.isNaN(value.getTime())) return isoDate(value.getFullYear(), value.getMonth() + 1, value.getDate());
  if (parseIsoDate(value)) return value as string;
  throw StreamlitAPIException(error);
}

const today = () => toIsoDate(new Date(), DATE_VALUE_ERROR);

/** Streamlit's _parse_date_value: the dates shown at first (null: none) and whether this is a range. */
function parseDateValue(value: DateInputOptions["value"]): { dates: string[] | null; isRange: boolean } {
  if (value === null) return { dates: null, isRange: false };
  if (value === undefined || value === "today") return { dates: [today()], isRange: false };
  if (Array.isArray(value)) {
    if (value.length > 2) throw StreamlitAPIException(DATE_VALUE_ERROR);
    return { dates: value.map((v) => (v === "today" ? today() : toIsoDate(v, DATE_VALUE_ERROR))), isRange: true };
  }
  return { dates: [toIsoDate(value, DATE_VALUE_ERROR)], isRange: false };
}

const pythonDates = (dates: string[]) => `[${dates.map((d) => `datetime.date(${d.split("-").map(Number).join(", ")})`).join(", ")}]`;

/**
 * st.date_input (Streamlit's _date_input): ISO date strings, one or, for a list value, a list of
 * 0–2. Without min_value/max_value the calendar spans 10 years either side of the value (of today
 * when empty).
 */
export function dateInput(ctx: RunContext, label: string, options: DateInputOptions = {}): string | null | string[] {
  const format = options.format ?? "YYYY/MM/DD";
  if (!DATE_FORMAT.test(format)) {
    throw StreamlitAPIException(
      `The provided format (\`${format}\`) is not valid. DateInput format should be one of \`YYYY/MM/DD\`, \`DD/MM/YYYY\`, or \`MM/DD/YYYY\` and can also use a period (.) or hyphen (-) as separators.`,
    );
  }
  const { dates, isRange } = parseDateValue(options.value);
  const bound = (value: DateValue | null | undefined, which: "min" | "max", fallback: () => string) =>
    value === null || value === undefined ? fallback() : toIsoDate(value, `DateInput ${which} should either be a date/datetime or None`);
  const min = bound(options.min_value, "min", () => addYears(dates?.length ? dates[0] : today(), -10));
  const max = bound(options.max_value, "max", () => addYears(dates?.length ? dates[dates.length - 1] : today(), 10));
  if (min > max) throw StreamlitAPIException(`The \`min_value\`, set to ${min}, shouldn't be larger than the \`max_value\`, set to ${max}.`);
  if (dates?.length && (dates[0] < min || dates[dates.length - 1] > max)) {
    throw StreamlitAPIException(`The default \`value\` of ${pythonDates(dates)} must lie between the \`min_value\` of ${min} and the \`max_value\` of ${max}, inclusively.`);
  }
  const initial = isRange ? (dates ?? []) : (dates?.[0] ?? null);
  /** The browser sends ISO strings; DateInputSerde.deserialize makes one date of a single input's list. */
  const fromDates = (chosen: string[]) => (isRange ? chosen.slice(0, 2) : (chosen[0] ?? null));
  const asDates = (value: unknown): string[] => (Array.isArray(value) ? value : value === null || value === undefined ? [] : [value]).map((v) => toIsoDate(v, DATE_VALUE_ERROR));
  return valueWidget<string | null | string[]>(ctx, {
    kind: "date_input",
    label,
    key: options.key,
    onChange: options.on_change,
    identity: { value: options.value === undefined || options.value === "today" || options.value === null ? null : dates, min_value: options.min_value ? min : null, max_value: options.max_value ? max : null, help: options.help ?? null, format },
    initial,
    fromWire: (wire) => (Array.isArray(wire) && wire.every((v) => parseIsoDate(v)) ? fromDates(wire as string[]) : initial),
    element: (id, value) => ({ type: "date_input", value: asDates(value), isRange, min, max, format, ...base(ctx, id, label, options) }),
  });
}
