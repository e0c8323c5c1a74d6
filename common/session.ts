import * as v from "valibot";
import { JsonSchema, type Json } from "./json";
import { IdSchema } from "./validation";

/** One row of the Session State panel. The host owns the values; the workbench mirrors them. */
export type SessionStateEntry =
  | {
      key: string;
      kind: "value";
      /** The value as JSON; values JSON cannot hold are shown by `display` and are not editable. */
      value: Json;
      display: string;
      editable: boolean;
      /** Set when the value's JSON is over PRESENTED_VALUE_CAP: `value` is then null, the whole value comes from `sessionValue`. */
      summary?: ValueSummary;
    }
  | {
      key: string;
      kind: "widget";
      widget: string; // "button", "text_input", …
      value: Json;
      display: string;
      editable: boolean;
      summary?: ValueSummary;
    }
  | {
      key: string;
      kind: "component";
      /** Registered component name. */
      component: string;
      /** The persisted state map (state values). */
      state: Record<string, Json>;
      /** Trigger values of the last run (null when not fired); only names with a callback or fired. */
      triggers: Record<string, Json>;
      /** Names that have an `on_<name>_change` callback; writes to other names are ignored (§6). */
      callbackNames: string[];
      /** What `st.session_state[key]` presents: `{ ...triggers fired this run, ...state }` (§5–§6). */
      value: Record<string, Json>;
      /**
       * State names whose value the browser's map holds differently (a script or panel write the
       * component has not echoed): the browser resends its map on the next rerun, which restores
       * these values (§6). Set by the host, which mirrors what the browser holds.
       */
      browserHolds?: Record<string, Json>;
      editable: boolean;
      /** State names whose value is over PRESENTED_VALUE_CAP: null in `state` and `value`, summarised here. */
      stateSummaries?: Record<string, ValueSummary>;
      /** Likewise for trigger values. */
      triggerSummaries?: Record<string, ValueSummary>;
    };

/**
 * Sizes are JSON text lengths in UTF-16 code units, as the timeline's value previews count them
 * (`ValuePreview.size`): what both sides measure without encoding, and bytes for ASCII JSON.
 * A value over PRESENTED_VALUE_CAP crosses to the workbench as a summary, so a 24 MB value costs a
 * few kilobytes per run and per reconnect; the panel fetches it whole only to copy, save or edit it.
 */
export const PRESENTED_VALUE_CAP = 100_000;
/** The largest value the panel accepts as an edit (its compact JSON); the host refuses bigger ones too. */
export const EDIT_VALUE_CAP = 1_000_000;
/** How much of a summarised value's pretty JSON the summary carries, for the panel's bounded expansion. */
export const SUMMARY_PREFIX_CHARS = 2_000;

/** What the panel shows of a value too big to send whole: "2.3 MB object · 41,203 keys". */
export interface ValueSummary {
  size: number;
  type: "object" | "array" | "string" | "number" | "boolean" | "null";
  /** Keys of an object, items of an array, characters of a string; null otherwise. */
  count: number | null;
  /** The start of the pretty JSON, at most SUMMARY_PREFIX_CHARS. */
  prefix: string;
  /** A digest of the whole JSON, so a changed value is told from an unchanged one without sending it. */
  digest: string;
}

/** "24.6 MB", "812 KB", "950 B" (decimal units, as file managers show a saved file). */
export function formatSize(size: number): string {
  if (size >= 1_000_000) return `${(size / 1_000_000).toFixed(1)} MB`;
  if (size >= 1_000) return `${Math.round(size / 1_000)} KB`;
  return `${size} B`;
}

export function summaryLabel(summary: Pick<ValueSummary, "size" | "type" | "count">): string {
  const unit = summary.type === "object" ? "keys" : summary.type === "array" ? "items" : summary.type === "string" ? "characters" : null;
  const count = summary.count === null || unit === null ? "" : ` · ${summary.count.toLocaleString("en-US")} ${summary.count === 1 ? unit.slice(0, -1) : unit}`;
  return `${formatSize(summary.size)} ${summary.type}${count}`;
}

/** The refusal for an edit over EDIT_VALUE_CAP, worded once for the panel and the host. */
export function editTooLarge(size: number): string {
  return `This value is ${formatSize(size)} of JSON; the Session State panel accepts edits up to ${formatSize(EDIT_VALUE_CAP)}. Write bigger values from the app script.`;
}

export interface SessionStateSnapshot {
  /** The run after which this snapshot was taken (0 before the first run). */
  runId: number;
  entries: SessionStateEntry[];
}

/**
 * An edit made in the Session State panel: applied as a script-side write between runs
 * (`st.session_state[key] = value` or `st.session_state[key][field] = value`), then a rerun.
 */
export const SessionStateEditSchema = v.object({
  key: IdSchema,
  /** For a component entry: the state name to set. Absent: the whole key is replaced. */
  field: v.optional(IdSchema),
  value: JsonSchema,
});
export type SessionStateEdit = v.InferOutput<typeof SessionStateEditSchema>;

export type EditResult = { ok: true } | { ok: false; error: string };

/** Which value `sessionValue` returns: a key's presented value, or one component state or trigger value. */
export const SessionValueRequestSchema = v.object({
  key: IdSchema,
  field: v.optional(IdSchema),
  kind: v.optional(v.picklist(["state", "trigger"])),
});
export type SessionValueRequest = v.InferOutput<typeof SessionValueRequestSchema>;

/** The whole value as compact JSON text (a value JSON cannot hold: its description). */
export type SessionValueResult = { ok: true; json: string } | { ok: false; error: string };
