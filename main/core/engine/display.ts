import { inspect } from "node:util";
import type { AlertElement, MarkdownElement } from "../../../common";
import type { MarkdownOptions } from "../../../common/api";
import { pythonClassOf } from "./errors";
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

/** `st.json`: a string is taken for serialized JSON, as in Python; `expanded` may be a depth. */
export function json(ctx: RunContext, value: unknown, expanded: boolean | number = true): void {
  ctx.checkpoint();
  ctx.emit({ type: "json", body: typeof value === "string" ? reindent(value) : prettyJson(value), expanded });
}

/** Serialized JSON pretty-printed like any other body; a string that is not JSON is shown as that string. */
function reindent(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return JSON.stringify(text);
  }
}

/**
 * `st.write` as Python's: consecutive strings and scalars join into one markdown element
 * (separated by spaces); a scalar is written as its Python str() in inline code (`3`, `True`,
 * `None`); an error is st.exception's box; anything else flushes the text and is shown as JSON.
 */
export function write(ctx: RunContext, values: unknown[]): void {
  if (values.length === 1 && typeof values[0] === "string") return markdown(ctx, values[0]);
  const text: string[] = [];
  const flush = () => {
    if (text.length) markdown(ctx, text.splice(0).join(" "));
  };
  for (const value of values) {
    if (typeof value === "string") text.push(value);
    else if (value === null || value === undefined || typeof value === "number" || typeof value === "boolean" || typeof value === "bigint") text.push(inlineCode(pythonStr(value)));
    else if (value instanceof Error) {
      flush();
      // st.exception's box: the bare class name (only an uncaught error is named with its module).
      ctx.emit({ type: "exception", name: value.name, message: value.message, messageIsMarkdown: pythonClassOf(value).messageIsMarkdown, trace: [] });
    } else {
      flush();
      json(ctx, value);
    }
  }
  flush();
}

/** Python's str() of a scalar the script wrote. */
function pythonStr(value: null | undefined | number | boolean | bigint): string {
  if (value === null || value === undefined) return "None";
  if (typeof value === "boolean") return value ? "True" : "False";
  return String(value);
}

/** Markdown inline code holding `text` verbatim: a backtick run longer than any inside it. */
function inlineCode(text: string): string {
  const longest = Math.max(0, ...(text.match(/`+/g) ?? []).map((run) => run.length));
  const fence = "`".repeat(longest + 1);
  return `${fence}${text}${fence}`;
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
