import type { Finding } from "../../../common/loop-events";

/** The words of a finding card; the analyzer decides when a card is raised, this file what it says. */
export type FindingText = Pick<Finding, "message" | "why" | "fix">;

/** Streamlit's element id for an unkeyed instance ends in `-None` where a keyed one has its key. */
export function isUnkeyed(instance: string): boolean {
  return instance.startsWith("$$ID-") && instance.endsWith("-None");
}

/** How a card names an instance: its key, or for an unkeyed one its component (element ids mean nothing to a reader). */
export function describeInstance(instance: string, component: string | null): string {
  if (!isUnkeyed(instance)) return `\`${instance}\``;
  return component ? `unkeyed instance of \`${component}\`` : `unkeyed instance \`${instance}\``;
}

const MESSAGE_VALUE_CHARS = 40;

/** A value preview short enough for a sentence. */
function shortValue(preview: string): string {
  return preview.length > MESSAGE_VALUE_CHARS ? `${preview.slice(0, MESSAGE_VALUE_CHARS - 1)}…` : preview;
}

/** `data`, `data` and `default`, `a`, `b` and `c`. */
function listCode(names: readonly string[]): string {
  const quoted = names.map((n) => `\`${n}\``);
  return quoted.length < 2 ? (quoted[0] ?? "") : `${quoted.slice(0, -1).join(", ")} and ${quoted[quoted.length - 1]}`;
}

const setterCall = (setter: "state" | "trigger", name: string) => `${setter === "state" ? "setStateValue" : "setTriggerValue"}('${name}')`;

/** What keeps a storm going, as far as the automatic runs' causes show it. */
export type StormCause =
  | { kind: "st.rerun" }
  | {
      kind: "write";
      /** The instance that wrote (its latest element id, when unkeyed). */
      label: string;
      name: string;
      setter: "state" | "trigger";
      phase: "invocation" | "later";
      sameValue: boolean;
      /** Mount arguments whose change remounted the writing instance; empty when it was not remounted. */
      remountedArguments: string[];
    };

export function stormText(cause: StormCause): FindingText {
  if (cause.kind === "st.rerun") {
    return {
      message: "`st.rerun()` is called on every run",
      why: "`st.rerun()` ends the run and starts a new one at once, so an unconditional call makes every run request the next.",
      fix: "Call `st.rerun()` only under a condition that turns false, e.g. once the state it waits for has changed.",
    };
  }
  if (cause.remountedArguments.length) {
    const args = listCode(cause.remountedArguments);
    return {
      message: `${cause.label} gets new ${args} every run, so it remounts and writes on mount: give it a key`,
      why: `An unkeyed instance's identity includes its mount arguments, so new ${args} gives it a new element id: Streamlit mounts a new element, whose mount-time write reruns the script, which computes new ${args} again.`,
      fix: "Give the instance a `key`: a keyed instance keeps its id and is re-invoked with the new arguments instead of remounting. Write on mount only when the value differs from what the component got.",
    };
  }
  const value = cause.sameValue ? "the same value" : "a new value";
  const call = setterCall(cause.setter, cause.name);
  if (cause.phase === "invocation") {
    return {
      message: `${cause.label} calls ${call} during every invocation with ${value}`,
      why: "A write during the component's invocation reruns the script, whose render invokes the component again (its data changed), and it writes again: Streamlit has no loop guard and sends a write even when the value is the same.",
      fix: "Set state only from user events, or compare with the previous value (from `data`) before setting, so a re-invocation does not write.",
    };
  }
  return {
    message: `${cause.label} calls ${call} after every run, outside any user event (a timer or a promise), with ${value}`,
    why: "A timer or promise the component starts on each invocation writes after the run, the write reruns the script, and the rerun invokes the component again, which starts the next one: Streamlit has no loop guard.",
    fix: "Set state only from user events, or compare with the previous value before setting, so a timer writes only when something changed.",
  };
}

export function revertText(label: string, name: string, scriptValue: string, browserValue: string, runId: number): FindingText {
  return {
    message: `${label}: the script's value ${shortValue(scriptValue)} for '${name}' was replaced by the browser's ${shortValue(browserValue)} on run ${runId}`,
    why: "Streamlit's frontend resends the component's whole state map on every rerun, and that map overwrites writes made by the script or the Session State panel.",
    fix: `Pass the value to the component through \`data\` and have the component call setStateValue('${name}') with it, so the browser's map holds it; react to the browser's value in \`on_${name}_change\` instead of writing it back.`,
  };
}

export function unhandledTriggerText(label: string, name: string, runId: number): FindingText {
  return {
    message: `${label} fired trigger '${name}' on run ${runId}, but no \`on_${name}_change\` callback is registered`,
    why: `Streamlit calls a trigger's callback only when the mount registers \`on_${name}_change\`; without one the value shows in the result for that run only and nothing reacts to it.`,
    fix: `Pass \`on_${name}_change\` when mounting the component, or read '${name}' from the component's result in the same run.`,
  };
}

export function mountTimeTriggerText(label: string, name: string): FindingText {
  return {
    message: `${label} calls setTriggerValue('${name}') during its invocation`,
    why: "A trigger fired while the default export runs is tied to that mount and is reset after its run: Streamlit releases before 1.6x (without PR #16833) lose such a trigger on about one remount in four.",
    fix: "Fire triggers from user events; report a value the component knows at mount with setStateValue, or give Python the initial value as `default`.",
  };
}

export function churnText(label: string, changedArguments: readonly string[], runs: number): FindingText {
  const args = changedArguments.length ? listCode(changedArguments) : "mount arguments";
  return {
    message: `${label} remounted on ${runs} runs in a row because its ${args} changed: give it a key`,
    why: `An unkeyed instance's element id is computed from its mount arguments, so a change of ${args} gives it a new id: Streamlit unmounts the old element, resets its state and mounts a new one.`,
    fix: `Give the instance a \`key\`: a keyed instance keeps its id and is re-invoked with the new ${args} instead of remounting.`,
  };
}

export function unchangedValueText(label: string, name: string, value: string): FindingText {
  return {
    message: `${label} sets '${name}' to ${shortValue(value)}, the value it already holds: no \`on_${name}_change\` callback runs for a value that did not change`,
    why: "Streamlit compares the new state map with the old one and calls a state callback only for names whose value changed; the write still reruns the script.",
    fix: "Skip setStateValue when the value is the same, or use setTriggerValue for an event that must reach Python every time.",
  };
}

export function undeclaredStateText(label: string, name: string, callbackNames: readonly string[]): FindingText {
  return {
    message: `${label} sets '${name}', which has no \`on_${name}_change\` callback (its callbacks: ${callbackNames.map((n) => `'${n}'`).join(", ")})`,
    why: "Streamlit runs a callback only for a name registered as `on_<name>_change`, and once an instance has a callback, script and Session State panel writes are kept only for callback names: writes to any other name are silently ignored.",
    fix: `Register \`on_${name}_change\` if Python should react to or set '${name}', or correct the name if it is a typo of a callback name.`,
  };
}

export function unusedCallbackText(label: string, name: string, runs: number): FindingText {
  return {
    message: `${label} registers \`on_${name}_change\`, but the component has not set '${name}' in ${runs} runs`,
    why: "A callback runs only when the component sets that exact name with setStateValue or setTriggerValue; a name it never sets leaves the callback unused (often a typo or a renamed state).",
    fix: `Make the component set '${name}', or rename or remove \`on_${name}_change\` to match the names the component sets.`,
  };
}
