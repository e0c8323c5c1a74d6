import * as v from "valibot";
import { RunIdSchema } from "./validation";

/**
 * The loop debugger's one event model: every hop of the feedback loop (a DOM event, a component's
 * setter call, the flush that carries it, the run it starts, the callbacks, the diffs, the
 * component's re-invocation) is one `LoopEvent`, linked to the hop that caused it by `causeId`.
 * The preview records its hops (untrusted: validated like every preview message), the host records
 * the rest and keeps the timeline; the workbench only shows it.
 */

const MAX_TEXT = 4096;
const Text = v.pipe(v.string(), v.maxLength(MAX_TEXT));
const LongText = v.pipe(v.string(), v.maxLength(64 * 1024));
/** A loop event's id: `h<n>` from the host, `p<session>-<n>` from the preview. */
export const EventIdSchema = v.pipe(v.string(), v.minLength(1), v.maxLength(64));
const EventId = EventIdSchema;
const Millis = v.pipe(v.number(), v.finite());

/** A value as the timeline shows it: a bounded JSON preview and the size of the whole. */
export const ValuePreviewSchema = v.object({
  /** JSON text, cut at `PREVIEW_CHARS` with "…" (or a description for values JSON cannot hold). */
  preview: Text,
  /** Size of the whole JSON text in bytes (UTF-16 code units), so big values are visible as big. */
  size: v.pipe(v.number(), v.integer(), v.minValue(0)),
});
export type ValuePreview = v.InferOutput<typeof ValuePreviewSchema>;

const base = {
  id: EventId,
  /** The event that caused this one; null for a root (a user action, a file save, the first run). */
  causeId: v.nullable(EventId),
  /** The run this hop belongs to: the run in progress, or the last one started (0 before any). */
  runId: RunIdSchema,
  /** Milliseconds on one clock for every side: `performance.timeOrigin + performance.now()`. */
  at: Millis,
  /** The component instance: its user key, or its element id when unkeyed. */
  instance: v.optional(v.nullable(Text)),
  /** The state or trigger name, where the hop is about one. */
  name: v.optional(v.nullable(Text)),
};

/** `browser`: Streamlit's own frontend asked, on its own (it loaded, or its menu's Rerun): a Python app only. */
const TriggerSource = v.picklist(["button", "hotkey", "st.rerun", "file", "widget", "api", "resume", "step", "browser"]);
const RunStatus = v.picklist(["done", "exception", "stopped", "killed", "interrupted", "rerun"]);
const Change = v.object({ key: Text, before: v.optional(ValuePreviewSchema), after: v.optional(ValuePreviewSchema) });

/** Hops the preview records (and the workbench forwards): the browser side of the loop. */
export const PreviewLoopEventSchema = v.variant("kind", [
  v.object({
    ...base,
    kind: v.literal("dom"),
    /** "click", "keydown", "input", … */
    eventType: Text,
    /** A short description of the event's innermost target, e.g. `input[type=text]`. */
    target: Text,
    trusted: v.boolean(),
  }),
  v.object({
    ...base,
    kind: v.literal("set"),
    setter: v.picklist(["state", "trigger"]),
    value: ValuePreviewSchema,
    /** The value equals what the browser already held for that name (a state set only). */
    unchanged: v.boolean(),
    /** "invocation": during the default export's call (mount or re-invocation); "later": after it. */
    phase: v.picklist(["invocation", "later"]),
    /** The component's call stack at the setter, in the component module's own file names. */
    stack: v.nullable(LongText),
    elementId: Text,
  }),
  v.object({
    ...base,
    kind: v.literal("flush"),
    /** The sets this flush carries, in the order they were made. */
    setIds: v.pipe(v.array(EventId), v.maxLength(10_000)),
    fragmentId: v.nullable(Text),
  }),
  v.object({
    ...base,
    kind: v.literal("widget"),
    /** A native widget's change (text_input, button, …), carried by the next flush. */
    widget: Text,
    elementId: Text,
    value: ValuePreviewSchema,
  }),
  v.object({
    ...base,
    kind: v.literal("mount"),
    elementId: Text,
    /** Streamlit's frontend key for this mount (`st-bidi-component-…`). */
    frontendKey: Text,
    component: Text,
  }),
  v.object({
    ...base,
    kind: v.literal("invoke"),
    elementId: Text,
    frontendKey: Text,
    /** What made the default export run again: data, theme, js, form, fragment (empty on mount). */
    changed: v.array(v.picklist(["mount", "data", "theme", "js", "name", "form", "fragment"])),
    durationMs: Millis,
  }),
  v.object({ ...base, kind: v.literal("cleanup"), elementId: Text, frontendKey: Text }),
  v.object({ ...base, kind: v.literal("error"), message: LongText, stack: v.nullable(LongText), source: v.picklist(["component", "script", "host"]) }),
  v.object({ ...base, kind: v.literal("console"), level: v.picklist(["info", "warn", "error"]), message: LongText, source: v.picklist(["component", "script", "host"]) }),
]);
export type PreviewLoopEvent = v.InferOutput<typeof PreviewLoopEventSchema>;

