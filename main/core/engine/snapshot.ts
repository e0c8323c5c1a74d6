import { createHash } from "node:crypto";
import { inspect } from "node:util";
import type { Json } from "../../../common";
import { PRESENTED_VALUE_CAP, SUMMARY_PREFIX_CHARS, summaryLabel, type ValueSummary } from "../../../common/session";

/** One session-state value as the panel receives it; `json` is the whole text of a summarised value, kept host-side. */
export interface PresentedValue {
  value: Json;
  display: string;
  editable: boolean;
  summary?: ValueSummary;
  json?: string;
}

/**
 * JSON when the value round-trips through JSON unchanged; otherwise a description, read-only.
 * Over PRESENTED_VALUE_CAP, a summary instead of the value: the value is walked and stringified
 * once, never parsed back or pretty-printed whole, so a run with a 24 MB value costs one pass.
 */
export function asJson(value: unknown): PresentedValue {
  try {
    if (isPlainJson(value, new Set())) {
      const text = JSON.stringify(value);
      if (text.length <= PRESENTED_VALUE_CAP) return { value: JSON.parse(text) as Json, display: text, editable: true };
      const summary = summarize(value as Json, text);
      return { value: null, display: summaryLabel(summary), editable: true, summary, json: text };
    }
  } catch {
    // a getter that throws lands here: shown by description below
  }
  // inspect lists every key of an object (its limits cover arrays and strings): the description is cut too.
  const description = inspect(value, { depth: 3, breakLength: Infinity, maxStringLength: SUMMARY_PREFIX_CHARS });
  return { value: null, display: description.length > SUMMARY_PREFIX_CHARS ? `${description.slice(0, SUMMARY_PREFIX_CHARS)}…` : description, editable: false };
}

/** Whether JSON.stringify → JSON.parse gives this value back: plain objects and arrays of finite numbers, strings, booleans, null. */
function isPlainJson(value: unknown, ancestors: Set<object>): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (typeof value !== "object" || ancestors.has(value)) return false;
  ancestors.add(value);
  let plain = true;
  if (Array.isArray(value)) {
    // An index loop, not every(): every() skips holes, which JSON turns into null.
    for (let i = 0; plain && i < value.length; i++) plain = isPlainJson(value[i], ancestors);
  } else {
    const proto = Object.getPrototypeOf(value);
    plain = (proto === Object.prototype || proto === null) && Object.keys(value).every((k) => isPlainJson((value as Record<string, unknown>)[k], ancestors));
  }
  ancestors.delete(value);
  return plain;
}

export function summarize(value: Json, text: string): ValueSummary {
  const type = value === null ? "null" : Array.isArray(value) ? "array" : (typeof value as "object" | "string" | "number" | "boolean");
  const count = Array.isArray(value) ? value.length : typeof value === "string" ? value.length : type === "object" ? Object.keys(value as object).length : null;
  return { size: text.length, type, count, prefix: prettyPrefix(value, SUMMARY_PREFIX_CHARS), digest: createHash("md5").update(text).digest("hex") };
}

/** The first `limit` characters of `JSON.stringify(value, null, 2)` (then "…"), without printing the rest. */
export function prettyPrefix(value: Json, limit: number): string {
  let out = "";
  const write = (text: string) => {
    out += text;
    return out.length < limit;
  };
  const print = (node: Json, indent: string): boolean => {
    if (node === null || typeof node !== "object") {
      // A long string is cut before quoting; its closing quote is left off, as the cut says.
      return write(typeof node === "string" && node.length > limit ? JSON.stringify(node.slice(0, limit)).slice(0, -1) : JSON.stringify(node));
    }
    const isArray = Array.isArray(node);
    const [open, close] = isArray ? ["[", "]"] : ["{", "}"];
    const inner = `${indent}  `;
    let first = true;
    // Iterated lazily rather than Object.keys: the prefix stops after a few keys of a 240,000-key object.
    // An array's indices only: JSON.stringify skips any other property an array carries.
    const names = isArray ? indicesOf(node as Json[]) : keysOf(node);
    for (const name of names) {
      if (!write(`${first ? `${open}\n` : ",\n"}${inner}${isArray ? "" : `${JSON.stringify(name)}: `}`)) return false;
      first = false;
      if (!print((node as Record<string, Json>)[name], inner)) return false;
    }
    if (first) return write(open + close);
    if (!write("\n")) return false;
    return write(indent + close);
  };
  const complete = print(value, "");
  return complete && out.length <= limit ? out : `${out.slice(0, limit)}…`;
}

function* keysOf(object: object): Generator<string> {
  for (const name in object) yield name;
}

function* indicesOf(array: Json[]): Generator<string> {
  for (let i = 0; i < array.length; i++) yield String(i);
}

/** Where a summarised value's whole JSON is kept: a key's own value, or one component state or trigger value. */
export function fullValuePath(key: string, field?: string, kind: "state" | "trigger" = "state"): string {
  return JSON.stringify(field === undefined ? [key] : [key, field, kind]);
}

/**
 * Presents one run's session-state values and keeps the whole JSON of those it summarises (the
 * host answers `sessionValue` from them). A component's state map and its presented value hold
 * the same objects, so each is walked once.
 */
export class ValuePresenter {
  readonly full: Record<string, string> = {};
  private readonly seen = new Map<unknown, PresentedValue>();

  present(value: unknown, path: string): PresentedValue {
    const known = value !== null && typeof value === "object" ? this.seen.get(value) : undefined;
    const presented = known ?? asJson(value);
    if (!known && value !== null && typeof value === "object") this.seen.set(value, presented);
    if (presented.json !== undefined) this.full[path] = presented.json;
    return presented;
  }

  /** A component's map, field by field: JSON values (null when summarised or not JSON) and the summaries. */
  fields(map: Record<string, unknown>, key: string, kind: "state" | "trigger"): { values: Record<string, Json>; summaries?: Record<string, ValueSummary> } {
    const values: Record<string, Json> = {};
    const summaries: Record<string, ValueSummary> = {};
    for (const [name, value] of Object.entries(map)) {
      const presented = this.present(value, fullValuePath(key, name, kind));
      values[name] = presented.value;
      if (presented.summary) summaries[name] = presented.summary;
    }
    return Object.keys(summaries).length ? { values, summaries } : { values };
  }
}
