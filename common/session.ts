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
    }
  | {
      key: string;
      kind: "widget";
      widget: string; // "button", "text_input", …
      value: Json;
      display: string;
      editable: boolean;
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
    };

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