/** One batch of preview hops; the preview sends at most one batch per macrotask. */
export const PreviewLoopBatchSchema = v.pipe(v.array(PreviewLoopEventSchema), v.maxLength(2000));

/** Hops the host records: requests, runs, callbacks, diffs and identity changes. */
export const HostLoopEventSchema = v.variant("kind", [
  v.object({ ...base, kind: v.literal("edit"), key: Text, field: v.nullable(Text), value: ValuePreviewSchema }),
  v.object({ ...base, kind: v.literal("request"), source: TriggerSource, detail: v.nullable(Text) }),
  v.object({
    ...base,
    kind: v.literal("run-start"),
    fragmentId: v.nullable(Text),
    /** Further causes coalesced into this run (Streamlit merges requests that arrive while one runs). */
    alsoCausedBy: v.array(EventId),
  }),
  v.object({ ...base, kind: v.literal("run-end"), status: RunStatus, durationMs: Millis, fragmentId: v.nullable(Text) }),
  v.object({ ...base, kind: v.literal("callback"), durationMs: Millis, error: v.nullable(LongText) }),
  v.object({
    ...base,
    kind: v.literal("state-diff"),
    added: v.array(Change),
    changed: v.array(Change),
    removed: v.array(Change),
  }),
  v.object({ ...base, kind: v.literal("data-diff"), elementId: Text, changes: v.array(Change) }),
  v.object({
    ...base,
    kind: v.literal("remount"),
    elementId: Text,
    previousElementId: Text,
    /** The mount arguments whose change gave the unkeyed instance a new identity. */
    changedArguments: v.array(Text),
  }),
  v.object({
    ...base,
    kind: v.literal("revert"),
    /** The script's (or panel's) value the browser's resent state map replaced. */
    scriptValue: ValuePreviewSchema,
    browserValue: ValuePreviewSchema,
  }),
  v.object({ ...base, kind: v.literal("trigger"), handled: v.boolean() }),
]);
export type HostLoopEvent = v.InferOutput<typeof HostLoopEventSchema>;

export type LoopEvent = PreviewLoopEvent | HostLoopEvent;
export type LoopEventKind = LoopEvent["kind"];

/** What Loopwright concluded from the stream: a card with what happened, why, and what to do. */
export const FINDING_KINDS = [
  "rerun-storm",
  "stale-map-revert",
  "trigger-without-callback",
  "mount-time-trigger",
  "remount-churn",
  "unchanged-value",
  "undeclared-name",
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export interface Finding {
  id: string;
  kind: FindingKind;
  severity: "error" | "warning" | "info";
  instance: string | null;
  name: string | null;
  /** The run in which it was raised (the latest, for one that repeats). */
  runId: number;
  /** One sentence: which instance, which name, what happened. */
  message: string;
  /** Why it happens: the Streamlit rule behind it. */
  why: string;
  /** What to do about it. */
  fix: string;
  /** The events that prove it, oldest first. */
  eventIds: string[];
  /** How many times it was seen (a repeating finding updates one card). */
  count: number;
}

/** The timeline as the host keeps it: a ring buffer, and whether reruns are held back. */
export interface LoopSnapshot {
  events: LoopEvent[];
  /** Events dropped from the front since the session started (the ring buffer's cap was reached). */
  dropped: number;
  cap: number;
  recording: boolean;
  findings: Finding[];
  reruns: RerunGate;
}

/** What changed in the timeline since the host's last `loop` event. */
export interface LoopDelta {
  events: LoopEvent[];
  /** New or updated finding cards. */
  findings: Finding[];
  dropped: number;
  recording: boolean;
  reruns: RerunGate;
}

export interface RerunGate {
  paused: boolean;
  /** Rerun requests held while paused, oldest first; Step runs one, Resume runs them all. */
  queued: number;
  /** Why reruns are paused: a finding's id, "user" (the toggle) or "stop". */
  reason: string | null;
}
