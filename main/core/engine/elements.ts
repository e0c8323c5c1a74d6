import { inspect } from "node:util";
import type { ButtonOptions, TextInputOptions } from "../../contract/st";
import { duplicateId, duplicateKey, valueAssignmentNotAllowed } from "./errors";
import { elementId } from "./ids";
import type { RunContext } from "./run-context";
import type { Callback, NativeMeta } from "./session-state";
import { isPlainObject } from "./session-state";

/** Native Streamlit elements the foundation supports; more arrive with the fidelity issue. */

function registerWidget(ctx: RunContext, kind: NativeMeta["kind"], key: string | null, identity: Record<string, unknown>, onChange: Callback | null): NativeMeta {
  ctx.checkpoint();
  const id = elementId(kind, key, identity);
  const state = ctx.state;
  if (state.instantiated.has(id)) throw key !== null ? duplicateKey(key) : duplicateId(kind);
  if (key !== null && state.keyToId.has(key) && state.instantiated.has(state.keyToId.get(key)!)) throw duplicateKey(key);
  const meta: NativeMeta = { kind, id, userKey: key, onChange };
  state.meta.set(id, meta);
  if (key !== null) state.keyToId.set(key, id);
  state.instantiated.add(id);
  return meta;
}

export function button(ctx: RunContext, label: string, options: ButtonOptions = {}): boolean {
  const key = options.key ?? null;
  if (key !== null && ctx.state.user.has(key) && !ctx.state.keyToId.has(key)) throw valueAssignmentNotAllowed(key);
  const meta = registerWidget(ctx, "button", key, { label, help: options.help ?? null, type: options.type ?? "secondary" }, options.on_click ?? null);
  ctx.emit({
    type: "button",
    id: meta.id,
    label: String(label),
    kind: options.type === "primary" ? "primary" : "secondary",
    disabled: options.disabled ?? false,
    help: options.help ?? null,
  });
  return ctx.state.fired.has(meta.id);
}

export function textInput(ctx: RunContext, label: string, options: TextInputOptions = {}): string {
  const key = options.key ?? null;
  const initial = options.value ?? "";
  const meta = registerWidget(
    ctx,
    "text_input",
    key,
    { label, value: initial, max_chars: options.max_chars ?? null, type: options.type ?? "default", placeholder: options.placeholder ?? null },
    options.on_change ?? null,
  );
  const state = ctx.state;
  if (!state.values.has(meta.id)) {
    const pending = key !== null && state.user.has(key) ? state.user.get(key) : initial;
    if (key !== null) state.user.delete(key);
    state.values.set(meta.id, String(pending ?? ""));
  }
  const value = String(state.values.get(meta.id) ?? "");
  ctx.emit({
    type: "text_input",
    id: meta.id,
    label: String(label),
    value,
    placeholder: options.placeholder ?? null,
    maxChars: options.max_chars ?? null,
    disabled: options.disabled ?? false,
    labelVisibility: options.label_visibility ?? "visible",
  });
  return value;
}

export function markdown(ctx: RunContext, body: string, variant: "markdown" | "title" = "markdown"): void {
  ctx.checkpoint();
  ctx.emit({ type: "markdown", body: String(body), variant });
}

export function json(ctx: RunContext, value: unknown, expanded = true): void {
  ctx.checkpoint();
  ctx.emit({ type: "json", body: prettyJson(value), expanded });
}

/** `st.write`: strings as markdown, errors as exceptions, everything else as JSON. */
export function write(ctx: RunContext, values: unknown[]): void {
  for (const value of values) {
    if (typeof value === "string") markdown(ctx, value);
    else if (typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") markdown(ctx, String(value));
    else if (value instanceof Error) ctx.emit({ type: "exception", name: value.name, message: value.message, trace: [] });
    else json(ctx, value);
  }
}

/** JSON text for display; values JSON cannot hold are shown by their description, not dropped. */
export function prettyJson(value: unknown): string {
  const seen = new WeakSet<object>();
  const text = JSON.stringify(
    value,
    (_key, v) => {
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "function" || typeof v === "symbol") return inspect(v);
      if (v === undefined) return null;
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      if (v && typeof v === "object") {
        if (seen.has(v)) return "[Circular]";
        seen.add(v);
        if (v instanceof Map) return Object.fromEntries(v);
        if (v instanceof Set) return [...v];
        if (!isPlainObject(v) && !Array.isArray(v) && !(v instanceof Date) && typeof (v as { toJSON?: unknown }).toJSON !== "function") return { ...v };
      }
      return v;
    },
    2,
  );
  return text ?? "null";
}
