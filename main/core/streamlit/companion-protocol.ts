import * as v from "valibot";
import { JsonSchema } from "../../../common/json";
import { IdSchema } from "../../../common/validation";

/**
 * The control channel between the host and the companion Loopwright injects into the author's
 * Python process (companion/loopwright_companion): newline-delimited JSON over a Unix socket the
 * host listens on (its path is in LOOPWRIGHT_CONTROL). The companion runs inside the author's
 * code, so everything it says is validated like any other untrusted message.
 */

const Text = v.pipe(v.string(), v.maxLength(4096));
const LongText = v.pipe(v.string(), v.maxLength(64 * 1024));
const Millis = v.pipe(v.number(), v.finite(), v.minValue(0));
/** Streamlit's session id (`AppSession.id`, a UUID). */
const SessionId = v.pipe(v.string(), v.minLength(1), v.maxLength(128));

/** What a value too big to send whole is shown as (common/session.ts ValueSummary). */
const SummarySchema = v.object({
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
  type: v.picklist(["object", "array", "string", "number", "boolean", "null"]),
  count: v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0))),
  prefix: v.pipe(v.string(), v.maxLength(8192)),
  digest: v.pipe(v.string(), v.maxLength(128)),
});

/**
 * One Session State key as the companion reads it after a run: the common/session.ts
 * SessionStateEntry shapes, with values over PRESENTED_VALUE_CAP of JSON sent as summaries (the
 * whole value stays in Python until `value` asks for it).
 */
export const CompanionEntrySchema = v.variant("kind", [
  v.object({ key: IdSchema, kind: v.literal("value"), value: JsonSchema, display: LongText, editable: v.boolean(), summary: v.optional(SummarySchema) }),
  v.object({
    key: IdSchema,
    kind: v.literal("widget"),
    widget: Text,
    value: JsonSchema,
    display: LongText,
    editable: v.boolean(),
    summary: v.optional(SummarySchema),
  }),
  v.object({
    key: IdSchema,
    kind: v.literal("component"),
    component: Text,
    state: v.record(v.string(), JsonSchema),
    triggers: v.record(v.string(), JsonSchema),
    callbackNames: v.array(Text),
    value: v.record(v.string(), JsonSchema),
    editable: v.boolean(),
    stateSummaries: v.optional(v.record(v.string(), SummarySchema)),
    triggerSummaries: v.optional(v.record(v.string(), SummarySchema)),
  }),
]);
export type CompanionEntry = v.InferOutput<typeof CompanionEntrySchema>;

const LocationSchema = v.nullable(v.object({ file: Text, line: v.pipe(v.number(), v.integer(), v.minValue(1)) }));

/** Companion → host. */
export const CompanionMessageSchema = v.variant("t", [
  /** First line: the Streamlit that runs, and its protocol definitions (a serialized FileDescriptorSet, base64). */
  v.object({ t: v.literal("hello"), streamlit: Text, python: Text, descriptors: v.pipe(v.string(), v.maxLength(16 * 1024 * 1024)) }),
  /** A run of `session` began (the script thread is about to execute the body; edits were applied). */
  v.object({ t: v.literal("run-start"), session: SessionId, at: v.number() }),
  /** A run of `session` ended: Session State as the script left it. */
  v.object({
    t: v.literal("run-end"),
    session: SessionId,
    at: v.number(),
    /** "done" | "exception" | "stopped" | "rerun" (st.rerun / a newer request) */
    status: v.picklist(["done", "exception", "stopped", "rerun"]),
    entries: v.pipe(v.array(CompanionEntrySchema), v.maxLength(10_000)),
    /** The component sources (js/css/html under the app's folder) the run read: a save of one reruns the app. */
    sources: v.optional(v.pipe(v.array(Text), v.maxLength(200)), []),
  }),
  /** Streamlit's watcher saw a change in these components' asset_dir (it updated its registry; the browser needs a rerun). */
  v.object({ t: v.literal("components-changed"), names: v.pipe(v.array(Text), v.maxLength(50)) }),
  /** An `on_<name>_change` (or a widget's on_change) ran, with how long it took and what it raised. */
  v.object({
    t: v.literal("callback"),
    session: SessionId,
    key: v.nullable(Text),
    name: v.nullable(Text),
    durationMs: Millis,
    error: v.nullable(LongText),
  }),
  /** print / logging / an uncaught exception, with the author's file and line when known. */
  v.object({
    t: v.literal("log"),
    session: v.nullable(SessionId),
    level: v.picklist(["info", "warn", "error"]),
    source: v.picklist(["print", "logging", "exception", "companion"]),
    message: LongText,
    location: LocationSchema,
    stack: v.nullable(LongText),
  }),
  /** The script called st.rerun() while reruns were paused: the run ended instead, and the host holds that rerun. */
  v.object({ t: v.literal("rerun-held"), session: SessionId }),
  /** A panel edit waits for the session's next run (the host may now ask for it). */
  v.object({ t: v.literal("edit-queued"), id: v.number() }),
  /** A panel edit was applied at the start of a run (ok) or refused by Streamlit's rules (error). */
  v.object({ t: v.literal("edit-applied"), session: SessionId, id: v.number(), ok: v.boolean(), error: v.nullable(LongText) }),
  /** The answer to a `value` request: the whole JSON text, or why there is none. */
  v.object({ t: v.literal("value"), id: v.number(), json: v.nullable(v.string()), error: v.nullable(Text) }),
]);
export type CompanionMessage = v.InferOutput<typeof CompanionMessageSchema>;

/** Host → companion (our own messages: typed, not validated on the Python side beyond its parse). */
export type HostToCompanion =
  /** Apply at the start of `session`'s next run: `st.session_state[key] = value`, or `st.session_state[key][field] = value`. */
  | { t: "edit"; id: number; session: string; key: string; field: string | null; value: unknown }
  /** Reruns are paused (or not): while paused, st.rerun() ends the run and is reported as held. */
  | { t: "gate"; paused: boolean }
  /** The host gave up on this edit (its receipt did not come in time): it must never be applied. */
  | { t: "cancel-edit"; id: number }
  /** One whole value (a summarised one), for the panel's copy, save and edit. */
  | { t: "value"; id: number; session: string; key: string; field: string | null; kind: "state" | "trigger" | null };
