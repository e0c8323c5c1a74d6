import type { LoopEvent, ValuePreview } from "../../../common";
import type { CausalGraph, EventOf } from "./graph";

type Change = EventOf<"state-diff">["changed"][number];

export function duration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** A hop's time since its run started; sub-millisecond gaps are the common case. */
export function offset(ms: number): string {
  const sign = ms < 0 ? "−" : "+";
  const size = Math.abs(ms);
  return size < 1000 ? `${sign}${size.toFixed(1)} ms` : `${sign}${(size / 1000).toFixed(2)} s`;
}

/** A preview as indented JSON where it parses; a cut-off or descriptive preview stays as it is. */
export function prettyPreview(value: ValuePreview | undefined): string {
  if (!value) return "";
  try {
    return JSON.stringify(JSON.parse(value.preview), null, 2);
  } catch {
    return value.preview;
  }
}

function change({ key, before, after }: Change): string {
  if (!before) return `+${key} = ${after?.preview}`;
  if (!after) return `−${key}`;
  return `${key}: ${before.preview} → ${after.preview}`;
}

const SETTERS = { state: "setStateValue", trigger: "setTriggerValue" } as const;

const REQUESTS: Record<EventOf<"request">["source"], string | null> = {
  button: "Rerun button",
  hotkey: "R key",
  "st.rerun": "st.rerun()",
  file: "file save",
  // The widget's own hop already says what changed.
  widget: null,
  api: "test API",
  resume: "Resume",
  step: "Step",
  browser: "the app view (page load or Streamlit's Rerun)",
};

/** One line per hop: what happened, with values and diffs inline. */
export function describeHop(event: LoopEvent): string {
  switch (event.kind) {
    case "dom":
      return `${event.eventType} on ${event.target}${event.trusted ? "" : " (synthetic)"}`;
    case "set":
      return `${SETTERS[event.setter]}('${event.name}', ${event.value.preview})${event.unchanged ? " · unchanged" : ""}${event.phase === "invocation" ? " · during invocation" : ""}`;
    case "flush":
      return `carries ${event.setIds.length} ${event.setIds.length === 1 ? "set" : "sets"}${event.fragmentId ? ` · fragment ${event.fragmentId}` : ""}`;
    case "widget":
      return `${event.widget} = ${event.value.preview}`;
    case "mount":
      return `${event.component} · ${event.frontendKey}`;
    case "invoke":
      return `${event.changed.length ? `changed: ${event.changed.join(", ")}` : "first call"} · ${duration(event.durationMs)}`;
    case "cleanup":
      return event.frontendKey;
    case "error":
    case "console":
      return `${event.source}: ${event.message.split("\n", 1)[0]}`;
    case "edit":
      return `${event.key}${event.field ? `.${event.field}` : ""} = ${event.value.preview}`;
    case "request":
      return [event.source, event.detail].filter(Boolean).join(" · ");
    case "run-start":
      return [event.fragmentId && `fragment ${event.fragmentId}`, event.alsoCausedBy.length && `+${event.alsoCausedBy.length} coalesced`]
        .filter(Boolean)
        .join(" · ");
    case "run-end":
      return `${event.status} · ${duration(event.durationMs)}`;
    case "callback":
      return `${duration(event.durationMs)}${event.error ? ` · ${event.error.split("\n", 1)[0]}` : ""}`;
    case "state-diff":
      return [...event.changed, ...event.added, ...event.removed].map(change).join("; ") || "no change";
    case "data-diff":
      return event.changes.map(change).join("; ") || "no change";
    case "remount":
      return `${event.previousElementId} → ${event.elementId} (${event.changedArguments.join(", ") || "identity"} changed)`;
    case "revert":
      return `script ${event.scriptValue.preview} → browser ${event.browserValue.preview}`;
    case "trigger":
      return event.handled ? "handled" : "no callback";
  }
}

/** How a hop reads as a cause; null for the plumbing between the user's action and the run. */
function describeCause(event: LoopEvent): string | null {
  const on = event.instance ? ` (${event.instance})` : "";
  switch (event.kind) {
    case "run-start":
      return `run ${event.runId}`;
    case "dom":
      return `${event.eventType} on ${event.target}`;
    case "set":
      return `${SETTERS[event.setter]}('${event.name}')${on}`;
    case "widget":
      return `${event.widget}${on}`;
    case "edit":
      return `panel edit of ${event.key}${event.field ? `.${event.field}` : ""}`;
    case "request":
      return REQUESTS[event.source];
    default:
      return null;
  }
}

/** A flush's cause is usually none of its own: the sets it carries are. */
function primaryCause(event: LoopEvent): string | null {
  if (event.causeId !== null) return event.causeId;
  if (event.kind === "flush") return event.setIds.at(-1) ?? null;
  return null;
}

/**
 * "click on button → setStateValue('value') (my_key)": the path from the user's action to the run.
 * It stops at an earlier run, which is where a loop that feeds itself leads ("run 7 → …").
 */
export function describeRunCause(start: EventOf<"run-start">, graph: CausalGraph): string {
  const path: string[] = [];
  let id = primaryCause(start);
  let event: LoopEvent | undefined;
  while (id !== null && (event = graph.get(id))) {
    const text = describeCause(event);
    if (text) path.unshift(text);
    id = event.kind === "run-start" ? null : primaryCause(event);
  }
  // The root fell off the ring's front.
  if (id !== null) path.unshift("…");
  const more = start.alsoCausedBy.length ? ` + ${start.alsoCausedBy.length} more` : "";
  return (path.join(" → ") || (start.runId <= 1 ? "first run" : "unknown")) + more;
}
