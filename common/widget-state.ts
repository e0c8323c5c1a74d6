import * as v from "valibot";
import { JsonSchema } from "./json";
import { FragmentIdSchema, IdSchema } from "./validation";
import { EventIdSchema } from "./loop-events";

const MAX_PAYLOAD = 25 * 1024 * 1024; // Streamlit's server.maxWidgetStateSize
const MAX_WIDGETS = 10_000;

/**
 * Widget states, as the preview sends them with every rerun request (Streamlit's WidgetStates).
 * The preview keeps every widget's current value and sends all of them each time (§6, §7.1).
 */
const WidgetStateSchema = v.variant("type", [
  /** A component's full state map, serialized with JSON.stringify (like Streamlit's jsonValue). */
  v.object({ id: IdSchema, type: v.literal("json_value"), value: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD)) }),
  /** A component's trigger aggregator: a JSON array of `{event, value}` (like jsonTriggerValue). */
  v.object({ id: IdSchema, type: v.literal("json_trigger_value"), value: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD)) }),
  /** st.chat_input: the submitted text, for the one rerun it causes (Streamlit's stringTriggerValue). */
  v.object({ id: IdSchema, type: v.literal("string_trigger_value"), value: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD)) }),
  /** st.button and other one-shot triggers. */
  v.object({ id: IdSchema, type: v.literal("trigger_value"), value: v.boolean() }),
  /** Native value widgets: text_input (string), checkbox (boolean), slider (number)… */
  v.object({ id: IdSchema, type: v.literal("value"), value: JsonSchema }),
]);
export type WidgetState = v.InferOutput<typeof WidgetStateSchema>;

/** A rerun asked for by the preview (widget changes) or the workbench (Rerun button, hotkey). */
export const RerunRequestSchema = v.object({
  /** Every widget's current state; null reuses the last states the host has. */
  widgetStates: v.nullable(v.pipe(v.array(WidgetStateSchema), v.maxLength(MAX_WIDGETS))),
  /** When the interaction came from inside a fragment, only that fragment reruns (issue 3). */
  fragmentId: FragmentIdSchema,
  /** Who asked: the preview (a flush of widget changes), the Rerun button, the R hotkey, or a program. */
  source: v.picklist(["preview", "button", "hotkey", "api"]),
  /** The preview's flush event that carries these states, so the timeline links the run to it. */
  causeId: v.nullable(EventIdSchema),
});
export type RerunRequest = v.InferOutput<typeof RerunRequestSchema>;
