import { inspect } from "node:util";
import type { AlertElement, MarkdownElement } from "../../../common";
import type { MarkdownOptions } from "../../../common/api";
import { checkKeywords } from "./keywords";
import type { RunContext } from "./run-context";
import { isPlainObject } from "./session-state";

/** Elements that only display: markdown and its variants, code, JSON, alerts, st.write. */

export function markdown(ctx: RunContext, body: unknown, variant: MarkdownElement["variant"] = "markdown", options?: MarkdownOptions): void {
  ctx.checkpoint();
  const given = checkKeywords(variant, options, ["unsafe_allow_html"]);
  ctx.emit({ type: "markdown", body: String(body ?? ""), variant, ...(given.unsafe_allow_html ? { allowHtml: true } : {}) });
}

export function code(ctx: RunContext, body: unknown, language: string | null = "python"): void {
  ctx.checkpoint();
  ctx.emit({ type: "code", body: String(body ?? ""), language });
}

export function alert(ctx: RunContext, kind: AlertElement["kind"], body: unknown): void {
  ctx.checkpoint();
  ctx.emit({ type: "alert", kind, body: String(body ?? "") });
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
  const ancestors: object[] = [];
  const text = JSON.stringify(
    value,
    function (this: unknown, _key, v) {
      // JSON.stringify calls the replacer with `this` = the holder: trim the ancestor chain to it.
      while (ancestors.length && ancestors.at(-1) !== this) ancestors.pop();
      if (typeof v === "bigint") return `${v}n`;
      if (typeof v === "function" || typeof v === "symbol") return inspect(v);
      if (v === undefined) return null;
      if (typeof v === "number" && !Number.isFinite(v)) return String(v);
      if (v && typeof v === "object") {
        if (ancestors.includes(v)) return "[Circular]";
        ancestors.push(v);
        if (v instanceof Map) return Object.fromEntries(v);
        if (v instanceof Set) return [...v];
        if (v instanceof Uint8Array) return `Uint8Array(${v.length})`;
        if (!isPlainObject(v) && !Array.isArray(v) && !(v instanceof Date) && typeof (v as { toJSON?: unknown }).toJSON !== "function") return { ...v };
      }
      return v;
    },
    2,
  );
  return text ?? "null";
}
