import * as v from "valibot";
import type { FromPreview } from "./preview";
import type { RerunRequest, WidgetState } from "./widgets";
import type { SessionStateEdit } from "./session";
import type { ClientFrame } from "./bridge";

/**
 * Runtime schemas for everything that crosses a trust boundary: the preview (untrusted author
 * code) → workbench, and the workbench → host. A message that fails is dropped with an error.
 */

const MAX_ID = 4096;
const MAX_PAYLOAD = 25 * 1024 * 1024; // Streamlit's server.maxWidgetStateSize

const JsonSchema: v.GenericSchema<unknown> = v.lazy(() =>
  v.union([
    v.null(),
    v.boolean(),
    v.pipe(v.number(), v.finite()),
    v.string(),
    v.array(JsonSchema),
    v.record(v.string(), JsonSchema),
  ]),
);

const WidgetId = v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID));

export const WidgetStateSchema = v.variant("type", [
  v.object({ id: WidgetId, type: v.literal("json_value"), value: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD)) }),
  v.object({ id: WidgetId, type: v.literal("json_trigger_value"), value: v.pipe(v.string(), v.maxLength(MAX_PAYLOAD)) }),
  v.object({ id: WidgetId, type: v.literal("trigger_value"), value: v.boolean() }),
  v.object({ id: WidgetId, type: v.literal("value"), value: JsonSchema }),
]) as v.GenericSchema<WidgetState>;

const FragmentId = v.nullish(v.pipe(v.string(), v.maxLength(MAX_ID)));

export const RerunRequestSchema = v.object({
  widgetStates: v.optional(v.pipe(v.array(WidgetStateSchema), v.maxLength(10_000))),
  fragmentId: FragmentId,
}) as v.GenericSchema<RerunRequest>;

export const FromPreviewSchema = v.variant("type", [
  v.object({
    type: v.literal("rerun"),
    widgetStates: v.pipe(v.array(WidgetStateSchema), v.maxLength(10_000)),
    fragmentId: v.nullable(v.pipe(v.string(), v.maxLength(MAX_ID))),
  }),
  v.object({ type: v.literal("rendered"), runId: v.pipe(v.number(), v.integer()) }),
  v.object({ type: v.literal("hotkey"), key: v.literal("r") }),
  v.object({
    type: v.literal("console"),
    level: v.picklist(["info", "warn", "error"]),
    message: v.pipe(v.string(), v.maxLength(64 * 1024)),
  }),
]) as v.GenericSchema<FromPreview>;

export const SessionStateEditSchema = v.object({
  key: v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID)),
  field: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(MAX_ID))),
  value: JsonSchema,
}) as v.GenericSchema<SessionStateEdit>;

/** Argument tuples per host method. */
export const HostArgsSchemas = {
  hello: v.tuple([]),
  rerun: v.tuple([RerunRequestSchema]),
  stop: v.tuple([]),
  editSessionState: v.tuple([SessionStateEditSchema]),
} as const;

export const ClientFrameSchema = v.object({
  type: v.literal("call"),
  id: v.pipe(v.number(), v.integer()),
  method: v.picklist(["hello", "rerun", "stop", "editSessionState"]),
  args: v.array(v.unknown()),
}) as v.GenericSchema<ClientFrame>;

/** Parse or explain: returns the value, or a one-line reason naming the first bad path. */
export function check<T>(schema: v.GenericSchema<T>, input: unknown): { ok: true; value: T } | { ok: false; error: string } {
  const result = v.safeParse(schema, input);
  if (result.success) return { ok: true, value: result.output };
  const issue = result.issues[0];
  const path = issue.path?.map((p) => String(p.key)).join(".") || "(root)";
  return { ok: false, error: `${path}: ${issue.message}` };
}
